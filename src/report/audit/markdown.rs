//! Markdown summary of an audit, for a CI job summary or a pull request.

use crate::audit::run::AuditRun;
use crate::diagnostic::Code;
use std::io::Write;

/// How many of the worst pairs the summary lists.
pub const WORST: usize = 10;
/// Longest text shown per side, in characters.
const CLIP: usize = 140;

/// Escape corpus text for a Markdown table cell, so it shows as written and
/// nothing in it renders or acts: every character that starts Markdown
/// inside a line gets CommonMark's backslash escape (emphasis, links and
/// images, code, HTML, entities, table pipes), and so do GitHub's `@mention`,
/// `:emoji:`, `~strike~` and `$math$` markers and the `:` of autolinks. Line
/// breaks become spaces (a cell is one line, so block syntax cannot start).
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '|' | '#' | '!' | '~'
            | '@' | '&' | ':' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("U+{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `s` cut to `n` characters, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Count of findings per code (above `Info`), in table order.
pub fn code_counts(run: &AuditRun) -> Vec<(Code, usize)> {
    let mut counts: Vec<(Code, usize)> = Vec::new();
    for (_, f) in run.findings() {
        match counts.iter_mut().find(|(c, _)| *c == f.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.code, 1)),
        }
    }
    counts.sort();
    counts
}

/// Write the summary.
pub fn write(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    let n = run.pairs.len();
    let flagged = run.batch.flagged();
    let pct = if n > 0 {
        100.0 * flagged as f64 / n as f64
    } else {
        0.0
    };
    writeln!(w, "## Translation audit: {}\n", cell(&run.title))?;
    writeln!(
        w,
        "**Batch score {:.3}** · {n} pairs · {flagged} flagged ({pct:.1} %)\n",
        run.batch.score
    )?;
    if !run.unpaired.is_empty() {
        writeln!(
            w,
            "### Unpaired articles\n\n| Side | Article | Title |\n|---|---|---|"
        )?;
        for u in &run.unpaired {
            writeln!(
                w,
                "| {} | {} | {} |",
                u.side.as_str(),
                cell(&u.path),
                cell(&clip(&u.title, CLIP))
            )?;
        }
        writeln!(w)?;
    }
    let counts = code_counts(run);
    if counts.is_empty() {
        writeln!(w, "No findings.")?;
        return Ok(());
    }
    writeln!(w, "| Code | Category | Findings |\n|---|---|---:|")?;
    for (c, k) in &counts {
        writeln!(w, "| {c} | {} | {k} |", c.category())?;
    }
    writeln!(w, "\n### Worst pairs\n")?;
    writeln!(
        w,
        "| Pair | Score | Findings | Korean | English |\n|---|---:|---|---|---|"
    )?;
    for row in run
        .worst_rows()
        .into_iter()
        .filter(|&r| run.batch.pairs[r].flagged)
        .take(WORST)
    {
        let r = &run.batch.pairs[row];
        let findings: Vec<String> = r
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code, cell(&f.message)))
            .collect();
        writeln!(
            w,
            "| {} | {:.3} | {} | {} | {} |",
            cell(&run.pair_name(row)),
            r.score,
            findings.join("<br>"),
            cell(&clip(&run.pairs[row].ko, CLIP)),
            cell(&clip(&run.pairs[row].en, CLIP)),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\n<i>"), "a\\|b \\<i\\>");
        assert_eq!(cell("**bold** @kim"), "\\*\\*bold\\*\\* \\@kim");
        assert_eq!(cell("[t](u)"), "\\[t\\]\\(u\\)");
    }

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("가나다라", 2), "가나…");
        assert_eq!(clip("가나", 2), "가나");
    }
}

//! `human`: rustc-style text.
//!
//! ```text
//! a.txt:1:6: BT101 HTML character reference `&#x27;` left in text; it stands for `'`
//!   |
//! 1 | Korea&#x27;s exports
//!   |      ^^^^^^ warning (html_entity)
//!   = fix: replace with `'`
//! ```
//!
//! Control and invisible characters in the line are shown as `<U+XXXX>`;
//! a long line is cut to a window around the span.

use super::{Source, Sources};
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// Characters of context shown on each side of the span.
const CONTEXT: usize = 40;
/// Characters of the span itself shown at most.
const SPAN_MAX: usize = 60;

/// Terminal columns a character takes: two for East Asian wide characters.
fn width(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// A character as shown in the source line.
fn render(c: char, out: &mut String) {
    if c == '\t' {
        out.push(' ');
    } else {
        out.push_str(&super::visible(c.encode_utf8(&mut [0; 4])));
    }
}

fn display_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// The source line around the byte range `[start, end)` of `line` and the
/// caret line under it. Only the window shown is looked at, so a report on
/// a line of megabytes costs the same as on a short one.
fn snippet(line: &str, start: usize, end: usize) -> (String, String) {
    let start = crate::span::floor_char_boundary(line, start.min(line.len()));
    let end = crate::span::floor_char_boundary(line, end.clamp(start, line.len()));
    let before: Vec<char> = line[..start].chars().rev().take(CONTEXT + 1).collect();
    let mut text = String::new();
    if before.len() > CONTEXT {
        text.push('…');
    }
    for &c in before.iter().take(CONTEXT).rev() {
        render(c, &mut text);
    }
    let pad = display_width(&text);
    let mut span = String::new();
    let mut inside = line[start..end].chars();
    for c in inside.by_ref().take(SPAN_MAX) {
        render(c, &mut span);
    }
    if inside.next().is_some() {
        span.push('…');
    }
    text.push_str(&span);
    let mut after = line[end..].chars();
    for c in after.by_ref().take(CONTEXT) {
        render(c, &mut text);
    }
    if after.next().is_some() {
        text.push('…');
    }
    let carets = display_width(&span).max(1);
    (text, format!("{}{}", " ".repeat(pad), "^".repeat(carets)))
}

fn source_lines(
    d: &Diagnostic,
    src: &Source,
    gutter: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let loc = &d.location;
    let (line_start, line) = src.line_at(loc.line);
    let start = loc.span.start.saturating_sub(line_start);
    let end = loc.span.end.max(loc.span.start).saturating_sub(line_start);
    let (text, carets) = snippet(line, start, end);
    let blank = " ".repeat(gutter);
    writeln!(out, "{blank} |")?;
    writeln!(out, "{:>gutter$} | {text}", loc.line)?;
    writeln!(
        out,
        "{blank} | {carets} {} ({})",
        d.severity.as_str(),
        d.code.category()
    )
}

/// Write every diagnostic, then a one-line summary.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    write_diagnostics(diags, sources, out)?;
    let mut tally = Tally::default();
    tally.add(diags);
    tally.write(out)
}

/// Counts for the closing summary, added up as diagnostics stream by.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    findings: usize,
    files: usize,
    by_severity: [usize; 3],
}

impl Tally {
    /// Count `diags` (the diagnostics of one or more whole files).
    pub fn add(&mut self, diags: &[Diagnostic]) {
        let mut p: Vec<&str> = diags.iter().map(|d| d.location.path.as_str()).collect();
        p.sort_unstable();
        p.dedup();
        self.files += p.len();
        self.findings += diags.len();
        for d in diags {
            self.by_severity[d.severity as usize] += 1;
        }
    }

    /// The one-line summary; nothing when there were no findings.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.findings == 0 {
            return Ok(());
        }
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{} in {}: {}, {}, {}",
            plural(self.findings, "finding"),
            plural(self.files, "file"),
            plural(self.by_severity[Severity::Error as usize], "error"),
            plural(self.by_severity[Severity::Warning as usize], "warning"),
            plural(self.by_severity[Severity::Info as usize], "note"),
        )
    }
}

/// Write every diagnostic, without the summary.
pub fn write_diagnostics(
    diags: &[Diagnostic],
    sources: &Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in diags {
        let loc = &d.location;
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            loc.path,
            loc.line,
            loc.column,
            d.code,
            super::visible(&d.message)
        )?;
        let gutter = loc.line.to_string().len();
        match sources
            .get(&loc.path)
            .filter(|s| loc.span.end <= s.text().len() && !s.text().is_empty())
        {
            Some(src) => source_lines(d, src, gutter, out)?,
            None => writeln!(
                out,
                "{} = {} ({})",
                " ".repeat(gutter),
                d.severity.as_str(),
                d.code.category()
            )?,
        }
        let blank = " ".repeat(gutter);
        if let Some(r) = &d.related {
            writeln!(out, "{blank} = related: {}:{}:{}", r.path, r.line, r.column)?;
        }
        match &d.fix {
            Some(f) if f.replacement.is_empty() && f.safe => {
                writeln!(out, "{blank} = fix: remove")?
            }
            Some(f) if f.safe => writeln!(
                out,
                "{blank} = fix: replace with `{}`",
                super::visible(&f.replacement)
            )?,
            Some(f) if f.replacement.is_empty() => {
                writeln!(out, "{blank} = suggestion (not applied by --fix): remove")?
            }
            Some(f) => writeln!(
                out,
                "{blank} = suggestion (not applied by --fix): replace with `{}`",
                super::visible(&f.replacement)
            )?,
            None => writeln!(out, "{blank} = no automatic fix")?,
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_sit_under_wide_characters_and_escapes() {
        let (text, carets) = snippet("한국&amp;x", 6, 11);
        assert_eq!(text, "한국&amp;x");
        assert_eq!(carets, "    ^^^^^");
        let (text, carets) = snippet("a\u{200B}b", 1, 4);
        assert_eq!(text, "a<U+200B>b");
        assert_eq!(carets, " ^^^^^^^^");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = "x".repeat(1000) + "&amp;" + &"y".repeat(1000);
        let (text, carets) = snippet(&line, 1000, 1005);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().count(), 40 + 5 + 40 + 2);
        assert_eq!(carets.trim_start().len(), 5);
        assert_eq!(carets.len() - 5, 41);
    }
}

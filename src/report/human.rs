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

/// The source line around `[start, end)` (character columns on that line,
/// 0-based) and the caret line under it.
fn snippet(line: &str, start: usize, end: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let from = start.saturating_sub(CONTEXT);
    let shown_end = end.min(start + SPAN_MAX);
    let to = (end + CONTEXT).min(chars.len());
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    for &c in &chars[from..start] {
        render(c, &mut text);
    }
    let pad = display_width(&text);
    let mut span = String::new();
    for &c in &chars[start..shown_end] {
        render(c, &mut span);
    }
    if shown_end < end {
        span.push('…');
    }
    text.push_str(&span);
    for &c in &chars[end..to] {
        render(c, &mut text);
    }
    if to < chars.len() {
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
    let line = src.line_text(loc.line);
    let (end_line, end_col) = src.line_col(loc.span.end.max(loc.span.start));
    let end = if end_line == loc.line {
        end_col - 1
    } else {
        line.chars().count()
    };
    let (text, carets) = snippet(line, loc.column - 1, end);
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
    if !diags.is_empty() {
        let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
        let files = {
            let mut p: Vec<&str> = diags.iter().map(|d| d.location.path.as_str()).collect();
            p.sort_unstable();
            p.dedup();
            p.len()
        };
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{} in {}: {}, {}, {}",
            plural(diags.len(), "finding"),
            plural(files, "file"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            plural(count(Severity::Info), "note"),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_sit_under_wide_characters_and_escapes() {
        let (text, carets) = snippet("한국&amp;x", 2, 7);
        assert_eq!(text, "한국&amp;x");
        assert_eq!(carets, "    ^^^^^");
        let (text, carets) = snippet("a\u{200B}b", 1, 2);
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

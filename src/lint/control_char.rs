//! BT106: C0 controls other than tab and newline, C1 controls and DEL.

use super::legacy::cp1252_char;
use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;

/// Finds runs of control characters. A carriage return before a newline is a
/// line ending, not debris.
pub struct ControlChar;

fn is_reported(text: &str, pos: usize, c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => !text[pos + 1..].starts_with('\n'),
        _ => c.is_control(),
    }
}

/// Controls that separate words (vertical tab, form feed, the information
/// separators, NEL, a lone CR): removing them would glue words together.
fn separates(c: char) -> bool {
    matches!(c, '\r' | '\u{B}' | '\u{C}' | '\u{1C}'..='\u{1F}' | '\u{85}')
}

impl Rule for ControlChar {
    fn code(&self) -> Code {
        Code::ControlChar
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for (span, chars) in scan.runs(&[Trigger::Control, Trigger::Latin1], |i, c| {
            is_reported(text, i, c)
        }) {
            let (pos, end) = (span.start, span.end);
            let mut names: Vec<String> = Vec::new();
            for c in &chars {
                let n = format!("U+{:04X}", *c as u32);
                if !names.contains(&n) && names.len() < 8 {
                    names.push(n);
                }
            }
            let what = if chars.len() == 1 {
                format!("control character {}", names[0])
            } else {
                format!("{} control characters ({})", chars.len(), names.join(" "))
            };
            let cp1252 = match chars[..] {
                [c] if ('\u{80}'..='\u{9F}').contains(&c) => cp1252_char(c as u8),
                _ => None,
            };
            let finding = if let Some(q) = cp1252 {
                Finding::new(
                    self.code(),
                    span,
                    format!("{what}: probably the cp1252 byte for `{q}` decoded as Latin-1"),
                )
                .fix(q.to_string(), false)
            } else {
                let before = text[..pos].chars().next_back();
                let after = text[end..].chars().next();
                let glued = chars.iter().any(|&c| separates(c))
                    && before.is_some_and(|c| !c.is_whitespace())
                    && after.is_some_and(|c| !c.is_whitespace());
                let (replacement, how) = if glued {
                    (" ", "replace with a space")
                } else {
                    ("", "remove")
                };
                Finding::new(self.code(), span, format!("{what} in text ({how})"))
                    .fix(replacement, true)
            };
            out.push(finding);
        }
    }
}

//! BT107: zero-width characters, word joiner, BOM inside text, soft hyphen,
//! bidirectional controls and Hangul fillers.

use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::{is_format, Trigger};
use crate::span::Span;

/// Finds runs of invisible formatting characters, except where a script
/// needs them: a joiner inside an emoji sequence, a (non-)joiner between
/// Arabic or Indic letters, a directional mark next to right-to-left text.
pub struct InvisibleChar;

fn is_invisible(c: char) -> bool {
    c == '\u{AD}' || (is_format(c) && c != '\u{FFFD}')
}

fn name(c: char) -> &'static str {
    match c {
        '\u{AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "directional mark",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "bidirectional control",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{FEFF}' => "byte-order mark inside text",
        '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        _ => "invisible character",
    }
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F)
}

/// Scripts written without spaces, which mark word boundaries with a
/// zero-width space.
fn spaceless(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x19E0..=0x19FF)
}

/// Scripts that use joiners and non-joiners in ordinary spelling.
fn joins(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x08FF | 0x0900..=0x0DFF | 0x0F00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x18AF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFE)
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// True when the run at `span` is there on purpose.
fn legitimate(text: &str, span: Span, chars: &[char]) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let near = |f: fn(char) -> bool| before.is_some_and(f) || after.is_some_and(f);
    chars.iter().all(|&c| match c {
        '\u{200D}' => (before.is_some_and(is_emoji) && after.is_some_and(is_emoji)) || near(joins),
        '\u{200C}' => near(joins),
        '\u{200B}' => near(spaceless),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => {
            // Marks and isolates around or inside right-to-left text.
            let lo = crate::span::floor_char_boundary(text, span.start.saturating_sub(64));
            let hi = crate::span::floor_char_boundary(text, span.end + 64);
            text[lo..hi].chars().any(is_rtl)
        }
        _ => false,
    })
}

impl Rule for InvisibleChar {
    fn code(&self) -> Code {
        Code::InvisibleChar
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for (span, chars) in scan.runs(&[Trigger::Format, Trigger::Latin1], |_, c| is_invisible(c))
        {
            if legitimate(text, span, &chars) {
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for &c in &chars {
                let n = format!("{} (U+{:04X})", name(c), c as u32);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let what = if chars.len() == 1 {
                names.join(", ")
            } else {
                format!("{} invisible characters: {}", chars.len(), names.join(", "))
            };
            out.push(
                Finding::new(self.code(), span, format!("{what} hidden in text (remove)"))
                    .fix("", true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{check_text, LintOptions};

    fn found(text: &str) -> usize {
        check_text(text, &LintOptions::default())
            .iter()
            .filter(|f| f.code == Code::InvisibleChar)
            .count()
    }

    #[test]
    fn invisible_characters_in_latin_and_korean_text_are_found() {
        for s in [
            "a\u{200B}b",
            "역\u{200B}할",
            "x\u{FEFF}y",
            "co\u{AD}operate",
            "a\u{2060}b",
            "\u{202E}abc",
            "a\u{3164}b",
        ] {
            assert_eq!(found(s), 1, "{s:?}");
        }
    }

    #[test]
    fn joiners_that_scripts_need_stay_silent() {
        assert_eq!(found("👨\u{200D}👩\u{200D}👧"), 0);
        assert_eq!(found("می\u{200C}خواهم"), 0);
        assert_eq!(found("שלום \u{200F}abc"), 0);
        assert_eq!(found("ភាសា\u{200B}ខ្មែរ"), 0);
    }
}

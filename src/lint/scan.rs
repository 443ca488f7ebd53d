//! The one pass over the text that every rule shares.
//!
//! Clean text is mostly characters no rule cares about, so a table lookup per
//! byte skips them and only the few places where a rule could fire are
//! recorded as [`Hit`]s. Rules then look at their hits instead of the text.

use std::cell::OnceCell;

/// Why the scanner stopped at a byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// `&`: a character reference may start here.
    Amp,
    /// `<`: markup may start here.
    Lt,
    /// `\`: an escape sequence may start here.
    Backslash,
    /// A C0 control other than tab and newline, or DEL.
    Control,
    /// A character in U+0080–U+00FF (Latin-1 supplement and C1 controls).
    Latin1,
    /// An invisible formatting character or U+FFFD (see [`is_format`]).
    Format,
    /// A Hangul syllable touching an ASCII letter: the shape UTF-8 Latin text
    /// takes when read as cp949 (`caf챕`).
    HangulEdge,
    /// A CJK ideograph: UTF-8 Korean read as cp949 starts with one (`寃쎌젣`).
    Han,
}

/// A place the scanner stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the character.
    pub pos: usize,
    /// Why.
    pub trigger: Trigger,
}

// Byte classes of the scan table.
const NONE: u8 = 0;
const AMP: u8 = 1;
const LT: u8 = 2;
const BACKSLASH: u8 = 3;
const CONTROL: u8 = 4;
const LATIN1: u8 = 5;
/// Lead bytes of three-byte characters that may be invisible or U+FFFD.
const FORMAT3: u8 = 6;
/// Lead byte of U+061C ARABIC LETTER MARK.
const D8: u8 = 7;
/// Lead bytes of Hangul syllables U+C000–U+D7FF.
const HANGUL: u8 = 8;
/// Lead bytes of CJK ideographs U+4E00–U+9FFF.
const HAN: u8 = 9;

static CLASS: [u8; 256] = {
    let mut t = [NONE; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = CONTROL;
        b += 1;
    }
    t[b'\t' as usize] = NONE;
    t[b'\n' as usize] = NONE;
    t[0x7F] = CONTROL;
    t[b'&' as usize] = AMP;
    t[b'<' as usize] = LT;
    t[b'\\' as usize] = BACKSLASH;
    t[0xC2] = LATIN1;
    t[0xC3] = LATIN1;
    t[0xD8] = D8;
    t[0xE2] = FORMAT3;
    t[0xE3] = FORMAT3;
    t[0xEF] = FORMAT3;
    t[0xEC] = HANGUL;
    t[0xED] = HANGUL;
    let mut b = 0xE4;
    while b <= 0xE9 {
        t[b] = HAN;
        b += 1;
    }
    t
};

/// True for the invisible characters the linter reports, and U+FFFD.
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{3164}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{FFFD}')
}

/// The text and the places rules need to look at.
pub struct Scan<'a> {
    text: &'a str,
    hits: Vec<Hit>,
    legacy: OnceCell<Vec<super::legacy::Piece>>,
}

impl<'a> Scan<'a> {
    /// Scan `text` once.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut i = 0;
        let n = bytes.len();
        while i < n {
            let class = CLASS[bytes[i] as usize];
            if class == NONE {
                i += 1;
                continue;
            }
            let trigger = match class {
                AMP => Some(Trigger::Amp),
                LT => Some(Trigger::Lt),
                BACKSLASH => Some(Trigger::Backslash),
                CONTROL => Some(Trigger::Control),
                LATIN1 => Some(Trigger::Latin1),
                D8 => (bytes.get(i + 1) == Some(&0x9C)).then_some(Trigger::Format),
                FORMAT3 => {
                    // Only the few three-byte characters in `is_format`; the
                    // common punctuation with the same lead byte is skipped.
                    let c = text.get(i..).and_then(|s| s.chars().next());
                    c.filter(|&c| is_format(c)).map(|_| Trigger::Format)
                }
                HANGUL => {
                    let before = i > 0 && bytes[i - 1].is_ascii_alphabetic();
                    let after = bytes.get(i + 3).is_some_and(u8::is_ascii_alphabetic);
                    (before || after).then_some(Trigger::HangulEdge)
                }
                HAN => (bytes[i] > 0xE4 || bytes.get(i + 1).is_some_and(|&b| b >= 0xB8))
                    .then_some(Trigger::Han),
                _ => None,
            };
            if let Some(trigger) = trigger {
                hits.push(Hit { pos: i, trigger });
            }
            i += 1;
        }
        Scan {
            text,
            hits,
            legacy: OnceCell::new(),
        }
    }

    /// The scanned text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Offsets of the hits with `trigger`, in order.
    pub fn hits(&self, trigger: Trigger) -> impl Iterator<Item = usize> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.trigger == trigger)
            .map(|h| h.pos)
    }

    /// Offsets of the hits with any of `triggers`, in order.
    pub fn hits_any<'t>(&'t self, triggers: &'t [Trigger]) -> impl Iterator<Item = Hit> + 't {
        self.hits
            .iter()
            .filter(move |h| triggers.contains(&h.trigger))
            .copied()
    }

    /// The maximal runs of characters satisfying `keep(byte offset, char)`
    /// that start at a hit of one of `triggers`, each reported once, with
    /// their characters.
    pub fn runs<'t>(
        &'t self,
        triggers: &'t [Trigger],
        keep: impl Fn(usize, char) -> bool + 't,
    ) -> impl Iterator<Item = (crate::span::Span, Vec<char>)> + 't {
        let mut done = 0;
        self.hits_any(triggers).filter_map(move |hit| {
            let pos = hit.pos;
            if pos < done {
                return None;
            }
            let chars: Vec<char> = self.text[pos..]
                .char_indices()
                .take_while(|&(i, c)| keep(pos + i, c))
                .map(|(_, c)| c)
                .collect();
            if chars.is_empty() {
                return None;
            }
            done = pos + chars.iter().map(|c| c.len_utf8()).sum::<usize>();
            Some((crate::span::Span::new(pos, done), chars))
        })
    }

    /// True when the text has nothing any rule could report.
    pub fn is_clean(&self) -> bool {
        self.hits.is_empty()
    }

    /// The legacy-encoding analysis of the Latin-1 runs, computed once for
    /// both mojibake rules.
    pub fn legacy(&self) -> &[super::legacy::Piece] {
        self.legacy.get_or_init(|| super::legacy::analyse(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triggers(text: &str) -> Vec<(usize, Trigger)> {
        Scan::new(text)
            .hits
            .iter()
            .map(|h| (h.pos, h.trigger))
            .collect()
    }

    #[test]
    fn clean_english_and_korean_have_no_hits() {
        assert!(triggers("Exports rose 19.8% — “a record,” he said… 수출이 늘었다.").is_empty());
        assert!(triggers("tab\tand\nnewline").is_empty());
    }

    #[test]
    fn each_trigger_is_found_at_its_byte() {
        assert_eq!(triggers("a&b"), [(1, Trigger::Amp)]);
        assert_eq!(triggers("a<b"), [(1, Trigger::Lt)]);
        assert_eq!(triggers("a\\n"), [(1, Trigger::Backslash)]);
        assert_eq!(triggers("a\u{1}"), [(1, Trigger::Control)]);
        assert_eq!(triggers("é"), [(0, Trigger::Latin1)]);
        assert_eq!(triggers("a\u{200B}b"), [(1, Trigger::Format)]);
        assert_eq!(triggers("\u{FFFD}"), [(0, Trigger::Format)]);
        assert_eq!(triggers("x\u{061C}"), [(1, Trigger::Format)]);
    }

    #[test]
    fn hangul_touching_latin_letters_is_a_hit_only_at_the_edge() {
        assert_eq!(triggers("caf챕"), [(3, Trigger::HangulEdge)]);
        assert!(triggers("정부 챕터").is_empty());
    }
}

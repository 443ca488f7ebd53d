//! Untranslated text: Hangul or Korean punctuation left in the English, or an
//! English side equal to its source.

use super::text::{is_cjk_punct, is_hangul, same_text};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;

/// Weight of an English side identical to its source: conclusive.
pub const COPY_WEIGHT: f64 = 10.0;
/// Weight of a run of two or more Hangul syllables in the English.
const RUN_WEIGHT: f64 = 5.0;
/// Weight of a lone Hangul character (a cited word such as a gloss is possible).
const LONE_WEIGHT: f64 = 2.0;
/// Weight of Korean/CJK punctuation in the English.
const PUNCT_WEIGHT: f64 = 1.5;

/// Report untranslated text in `pair`.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    if pair.en.chars().any(char::is_alphanumeric) && same_text(pair.ko, pair.en) {
        out.push(
            Signal::new(
                Code::Untranslated,
                COPY_WEIGHT,
                "the English is a copy of the source",
            )
            .class("copy")
            .en(Span::new(0, pair.en.len()))
            .ko(Span::new(0, pair.ko.len())),
        );
        return;
    }
    if pair.en_counts.hangul > 0 {
        hangul_runs(pair, out);
    }
    if pair.en_counts.cjk_punct > 0 {
        if let Some((i, c)) = pair.en.char_indices().find(|&(_, c)| is_cjk_punct(c)) {
            out.push(
                Signal::new(
                    Code::Untranslated,
                    PUNCT_WEIGHT,
                    format!("Korean punctuation `{c}` in the English"),
                )
                .en(Span::new(i, i + c.len_utf8())),
            );
        }
    }
}

/// One signal for the Hangul of the English, spanning the first to the last
/// Hangul character, weighted by how much of the English it covers.
fn hangul_runs(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let en = pair.en;
    let mut first = None;
    let mut last = 0;
    let mut longest_run = 0usize;
    let mut run = 0usize;
    for (i, c) in en.char_indices() {
        if is_hangul(c) {
            first.get_or_insert(i);
            last = i + c.len_utf8();
            run += 1;
            longest_run = longest_run.max(run);
        } else if !(c.is_whitespace() || c.is_ascii_punctuation()) {
            run = 0;
        }
    }
    let Some(first) = first else { return };
    let hangul = pair.en_counts.hangul as f64;
    // Hangul carries about twice the content of a Latin letter; the share
    // says whether a word or half the sentence was left untranslated.
    let share = 2.3 * hangul / (2.3 * hangul + pair.en_counts.other as f64);
    let weight = if longest_run >= 2 {
        RUN_WEIGHT + 5.0 * share
    } else {
        LONE_WEIGHT
    };
    out.push(
        Signal::new(
            Code::Untranslated,
            weight,
            format!(
                "{} Hangul character{} left in the English ({:.0}% of it)",
                pair.en_counts.hangul,
                if pair.en_counts.hangul == 1 { "" } else { "s" },
                share * 100.0
            ),
        )
        .en(Span::new(first, last)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ko: &str, en: &str) -> Vec<Signal> {
        crate::audit::run_check(check, ko, en)
    }

    #[test]
    fn source_copy_is_conclusive() {
        let v = run("오늘은 날씨가 맑다.", "오늘은  날씨가 맑다.");
        assert_eq!(v.len(), 1);
        assert!(v[0].weight >= COPY_WEIGHT);
    }

    #[test]
    fn hangul_tail_is_spanned() {
        let en = "The team won 그 경기에서 이겼다.";
        let v = run("그 팀은 그 경기에서 이겼다.", en);
        assert_eq!(v.len(), 1);
        let s = v[0].en.map(|s| &en[s.range()]);
        assert_eq!(s, Some("그 경기에서 이겼다"));
        assert!(v[0].weight > RUN_WEIGHT);
    }

    #[test]
    fn lone_hangul_gloss_is_weak() {
        let v = run("정은 한국적 정서다.", "Jeong (정) is a Korean feeling.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].weight, LONE_WEIGHT);
    }

    #[test]
    fn clean_english_has_no_signal() {
        assert!(run("그는 웃었다.", "He laughed.").is_empty());
    }

    #[test]
    fn korean_punctuation_is_reported() {
        let v = run("「책」을 읽었다.", "He read 「The Book」.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, Code::Untranslated);
    }
}

//! Length model: how long the English should be given the Korean, and
//! translations far shorter (truncated) or longer (added text) than that.
//!
//! English letters and digits are predicted from the Korean as
//! `HANGUL_RATIO · hangul + other` (Latin letters and digits carry over one
//! for one); the log ratio of actual to predicted length is Gaussian for
//! correct translations, with a spread that grows for short sentences
//! (counting noise). The ratio and spread were estimated, robustly (median
//! and MAD), on aligned news sentence pairs: English has about 2.3 letters
//! per Hangul syllable, with a log-spread of about 0.23.

use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;

/// English letters per Hangul syllable.
pub const HANGUL_RATIO: f64 = 2.3;
/// Added to both lengths so that very short sides do not explode the ratio.
const SMOOTH: f64 = 4.0;
/// Log-spread of the ratio for long sentences.
const SIGMA_LONG: f64 = 0.23;
/// Extra variance per predicted character, for short sentences.
const SIGMA_SHORT: f64 = 1.5;
/// `ln(N(0) · 12)`: log-likelihood ratio at z = 0 of the Gaussian against a
/// flat alternative over z ∈ [−6, 6]; the weight crosses zero at |z| ≈ 1.77.
const LLR_AT_ZERO: f64 = 1.57;
/// Beyond this |z| the evidence is reported as a finding.
const REPORT_Z: f64 = 2.5;

/// The length residual of `pair`, in standard deviations (negative: the
/// English is shorter than predicted); `None` when the Korean has no content.
pub fn length_z(pair: &Pair<'_>) -> Option<f64> {
    let ko = pair.ko_counts;
    let predicted = HANGUL_RATIO * ko.hangul as f64 + ko.other as f64;
    if predicted == 0.0 {
        return None;
    }
    // Hangul left in the English is counted as if translated, so that
    // untranslated text is not also reported as a truncation.
    let en = pair.en_counts;
    let actual = en.other as f64 + HANGUL_RATIO * en.hangul as f64;
    let r = ((actual + SMOOTH) / (predicted + SMOOTH)).ln();
    let sigma = (SIGMA_LONG * SIGMA_LONG + SIGMA_SHORT / (predicted + SMOOTH)).sqrt();
    Some(r / sigma)
}

/// Report a translation much shorter or longer than its source predicts,
/// or one that stops mid-sentence.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    incomplete_ending(pair, out);
    let Some(z) = length_z(pair) else { return };
    let weight = z * z / 2.0 - LLR_AT_ZERO;
    let (code, message) = if z < 0.0 {
        (
            Code::Truncated,
            format!(
                "the English is {:.1} standard deviations shorter than the Korean predicts",
                -z
            ),
        )
    } else {
        (
            Code::Addition,
            format!("the English is {z:.1} standard deviations longer than the Korean predicts"),
        )
    };
    let mut s = Signal::new(code, weight, message);
    if z.abs() >= REPORT_Z {
        s = s
            .en(Span::new(0, pair.en.len()))
            .ko(Span::new(0, pair.ko.len()));
    } else {
        // Below the report level the residual still ranks pairs, but it is
        // no finding: keep it under the display threshold.
        s.weight = s.weight.min(super::score::SHOW_WEIGHT - 0.01);
    }
    out.push(s);
}

/// Weight of English that ends on a comma, colon or dash.
const OPEN_END_WEIGHT: f64 = 4.0;
/// Weight of English that ends on a word no English sentence ends with.
const FUNCTION_END_WEIGHT: f64 = 3.5;
/// Weight of English without final punctuation when its source has it:
/// edited prose lacks it about once in a hundred sentences, a cut
/// translation about once in five (`ln(0.2 / 0.01) ≈ 3`).
const NO_STOP_WEIGHT: f64 = 3.0;

/// Words that cannot end an English sentence: articles, possessives,
/// conjunctions and the prepositions that are never stranded. Words that
/// end elliptical or stranded clauses (`as he can.`, `the man she met
/// with.`, `gave it to her.`) are absent.
const NON_FINAL: &[&str] = &[
    "a",
    "an",
    "the",
    "my",
    "your",
    "its",
    "our",
    "their",
    "and",
    "or",
    "but",
    "nor",
    "if",
    "because",
    "although",
    "though",
    "whereas",
    "unless",
    "of",
    "into",
    "onto",
    "than",
    "between",
    "among",
    "including",
    "during",
    "whose",
    "very",
];

/// Words that end an English sentence only in ellipsis or with a stranded
/// preposition (`as he can.`, `the man she spoke with.`): rare enough at the
/// end to count, not enough to condemn alone.
const RARELY_FINAL: &[&str] = &[
    "to", "has", "have", "is", "are", "was", "were", "will", "would", "can", "could", "should",
    "who", "which", "for", "with", "from", "by", "at", "about", "some", "any", "also",
];
/// Weight of English that ends on one of [`RARELY_FINAL`]: such endings are
/// a few in a thousand sentences of edited prose.
const RARELY_FINAL_WEIGHT: f64 = 2.5;

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '"' | '”' | '\'' | '’' | ')' | ']' | '»'
    )
}

/// English that stops mid-sentence: on a comma or dash, on a word that
/// cannot end a sentence, or without the final punctuation its source has.
fn incomplete_ending(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let en = pair.en.trim_end();
    let Some(last) = en.chars().next_back() else {
        return;
    };
    let Some(word) = pair.en_words.last() else {
        return;
    };
    let tail = Span::new(word.span.start, en.len());
    if matches!(last, ',' | ';' | ':' | '-' | '–' | '—') {
        out.push(
            Signal::new(
                Code::Truncated,
                OPEN_END_WEIGHT,
                format!("the English ends on `{last}`"),
            )
            .en(tail),
        );
        return;
    }
    let after = &en[word.span.end..];
    let w = &pair.en[word.span.range()];
    // Questions strand prepositions (`who did he go with?`).
    let closes = !after.contains('?') && after.chars().all(|c| is_terminal(c) || c.is_whitespace());
    if closes && RARELY_FINAL.iter().any(|f| f.eq_ignore_ascii_case(w)) {
        out.push(
            Signal::new(
                Code::Truncated,
                RARELY_FINAL_WEIGHT,
                format!("the English ends on `{w}`, which rarely ends a sentence"),
            )
            .en(tail),
        );
        return;
    }
    if closes && NON_FINAL.iter().any(|f| f.eq_ignore_ascii_case(w)) {
        out.push(
            Signal::new(
                Code::Truncated,
                FUNCTION_END_WEIGHT,
                format!("the English ends on `{w}`, which cannot end a sentence"),
            )
            .en(tail),
        );
        return;
    }
    // A closing quote or bracket is no full stop: a Korean headline ends
    // `…“막자”` without one.
    let ko_last = pair
        .ko
        .trim_end()
        .trim_end_matches(['"', '”', '\'', '’', ')', ']', '」', '』'])
        .chars()
        .next_back();
    // An ellipsis in Korean headlines separates clauses; it is no full stop.
    let ko_stops = ko_last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '다' | '요'));
    if ko_stops && !is_terminal(last) {
        out.push(
            Signal::new(
                Code::Truncated,
                NO_STOP_WEIGHT,
                "the English has no final punctuation",
            )
            .en(tail),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(ko: &str, en: &str) -> f64 {
        length_z(&Pair::new(ko, en)).unwrap_or(f64::NAN)
    }

    #[test]
    fn typical_translation_is_near_zero() {
        let v = z(
            "정부는 내년 예산안을 국회에 제출했다고 밝혔다.",
            "The government said it had submitted next year's budget bill to the National Assembly.",
        );
        assert!(v.abs() < 1.5, "{v}");
    }

    #[test]
    fn truncation_is_far_below() {
        let v = z(
            "정부는 내년 예산안을 국회에 제출했으며 야당은 이에 강하게 반발하면서 표결을 거부하겠다고 밝혔다.",
            "The government submitted.",
        );
        assert!(v < -3.0, "{v}");
    }

    #[test]
    fn truncation_is_reported_as_finding() {
        let mut out = Vec::new();
        check(
            &Pair::new(
                "정부는 내년 예산안을 국회에 제출했으며 야당은 이에 강하게 반발하면서 표결을 거부하겠다고 밝혔다.",
                "The government submitted.",
            ),
            &mut out,
        );
        assert_eq!(out[0].code, Code::Truncated);
        assert!(out[0].weight > super::super::score::SHOW_WEIGHT);
    }

    fn ending(en: &str) -> Vec<Signal> {
        let mut out = Vec::new();
        incomplete_ending(&Pair::new("그는 집에 갔다.", en), &mut out);
        out
    }

    #[test]
    fn endings_that_stop_mid_sentence() {
        assert_eq!(ending("He went home,")[0].weight, OPEN_END_WEIGHT);
        assert_eq!(ending("He went to their.")[0].weight, FUNCTION_END_WEIGHT);
        assert_eq!(ending("He went home and")[0].weight, FUNCTION_END_WEIGHT);
        assert_eq!(ending("He did what he can.")[0].weight, RARELY_FINAL_WEIGHT);
        assert_eq!(ending("He went home")[0].weight, NO_STOP_WEIGHT);
    }

    #[test]
    fn headline_ending_on_a_quotation_needs_no_full_stop() {
        let mut out = Vec::new();
        incomplete_ending(
            &Pair::new(
                "정부, 회담 제안…“충돌 막자”",
                "Government proposes talks to prevent clashes",
            ),
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn complete_endings_are_quiet() {
        assert!(ending("He went home.").is_empty());
        assert!(ending("\"He went in,\" she said.").is_empty());
        assert!(ending("He went to the U.S.").is_empty());
        assert!(ending("Who did he go with?").is_empty());
    }

    #[test]
    fn empty_source_has_no_length_signal() {
        assert!(length_z(&Pair::new("...", "Hello there.")).is_none());
    }
}

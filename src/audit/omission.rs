//! Length model: how long the English should be given the Korean, and
//! translations far shorter (truncated) or longer (added text) than that.
//!
//! English letters and digits are predicted from the Korean as
//! `HANGUL_RATIO · hangul + other` (Latin letters and digits carry over one
//! for one); the log ratio of actual to predicted length, divided by a
//! spread that grows for short sentences (counting noise), is the residual
//! `z`. The ratio and spread were estimated, robustly (median and MAD), on
//! aligned news sentence pairs: English has about 2.3 letters per Hangul
//! syllable, with a log-spread of about 0.23.
//!
//! Each hypothesis gives `z` its own density, and a signal's weight is the
//! log ratio of that density to the sound translation's:
//!
//! - sound: standard normal, with a wider component (5%, three times as
//!   wide) for free renderings (a summary, an added gloss), so that one odd
//!   length never condemns a pair alone;
//! - cut short: the sound density shifted down by `ln f`, the share `f` of
//!   the text kept spread evenly in log from a fifth to all;
//! - text added: the same upwards, up to three times the length;
//! - another sentence: a log ratio as wide as 0.5 between unrelated
//!   sentences.

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
/// Share of sound translations whose length follows a looser law.
const LOOSE_SHARE: f64 = 0.05;
/// How much wider (in spreads) the looser law is.
const LOOSE_WIDTH: f64 = 3.0;
/// The least share of its text a cut translation keeps: a fifth (less
/// reads as a fragment, and the length alone then condemns it anyway).
const MIN_KEPT: f64 = 0.2;
/// The most an addition multiplies the length by.
const MAX_GROWTH: f64 = 3.0;
/// Log-spread of the length ratio of two unrelated sentences.
const OTHER_SPREAD: f64 = 0.5;
/// Beyond this |z| the evidence is reported as a finding.
const REPORT_Z: f64 = 2.5;

/// The length residual of a pair: `z` in spreads (negative: the English is
/// shorter than predicted) and the spread `sigma` in log-ratio units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Residual {
    /// Standardised residual.
    pub z: f64,
    /// The spread it was divided by.
    pub sigma: f64,
}

/// The length residual of `pair`; `None` when the Korean has no content.
pub fn residual(pair: &Pair<'_>) -> Option<Residual> {
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
    Some(Residual {
        z: r / sigma,
        sigma,
    })
}

/// The length residual of `pair`, in standard deviations (negative: the
/// English is shorter than predicted); `None` when the Korean has no content.
pub fn length_z(pair: &Pair<'_>) -> Option<f64> {
    residual(pair).map(|r| r.z)
}

/// Complementary error function (Numerical Recipes' Chebyshev fit, relative
/// error below 1.2e-7 everywhere).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

fn normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// Density of `z` for a sound translation.
fn sound_pdf(z: f64) -> f64 {
    (1.0 - LOOSE_SHARE) * normal_pdf(z) + LOOSE_SHARE * normal_pdf(z / LOOSE_WIDTH) / LOOSE_WIDTH
}

fn sound_cdf(z: f64) -> f64 {
    (1.0 - LOOSE_SHARE) * normal_cdf(z) + LOOSE_SHARE * normal_cdf(z / LOOSE_WIDTH)
}

/// Floor of the densities, so that their logs stay finite.
const TINY: f64 = 1e-300;

/// Log-likelihood ratios of the residual under a cut translation, added
/// text and another sentence's English, each against a sound translation.
pub fn length_evidence(r: Residual) -> (f64, f64, f64) {
    let sound = sound_pdf(r.z).max(TINY).ln();
    let cut_width = (1.0 / MIN_KEPT).ln() / r.sigma;
    let cut = ((sound_cdf(r.z + cut_width) - sound_cdf(r.z)) / cut_width).max(TINY);
    let add_width = MAX_GROWTH.ln() / r.sigma;
    let add = ((sound_cdf(r.z) - sound_cdf(r.z - add_width)) / add_width).max(TINY);
    let spread = (1.0 + (OTHER_SPREAD / r.sigma).powi(2)).sqrt();
    let other = (normal_pdf(r.z / spread) / spread).max(TINY);
    (cut.ln() - sound, add.ln() - sound, other.ln() - sound)
}

/// Report a translation much shorter or longer than its source predicts,
/// or one that stops mid-sentence.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    incomplete_ending(pair, out);
    let Some(r) = residual(pair) else { return };
    let (cut, add, other) = length_evidence(r);
    let z = r.z;
    let (code, weight, message) = if z < 0.0 {
        (
            Code::Truncated,
            cut,
            format!(
                "the English is {:.1} standard deviations shorter than the Korean predicts",
                -z
            ),
        )
    } else {
        (
            Code::Addition,
            add,
            format!("the English is {z:.1} standard deviations longer than the Korean predicts"),
        )
    };
    let mut s = Signal::new(code, weight, message).class("length");
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
    // The length is evidence about the other hypotheses too, but only a
    // part of theirs: never a finding alone.
    let (other_code, other_weight) = if z < 0.0 {
        (Code::Addition, add)
    } else {
        (Code::Truncated, cut)
    };
    out.push(Signal::new(
        other_code,
        other_weight.min(super::score::SHOW_WEIGHT - 0.01),
        "length",
    ));
    out.push(Signal::new(
        Code::WrongPair,
        other.min(super::score::SHOW_WEIGHT - 0.01),
        format!("a length residual of {z:.1} standard deviations"),
    ));
}

/// Weight of English that ends on a comma or a dash: a few in a thousand
/// sound lines, a few in a hundred cut ones.
const OPEN_END_WEIGHT: f64 = 4.0;
/// Weight of English that ends on a colon or semicolon: a corpus line split
/// at one ends so about once in a hundred lines, so this is weak.
const SPLIT_END_WEIGHT: f64 = 1.5;
/// Weight of English that ends on a word no English sentence ends with:
/// about one cut translation in ten, next to never in edited prose.
const FUNCTION_END_WEIGHT: f64 = 4.0;
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
    "whether",
    "despite",
    "via",
    "upon",
    "toward",
    "towards",
    "such",
    "every",
];

/// Words that end an English sentence only in ellipsis, with a stranded
/// preposition or as a rare pronoun (`as he can.`, `the man she spoke
/// with.`, `taller than I.`): rare enough at the end to count, not enough
/// to condemn alone.
const RARELY_FINAL: &[&str] = &[
    "to", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
    "should", "must", "be", "been", "being", "not", "who", "which", "for", "with", "from", "by",
    "at", "in", "about", "some", "any", "also", "already", "each", "i", "he", "she", "we", "they",
    "his", "per", "as",
];
/// Weight of English that ends on one of [`RARELY_FINAL`]: such endings
/// are a few in a thousand sentences of sound translations and about one
/// in ten cut ones (`ln(0.1 / 0.005) ≈ 3`).
const RARELY_FINAL_WEIGHT: f64 = 3.0;

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
        let weight = if matches!(last, ';' | ':') {
            SPLIT_END_WEIGHT
        } else {
            OPEN_END_WEIGHT
        };
        out.push(
            Signal::new(
                Code::Truncated,
                weight,
                format!("the English ends on `{last}`"),
            )
            .class("ending")
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
            .class("rarely_final")
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
            .class("function_final")
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
            .class("no_stop")
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

    fn evidence(z: f64) -> (f64, f64, f64) {
        length_evidence(Residual { z, sigma: 0.25 })
    }

    #[test]
    fn erfc_matches_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        assert!((erfc(-1.0) - 1.842_700_8).abs() < 1e-6);
        assert!(erfc(8.0) >= 0.0 && erfc(8.0) < 1e-20);
    }

    #[test]
    fn cut_evidence_grows_as_the_english_shrinks() {
        let mut last = f64::NEG_INFINITY;
        for z in [1.0, 0.0, -1.0, -2.0, -3.0, -4.0, -6.0] {
            let (cut, _, _) = evidence(z);
            assert!(cut > last, "{z}: {cut} after {last}");
            last = cut;
        }
        assert!(evidence(0.0).0 < 0.0);
        assert!(evidence(-3.0).0 > 2.0);
    }

    #[test]
    fn added_text_mirrors_the_cut() {
        assert!(evidence(3.0).1 > 1.5);
        assert!(evidence(0.0).1 < 0.0);
        assert!(evidence(-3.0).1 < evidence(0.0).1);
    }

    #[test]
    fn a_usual_length_speaks_for_the_pair_and_an_odd_one_against() {
        assert!(evidence(0.0).2 < 0.0);
        assert!(evidence(3.5).2 > 1.0);
        assert!(evidence(-3.5).2 > 1.0);
    }

    #[test]
    fn one_odd_length_is_bounded_by_the_loose_law() {
        // Ten spreads short is extreme, yet a sound translation may be a
        // summary: the evidence stays finite and moderate.
        let (cut, _, _) = evidence(-10.0);
        assert!(cut.is_finite() && cut < 8.0, "{cut}");
    }

    #[test]
    fn semicolon_end_is_weaker_than_comma_end() {
        assert_eq!(ending("He went home;")[0].weight, SPLIT_END_WEIGHT);
    }

    #[test]
    fn may_the_month_can_end_a_sentence() {
        assert!(ending("He went home in May.").is_empty());
        assert_eq!(
            ending("He said they would be.")[0].weight,
            RARELY_FINAL_WEIGHT
        );
    }

    #[test]
    fn empty_source_has_no_length_signal() {
        assert!(length_z(&Pair::new("...", "Hello there.")).is_none());
    }
}

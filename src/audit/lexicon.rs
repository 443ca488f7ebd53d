//! Lexical agreement: a compact seed lexicon of frequent Korean content
//! words and their English renderings (the built-in [`crate::lexicon`]), and how many of the
//! Korean words found there have a rendering in the English.
//!
//! A true translation renders most of them; the English of another sentence
//! contains one now and then by chance. With `p_true` and `p_chance` the
//! rates of a rendered word under each hypothesis, each rendered word is
//! `ln(p_true / p_chance)` of evidence for the pair and each missing one
//! `ln((1 − p_true) / (1 − p_chance))` against it.

use super::text::{fold_hash, is_syllable, HashMapU64};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::lexicon::Source;
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Rate at which a lexicon word of the Korean is rendered in a correct
/// translation (measured on aligned news sentence pairs: 0.61–0.68).
const P_TRUE: f64 = 0.65;
/// Rate at which it shows up by chance in an unrelated English sentence
/// (0.05 on shuffled news pairs), doubled because a sentence of the same
/// article shares its topic words.
const P_CHANCE: f64 = 0.10;
/// Bounds of the total, so that long sentences do not dominate other checks.
const MIN_TOTAL: f64 = -4.0;
const MAX_TOTAL: f64 = 6.0;

/// Function words of the glossary's multi-word renderings (`prime
/// minister`, `house of representatives`): present in any English sentence.
const GLOSSARY_STOP: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
];

/// Light words a translation renders or leaves out at will: time-setting
/// formulas of news (`현지시간`, `지난`), relational nouns (`경우`,
/// `관련`, `결과`), the reflexive `자신` and auxiliary-like verbs. As
/// evidence they mostly add noise, so neither list's entry for them counts.
const LIGHT: &[&str] = &[
    "현지시간",
    "지난",
    "현재",
    "예정",
    "경우",
    "관련",
    "결과",
    "상태",
    "자신",
    "같은",
    "발생",
    "들어",
    "떨어",
    "받은",
    "내려",
];

struct Lexicon {
    /// Korean key → its English renderings (as [`fold_hash`]es).
    entries: FxHashMap<&'static str, Vec<u64>>,
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut entries: FxHashMap<&'static str, Vec<u64>> = FxHashMap::default();
        let mut longest = 1;
        for e in crate::lexicon::entries() {
            if !e.has(Source::Lexicon) {
                continue;
            }
            longest = longest.max(e.ko.chars().count());
            let v = entries.entry(e.ko).or_default();
            v.extend(e.renderings(Source::Lexicon).map(|w| fold_hash(&stem(w))));
        }
        // The aligner's news glossary adds its terms of two syllables or
        // more (its single syllables and Han characters only hold inside
        // compounds, which this lookup does not check).
        for e in crate::lexicon::entries() {
            let (ko, en) = (e.ko, e.glossary);
            if !e.has(Source::Glossary) || ko.chars().count() < 2 || !ko.chars().all(is_syllable) {
                continue;
            }
            longest = longest.max(ko.chars().count());
            let v = entries.entry(ko).or_default();
            for w in en.split(['|', ' ']) {
                if !w.is_empty() && !GLOSSARY_STOP.contains(&w) {
                    let h = fold_hash(&stem(w));
                    if !v.contains(&h) {
                        v.push(h);
                    }
                }
            }
        }
        for light in LIGHT {
            entries.remove(light);
        }
        Lexicon { entries, longest }
    })
}

/// A light English stemmer: lowercase, no possessive, no plural, past or
/// progressive ending. Both sides of a comparison go through it, so it only
/// needs to be consistent, not linguistically right.
pub fn stem(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    for p in ["'s", "’s"] {
        if w.ends_with(p) {
            w.truncate(w.len() - p.len());
        }
    }
    let n = w.len();
    if n > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(n - 3);
        w.push('y');
    } else if n > 5 && w.ends_with("ing") {
        w.truncate(n - 3);
    } else if n > 4
        && (w.ends_with("ed") || w.ends_with("ses") || w.ends_with("xes") || w.ends_with("hes"))
    {
        w.truncate(n - 2);
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.truncate(n - 1);
    }
    w
}

/// Lexicon words of `ko`: per eojeol, the longest key at its start, then
/// the keys that follow it back to back (compounds such as `경찰대변인`).
fn korean_hits(ko: &str) -> Vec<(Span, &'static [u64])> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (start, word) in eojeols(ko) {
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(word.len()))
            .collect();
        let mut i = 0;
        while i + 1 < bounds.len() {
            let mut found = None;
            for len in (1..=lex.longest.min(bounds.len() - 1 - i)).rev() {
                let key = &word[bounds[i]..bounds[i + len]];
                if let Some(v) = lex.entries.get(key) {
                    let rest = &word[bounds[i + len]..];
                    if len >= 2 || (i == 0 && (rest.is_empty() || crate::ko::is_particle(rest))) {
                        found = Some((len, v.as_slice()));
                        break;
                    }
                }
            }
            let Some((len, v)) = found else { break };
            out.push((Span::new(start + bounds[i], start + bounds[i + len]), v));
            i += len;
        }
    }
    out
}

/// Maximal runs of Hangul syllables with their byte offsets.
fn eojeols(ko: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in ko.char_indices() {
        if is_syllable(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &ko[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &ko[s..]));
    }
    out.into_iter()
}

/// True when a lexicon word at the start of `ko` has a rendering among
/// the `english` stems.
pub fn renders(ko: &str, english: &HashSet<u64>) -> bool {
    korean_hits(ko)
        .first()
        .is_some_and(|(s, alts)| s.start == 0 && alts.iter().any(|h| english.contains(h)))
}

/// Stemmed hashes of the English words.
pub fn english_stems(pair: &Pair<'_>) -> HashSet<u64> {
    let mut set: HashSet<u64> = pair
        .en_words
        .iter()
        .map(|t| fold_hash(&stem(&pair.en[t.span.range()])))
        .collect();
    for (sign, name) in SIGNS {
        if pair.en.contains(sign) {
            set.insert(fold_hash(name));
        }
    }
    set
}

/// Signs that stand for a word (`$5` renders 달러, `U.S.` renders 미국).
const SIGNS: [(&str, &str); 7] = [
    ("U.S.", "us"),
    ("$", "dollar"),
    ("%", "percent"),
    ("€", "euro"),
    ("£", "pound"),
    ("¥", "yen"),
    ("₩", "won"),
];

/// Shortest rendering that may match the start of a longer English word.
const PREFIX_MIN: usize = 5;

/// A lexicon word of the Korean and whether the English renders it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The word in the Korean.
    pub ko: Span,
    /// True when the English has a rendering of it (or keeps it as written).
    pub rendered: bool,
    /// Index in the pair's English words of the first rendering, if any.
    pub en: Option<usize>,
}

/// The distinct lexicon words of `pair`'s Korean, in order, each with
/// where the English renders it.
pub fn hits(pair: &Pair<'_>) -> Vec<Hit> {
    let found = korean_hits(pair.ko);
    if found.is_empty() {
        return Vec::new();
    }
    let mut first: HashMapU64<usize> = HashMapU64::default();
    for (i, t) in pair.en_words.iter().enumerate() {
        let word = &pair.en[t.span.range()];
        let w = stem(word);
        first.entry(fold_hash(&w)).or_insert(i);
        // Derived forms start with their base (`safer`, `national`,
        // `judgment`): a rendering of five letters or more also matches
        // the start of a longer word.
        for (j, _) in w.char_indices().skip(PREFIX_MIN) {
            first.entry(fold_hash(&w[..j])).or_insert(i);
        }
        // Compounds (`4-point`, `Seoul-based`) render each part.
        if word.contains('-') {
            for part in word.split('-').filter(|p| !p.is_empty()) {
                first.entry(fold_hash(&stem(part))).or_insert(i);
            }
        }
    }
    for (sign, name) in SIGNS {
        if let Some(at) = pair.en.find(sign) {
            let i = pair.en_words.iter().position(|t| t.span.start >= at);
            first
                .entry(fold_hash(name))
                .or_insert(i.unwrap_or(pair.en_words.len()));
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(found.len());
    for (span, alts) in found {
        let word = &pair.ko[span.range()];
        if !seen.insert(word) {
            continue;
        }
        let en = alts.iter().filter_map(|h| first.get(h).copied()).min();
        // A word left untranslated in the English is the untranslated
        // check's finding, not a sign of another sentence.
        let rendered = en.is_some() || pair.en.contains(word);
        out.push(Hit {
            ko: span,
            rendered,
            en,
        });
    }
    out
}

/// How many lexicon words `pair` has and how many the English renders.
pub fn agreement(pair: &Pair<'_>) -> (usize, usize) {
    let h = hits(pair);
    (h.len(), h.iter().filter(|h| h.rendered).count())
}

/// Report lexical disagreement of `pair`, and the lexical sign of a cut
/// translation: Korean words left without a rendering, more so towards
/// the end of the sentence.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let hits = hits(pair);
    if hits.is_empty() {
        return;
    }
    let total = hits.len();
    let rendered = hits.iter().filter(|h| h.rendered).count();
    let missing = (total - rendered) as f64;
    let weight = (missing * ((1.0 - P_TRUE) / (1.0 - P_CHANCE)).ln().abs()
        - rendered as f64 * (P_TRUE / P_CHANCE).ln())
    .clamp(MIN_TOTAL, MAX_TOTAL);
    out.push(
        Signal::new(
            Code::WrongPair,
            weight,
            format!("{rendered} of {total} common Korean words have an English rendering"),
        )
        .class("lexicon"),
    );
    // A word with no rendering in a pair that otherwise agrees (two or
    // more words rendered, and most of them) is named for a reader. Its
    // weight is what one missing word says against the translation of that
    // word, `ln(1 / (1 − p_true))`; the agreement total above already
    // counts it, so the score does not count it again.
    if rendered >= 2 && rendered * 2 >= total {
        for h in hits.iter().filter(|h| !h.rendered) {
            let word = &pair.ko[h.ko.range()];
            out.push(
                Signal::new(
                    Code::Mistranslation,
                    -(1.0 - P_TRUE).ln(),
                    format!("`{word}` of the Korean has no rendering in the English"),
                )
                .ko(h.ko)
                .class("coverage"),
            );
        }
    }
    let cut = truncation_weight(pair, &hits);
    out.push(
        Signal::new(
            Code::Truncated,
            cut,
            "fewer common Korean words have a rendering than the English length explains",
        )
        .class("lexicon"),
    );
}

/// How much more a translation cut short than a whole one explains the
/// rendered and missing lexicon words of `hits`, given the English length.
///
/// A cut translation keeps about the share `f` of the text that its length
/// shows (`e^r`, `r` the log length ratio of the length model), and with it
/// about that share of the renderings; which ones is open, as the English
/// main clause renders the end of the Korean sentence and its trailing
/// clauses the beginning. A word of the lost share still finds a rendering
/// [`CUT_LEAK`] as often (a repeated term, a paraphrase). A short English
/// that renders the words it should is concise rather than cut, and a
/// whole-length English predicts no loss, so the evidence vanishes for
/// sound translations of normal length.
fn truncation_weight(pair: &Pair<'_>, hits: &[Hit]) -> f64 {
    let Some(r) = super::omission::residual(pair) else {
        return 0.0;
    };
    let kept = (r.z * r.sigma).exp().clamp(0.0, 1.0);
    if kept >= 1.0 {
        return 0.0;
    }
    let p_cut = P_TRUE * (kept + (1.0 - kept) * CUT_LEAK);
    let rendered = hits.iter().filter(|h| h.rendered).count() as f64;
    let missing = hits.len() as f64 - rendered;
    let w = rendered * (p_cut / P_TRUE).ln() + missing * ((1.0 - p_cut) / (1.0 - P_TRUE)).ln();
    w.clamp(MIN_CUT, MAX_CUT)
}

/// Share of its chance a word of the lost part keeps.
const CUT_LEAK: f64 = 0.3;
/// Bounds of the truncation evidence.
const MIN_CUT: f64 = -3.0;
const MAX_CUT: f64 = 4.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_folds_inflections() {
        assert_eq!(stem("Arrested"), "arrest");
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("police's"), "police");
        assert_eq!(stem("boss"), "boss");
    }

    #[test]
    fn compounds_and_particles_are_found() {
        let ko = "경찰대변인은 정부를 비판했다.";
        let hits: Vec<&str> = korean_hits(ko)
            .iter()
            .map(|(s, _)| &ko[s.range()])
            .collect();
        assert_eq!(hits, vec!["경찰", "대변인", "정부", "비판"]);
    }

    #[test]
    fn one_syllable_keys_need_a_bare_particle() {
        let ko = "돈을 벌었다. 돈가스";
        let hits: Vec<&str> = korean_hits(ko)
            .iter()
            .map(|(s, _)| &ko[s.range()])
            .collect();
        assert_eq!(hits, vec!["돈"]);
    }

    fn cut(ko: &str, en: &str) -> f64 {
        let pair = Pair::new(ko, en);
        truncation_weight(&pair, &hits(&pair))
    }

    #[test]
    fn whole_length_translation_has_no_cut_evidence() {
        let ko = "경찰은 학교 근처에서 남자를 체포했다.";
        assert_eq!(
            cut(
                ko,
                "Police arrested a man near the school yesterday afternoon."
            ),
            0.0
        );
    }

    #[test]
    fn short_english_missing_words_reads_as_cut() {
        let ko =
            "정부는 어제 국회에서 새로운 예산안과 세금 개혁 법안, 그리고 주택 정책을 발표했다.";
        let w = cut(ko, "The government yesterday announced.");
        assert!(w > 1.0, "{w}");
    }

    #[test]
    fn short_english_rendering_every_word_is_not_cut() {
        let ko =
            "정부는 어제 국회에서 새로운 예산안과 세금 개혁 법안, 그리고 주택 정책을 발표했다.";
        let w = cut(
            ko,
            "Government: new budget, tax reform bill, housing policy.",
        );
        assert!(w < 0.0, "{w}");
    }

    #[test]
    fn currency_signs_and_compound_parts_render_words() {
        let pair = Pair::new(
            "그 책은 5달러였고 지지율은 4포인트 올랐다.",
            "The book cost $5 and his rating showed a 4-point gain.",
        );
        let rendered: Vec<&str> = hits(&pair)
            .iter()
            .filter(|h| h.rendered)
            .map(|h| &pair.ko[h.ko.range()])
            .collect();
        assert!(rendered.contains(&"달러"), "{rendered:?}");
        assert!(rendered.contains(&"포인트"), "{rendered:?}");
    }

    #[test]
    fn a_word_without_rendering_is_named_when_the_rest_agrees() {
        let v = crate::audit::run_check(
            check,
            "정부는 내년 예산을 늘리고 세금을 줄인다.",
            "The government will increase next year's budget and raise taxes.",
        );
        let named: Vec<&str> = v
            .iter()
            .filter(|s| s.code == Code::Mistranslation)
            .map(|s| s.message.as_str())
            .collect();
        assert!(
            named.iter().all(|m| m.contains("has no rendering")),
            "{named:?}"
        );
    }

    #[test]
    fn translation_agrees_and_unrelated_text_does_not() {
        let ko = "경찰은 학교 근처에서 남자를 체포했다.";
        let good = Pair::new(ko, "Police arrested a man near the school.");
        let bad = Pair::new(ko, "The weather will be sunny this weekend.");
        assert_eq!(agreement(&good), (5, 5));
        assert_eq!(agreement(&bad).1, 0);
        let mut v = Vec::new();
        check(&bad, &mut v);
        assert!(v[0].weight > 2.0);
    }
}

//! Repetition: a sentence doubled in the translation, and phrase loops (a run
//! of words repeated back to back, the typical failure of a generator).

use super::text::{words, Token};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::lang::Lang;
use crate::segment::sentence_spans;
use crate::span::Span;
use std::collections::HashMap;

/// Longest phrase (in words) searched for back-to-back loops; longer repeats
/// are caught as doubled sentences or repeated n-grams.
const MAX_LOOP: usize = 12;
/// Length of the n-grams whose non-adjacent repetition is weak evidence.
const NGRAM: usize = 5;

/// Weight of a whole sentence said twice.
const SENTENCE_WEIGHT: f64 = 7.0;
/// Weight of a two-word phrase said twice in a row; longer loops and more
/// turns weigh more.
const LOOP_WEIGHT: f64 = 3.5;
/// Weight of a word said three times in a row.
const WORD_LOOP_WEIGHT: f64 = 3.0;
/// Weight of a long n-gram that recurs apart.
const NGRAM_WEIGHT: f64 = 2.0;

/// Report repetition in the English of `pair`.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let doubled = doubled_sentence(pair.en, Lang::EN);
    if let Some(span) = doubled {
        if doubled_sentence(pair.ko, Lang::KO).is_none() {
            out.push(
                Signal::new(Code::Repetition, SENTENCE_WEIGHT, "a sentence is repeated")
                    .en(span)
                    .class("sentence"),
            );
            return;
        }
    }
    let toks = &pair.en_words;
    let looped = loops(toks);
    for &(start, unit, turns) in looped.iter().take(3) {
        let weight = if unit == 1 {
            WORD_LOOP_WEIGHT + (turns as f64 - 3.0)
        } else {
            LOOP_WEIGHT + 0.5 * (unit as f64 - 2.0).min(4.0) + 1.5 * (turns as f64 - 2.0)
        };
        let span = Span::new(
            toks[start + unit].span.start,
            toks[start + unit * turns - 1].span.end,
        );
        out.push(
            Signal::new(
                Code::Repetition,
                weight.min(9.0),
                format!(
                    "a {unit}-word phrase is said {turns} times in a row: `{}`",
                    &pair.en[toks[start].span.start..toks[start + unit - 1].span.end]
                ),
            )
            .en(span),
        );
    }
    if looped.is_empty() && doubled.is_none() {
        if let Some((first, second)) = repeated_ngram(toks) {
            out.push(
                Signal::new(
                    Code::Repetition,
                    NGRAM_WEIGHT,
                    format!(
                        "the phrase `{}` occurs twice",
                        &pair.en[toks[first].span.start..toks[first + NGRAM - 1].span.end]
                    ),
                )
                .en(Span::new(
                    toks[second].span.start,
                    toks[second + NGRAM - 1].span.end,
                )),
            );
        }
    }
}

/// The span of the second copy of a sentence of three or more words that
/// occurs twice in `text`.
fn doubled_sentence(text: &str, lang: Lang) -> Option<Span> {
    let mut seen: HashMap<Vec<u64>, ()> = HashMap::new();
    for r in sentence_spans(text, lang) {
        let Some(sentence) = text.get(r.clone()) else {
            continue;
        };
        let key: Vec<u64> = words(sentence).iter().map(|t| t.hash).collect();
        if key.len() < 3 {
            continue;
        }
        if seen.insert(key, ()).is_some() {
            return Some(Span::from(r));
        }
    }
    None
}

/// Back-to-back loops `(start, unit, turns)`: `toks[start..start + unit]`
/// repeated `turns` times in a row. A single word must turn three times
/// (`had had` and `that that` are English).
fn loops(toks: &[Token]) -> Vec<(usize, usize, usize)> {
    let n = toks.len();
    let eq =
        |a: usize, b: usize, len: usize| (0..len).all(|k| toks[a + k].hash == toks[b + k].hash);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut found = None;
        for unit in 1..=MAX_LOOP.min((n - i) / 2) {
            if !eq(i, i + unit, unit) {
                continue;
            }
            let mut turns = 2;
            while i + unit * (turns + 1) <= n && eq(i, i + unit * turns, unit) {
                turns += 1;
            }
            if unit >= 2 || turns >= 3 {
                found = Some((i, unit, turns));
                break;
            }
        }
        match found {
            Some(l) => {
                out.push(l);
                i += l.1 * l.2;
            }
            None => i += 1,
        }
    }
    out
}

/// Token indices of the first and second occurrence of an n-gram that recurs.
fn repeated_ngram(toks: &[Token]) -> Option<(usize, usize)> {
    if toks.len() < 2 * NGRAM {
        return None;
    }
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(toks.len());
    for i in 0..=toks.len() - NGRAM {
        let h = toks[i..i + NGRAM]
            .iter()
            .fold(0u64, |acc, t| acc.rotate_left(13) ^ t.hash);
        match seen.get(&h) {
            Some(&j) if i >= j + NGRAM => return Some((j, i)),
            Some(_) => {}
            None => {
                seen.insert(h, i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ko: &str, en: &str) -> Vec<Signal> {
        crate::audit::run_check(check, ko, en)
    }

    #[test]
    fn doubled_sentence_is_strong() {
        let v = run(
            "나는 학교에 갔다.",
            "I went to school today. I went to school today.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].weight, SENTENCE_WEIGHT);
    }

    #[test]
    fn doubled_in_source_too_is_faithful() {
        let v = run(
            "나는 그것을 정말 좋아한다. 나는 그것을 정말 좋아한다.",
            "I like it a lot. I like it a lot.",
        );
        assert!(v.iter().all(|s| s.weight < SENTENCE_WEIGHT));
    }

    #[test]
    fn phrase_loop_spans_the_extra_turns() {
        let en = "They walked to the park to the park to the park at noon.";
        let v = run("그들은 정오에 공원으로 걸어갔다.", en);
        assert_eq!(v.len(), 1);
        let span = v[0].en.map(|s| &en[s.range()]);
        assert_eq!(span, Some("to the park to the park"));
        assert!(v[0].weight > LOOP_WEIGHT);
    }

    #[test]
    fn tail_loop_across_a_full_stop_is_found() {
        let v = run(
            "그는 회의가 늦게 끝났다고 말했다.",
            "He said the meeting ended late in the evening. ended late in the evening",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, Code::Repetition);
    }

    #[test]
    fn ordinary_doubled_words_are_english() {
        assert!(run("그가 가진 것", "What he had had was that that mattered.").is_empty());
    }

    #[test]
    fn long_text_is_linear_enough() {
        let en = "word ".repeat(20_000);
        let v = run("단어", &en);
        assert!(!v.is_empty());
    }
}

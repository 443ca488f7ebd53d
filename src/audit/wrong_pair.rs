//! Mismatched pairs: a translation that belongs to another sentence.
//!
//! Besides the lexicon ([`super::lexicon`]), anchors speak: the tokens that
//! survive translation, quantities (reconciled by value) and Latin words,
//! and the shape of the sentence (a quotation). A true translation shares
//! most of its anchors; the English of another sentence shares almost none.

use super::entities::english_keys;
use super::text::{fold_hash, words};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;
use std::collections::HashSet;

/// Weight per anchor (up to three) when none of the Korean anchors agree.
const DISAGREE_WEIGHT: f64 = 1.0;
/// Weight (negative: evidence for the pair) per anchor that agrees, up to three.
const AGREE_WEIGHT: f64 = -0.75;
/// Weight of quotation on one side only.
const QUOTE_WEIGHT: f64 = 1.0;
/// Weight of a question on one side only: translations keep the sentence
/// type next to always (under one in a thousand sentences changes it),
/// while the English of another sentence differs in a few in a hundred.
const QUESTION_WEIGHT: f64 = 3.0;

/// True when `text` ends as a question: on `?`, or in Korean on the
/// interrogative ending `까`, before any closing quotes or brackets.
fn is_question(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '」', '』', ' ']);
    t.ends_with('?') || t.ends_with('？') || t.ends_with('까')
}

/// Latin words (two letters or more) of a text, as case-folded hashes.
fn latin_words(text: &str) -> HashSet<u64> {
    let mut out = HashSet::new();
    for t in words(text) {
        let w = &text[t.span.range()];
        for latin in w.split(|c: char| !c.is_ascii_alphabetic()) {
            if latin.len() >= 2 {
                out.insert(fold_hash(latin));
            }
        }
    }
    out
}

fn has_quote(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '「' | '」'))
}

/// Report anchor disagreement in `pair`.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let latin = if pair.ko.bytes().any(|b| b.is_ascii_alphabetic()) {
        latin_words(pair.ko)
    } else {
        HashSet::new()
    };
    let numbers = pair.ko_nums.iter().filter(|q| !q.optional).count();
    let total = latin.len() + numbers;
    if total > 0 {
        let en = english_keys(pair.en, &pair.en_words);
        let agree = latin.iter().filter(|h| en.contains(h)).count() + pair.numbers.matched.len();
        if agree == 0 {
            out.push(
                Signal::new(
                    Code::WrongPair,
                    DISAGREE_WEIGHT * total.min(3) as f64,
                    format!(
                        "none of the {total} figures and Latin names of the Korean appear in the English"
                    ),
                )
                .ko(Span::new(0, pair.ko.len()))
                .en(Span::new(0, pair.en.len()))
                .class("anchors"),
            );
        } else {
            out.push(Signal::new(
                Code::WrongPair,
                AGREE_WEIGHT * agree.min(3) as f64,
                "figures and names agree",
            ));
        }
    }
    if is_question(pair.ko) != is_question(pair.en) {
        out.push(
            Signal::new(
                Code::WrongPair,
                QUESTION_WEIGHT,
                "only one side is a question",
            )
            .class("mood"),
        );
    }
    if has_quote(pair.ko) != has_quote(pair.en) {
        out.push(
            Signal::new(
                Code::WrongPair,
                QUOTE_WEIGHT,
                "only one side is a quotation",
            )
            .class("mood"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(ko: &str, en: &str) -> f64 {
        let mut v = Vec::new();
        check(&Pair::new(ko, en), &mut v);
        v.iter().map(|s| s.weight).sum()
    }

    #[test]
    fn shared_figures_are_evidence_for() {
        assert!(total("3만5000명이 2024년에 왔다.", "In 2024, 35,000 people came.") < 0.0);
    }

    #[test]
    fn disjoint_anchors_are_evidence_against() {
        assert!(
            total(
                "LG는 2023년에 OLED 공장을 지었다.",
                "Prices rose 4 percent in March, the ministry said."
            ) >= 3.0
        );
    }

    #[test]
    fn question_on_one_side_is_evidence_against() {
        assert!(total("왜 그는 떠났을까?", "He left the city in spring.") >= QUESTION_WEIGHT);
        assert!(total("왜 그는 떠났을까?", "Why did he leave?") < QUESTION_WEIGHT);
        assert!(
            total(
                "그는 \"왜 떠났니?\"라고 물었다.",
                "\"Why did you leave?\" he asked."
            ) < QUESTION_WEIGHT
        );
    }

    #[test]
    fn quotation_on_one_side_is_weak_evidence() {
        let w = total("그는 \"가자\"고 말했다.", "He stayed home.");
        assert!(w > 0.0 && w < 2.0);
    }
}

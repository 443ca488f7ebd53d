//! Mismatched pairs: a translation that belongs to another sentence.
//!
//! Without a dictionary the checks rely on anchors, the tokens that survive
//! translation unchanged: digit groups, Latin words, and sentence shape
//! (quotation, question). A true translation shares most of its anchors; the
//! English of another sentence shares almost none.

use super::entities::english_keys;
use super::text::{fold_hash, words};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;
use std::collections::HashSet;

/// Weight per unmatched anchor when none of the anchors agree.
const DISAGREE_WEIGHT: f64 = 1.0;
/// Weight (negative: evidence for the pair) per anchor that agrees.
const AGREE_WEIGHT: f64 = -0.75;
/// Weight of quotation on one side only.
const QUOTE_WEIGHT: f64 = 1.0;

/// Anchors of a text: digit groups with separators removed (`35,000` →
/// `35000`) and Latin words, as case-folded hashes.
///
/// Korean day and month numbers (`22일`, `7월`) are left out: English news
/// writes them as weekdays and month names.
fn anchors(text: &str) -> HashSet<u64> {
    let mut out = HashSet::new();
    for t in words(text) {
        let w = &text[t.span.range()];
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        let calendar = w
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['일', '월']);
        if !digits.is_empty() && !calendar {
            out.insert(fold_hash(&digits));
        }
        for latin in w.split(|c: char| !c.is_ascii_alphabetic()) {
            if latin.len() >= 2 {
                out.insert(fold_hash(latin));
            }
        }
    }
    out
}

/// Join digit groups split by thousands separators (`35,000`) so both
/// sides tokenise a figure the same way.
fn join_groups(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(',') {
        return text.into();
    }
    let b = text.as_bytes();
    let mut s = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let between_digits = c == ','
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !between_digits {
            s.push(c);
        }
    }
    s.into()
}

fn has_quote(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '「' | '」'))
}

/// Report anchor disagreement in `pair`.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let ko = anchors(&join_groups(pair.ko));
    if !ko.is_empty() {
        let en_text = join_groups(pair.en);
        let en_words = words(&en_text);
        let mut en = english_keys(&en_text, &en_words);
        en.extend(anchors(&en_text));
        let agree = ko.iter().filter(|h| en.contains(h)).count();
        if agree == 0 {
            let n = ko.len().min(3) as f64;
            out.push(
                Signal::new(
                    Code::WrongPair,
                    DISAGREE_WEIGHT * n,
                    format!(
                        "none of the {} figures and Latin names of the Korean appear in the English",
                        ko.len()
                    ),
                )
                .ko(Span::new(0, pair.ko.len()))
                .en(Span::new(0, pair.en.len())),
            );
        } else {
            out.push(Signal::new(
                Code::WrongPair,
                AGREE_WEIGHT * agree.min(3) as f64,
                "figures and names agree",
            ));
        }
    }
    let (qk, qe) = (has_quote(pair.ko), has_quote(pair.en));
    if qk != qe {
        out.push(Signal::new(
            Code::WrongPair,
            QUOTE_WEIGHT,
            "only one side is a quotation",
        ));
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
    fn quotation_on_one_side_is_weak_evidence() {
        let w = total("그는 \"가자\"고 말했다.", "He stayed home.");
        assert!(w > 0.0 && w < 2.0);
    }
}

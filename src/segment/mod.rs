//! Sentence segmentation for English and Korean.
//!
//! A hand-written single-pass scanner: every `.` `!` `?` `…` (and line
//! break) is a candidate, decided from a bounded window around it. Unicode's
//! UAX #29 is the floor this improves on: it ends sentences after `Mr.`,
//! `U.N.` or a list number and misses `다.아무도` (no space after the period).
//!
//! English rules: titles (`Mr.`, `Lt. Col.`) never end a sentence; initials
//! and initialisms (`J. K.`, `U.S.`, `Inc.`) end one only before a word that
//! usually opens sentences (`The`, `He`, `But` …); `a.m.`/`p.m.` end one unless
//! a day, month or time zone follows; `No.`, `Fig.`, `Jan.` keep a following
//! number; decimals, amounts, e-mail and web addresses have no space after
//! the period; a lower-case word never starts a sentence; a closing quote
//! followed by an attribution (`" Kim said`) continues the sentence.
//!
//! Korean rules: a terminator after Hangul ends a sentence, with or without
//! a following space (`다.그`), unless a closing quote and a quotative
//! particle follow (`…했다"라고 말했다`, `…까?" 라며`); the sentences inside
//! such a quotation stay in it. Dates (`2025. 12. 29.`), decimals (`19.8%`),
//! Hanja and Latin words follow the same script-aware rules.
//!
//! A blank line always ends a sentence; a single line break does unless the
//! next line starts in lower case or the line ends with a comma, hyphen or
//! similar joiner. A line starting with a list marker (`1.`, `-`, `•`) starts
//! a sentence, and the marker itself does not end one.
//!
//! Cost is linear in the input: each candidate looks at most a few dozen
//! bytes around it, and the quotation stack is bounded.

mod abbrev;
mod chars;
mod ko;
mod scan;

use crate::lang::Lang;

/// Sentence spans of `text`, trimmed of surrounding whitespace, in order,
/// non-overlapping; the gaps between consecutive spans (and before the first
/// / after the last) are whitespace only, so no non-whitespace character is
/// ever lost.
///
/// `lang` is a hint. The rules are chosen per candidate boundary from the
/// script around it, so Korean text with English words in it (and the
/// reverse) is handled in any mode; the hint only decides candidates with no
/// letters nearby (digits and symbols on both sides). [`Lang::UND`] leaves
/// those to the English rules.
///
/// ```
/// use bitext::lang::Lang;
/// use bitext::segment::sentence_spans;
///
/// let text = "Mr. Kim met U.N. envoys at 3 p.m. They left.  그는 돌아갔다.아무도 몰랐다.";
/// let sentences: Vec<&str> = sentence_spans(text, Lang::UND).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(
///     sentences,
///     ["Mr. Kim met U.N. envoys at 3 p.m.", "They left.", "그는 돌아갔다.", "아무도 몰랐다."]
/// );
/// ```
pub fn sentence_spans(text: &str, lang: Lang) -> Vec<std::ops::Range<usize>> {
    let cuts = scan::cuts(text, lang);
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(text.len())) {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if !body.is_empty() {
            spans.push(start + lead..start + lead + body.len());
        }
        start = end;
    }
    spans
}

/// The sentences of `text` as string slices (see [`sentence_spans`]).
///
/// ```
/// use bitext::lang::Lang;
/// use bitext::segment::sentences;
///
/// assert_eq!(sentences("그는 \"왜?\"라고 물었다. 답은 없었다.", Lang::KO).len(), 2);
/// ```
pub fn sentences(text: &str, lang: Lang) -> Vec<&str> {
    sentence_spans(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

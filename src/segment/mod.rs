//! Sentence segmentation for English and Korean.
//!
//! A hand-written single-pass scanner: every `.` `!` `?` `…` (and line
//! break) is a candidate, decided from a bounded window around it. Unicode's
//! UAX #29 is the floor this improves on: it ends sentences after `Mr.`,
//! `U.N.` or a list number and misses `다.그` (no space after the period).
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
/// let text = "Mr. Han met U.N. envoys at 3 p.m. They left.  비가 그쳤다.길이 붐볐다.";
/// let sentences: Vec<&str> = sentence_spans(text, Lang::UND).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(
///     sentences,
///     ["Mr. Han met U.N. envoys at 3 p.m.", "They left.", "비가 그쳤다.", "길이 붐볐다."]
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn en(text: &str) -> Vec<&str> {
        sentences(text, Lang::EN)
    }

    fn ko(text: &str) -> Vec<&str> {
        sentences(text, Lang::KO)
    }

    // English

    #[test]
    fn keeps_mr_with_name() {
        assert_eq!(
            en("Mr. Park visited Busan on Friday. He left on Sunday."),
            ["Mr. Park visited Busan on Friday.", "He left on Sunday."]
        );
    }

    #[test]
    fn splits_after_a_day_that_follows_a_month() {
        assert_eq!(
            en("Data came out on Nov. 19. The rate rose. See No. 4. It fell."),
            [
                "Data came out on Nov. 19.",
                "The rate rose.",
                "See No. 4.",
                "It fell."
            ]
        );
    }

    #[test]
    fn keeps_chained_titles() {
        assert_eq!(
            en("Lt. Gen. Cho and Dr. Ahn inspected the base."),
            ["Lt. Gen. Cho and Dr. Ahn inspected the base."]
        );
    }

    #[test]
    fn keeps_initials_of_a_name() {
        assert_eq!(
            en("The novel by J. R. R. Tolkien sold well. Fans lined up."),
            ["The novel by J. R. R. Tolkien sold well.", "Fans lined up."]
        );
    }

    #[test]
    fn initialism_ends_sentence_only_before_an_opener() {
        assert_eq!(
            en("The U.S. Navy sent a ship. It docked in the U.S. The crew rested."),
            [
                "The U.S. Navy sent a ship.",
                "It docked in the U.S.",
                "The crew rested."
            ]
        );
    }

    #[test]
    fn pm_ends_sentence_unless_a_day_follows() {
        assert_eq!(
            en("The store closes at 9 p.m. Staff go home."),
            ["The store closes at 9 p.m.", "Staff go home."]
        );
        assert_eq!(
            en("The vote is at 10 a.m. Tuesday in Seoul."),
            ["The vote is at 10 a.m. Tuesday in Seoul."]
        );
    }

    #[test]
    fn keeps_month_and_number_abbreviations_before_numbers() {
        assert_eq!(
            en("The law takes effect on Feb. 3 next year."),
            ["The law takes effect on Feb. 3 next year."]
        );
        assert_eq!(
            en("He wore No. 7 and scored twice."),
            ["He wore No. 7 and scored twice."]
        );
        assert_eq!(
            en("See Fig. 2 for the trend."),
            ["See Fig. 2 for the trend."]
        );
    }

    #[test]
    fn keeps_decimals_and_money() {
        assert_eq!(
            en("Sales rose 12.4 percent to $3.7 billion. Profit fell 0.5%."),
            [
                "Sales rose 12.4 percent to $3.7 billion.",
                "Profit fell 0.5%."
            ]
        );
    }

    #[test]
    fn keeps_never_final_abbreviations() {
        assert_eq!(
            en("It weighs approx. 40 kg in total."),
            ["It weighs approx. 40 kg in total."]
        );
        assert_eq!(
            en("Korea vs. Japan ended 2-1."),
            ["Korea vs. Japan ended 2-1."]
        );
        assert_eq!(
            en("Some fruits, e.g. Apples, keep well."),
            ["Some fruits, e.g. Apples, keep well."]
        );
    }

    #[test]
    fn etc_ends_a_sentence_before_a_capital() {
        assert_eq!(
            en("They sell pens, ink, etc. Prices are low."),
            ["They sell pens, ink, etc.", "Prices are low."]
        );
    }

    #[test]
    fn lower_case_word_continues_the_sentence() {
        assert_eq!(
            en("It cost 5 bn. won in total."),
            ["It cost 5 bn. won in total."]
        );
        assert_eq!(en("\"Stop!\" she cried."), ["\"Stop!\" she cried."]);
    }

    #[test]
    fn ellipsis_ends_sentence_before_a_capital() {
        assert_eq!(
            en("He hesitated... Then he signed."),
            ["He hesitated...", "Then he signed."]
        );
        assert_eq!(
            en("It was\u{2026} fine, really."),
            ["It was\u{2026} fine, really."]
        );
    }

    #[test]
    fn splits_after_question_and_exclamation() {
        assert_eq!(
            en("Is it over? Yes! We won."),
            ["Is it over?", "Yes!", "We won."]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            en("She called the plan \u{201C}a disaster.\u{201D} Nobody replied."),
            [
                "She called the plan \u{201C}a disaster.\u{201D}",
                "Nobody replied."
            ]
        );
        assert_eq!(
            en("He called it 'unfair.' Then he left."),
            ["He called it 'unfair.'", "Then he left."]
        );
    }

    #[test]
    fn attribution_after_quoted_question_continues() {
        assert_eq!(
            en("\"Why now?\" Minister Choi asked."),
            ["\"Why now?\" Minister Choi asked."]
        );
        assert_eq!(
            en("\"Is it safe?\" He shook his head."),
            ["\"Is it safe?\"", "He shook his head."]
        );
    }

    #[test]
    fn english_quotation_keeps_its_inner_sentences() {
        assert_eq!(
            en("\"We lost. We will return,\" the coach said."),
            ["\"We lost.", "We will return,\" the coach said."]
        );
    }

    #[test]
    fn closing_bracket_belongs_to_the_sentence() {
        assert_eq!(
            en("Exports grew (slightly). Imports fell."),
            ["Exports grew (slightly).", "Imports fell."]
        );
        assert_eq!(
            en("Exports grew. (Imports fell too.)"),
            ["Exports grew.", "(Imports fell too.)"]
        );
    }

    #[test]
    fn splits_numbered_list_lines() {
        assert_eq!(
            en("Steps for the test\n1. Mix the flour\n2. Bake it"),
            ["Steps for the test", "1. Mix the flour", "2. Bake it"]
        );
        assert_eq!(
            en("The plan has two parts. 1. Funding comes first."),
            ["The plan has two parts.", "1. Funding comes first."]
        );
    }

    #[test]
    fn keeps_addresses_whole() {
        assert_eq!(
            en("Forecasts are on www.kma.go.kr daily."),
            ["Forecasts are on www.kma.go.kr daily."]
        );
        assert_eq!(
            en("Send files to desk@paper.co.kr. We read them all."),
            ["Send files to desk@paper.co.kr.", "We read them all."]
        );
    }

    #[test]
    fn blank_line_ends_a_sentence_and_wrapped_line_does_not() {
        assert_eq!(
            en("A headline\n\nThe body starts here."),
            ["A headline", "The body starts here."]
        );
        assert_eq!(
            en("The meeting was held\nin Seoul."),
            ["The meeting was held\nin Seoul."]
        );
        assert_eq!(
            en("Seoul Raises Rates\nThe bank acted."),
            ["Seoul Raises Rates", "The bank acted."]
        );
    }

    // Korean

    #[test]
    fn splits_korean_endings() {
        assert_eq!(
            ko("점심은 드셨어요? 저는 벌써 먹었네요. 정말 맛있다! 어서 가자."),
            [
                "점심은 드셨어요?",
                "저는 벌써 먹었네요.",
                "정말 맛있다!",
                "어서 가자."
            ]
        );
    }

    #[test]
    fn splits_korean_da_without_space() {
        assert_eq!(
            ko("비가 그쳤다.사람들이 밖으로 나왔다."),
            ["비가 그쳤다.", "사람들이 밖으로 나왔다."]
        );
        assert_eq!(
            ko("정말일까?누구도 몰랐다."),
            ["정말일까?", "누구도 몰랐다."]
        );
    }

    #[test]
    fn keeps_quotative_ra_go_inside() {
        assert_eq!(
            ko("그는 \"이제 끝났다.\"라고 말했다."),
            ["그는 \"이제 끝났다.\"라고 말했다."]
        );
        assert_eq!(
            ko("그는 \u{201C}끝났다. 돌아가자.\u{201D}라고 말했다. 모두 떠났다."),
            [
                "그는 \u{201C}끝났다. 돌아가자.\u{201D}라고 말했다.",
                "모두 떠났다."
            ]
        );
    }

    #[test]
    fn keeps_spaced_quotative_word() {
        assert_eq!(
            ko("그는 \"정말인가?\" 라며 웃었다."),
            ["그는 \"정말인가?\" 라며 웃었다."]
        );
        assert_eq!(
            ko("그는 \u{2018}그만하자.\u{2019}고 썼다."),
            ["그는 \u{2018}그만하자.\u{2019}고 썼다."]
        );
    }

    #[test]
    fn closing_quote_opened_before_the_text_keeps_its_particle() {
        // Neither mark opens a quotation, so the second cannot swallow the
        // sentences after the first.
        assert_eq!(
            ko("끝났다.\"라고 말했다. 그는 떠났다. 정말 그랬다\"고 덧붙였다."),
            [
                "끝났다.\"라고 말했다.",
                "그는 떠났다.",
                "정말 그랬다\"고 덧붙였다."
            ]
        );
    }

    #[test]
    fn quote_without_particle_ends_the_sentence() {
        assert_eq!(
            ko("그가 말했다. \u{201C}가자. 늦었다.\u{201D} 모두 일어났다."),
            [
                "그가 말했다.",
                "\u{201C}가자.",
                "늦었다.\u{201D}",
                "모두 일어났다."
            ]
        );
    }

    #[test]
    fn glued_opening_quote_starts_a_sentence() {
        assert_eq!(
            ko("그는 말했다.\"가자.\" 모두 따랐다."),
            ["그는 말했다.", "\"가자.\"", "모두 따랐다."]
        );
    }

    #[test]
    fn keeps_korean_decimals_and_times() {
        assert_eq!(
            ko("물가는 3.2% 올랐다. 회의는 오후 2시 30분에 끝났다."),
            ["물가는 3.2% 올랐다.", "회의는 오후 2시 30분에 끝났다."]
        );
    }

    #[test]
    fn keeps_korean_dates() {
        assert_eq!(
            ko("공사는 2024. 3. 15. 시작됐다. 완공은 내년이다."),
            ["공사는 2024. 3. 15. 시작됐다.", "완공은 내년이다."]
        );
        assert_eq!(
            ko("공사는 2024.3.15. 시작됐다."),
            ["공사는 2024.3.15. 시작됐다."]
        );
    }

    #[test]
    fn keeps_english_abbreviation_inside_korean() {
        assert_eq!(
            ko("그는 U.S. 국채와 Co. 주식을 샀다."),
            ["그는 U.S. 국채와 Co. 주식을 샀다."]
        );
    }

    #[test]
    fn splits_before_english_sentence_in_korean() {
        assert_eq!(
            ko("현대차는 새 모델을 내놨다. Tesla도 가격을 내렸다."),
            ["현대차는 새 모델을 내놨다.", "Tesla도 가격을 내렸다."]
        );
        assert_eq!(
            ko("업계가 술렁였다. iPhone은 잘 팔렸다."),
            ["업계가 술렁였다.", "iPhone은 잘 팔렸다."]
        );
    }

    #[test]
    fn handles_hanja() {
        assert_eq!(
            ko("中 당국은 입국 규제를 풀었다. 日은 신중했다."),
            ["中 당국은 입국 규제를 풀었다.", "日은 신중했다."]
        );
    }

    #[test]
    fn korean_ellipsis_ends_only_after_an_ending() {
        assert_eq!(
            ko("비가 온다\u{2026} 우산을 챙기자."),
            ["비가 온다\u{2026}", "우산을 챙기자."]
        );
        assert_eq!(
            ko("그런데\u{2026} 비가 온다."),
            ["그런데\u{2026} 비가 온다."]
        );
    }

    #[test]
    fn auto_mode_handles_both_scripts() {
        assert_eq!(
            sentences(
                "The U.S. Army left. 미군이 떠났다.그 뒤 조용했다.",
                Lang::UND
            ),
            ["The U.S. Army left.", "미군이 떠났다.", "그 뒤 조용했다."]
        );
    }

    // Robustness

    #[test]
    fn empty_and_blank_inputs() {
        assert!(sentence_spans("", Lang::UND).is_empty());
        assert!(sentence_spans(" \n\t ", Lang::EN).is_empty());
        assert_eq!(en("  one.  "), ["one."]);
    }

    /// Spans are sorted, non-empty, trimmed, and the gaps are whitespace.
    fn assert_tiles(text: &str, spans: &[std::ops::Range<usize>]) {
        let mut prev = 0;
        for r in spans {
            assert!(r.start >= prev && r.start < r.end, "{spans:?}");
            let gap = text.get(prev..r.start).expect("gap on char boundaries");
            assert!(gap.trim().is_empty(), "non-space gap {gap:?}");
            let s = text.get(r.clone()).expect("span on char boundaries");
            assert_eq!(s, s.trim());
            prev = r.end;
        }
        assert!(text[prev..].trim().is_empty());
    }

    #[test]
    fn long_unclosed_quote_is_linear() {
        let unit =
            "그는 \"오늘은 비가 온다. 내일은 맑다. Mr. Kim left at 5 p.m. He said \u{201C}no. ";
        let text = format!("\"{}", unit.repeat(1_000_000 / unit.len() + 1));
        let more = [
            text.clone(),
            ".".repeat(1_000_000),
            "\n".repeat(1_000_000),
            "\" ".repeat(500_000),
            "\u{201D} ".repeat(250_000),
            "a. ".repeat(350_000),
            " ".repeat(1_000_000) + "다.",
            "1. ".repeat(350_000),
        ];
        // Eight 1 MB inputs; a quadratic pass would take hours (the test
        // would not finish), a linear one well under a second. Time itself
        // is measured by the benches, not asserted here.
        for t in &more {
            let spans = sentence_spans(t, Lang::UND);
            assert_tiles(t, &spans);
        }
    }

    proptest! {
        #[test]
        fn spans_tile_random_text(s in "[a-zA-Z0-9 .!?\"'()\\n\u{201C}\u{201D}\u{2018}\u{2019}\u{2026}\u{3002}가다요라고北\u{00A0}\t,]{0,80}") {
            for lang in [Lang::EN, Lang::KO, Lang::UND] {
                assert_tiles(&s, &sentence_spans(&s, lang));
            }
        }

        #[test]
        fn spans_tile_arbitrary_unicode(s in "\\PC{0,60}") {
            assert_tiles(&s, &sentence_spans(&s, Lang::UND));
        }
    }
}

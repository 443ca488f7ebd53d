//! Cross-language agreement: what must and must not reconcile.

use super::*;

/// Reconcile and count what an audit would report: (Korean missing,
/// English extra), optional quantities left out.
fn gaps(ko: &str, en: &str) -> (usize, usize) {
    let (k, e) = (extract_ko(ko), extract_en(en));
    let r = reconcile(&k, &e);
    (r.ko_missing(&k).len(), r.en_extra(&e).len())
}

fn same(ko: &str, en: &str) {
    let (k, e) = (extract_ko(ko), extract_en(en));
    assert!(!k.is_empty() && !e.is_empty(), "{ko} / {en}: {k:?} {e:?}");
    let r = reconcile(&k, &e);
    assert!(
        r.ko_only.is_empty() && r.en_only.is_empty(),
        "{ko} / {en}: {k:?} {e:?} {r:?}"
    );
}

fn differ(ko: &str, en: &str) {
    let (k, e) = (extract_ko(ko), extract_en(en));
    let r = reconcile(&k, &e);
    assert!(
        !r.ko_only.is_empty(),
        "{ko} / {en} should not reconcile: {k:?} {e:?}"
    );
}

#[test]
fn korean_myriad_units_equal_english_scales() {
    same("7000억 달러", "$700 billion");
    same("1억1천만 달러", "$110 million");
    same("1억2천만 원", "120 million won");
    same("3만5000명", "35,000 people");
    same("12조3천억", "12.3 trillion");
    same("2만", "20,000");
    same("5백만 달러", "$5m");
    same("4.26달러", "$4.26");
}

#[test]
fn rounding_is_equal_at_the_coarser_precision() {
    same("1조2345억원", "1.23 trillion won");
    same("1조2345억원", "1.2 trillion won");
    differ("1조2345억원", "1 trillion won");
    differ("2만 명", "23,000 people");
}

#[test]
fn changed_values_do_not_reconcile() {
    differ("19.8%", "18.9 percent");
    differ("7000억 달러", "$700 million");
    differ("2024년", "in 2025");
    differ("33명", "49 people");
    differ("40살", "80 years old");
    differ("1,000대", "2,600 cars");
}

#[test]
fn english_scales_and_words() {
    same("12억 달러", "$1.2bn");
    same("530만", "5.3 million");
    same("1,200", "1,200");
    same("두 명", "two people");
    same("일곱", "seven");
    same("스물다섯 살", "twenty-five years old");
    same("100만 명", "a million people");
    same("약 36명", "about three dozen");
}

#[test]
fn ordinals_agree_in_every_form() {
    for ko in ["6번째", "여섯 번째", "제6"] {
        for en in ["6th", "sixth"] {
            same(ko, en);
        }
    }
    same("21세기", "the 21st century");
    same("1라운드", "the first round");
}

#[test]
fn percent_and_points_reconcile_with_each_other() {
    same("19.8%", "19.8 percent");
    same("19.8%", "19.8 per cent");
    for ko in ["1.5%포인트", "1.5%p", "1.5포인트"] {
        same(ko, "1.5 percentage points");
        // Translators switch between the two freely.
        same(ko, "1.5 percent");
    }
}

#[test]
fn dates_and_times() {
    for en in ["Dec. 29, 2025", "December 29, 2025", "29 December 2025"] {
        same("2025년 12월 29일", en);
    }
    same("2025. 12. 29.", "Dec. 29, 2025");
    same("12월 29일", "Dec. 29");
    same("1992년", "in 1992");
    same("오후 1시 3분", "1:03 p.m.");
    same("오전 9시", "9 a.m.");
    same("오후 1시 30분", "1:30 p.m.");
    same("13시", "1 p.m.");
    same("3시 45분", "3:45");
    differ("2025년 12월 29일", "Dec. 28, 2025");
    differ("오후 1시", "1 a.m.");
}

#[test]
fn day_of_month_meets_a_weekday() {
    same("27일(현지시간)", "on Sunday");
    same("2025년 12월 29일", "Monday");
    differ("2025년 12월 29일", "Tuesday");
}

#[test]
fn approximations_reconcile_within_tolerance() {
    same("약 500명", "about 500 people");
    same("150여명", "About 150 people");
    same("20여명", "Twenty people");
    same("약 6,200대", "roughly 6,000 cars");
    same("114명 이상", "more than 114");
    differ("약 500kg", "around 250kg");
    differ("20년 이상", "more than 16 years");
}

#[test]
fn vague_amounts_reconcile_by_magnitude() {
    same("수천 명", "thousands of people");
    same("수천억 달러", "hundreds of billions of dollars");
    same("수십 명", "dozens of people");
    differ("수천억 달러", "dozens of billions of dollars");
}

#[test]
fn korean_numbers_meet_english_money_and_years() {
    // The unit word dropped on the Korean side.
    same("500", "$500");
    same("2008", "2008");
}

#[test]
fn conversions_are_not_errors() {
    let ko = extract_ko("1조원(약 8억 달러)을 투자했다");
    let en = extract_en("invested 1 trillion won");
    let r = reconcile(&ko, &en);
    assert!(r.ko_missing(&ko).is_empty(), "{ko:?} {r:?}");
    // An English-only conversion is not an extra either.
    let (k, e) = gaps("1조원을 투자했다", "invested 1 trillion won ($800 million)");
    assert_eq!((k, e), (0, 0));
}

#[test]
fn identifiers_are_consistent_across_languages() {
    assert_eq!(
        gaps(
            "갤럭시 S25와 HBM3E, G7, 코로나19",
            "the Galaxy S25, HBM3E, G7 and COVID-19"
        ),
        (0, 0)
    );
}

#[test]
fn keys_are_language_independent() {
    let k = |ko: &str, en: &str| (extract_ko(ko)[0].key(), extract_en(en)[0].key());
    let (a, b) = k("7000억 달러", "$700 billion");
    assert_eq!((a.as_str(), b.as_str()), ("n:700e9", "n:700e9"));
    let (a, b) = k("19.8%", "19.8 percent");
    assert_eq!((a.as_str(), b.as_str()), ("pct:19.8", "pct:19.8"));
    let (a, b) = k("2025년 12월 29일", "Dec. 29, 2025");
    assert_eq!(
        (a.as_str(), b.as_str()),
        ("date:2025-12-29", "date:2025-12-29")
    );
    let (a, b) = k("오후 1시 3분", "1:03 p.m.");
    assert_eq!((a.as_str(), b.as_str()), ("time:13:03", "time:13:03"));
    let (a, b) = k("3만5000명", "35,000");
    assert_eq!((a.as_str(), b.as_str()), ("n:35000", "n:35000"));
    assert_eq!(extract_ko("12월 29일")[0].key(), "date:--12-29");
    assert_eq!(extract_ko("29일")[0].key(), "date:---29");
    assert_eq!(extract_en("3:45")[0].key(), "time:~3:45");
    assert_eq!(extract_en("thousands")[0].key(), "sev:1e3");
}

#[test]
fn hedges_point_one_way() {
    differ("14년 전", "more than 15 years ago");
    same("15년여 전", "more than 15 years ago");
    same("50년 이상", "more than five decades");
    same("거의 4달러", "nearly $4");
    same("약 4달러", "nearly $4");
    differ("40% 미만", "more than 45 percent");
}

#[test]
fn unit_conversions_in_parentheses_are_optional() {
    assert_eq!(gaps("900mm 이상", "up to 36 inches (900 mm)"), (0, 0));
    assert_eq!(gaps("15m 간격", "placed 15 meters (49 feet) apart"), (0, 0));
    let ko = extract_ko("15m(49피트)");
    assert!(ko[1].optional && !ko[0].optional);
}

#[test]
fn military_times_and_roman_ordinals() {
    same("오전 7시 15분", "at 0715");
    same("12시 15분", "1215 GMT");
    same("2차 세계대전", "World War II");
    assert!(extract_en("I am here. Call me at IV.").is_empty());
}

#[test]
fn native_day_counts() {
    same("이틀째", "a second day");
    same("열흘 만에", "in ten days");
    same("사흘 동안", "for three days");
}

#[test]
fn small_numbers_before_plain_nouns_may_be_dropped() {
    let ko = extract_ko("두 사건을 조사했다");
    let r = reconcile(&ko, &extract_en("investigated the incidents"));
    assert!(r.ko_missing(&ko).is_empty());
    // With a counter the number must be there.
    let ko = extract_ko("두 명이 숨졌다");
    let r = reconcile(&ko, &extract_en("people died"));
    assert_eq!(r.ko_missing(&ko).len(), 1);
}

#[test]
fn korean_tenths_meet_english_decimals() {
    same("2할6푼8리의 타율", "hitting .268");
    same("두 배", "doubled");
}

#[test]
fn html_character_references_are_not_numbers() {
    assert!(extract_en("trip &#8212; there").is_empty());
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    const KO: &str =
        "[0-9가-힣a-zA-Z ,.%$~:/()\\-억만천백십조원달러년월일시분첫두세한수약여이상]{0,80}";
    const EN: &str = "[0-9a-zA-Z ,.%$~:/()'\\-]{0,80}|(about|one|twenty|million|May|Dec\\.|p\\.m\\.|[0-9]{1,5}| |,|-)*";

    fn spans_are_valid(text: &str, q: &[Quantity]) -> bool {
        q.iter()
            .all(|q| q.span.start <= q.span.end && text.get(q.span.clone()).is_some())
    }

    proptest! {
        #[test]
        fn korean_extraction_never_panics_and_spans_slice(text in KO) {
            let q = extract_ko(&text);
            prop_assert!(spans_are_valid(&text, &q));
            for x in &q {
                prop_assert!(x.value.is_finite());
                let _ = x.key();
            }
        }

        #[test]
        fn english_extraction_never_panics_and_spans_slice(text in EN) {
            let q = extract_en(&text);
            prop_assert!(spans_are_valid(&text, &q));
            for x in &q {
                prop_assert!(x.value.is_finite());
                let _ = x.key();
            }
        }

        #[test]
        fn reconciliation_is_a_partition_of_agreeing_pairs(ko in KO, en in EN) {
            let (k, e) = (extract_ko(&ko), extract_en(&en));
            let r = reconcile(&k, &e);
            prop_assert_eq!(r.matched.len() + r.ko_only.len(), k.len());
            prop_assert_eq!(r.matched.len() + r.en_only.len(), e.len());
            let mut seen = std::collections::HashSet::new();
            for &(i, j) in &r.matched {
                prop_assert!(seen.insert(j));
                prop_assert!(agree(&k[i], &e[j]));
                prop_assert_eq!(agree(&k[i], &e[j]), agree(&e[j], &k[i]));
            }
        }
    }
}

#[test]
fn quarters_halves_and_day_ranges() {
    same("3분기", "the third quarter");
    same("3분기", "Q3");
    same("하반기", "the second half");
    same("11월 1~10일", "Nov. 1-10");
    same("2025년 11월 1~10일", "Nov. 1 to 10");
}

#[test]
fn currencies_match_by_sign_or_word() {
    same("500엔", "500 yen");
    same("100엔", "¥100");
    same("5유로", "€5");
    same("1,000원", "₩1,000");
    same("10위안", "10 yuan");
    same("20달러", "20 dollars");
    differ("500엔", "500 yuan");
}

/// Nothing an audit would report: every gap is an optional quantity.
fn no_gaps(ko: &str, en: &str) {
    assert_eq!(gaps(ko, en), (0, 0), "{ko} / {en}: {:?}", extract_ko(ko));
}

#[test]
fn dates_that_name_events_are_dates_or_names() {
    // The middle dot joins month and day; English keeps the date or names
    // the event, so the date is optional.
    same("3·15 부정선거", "the March 15 election fraud");
    no_gaps("5·16 군사정변 이후", "after the military coup");
    let q = extract_ko("12·12 사태");
    assert_eq!(
        q[0].kind,
        Kind::Date {
            year: None,
            month: Some(12),
            day: Some(12)
        }
    );
    // A decimal before a plain noun names an event the same way.
    no_gaps("3.1 운동의 정신", "the spirit of the independence movement");
    // Two numbers joined by a dot before a counter are a list.
    let q = extract_ko("1·2위를 다퉜다");
    assert!(
        q.iter().all(|q| !matches!(q.kind, Kind::Date { .. })),
        "{q:?}"
    );
    let q = extract_ko("3·4분기 실적");
    assert!(
        q.iter().all(|q| !matches!(q.kind, Kind::Date { .. })),
        "{q:?}"
    );
    // A decimal before a unit or counter is still a figure.
    differ("체중이 2.5 킬로 줄었다", "He lost 3.5 kilograms.");
    differ("평균 3.5골을 넣었다", "scored 4.5 goals on average");
}

#[test]
fn counters_in_names_are_not_amounts() {
    no_gaps("그 팀은 4강에 올랐다", "The team reached the semifinals.");
    same(
        "그 팀은 8강에서 졌다",
        "The team lost in the quarter-finals.",
    );
    differ(
        "그 팀은 16강에서 졌다",
        "The team lost in the quarterfinals.",
    );
    same("준결승에서 졌다", "lost in the semifinal");
    no_gaps("정유 4사가 가격을 올렸다", "The refiners raised prices.");
    same("통신 3사가 합의했다", "The three telecom companies agreed.");
    no_gaps("5대 은행의 대출이 늘었다", "Loans at the major banks rose.");
    no_gaps("3가 철 이온", "ferric ions");
    no_gaps("20대 청년들이 모였다", "Young people gathered.");
    same("50대 여성", "a woman in her 50s");
    // A counted amount stays an amount.
    differ("차량 30대가 불탔다", "Twenty cars were burned.");
}

#[test]
fn digits_own_the_syllable_glued_to_them() {
    // `세` after digits is the age counter, not the native three.
    let q = extract_ko("피해자는 29세 여성이다");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].value, 29.0);
    same(
        "피해자는 29세 여성이다",
        "The victim is a 29-year-old woman.",
    );
}

#[test]
fn fractions_and_tenths_meet_percentages() {
    same(
        "유권자의 6할이 투표했다",
        "60 percent of voters cast ballots",
    );
    same("주민의 3분의 2", "two-thirds of residents");
    same("주민의 5분의 1", "20% of residents");
    same("주민의 3분의 1", "33 percent of residents");
    differ("유권자의 6할", "16 percent of voters");
    differ("주민의 5분의 1", "25% of residents");
}

#[test]
fn english_dates_in_every_order() {
    same("8월 14일", "the 14th of August");
    same("8월 14일", "14th August");
    same("8월 14일", "on 14 August");
    same("2019년 3월 8일", "8 March 2019");
    same("2019년 3월 8일", "the 8th of March, 2019");
    differ("8월 14일", "the 15th of August");
    differ("3월 8일", "on 8 May");
}

#[test]
fn british_clock_times_with_a_point() {
    same("오후 2시 15분", "2.15pm");
    same("오전 11시 5분", "11.05 a.m.");
    differ("오후 2시 15분", "2.15am");
    // A decimal with no meridiem is no time.
    assert_eq!(extract_en("rose 2.15 points")[0].kind, Kind::Number);
}

#[test]
fn korean_numbers_written_with_spaces() {
    same("3 억 5 천만 달러", "$350 million");
    same("2억 7천 3백만 명", "273 million people");
    same("스물 여섯 살", "26 years old");
    same("열 두 명", "twelve people");
    // A unit syllable that starts another word is not a unit.
    let q = extract_ko("5 백화점에서");
    assert!(q.iter().all(|q| q.value < 100.0), "{q:?}");
}

#[test]
fn percentage_points_in_words() {
    same("0.5%포인트 인하", "cut by half a percentage point");
    same("0.25%p 올렸다", "raised by a quarter of a percentage point");
}

#[test]
fn lunar_dates_may_be_converted_or_named() {
    no_gaps("음력 5월 5일 단오", "the Dano festival");
    same("음력 8월 15일", "August 15 on the lunar calendar");
}

#[test]
fn the_verb_and_the_pronoun_dul_are_no_counts() {
    // `둘` as the verb "to put", and as "both".
    assert!(extract_ko("책상 위에 둘 수 있다").is_empty());
    no_gaps("둘 다 틀렸다", "Neither is right.");
}

#[test]
fn set_expressions_of_years_and_groups() {
    same("수십 년 동안", "for decades");
    same("몇 십년 된 분쟁", "a decades-old dispute");
    same("수백 년 전", "centuries ago");
    same("수 세기 동안", "for centuries");
    same("수세기 전", "centuries ago");
    same("2인조 밴드", "a rock duo");
    no_gaps("그는 3학년이다", "He is a junior.");
    no_gaps("2급 살인 혐의", "a second-degree murder charge");
    same("이틀 전", "a couple of days ago");
    differ("열흘 전", "a couple of days ago");
    same("가격을 두 배로 올렸다", "doubling the price");
    same("37만 5,000달러", "$375,000");
    same("12만 3,400명", "123,400 people");
}

//! Places the Korean names in Sino-Korean or in the local language, which
//! the sound comparison of [`super::names`] cannot match: countries written
//! with Chinese characters (`독일` *Germany*, `영국` *Britain*) and cities
//! and countries whose Korean name follows the local one (`나폴리`
//! *Naples*). Each is listed with the English words that render it.

use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;

/// Weight of a country of the Korean that the English does not render.
/// Sound translations drop one now and then (`미국의` in a sentence already
/// about America); translations that lost a name do so about four times as
/// often.
const COUNTRY_WEIGHT: f64 = 1.3;

/// Countries with Sino-Korean names and the English words that render them
/// (matched at the start of an English word, lowercased).
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "미국",
        &["america", "u.s", "us", "united states", "washington"],
    ),
    (
        "영국",
        &[
            "brit", "uk", "u.k", "england", "english", "london", "scot", "wales", "welsh",
        ],
    ),
    ("독일", &["german", "berlin"]),
    ("중국", &["china", "chinese", "beijing", "sino"]),
    ("일본", &["japan", "tokyo"]),
    ("한국", &["korea", "seoul"]),
    ("북한", &["korea", "pyongyang", "dprk"]),
    ("남한", &["korea", "seoul"]),
    ("호주", &["australia", "canberra", "sydney", "aussie"]),
    ("태국", &["thai", "bangkok"]),
    ("대만", &["taiwan", "taipei"]),
    ("남아공", &["south africa"]),
    ("중동", &["middle east", "mideast"]),
];

/// What may follow a country's name in one word: a person, a language, a
/// product, an army, a side, a government (then a particle).
const COUNTRY_SUFFIXES: &[&str] = &[
    "", "인", "인들", "어", "산", "군", "측", "정부", "계", "식", "령", "내", "전", "과",
];

/// True when English word `w` names or qualifies a country or place of the
/// tables (`Germany`, `Dutch`, `Naples`).
pub fn is_place_word(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    COUNTRIES
        .iter()
        .chain(EXONYMS.iter())
        .any(|(_, forms)| forms.iter().any(|f| lower.starts_with(f)))
}

/// Report Sino-Korean countries of `pair` that its English does not render.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    if let Some(signal) = missing_country(pair, 1.0) {
        out.push(signal);
    }
}

/// The first Sino-Korean country of `pair` that its English does not
/// render, as a signal whose weight is scaled by `factor`.
pub fn missing_country(pair: &Pair<'_>, factor: f64) -> Option<Signal> {
    let ko = pair.ko;
    let mut en_lower: Option<String> = None;
    let mut start = None;
    for (i, c) in ko.char_indices().chain(std::iter::once((ko.len(), ' '))) {
        if super::text::is_syllable(c) {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        if !starts_word(ko, s) {
            continue;
        }
        let word = &ko[s..i];
        let Some((key, forms)) = COUNTRIES.iter().find(|(k, _)| word.starts_with(k)) else {
            continue;
        };
        let rest = super::names::strip_particle(&word[key.len()..]).0;
        let rest = if super::names::is_particle(rest) {
            ""
        } else {
            rest
        };
        if !COUNTRY_SUFFIXES.contains(&rest) {
            continue;
        }
        let en = en_lower.get_or_insert_with(|| pair.en.to_lowercase());
        if forms.iter().any(|f| contains_word_start(en, f)) {
            continue;
        }
        return Some(
            Signal::new(
                Code::EntityDrop,
                COUNTRY_WEIGHT * factor,
                format!("the country `{key}` has no counterpart in the English"),
            )
            .class("country")
            .ko(Span::new(s, s + key.len())),
        );
    }
    None
}

/// True when the Hangul run at `start` begins a word (after white space,
/// the start, or an opening bracket or quote).
fn starts_word(ko: &str, start: usize) -> bool {
    ko[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([{“‘\"'「『《〈<".contains(c))
}

/// Places whose Korean name does not sound like their English one (the
/// Korean follows the local language: 나폴리 is *Naples*), and countries
/// that English mostly names by adjective (`네덜란드` *Dutch*).
const EXONYMS: &[(&str, &[&str])] = &[
    ("나폴리", &["naples"]),
    ("베네치아", &["venice", "venetian"]),
    ("피렌체", &["florence", "florentine"]),
    ("밀라노", &["milan"]),
    ("뮌헨", &["munich"]),
    ("쾰른", &["cologne"]),
    ("프라하", &["prague"]),
    ("바르샤바", &["warsaw"]),
    ("로잔", &["lausanne"]),
    ("취리히", &["zurich"]),
    ("헤이그", &["hague"]),
    ("아테네", &["athens", "athenian"]),
    ("이집트", &["egypt"]),
    ("그리스", &["greece", "greek"]),
    ("네덜란드", &["netherlands", "dutch", "holland"]),
    ("스위스", &["swiss", "switzerland"]),
    ("웨일스", &["wales", "welsh"]),
    ("덴마크", &["denmark", "danish", "dane"]),
    ("스웨덴", &["sweden", "swedish", "swede"]),
    ("폴란드", &["poland", "polish", "pole"]),
    ("핀란드", &["finland", "finnish", "finn"]),
    ("스페인", &["spain", "spanish"]),
    ("프랑스", &["france", "french"]),
    ("터키", &["turkey", "turkish", "turk"]),
    ("아프간", &["afghan"]),
    ("아프가니스탄", &["afghan"]),
    ("필리핀", &["philippine", "filipino"]),
    ("잉글랜드", &["england", "english"]),
    ("스코틀랜드", &["scotland", "scottish", "scot"]),
    ("아일랜드", &["ireland", "irish"]),
    ("유럽", &["europe", "european", "eu"]),
    ("아메리카", &["america"]),
];

/// True when Korean place `ko` (maybe with a one-syllable suffix such as
/// 인, 어, 산) has an English name among the `words` (lowercased).
pub fn exonym_found(ko: &str, en_lower: &str) -> bool {
    EXONYMS.iter().any(|(k, forms)| {
        ko.strip_prefix(k)
            .is_some_and(|rest| rest.chars().count() <= 1)
            && forms.iter().any(|f| contains_word_start(en_lower, f))
    })
}

/// True when `word` starts a word of `text`.
fn contains_word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ko: &str, en: &str) -> Vec<Signal> {
        crate::audit::run_check(check, ko, en)
    }

    #[test]
    fn missing_country_is_reported() {
        assert_eq!(
            run("독일의 수도는 아름답다.", "The capital is beautiful.").len(),
            1
        );
        assert_eq!(
            run("미국인들은 저녁을 좋아한다.", "People like dinner.").len(),
            1
        );
    }

    #[test]
    fn rendered_country_is_not() {
        assert!(run("독일의 수도는 아름답다.", "Germany's capital is beautiful.").is_empty());
        assert!(run("독일어로 말했다.", "He spoke in German.").is_empty());
        assert!(run("영국 정부가 말했다.", "The UK government said so.").is_empty());
    }

    #[test]
    fn other_words_starting_like_a_country_are_not_countries() {
        assert!(run("호주머니에 넣었다.", "He put it in his pocket.").is_empty());
    }

    #[test]
    fn exonyms_are_found() {
        assert!(exonym_found("나폴리", "he lives in naples."));
        assert!(exonym_found("네덜란드인", "a dutch farmer"));
        assert!(!exonym_found("나폴리", "he lives in rome."));
    }
}

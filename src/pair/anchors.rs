//! Anchors: what of an article survives translation between Korean and
//! English — quantities (from [`crate::numbers`]), Latin-script tokens
//! (acronyms, brand names), transliterated names and loanwords (English
//! words written in Hangul by their sound) — reduced to language-independent
//! keys.
//!
//! Each anchor says whether its absence from a translation is evidence
//! (`expected`): a Korean `IBM` should reappear in the English text, but an
//! English capitalised word (`Deep`, `Livermore`) is normally transliterated
//! into Hangul, so as a Latin token it only counts when it matches; its
//! consonant skeleton (a [`AnchorKind::Name`]) is what is expected instead.
//! Quantities a faithful translation may drop (`optional`, weekdays, a bare
//! day of the month) also only count when they match.
//!
//! ```
//! use bitext::pair::anchors::{extract_en, extract_ko};
//! let en = extract_en("On Sept. 11, IBM shipped 8,192 chips, up 12.3 percent.");
//! let ko = extract_ko("IBM은 9월 11일 칩 8192개를 출하했다. 12.3% 늘었다.");
//! let keys = |v: &[bitext::pair::anchors::Anchor]| {
//!     let mut k: Vec<String> = v
//!         .iter()
//!         .filter(|a| a.expected)
//!         .map(|a| format!("{}:{}", a.kind.as_str(), a.key))
//!         .collect();
//!     k.sort();
//!     k
//! };
//! assert_eq!(keys(&en), keys(&ko));
//! assert!(keys(&ko).contains(&"num:pct:12.3".to_owned()));
//! ```

use crate::numbers::{self, Kind, Quantity};
use crate::translit;

/// What an anchor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnchorKind {
    /// A quantity: amount, percentage, date, time, ordinal ([`crate::numbers`]).
    Number,
    /// A Latin-script token: acronym, brand, name written in Latin letters.
    Latin,
    /// A personal or place name matched across scripts.
    Name,
    /// A concept from a bilingual glossary or lexicon (`정부` and
    /// `government`), added by the caller with [`crate::pair::Features::add_anchors`].
    Concept,
    /// A common English word written in Hangul by its sound (`레스토랑` and
    /// `restaurant`, `서비스` and `service`), keyed by its consonant
    /// skeleton. Never expected: a translation may as well use a native word.
    Loanword,
}

impl AnchorKind {
    /// Every kind, in index order.
    pub const ALL: [AnchorKind; 5] = [
        AnchorKind::Number,
        AnchorKind::Latin,
        AnchorKind::Name,
        AnchorKind::Concept,
        AnchorKind::Loanword,
    ];

    /// A dense index (0..5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// A short name.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorKind::Number => "num",
            AnchorKind::Latin => "latin",
            AnchorKind::Name => "name",
            AnchorKind::Concept => "concept",
            AnchorKind::Loanword => "loan",
        }
    }
}

/// One anchor of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Its kind.
    pub kind: AnchorKind,
    /// Canonical key, the same in both languages (`n:8192`, `ibm`, `md:09-11`).
    pub key: String,
    /// True when a faithful translation should contain it too, so that its
    /// absence on the other side counts against a pairing.
    pub expected: bool,
    /// For an anchor taken from one capitalised English word: that word in
    /// lower case. The word is only a name if the collection never writes it
    /// in lower case (`Federal` is not, `Berlusconi` is); see
    /// [`lowercase_words`].
    pub word: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Num,
    Word,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: TokKind,
    start: usize,
    end: usize,
}

/// ASCII digit and letter runs. Scanning bytes is safe: in UTF-8 every byte
/// of a multi-byte character is ≥ 0x80, so ASCII positions are char boundaries.
fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            loop {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < b.len() && matches!(b[i], b',' | b'.') && b[i + 1].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                break;
            }
            out.push(Tok {
                kind: TokKind::Num,
                start,
                end: i,
            });
        } else if c.is_ascii_alphabetic() {
            let start = i;
            loop {
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i + 1 < b.len() && matches!(b[i], b'.' | b'&') && b[i + 1].is_ascii_alphabetic()
                {
                    i += 1;
                    continue;
                }
                break;
            }
            out.push(Tok {
                kind: TokKind::Word,
                start,
                end: i,
            });
        } else {
            i += 1;
        }
    }
    out
}

fn push(out: &mut Vec<Anchor>, kind: AnchorKind, key: String, expected: bool) {
    out.push(Anchor {
        kind,
        key,
        expected,
        word: None,
    });
}

/// Quantity anchors. Large amounts are keyed to three significant digits so
/// that `1조2345억` meets `1.23 trillion`; dates give their month-day, month
/// and year separately, since either side may leave a part out.
fn push_quantities(out: &mut Vec<Anchor>, quantities: &[Quantity]) {
    for q in quantities {
        let expected = !q.optional;
        match q.kind {
            Kind::Date { year, month, day } => {
                match (month, day) {
                    (Some(m), Some(d)) => {
                        push(
                            out,
                            AnchorKind::Number,
                            format!("md:{m:02}-{d:02}"),
                            expected,
                        );
                        push(out, AnchorKind::Number, format!("mo:{m:02}"), false);
                        push(out, AnchorKind::Number, format!("n:{d}"), false);
                    }
                    (Some(m), None) => {
                        push(out, AnchorKind::Number, format!("mo:{m:02}"), expected)
                    }
                    // `27일` where English writes the weekday.
                    (None, Some(d)) => push(out, AnchorKind::Number, format!("n:{d}"), false),
                    (None, None) => {}
                }
                if let Some(y) = year {
                    push(out, AnchorKind::Number, format!("n:{y}"), expected);
                }
            }
            Kind::Weekday(_) => push(out, AnchorKind::Number, q.key(), false),
            Kind::Number | Kind::Money(_) | Kind::Year | Kind::Percent | Kind::PercentPoint
                if q.value.abs() >= 1000.0 && q.value.is_finite() =>
            {
                let family = if matches!(q.kind, Kind::Percent | Kind::PercentPoint) {
                    "pct"
                } else {
                    "n"
                };
                let key = format!("{family}:{:.2e}", q.value.round());
                push(out, AnchorKind::Number, key, expected);
            }
            _ => push(out, AnchorKind::Number, q.key(), expected),
        }
    }
}

/// Latin key: letters only, lower case (`U.N.` → `un`, `AT&T` → `att`).
fn latin_key(word: &str) -> String {
    word.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Anchors of English text.
pub fn extract_en(text: &str) -> Vec<Anchor> {
    let toks = tokens(text);
    let mut out = Vec::new();
    push_quantities(&mut out, &numbers::extract_en(text));
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        match t.kind {
            TokKind::Num => {}
            TokKind::Word => {
                let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
                let upper = s.bytes().filter(u8::is_ascii_uppercase).count();
                // Capitalised month names are dates, never names.
                if letters < 2 || (upper > 0 && numbers::english_month(s).is_some()) {
                    continue;
                }
                if upper == 0 {
                    push_loanword_keys(&mut out, s);
                } else if upper == letters {
                    push(&mut out, AnchorKind::Latin, latin_key(s), true);
                } else if upper > 0 {
                    out.push(Anchor {
                        kind: AnchorKind::Latin,
                        key: latin_key(s),
                        expected: false,
                        word: Some(s.to_ascii_lowercase()),
                    });
                    // Day names are translated, never transliterated.
                    if !(s.ends_with("day") && numbers::english_weekday(s).is_some()) {
                        push_skeletons(&mut out, s, Some(s.to_ascii_lowercase()));
                    }
                    // Korean personal names: `Kim Do-yoon` is 김도윤.
                    if let (Some(g1), Some(g2)) = (toks.get(i + 1), toks.get(i + 2)) {
                        let given = text.get(g1.start..g2.end).unwrap_or("");
                        let gap = text.get(t.end..g1.start).unwrap_or("");
                        let hyphen = text.get(g1.end..g2.start).unwrap_or("");
                        if gap == " "
                            && hyphen == "-"
                            && g1.kind == TokKind::Word
                            && g2.kind == TokKind::Word
                            && given.starts_with(|c: char| c.is_ascii_uppercase())
                        {
                            push_skeletons(&mut out, &format!("{s}{given}"), None);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Anchors of Korean text.
pub fn extract_ko(text: &str) -> Vec<Anchor> {
    let toks = tokens(text);
    let mut out = Vec::new();
    push_quantities(&mut out, &numbers::extract_ko(text));
    for t in &toks {
        let s = &text[t.start..t.end];
        match t.kind {
            TokKind::Num => {}
            TokKind::Word => {
                let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
                if letters >= 2 {
                    // An acronym carries over; a Latin word inside Korean text
                    // (a quoted English headline, say) only counts when matched.
                    let upper = s.bytes().filter(u8::is_ascii_uppercase).count();
                    push(&mut out, AnchorKind::Latin, latin_key(s), upper == letters);
                }
            }
        }
    }
    for word in text
        .split(|c: char| !is_hangul(c))
        .filter(|w| !w.is_empty())
    {
        let stem = strip_particle(word);
        for w in std::iter::once(word).chain(stem) {
            for key in translit::phonetic_keys_ko(w) {
                if key.len() >= MIN_SKELETON {
                    push(&mut out, AnchorKind::Name, key, false);
                }
            }
        }
        // A loanword is a noun: only the word without its particle.
        let noun = stem.unwrap_or(word);
        if crate::ko::loanword::looks_transcribed(noun) {
            for key in translit::phonetic_keys_ko(noun) {
                if key.len() >= MIN_LOANWORD_KEY {
                    push(&mut out, AnchorKind::Loanword, key, false);
                }
            }
        }
    }
    out
}

/// Glossary concepts of a text ([`AnchorKind::Concept`]), Korean terms or
/// English words mapped to ids shared by both languages (`정부` and
/// `government`). An English glossary word is expected to have its Korean
/// term in the original; a Korean term is not expected to reappear, since it
/// stands for every English word the glossary gives it (`정부`: government,
/// administration, authorities) and a translation uses one.
pub fn concepts(text: &str, korean: bool) -> Vec<Anchor> {
    crate::align::glossary_concepts(text, korean)
        .into_iter()
        .map(|id| Anchor {
            kind: AnchorKind::Concept,
            key: id.to_string(),
            expected: !korean,
            word: None,
        })
        .collect()
}

use crate::ko::is_syllable as is_hangul;

/// A Hangul word without its trailing particles, if any were removed and at
/// least two syllables remain.
fn strip_particle(word: &str) -> Option<&str> {
    let (stem, particles) = crate::ko::split_particles(word, 2);
    (!particles.is_empty()).then_some(stem)
}

/// Shorter skeletons (`KM`, `SL`) match too many unrelated words.
const MIN_SKELETON: usize = 3;

/// Shortest lower-case English word taken as a possible loanword: shorter
/// ones are mostly function words.
const MIN_LOANWORD_LETTERS: usize = 4;
/// Shortest loanword skeleton: shorter ones are shared by too many native
/// Korean words (`SN`: 선, 손, 신 …) to say anything.
const MIN_LOANWORD_KEY: usize = 3;

/// Loanword anchors of a lower-case English word: its skeleton, and that of
/// its singular, since Korean does not mark the plural (`sensors`, 센서).
fn push_loanword_keys(out: &mut Vec<Anchor>, word: &str) {
    if word.len() < MIN_LOANWORD_LETTERS || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    let singular = word
        .strip_suffix('s')
        .filter(|w| !w.ends_with(['s', 'u', 'i']) && w.len() >= MIN_LOANWORD_LETTERS);
    for w in std::iter::once(word).chain(singular) {
        let key = translit::phonetic_key(w);
        if key.len() >= MIN_LOANWORD_KEY {
            push(out, AnchorKind::Loanword, key, false);
        }
    }
}

/// Name anchors of an English name. A single word gets one key, so that it
/// can match at most once; a romanised Korean name (`KimGeunhye`) also gets
/// the key with a hard g (see [`translit::phonetic_keys`]).
fn push_skeletons(out: &mut Vec<Anchor>, name: &str, word: Option<String>) {
    let keys = if word.is_some() {
        vec![translit::phonetic_key(name)]
    } else {
        translit::phonetic_keys(name)
    };
    for key in keys {
        if key.len() >= MIN_SKELETON {
            out.push(Anchor {
                kind: AnchorKind::Name,
                key,
                expected: true,
                word: word.clone(),
            });
        }
    }
}

/// Lower-case English words of three letters or more: a capitalised word that
/// also occurs among these is a common word, not a name.
pub fn lowercase_words(text: &str) -> impl Iterator<Item = &str> {
    tokens(text).into_iter().filter_map(move |t| {
        let s = text.get(t.start..t.end)?;
        (t.kind == TokKind::Word && s.len() >= 3 && s.bytes().all(|b| b.is_ascii_lowercase()))
            .then_some(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: &[Anchor]) -> Vec<String> {
        let mut k: Vec<String> = v
            .iter()
            .map(|a| format!("{}:{}:{}", a.kind.as_str(), a.key, a.expected))
            .collect();
        k.sort();
        k.dedup();
        k
    }

    fn has(v: &[String], k: &str) -> bool {
        v.iter().any(|x| x == k)
    }

    #[test]
    fn large_amounts_meet_at_three_significant_digits() {
        let ko = keys(&extract_ko("매출은 1조2345억원, 직원은 3만5000명이다."));
        let en = keys(&extract_en(
            "Sales were 1.23 trillion won and staff 35,000.",
        ));
        assert!(has(&ko, "num:n:1.23e12:true"), "{ko:?}");
        assert!(has(&en, "num:n:1.23e12:true"), "{en:?}");
        assert!(has(&ko, "num:n:3.50e4:true") && has(&en, "num:n:3.50e4:true"));
    }

    #[test]
    fn dates_give_month_day_month_and_year() {
        let ko = keys(&extract_ko("2001년 9월 11일에"));
        let en = keys(&extract_en("on Sept. 11, 2001"));
        assert_eq!(ko, en);
        assert!(has(&ko, "num:md:09-11:true"));
        assert!(has(&ko, "num:mo:09:false"));
        assert!(has(&ko, "num:n:2001:true"));
    }

    #[test]
    fn weekdays_and_bare_days_only_match() {
        let en = keys(&extract_en("Officials met on Monday."));
        assert!(en
            .iter()
            .any(|k| k.starts_with("num:wd:") && k.ends_with(":false")));
        let ko = keys(&extract_ko("관계자들은 27일(현지시간) 만났다."));
        assert!(has(&ko, "num:n:27:false"), "{ko:?}");
    }

    #[test]
    fn english_acronyms_count_and_capitalised_words_only_match() {
        let a = keys(&extract_en("The U.N. and NHK met Gordon."));
        assert!(has(&a, "latin:un:true"));
        assert!(has(&a, "latin:nhk:true"));
        assert!(has(&a, "latin:gordon:false"));
        assert!(has(&a, "latin:the:false"));
        assert!(has(&a, "name:KTN:true"), "{a:?}");
        assert!(!a.iter().any(|k| k.contains(":and:")));
    }

    #[test]
    fn korean_acronyms_are_expected_and_other_latin_words_only_match() {
        let a = keys(&extract_ko("미국 IBM사와 LG전자는 Former 사장을"));
        assert!(has(&a, "latin:ibm:true"));
        assert!(has(&a, "latin:lg:true"));
        assert!(has(&a, "latin:former:false"));
    }

    #[test]
    fn hangul_words_give_skeletons_with_and_without_particles() {
        let a = keys(&extract_ko("베를루스코니는 말했다"));
        assert!(has(&a, "name:PLSKN:false"), "{a:?}");
    }

    #[test]
    fn korean_personal_names_in_english_join_surname_and_given_name() {
        let en = keys(&extract_en("Rep. Kim Do-yoon said."));
        let ko = keys(&extract_ko("김도윤 의원은 말했다."));
        assert!(has(&en, "name:KMTN:true"), "{en:?}");
        assert!(has(&ko, "name:KMTN:false"), "{ko:?}");
    }

    #[test]
    fn months_and_weekdays_are_not_names() {
        let en = keys(&extract_en("In September and on Friday, Berlusconi spoke."));
        let names: Vec<&String> = en.iter().filter(|k| k.starts_with("name:")).collect();
        assert_eq!(names, ["name:PLSKN:true"]);
    }

    #[test]
    fn glossary_concepts_meet_across_languages_and_only_english_ones_are_expected() {
        let en = keys(&concepts("Semiconductor exports rose.", false));
        let ko = keys(&concepts("반도체 수출이 늘었다.", true));
        assert!(!en.is_empty() && en.iter().all(|k| k.ends_with(":true")));
        assert!(!ko.is_empty() && ko.iter().all(|k| k.ends_with(":false")));
        let strip = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|k| k.trim_end_matches(|c| c != ':').to_owned())
                .collect()
        };
        let ko_keys = strip(&ko);
        assert!(
            strip(&en).iter().all(|k| ko_keys.contains(k)),
            "{en:?} {ko:?}"
        );
    }

    #[test]
    fn particles_are_stripped_but_short_stems_kept_whole() {
        assert_eq!(strip_particle("베를루스코니는"), Some("베를루스코니"));
        assert_eq!(strip_particle("포르투갈에서"), Some("포르투갈"));
        assert_eq!(strip_particle("그는"), None);
        assert_eq!(strip_particle("맥캔"), None);
    }

    #[test]
    fn transliterated_names_meet_their_english_spelling() {
        for (en, ko) in [
            ("Berlusconi", "베를루스코니는"),
            ("Portugal", "포르투갈에서"),
            ("Dunkelberg", "던켈버그"),
        ] {
            let e = keys(&extract_en(&format!("They met {en} officials.")));
            let k = keys(&extract_ko(ko));
            let names: Vec<String> = e
                .iter()
                .filter(|x| x.starts_with("name:"))
                .map(|x| x.replace(":true", ":false"))
                .collect();
            assert!(
                !names.is_empty() && names.iter().all(|n| k.contains(n)),
                "{e:?} {k:?}"
            );
        }
    }

    fn loan_keys(v: &[Anchor]) -> Vec<&str> {
        let mut k: Vec<&str> = v
            .iter()
            .filter(|a| a.kind == AnchorKind::Loanword)
            .map(|a| a.key.as_str())
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    }

    #[test]
    fn loanwords_in_hangul_meet_the_english_word() {
        for (en, ko) in [
            ("lift", "리프트를"),
            ("service", "서비스는"),
            ("network", "네트워크에서"),
            ("sports", "스포츠"),
            ("shillings", "쉴링으로"),
        ] {
            let e = extract_en(&format!("The new {en} was shown."));
            let k = extract_ko(&format!("새 {ko} 공개됐다."));
            let (e, k) = (loan_keys(&e), loan_keys(&k));
            assert!(
                !k.is_empty() && k.iter().all(|x| e.contains(x)),
                "{en} {e:?} {ko} {k:?}"
            );
            assert!(e
                .iter()
                .all(|a| extract_en(en).iter().all(|b| !b.expected || b.key != *a)));
        }
    }

    #[test]
    fn native_korean_words_are_no_loanwords() {
        let k = extract_ko(
            "선수들이 정부에서 보통 그것을 할 수 있도록 모르는 사람은 다른 원인을 밝혔다.",
        );
        assert_eq!(loan_keys(&k), Vec::<&str>::new());
        assert!(!crate::ko::loanword::looks_transcribed("센서"));
        assert!(!crate::ko::loanword::looks_transcribed("정부"));
        assert!(!crate::ko::loanword::looks_transcribed("스"));
        assert!(crate::ko::loanword::looks_transcribed("레이저"));
        assert!(crate::ko::loanword::looks_transcribed("타워"));
        assert!(!crate::ko::loanword::looks_transcribed("리프트A"));
    }

    #[test]
    fn short_or_capitalised_english_words_are_no_loanwords() {
        let e = extract_en("The ski Lift and its CCTV did run.");
        assert_eq!(loan_keys(&e), Vec::<&str>::new());
    }

    #[test]
    fn a_plural_also_gives_its_singular() {
        let e = extract_en("Two sensors and a bus.");
        assert!(loan_keys(&e).contains(&translit::phonetic_key("sensor").as_str()));
        assert!(loan_keys(&e).contains(&translit::phonetic_key("sensors").as_str()));
    }

    #[test]
    fn lowercase_words_are_listed() {
        let w: Vec<&str> = lowercase_words("The cat sat on NATO's mat").collect();
        assert_eq!(w, ["cat", "sat", "mat"]);
    }

    #[test]
    fn arbitrary_text_does_not_panic() {
        for s in [
            "",
            "1.",
            ".1",
            "1,",
            "9월",
            "월 1일",
            "Sept.",
            "a.b.",
            "１２３",
            "😀9월😀",
            "Kim -",
            "Kim Do-",
        ] {
            let _ = extract_en(s);
            let _ = extract_ko(s);
        }
    }
}

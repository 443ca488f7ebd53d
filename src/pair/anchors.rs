//! Anchors: tokens of an article that survive translation between Korean and
//! English — numbers, Latin-script tokens (acronyms, brand names) and calendar
//! dates — reduced to language-independent keys.
//!
//! Each anchor says whether its absence from a translation is evidence
//! (`expected`): a Korean `IBM` should reappear in the English text, but an
//! English capitalised word (`Deep`, `Livermore`) is normally transliterated
//! into Hangul, so only its presence on the Korean side counts. Numbers whose
//! value depends on a scale word (`12억`, `1.2 billion`) are written in
//! different units on the two sides; they too only count when they match.
//!
//! ```
//! use bitext::pair::anchors::{extract_en, extract_ko, AnchorKind};
//! let en = extract_en("On Sept. 11, IBM shipped 8,192 chips.");
//! let ko = extract_ko("IBM은 9월 11일 칩 8192개를 출하했다.");
//! // Only anchors whose absence would count; `On` is a capitalised word.
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
//! assert!(ko.iter().any(|a| a.kind == AnchorKind::Date && a.key == "9-11"));
//! ```

use super::phonetic;

/// What an anchor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnchorKind {
    /// A number (digits, separators normalised).
    Number,
    /// A Latin-script token: acronym, brand, name written in Latin letters.
    Latin,
    /// A month (`m:9`) or a month and day (`9-11`).
    Date,
    /// A personal or place name matched across scripts.
    Name,
}

impl AnchorKind {
    /// Every kind, in index order.
    pub const ALL: [AnchorKind; 4] = [
        AnchorKind::Number,
        AnchorKind::Latin,
        AnchorKind::Date,
        AnchorKind::Name,
    ];

    /// A dense index (0..4).
    pub fn index(self) -> usize {
        self as usize
    }

    /// A short name.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorKind::Number => "num",
            AnchorKind::Latin => "latin",
            AnchorKind::Date => "date",
            AnchorKind::Name => "name",
        }
    }
}

/// One anchor of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Its kind.
    pub kind: AnchorKind,
    /// Canonical key, the same in both languages (`8192`, `ibm`, `9-11`).
    pub key: String,
    /// True when a faithful translation should contain it too, so that its
    /// absence on the other side counts against a pairing.
    pub expected: bool,
    /// For a name taken from one capitalised English word: that word in lower
    /// case. The word is only a name if the collection never writes it in
    /// lower case (`Federal` is not, `Berlusconi` is); see [`lowercase_words`].
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

/// Canonical form of an integer or decimal: no leading zeros in the integer
/// part, no trailing zeros in the fraction.
fn canonical_number(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

/// The numbers a digit run stands for. `8,192` is one number, `1,2` two (a
/// Korean list), `12.30` the decimal 12.3, `2025.03.09` three integers.
fn number_keys(raw: &str) -> Vec<String> {
    let (int_part, frac) = match raw.find('.') {
        Some(dot) if raw[dot + 1..].contains('.') => {
            return raw
                .split(['.', ','])
                .filter(|p| !p.is_empty())
                .map(|p| canonical_number(p, ""))
                .collect();
        }
        Some(dot) => (&raw[..dot], &raw[dot + 1..]),
        None => (raw, ""),
    };
    if frac.contains(',') {
        return raw
            .split(['.', ','])
            .filter(|p| !p.is_empty())
            .map(|p| canonical_number(p, ""))
            .collect();
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() == 1 || thousands {
        vec![canonical_number(&groups.concat(), frac)]
    } else {
        let last = groups.len() - 1;
        groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.is_empty())
            .map(|(i, g)| canonical_number(g, if i == last { frac } else { "" }))
            .collect()
    }
}

/// Month number of an English month name; `strict` names need a number
/// next to them to count (`May` is also a verb, `Jan.` an abbreviation).
fn month_of(word: &str) -> Option<(u32, bool)> {
    Some(match word {
        "January" => (1, false),
        "February" => (2, false),
        "March" => (3, true),
        "April" => (4, false),
        "May" => (5, true),
        "June" => (6, false),
        "July" => (7, false),
        "August" => (8, false),
        "September" => (9, false),
        "October" => (10, false),
        "November" => (11, false),
        "December" => (12, false),
        "Jan" => (1, true),
        "Feb" => (2, true),
        "Mar" => (3, true),
        "Apr" => (4, true),
        "Jun" => (6, true),
        "Jul" => (7, true),
        "Aug" => (8, true),
        "Sep" | "Sept" => (9, true),
        "Oct" => (10, true),
        "Nov" => (11, true),
        "Dec" => (12, true),
        _ => return None,
    })
}

const EN_SCALE: [&str; 6] = ["thousand", "million", "billion", "trillion", "mn", "bn"];
const KO_SCALE: [char; 4] = ['천', '만', '억', '조'];

/// True when only spaces, dots and commas separate two tokens.
fn adjacent(text: &str, a: &Tok, b: &Tok) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | '.' | ',')))
}

fn day_value(text: &str, t: &Tok) -> Option<u32> {
    let s = text.get(t.start..t.end)?;
    if s.len() > 2 {
        return None;
    }
    s.parse().ok().filter(|d| (1..=31).contains(d))
}

fn push(out: &mut Vec<Anchor>, kind: AnchorKind, key: String, expected: bool) {
    out.push(Anchor {
        kind,
        key,
        expected,
        word: None,
    });
}

fn push_numbers(out: &mut Vec<Anchor>, raw: &str, expected: bool) {
    for key in number_keys(raw) {
        push(out, AnchorKind::Number, key, expected);
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
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        match t.kind {
            TokKind::Word => {
                let Some((month, strict)) = month_of(s) else {
                    continue;
                };
                let next = toks
                    .get(i + 1)
                    .filter(|n| n.kind == TokKind::Num && adjacent(text, t, n));
                let prev = i
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .filter(|p| p.kind == TokKind::Num && adjacent(text, p, t));
                let day = match (next, prev) {
                    (Some(n), _) if day_value(text, n).is_some() => Some(n),
                    (_, Some(p)) if day_value(text, p).is_some() => Some(p),
                    _ => None,
                };
                if let Some(d) = day {
                    if let Some(v) = day_value(text, d) {
                        push(&mut out, AnchorKind::Date, format!("{month}-{v}"), true);
                    }
                }
                if !strict || next.is_some() || day.is_some() {
                    push(&mut out, AnchorKind::Date, format!("m:{month}"), true);
                }
            }
            TokKind::Num => {}
        }
    }
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        match t.kind {
            TokKind::Num => {
                let scaled = toks.get(i + 1).is_some_and(|n| {
                    n.kind == TokKind::Word
                        && text
                            .get(t.end..n.start)
                            .is_some_and(|g| g.trim().is_empty())
                        && EN_SCALE.contains(&text[n.start..n.end].to_ascii_lowercase().as_str())
                });
                push_numbers(&mut out, s, !scaled);
            }
            TokKind::Word => {
                let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
                if letters < 2 || month_of(s).is_some() {
                    continue;
                }
                let upper = s.bytes().filter(u8::is_ascii_uppercase).count();
                if upper == letters {
                    push(&mut out, AnchorKind::Latin, latin_key(s), true);
                } else if upper > 0 {
                    push(&mut out, AnchorKind::Latin, latin_key(s), false);
                    if !WEEKDAYS.contains(&s) {
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
    let mut skip = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Num {
            continue;
        }
        let s = &text[t.start..t.end];
        let after = text.get(t.end..).unwrap_or("");
        let month = after
            .starts_with('월')
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m));
        let Some(month) = month else { continue };
        // `9월` is written `September`: keep the month, not the digit.
        skip[i] = true;
        push(&mut out, AnchorKind::Date, format!("m:{month}"), true);
        let gap_end = t.end + '월'.len_utf8();
        if let Some(n) = toks.get(i + 1).filter(|n| n.kind == TokKind::Num) {
            let gap = text.get(gap_end..n.start).unwrap_or("x");
            let day_follows = text.get(n.end..).is_some_and(|a| a.starts_with('일'));
            if gap.trim().is_empty() && day_follows {
                if let Some(d) = day_value(text, n) {
                    push(&mut out, AnchorKind::Date, format!("{month}-{d}"), true);
                }
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        match t.kind {
            TokKind::Num if !skip[i] => {
                let after = text.get(t.end..).unwrap_or("");
                let scaled = after.chars().next().is_some_and(|c| KO_SCALE.contains(&c));
                push_numbers(&mut out, s, !scaled);
            }
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
        let stem = phonetic::strip_particle(word);
        for w in std::iter::once(word).chain(stem) {
            let key = phonetic::skeleton_ko(w);
            if key.len() >= MIN_SKELETON {
                push(&mut out, AnchorKind::Name, key, false);
            }
        }
    }
    out
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Shorter skeletons (`KM`, `SL`) match too many unrelated words.
const MIN_SKELETON: usize = 3;

/// Translated, never transliterated.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The likeliest skeleton is expected in a translation; variants only count
/// when they match.
fn push_skeletons(out: &mut Vec<Anchor>, name: &str, word: Option<String>) {
    for (i, key) in phonetic::skeletons_en(name).into_iter().enumerate() {
        if key.len() >= MIN_SKELETON {
            out.push(Anchor {
                kind: AnchorKind::Name,
                key,
                expected: i == 0,
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

    #[test]
    fn thousands_separators_and_decimals_are_normalised() {
        assert_eq!(number_keys("8,192"), ["8192"]);
        assert_eq!(number_keys("1,000,000.50"), ["1000000.5"]);
        assert_eq!(number_keys("007"), ["7"]);
        assert_eq!(number_keys("3.0"), ["3"]);
    }

    #[test]
    fn comma_lists_and_dotted_dates_split() {
        assert_eq!(number_keys("1,2"), ["1", "2"]);
        assert_eq!(number_keys("2025.03.09"), ["2025", "3", "9"]);
        assert_eq!(number_keys("12,34.5"), ["12", "34.5"]);
    }

    #[test]
    fn english_acronyms_count_and_capitalised_words_only_match() {
        let a = keys(&extract_en("The U.N. and NHK met Gordon."));
        assert!(a.contains(&"latin:un:true".to_owned()));
        assert!(a.contains(&"latin:nhk:true".to_owned()));
        assert!(a.contains(&"latin:gordon:false".to_owned()));
        assert!(a.contains(&"latin:the:false".to_owned()));
        assert!(!a.iter().any(|k| k.contains(":and:")));
    }

    #[test]
    fn korean_latin_tokens_are_expected() {
        let a = keys(&extract_ko("미국 IBM사와 LG전자는 G20에서"));
        assert!(a.contains(&"latin:ibm:true".to_owned()));
        assert!(a.contains(&"latin:lg:true".to_owned()));
        assert!(a.contains(&"num:20:true".to_owned()));
        assert!(!a.iter().any(|k| k.starts_with("latin:g:")));
    }

    #[test]
    fn scaled_numbers_only_match() {
        let en = keys(&extract_en("a $110 million deal and 12 trillion won"));
        assert!(en.contains(&"num:110:false".to_owned()));
        assert!(en.contains(&"num:12:false".to_owned()));
        let ko = keys(&extract_ko("1억1000만달러와 3천명, 30명"));
        assert!(ko.contains(&"num:1:false".to_owned()));
        assert!(ko.contains(&"num:1000:false".to_owned()));
        assert!(ko.contains(&"num:3:false".to_owned()));
        assert!(ko.contains(&"num:30:true".to_owned()));
    }

    #[test]
    fn dates_agree_across_languages() {
        let en = keys(&extract_en("on 11 September, and on March 3 and in May."));
        let ko = keys(&extract_ko("9월 11일과 3월 3일에"));
        assert_eq!(en, ko);
        assert!(ko.contains(&"date:9-11:true".to_owned()));
        assert!(!ko.contains(&"num:9:true".to_owned()));
    }

    #[test]
    fn month_names_need_a_number_when_ambiguous() {
        let en = keys(&extract_en("You May go in September."));
        assert_eq!(en, ["date:m:9:true", "latin:you:false"]);
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
        ] {
            let _ = extract_en(s);
            let _ = extract_ko(s);
        }
    }
}

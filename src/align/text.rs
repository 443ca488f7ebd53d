//! Tokens that carry evidence across the two languages: numbers with their
//! value, Latin-script words (stemmed), and Hangul/Han runs with particles
//! removed.

use super::features::FxMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// One token of a sentence, borrowing its text from the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok<'a> {
    /// A number with its value (Korean units and English scale words applied).
    Number(f64),
    /// A Latin-script word.
    Latin(Latin<'a>),
    /// A run of Hangul syllables and Han characters, as written (its stem
    /// is [`strip_particles`] of it).
    Hangul { run: &'a str },
}

/// A Latin-script word.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Latin<'a> {
    /// The word as written (acronym periods and the hyphen of a romanised
    /// given name removed).
    pub word: Cow<'a, str>,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// Two or more letters, all upper case (an acronym), or letters with digits.
    pub acronym: bool,
}

/// The canonical text of a number, equal for equal values however written.
#[cfg(test)]
pub(crate) fn number_key(v: f64) -> String {
    format!("{v:.4e}")
}

fn is_hangul_or_han(c: char) -> bool {
    crate::ko::is_syllable(c) || crate::ko::is_hanja(c)
}

fn korean_unit(c: char) -> Option<(f64, bool)> {
    // (multiplier, closes a group of four digits)
    match c {
        '십' => Some((10.0, false)),
        '백' => Some((100.0, false)),
        '천' => Some((1e3, false)),
        '만' => Some((1e4, true)),
        '억' => Some((1e8, true)),
        '조' => Some((1e12, true)),
        _ => None,
    }
}

fn english_scale(word: &str) -> Option<f64> {
    const SCALES: [(&str, f64); 10] = [
        ("thousand", 1e3),
        ("million", 1e6),
        ("millions", 1e6),
        ("mn", 1e6),
        ("billion", 1e9),
        ("billions", 1e9),
        ("bn", 1e9),
        ("trillion", 1e12),
        ("trillions", 1e12),
        ("tn", 1e12),
    ];
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

fn month(word: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word;
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(w)))
                || (w.eq_ignore_ascii_case("sept") && *m == "september")
        })
        .map(|i| (i + 1) as f64)
}

/// The value of an English number word ("one" is left out: it is far more
/// often a pronoun than a count).
fn number_word(word: &str) -> Option<f64> {
    use crate::numbers::{EN_TENS as TENS, EN_UNITS as UNITS};
    // Every word of a text is looked up: one hash of its lower-case form
    // (on the stack) instead of thirty comparisons.
    const LONGEST: usize = 9;
    static WORDS: OnceLock<FxMap<&'static [u8], f64>> = OnceLock::new();
    if word.len() < 3 || word.len() > LONGEST {
        return None;
    }
    let words = WORDS.get_or_init(|| {
        let mut map: FxMap<&'static [u8], f64> = FxMap::default();
        for (i, u) in UNITS.iter().enumerate().skip(2) {
            map.insert(u.as_bytes(), i as f64);
        }
        for (i, t) in TENS.iter().enumerate() {
            map.insert(t.as_bytes(), 20.0 + 10.0 * i as f64);
        }
        map.insert(b"dozen", 12.0);
        map.insert(b"hundred", 100.0);
        map
    });
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    words.get(&*lower).copied()
}

/// A sentence as characters, with the byte offset of each (and of the end),
/// so that tokens can borrow their text.
struct Src<'a> {
    text: &'a str,
    cs: Vec<char>,
    /// Empty for an ASCII text, where character and byte offsets agree.
    bytes: Vec<usize>,
}

impl<'a> Src<'a> {
    fn new(text: &'a str) -> Src<'a> {
        if text.is_ascii() {
            let cs = text.bytes().map(char::from).collect();
            return Src {
                text,
                cs,
                bytes: Vec::new(),
            };
        }
        let mut cs = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (b, c) in text.char_indices() {
            cs.push(c);
            bytes.push(b);
        }
        bytes.push(text.len());
        Src { text, cs, bytes }
    }

    /// The byte offset of character `i` (`i` = the number of characters
    /// for the end).
    #[inline]
    fn byte(&self, i: usize) -> Option<usize> {
        if self.bytes.is_empty() {
            (i <= self.cs.len()).then_some(i)
        } else {
            self.bytes.get(i).copied()
        }
    }

    /// The text of characters `from..to`.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        let (Some(a), Some(b)) = (self.byte(from), self.byte(to)) else {
            return "";
        };
        self.text.get(a..b).unwrap_or("")
    }

    /// The ASCII letters starting at character `k`, and the index after them.
    fn word_at(&self, k: usize) -> (&'a str, usize) {
        let cs = &self.cs;
        let end = (k..cs.len())
            .find(|&e| !cs[e].is_ascii_alphabetic())
            .unwrap_or(cs.len());
        (self.slice(k.min(end), end), end)
    }
}

/// After a number word at `i`: "twenty-five", "three million".
fn read_number_words(src: &Src, mut v: f64, mut i: usize, out: &mut Vec<Tok>) -> usize {
    let cs = &src.cs;
    let word_at = |k: usize| src.word_at(k);
    if (20.0..100.0).contains(&v) && cs.get(i) == Some(&'-') {
        let (w, end) = word_at(i + 1);
        if let Some(u) = number_word(w).filter(|u| *u < 10.0) {
            v += u;
            i = end;
        }
    }
    if matches!(cs.get(i), Some(' ') | Some('-')) {
        let (w, end) = word_at(i + 1);
        if let Some(m) = english_scale(w) {
            v *= m;
            i = end;
        }
    }
    out.push(Tok::Number(v));
    i
}

/// Korean native numerals, used before a counter (두 명, 세 차례).
const KO_NUMERALS: [(&str, f64); 12] = [
    ("한", 1.0),
    ("두", 2.0),
    ("세", 3.0),
    ("네", 4.0),
    ("다섯", 5.0),
    ("여섯", 6.0),
    ("일곱", 7.0),
    ("여덟", 8.0),
    ("아홉", 9.0),
    ("열", 10.0),
    ("스무", 20.0),
    ("스물", 20.0),
];

/// The first syllables of [`KO_NUMERALS`].
const NUMERAL_STARTS: [char; 10] = ['한', '두', '세', '네', '다', '여', '일', '아', '열', '스'];

/// Counters that follow a native numeral.
const KO_COUNTERS: [&str; 22] = [
    "명", "개", "가지", "차례", "번", "곳", "대", "척", "채", "마리", "살", "달", "해", "시간",
    "개월", "주", "권", "편", "잔", "병", "장", "배",
];

fn starts_with_counter(s: &str) -> bool {
    KO_COUNTERS.iter().any(|c| s.starts_with(c))
}

/// Read plain digits (with thousands commas and one decimal point) at `i`.
fn read_digits(cs: &[char], mut i: usize) -> (f64, usize) {
    let mut s = String::new();
    while i < cs.len() {
        let c = cs[i];
        if c.is_ascii_digit() {
            s.push(c);
            i += 1;
        } else if c == ','
            && cs
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !cs.get(i + 4).is_some_and(char::is_ascii_digit)
            && !s.contains('.')
        {
            i += 1;
        } else if c == '.' && !s.contains('.') && cs.get(i + 1).is_some_and(char::is_ascii_digit) {
            s.push('.');
            i += 1;
        } else {
            break;
        }
    }
    (s.parse().unwrap_or(0.0), i)
}

/// Parse a number starting with a digit at `i`: Korean units (1억1천만,
/// 12조3천억, 1억 2000만), English scale words (110 million, 1.5bn), ordinal
/// and decade suffixes. Returns the value and the index after it.
fn read_number(src: &Src, start: usize) -> (f64, usize) {
    let cs = &src.cs[..];
    let (first, mut i) = read_digits(cs, start);
    // Korean grouping: digits, optional 십/백/천, optional 만/억/조, repeated.
    let mut total = 0.0;
    let mut group = 0.0;
    let mut value = first;
    let mut korean = false;
    loop {
        let mut v = value;
        if let Some((m, false)) = cs.get(i).copied().and_then(korean_unit) {
            v *= m;
            i += 1;
            korean = true;
        }
        group += v;
        match cs.get(i).copied().and_then(korean_unit) {
            Some((m, true)) => {
                total += group * m;
                group = 0.0;
                i += 1;
                korean = true;
            }
            _ => break,
        }
        // Another group may follow directly or after one space: 1억 2000만.
        let j = if cs.get(i) == Some(&' ') { i + 1 } else { i };
        if cs.get(j).is_some_and(char::is_ascii_digit) {
            let (next, k) = read_digits(cs, j);
            let unit_follows = cs.get(k).copied().and_then(korean_unit).is_some();
            if j == i || unit_follows {
                value = next;
                i = k;
                continue;
            }
        }
        break;
    }
    let mut number = total + group;
    if korean {
        return (number, i);
    }
    // English: a scale word after a space or hyphen, or glued (5bn, $3m).
    let word_at = |k: usize| src.word_at(k);
    let currency = start > 0 && matches!(cs[start - 1], '$' | '€' | '£' | '₩' | '¥');
    if cs.get(i).is_some_and(char::is_ascii_alphabetic) {
        let (w, end) = word_at(i);
        let lw = w.to_ascii_lowercase();
        if let Some(m) = english_scale(w) {
            number *= m;
            i = end;
        } else if currency && matches!(lw.as_str(), "m" | "b" | "k") {
            number *= match lw.as_str() {
                "m" => 1e6,
                "b" => 1e9,
                _ => 1e3,
            };
            i = end;
        } else if matches!(lw.as_str(), "st" | "nd" | "rd" | "th" | "s") {
            i = end;
        }
    } else if matches!(cs.get(i), Some(' ') | Some('-'))
        && cs.get(i + 1).is_some_and(char::is_ascii_alphabetic)
    {
        let (w, end) = word_at(i + 1);
        if let Some(m) = english_scale(w) {
            number *= m;
            i = end;
        }
    }
    (number, i)
}

/// Split `text` into evidence tokens. Punctuation and symbols are dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    tokenize_spans(text).into_iter().map(|(_, t)| t).collect()
}

/// [`tokenize`], with the byte range each token came from.
pub(crate) fn tokenize_spans(text: &str) -> Vec<(std::ops::Range<usize>, Tok<'_>)> {
    let src = Src::new(text);
    let cs = &src.cs;
    let mut out: Vec<Tok> = Vec::new();
    let mut spanned: Vec<(std::ops::Range<usize>, Tok)> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let start = i;
        if c.is_ascii_digit() {
            let (v, j) = read_number(&src, i);
            out.push(Tok::Number(v));
            i = j.max(i + 1);
        } else if c.is_ascii_alphabetic() {
            i = read_latin(&src, i, &mut out);
        } else if is_hangul_or_han(c) {
            let end = (i..cs.len())
                .find(|&e| !is_hangul_or_han(cs[e]))
                .unwrap_or(cs.len());
            let run = src.slice(i, end);
            // A native numeral with its counter, glued (두명) or not (두 명).
            let numeral = KO_NUMERALS
                .iter()
                .filter(|_| NUMERAL_STARTS.contains(&c))
                .find(|(w, _)| {
                    run.strip_prefix(w).is_some_and(|rest| {
                        if rest.is_empty() {
                            cs.get(end) == Some(&' ')
                                && starts_with_counter(src.slice(end + 1, (end + 4).min(cs.len())))
                        } else {
                            starts_with_counter(rest)
                        }
                    })
                });
            if let Some(&(w, v)) = numeral {
                out.push(Tok::Number(v));
                let rest = &run[w.len()..];
                if !rest.is_empty() {
                    out.push(Tok::Hangul { run: rest });
                }
            } else {
                out.push(Tok::Hangul { run });
            }
            i = end;
        } else {
            i += 1;
        }
        if !out.is_empty() {
            let (Some(a), Some(b)) = (src.byte(start), src.byte(i.min(cs.len()))) else {
                break;
            };
            spanned.extend(out.drain(..).map(|t| (a..b, t)));
        }
    }
    spanned
}

fn read_latin<'a>(src: &Src<'a>, start: usize, out: &mut Vec<Tok<'a>>) -> usize {
    let cs = &src.cs;
    // Acronyms written with periods: U.S., U.N., U.S.A.
    let mut k = start;
    let mut letters = String::new();
    while cs.get(k).is_some_and(char::is_ascii_alphabetic)
        && cs.get(k + 1) == Some(&'.')
        && !cs.get(k + 2).is_some_and(|c| c.is_ascii_lowercase())
        && (k == start || cs.get(k.wrapping_sub(1)) == Some(&'.'))
    {
        letters.push(cs[k].to_ascii_uppercase());
        k += 2;
        if !cs.get(k).is_some_and(char::is_ascii_alphabetic) || cs.get(k + 1) != Some(&'.') {
            break;
        }
    }
    if letters.len() >= 2 {
        out.push(Tok::Latin(Latin {
            word: Cow::Owned(letters),
            capital: true,
            acronym: true,
        }));
        return k;
    }
    let end = (start..cs.len())
        .find(|&e| !cs[e].is_ascii_alphanumeric())
        .unwrap_or(cs.len());
    let mut word = Cow::Borrowed(src.slice(start, end));
    let mut end = end;
    // A romanised Korean given name keeps its two syllables together
    // (Dae-jung, Jae-in), so that it sounds like 대중, 재인.
    if word.len() <= 5
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && cs.get(end) == Some(&'-')
        && cs.get(end + 1).is_some_and(char::is_ascii_lowercase)
    {
        let tail_end = (end + 1..cs.len())
            .find(|&e| !cs[e].is_ascii_lowercase())
            .unwrap_or(cs.len());
        if tail_end - end - 1 <= 5
            && !cs
                .get(tail_end)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '-')
        {
            word.to_mut().push_str(src.slice(end + 1, tail_end));
            end = tail_end;
        }
    }
    let mut next = end;
    // Possessive or contraction: the nation's, don't.
    if matches!(cs.get(end), Some('\'') | Some('’'))
        && cs.get(end + 1).is_some_and(char::is_ascii_alphabetic)
        && !cs.get(end + 2).is_some_and(char::is_ascii_alphabetic)
    {
        next = end + 2;
    }
    let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
    if let Some(m) = capital.then(|| month(&word)).flatten() {
        out.push(Tok::Number(m));
        return next;
    }
    if let Some(v) = number_word(&word) {
        return read_number_words(src, v, next, out);
    }
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let digits = word.chars().any(|c| c.is_ascii_digit());
    out.push(Tok::Latin(Latin {
        capital,
        acronym: (upper >= 2 && upper * 2 >= word.len()) || digits,
        word,
    }));
    next
}

/// A word table as a hash set: one hash and one comparison per look-up.
fn word_set(words: &'static [&'static str]) -> FxMap<&'static str, ()> {
    words.iter().map(|&w| (w, ())).collect()
}

pub(crate) use crate::ko::is_particle;

/// A Korean word without its particles (연구원들이 → 연구원), keeping at least
/// two syllables: in a two-syllable word the last syllable is as likely part
/// of the noun (회의, 나이) as a particle.
pub(crate) fn strip_particles(run: &str) -> &str {
    crate::ko::split_particles(run, 2).0
}

pub(crate) use crate::en::{en_stem, is_en_stopword};

const KO_STOP: &[&str] = &[
    "가장",
    "같은",
    "같이",
    "것으로",
    "것은",
    "것을",
    "것이",
    "것이다",
    "것이라고",
    "결국",
    "경우",
    "관련",
    "관한",
    "그가",
    "그녀",
    "그녀는",
    "그녀의",
    "그는",
    "그들",
    "그러나",
    "그러한",
    "그런",
    "그리고",
    "그의",
    "다른",
    "다만",
    "당시",
    "대한",
    "대해",
    "더",
    "덜",
    "동안",
    "됐다",
    "되는",
    "되었다",
    "된다",
    "따라",
    "따라서",
    "때문",
    "때문에",
    "때문이다",
    "또",
    "또는",
    "또한",
    "매우",
    "모두",
    "모든",
    "및",
    "바로",
    "반면",
    "아주",
    "아직",
    "안에",
    "않고",
    "않는",
    "않았다",
    "않은",
    "어떤",
    "없는",
    "없다",
    "없이",
    "여부",
    "역시",
    "우리",
    "위한",
    "위해",
    "위해서",
    "의해",
    "이것",
    "이날",
    "이는",
    "이들",
    "이라며",
    "이러한",
    "이런",
    "이미",
    "이번",
    "이상",
    "이에",
    "이제",
    "이후",
    "있게",
    "있는",
    "있다",
    "있다고",
    "있던",
    "있도록",
    "있습니다",
    "있어",
    "있었다",
    "있었던",
    "있으며",
    "있을",
    "자신",
    "저",
    "저런",
    "정도",
    "통해",
    "특히",
    "하고",
    "하기",
    "하는",
    "하며",
    "하지",
    "하지만",
    "한다",
    "한편",
    "해야",
    "했다",
    "했던",
    "했으며",
];

/// True for a Korean function word (after particle stripping), or a
/// particle written apart.
pub(crate) fn is_ko_stopword(stem: &str) -> bool {
    static SET: OnceLock<FxMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| word_set(KO_STOP)).contains_key(stem)
        || is_particle(stem)
        || matches!(stem, "라고" | "이라고")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| match t {
                Tok::Number(v) => Some(number_key(v)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn korean_units_and_english_scales_agree() {
        assert_eq!(numbers("2억3천만 달러"), numbers("$230 million"));
        assert_eq!(numbers("45조6천억 원"), numbers("45.6 trillion won"));
        assert_eq!(numbers("1억 5000만 명"), numbers("150 million people"));
        assert_eq!(numbers("5백만"), numbers("5 million"));
        assert_eq!(numbers("3천 개"), numbers("3,000 units"));
        assert_eq!(numbers("$4.5bn"), numbers("4.5 billion"));
        assert_eq!(numbers("$7m"), numbers("7 million"));
    }

    #[test]
    fn years_percentages_ordinals_and_months() {
        assert_eq!(numbers("2007년"), numbers("in 2007"));
        assert_eq!(numbers("12.5%"), numbers("12.5 percent"));
        assert_eq!(numbers("the 21st"), numbers("21일"));
        assert_eq!(numbers("the 1980s"), numbers("1980년대"));
        assert_eq!(numbers("On April 3"), numbers("4월 3일"));
    }

    #[test]
    fn number_words_and_native_numerals() {
        assert_eq!(numbers("two people"), numbers("두 명"));
        assert_eq!(numbers("three times"), numbers("세차례"));
        assert_eq!(numbers("twenty-five years"), numbers("25년"));
        assert_eq!(numbers("four million"), numbers("400만"));
        assert!(numbers("one of them").is_empty());
        assert!(numbers("세계").is_empty());
        assert!(numbers("네").is_empty());
    }

    #[test]
    fn every_native_numeral_starts_with_a_listed_syllable() {
        for (w, _) in KO_NUMERALS {
            assert!(w.starts_with(NUMERAL_STARTS), "{w}");
        }
        assert_eq!(number_word("Twenty"), Some(20.0));
        assert_eq!(number_word("NINETEEN"), Some(19.0));
        assert_eq!(number_word("one"), None);
        assert_eq!(number_word("twentyfive"), None);
    }

    #[test]
    fn commas_group_thousands_but_separate_lists() {
        assert_eq!(numbers("1,250,000"), vec![number_key(1_250_000.0)]);
        assert_eq!(numbers("1,2"), vec![number_key(1.0), number_key(2.0)]);
    }

    #[test]
    fn latin_tokens_inside_korean() {
        let t = tokenize("IBM은 G20 회의에서");
        assert!(matches!(&t[0], Tok::Latin(l) if l.word == "IBM" && l.acronym));
        assert!(matches!(&t[2], Tok::Latin(l) if l.word == "G20" && l.acronym));
        assert!(matches!(&t[3], Tok::Hangul { run } if *run == "회의에서"));
        assert_eq!(strip_particles("회의에서"), "회의");
    }

    #[test]
    fn romanised_given_names_stay_whole() {
        let t = tokenize("President Moon Jae-in met Anti-government protesters");
        let words: Vec<String> = t
            .iter()
            .filter_map(|t| match t {
                Tok::Latin(l) => Some(l.word.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            words,
            [
                "President",
                "Moon",
                "Jaein",
                "met",
                "Anti",
                "government",
                "protesters"
            ]
        );
    }

    #[test]
    fn dotted_acronyms_join() {
        let t = tokenize("The U.S. economy");
        assert!(matches!(&t[1], Tok::Latin(l) if l.word == "US"));
        assert_eq!(en_stem("US"), "usa");
        assert_eq!(en_stem("us"), "us");
    }

    #[test]
    fn particles_are_stripped_from_long_words_only() {
        assert_eq!(strip_particles("정부는"), "정부");
        assert_eq!(strip_particles("연구원들이"), "연구원");
        assert_eq!(strip_particles("미국에서는"), "미국");
        assert_eq!(strip_particles("이"), "이");
        assert_eq!(strip_particles("나이"), "나이");
        assert_eq!(strip_particles("회의에서"), "회의");
        assert_eq!(strip_particles("것으로"), "것으로");
    }

    #[test]
    fn stems_conflate_inflections() {
        assert_eq!(en_stem("governments"), en_stem("government"));
        assert_eq!(en_stem("exported"), en_stem("exports"));
        assert_eq!(en_stem("announced"), en_stem("announcement"));
        assert_eq!(en_stem("companies"), en_stem("company"));
        assert_eq!(en_stem("Korean"), en_stem("Korea"));
        assert_ne!(en_stem("internet"), en_stem("international"));
    }

    #[test]
    fn stopword_table_is_sorted_for_binary_search() {
        assert!(crate::en::EN_STOP.windows(2).all(|w| w[0] < w[1]));
        assert!(is_en_stopword("the"));
        assert!(!is_en_stopword("export"));
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "", "1,", "1.", ".5", "3억", "억", "1억 ", "$", "$m", "U.", "U.S", "a'", "’s", "１２",
        ] {
            let _ = tokenize(s);
        }
    }
}

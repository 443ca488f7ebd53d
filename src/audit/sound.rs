//! Whether a Korean word is heard in the English: the tolerant comparison by
//! sound that the name checks need.
//!
//! A transliteration and its English source rarely share a spelling, and
//! the English word often carries an ending the Korean lacks (`Rome's`,
//! `buses`, `Details`). Each English word is therefore compared in several
//! forms (as written, without its possessive, without a plural ending), on
//! consonant skeletons with and without `h` (which English often leaves
//! silent where Korean writes ㅎ: *Mohammed* 모하메드), and on spelling
//! against the romanised Hangul. A Korean compound whose loanword part is
//! rendered on its own (`시내버스` *buses*, `기도노트` *note*) is heard
//! through that part, and a loanword heard inside a longer English word
//! (`컴퓨터` ending *supercomputer*) counts too.

use super::loanword::{is_common, is_loanword};
use super::text::Token;
use crate::span::Span;
use crate::translit::{phonetic_key, phonetic_keys, phonetic_keys_ko, romanize};

pub use crate::translit::{NAME_MATCH as MATCH, SHORT_NAME_MATCH as SHORT_MATCH};
/// How much longer than a loanword's skeleton an English word that begins
/// or ends with it may be (`supercomputer` ends with `컴퓨터`).
const MAX_HOST_EXTRA: usize = 4;

/// Frequent English function words.
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "this", "from", "have", "has", "had", "were", "was",
    "which", "their", "they", "been", "will", "would", "said", "into", "its", "his", "her", "are",
    "not", "but", "who", "also", "than", "more", "after", "about", "over", "there", "when", "what",
    "can", "could", "should", "did", "does", "our", "your", "them", "she", "him",
];

/// One English word (or two adjacent words joined) in comparable forms.
struct Heard {
    span: Span,
    upper: bool,
    keys: Vec<String>,
    spells: Vec<String>,
}

/// The English side of a pair, prepared for comparison by sound.
pub struct EnglishSounds {
    words: Vec<Heard>,
}

/// The forms of an English word that a Korean rendering may stand for:
/// as written, without a possessive, without a plural ending.
fn forms(word: &str) -> Vec<&str> {
    let mut out = vec![word];
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
        .trim_end_matches(['\'', '’']);
    if base.len() < word.len() {
        out.push(base);
    }
    if base.len() > 4 && base.ends_with("es") {
        out.push(&base[..base.len() - 2]);
    }
    if base.len() > 3 && base.ends_with('s') && !base.ends_with("ss") {
        out.push(&base[..base.len() - 1]);
    }
    // Each part of a compound (`Marxist-Leninist`).
    if base.contains('-') {
        out.extend(base.split('-').filter(|p| p.len() >= 2));
    }
    out
}

/// A skeleton without `h`.
fn no_h(key: &str) -> String {
    let mut k: Vec<u8> = key.bytes().filter(|&b| b != b'H').collect();
    k.dedup();
    String::from_utf8(k).unwrap_or_default()
}

fn push_keys(keys: &mut Vec<String>, new: impl IntoIterator<Item = String>) {
    for k in new {
        if k.is_empty() {
            continue;
        }
        let h = k.contains('H').then(|| no_h(&k));
        if !keys.contains(&k) {
            keys.push(k);
        }
        if let Some(h) = h.filter(|h| !h.is_empty() && !keys.contains(h)) {
            keys.push(h);
        }
    }
}

/// The keys of an English spelling: [`phonetic_keys`] when a g might be
/// soft or hard, else the one [`phonetic_key`].
fn english_keys(word: &str) -> Vec<String> {
    if word.contains(['g', 'G']) {
        phonetic_keys(word)
    } else {
        vec![phonetic_key(word)]
    }
}

fn heard(word: &str, span: Span) -> Heard {
    let mut keys = Vec::with_capacity(2);
    let mut spells = Vec::with_capacity(1);
    for f in forms(word) {
        push_keys(&mut keys, english_keys(f));
        let lower: String = f.to_ascii_lowercase();
        // Korean hears `ch` as k in many names (*Michael* 마이클) and `dz`
        // as j (*Karadzic* 카라지치).
        if lower.contains("ch") || lower.contains("dz") {
            let respelt = lower.replace("ch", "k").replace("dz", "j");
            push_keys(&mut keys, english_keys(&respelt));
        }
        // A silent k before n (*Knight* 나이트).
        if let Some(rest) = lower.strip_prefix("kn") {
            push_keys(&mut keys, english_keys(&format!("n{rest}")));
        }
        spells.push(lower.chars().filter(char::is_ascii_alphabetic).collect());
    }
    Heard {
        span,
        upper: word.starts_with(|c: char| c.is_ascii_uppercase()),
        keys,
        spells,
    }
}

/// Two adjacent words heard as one (`Kim Jong-un`): their main skeletons
/// and spellings run together.
fn join(a: &Heard, b: &Heard) -> Heard {
    // The first key is that of the word as written.
    let mut key = a.keys.first().cloned().unwrap_or_default();
    let second = b.keys.first().map_or("", String::as_str);
    // A consonant class shared across the junction is heard once.
    let skip = usize::from(!key.is_empty() && key.as_bytes().last() == second.as_bytes().first());
    key.push_str(&second[skip..]);
    let mut keys = Vec::with_capacity(2);
    push_keys(&mut keys, [key]);
    let spell = format!(
        "{}{}",
        a.spells.first().map_or("", String::as_str),
        b.spells.first().map_or("", String::as_str)
    );
    Heard {
        span: Span::new(a.span.start, b.span.end),
        upper: a.upper,
        keys,
        spells: vec![spell],
    }
}

impl EnglishSounds {
    /// Prepare the words `toks` of `en`, and each pair of adjacent words of
    /// the same case joined (`Kim Jong-un` for `김정은`). Lowercase function
    /// words are left out: no transliteration renders them.
    pub fn new(en: &str, toks: &[Token]) -> Self {
        let upper = |s: &str| s.starts_with(|c: char| c.is_ascii_uppercase());
        let function = |s: &str| !upper(s) && (s.len() <= 2 || FUNCTION_WORDS.contains(&s));
        let mut words = Vec::with_capacity(toks.len() * 3 / 2);
        // The entry of the previous token, when it can join the next one.
        let mut prev: Option<(usize, Span)> = None;
        for t in toks {
            let w = &en[t.span.range()];
            if !w.starts_with(|c: char| c.is_ascii_alphabetic()) || function(w) {
                prev = None;
                continue;
            }
            words.push(heard(w, t.span));
            let here = words.len() - 1;
            if let Some((p, p_span)) = prev {
                let joinable = words[p].upper == words[here].upper
                    && en.get(p_span.end..t.span.start) == Some(" ");
                if joinable {
                    let joined = join(&words[p], &words[here]);
                    words.push(joined);
                }
            }
            prev = Some((here, t.span));
        }
        EnglishSounds { words }
    }

    /// Best similarity in `[0, 1]` of Korean word `ko` with an English word;
    /// with `capitalised`, only capitalised English words count.
    pub fn similarity(&self, ko: &str, capitalised: bool) -> f64 {
        self.best(ko, capitalised).map_or(0.0, |(s, _)| s)
    }

    /// The English word (or two) most like Korean word `ko`, with its
    /// similarity; `None` when nothing comes near.
    pub fn best(&self, ko: &str, capitalised: bool) -> Option<(f64, Span)> {
        let mut ko_keys = Vec::new();
        push_keys(&mut ko_keys, phonetic_keys_ko(ko));
        let main = ko_keys.iter().map(String::len).max()?;
        let short = main < 3;
        let rom = romanize(ko);
        let mut best: Option<(f64, Span)> = None;
        for w in &self.words {
            if capitalised && !w.upper {
                continue;
            }
            let mut key_sim: f64 = 0.0;
            for kk in &ko_keys {
                for ek in &w.keys {
                    let s = if kk.len() >= 3
                        && ek.len() <= kk.len() + MAX_HOST_EXTRA
                        && (ek.starts_with(kk.as_str()) || ek.ends_with(kk.as_str()))
                    {
                        1.0
                    } else {
                        strsim::normalized_levenshtein(kk, ek)
                    };
                    key_sim = key_sim.max(s);
                }
            }
            let floor = best.map_or(MATCH, |(b, _)| b.max(MATCH));
            // The spelling cannot lift a hopeless skeleton over the bar.
            if key_sim < 0.5 || crate::translit::sound_score_bound(key_sim) < floor {
                continue;
            }
            let spell = w
                .spells
                .iter()
                .map(|sp| strsim::jaro_winkler(sp, &rom))
                .fold(0.0, f64::max);
            let s = crate::translit::sound_score(key_sim, spell);
            let bar = if short { SHORT_MATCH } else { MATCH };
            if s >= bar && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, w.span));
            }
        }
        best
    }

    /// True when `ko` is heard in the English: whole, without a Sino-Korean
    /// suffix (`이스라엘군`, `멕시코산`, `콴타스항공`), through a name leading
    /// a Sino-Korean compound, or through an everyday loanword that heads or
    /// leads it (`시내버스`, `기도노트`). Other parts are not tried: a
    /// fragment of a long name has a short skeleton that some unrelated
    /// English word is bound to share.
    pub fn hears(&self, ko: &str, capitalised: bool) -> bool {
        self.heard_at(ko, capitalised).is_some()
    }

    /// Where [`Self::hears`] hears `ko`: the English word (or two).
    pub fn heard_at(&self, ko: &str, capitalised: bool) -> Option<Span> {
        let at = |ko: &str, cap: bool| {
            self.best(ko, cap)
                .filter(|&(s, _)| s >= MATCH)
                .map(|(_, sp)| sp)
        };
        if let Some(sp) = at(ko, capitalised) {
            return Some(sp);
        }
        if let Some(head) = SUFFIXES
            .iter()
            .find_map(|s| ko.strip_suffix(s).filter(|h| h.chars().count() >= 2))
        {
            if let Some(sp) = at(head, capitalised) {
                return Some(sp);
            }
        }
        let bounds: Vec<usize> = ko.char_indices().map(|(i, _)| i).collect();
        let n = bounds.len();
        (2..n.saturating_sub(1)).find_map(|k| {
            let (head, tail) = ko.split_at(bounds[k]);
            // A name leading a Sino-Korean compound (`뉴욕상업거래소`) is
            // heard as a capitalised English word.
            let lead = (is_loanword(head) && !is_loanword(tail))
                .then(|| at(head, true))
                .flatten();
            lead.or_else(|| {
                [head, tail]
                    .iter()
                    .filter(|part| is_common(part) && is_loanword(part))
                    .find_map(|part| at(part, capitalised))
            })
        })
    }
}

/// Sino-Korean words that follow a foreign name in one word: an army, a
/// product's origin, a state, a city, a language, a people, a war …
const SUFFIXES: &[&str] = &[
    "군", "산", "주", "시", "어", "인", "족", "항", "행", "전", "계", "섬", "강", "만", "해", "호",
    "측", "당", "판", "상", "식", "풍", "제", "사", "교", "가", "역", "용", "공항", "항공", "대학",
    "정부", "당국", "주민", "국민", "시민", "지역", "출신",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::text::words;

    fn hears(ko: &str, en: &str) -> bool {
        EnglishSounds::new(en, &words(en)).hears(ko, false)
    }

    #[test]
    fn possessive_and_plural_endings_are_ignored() {
        assert!(hears("로마", "It was Rome's finest hour."));
        assert!(hears("버스", "The city bought new buses."));
        assert!(hears("디테일", "He spoke to Details magazine."));
    }

    #[test]
    fn silent_h_does_not_hide_a_name() {
        assert!(hears("모하메드", "Prince Mohammed arrived."));
    }

    #[test]
    fn compounds_are_heard_through_their_loanword_part() {
        assert!(hears("시내버스", "She rode the buses downtown."));
        assert!(hears("기도노트", "He left a note in the wall."));
    }

    #[test]
    fn one_syllable_suffix_is_ignored() {
        assert!(hears("이스라엘군", "Israeli troops moved in."));
    }

    #[test]
    fn name_leading_a_compound_is_heard() {
        assert!(hears(
            "뉴욕증권거래소",
            "Shares fell on the New York Stock Exchange."
        ));
    }

    #[test]
    fn fragments_of_a_long_name_are_not_heard() {
        assert!(!hears(
            "프랑크푸르트",
            "The women were taken into custody by police at the airport."
        ));
    }

    #[test]
    fn loanword_inside_a_longer_word_is_heard() {
        assert!(hears("컴퓨터", "The supercomputer was fast."));
    }

    #[test]
    fn short_words_need_a_near_identical_sound() {
        assert!(hears("체스", "They played chess."));
        assert!(!hears("체스", "The cat sat on the mat."));
    }

    #[test]
    fn ch_may_sound_as_k() {
        assert!(hears("마이클", "Michael laughed."));
    }

    #[test]
    fn silent_letters_and_compound_parts_are_heard() {
        assert!(hears("나이트", "The Dark Knight opened."));
        assert!(hears("마르크스", "A Marxist-Leninist party won."));
    }

    #[test]
    fn close_spelling_makes_up_for_a_skeleton_mismatch() {
        assert!(hears("카라지치", "Karadzic was arrested."));
    }

    #[test]
    fn absent_names_are_not_heard() {
        assert!(!hears("캘리포니아", "One town passed a strict law."));
        assert!(!hears("스위프트", "The lady sent a boy with a present."));
    }
}

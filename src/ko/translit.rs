//! Hangul romanisation and name similarity across scripts.
//!
//! Names and loanwords survive translation as sound, not as spelling:
//! 로렌스 리버모어 is *Lawrence Livermore*, 클리퍼 is *clipper*. Two tools
//! compare them:
//!
//! * [`romanize`] writes Hangul in the Revised Romanization of Korean
//!   (letter by letter, without the sound-change rules), for display and
//!   fuzzy string comparison;
//! * [`phonetic_key`] reduces either script to a consonant skeleton in a small
//!   shared alphabet, following how English names are transcribed into Hangul
//!   (f, p and v all become ㅍ/ㅂ; an r that closes a syllable is not written;
//!   vowels vary too much to keep). Equal keys are strong evidence of the same
//!   name; [`name_similarity`] grades the near misses.
//!
//! ```
//! use bitext::translit::{name_similarity, phonetic_key, romanize};
//! assert_eq!(romanize("서울"), "seoul");
//! assert_eq!(phonetic_key("로렌스"), phonetic_key("Lawrence"));
//! assert!(name_similarity("Livermore", "리버모어") > 0.8);
//! assert!(name_similarity("Livermore", "정부") < 0.5);
//! ```

use crate::ko::decompose as jamo;

const INITIAL_RR: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const VOWEL_RR: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINAL_RR: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

// Consonant classes of the skeleton: K (g k c q), N, T (d t), L (l r), M,
// P (b p f v), S (s sh th), J (j ch z), H.
const INITIAL_KEY: [u8; 19] = [
    b'K', b'K', b'N', b'T', b'T', b'L', b'M', b'P', b'P', b'S', b'S', 0, b'J', b'J', b'J', b'K',
    b'T', b'P', b'H',
];
// A final ㅅ transcribes an English t (로봇 robot, 인터넷 internet); a final ㅇ is "ng".
const FINAL_KEY: [&[u8]; 28] = [
    b"", b"K", b"K", b"KS", b"N", b"NJ", b"N", b"T", b"L", b"LK", b"LM", b"LP", b"LS", b"LT",
    b"LP", b"L", b"M", b"P", b"PS", b"T", b"T", b"N", b"T", b"T", b"K", b"T", b"P", b"T",
];

/// Romanise Hangul syllables (Revised Romanization, letter by letter, lower
/// case); other characters are kept as they are, Latin letters lower-cased.
///
/// ```
/// assert_eq!(bitext::translit::romanize("한국 APEC"), "hanguk apec");
/// ```
pub fn romanize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_final_l = false;
    for c in text.chars() {
        match jamo(c) {
            Some((l, v, t)) => {
                // ㄹㄹ is written "ll", not "lr".
                if l == 5 && prev_final_l {
                    out.push('l');
                } else {
                    out.push_str(INITIAL_RR[l]);
                }
                out.push_str(VOWEL_RR[v]);
                out.push_str(FINAL_RR[t]);
                prev_final_l = FINAL_RR[t] == "l";
            }
            None => {
                prev_final_l = false;
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The consonant skeleton of a word in either script (see the module docs):
/// upper-case class letters with repeats collapsed. Characters that are
/// neither Hangul syllables nor ASCII letters are ignored; mixing scripts in
/// one word gives the keys of both parts in order.
///
/// ```
/// use bitext::translit::phonetic_key;
/// assert_eq!(phonetic_key("클리퍼"), "KLP");
/// assert_eq!(phonetic_key("clipper"), "KLP");
/// ```
pub fn phonetic_key(word: &str) -> String {
    key_with(word, false)
}

/// The keys a Latin-script word may have: [`phonetic_key`], and when the word
/// has a g before e, i or y, also the key with that g hard, as in romanised
/// Korean (Geun-hye is 근혜, not a soft g as in George).
///
/// ```
/// let keys = bitext::translit::phonetic_keys("Geunhye");
/// assert!(keys.contains(&bitext::translit::phonetic_key("근혜")));
/// ```
pub fn phonetic_keys(word: &str) -> Vec<String> {
    let soft = key_with(word, false);
    let hard = key_with(word, true);
    if hard == soft {
        vec![soft]
    } else {
        vec![soft, hard]
    }
}

/// The keys a Hangul word may have: [`phonetic_key`], and when a 르 after
/// the first syllable may stand for an English r that the usual
/// transcription of English leaves out but that of other languages writes
/// (포르투갈 Portugal, 마르틴 Martin), also the key without it. An initial
/// 르 is always sounded (르노).
///
/// ```
/// use bitext::translit::{phonetic_key, phonetic_keys_ko};
/// assert!(phonetic_keys_ko("포르투갈").contains(&phonetic_key("Portugal")));
/// assert_eq!(phonetic_keys_ko("르노"), [phonetic_key("르노")]);
/// ```
pub fn phonetic_keys_ko(word: &str) -> Vec<String> {
    let full = phonetic_key(word);
    let soft: String = word
        .chars()
        .enumerate()
        .filter(|&(i, c)| i == 0 || c != '르')
        .map(|(_, c)| c)
        .collect();
    let soft = phonetic_key(&soft);
    if soft == full {
        vec![full]
    } else {
        vec![full, soft]
    }
}

fn key_with(word: &str, hard_g: bool) -> String {
    let mut key: Vec<u8> = Vec::with_capacity(word.len());
    let mut latin: Vec<u8> = Vec::new();
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            latin.push(c.to_ascii_lowercase() as u8);
            continue;
        }
        if !latin.is_empty() {
            english_key(&latin, &mut key, hard_g);
            latin.clear();
        }
        if let Some((l, _, t)) = jamo(c) {
            if INITIAL_KEY[l] != 0 {
                key.push(INITIAL_KEY[l]);
            }
            key.extend_from_slice(FINAL_KEY[t]);
        }
    }
    if !latin.is_empty() {
        english_key(&latin, &mut key, hard_g);
    }
    key.dedup();
    String::from_utf8(key).unwrap_or_default()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Append the skeleton of a lower-case ASCII word.
fn english_key(word: &[u8], key: &mut Vec<u8>, hard_g: bool) {
    // Double letters sound single (Pittsburgh, clipper).
    let mut w = word.to_vec();
    w.dedup();
    let w = w.as_slice();
    let at = |i: usize| w.get(i).copied().unwrap_or(0);
    let n = w.len();
    let mut i = 0;
    while i < n {
        let c = w[i];
        let next = at(i + 1);
        let (class, step): (u8, usize) = match c {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' => (0, 1),
            b'b' | b'p' | b'f' | b'v' => {
                if c == b'p' && next == b'h' {
                    (b'P', 2)
                } else {
                    (b'P', 1)
                }
            }
            b'c' => match next {
                b'h' if at(i + 2) == b'r' => (b'K', 2),
                b'h' => (b'J', 2),
                b'k' => (b'K', 2),
                b'e' | b'i' | b'y' => (b'S', 1),
                _ => (b'K', 1),
            },
            b'k' | b'q' => (b'K', 1),
            b'x' => {
                key.push(b'K');
                (b'S', 1)
            }
            b'g' => match next {
                // "gh" is silent inside a word (Hugh, Vaughan) but hard at its start.
                b'h' if i > 0 && at(i.wrapping_sub(1)) != b'r' => (0, 2),
                b'h' => (b'K', 2),
                b'e' | b'i' | b'y' if i + 2 < n && !hard_g => (b'J', 1),
                _ => (b'K', 1),
            },
            b'j' | b'z' => (b'J', 1),
            b't' => match next {
                b'h' if i == 0 => (b'T', 2),
                b'h' => (b'S', 2),
                b's' | b'z' => (b'J', 2),
                b'c' if at(i + 2) == b'h' => (b'J', 3),
                _ => (b'T', 1),
            },
            b'd' => (b'T', 1),
            b's' => {
                if next == b'h' {
                    (b'S', 2)
                } else {
                    (b'S', 1)
                }
            }
            b'm' => (b'M', 1),
            b'n' => {
                if next == b'g' && !matches!(at(i + 2), b'e' | b'i' | b'y') {
                    (b'N', 2)
                } else {
                    (b'N', 1)
                }
            }
            b'l' => (b'L', 1),
            b'r' => {
                // Korean drops an r that closes a syllable, and a final "re".
                let final_re = next == b'e' && i + 2 == n;
                if is_vowel(next) && !final_re {
                    (b'L', 1)
                } else {
                    (0, 1)
                }
            }
            // An h is heard at the start of a word or syllable, not after a vowel.
            b'h' if i == 0 || (!is_vowel(at(i.wrapping_sub(1))) && is_vowel(next)) => (b'H', 1),
            _ => (0, 1),
        };
        if class != 0 {
            key.push(class);
        }
        i += step;
    }
}

/// Similarity ([`sound_score`]) at which an English word is taken for the
/// Korean one.
pub const NAME_MATCH: f64 = 0.72;
/// Similarity needed when the Korean skeleton has fewer than three
/// consonants: short skeletons are shared by many unrelated words.
pub const SHORT_NAME_MATCH: f64 = 0.85;

/// How alike two words sound, in [0, 1], from the edit similarity of their
/// consonant skeletons (`key_sim`) and the Jaro–Winkler similarity of the
/// English spelling and the romanised Hangul (`spell`). Skeletons weigh
/// most; a spelling that agrees closely makes up for a consonant the
/// skeleton rules render differently (*Karadzic* 카라지치), for one
/// consonant in three at most.
pub fn sound_score(key_sim: f64, spell: f64) -> f64 {
    (0.7 * key_sim + 0.3 * spell).max(0.4 * key_sim + 0.6 * spell)
}

/// The best [`sound_score`] a skeleton similarity can reach whatever the
/// spelling: a cheap bound that skips hopeless candidates.
pub fn sound_score_bound(key_sim: f64) -> f64 {
    sound_score(key_sim, 1.0)
}

/// How alike an English word and a Hangul word sound, in [0, 1]: the
/// [`sound_score`] of their [`phonetic_key`]s and of the English spelling
/// against [`romanize`]d Hangul. Empty keys give 0.
pub fn name_similarity(en: &str, ko: &str) -> f64 {
    let ke = phonetic_key(en);
    let kk = phonetic_key(ko);
    if ke.is_empty() || kk.is_empty() {
        return 0.0;
    }
    let key_sim = strsim::normalized_levenshtein(&ke, &kk);
    let spell = strsim::jaro_winkler(&en.to_lowercase(), &romanize(ko));
    sound_score(key_sim, spell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_syllables_with_finals() {
        assert_eq!(romanize("부산"), "busan");
        assert_eq!(romanize("대한민국"), "daehanminguk");
        assert_eq!(romanize("한강"), "hangang");
    }

    #[test]
    fn keeps_non_hangul_text() {
        assert_eq!(romanize("IBM 3개"), "ibm 3gae");
        assert_eq!(romanize(""), "");
    }

    #[test]
    fn transcribed_names_share_a_key() {
        for (en, ko) in [
            ("Lawrence", "로렌스"),
            ("Livermore", "리버모어"),
            ("Gordon", "고든"),
            ("Stephen", "스티븐"),
            ("supercomputer", "수퍼컴퓨터"),
            ("internet", "인터넷"),
            ("Clinton", "클린턴"),
            ("Pittsburgh", "피츠버그"),
        ] {
            assert_eq!(phonetic_key(en), phonetic_key(ko), "{en} {ko}");
        }
    }

    #[test]
    fn a_medial_reu_may_stand_for_an_unwritten_r() {
        for (en, ko) in [("Portugal", "포르투갈"), ("Martin", "마르틴")] {
            assert!(
                phonetic_keys_ko(ko).contains(&phonetic_key(en)),
                "{en} {ko}"
            );
        }
        assert_eq!(phonetic_keys_ko("로렌스"), [phonetic_key("로렌스")]);
    }

    #[test]
    fn unrelated_words_score_low() {
        assert!(name_similarity("government", "대통령") < 0.5);
        assert!(name_similarity("Johnson", "수출") < 0.5);
        assert!(name_similarity("Johnson", "존슨") > 0.8);
    }

    #[test]
    fn empty_or_symbol_input_is_zero() {
        assert_eq!(name_similarity("", "로렌스"), 0.0);
        assert_eq!(name_similarity("...", "!!"), 0.0);
        assert_eq!(phonetic_key("123 -"), "");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["h", "gh", "tch", "x", "ᄀ", "\u{D7A3}", "가\u{0301}"] {
            let _ = phonetic_key(s);
            let _ = romanize(s);
        }
    }
}

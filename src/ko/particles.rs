//! Particles (조사) and the copula endings that follow Korean nouns, and the
//! one way the toolkit cuts them off to find a noun's stem.
//!
//! Korean writes particles attached to the noun: 정부는 is 정부 "government"
//! and 는 (topic), 연구원들이 is 연구원, 들 (plural) and 이 (subject). To compare a
//! Korean word with a lexicon, a name or a transliteration, the particles
//! must go. [`split_particles`] does it with one list, [`PARTICLES`]: the
//! case particles, the common auxiliary particles, the plural 들 and its
//! combinations, and the copula and quotative forms that attach to nouns.
//!
//! ```
//! use bitext::ko::split_particles;
//! assert_eq!(split_particles("정부는", 2), ("정부", "는"));
//! assert_eq!(split_particles("연구원들이", 2), ("연구원", "들이"));
//! assert_eq!(split_particles("이라크에서도", 1), ("이라크", "에서도"));
//! // The longest particle decides, and a stem too short keeps the word whole:
//! // 것으로 is 것 + 으로, and 것 alone is too short to stand as a stem here.
//! assert_eq!(split_particles("것으로", 2), ("것으로", ""));
//! assert_eq!(split_particles("회의", 2), ("회의", ""));
//! ```

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a particle does; kept so a reader can check each entry is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Case particle: subject 이/가, object 을/를, genitive 의, locative 에,
    /// instrumental (으)로, comitative 와/과 and their combinations.
    Case,
    /// Auxiliary (delimiting) particle: topic 은/는, also 도, only 만, 까지,
    /// 부터, 처럼, 보다 and the like.
    Auxiliary,
    /// The plural suffix 들, alone or before a case particle.
    Plural,
    /// The copula 이다 and its forms, and quotative forms built on it
    /// (이라는, 이라고), which attach to nouns as particles do.
    Copula,
    /// 측 "side, party" (삼성 측, 정부 측): a bound noun, not a particle, but it
    /// follows an organisation's name the way a particle does.
    BoundNoun,
}

/// A particle that follows only nouns (the genitive 의, the case particles
/// with consonant-sensitive forms such as 가/를): a stem before one is no
/// verb form. Particles without it also end verb forms (는 in 만드는).
const NOUN: u8 = 1;
/// A particle that may stand before another one (에서 in 에서도, 들 in 들은).
const INNER: u8 = 2;

/// Every particle the toolkit knows: text, kind, flags, and what it means.
#[rustfmt::skip]
pub const PARTICLES: &[(&str, Kind, u8, &str)] = &[
    // Case particles.
    ("이", Kind::Case, 0, "subject, after a consonant"),
    ("가", Kind::Case, NOUN, "subject, after a vowel"),
    ("을", Kind::Case, NOUN, "object, after a consonant"),
    ("를", Kind::Case, NOUN, "object, after a vowel"),
    ("의", Kind::Case, NOUN, "genitive"),
    ("에", Kind::Case, NOUN | INNER, "locative, time, goal"),
    ("에서", Kind::Case, NOUN | INNER, "locative of action, source"),
    ("에게", Kind::Case, NOUN | INNER, "dative, to a person"),
    ("에게서", Kind::Case, NOUN, "from a person"),
    ("한테", Kind::Case, INNER, "dative, colloquial"),
    ("한테서", Kind::Case, 0, "from a person, colloquial"),
    ("께", Kind::Case, 0, "dative, honorific"),
    ("께서", Kind::Case, NOUN, "subject, honorific"),
    ("로", Kind::Case, NOUN | INNER, "instrumental, direction, after a vowel or ㄹ"),
    ("으로", Kind::Case, NOUN | INNER, "instrumental, direction, after a consonant"),
    ("로서", Kind::Case, 0, "in the capacity of"),
    ("으로서", Kind::Case, 0, "in the capacity of, after a consonant"),
    ("로써", Kind::Case, 0, "by means of"),
    ("으로써", Kind::Case, 0, "by means of, after a consonant"),
    ("으로부터", Kind::Case, 0, "from"),
    ("에서부터", Kind::Case, 0, "starting from"),
    ("와", Kind::Case, NOUN | INNER, "and, with, after a vowel"),
    ("과", Kind::Case, NOUN | INNER, "and, with, after a consonant"),
    ("와의", Kind::Case, NOUN, "with (genitive)"),
    ("과의", Kind::Case, NOUN, "with (genitive), after a consonant"),
    ("에서의", Kind::Case, 0, "in (genitive)"),
    ("이나", Kind::Case, 0, "or, after a consonant"),
    // Auxiliary particles, alone and after a case particle.
    ("은", Kind::Auxiliary, 0, "topic, after a consonant"),
    ("는", Kind::Auxiliary, 0, "topic, after a vowel"),
    ("도", Kind::Auxiliary, 0, "also, even"),
    ("만", Kind::Auxiliary, INNER, "only"),
    ("까지", Kind::Auxiliary, NOUN | INNER, "until, up to"),
    ("부터", Kind::Auxiliary, NOUN | INNER, "from, since"),
    ("처럼", Kind::Auxiliary, NOUN, "like"),
    ("보다", Kind::Auxiliary, 0, "than"),
    ("만큼", Kind::Auxiliary, 0, "as much as"),
    ("마다", Kind::Auxiliary, 0, "every"),
    ("조차", Kind::Auxiliary, 0, "even"),
    ("란", Kind::Auxiliary, 0, "as for, what is called (after a vowel)"),
    ("이란", Kind::Auxiliary, 0, "as for, what is called (after a consonant)"),
    ("에는", Kind::Auxiliary, NOUN, "locative + topic"),
    ("에도", Kind::Auxiliary, 0, "locative + also"),
    ("에서는", Kind::Auxiliary, 0, "locative of action + topic"),
    ("에서도", Kind::Auxiliary, 0, "locative of action + also"),
    ("에게는", Kind::Auxiliary, 0, "dative + topic"),
    ("에게도", Kind::Auxiliary, 0, "dative + also"),
    ("에게서는", Kind::Auxiliary, 0, "from a person + topic"),
    ("으로는", Kind::Auxiliary, 0, "instrumental + topic"),
    ("로는", Kind::Auxiliary, 0, "instrumental + topic, after a vowel"),
    ("와는", Kind::Auxiliary, 0, "with + topic"),
    ("과는", Kind::Auxiliary, 0, "with + topic, after a consonant"),
    ("까지는", Kind::Auxiliary, 0, "until + topic"),
    ("부터는", Kind::Auxiliary, 0, "from + topic"),
    // The plural.
    ("들", Kind::Plural, INNER, "plural"),
    ("들이", Kind::Plural, 0, "plural + subject"),
    ("들은", Kind::Plural, 0, "plural + topic"),
    ("들을", Kind::Plural, 0, "plural + object"),
    ("들의", Kind::Plural, 0, "plural + genitive"),
    ("들과", Kind::Plural, 0, "plural + and/with"),
    ("들도", Kind::Plural, 0, "plural + also"),
    ("들에", Kind::Plural, 0, "plural + locative"),
    // The copula and quotative forms on it.
    ("이다", Kind::Copula, 0, "is (copula)"),
    ("이었다", Kind::Copula, 0, "was, after a consonant"),
    ("였다", Kind::Copula, 0, "was, after a vowel"),
    ("이고", Kind::Copula, 0, "is and"),
    ("이며", Kind::Copula, 0, "is and (written)"),
    ("라는", Kind::Copula, NOUN, "called, that is (after a vowel)"),
    ("이라는", Kind::Copula, NOUN, "called, that is (after a consonant)"),
    ("라고", Kind::Copula, 0, "quotative, after a vowel"),
    ("이라고", Kind::Copula, 0, "quotative, after a consonant"),
    ("이라며", Kind::Copula, 0, "saying that it is"),
    // A bound noun that follows names as a particle does.
    ("측", Kind::BoundNoun, 0, "side, party (정부 측)"),
];

/// Longest entry of [`PARTICLES`], in characters.
pub const MAX_PARTICLE_CHARS: usize = 4;

fn table() -> &'static FxHashMap<&'static str, u8> {
    static SET: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    SET.get_or_init(|| PARTICLES.iter().map(|&(p, _, f, _)| (p, f)).collect())
}

/// True when `s` is exactly a particle of [`PARTICLES`].
#[inline]
pub fn is_particle(s: &str) -> bool {
    table().contains_key(s)
}

/// True when the particles `p` (as split off by [`split_particles`]) start
/// with one that follows only nouns, so the stem before them is a noun.
pub fn follows_nouns_only(p: &str) -> bool {
    PARTICLES
        .iter()
        .any(|&(q, _, f, _)| f & NOUN != 0 && p.starts_with(q))
}

/// Split `word` into its stem and its trailing particles.
///
/// The longest particle that is a proper suffix of the word decides; it is
/// cut off when at least `min_stem` characters remain (otherwise the word
/// stays whole: in 회의 or 나이 the last syllable is as likely part of the
/// noun as a particle). Before it, one more particle that may stand first in
/// a pair (들 in 들은, 에서 in 에서만) goes too, leaving at least two
/// characters (one before 들: 팬들은).
pub fn split_particles(word: &str, min_stem: usize) -> (&str, &str) {
    let mut starts = [0usize; MAX_PARTICLE_CHARS];
    let mut k = 0;
    for (b, _) in word.char_indices().rev().take(MAX_PARTICLE_CHARS) {
        starts[k] = b;
        k += 1;
    }
    let Some(c) = (0..k)
        .rev()
        .find(|&c| starts[c] > 0 && is_particle(&word[starts[c]..]))
    else {
        return (word, "");
    };
    let stem = &word[..starts[c]];
    if stem.chars().count() < min_stem.max(1) {
        return (word, "");
    }
    let inner = INNER_ORDER.iter().find_map(|p| {
        let min = if *p == "들" {
            min_stem.max(1)
        } else {
            min_stem.max(2)
        };
        stem.strip_suffix(p).filter(|s| s.chars().count() >= min)
    });
    let stem = inner.unwrap_or(stem);
    (stem, &word[stem.len()..])
}

/// The particles that may stand before another, longest first so that 에서
/// is tried before 에.
const INNER_ORDER: &[&str] = &[
    "에서", "에게", "한테", "으로", "까지", "부터", "에", "로", "와", "과", "들", "만",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        let mut seen = std::collections::HashSet::new();
        for &(p, _, f, gloss) in PARTICLES {
            assert!(seen.insert(p), "{p} listed twice");
            assert!(!gloss.is_empty());
            assert!(p.chars().all(super::super::is_syllable), "{p}");
            assert!(p.chars().count() <= MAX_PARTICLE_CHARS, "{p}");
            assert_eq!(f & INNER != 0, INNER_ORDER.contains(&p), "{p}");
        }
        for p in INNER_ORDER {
            assert!(is_particle(p));
        }
    }

    #[test]
    fn splits_stems_and_particles() {
        assert_eq!(split_particles("회의에서", 2), ("회의", "에서"));
        assert_eq!(split_particles("미국에서는", 2), ("미국", "에서는"));
        assert_eq!(split_particles("팬들은", 1), ("팬", "들은"));
        assert_eq!(split_particles("이", 2), ("이", ""));
        assert_eq!(split_particles("나이", 2), ("나이", ""));
        assert_eq!(split_particles("그는", 2), ("그는", ""));
        assert_eq!(split_particles("그는", 1), ("그", "는"));
        assert_eq!(split_particles("베를루스코니는", 2), ("베를루스코니", "는"));
        assert_eq!(split_particles("맥캔", 2), ("맥캔", ""));
        assert_eq!(split_particles("", 1), ("", ""));
        assert_eq!(split_particles("abc", 1), ("abc", ""));
    }

    #[test]
    fn noun_only_particles() {
        assert!(follows_nouns_only("의"));
        assert!(follows_nouns_only("에서도"));
        assert!(!follows_nouns_only("는"));
    }
}

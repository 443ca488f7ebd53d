//! Consonant skeletons: a coarse phonetic key shared by an English name and
//! its Hangul transliteration (`Berlusconi` and `베를루스코니` both give
//! `PLSKN`).
//!
//! Vowels are dropped (Hangul adds `ㅡ` between clustered consonants and the
//! spellings of English vowels are too loose to compare), consonants fall
//! into seven classes — labials `P`, dentals `T`, velars `K`, sibilants and
//! affricates `S`, liquids `L`, `M`, `N` — `h`, `w`, `y` and `ㅇ`, `ㅎ` vanish,
//! and runs of one class merge (`McCann`/`맥캔` → `MKN`).
//!
//! English `r` after a vowel is silent in Korean loans from English
//! (`Robert`/`로버트`) but not in names from other languages
//! (`Portugal`/`포르투갈`). An English word gets one key, without that `r`;
//! the Korean word gets a second key without the `르` that may stand for it.
//! Keeping the alternatives on one side means an English name can match at
//! most once.
//!
//! ```
//! use bitext::pair::phonetic::{skeleton_en, skeleton_ko, skeletons_ko};
//! assert_eq!(skeleton_ko("베를루스코니"), "PLSKN");
//! assert_eq!(skeleton_en("Berlusconi"), "PLSKN");
//! assert_eq!(skeleton_en("Robert"), skeleton_ko("로버트"));
//! assert!(skeletons_ko("포르투갈").contains(&skeleton_en("Portugal")));
//! ```

const VOWELS: &[u8] = b"aeiouy";

fn push_class(out: &mut String, c: char) {
    if !out.ends_with(c) {
        out.push(c);
    }
}

/// Skeleton of an English word (a post-vocalic `r` before a consonant or at
/// the end is dropped).
pub fn skeleton_en(word: &str) -> String {
    let w: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut soft = String::new();
    let mut i = 0;
    let at = |j: usize| w.get(j).copied().unwrap_or(b' ');
    while i < w.len() {
        let c = w[i];
        let next = at(i + 1);
        let (class, len) = match c {
            b'p' if next == b'h' => (Some('P'), 2),
            b't' if next == b'h' => (Some('T'), 2),
            b's' if next == b'h' => (Some('S'), 2),
            b'c' if next == b'h' => (Some('S'), 2),
            b'c' if next == b'k' => (Some('K'), 2),
            b'g' if next == b'h' => (Some('K'), 2),
            b'n' if next == b'g' => (Some('N'), 2),
            b'c' if matches!(next, b'e' | b'i' | b'y') => (Some('S'), 1),
            b'g' if matches!(next, b'e' | b'i') && i > 0 => (Some('S'), 1),
            b'x' => {
                push_class(&mut soft, 'K');
                (Some('S'), 1)
            }
            b'b' | b'p' | b'f' | b'v' => (Some('P'), 1),
            b't' | b'd' => (Some('T'), 1),
            b'c' | b'k' | b'g' | b'q' => (Some('K'), 1),
            b's' | b'z' | b'j' => (Some('S'), 1),
            b'l' => (Some('L'), 1),
            b'm' => (Some('M'), 1),
            b'n' => (Some('N'), 1),
            b'r' => {
                let after_vowel = i > 0 && VOWELS.contains(&w[i - 1]);
                let before_vowel = VOWELS.contains(&next);
                if !after_vowel || before_vowel {
                    push_class(&mut soft, 'L');
                }
                (None, 1)
            }
            _ => (None, 1),
        };
        if let Some(k) = class {
            push_class(&mut soft, k);
        }
        i += len;
    }
    soft
}

const INITIAL: [Option<char>; 19] = [
    Some('K'), // ㄱ
    Some('K'), // ㄲ
    Some('N'), // ㄴ
    Some('T'), // ㄷ
    Some('T'), // ㄸ
    Some('L'), // ㄹ
    Some('M'), // ㅁ
    Some('P'), // ㅂ
    Some('P'), // ㅃ
    Some('S'), // ㅅ
    Some('S'), // ㅆ
    None,      // ㅇ
    Some('S'), // ㅈ
    Some('S'), // ㅉ
    Some('S'), // ㅊ
    Some('K'), // ㅋ
    Some('T'), // ㅌ
    Some('P'), // ㅍ
    None,      // ㅎ
];

const FINAL: [Option<char>; 28] = [
    None,      // none
    Some('K'), // ㄱ
    Some('K'), // ㄲ
    Some('K'), // ㄳ
    Some('N'), // ㄴ
    Some('N'), // ㄵ
    Some('N'), // ㄶ
    Some('T'), // ㄷ
    Some('L'), // ㄹ
    Some('L'), // ㄺ
    Some('L'), // ㄻ
    Some('L'), // ㄼ
    Some('L'), // ㄽ
    Some('L'), // ㄾ
    Some('L'), // ㄿ
    Some('L'), // ㅀ
    Some('M'), // ㅁ
    Some('P'), // ㅂ
    Some('P'), // ㅄ
    Some('T'), // ㅅ (loans: 로봇, 인터넷)
    Some('T'), // ㅆ
    Some('N'), // ㅇ (-ng)
    Some('T'), // ㅈ
    Some('T'), // ㅊ
    Some('K'), // ㅋ
    Some('T'), // ㅌ
    Some('P'), // ㅍ
    None,      // ㅎ
];

/// Skeleton of a Hangul word; other characters are ignored.
pub fn skeleton_ko(word: &str) -> String {
    skeleton_ko_with(word, false)
}

/// Skeletons of a Hangul word: as written and, when a `르` after the first
/// syllable may stand for a silent English `r`, without it.
pub fn skeletons_ko(word: &str) -> Vec<String> {
    let full = skeleton_ko_with(word, false);
    let soft = skeleton_ko_with(word, true);
    if soft == full {
        vec![full]
    } else {
        vec![full, soft]
    }
}

/// `르`: initial ㄹ (5), vowel ㅡ (18), no final.
const REU: u32 = 5 * 588 + 18 * 28;

fn skeleton_ko_with(word: &str, drop_reu: bool) -> String {
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        let Some(s) = (c as u32).checked_sub(0xAC00).filter(|&s| s < 11_172) else {
            continue;
        };
        if drop_reu && i > 0 && s == REU {
            continue;
        }
        let (ini, fin) = ((s / 588) as usize, (s % 28) as usize);
        if let Some(Some(k)) = INITIAL.get(ini) {
            push_class(&mut out, *k);
        }
        if let Some(Some(k)) = FINAL.get(fin) {
            push_class(&mut out, *k);
        }
    }
    out
}

/// Particles and endings that follow a noun, longest first.
const PARTICLES: [&str; 33] = [
    "에서는",
    "에게서",
    "으로서",
    "으로써",
    "에서의",
    "이라는",
    "에서",
    "에게",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "라는",
    "과의",
    "와의",
    "에는",
    "에도",
    "이나",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "와",
    "과",
    "에",
    "로",
    "도",
    "만",
    "께",
];

/// A Hangul word without its trailing particle, if one was removed and at
/// least two syllables remain.
pub fn strip_particle(word: &str) -> Option<&str> {
    PARTICLES.iter().find_map(|p| {
        word.strip_suffix(p)
            .filter(|stem| stem.chars().count() >= 2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(en: &str, ko: &str) -> bool {
        skeletons_ko(ko).contains(&skeleton_en(en))
    }

    #[test]
    fn transliterated_names_share_a_skeleton() {
        assert!(same("Berlusconi", "베를루스코니"));
        assert!(same("McCann", "맥캔"));
        assert!(same("Madeleine", "매들린"));
        assert!(same("Robert", "로버트"));
        assert!(same("Portugal", "포르투갈"));
        assert!(same("Baghdad", "바그다드"));
        assert!(same("Dunkelberg", "던켈버그"));
        assert!(same("coating", "코팅"));
        assert!(same("KimDoyoon", "김도윤"));
        assert!(same("ParkJunhyung", "박준형"));
        assert!(same("Martin", "마르틴"));
    }

    #[test]
    fn different_names_differ() {
        assert!(!same("Berlusconi", "매들린"));
        assert!(!same("Naples", "바그다드"));
    }

    #[test]
    fn an_initial_reu_is_kept() {
        assert_eq!(skeletons_ko("르노"), ["LN"]);
    }

    #[test]
    fn particles_are_stripped_but_short_stems_kept_whole() {
        assert_eq!(strip_particle("베를루스코니는"), Some("베를루스코니"));
        assert_eq!(strip_particle("포르투갈에서"), Some("포르투갈"));
        assert_eq!(strip_particle("그는"), None);
        assert_eq!(strip_particle("맥캔"), None);
    }

    #[test]
    fn non_hangul_and_empty_input_give_empty_skeletons() {
        assert_eq!(skeleton_ko("abc123"), "");
        assert_eq!(skeleton_en(""), "");
        assert_eq!(skeleton_en("가나"), "");
    }
}

//! Character classes of Korean script, and the arithmetic of precomposed
//! Hangul syllables.
//!
//! Every "is this Hangul?" question in the crate is answered here, so that
//! all stages agree on what Korean text is. Two classes matter:
//!
//! * [`is_syllable`]: a precomposed syllable (가–힣, U+AC00–U+D7A3), the form
//!   that running Korean text takes once it is in NFC (see
//!   [`super::normalize`]); syllable arithmetic ([`decompose`]) works on these.
//! * [`is_hangul`]: any Hangul letter: syllables, conjoining jamo (U+1100–11FF
//!   and the extended blocks A, U+A960–A97F, and B, U+D7B0–D7FF), compatibility
//!   jamo (U+3130–318F, the stand-alone letters ㄱ ㅏ of `ㅋㅋ`), and the
//!   halfwidth forms (U+FFA0–FFDC).
//!
//! ```
//! use bitext::ko::{decompose, is_hangul, is_syllable};
//! assert!(is_syllable('한') && is_hangul('한'));
//! assert!(is_hangul('ㅋ') && !is_syllable('ㅋ'));
//! assert!(is_hangul('\u{1100}') && is_hangul('\u{FFA1}'));
//! assert!(!is_hangul('A') && !is_hangul('漢'));
//! assert_eq!(decompose('한'), Some((18, 0, 4))); // ㅎ ㅏ ㄴ
//! ```

/// First precomposed syllable, 가.
pub const SYLLABLE_FIRST: u32 = 0xAC00;
/// Last precomposed syllable, 힣.
pub const SYLLABLE_LAST: u32 = 0xD7A3;
/// Number of initial consonants (ㄱ … ㅎ).
pub const INITIAL_COUNT: u32 = 19;
/// Number of vowels (ㅏ … ㅣ).
pub const VOWEL_COUNT: u32 = 21;
/// Number of finals, counting "no final" as index 0.
pub const FINAL_COUNT: u32 = 28;

/// True for a precomposed Hangul syllable (가–힣).
#[inline]
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&(c as u32))
}

/// True for any Hangul letter: precomposed syllables, conjoining jamo
/// (including extended-A and extended-B), compatibility jamo and halfwidth
/// jamo.
#[inline]
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32,
        0xAC00..=0xD7A3   // syllables
        | 0x1100..=0x11FF // conjoining jamo
        | 0x3130..=0x318F // compatibility jamo
        | 0xA960..=0xA97F // jamo extended-A
        | 0xD7B0..=0xD7FF // jamo extended-B
        | 0xFFA0..=0xFFDC // halfwidth jamo
    )
}

/// True for a Hangul letter that is not a precomposed syllable: a conjoining,
/// compatibility or halfwidth jamo.
#[inline]
pub fn is_jamo(c: char) -> bool {
    is_hangul(c) && !is_syllable(c)
}

/// True for a CJK ideograph as Korean text uses it (Hanja): the unified
/// ideographs, extension A and the compatibility ideographs.
#[inline]
pub fn is_hanja(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Korean script: Hangul or Hanja.
#[inline]
pub fn is_korean(c: char) -> bool {
    is_hangul(c) || is_hanja(c)
}

/// The (initial, vowel, final) indices of a precomposed syllable; final 0 is
/// "no final". `None` for any other character.
#[inline]
pub fn decompose(c: char) -> Option<(usize, usize, usize)> {
    let u = c as u32;
    if !(SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&u) {
        return None;
    }
    let s = u - SYLLABLE_FIRST;
    let l = s / (VOWEL_COUNT * FINAL_COUNT);
    let v = (s % (VOWEL_COUNT * FINAL_COUNT)) / FINAL_COUNT;
    let t = s % FINAL_COUNT;
    Some((l as usize, v as usize, t as usize))
}

/// The syllable of the given (initial, vowel, final) indices, `None` when an
/// index is out of range.
pub fn compose(initial: usize, vowel: usize, fin: usize) -> Option<char> {
    if initial >= INITIAL_COUNT as usize
        || vowel >= VOWEL_COUNT as usize
        || fin >= FINAL_COUNT as usize
    {
        return None;
    }
    let u =
        SYLLABLE_FIRST + (initial as u32 * VOWEL_COUNT + vowel as u32) * FINAL_COUNT + fin as u32;
    char::from_u32(u)
}

/// True when the syllable ends in a consonant (has a final, 받침): it decides
/// between particle pairs such as 은/는, 이/가, 을/를.
pub fn has_final(c: char) -> bool {
    decompose(c).is_some_and(|(_, _, t)| t != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_every_hangul_block() {
        for c in [
            '가', '힣', '\u{1100}', '\u{11FF}', 'ㄱ', 'ㅣ', '\u{A960}', '\u{D7B0}', '\u{FFA0}',
            '\u{FFDC}',
        ] {
            assert!(is_hangul(c), "{c:?}");
        }
        for c in ['a', '1', '中', 'あ', '\u{FFDD}', '\u{D7A4}'] {
            assert!(!is_hangul(c), "{c:?}");
        }
        assert!(is_jamo('ㅋ') && !is_jamo('카'));
        assert!(is_korean('韓') && is_korean('한') && !is_korean('x'));
    }

    #[test]
    fn compose_inverts_decompose() {
        for u in SYLLABLE_FIRST..=SYLLABLE_LAST {
            let c = char::from_u32(u).unwrap_or_default();
            let (l, v, t) = decompose(c).unwrap_or_default();
            assert_eq!(compose(l, v, t), Some(c));
        }
        assert_eq!(compose(19, 0, 0), None);
        assert!(has_final('한') && !has_final('하') && !has_final('x'));
    }
}

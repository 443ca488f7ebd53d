//! Korean-specific decisions: quotative particles after a closing quote and
//! sentence-final syllables.

/// True when `word` (the Hangul word after a closing quote and a space)
/// makes the quotation part of the sentence around it, as in
/// `…했다." 라고 말했다` or `…했다" 고 전했다`.
///
/// Particles written directly after the quote (`…했다"라고`) need no list:
/// any Hangul attached to a closing quote is a particle.
pub(crate) fn is_quotative(word: &str) -> bool {
    const PREFIXES: [&str; 14] = [
        "라고",
        "이라고",
        "라며",
        "이라며",
        "라는",
        "이라는",
        "라면서",
        "이라면서",
        "하고",
        "하며",
        "라던",
        "이라던",
        "라니",
        "이라니",
    ];
    matches!(word, "고" | "며" | "면서" | "는" | "란" | "이란")
        || PREFIXES.iter().any(|p| word.starts_with(p))
}

/// True when `word`, glued to a quotation mark, starts with a particle
/// that quotes (`"라고`, `"이라며`, `"고`, `"는`) rather than being a new
/// sentence written without a space.
pub(crate) fn is_attached_particle(word: &str) -> bool {
    const PREFIXES: [&str; 9] = ["라", "이라", "고", "며", "하고", "하며", "는", "란", "면서"];
    PREFIXES.iter().any(|p| word.starts_with(p))
}

/// A syllable that commonly closes a Korean sentence (`다`, `요`, `까`, …).
/// An ellipsis after one ends the sentence; after other syllables it marks a
/// pause inside it (`그런데… 말이야`).
pub(crate) fn is_final_syllable(c: char) -> bool {
    matches!(
        c,
        '다' | '요'
            | '까'
            | '죠'
            | '네'
            | '지'
            | '군'
            | '라'
            | '자'
            | '오'
            | '니'
            | '야'
            | '냐'
            | '래'
            | '대'
            | '걸'
            | '세'
            | '마'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotative_words() {
        assert!(is_quotative("라고"));
        assert!(is_quotative("이라며"));
        assert!(is_quotative("고"));
        assert!(!is_quotative("고등학교"));
        assert!(!is_quotative("그러나"));
    }

    #[test]
    fn final_syllables() {
        assert!(is_final_syllable('다'));
        assert!(is_final_syllable('요'));
        assert!(!is_final_syllable('서'));
        assert!(!is_final_syllable('고'));
    }
}

//! Unicode normalisation of input text.
//!
//! Korean can be stored composed (NFC: one code point per syllable, 한) or
//! decomposed (NFD: one per letter, ᄒ ᅡ ᆫ); macOS file names and some
//! editors produce the second. The two look the same on screen but share no
//! code point, so every reader of articles and pairs brings text to NFC
//! before anything looks at it, and the rest of the toolkit sees syllables.
//!
//! Offsets: spans, byte offsets and columns that the toolkit reports index
//! the NFC text. For text that was NFC already (nearly all real input) that
//! is the input itself, byte for byte; where normalisation changed a
//! document, its offsets differ from the file's by what composition removed.
//! Lint, which reports positions in the raw file, does not normalise.
//!
//! ```
//! use bitext::ko::nfc;
//! let nfd = "\u{1112}\u{1161}\u{11AB}"; // ᄒ ᅡ ᆫ
//! assert_eq!(nfc(nfd), "한");
//! assert!(matches!(nfc("already 한국"), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `text` in NFC; borrowed, without copying, when it is NFC already.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` in NFC, reusing the string when it is NFC already.
pub fn nfc_string(text: String) -> String {
    match nfc(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_hangul_composes() {
        let nfd: String = "한국어 문장"
            .chars()
            .flat_map(|c| c.to_string().nfd().collect::<Vec<_>>())
            .collect();
        assert_ne!(nfd, "한국어 문장");
        assert_eq!(nfc_string(nfd), "한국어 문장");
    }

    #[test]
    fn nfc_text_is_not_copied() {
        assert!(matches!(nfc("서울, Seoul"), Cow::Borrowed(_)));
    }
}

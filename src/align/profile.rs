//! Pair profiles: what the aligner knows about a language pair before it
//! reads the documents.
//!
//! The core (dynamic programming, length model, match rates, learned
//! lexicon) works for any pair and estimates its parameters on the document
//! pair being aligned. A profile adds what cannot be learned from one
//! document: for English–Korean, Korean number units, particles, the
//! romanisation of names and loanwords, and the built-in glossary. Any
//! other pair is aligned with the [`Profile::Learned`] core alone: shared
//! strings and cognates, numbers, and a translation lexicon learned from a
//! first alignment of the documents themselves.

use crate::lang::Lang;

/// The knowledge the aligner brings to a language pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// English (first side) with Korean (second side): Korean number
    /// units and particles, names compared by sound, the glossary.
    #[default]
    EnKo,
    /// Any pair: only what the documents teach (shared strings, cognates,
    /// numbers, a lexicon learned from a first alignment).
    Learned,
}

impl Profile {
    /// The profile for a first side in `a` and a second side in `b`.
    ///
    /// ```
    /// use bitext::align::Profile;
    /// use bitext::lang::Lang;
    /// assert_eq!(Profile::for_langs(Lang::EN, Lang::KO), Profile::EnKo);
    /// assert_eq!(Profile::for_langs(Lang::DE, Lang::FR), Profile::Learned);
    /// ```
    pub fn for_langs(a: Lang, b: Lang) -> Profile {
        if a == Lang::EN && b == Lang::KO {
            Profile::EnKo
        } else {
            Profile::Learned
        }
    }
}

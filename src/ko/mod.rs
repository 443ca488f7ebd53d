//! Korean language facts, in one place.
//!
//! Every stage (segmentation, pairing, alignment, audit) asks this module
//! what Korean text is: which characters are Hangul, how input is normalised,
//! which particles follow a noun, how Hangul is romanised and how a name
//! sounds.
//! The module depends on nothing else in the crate, so any stage can use it.

pub mod hangul;
pub mod loanword;
pub mod normalize;
pub mod particles;
pub mod translit;

pub use hangul::{
    compose, decompose, has_final, is_hangul, is_hanja, is_jamo, is_korean, is_syllable,
};
pub use normalize::{nfc, nfc_string};
pub use particles::{follows_nouns_only, is_particle, split_particles};

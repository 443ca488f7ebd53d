//! bitext: translation quality and bilingual alignment for Korean–English text.

pub mod lang;
pub mod numbers;
pub mod segment;
pub mod span;

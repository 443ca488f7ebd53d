//! bitext: translation quality and bilingual alignment for Korean–English text.

pub mod align;
pub mod atomic;
pub mod collection;
pub mod corpus;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod lang;
pub mod lint;
pub mod numbers;
pub mod pair;
pub mod report;
pub mod segment;
pub mod span;
pub mod translit;

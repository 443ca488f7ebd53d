//! bitext: translation quality and bilingual alignment for Korean–English text.
//!
//! # Brief overview
//!
//! Data flows one way: documents → sentences → pairs → reports.
//!
//! 1. [`document`] reads a crawled article (crawl format, plain text, JSON
//!    Lines; UTF-8, UTF-16, EUC-KR) into a [`document::Document`] of byte
//!    [`span::Span`]s; [`lang`] and [`segment`] split it into sentences and
//!    label their languages.
//! 2. [`pair`](mod@pair) matches English articles to their Korean originals; [`align`](mod@align)
//!    links their sentences into [`align::Bead`]s; [`collection`] does both for
//!    whole collections. [`numbers`] and [`translit`] supply the anchors that
//!    survive translation.
//! 3. [`lint`] and the audit checks emit [`diagnostic::Diagnostic`]s, which
//!    [`report`] renders; [`corpus`] writes aligned pairs as CSV, TSV, JSONL or
//!    TMX, atomically ([`atomic`]).
//!
//! # Example
//!
//! ```
//! use bitext::align::{align, AlignOptions};
//! use bitext::lang::Lang;
//! use bitext::segment::sentences;
//!
//! let en = sentences("Exports rose 19.8 percent. Mr. Kim said chips led.", Lang::EN);
//! let ko = sentences("수출이 19.8% 늘었다. 김 씨는 반도체가 이끌었다고 말했다.", Lang::KO);
//! let beads = align(&en, &ko, &AlignOptions::default());
//! assert_eq!(beads.len(), 2);
//! assert!(beads.iter().all(|b| b.en.len() == 1 && b.ko.len() == 1));
//! ```

pub mod align;
pub mod atomic;
pub mod audit;
pub mod collection;
pub mod corpus;
pub mod diagnostic;
pub mod document;
pub mod en;
pub mod error;
pub mod ko;
pub use ko::translit;
pub mod lang;
pub mod lexicon;
pub mod lint;
pub mod numbers;
pub mod pair;
pub mod report;
pub mod segment;
pub mod span;
pub mod stream;

// The entry points a library user needs, one per stage: read, detect,
// segment, lint, pair, align, audit, write.
pub use align::{align, AlignOptions, Bead};
pub use audit::{audit_batch, audit_pair, AuditOptions, BatchReport, PairInput, PairReport};
pub use corpus::{write, Format as CorpusFormat, Row};
pub use diagnostic::Diagnostic;
pub use document::{read_file, Document, ReadOptions};
pub use error::{Error, Result};
pub use lang::{detect, DetectOptions, Detection, Lang};
pub use lint::{lint_text, LintOptions};
pub use pair::{pair, PairOptions, Pairing};
pub use segment::sentences;

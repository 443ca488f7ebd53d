//! Whole collections: pair English articles with their Korean originals, then
//! align every pair sentence by sentence, in parallel, with a deterministic
//! result. This is the main job of `bitext align EN_DIR KO_DIR` and the
//! article mode of `bitext audit`.
//!
//! ```
//! use bitext::collection::{align_collections, CollectionOptions};
//! use bitext::document::{parse_bytes, ReadOptions};
//! let read = |name: &str, text: &str| parse_bytes(name, text.as_bytes(), &ReadOptions::default()).unwrap();
//! let en = read("en.txt", "Exports rose 19.8 percent to $152.6 billion in 2025. Samsung led the gains.");
//! let ko = read("ko.txt", "2025년 수출은 1526억 달러로 19.8% 늘었다. 삼성이 증가를 이끌었다.");
//! let out = align_collections(&en, &ko, &CollectionOptions::default());
//! assert_eq!(out.pairs.len(), 1);
//! assert!(out.pairs[0].beads.iter().all(|b| !b.is_null()));
//! ```

use crate::align::{align, AlignOptions, Bead};
use crate::corpus::Row;
use crate::document::Document;
use crate::lang::Lang;
use crate::pair::{pair, PairOptions};
use rayon::prelude::*;

/// Options of [`align_collections`].
#[derive(Clone, Debug, Default)]
pub struct CollectionOptions {
    /// How articles are paired.
    pub pair: PairOptions,
    /// How sentences are aligned.
    pub align: AlignOptions,
}

/// One paired article and the alignment of its sentences.
#[derive(Clone, Debug)]
pub struct AlignedPair {
    /// Index into the English documents.
    pub en: usize,
    /// Index into the Korean documents.
    pub ko: usize,
    /// Pairing score in [0, 1].
    pub score: f64,
    /// Sentence beads, covering both articles' sentences once, in order.
    pub beads: Vec<Bead>,
}

/// Everything [`align_collections`] found.
#[derive(Clone, Debug, Default)]
pub struct CollectionAlignment {
    /// Aligned pairs, in English input order.
    pub pairs: Vec<AlignedPair>,
    /// English articles with no Korean original found.
    pub unpaired_en: Vec<usize>,
    /// Korean articles with no translation found.
    pub unpaired_ko: Vec<usize>,
    /// Remarks from pairing (missing dates, duplicate texts, …).
    pub notes: Vec<String>,
}

/// Counts for a run summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Sentences on the English side of all pairs.
    pub en_sentences: usize,
    /// Sentences on the Korean side of all pairs.
    pub ko_sentences: usize,
    /// Beads linking at least one sentence on each side.
    pub linked_beads: usize,
    /// Korean sentences with no English counterpart (`0-1` beads).
    pub ko_only: usize,
    /// English sentences with no Korean source.
    pub en_only: usize,
}

/// The sentence texts of a document (title first), as every stage indexes them.
pub fn sentence_texts(doc: &Document) -> Vec<&str> {
    doc.sentences().map(|s| doc.slice(s.span)).collect()
}

/// Pair `en` with `ko` and align each pair's sentences.
pub fn align_collections(
    en: &[Document],
    ko: &[Document],
    opts: &CollectionOptions,
) -> CollectionAlignment {
    let pairing = pair(en, ko, &opts.pair);
    let pairs = pairing
        .pairs
        .par_iter()
        .map(|p| AlignedPair {
            en: p.en,
            ko: p.ko,
            score: p.score,
            beads: align(
                &sentence_texts(&en[p.en]),
                &sentence_texts(&ko[p.ko]),
                &opts.align,
            ),
        })
        .collect();
    CollectionAlignment {
        pairs,
        unpaired_en: pairing.unpaired_en,
        unpaired_ko: pairing.unpaired_ko,
        notes: pairing.notes,
    }
}

impl CollectionAlignment {
    /// Corpus rows of every pair, documents named by `name`.
    pub fn rows(
        &self,
        en: &[Document],
        ko: &[Document],
        name: impl Fn(&Document) -> String,
    ) -> Vec<Row> {
        let mut rows = Vec::new();
        for p in &self.pairs {
            let (de, dk) = (&en[p.en], &ko[p.ko]);
            let (se, sk) = (sentence_texts(de), sentence_texts(dk));
            let (ne, nk) = (name(de), name(dk));
            rows.extend(
                p.beads
                    .iter()
                    .map(|b| Row::from_bead(&ne, &nk, b, &se, &sk)),
            );
        }
        rows
    }

    /// Sentence and bead counts over all pairs.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for b in self.pairs.iter().flat_map(|p| &p.beads) {
            s.en_sentences += b.en.len();
            s.ko_sentences += b.ko.len();
            match (b.en.is_empty(), b.ko.is_empty()) {
                (false, false) => s.linked_beads += 1,
                (true, false) => s.ko_only += b.ko.len(),
                (false, true) => s.en_only += b.en.len(),
                (true, true) => {}
            }
        }
        s
    }
}

/// What the language of the two collections says about how they were given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideCheck {
    /// Most English-side articles read as Korean and most Korean-side ones
    /// as English: the two collections were given in the wrong order.
    pub swapped: bool,
    /// Articles that read as the other side's language: `(side, index,
    /// language)` with side `"en"` or `"ko"`.
    pub misplaced: Vec<(&'static str, usize, Lang)>,
}

/// The language a document's text reads as (from its first few thousand
/// characters, which tell the language; more only cost time).
pub fn reads_as(doc: &Document) -> Lang {
    let mut sample = String::new();
    for s in sentence_texts(doc) {
        if sample.len() > 4000 {
            break;
        }
        sample.push_str(s);
        sample.push(' ');
    }
    crate::lang::detect_simple(&sample)
}

/// Check that `en` holds English and `ko` Korean articles.
pub fn check_sides(en: &[Document], ko: &[Document]) -> SideCheck {
    let langs = |docs: &[Document]| -> Vec<Lang> { docs.par_iter().map(reads_as).collect() };
    let (le, lk) = (langs(en), langs(ko));
    let mut misplaced = Vec::new();
    for (i, &l) in le.iter().enumerate() {
        if l == Lang::KO {
            misplaced.push(("en", i, l));
        }
    }
    for (i, &l) in lk.iter().enumerate() {
        if l == Lang::EN {
            misplaced.push(("ko", i, l));
        }
    }
    let most =
        |v: &[Lang], l: Lang| !v.is_empty() && 2 * v.iter().filter(|&&x| x == l).count() > v.len();
    SideCheck {
        swapped: most(&le, Lang::KO) && most(&lk, Lang::EN),
        misplaced,
    }
}

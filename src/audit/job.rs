//! The audit jobs the `bitext audit` command runs, as library calls: two
//! articles (a pair by fiat), two collections (paired first, unpaired articles
//! kept as findings), or a pairs file. Each returns an [`AuditRun`], the
//! results model every report format renders from ([`crate::report::audit`]).
//!
//! ```
//! use bitext::audit::{job, AuditOptions};
//! let run = job::audit_pairs_bytes("p.tsv", "en\tko\nHe went home.\t그는 집에 갔다.\n".as_bytes(), &AuditOptions::default())?;
//! assert_eq!(run.pairs.len(), 1);
//! # Ok::<(), bitext::error::Error>(())
//! ```

use super::article::{articles_run, ArticlePair, Link};
use super::input::parse_pairs;
use super::run::{AuditRun, Origin, Side, SourceFile, Unpaired};
use super::{audit_batch, AuditOptions};
use crate::align::{align, AlignOptions, Bead};
use crate::collection::{align_collections, sentence_texts, CollectionOptions};
use crate::document::Document;
use crate::error::Result;
use std::path::Path;

/// An article audit and the remarks pairing made on the way.
#[derive(Clone, Debug)]
pub struct ArticlesAudit {
    /// The results.
    pub run: AuditRun,
    /// Remarks from pairing (missing dates, duplicate texts, …).
    pub notes: Vec<String>,
}

fn links(beads: Vec<Bead>) -> Vec<Link> {
    beads
        .into_iter()
        .map(|b| Link {
            en: b.en,
            ko: b.ko,
            confidence: b.score,
        })
        .collect()
}

/// Audit English articles `en` against Korean originals `ko`. One article on
/// each side is a pair by fiat; otherwise the collections are paired first,
/// and articles left without a partner are reported in the run
/// ([`AuditRun::unpaired`]), so a missing translation can fail a build.
pub fn audit_articles(
    title: String,
    en: &[Document],
    ko: &[Document],
    opts: &AuditOptions,
) -> ArticlesAudit {
    if let ([e], [k]) = (en, ko) {
        let beads = align(
            &sentence_texts(e),
            &sentence_texts(k),
            &AlignOptions::default(),
        );
        let list = [ArticlePair {
            en: e,
            ko: k,
            links: links(beads),
        }];
        return ArticlesAudit {
            run: articles_run(title, &list, opts),
            notes: Vec::new(),
        };
    }
    let aligned = align_collections(en, ko, &CollectionOptions::default());
    let list: Vec<ArticlePair<'_>> = aligned
        .pairs
        .into_iter()
        .map(|p| ArticlePair {
            en: &en[p.en],
            ko: &ko[p.ko],
            links: links(p.beads),
        })
        .collect();
    let mut run = articles_run(title, &list, opts);
    let unpaired = |side: Side, docs: &[Document], idx: &[usize]| -> Vec<Unpaired> {
        idx.iter()
            .map(|&i| Unpaired {
                side,
                path: docs[i].path.clone(),
                line: docs[i].line,
                title: docs[i]
                    .title
                    .as_ref()
                    .map(|t| docs[i].slice(t.span).to_string())
                    .unwrap_or_default(),
            })
            .collect()
    };
    run.unpaired = unpaired(Side::Ko, ko, &aligned.unpaired_ko);
    run.unpaired
        .extend(unpaired(Side::En, en, &aligned.unpaired_en));
    ArticlesAudit {
        run,
        notes: aligned.notes,
    }
}

/// Audit the pairs file `bytes` (CSV or TSV with `en` and `ko` columns) read
/// from `path`; findings point into the file.
pub fn audit_pairs_bytes(
    path: impl AsRef<Path>,
    bytes: &[u8],
    opts: &AuditOptions,
) -> Result<AuditRun> {
    let path = path.as_ref();
    let table = parse_pairs(path, bytes)?;
    let batch = audit_batch(&table.pairs, opts);
    let groups = AuditRun::group_rows(&table.pairs, &batch);
    let origins = table
        .origins
        .iter()
        .map(|o| Origin {
            en_file: 0,
            en_offset: o.en_offset,
            ko_file: 0,
            ko_offset: o.ko_offset,
        })
        .collect();
    let name = path.display().to_string();
    Ok(AuditRun {
        title: name.clone(),
        files: vec![SourceFile::new(name, String::from_utf8_lossy(bytes))],
        pairs: table.pairs,
        origins,
        batch,
        groups,
        unpaired: Vec::new(),
    })
}

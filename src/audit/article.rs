//! Auditing an English article against its Korean original: the sentence
//! alignment's links become pairs, and sentences the alignment could not link
//! become omissions (a Korean sentence with no English) and additions (an
//! English sentence with no Korean).

use super::batch::source_weight;
use super::run::{AuditRun, Group, Origin, SourceFile};
use super::{audit_pair, AuditOptions, BatchReport, Finding, PairInput, PairReport};
use crate::diagnostic::{Code, Severity};
use crate::document::Document;
use crate::span::Span;
use std::ops::Range;

/// Evidence weight of a Korean sentence the alignment left without English.
const OMISSION_WEIGHT: f64 = 5.0;
/// Evidence weight of an English sentence without Korean (often context the
/// translator added, or a split the aligner missed): weaker.
const ADDITION_WEIGHT: f64 = 3.0;

/// A link of a sentence alignment: English sentences `en` translate Korean
/// sentences `ko` (either may be empty), with the aligner's confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// English sentence indices.
    pub en: Range<usize>,
    /// Korean sentence indices.
    pub ko: Range<usize>,
    /// Posterior probability of the link, in `[0, 1]`.
    pub confidence: f64,
}

/// The sentence spans of a document, title first.
pub fn sentence_spans(doc: &Document) -> Vec<Span> {
    doc.sentences().map(|s| s.span).collect()
}

/// The text covering sentences `range` of `doc` (and its start offset).
fn side(doc: &Document, spans: &[Span], range: &Range<usize>) -> (String, usize) {
    let (Some(first), Some(last)) = (
        range.clone().next().and_then(|i| spans.get(i)),
        range.clone().next_back().and_then(|i| spans.get(i)),
    ) else {
        return (String::new(), 0);
    };
    // Sentences of one link are consecutive and only white space lies
    // between them, so the slice keeps offsets exact for reports.
    let text = doc.text.get(first.start..last.end).unwrap_or_default();
    (text.to_string(), first.start)
}

fn null_report(
    code: Code,
    weight: f64,
    message: String,
    en: Option<Span>,
    ko: Option<Span>,
) -> PairReport {
    let score = super::score::sigmoid(super::score::PRIOR_LOG_ODDS - weight);
    // A sentence the alignment leaves alone is judged by the alignment's
    // own posterior, not by the pair calibration: its confidence is the
    // model's probability that the sentence has no counterpart.
    let severity = code.severity().max(Severity::Warning);
    PairReport {
        names: Vec::new(),
        score,
        flagged: severity == Severity::Error,
        findings: vec![Finding {
            code,
            severity,
            confidence: 1.0 - score,
            class: "unaligned",
            message,
            en,
            ko,
            weight,
            evidence: None,
        }],
    }
}

/// The pairs of one article: one per link, in alignment order, with their
/// origins (file offsets; `en_file`/`ko_file` are the indices the caller
/// gives the two documents) and reports.
pub fn article_pairs(
    en: &Document,
    ko: &Document,
    files: (usize, usize),
    links: &[Link],
    opts: &AuditOptions,
) -> Vec<(PairInput, Origin, PairReport)> {
    let en_spans = sentence_spans(en);
    let ko_spans = sentence_spans(ko);
    let mut out = Vec::with_capacity(links.len());
    for (i, link) in links.iter().enumerate() {
        let (en_text, en_at) = side(en, &en_spans, &link.en);
        let (ko_text, ko_at) = side(ko, &ko_spans, &link.ko);
        // A null link points at where its counterpart would be: the end of
        // the previous sentence of the other side.
        let en_anchor = link
            .en
            .start
            .checked_sub(1)
            .and_then(|j| en_spans.get(j))
            .map_or(0, |s| s.end);
        let ko_anchor = link
            .ko
            .start
            .checked_sub(1)
            .and_then(|j| ko_spans.get(j))
            .map_or(0, |s| s.end);
        let origin = Origin {
            en_file: files.0,
            en_offset: if link.en.is_empty() { en_anchor } else { en_at },
            ko_file: files.1,
            ko_offset: if link.ko.is_empty() { ko_anchor } else { ko_at },
        };
        let report = if link.en.is_empty() {
            null_report(
                Code::Omission,
                OMISSION_WEIGHT * link.confidence,
                format!(
                    "Korean sentence {} has no English translation",
                    link.ko.start + 1
                ),
                None,
                Some(Span::new(0, ko_text.len())),
            )
        } else if link.ko.is_empty() {
            null_report(
                Code::Addition,
                ADDITION_WEIGHT * link.confidence,
                format!(
                    "English sentence {} has no Korean source",
                    link.en.start + 1
                ),
                Some(Span::new(0, en_text.len())),
                None,
            )
        } else {
            audit_pair(&ko_text, &en_text, opts)
        };
        out.push((
            PairInput {
                id: Some(format!("{}#{}", short_name(&en.path), i + 1)),
                ko: ko_text,
                en: en_text,
            },
            origin,
            report,
        ));
    }
    out
}

fn short_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// An article pair to audit: the two documents and their alignment.
pub struct ArticlePair<'a> {
    /// English article.
    pub en: &'a Document,
    /// Korean original.
    pub ko: &'a Document,
    /// Sentence alignment of the two.
    pub links: Vec<Link>,
}

/// Audit article pairs into one run: a group per article, scored by the
/// length-weighted mean of its pairs (omitted Korean sentences weigh with
/// their length, so an article missing a long sentence scores lower).
pub fn articles_run(title: String, articles: &[ArticlePair<'_>], opts: &AuditOptions) -> AuditRun {
    let mut files = Vec::new();
    let mut pairs = Vec::new();
    let mut origins = Vec::new();
    let mut reports = Vec::new();
    let mut groups = Vec::new();
    for a in articles {
        let en_file = files.len();
        files.push(SourceFile::new(a.en.path.clone(), a.en.text.clone()));
        files.push(SourceFile::new(a.ko.path.clone(), a.ko.text.clone()));
        let start = pairs.len();
        for (p, o, r) in article_pairs(a.en, a.ko, (en_file, en_file + 1), &a.links, opts) {
            pairs.push(p);
            origins.push(o);
            reports.push(r);
        }
        let rows: Vec<usize> = (start..pairs.len()).collect();
        let score = super::score::weighted_mean(rows.iter().map(|&r| {
            let p: &PairInput = &pairs[r];
            let w = if p.ko.is_empty() {
                source_weight(&p.en) / 2.0
            } else {
                source_weight(&p.ko)
            };
            (reports[r].score, w)
        }));
        groups.push(Group {
            name: format!("{} ↔ {}", short_name(&a.en.path), short_name(&a.ko.path)),
            rows,
            score,
        });
    }
    super::batch::add_name_variants(&mut reports);
    let score = super::score::weighted_mean(
        pairs
            .iter()
            .zip(&reports)
            .map(|(p, r)| (r.score, source_weight(&p.ko))),
    );
    AuditRun {
        title,
        files,
        pairs,
        origins,
        batch: BatchReport {
            pairs: reports,
            score,
        },
        groups,
        unpaired: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{parse_bytes, ReadOptions};

    fn doc(path: &str, text: &str) -> Document {
        parse_bytes(path, text.as_bytes(), &ReadOptions::default())
            .ok()
            .and_then(|mut v| v.pop())
            .expect("document")
    }

    #[test]
    fn links_become_pairs_and_null_links_findings() {
        let en = doc(
            "en.txt",
            "Police arrested two men near the school.\n\nThe mayor thanked the officers.\n",
        );
        let ko = doc(
            "ko.txt",
            "경찰은 학교 근처에서 남자 두 명을 체포했다.\n\n시민들은 안도했다.\n\n시장은 경찰관들에게 감사했다.\n",
        );
        let links = vec![
            Link {
                en: 0..1,
                ko: 0..1,
                confidence: 0.99,
            },
            Link {
                en: 1..1,
                ko: 1..2,
                confidence: 0.9,
            },
            Link {
                en: 1..2,
                ko: 2..3,
                confidence: 0.95,
            },
        ];
        let run = articles_run(
            "t".into(),
            &[ArticlePair {
                en: &en,
                ko: &ko,
                links,
            }],
            &AuditOptions::default(),
        );
        assert_eq!(run.pairs.len(), 3);
        assert_eq!(run.pairs[0].en, "Police arrested two men near the school.");
        assert!(!run.batch.pairs[0].flagged);
        assert_eq!(run.batch.pairs[1].findings[0].code, Code::Omission);
        assert!(run.batch.pairs[1].flagged);
        let d = run.diagnostics();
        let omission = d
            .iter()
            .find(|d| d.code == Code::Omission)
            .expect("omission");
        // A Korean sentence with no English is located on the Korean file,
        // on the sentence; the English side is the related location.
        assert_eq!(omission.location.path, "ko.txt");
        assert_eq!(omission.location.line, 3);
        assert!(!omission.location.span.is_empty());
        assert_eq!(
            &ko.text[omission.location.span.range()],
            "시민들은 안도했다."
        );
        let related = omission.related.as_ref().expect("english side");
        assert_eq!(related.path, "en.txt");
        assert_eq!(run.groups.len(), 1);
        assert!(run.groups[0].score < run.batch.pairs[0].score);
    }
}

//! Auditing many pairs: per-pair reports in input order, and the batch score.

use super::{audit_pair, AuditOptions, Finding, PairReport};
use crate::diagnostic::Code;
use rayon::prelude::*;

/// One pair of a batch: Korean source, English translation, and the
/// identifier of the input row, if it had one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairInput {
    /// Row identifier (the `id` column), carried into reports.
    pub id: Option<String>,
    /// Korean source.
    pub ko: String,
    /// English translation.
    pub en: String,
}

/// The audit of a batch of pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchReport {
    /// One report per input pair, in input order.
    pub pairs: Vec<PairReport>,
    /// Mean pair score weighted by source length (see [`source_weight`]).
    pub score: f64,
}

impl BatchReport {
    /// Number of flagged pairs.
    pub fn flagged(&self) -> usize {
        self.pairs.iter().filter(|p| p.flagged).count()
    }
}

/// How much a pair counts in article and batch scores: its source length in
/// letters (Hangul weighs like the English it becomes), so a bad long
/// sentence costs more than a bad short one.
pub fn source_weight(ko: &str) -> f64 {
    let c = super::text::counts(ko);
    super::omission::HANGUL_RATIO * c.hangul as f64 + c.other as f64 + 1.0
}

/// Add a name-variant finding to each pair that spells a Korean name
/// differently from an earlier pair of the batch (from the renderings
/// [`audit_pair`] collected, which are consumed). Consistency is a property
/// of the batch, not of the pair's translation, so scores do not change.
pub fn add_name_variants(reports: &mut [PairReport]) {
    let per_pair: Vec<Vec<super::names::Rendering>> = reports
        .iter_mut()
        .map(|r| std::mem::take(&mut r.names))
        .collect();
    for (report, found) in reports.iter_mut().zip(super::names::variants(&per_pair)) {
        for (r, first) in found {
            report.findings.push(name_variant(r, &first));
        }
    }
}

/// The name-variant finding for rendering `r` of a name first spelled `first`.
pub fn name_variant(r: super::names::Rendering, first: &str) -> Finding {
    Finding {
        code: Code::NameVariant,
        // A consistency note about the batch, not a judgement of this
        // pair's translation: never an error. The two spellings certainly
        // differ.
        severity: Code::NameVariant.severity(),
        confidence: 1.0,
        class: "",
        message: format!(
            "`{}` is spelled `{}` here but `{first}` earlier in the batch",
            r.ko, r.en
        ),
        en: Some(r.en_span),
        ko: Some(r.ko_span),
        weight: 0.0,
        evidence: None,
    }
}

/// Audit every pair of `pairs` (in parallel; the result is in input order).
pub fn audit_batch(pairs: &[PairInput], opts: &AuditOptions) -> BatchReport {
    let mut reports: Vec<PairReport> = pairs
        .par_iter()
        .with_min_len(256)
        .map(|p| audit_pair(&p.ko, &p.en, opts))
        .collect();
    add_name_variants(&mut reports);
    let score = super::score::weighted_mean(
        reports
            .iter()
            .zip(pairs)
            .map(|(r, p)| (r.score, source_weight(&p.ko))),
    );
    BatchReport {
        pairs: reports,
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(ko: &str, en: &str) -> PairInput {
        PairInput {
            id: None,
            ko: ko.into(),
            en: en.into(),
        }
    }

    #[test]
    fn batch_keeps_order_and_scores_between_pairs() {
        let pairs = vec![
            input("그는 집에 갔다.", "He went home."),
            input("그는 집에 갔다.", "그는 집에 갔다."),
        ];
        let r = audit_batch(&pairs, &AuditOptions::default());
        assert_eq!(r.pairs.len(), 2);
        assert!(!r.pairs[0].flagged && r.pairs[1].flagged);
        assert!(r.score < r.pairs[0].score && r.score > r.pairs[1].score);
        assert_eq!(r.flagged(), 1);
    }

    #[test]
    fn name_spelled_two_ways_across_the_batch_is_reported_once() {
        let pairs = vec![
            input("최태원 회장은 말했다.", "Chairman Chey Tae-won said so."),
            input("최태원 회장은 떠났다.", "Chairman Choi Tae-won left."),
        ];
        let r = audit_batch(&pairs, &AuditOptions::default());
        assert!(r.pairs[0]
            .findings
            .iter()
            .all(|f| f.code != Code::NameVariant));
        let v: Vec<_> = r.pairs[1]
            .findings
            .iter()
            .filter(|f| f.code == Code::NameVariant)
            .collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].severity, crate::diagnostic::Severity::Warning);
    }

    #[test]
    fn empty_batch_scores_one() {
        assert_eq!(audit_batch(&[], &AuditOptions::default()).score, 1.0);
    }
}

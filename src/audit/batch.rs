//! Auditing many pairs: per-pair reports in input order, and the batch score.

use super::{audit_pair, AuditOptions, PairReport};
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

/// Audit every pair of `pairs` (in parallel; the result is in input order).
pub fn audit_batch(pairs: &[PairInput], opts: &AuditOptions) -> BatchReport {
    let reports: Vec<PairReport> = pairs
        .par_iter()
        .with_min_len(256)
        .map(|p| audit_pair(&p.ko, &p.en, opts))
        .collect();
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
    fn empty_batch_scores_one() {
        assert_eq!(audit_batch(&[], &AuditOptions::default()).score, 1.0);
    }
}

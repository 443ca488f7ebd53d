//! From signals to a pair score, and from pair scores to article and batch scores.
//!
//! Every signal's weight is a log-likelihood ratio of its statistic under one
//! kind of error against a correct translation (the length model's is `z²/2`
//! minus a constant, a Gaussian residual against a flat alternative). The
//! signals of one error kind (one category of the code table) add up, naive
//! Bayes, to that kind's log-likelihood ratio `W_k`; the kinds compete, so a
//! pair's log-odds of being wrong in some way is `log Σ_k exp(W_k)` and
//!
//! `score = σ(PRIOR_LOG_ODDS − log Σ_k exp(W_k))`.
//!
//! Evidence for one hypothesis (words that agree speak against a mismatched
//! pair) thus never cancels evidence of another (a repeated phrase). A pair
//! is flagged when one of its findings is an `Error` (see [`super::calibration`]).

use super::{calibration, AuditOptions, Finding, PairReport, Signal};
use crate::diagnostic::{Code, Severity};

/// Prior log-odds that a pair is a correct translation (≈ 0.95).
pub const PRIOR_LOG_ODDS: f64 = 3.0;

/// Signals weaker than this are scored but not shown as findings.
pub const SHOW_WEIGHT: f64 = 1.5;

/// True when `s` is strong enough to be a finding; a content word without
/// rendering (BT411) is always named, for a reader to check.
pub fn shown(s: &Signal) -> bool {
    s.weight >= SHOW_WEIGHT || s.code == Code::Mistranslation
}

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Combine a pair's signals into its report.
///
/// The score uses every signal; the findings are the signals strong enough
/// to show, each with its calibrated confidence and the severity that
/// confidence earns. The pair is flagged exactly when one finding is an
/// `Error`.
pub fn report(mut signals: Vec<Signal>, _opts: &AuditOptions) -> PairReport {
    let score = sigmoid(PRIOR_LOG_ODDS - error_log_odds(&signals));
    signals.retain(shown);
    signals.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let findings: Vec<Finding> = signals
        .into_iter()
        .map(|s| {
            // The check's own class, or the finer class of evidence it
            // tags (numbers: `number.changed.money`).
            let tagged = s.evidence.map(|e| e.key());
            let class = tagged.as_deref().unwrap_or(s.class);
            let (confidence, severity) = calibration::judge(s.code, class, s.weight);
            Finding {
                code: s.code,
                severity,
                confidence,
                class: s.class,
                message: s.message,
                en: s.en,
                ko: s.ko,
                weight: s.weight,
                evidence: s.evidence,
            }
        })
        .collect();
    let flagged = findings.iter().any(|f| f.severity == Severity::Error);
    PairReport {
        score,
        flagged,
        findings,
        names: Vec::new(),
    }
}

/// `log Σ_k exp(W_k)` over the error kinds that have signals, `W_k` the sum
/// of the kind's weights; −∞ (no evidence of any error) without signals.
pub fn error_log_odds(signals: &[Signal]) -> f64 {
    let mut kinds: Vec<(&'static str, f64)> = Vec::new();
    // A word without rendering is already counted by the lexical
    // agreement it comes from.
    for s in signals.iter().filter(|s| s.code != Code::Mistranslation) {
        let k = s.code.category();
        match kinds.iter_mut().find(|(c, _)| *c == k) {
            Some((_, w)) => *w += s.weight,
            None => kinds.push((k, s.weight)),
        }
    }
    let Some(max) = kinds.iter().map(|&(_, w)| w).reduce(f64::max) else {
        return f64::NEG_INFINITY;
    };
    max + kinds
        .iter()
        .map(|&(_, w)| (w - max).exp())
        .sum::<f64>()
        .ln()
}

/// Mean of `scores` weighted by `weights` (e.g. source lengths), so a bad long
/// sentence costs more than a bad short one; 1.0 for an empty set.
pub fn weighted_mean(scores: impl IntoIterator<Item = (f64, f64)>) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (s, w) in scores {
        num += s * w;
        den += w;
    }
    if den > 0.0 {
        num / den
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_signal_scores_one() {
        let r = report(Vec::new(), &AuditOptions::default());
        assert_eq!(r.score, 1.0);
        assert!(!r.flagged && r.findings.is_empty());
    }

    #[test]
    fn evidence_for_one_kind_does_not_cancel_another() {
        let signals = vec![
            Signal::new(Code::WrongPair, -4.0, "words agree"),
            Signal::new(Code::Repetition, 5.0, "loop"),
        ];
        let alone = report(
            vec![Signal::new(Code::Repetition, 5.0, "loop")],
            &AuditOptions::default(),
        );
        let both = report(signals, &AuditOptions::default());
        assert!((both.score - alone.score).abs() < 1e-3);
        assert_eq!(both.flagged, alone.flagged);
    }

    #[test]
    fn weights_of_one_kind_add_up() {
        let signals = vec![
            Signal::new(Code::WrongPair, 2.0, "a"),
            Signal::new(Code::WrongPair, 2.0, "b"),
        ];
        assert!((error_log_odds(&signals) - 4.0).abs() < 1e-12);
    }

    #[test]
    fn flagged_exactly_when_an_error_finding() {
        for w in [1.6, 3.0, 6.0, 9.0, 20.0] {
            for code in [Code::Untranslated, Code::Truncated, Code::EntityDrop] {
                let r = report(vec![Signal::new(code, w, "x")], &AuditOptions::default());
                let errors = r
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                assert_eq!(r.flagged, errors > 0);
                assert_eq!(r.categories().is_empty(), !r.flagged);
                assert!(r
                    .findings
                    .iter()
                    .all(|f| (0.0..=1.0).contains(&f.confidence)));
            }
        }
    }

    #[test]
    fn weak_signals_lower_the_score_but_are_not_findings() {
        let kinds = [
            Code::Repetition,
            Code::WrongPair,
            Code::Truncated,
            Code::EntityDrop,
            Code::NumberMismatch,
        ];
        let signals: Vec<Signal> = kinds
            .into_iter()
            .map(|c| Signal::new(c, 1.45, "weak"))
            .collect();
        let r = report(signals, &AuditOptions::default());
        assert!(r.score < 0.5 && !r.flagged && r.findings.is_empty());
    }

    #[test]
    fn weighted_mean_weights_and_defaults() {
        assert_eq!(weighted_mean([(1.0, 1.0), (0.0, 3.0)]), 0.25);
        assert_eq!(weighted_mean(std::iter::empty()), 1.0);
    }
}

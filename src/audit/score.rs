//! From signals to a pair score, and from pair scores to article and batch scores.
//!
//! The pair model is naive-Bayes in log-odds: a correct translation starts at
//! [`PRIOR_LOG_ODDS`] and every signal subtracts its weight, so
//! `score = σ(PRIOR_LOG_ODDS − Σ weights)`. Weights are log-likelihood ratios
//! of each check's statistic under "correct" and "erroneous" translations
//! (the length model's is `z²/2`, a Gaussian residual against a flat
//! alternative); a pair is flagged when the odds turn against it.

use super::{AuditOptions, Finding, PairReport, Signal};
use crate::diagnostic::Severity;

/// Prior log-odds that a pair is a correct translation (≈ 0.95).
pub const PRIOR_LOG_ODDS: f64 = 3.0;

/// Signals weaker than this are scored but not shown as findings.
pub const SHOW_WEIGHT: f64 = 1.5;

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Combine a pair's signals into its report.
pub fn report(mut signals: Vec<Signal>, opts: &AuditOptions) -> PairReport {
    let total: f64 = signals.iter().map(|s| s.weight).sum();
    let score = sigmoid(PRIOR_LOG_ODDS - total);
    let flagged = score < opts.flag_below;
    signals.retain(|s| s.weight >= SHOW_WEIGHT);
    signals.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let findings = signals
        .into_iter()
        .map(|s| Finding {
            code: s.code,
            severity: if flagged {
                s.code.severity()
            } else {
                Severity::Info
            },
            message: s.message,
            en: s.en,
            ko: s.ko,
            weight: s.weight,
        })
        .collect();
    PairReport {
        score,
        flagged,
        findings,
    }
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
    use crate::diagnostic::Code;

    #[test]
    fn no_signal_scores_the_prior() {
        let r = report(Vec::new(), &AuditOptions::default());
        assert!((r.score - sigmoid(PRIOR_LOG_ODDS)).abs() < 1e-12);
        assert!(!r.flagged && r.findings.is_empty());
    }

    #[test]
    fn strong_signal_flags_and_keeps_default_severity() {
        let s = Signal::new(Code::Untranslated, 8.0, "x");
        let r = report(vec![s], &AuditOptions::default());
        assert!(r.flagged && r.score < 0.01);
        assert_eq!(r.findings[0].severity, Severity::Error);
    }

    #[test]
    fn weak_findings_of_unflagged_pairs_are_info() {
        let s = Signal::new(Code::Repetition, 2.0, "x");
        let r = report(vec![s], &AuditOptions::default());
        assert!(!r.flagged);
        assert_eq!(r.findings[0].severity, Severity::Info);
    }

    #[test]
    fn weighted_mean_weights_and_defaults() {
        assert_eq!(weighted_mean([(1.0, 1.0), (0.0, 3.0)]), 0.25);
        assert_eq!(weighted_mean(std::iter::empty()), 1.0);
    }
}

//! Calibrated confidence and severity of audit findings.
//!
//! A check's weight says how strongly its evidence speaks against a pair;
//! it is not by itself the chance that the finding is right. That chance
//! comes from a fit on the labelled calibration set that ships with the
//! project (`calibration/`, see its README): for every code, and for every
//! evidence class within a code ([`super::Signal::class`]), a logistic model
//!
//! `confidence = σ(intercept + slope × weight)`
//!
//! gives the probability that a finding of that class and weight names a
//! real defect of its category. `cargo run --release --example calibrate`
//! refits it and rewrites `calibration/weights.tsv`, which is compiled in
//! here; nothing in this file is tuned by hand.
//!
//! Severity follows from the confidence: `Error` from [`ERROR_CONFIDENCE`]
//! (nine findings in ten are real defects), `Warning` from
//! [`WARNING_CONFIDENCE`] (more likely right than wrong), `Info` below. A
//! class whose `Error` findings did not hold that precision on the
//! calibration set's real-style pairs in held-out folds is capped at
//! `Warning` by the fit (the `max` column), whatever its confidence.

use crate::diagnostic::{Code, Severity};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Confidence from which a finding is an `Error`: nine in ten such findings
/// are real defects.
pub const ERROR_CONFIDENCE: f64 = 0.9;
/// Confidence from which a finding is a `Warning`.
pub const WARNING_CONFIDENCE: f64 = 0.5;

/// The weights file written by the `calibrate` example.
pub const WEIGHTS: &str = include_str!("../../calibration/weights.tsv");

/// The fitted model of one evidence class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// Log-odds of a real defect at weight 0.
    pub intercept: f64,
    /// Log-odds gained per unit of weight.
    pub slope: f64,
    /// The highest severity the class may reach.
    pub max: Severity,
}

impl Model {
    /// The calibrated probability that a finding of `weight` is right.
    pub fn confidence(&self, weight: f64) -> f64 {
        super::score::sigmoid(self.intercept + self.slope * weight)
    }
}

/// The models of a weights file, keyed by `CODE` or `CODE/class`, with
/// `*` for the fallback of codes the calibration set never saw.
pub fn parse(text: &str) -> HashMap<String, Model> {
    let mut out = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("key\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(key), Some(a), Some(b), Some(max)) = (f.first(), f.get(1), f.get(2), f.get(3))
        else {
            continue;
        };
        let (Ok(intercept), Ok(slope)) = (a.parse::<f64>(), b.parse::<f64>()) else {
            continue;
        };
        let max = match *max {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        out.insert(
            key.to_string(),
            Model {
                intercept,
                slope,
                max,
            },
        );
    }
    out
}

fn table() -> &'static HashMap<String, Model> {
    static TABLE: OnceLock<HashMap<String, Model>> = OnceLock::new();
    TABLE.get_or_init(|| parse(WEIGHTS))
}

/// The model for `code` and evidence `class`: the class's own when the fit
/// had one (a dotted class such as `number.changed.money` falls back to
/// `number.changed`, then `number`), else the code's, else the fallback. A
/// class the calibration set never showed has no evidence on real text, so
/// it borrows its code's confidence but never reaches `Error`.
pub fn model(code: Code, class: &str) -> Option<Model> {
    let t = table();
    let mut c = class;
    while !c.is_empty() {
        if let Some(m) = t.get(&format!("{}/{c}", code.as_str())) {
            return Some(*m);
        }
        c = c.rfind('.').map_or("", |i| &c[..i]);
    }
    let mut m = t.get(code.as_str()).or_else(|| t.get("*")).copied()?;
    if !class.is_empty() {
        m.max = m.max.min(Severity::Warning);
    }
    Some(m)
}

/// The severity a confidence earns under a class capped at `max`.
pub fn severity_of(confidence: f64, max: Severity) -> Severity {
    let s = if confidence >= ERROR_CONFIDENCE {
        Severity::Error
    } else if confidence >= WARNING_CONFIDENCE {
        Severity::Warning
    } else {
        Severity::Info
    };
    s.min(max)
}

/// Confidence and severity of a finding of `code`, evidence `class` and
/// `weight`. Encoding debris found on either side (lint codes) is a pattern
/// match, not a judgement of the translation: it keeps its code's severity.
pub fn judge(code: Code, class: &str, weight: f64) -> (f64, Severity) {
    if !code.as_str().starts_with("BT4") {
        return (1.0, code.severity());
    }
    match model(code, class) {
        Some(m) => {
            let c = m.confidence(weight);
            (c, severity_of(c, m.max))
        }
        None => (0.0, Severity::Info),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_and_cover_every_audit_code() {
        let t = parse(WEIGHTS);
        assert!(t.contains_key("*"));
        for c in Code::ALL.iter().filter(|c| c.as_str().starts_with("BT4")) {
            assert!(model(*c, "").is_some(), "{c}");
        }
    }

    #[test]
    fn parse_reads_rows_and_skips_comments() {
        let t = parse(
            "# x\nkey\tintercept\tslope\tmax\nBT401\t-2\t1\terror\nBT408/hole\t0\t0\twarning\n",
        );
        assert_eq!(t.len(), 2);
        let m = t["BT401"];
        assert!((m.confidence(2.0) - 0.5).abs() < 1e-12);
        assert_eq!(t["BT408/hole"].max, Severity::Warning);
    }

    #[test]
    fn severity_follows_confidence_and_cap() {
        assert_eq!(severity_of(0.95, Severity::Error), Severity::Error);
        assert_eq!(severity_of(0.95, Severity::Warning), Severity::Warning);
        assert_eq!(severity_of(0.6, Severity::Error), Severity::Warning);
        assert_eq!(severity_of(0.2, Severity::Error), Severity::Info);
    }

    #[test]
    fn confidence_grows_with_weight_for_fitted_codes() {
        for c in Code::ALL.iter().filter(|c| c.as_str().starts_with("BT4")) {
            let Some(m) = model(*c, "") else { continue };
            assert!(m.confidence(8.0) >= m.confidence(2.0) - 1e-12, "{c}");
        }
    }
}

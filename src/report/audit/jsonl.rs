//! JSON Lines report: one object per pair, in input order.
//!
//! Each line holds `row` (0-based), `id` when the input has one, `score`,
//! `flagged` (true exactly when a finding is an `error`), the distinct
//! `codes` and `categories` of the `error` findings (empty when not flagged)
//! and all the `findings` (warnings and info too), each with its severity,
//! calibrated `confidence`, and byte span and text on the English (`en`)
//! and Korean (`ko`) sides. After the pairs, a collection audit writes one
//! object per unpaired article (see [`unpaired_out`]).

use crate::audit::run::{AuditRun, Unpaired};
use crate::audit::{BatchReport, Finding, PairInput, PairReport};
use crate::span::Span;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn span_out(text: &str, span: Option<Span>) -> Option<SpanOut<'_>> {
    let s = span?;
    Some(SpanOut {
        start: s.start,
        end: s.end,
        text: text.get(s.range()).unwrap_or_default(),
    })
}

#[derive(Serialize)]
struct FindingOut<'a> {
    code: &'static str,
    category: &'static str,
    severity: &'static str,
    confidence: f64,
    message: &'a str,
    weight: f64,
    /// The class of evidence (e.g. `number.changed.money`), when the check
    /// tells classes apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ko: Option<SpanOut<'a>>,
}

/// One pair's JSON object.
#[derive(Serialize)]
pub struct PairOut<'a> {
    row: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    score: f64,
    flagged: bool,
    codes: Vec<&'static str>,
    categories: Vec<&'static str>,
    findings: Vec<FindingOut<'a>>,
}

fn finding_out<'a>(f: &'a Finding, pair: &'a PairInput) -> FindingOut<'a> {
    FindingOut {
        code: f.code.as_str(),
        category: f.code.category(),
        severity: f.severity.as_str(),
        confidence: (f.confidence * 1000.0).round() / 1000.0,
        message: &f.message,
        weight: (f.weight * 1000.0).round() / 1000.0,
        evidence: f.evidence.map(|e| e.key()),
        en: span_out(&pair.en, f.en),
        ko: span_out(&pair.ko, f.ko),
    }
}

/// The JSON object of pair `row`.
pub fn pair_out<'a>(row: usize, pair: &'a PairInput, report: &'a PairReport) -> PairOut<'a> {
    PairOut {
        row,
        id: pair.id.as_deref(),
        score: (report.score * 1e6).round() / 1e6,
        flagged: report.flagged,
        codes: report.codes().iter().map(|c| c.as_str()).collect(),
        categories: report.categories(),
        findings: report
            .findings
            .iter()
            .map(|f| finding_out(f, pair))
            .collect(),
    }
}

/// The JSON object of an unpaired article:
/// `{"unpaired": "ko", "path", "line", "title", "code", "severity", "message"}`.
pub fn unpaired_out(u: &Unpaired) -> serde_json::Value {
    let d = u.diagnostic();
    serde_json::json!({
        "unpaired": u.side.as_str(),
        "path": u.path,
        "line": u.line,
        "title": u.title,
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
    })
}

/// Write one JSON object per pair of `pairs` (in input order).
pub fn write_pairs(
    w: &mut dyn Write,
    pairs: &[PairInput],
    batch: &BatchReport,
) -> std::io::Result<()> {
    for (row, (pair, report)) in pairs.iter().zip(&batch.pairs).enumerate() {
        serde_json::to_writer(&mut *w, &pair_out(row, pair, report))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Write one JSON object per pair, then one per unpaired article.
pub fn write(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    write_pairs(w, &run.pairs, &run.batch)?;
    for u in &run.unpaired {
        serde_json::to_writer(&mut *w, &unpaired_out(u))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{audit_batch, AuditOptions};

    #[test]
    fn one_line_per_pair_with_spans() {
        let pairs = vec![
            PairInput {
                id: Some("a".into()),
                ko: "그는 집에 갔다.".into(),
                en: "He went home.".into(),
            },
            PairInput {
                id: None,
                ko: "그는 집에 갔다.".into(),
                en: "He went 집에 갔다.".into(),
            },
        ];
        let batch = audit_batch(&pairs, &AuditOptions::default());
        let mut out = Vec::new();
        write_pairs(&mut out, &pairs, &batch).unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["codes"], serde_json::json!([]));
        assert!(lines[1].get("id").is_none());
        assert_eq!(lines[1]["row"], 1);
        assert_eq!(lines[1]["categories"][0], "untranslated");
        assert_eq!(lines[1]["findings"][0]["en"]["text"], "집에 갔다");
    }

    #[test]
    fn number_findings_name_their_evidence_class() {
        let pairs = vec![PairInput {
            id: None,
            ko: "수출은 19.8% 늘었다.".into(),
            en: "Exports rose 18.9 percent.".into(),
        }];
        let batch = audit_batch(&pairs, &AuditOptions::default());
        let mut out = Vec::new();
        write_pairs(&mut out, &pairs, &batch).unwrap_or_default();
        let row: serde_json::Value =
            serde_json::from_slice(out.trim_ascii_end()).unwrap_or_default();
        assert_eq!(row["findings"][0]["evidence"], "number.slip.percent");
    }
}

//! Every output format of an audit, rendered from the results model
//! [`AuditRun`] (pairs, their reports, groups, unpaired articles). The
//! formats shared with `lint` (human, SARIF, GitHub annotations, JUnit) go
//! through the same writers as lint's diagnostics.

pub mod html;
pub mod jsonl;
pub mod markdown;

use super::junit::{Case, Suite};
use super::FailOn;
use crate::audit::run::AuditRun;
use std::io::{self, Write};

/// Report formats of an audit.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditFormat {
    /// Readable text.
    Human,
    /// One JSON document.
    Json,
    /// One JSON object per pair.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML.
    Junit,
    /// GitHub workflow annotations.
    Github,
    /// Markdown summary.
    Markdown,
    /// Self-contained HTML report.
    Html,
}

/// Write `run` in `format`; `fail_on` decides which JUnit cases fail.
pub fn write(
    format: AuditFormat,
    run: &AuditRun,
    fail_on: FailOn,
    w: &mut dyn Write,
) -> io::Result<()> {
    match format {
        AuditFormat::Human => {
            super::human::write(&run.diagnostics(), &run.sources(), w)?;
            summary(w, run)
        }
        AuditFormat::Json => json(w, run),
        AuditFormat::Jsonl => jsonl::write(w, run),
        AuditFormat::Sarif => super::sarif::write(&run.diagnostics(), &run.sources(), w),
        AuditFormat::Junit => junit(w, run, fail_on),
        AuditFormat::Github => {
            super::github::write(&run.diagnostics(), &run.sources(), w)?;
            writeln!(
                w,
                "::notice title=bitext audit::batch score {:.3}, {} of {} pairs flagged, {} unpaired article(s)",
                run.batch.score,
                run.batch.flagged(),
                run.pairs.len(),
                run.unpaired.len()
            )
        }
        AuditFormat::Markdown => markdown::write(w, run),
        AuditFormat::Html => html::write(w, run),
    }
}

fn json(w: &mut dyn Write, run: &AuditRun) -> io::Result<()> {
    let pairs: Vec<_> = run
        .pairs
        .iter()
        .zip(&run.batch.pairs)
        .enumerate()
        .map(|(i, (p, r))| jsonl::pair_out(i, p, r))
        .collect();
    let groups: Vec<_> = run
        .groups
        .iter()
        .map(|g| serde_json::json!({ "name": g.name, "rows": g.rows, "score": g.score }))
        .collect();
    let unpaired: Vec<_> = run.unpaired.iter().map(jsonl::unpaired_out).collect();
    let doc = serde_json::json!({
        "source": run.title,
        "batch_score": run.batch.score,
        "pairs_total": run.pairs.len(),
        "flagged": run.batch.flagged(),
        "groups": groups,
        "unpaired": unpaired,
        "pairs": pairs,
        "diagnostics": run.diagnostics(),
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

fn summary(w: &mut dyn Write, run: &AuditRun) -> io::Result<()> {
    write!(
        w,
        "{} pairs, {} flagged, batch score {:.3}",
        run.pairs.len(),
        run.batch.flagged(),
        run.batch.score
    )?;
    if !run.unpaired.is_empty() {
        write!(w, ", {} unpaired article(s)", run.unpaired.len())?;
    }
    writeln!(w)
}

/// JUnit: a test case per article (per row of a pairs file), and one per
/// unpaired article.
fn junit(w: &mut dyn Write, run: &AuditRun, fail_on: FailOn) -> io::Result<()> {
    let mut cases: Vec<Case> = run
        .groups
        .iter()
        .map(|g| Case {
            name: g.name.clone(),
            findings: g
                .rows
                .iter()
                .flat_map(|&r| {
                    run.batch.pairs[r]
                        .findings
                        .iter()
                        .filter(|f| f.severity > crate::diagnostic::Severity::Info)
                        .map(move |f| run.diagnostic(r, f))
                })
                .collect(),
            out: vec![format!("score {:.4}", g.score)],
        })
        .collect();
    cases.extend(run.unpaired.iter().map(|u| Case {
        name: format!("unpaired {}: {}", u.side.as_str(), u.path),
        findings: vec![u.diagnostic()],
        out: Vec::new(),
    }));
    let suite = Suite {
        name: format!("bitext audit: {}", run.title),
        class: "bitext.audit".into(),
        properties: vec![("batch_score".into(), format!("{:.4}", run.batch.score))],
        cases,
    };
    super::junit::write_suite(&suite, fail_on, w)
}

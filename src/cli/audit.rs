//! `bitext audit`: translation-quality checks, scores and CI reports.

use super::Status;
use anyhow::Context;
use bitext::audit::input::{parse_pairs, PairsTable};
use bitext::audit::{audit_batch, jsonl, AuditOptions, BatchReport};
use bitext::diagnostic::Severity;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Report formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
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

/// Which findings make the exit code 1.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Error findings.
    Error,
    /// Warning and error findings.
    Warning,
    /// Never (only `--min-score` can fail).
    Never,
}

/// Audit translations: `bitext audit EN KO` (two articles or directories) or
/// `bitext audit --pairs FILE` (CSV/TSV with `en` and `ko` columns).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// English and Korean article, or directories of articles to pair first.
    #[arg(value_name = "EN KO", num_args = 0..=2)]
    pub paths: Vec<PathBuf>,
    /// A CSV or TSV of pairs whose header names `en` and `ko` columns.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub pairs: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when the batch score falls below X (0–1).
    #[arg(long, value_name = "X")]
    pub min_score: Option<f64>,
    /// Which findings make the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Run `bitext audit`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if let Some(x) = args.min_score {
        anyhow::ensure!(
            (0.0..=1.0).contains(&x),
            "--min-score must be between 0 and 1"
        );
    }
    let Some(path) = args.pairs.as_deref() else {
        anyhow::bail!("auditing articles needs the aligner; use --pairs FILE");
    };
    let table = read_table(path)?;
    let opts = AuditOptions::default();
    let batch = audit_batch(&table.pairs, &opts);
    emit(&args, |w| render(&args, path, &table, &batch, w))?;
    Ok(status(&args, &batch))
}

fn read_table(path: &Path) -> anyhow::Result<PairsTable> {
    let bytes = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).context("reading stdin")?;
        v
    } else {
        std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?
    };
    Ok(parse_pairs(path, &bytes)?)
}

fn emit(
    args: &Args,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match &args.output {
        Some(p) => bitext::atomic::write_with(p, fill)?,
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            fill(&mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

fn render(
    args: &Args,
    _path: &Path,
    table: &PairsTable,
    batch: &BatchReport,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    match args.format {
        Format::Jsonl => jsonl::write(w, &table.pairs, batch),
        _ => human(w, table, batch),
    }
}

fn human(w: &mut dyn Write, table: &PairsTable, batch: &BatchReport) -> std::io::Result<()> {
    for (row, (p, r)) in table.pairs.iter().zip(&batch.pairs).enumerate() {
        for f in &r.findings {
            if f.severity == Severity::Info {
                continue;
            }
            let name = p.id.clone().unwrap_or_else(|| format!("row {row}"));
            writeln!(
                w,
                "{name}: {} {} [{}] {}",
                f.severity.as_str(),
                f.code,
                f.code.category(),
                f.message
            )?;
        }
    }
    writeln!(
        w,
        "{} pairs, {} flagged, batch score {:.3}",
        batch.pairs.len(),
        batch.flagged(),
        batch.score
    )
}

fn status(args: &Args, batch: &BatchReport) -> Status {
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| {
        batch
            .pairs
            .iter()
            .flat_map(|p| &p.findings)
            .any(|f| f.severity >= t)
    });
    let low = args.min_score.is_some_and(|m| batch.score < m);
    if failing || low {
        Status::Findings
    } else {
        Status::Ok
    }
}

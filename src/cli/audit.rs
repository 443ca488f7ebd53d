//! `bitext audit`: translation-quality checks, scores and CI reports. The
//! jobs are [`bitext::audit::job`]; the formats [`bitext::report::audit`].

use super::Status;
use bitext::audit::job::{audit_articles, audit_pairs_bytes};
use bitext::audit::run::AuditRun;
use bitext::audit::AuditOptions;
use bitext::document::ReadOptions;
use bitext::report::audit::{write, AuditFormat};
use bitext::report::FailOn;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    pub format: AuditFormat,
    /// Exit 1 when the batch score falls below X (0–1).
    #[arg(long, value_name = "X")]
    pub min_score: Option<f64>,
    /// Which findings make the exit code 1 (and fail a JUnit test case).
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
    if let Some(out) = &args.output {
        let inputs: Vec<PathBuf> = args.pairs.iter().chain(&args.paths).cloned().collect();
        bitext::atomic::refuse_input(out, &inputs)?;
    }
    let opts = AuditOptions::default();
    let (run, errored) = match args.pairs.as_deref() {
        Some(path) => (pairs_run(path, &opts)?, false),
        None => articles(&args, &opts)?,
    };
    emit(&args, |w| write(args.format, &run, args.fail_on, w))?;
    Ok(if errored {
        Status::Error
    } else if run.fails(args.fail_on, args.min_score) {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// Read two articles or directories and audit them. Returns the run and
/// whether an input failed.
fn articles(args: &Args, opts: &AuditOptions) -> anyhow::Result<(AuditRun, bool)> {
    let [en_path, ko_path] = args.paths.as_slice() else {
        anyhow::bail!("give an English and a Korean article (or directory), or --pairs FILE");
    };
    let read = ReadOptions::default();
    let (en, ko) = super::input::read_sides(
        std::slice::from_ref(en_path),
        std::slice::from_ref(ko_path),
        &read,
        &read,
    );
    super::input::check_sides(&en, &ko, true)?;
    let title = format!("{} ↔ {}", en_path.display(), ko_path.display());
    let done = audit_articles(title, &en.docs, &ko.docs, opts);
    for n in &done.notes {
        say!("bitext: note: {n}");
    }
    Ok((done.run, en.errored || ko.errored))
}

/// Audit a pairs file (`-` reads standard input).
fn pairs_run(path: &Path, opts: &AuditOptions) -> anyhow::Result<AuditRun> {
    let bytes = bitext::document::read_bytes(path)?;
    Ok(audit_pairs_bytes(path, &bytes, opts)?)
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

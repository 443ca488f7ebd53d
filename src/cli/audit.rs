//! `bitext audit`: translation-quality checks, scores and CI reports. The
//! jobs are [`bitext::audit::job`]; the formats [`bitext::report::audit`].

use super::{emit, Status};
use anyhow::Context;
use bitext::audit::job::{audit_articles, audit_pairs_bytes};
use bitext::audit::run::AuditRun;
use bitext::audit::AuditOptions;
use bitext::document::ReadOptions;
use bitext::report::audit::{write, AuditFormat};
use bitext::report::FailOn;
use bitext::stream::audit as stream;
use bitext::stream::merge as merge_lines;
use std::path::{Path, PathBuf};

/// How `--pairs` input is read.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// CSV or TSV with a header naming `en` and `ko` columns.
    Table,
    /// JSON Lines, one record `{"id", "en", "ko", …}` per line, streamed.
    Jsonl,
}

/// Audit translations: `bitext audit EN KO` (two articles or directories) or
/// `bitext audit --pairs FILE` (CSV/TSV with `en` and `ko` columns, or JSON
/// Lines records with `--input jsonl`).
///
/// With `--input jsonl --format jsonl` the pairs are streamed: memory stays
/// bounded, output starts before the input ends, and every input line gives
/// exactly one output line, in order, with its `id` and `seq`; a bad record
/// gives `{"id", "seq", "error"}` and the batch goes on.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// English and Korean article, or directories of articles to pair first.
    #[arg(value_name = "EN KO", num_args = 0..=2)]
    pub paths: Vec<PathBuf>,
    /// A CSV or TSV of pairs whose header names `en` and `ko` columns, or
    /// (with `--input jsonl`) JSON Lines pair records; `-` reads standard input.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub pairs: Option<PathBuf>,
    /// How the `--pairs` input is written.
    #[arg(long, value_enum, default_value_t = InputFormat::Table)]
    pub input: InputFormat,
    /// Stop at the first bad record (exit 2) instead of writing an error row
    /// for it and going on.
    #[arg(long)]
    pub strict: bool,
    /// Audit one part of a batch: rows that depend on their pair only, with
    /// what `--merge` needs (unrounded scores, weights, name spellings); no
    /// BT409, batch score or gate. Needs `--pairs` and `--format jsonl`.
    #[arg(long, requires = "pairs")]
    pub shard: bool,
    /// Finish a batch from the `--shard` outputs of its parts (in any order,
    /// `-` for standard input): rows in id order, BT409 across all parts, the
    /// batch score, `--fail-on` / `--min-score`, any `--format`.
    #[arg(long, value_name = "PART", num_args = 1.., conflicts_with_all = ["paths", "pairs"])]
    pub merge: Vec<PathBuf>,
    /// Title of the report (default: what was audited; for `--merge`, the
    /// parts' names in sorted order).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
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
    if !args.merge.is_empty() {
        return merge(&args);
    }
    if args.shard {
        anyhow::ensure!(
            args.format == AuditFormat::Jsonl,
            "--shard writes rows for --merge: use --format jsonl"
        );
    }
    if args.input == InputFormat::Jsonl {
        return jsonl_records(&args, &opts);
    }
    if args.shard {
        let path = args.pairs.as_deref().unwrap_or(Path::new("-"));
        let bytes = read_input(path)?;
        let table = bitext::audit::input::parse_pairs(path, &bytes)?;
        emit(args.output.as_deref(), |w| {
            stream::shard_pairs(table.pairs, w, &opts).map(|_| ())
        })?;
        return Ok(Status::Ok);
    }
    let (mut run, errored) = match args.pairs.as_deref() {
        Some(path) => (pairs_run(path, &opts)?, false),
        None => articles(&args, &opts)?,
    };
    if let Some(t) = &args.title {
        run.title.clone_from(t);
    }
    emit(args.output.as_deref(), |w| {
        write(args.format, &run, args.fail_on, w)
    })?;
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

/// Stream the pair records of `--pairs` (JSON Lines).
fn jsonl_records(args: &Args, opts: &AuditOptions) -> anyhow::Result<Status> {
    let path = args
        .pairs
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("--input jsonl reads --pairs FILE (or -)"))?;
    anyhow::ensure!(
        args.format == AuditFormat::Jsonl,
        "--input jsonl streams its results: use --format jsonl"
    );
    let input: Box<dyn std::io::BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        Box::new(std::io::BufReader::with_capacity(1 << 16, f))
    };
    let mut summary = None;
    let name = path.display().to_string();
    emit(args.output.as_deref(), |w| {
        let mode = if args.shard {
            stream::Mode::Shard
        } else {
            stream::Mode::Rows
        };
        let s = stream::audit_jsonl(input, w, mode, args.strict, opts)?;
        if let Some(bad) = &s.stopped {
            // An error, so that `-o FILE` is not replaced by a partial batch.
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "{name}: line {}{}: {}",
                    bad.seq + 1,
                    bad.id
                        .as_deref()
                        .map(|i| format!(", id `{i}`"))
                        .unwrap_or_default(),
                    bad.error
                ),
            ));
        }
        summary = Some(s);
        Ok(())
    })?;
    let s = summary.unwrap_or_default();
    if s.errors > 0 {
        say!(
            "bitext: {}: {} of {} records could not be audited (error rows)",
            path.display(),
            s.errors,
            s.rows
        );
    }
    if args.shard {
        // The gates belong to the merge, which sees the whole batch.
        return Ok(Status::Ok);
    }
    let failing = s.worst.is_some_and(|w| args.fail_on.fails(w));
    let low = args.min_score.is_some_and(|m| s.score < m);
    Ok(if failing || low {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// Merge the shard outputs named by `--merge` and report the whole batch.
fn merge(args: &Args) -> anyhow::Result<Status> {
    let mut lines = Vec::new();
    for part in &args.merge {
        let bytes = read_input(part)?;
        let mut reader = bitext::stream::Lines::new(&bytes[..]);
        let mut buf = Vec::new();
        while let Some(seq) = reader.next_line(&mut buf)? {
            let line = merge_lines::parse_shard_line(&buf)
                .map_err(|e| anyhow::anyhow!("{}:{}: {e}", part.display(), seq + 1))?;
            lines.push(line);
        }
    }
    let title = args.title.clone().unwrap_or_else(|| {
        let mut names: Vec<String> = args.merge.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        names.join(" + ")
    });
    let merged = merge_lines::merge(title, lines).map_err(|e| anyhow::anyhow!(e))?;
    for b in &merged.errors {
        say!(
            "bitext: error row: {}: {}",
            b.id.as_deref().unwrap_or("(no id)"),
            b.error
        );
    }
    let run = merged.run;
    emit(args.output.as_deref(), |w| {
        write(args.format, &run, args.fail_on, w)
    })?;
    Ok(if run.fails(args.fail_on, args.min_score) {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// The bytes of `path` (`-` reads standard input), at most
/// [`bitext::document::MAX_FILE_BYTES`].
fn read_input(path: &Path) -> anyhow::Result<Vec<u8>> {
    Ok(bitext::document::read_bytes(path)?)
}

/// Audit a pairs file (`-` reads standard input).
fn pairs_run(path: &Path, opts: &AuditOptions) -> anyhow::Result<AuditRun> {
    let bytes = read_input(path)?;
    Ok(audit_pairs_bytes(path, &bytes, opts)?)
}

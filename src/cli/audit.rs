//! `bitext audit`: translation-quality checks, scores and CI reports.

use super::Status;
use anyhow::Context;
use bitext::align::{align, AlignOptions, Bead};
use bitext::audit::article::{articles_run, ArticlePair, Link};
use bitext::audit::input::parse_pairs;
use bitext::audit::run::{AuditRun, Origin, SourceFile};
use bitext::audit::{audit_batch, html, jsonl, junit, markdown, AuditOptions};
use bitext::collection::{align_collections, sentence_texts, CollectionOptions};
use bitext::diagnostic::Severity;
use bitext::document::ReadOptions;
use bitext::report;
use bitext::stream::audit as stream;
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
    let opts = AuditOptions::default();
    if args.input == InputFormat::Jsonl {
        return jsonl_records(&args, &opts);
    }
    let (run, errored) = match args.pairs.as_deref() {
        Some(path) => (pairs_run(path, &opts)?, false),
        None => articles(&args, &opts)?,
    };
    emit(&args, |w| render(args.format, &run, w))?;
    Ok(if errored {
        Status::Error
    } else {
        status(&args, &run)
    })
}

/// Audit two articles, or two directories of articles (paired first): each
/// article pair is aligned sentence by sentence. Returns the run and whether
/// an input failed.
fn articles(args: &Args, opts: &AuditOptions) -> anyhow::Result<(AuditRun, bool)> {
    let [en_path, ko_path] = args.paths.as_slice() else {
        anyhow::bail!("give an English and a Korean article (or directory), or --pairs FILE");
    };
    let read = ReadOptions::default();
    let en = super::input::read_all(std::slice::from_ref(en_path), &read);
    let ko = super::input::read_all(std::slice::from_ref(ko_path), &read);
    let errored = en.errored || ko.errored;
    let links = |beads: Vec<Bead>| -> Vec<Link> {
        beads
            .into_iter()
            .map(|b| Link {
                en: b.en,
                ko: b.ko,
                confidence: b.score,
            })
            .collect()
    };
    let list: Vec<ArticlePair<'_>> = if let ([e], [k]) = (&en.docs[..], &ko.docs[..]) {
        // Two articles named on the command line are a pair by fiat.
        let beads = align(
            &sentence_texts(e),
            &sentence_texts(k),
            &AlignOptions::default(),
        );
        vec![ArticlePair {
            en: e,
            ko: k,
            links: links(beads),
        }]
    } else {
        let aligned = align_collections(&en.docs, &ko.docs, &CollectionOptions::default());
        for n in &aligned.notes {
            eprintln!("bitext: note: {n}");
        }
        aligned
            .pairs
            .into_iter()
            .map(|p| ArticlePair {
                en: &en.docs[p.en],
                ko: &ko.docs[p.ko],
                links: links(p.beads),
            })
            .collect()
    };
    let title = format!("{} ↔ {}", en_path.display(), ko_path.display());
    Ok((articles_run(title, &list, opts), errored))
}

/// Stream the pair records of `--pairs` (JSON Lines).
fn jsonl_records(args: &Args, opts: &AuditOptions) -> anyhow::Result<Status> {
    let path = args
        .pairs
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("--input jsonl reads --pairs FILE (or -)"))?;
    anyhow::ensure!(
        args.format == Format::Jsonl,
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
    emit(args, |w| {
        let s = stream::audit_jsonl(input, w, stream::Mode::Rows, args.strict, opts)?;
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
        eprintln!(
            "bitext: {}: {} of {} records could not be audited (error rows)",
            path.display(),
            s.errors,
            s.rows
        );
    }
    let failing = threshold(args.fail_on).is_some_and(|t| s.worst.is_some_and(|w| w >= t));
    let low = args.min_score.is_some_and(|m| s.score < m);
    Ok(if failing || low {
        Status::Findings
    } else {
        Status::Ok
    })
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    }
}

/// Audit a pairs file.
fn pairs_run(path: &Path, opts: &AuditOptions) -> anyhow::Result<AuditRun> {
    let bytes = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).context("reading stdin")?;
        v
    } else {
        std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?
    };
    let table = parse_pairs(path, &bytes)?;
    let batch = audit_batch(&table.pairs, opts);
    let groups = AuditRun::group_rows(&table.pairs, &batch);
    let origins = table
        .origins
        .iter()
        .map(|o| Origin {
            en_file: 0,
            en_offset: o.en_offset,
            ko_file: 0,
            ko_offset: o.ko_offset,
        })
        .collect();
    let name = path.display().to_string();
    Ok(AuditRun {
        title: name.clone(),
        files: vec![SourceFile::new(name, String::from_utf8_lossy(&bytes))],
        pairs: table.pairs,
        origins,
        batch,
        groups,
    })
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

fn render(format: Format, run: &AuditRun, w: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Human => {
            report::human::write(&run.diagnostics(), &run.sources(), w)?;
            summary(w, run)
        }
        Format::Json => json(w, run),
        Format::Jsonl => jsonl::write(w, &run.pairs, &run.batch),
        Format::Sarif => report::sarif::write(&run.diagnostics(), &run.sources(), w),
        Format::Junit => junit::write(w, run),
        Format::Github => {
            report::github::write(&run.diagnostics(), &run.sources(), w)?;
            writeln!(
                w,
                "::notice title=bitext audit::batch score {:.3}, {} of {} pairs flagged",
                run.batch.score,
                run.batch.flagged(),
                run.pairs.len()
            )
        }
        Format::Markdown => markdown::write(w, run),
        Format::Html => html::write(w, run),
    }
}

fn json(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
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
    let doc = serde_json::json!({
        "source": run.title,
        "batch_score": run.batch.score,
        "pairs_total": run.pairs.len(),
        "flagged": run.batch.flagged(),
        "groups": groups,
        "pairs": pairs,
        "diagnostics": run.diagnostics(),
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

fn summary(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    writeln!(
        w,
        "{} pairs, {} flagged, batch score {:.3}",
        run.pairs.len(),
        run.batch.flagged(),
        run.batch.score
    )
}

fn status(args: &Args, run: &AuditRun) -> Status {
    let batch = &run.batch;
    let failing = threshold(args.fail_on).is_some_and(|t| {
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

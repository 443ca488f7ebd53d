//! `bitext pair`: find each English article's Korean original.

use super::input::report;
use super::Status;
use bitext::document::{collect_files, read_file, ReadOptions};
use bitext::pair::{pair_features, Features, PairOptions};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    /// `en_path<TAB>ko_path<TAB>score`, no header.
    Tsv,
    /// `en_path,ko_path,score` with a header.
    Csv,
    /// One JSON object per line: `en_path`, `ko_path`, `score`.
    Jsonl,
}

/// Arguments of `bitext pair`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
One row per pair: en_path, ko_path, score (the probability that the two are a
translation pair). An article whose best candidate is weak or ambiguous stays
unpaired; --all lists those with an empty partner. Notes about the input
(missing dates, identical texts) go to stderr. Exit 2 when a file cannot be read
or a directory holds no articles; the rest is still paired.")]
pub struct Args {
    /// Directory (or file) of English articles.
    pub en_dir: PathBuf,
    /// Directory (or file) of Korean articles.
    pub ko_dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: OutFormat,
    /// Also list unpaired articles, with an empty partner and score.
    #[arg(long)]
    pub all: bool,
    /// Largest number of days the English version may follow the Korean one.
    #[arg(long, default_value_t = 3)]
    pub max_days: u32,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Articles read on one side, and whether anything went wrong.
struct Loaded {
    features: Vec<Features>,
    failed: bool,
}

/// Read every article under `dir` in parallel, keeping only their features.
fn load(dir: &Path, english: bool, bar: &ProgressBar) -> Loaded {
    let (files, errors) = collect_files(&[dir.to_path_buf()]);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report(e);
    }
    bar.inc_length(files.len() as u64);
    let opts = ReadOptions::default();
    let read: Vec<_> = files
        .par_iter()
        .map(|f| {
            let r = read_file(f, &opts).map(|docs| {
                // Undecodable bytes are reported like everywhere else; the
                // article is still paired on what could be read.
                let bad: Vec<(String, usize, &'static str, usize)> = docs
                    .iter()
                    .filter_map(|d| {
                        let first = *d.undecodable.first()?;
                        Some((d.path.clone(), d.undecodable.len(), d.encoding, first))
                    })
                    .collect();
                let features = docs
                    .iter()
                    .map(|d| {
                        if english {
                            Features::english(d)
                        } else {
                            Features::korean(d)
                        }
                    })
                    .collect::<Vec<_>>();
                (features, bad)
            });
            bar.inc(1);
            r
        })
        .collect();
    let mut features = Vec::new();
    for r in read {
        match r {
            Ok((f, bad)) => {
                features.extend(f);
                for (path, n, encoding, first) in bad {
                    bar.suspend(|| {
                        report(format_args!(
                            "{path}: {n} undecodable byte sequence(s) in {encoding}, first at byte {first}; replaced with U+FFFD"
                        ))
                    });
                    failed = true;
                }
            }
            Err(e) => {
                bar.suspend(|| report(&e));
                failed = true;
            }
        }
    }
    if features.is_empty() && errors.is_empty() {
        bar.suspend(|| report(format_args!("{}: no articles found", dir.display())));
        failed = true;
    }
    Loaded { features, failed }
}

/// Run `bitext pair`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if let Some(out) = &args.output {
        bitext::atomic::refuse_input(out, &[args.en_dir.clone(), args.ko_dir.clone()])?;
    }
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{spinner} {msg} {wide_bar} {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b.set_message("reading");
        b
    } else {
        ProgressBar::hidden()
    };
    let (en, ko) = rayon::join(
        || load(&args.en_dir, true, &bar),
        || load(&args.ko_dir, false, &bar),
    );
    bar.set_message("pairing");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let opts = PairOptions {
        max_days: args.max_days,
        ..PairOptions::default()
    };
    let pairing = pair_features(&en.features, &ko.features, &opts);
    bar.finish_and_clear();
    for n in &pairing.notes {
        say!("bitext: note: {n}");
    }

    let (fe, fk) = (&en.features, &ko.features);
    let mut rows: Vec<(&str, &str, Option<f64>)> = Vec::new();
    if args.all {
        // English order, each English article once, then the Korean leftovers.
        let mut pi = pairing.pairs.iter().peekable();
        let mut ui = pairing.unpaired_en.iter().peekable();
        loop {
            let take_pair = match (pi.peek(), ui.peek()) {
                (Some(p), Some(&&u)) => p.en < u,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_pair {
                if let Some(p) = pi.next() {
                    rows.push((&fe[p.en].path, &fk[p.ko].path, Some(p.score)));
                }
            } else if let Some(&u) = ui.next() {
                rows.push((&fe[u].path, "", None));
            }
        }
        rows.extend(
            pairing
                .unpaired_ko
                .iter()
                .map(|&k| ("", fk[k].path.as_str(), None)),
        );
    } else {
        rows.extend(pairing.pairs.iter().map(|p| {
            (
                fe[p.en].path.as_str(),
                fk[p.ko].path.as_str(),
                Some(p.score),
            )
        }));
    }
    let fill = |w: &mut dyn Write| write_rows(w, &rows, args.format);
    match &args.output {
        Some(path) => bitext::atomic::write_with(path, fill)?,
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            fill(&mut w)?;
            w.flush()?;
        }
    }
    say!(
        "bitext: paired {} of {} English and {} Korean articles",
        pairing.pairs.len(),
        fe.len(),
        fk.len()
    );
    Ok(if en.failed || ko.failed {
        Status::Error
    } else {
        Status::Ok
    })
}

fn write_rows(
    w: &mut dyn Write,
    rows: &[(&str, &str, Option<f64>)],
    format: OutFormat,
) -> std::io::Result<()> {
    let score = |s: Option<f64>| s.map_or(String::new(), |s| format!("{s:.4}"));
    match format {
        OutFormat::Tsv => {
            for (e, k, s) in rows {
                // A tab or newline inside a path would break the row.
                let clean = |p: &str| p.replace(['\t', '\n', '\r'], " ");
                writeln!(w, "{}\t{}\t{}", clean(e), clean(k), score(*s))?;
            }
        }
        OutFormat::Csv => {
            let mut c = csv::Writer::from_writer(w);
            c.write_record(["en_path", "ko_path", "score"])?;
            for (e, k, s) in rows {
                c.write_record([*e, *k, score(*s).as_str()])?;
            }
            c.flush()?;
        }
        OutFormat::Jsonl => {
            for (e, k, s) in rows {
                let v = serde_json::json!({
                    "en_path": (!e.is_empty()).then_some(e),
                    "ko_path": (!k.is_empty()).then_some(k),
                    "score": s.map(|s| (s * 1e4).round() / 1e4),
                });
                writeln!(w, "{v}")?;
            }
        }
    }
    Ok(())
}

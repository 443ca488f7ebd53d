//! `bitext pair`: find each English article's Korean original.

use super::emit;
use super::input::report;
use super::Status;
use anyhow::Context;
use bitext::document::{collect_files, read_file, ReadOptions};
use bitext::lang::Lang;
use bitext::pair::{
    assign, pair_features, parse_day, score, score_undated, Edge, Features, PairOptions, Stats,
};
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
#[command(
    about = "Find which English article translates which Korean original in two collections",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "\
One row per pair: en_path, ko_path, score (the probability that the two are a
translation pair). Articles are named by path, or by `id` when read from JSON
Lines. An article whose best candidate is weak or ambiguous stays unpaired;
--all lists those with an empty partner. Notes about the input (missing dates,
identical texts) go to stderr. Exit 2 when a file cannot be read or a directory
holds no articles; the rest is still paired.

The subcommands run the same pairing in stages over buckets of days, for an
engine that distributes the work (features, stats, score, assign); their pairs
are those of one run."
)]
pub struct Args {
    /// A stage of a bucketed pairing.
    #[command(subcommand)]
    pub stage: Option<Stage>,
    /// Directory (or file) of English articles.
    #[arg(required = true)]
    pub en_dir: Option<PathBuf>,
    /// Directory (or file) of Korean articles.
    #[arg(required = true)]
    pub ko_dir: Option<PathBuf>,
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
    // Pairing reads titles and paragraphs only: the side says the language
    // and no sentence is needed.
    let opts = ReadOptions {
        lang: Some(if english { Lang::EN } else { Lang::KO }),
        blocks_only: true,
        ..ReadOptions::default()
    };
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
    if let Some(stage) = args.stage {
        return run_stage(stage);
    }
    let (Some(en_dir), Some(ko_dir)) = (&args.en_dir, &args.ko_dir) else {
        anyhow::bail!("pair needs an English and a Korean collection");
    };
    if let Some(out) = &args.output {
        bitext::atomic::refuse_input(out, &[en_dir.clone(), ko_dir.clone()])?;
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
    let (en, ko) = rayon::join(|| load(en_dir, true, &bar), || load(ko_dir, false, &bar));
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
                    rows.push((&fe[p.en].id, &fk[p.ko].id, Some(p.score)));
                }
            } else if let Some(&u) = ui.next() {
                rows.push((&fe[u].id, "", None));
            }
        }
        rows.extend(
            pairing
                .unpaired_ko
                .iter()
                .map(|&k| ("", fk[k].id.as_str(), None)),
        );
    } else {
        rows.extend(
            pairing
                .pairs
                .iter()
                .map(|p| (fe[p.en].id.as_str(), fk[p.ko].id.as_str(), Some(p.score))),
        );
    }
    let fill = |w: &mut dyn Write| write_rows(w, &rows, args.format);
    emit(args.output.as_deref(), fill)?;
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

/// A stage of a bucketed pairing, for an engine that runs maps and reduces
/// over JSON Lines files (see the README, "Pairing at scale").
#[derive(clap::Subcommand, Debug)]
pub enum Stage {
    /// Map: the features of each article, one JSON object per line.
    Features(FeaturesArgs),
    /// Reduce: global statistics and starting model from all features.
    Stats(StatsArgs),
    /// Map: the candidates of one bucket of Korean days, or of the undated
    /// articles, with their evidence, one JSON object per line.
    Score(ScoreArgs),
    /// Reduce: one partner per article from every bucket's candidates.
    Assign(AssignArgs),
}

/// Which collection articles belong to.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// English translations.
    En,
    /// Korean originals.
    Ko,
}

/// Arguments of `bitext pair features`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Writes one line per article: {\"lang\", \"id\", \"day\", \"bad_date\", \"chars\",
\"fingerprint\", \"anchors\", \"lower\"}. A JSON Lines article is named by its
`id`, a file by its path. Run it over any split of the articles; the lines of
both collections may go to one file.")]
pub struct FeaturesArgs {
    /// The collection the articles belong to.
    #[arg(long, value_enum)]
    pub lang: Side,
    /// Files or directories of articles (`-` reads JSON Lines or text from
    /// standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `bitext pair stats`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Reads the features of every article of both collections and writes one JSON
object: article counts, skipped repeats, the shared anchor vocabulary with its
document frequencies, and the model the pairing starts from. Every bucket and
the final assignment read it.")]
pub struct StatsArgs {
    /// Features files (`-` for standard input).
    #[arg(required = true)]
    pub features: Vec<PathBuf>,
    /// Largest number of days the English version may follow the Korean one.
    #[arg(long, default_value_t = 3)]
    pub max_days: u32,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `bitext pair score`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
With --ko-days FIRST..LAST the input must hold every English article dated
FIRST to LAST + max-days and every Korean article dated FIRST - max-days to
LAST + max-days (more does no harm); the output is the candidates of the Korean
articles dated FIRST to LAST. With --undated the input is every article, and the
output is the candidates of the undated ones. Buckets that cover every day, plus
the undated run, give exactly the candidates of one run.")]
pub struct ScoreArgs {
    /// Statistics written by `bitext pair stats`.
    #[arg(long, value_name = "FILE")]
    pub stats: PathBuf,
    /// The bucket: Korean publication days FIRST..LAST (YYYY-MM-DD, inclusive;
    /// one day alone is a bucket of one day).
    #[arg(long, value_name = "FIRST..LAST", required_unless_present = "undated")]
    pub ko_days: Option<String>,
    /// Score the candidates of undated articles instead of a bucket.
    #[arg(long, conflicts_with = "ko_days")]
    pub undated: bool,
    /// Features files (`-` for standard input).
    #[arg(required = true)]
    pub features: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `bitext pair assign`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Reads the candidates of every bucket and of the undated run (in any order) and
writes the pairs as `bitext pair` does, named by id and sorted by English id.")]
pub struct AssignArgs {
    /// Statistics written by `bitext pair stats`.
    #[arg(long, value_name = "FILE")]
    pub stats: PathBuf,
    /// Candidate files written by `bitext pair score` (`-` for standard input).
    #[arg(required = true)]
    pub edges: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: OutFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A line of the features stage.
#[derive(serde::Serialize, serde::Deserialize)]
struct FeatureLine {
    lang: String,
    #[serde(flatten)]
    features: Features,
}

fn run_stage(stage: Stage) -> anyhow::Result<Status> {
    match stage {
        Stage::Features(a) => features_stage(a),
        Stage::Stats(a) => stats_stage(a),
        Stage::Score(a) => score_stage(a),
        Stage::Assign(a) => assign_stage(a),
    }
}

fn features_stage(a: FeaturesArgs) -> anyhow::Result<Status> {
    let english = a.lang == Side::En;
    let mut loaded = Loaded {
        features: Vec::new(),
        failed: false,
    };
    for input in &a.inputs {
        let l = load(input, english, &ProgressBar::hidden());
        loaded.features.extend(l.features);
        loaded.failed |= l.failed;
    }
    let lang = if english { "en" } else { "ko" };
    emit(a.output.as_deref(), |w| {
        for f in loaded.features {
            let line = FeatureLine {
                lang: lang.to_owned(),
                features: f,
            };
            serde_json::to_writer(&mut *w, &line)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(if loaded.failed {
        Status::Error
    } else {
        Status::Ok
    })
}

/// Read JSON Lines records of type `T` from `paths`; a bad line is reported
/// with its file and line, and the rest is read.
fn read_records<T: serde::de::DeserializeOwned>(
    paths: &[PathBuf],
    mut each: impl FnMut(T),
) -> bool {
    use std::io::BufRead;
    let mut failed = false;
    for p in paths {
        let reader: Box<dyn BufRead> = if p.as_os_str() == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    report(format_args!("{}: {e}", p.display()));
                    failed = true;
                    continue;
                }
            }
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    report(format_args!("{}: {e}", p.display()));
                    failed = true;
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<T>(&line) {
                Ok(r) => each(r),
                Err(e) => {
                    report(format_args!(
                        "{}:{}: invalid record: {e}",
                        p.display(),
                        i + 1
                    ));
                    failed = true;
                }
            }
        }
    }
    failed
}

/// Features of both collections from features files.
fn read_features(paths: &[PathBuf]) -> ([Vec<Features>; 2], bool) {
    let mut sides: [Vec<Features>; 2] = [Vec::new(), Vec::new()];
    let mut bad_lang = false;
    let failed = read_records(paths, |r: FeatureLine| match r.lang.as_str() {
        "en" => sides[0].push(r.features),
        "ko" => sides[1].push(r.features),
        other => {
            report(format_args!(
                "{}: unknown lang `{other}` (en or ko)",
                r.features.id
            ));
            bad_lang = true;
        }
    });
    (sides, failed || bad_lang)
}

fn read_stats(path: &Path) -> anyhow::Result<Stats> {
    let f = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    serde_json::from_reader(std::io::BufReader::new(f))
        .with_context(|| format!("{}: not a pairing statistics file", path.display()))
}

fn stats_stage(a: StatsArgs) -> anyhow::Result<Status> {
    let ([en, ko], failed) = read_features(&a.features);
    let stats = Stats::new(&en, &ko, a.max_days);
    for n in &stats.notes {
        eprintln!("bitext: note: {n}");
    }
    emit(a.output.as_deref(), |w| {
        serde_json::to_writer(&mut *w, &stats)?;
        w.write_all(b"\n")
    })?;
    Ok(if failed { Status::Error } else { Status::Ok })
}

/// `FIRST..LAST` or one day, as days since 1970-01-01.
fn parse_days(s: &str) -> anyhow::Result<(i64, i64)> {
    let (a, b) = s.split_once("..").unwrap_or((s, s));
    let day =
        |d: &str| parse_day(d.trim()).with_context(|| format!("`{d}` is not a date (YYYY-MM-DD)"));
    let (lo, hi) = (day(a)?, day(b)?);
    anyhow::ensure!(
        lo <= hi,
        "--ko-days {s}: the first day comes after the last"
    );
    Ok((lo, hi))
}

fn score_stage(a: ScoreArgs) -> anyhow::Result<Status> {
    let stats = read_stats(&a.stats)?;
    let days = a.ko_days.as_deref().map(parse_days).transpose()?;
    let ([en, ko], failed) = read_features(&a.features);
    let edges = if a.undated {
        score_undated(&stats, &en, &ko)
    } else {
        score(&stats, &en, &ko, days)
    };
    emit(a.output.as_deref(), |w| {
        for x in &edges {
            serde_json::to_writer(&mut *w, x)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(if failed { Status::Error } else { Status::Ok })
}

fn assign_stage(a: AssignArgs) -> anyhow::Result<Status> {
    let stats = read_stats(&a.stats)?;
    let mut edges: Vec<Edge> = Vec::new();
    let failed = read_records(&a.edges, |x: Edge| edges.push(x));
    let pairs = assign(&stats, edges, PairOptions::default().min_score);
    for n in &stats.notes {
        eprintln!("bitext: note: {n}");
    }
    let rows: Vec<(&str, &str, Option<f64>)> = pairs
        .iter()
        .map(|p| (p.en.as_str(), p.ko.as_str(), Some(p.score)))
        .collect();
    emit(a.output.as_deref(), |w| write_rows(w, &rows, a.format))?;
    eprintln!(
        "bitext: paired {} of {} English and {} Korean articles",
        pairs.len(),
        stats.articles[0],
        stats.articles[1]
    );
    Ok(if failed { Status::Error } else { Status::Ok })
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

//! `bitext lint` and `bitext explain`.

use super::input::report;
use super::Status;
use bitext::diagnostic::{Code, Diagnostic};
use bitext::lint::file::{lint_bytes, FileReport};
use bitext::lint::LintOptions;
use bitext::report::{self, FailOn, Format, Sources};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Arguments of `bitext lint`.
#[derive(clap::Args, Debug)]
#[command(
    about = "Find encoding debris (HTML entities, mojibake, cp949 confusions, U+FFFD, control and invisible characters, stray tags, literal escapes) and repair it",
    after_help = "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 errors (unreadable file, bad arguments).\nCodes and categories: `bitext explain BT101`, `bitext explain mojibake`."
)]
pub struct Args {
    /// Files or directories: crawl articles, plain text, JSON Lines (`-` reads standard input).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Report only these codes or categories (comma-separated, e.g. BT101,mojibake).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Never report these codes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Rewrite files in place with every safe fix (atomic; bytes that need no fix are kept).
    #[arg(long)]
    pub fix: bool,
    /// Write repaired copies under DIR (mirroring the input paths) instead of rewriting.
    #[arg(long, value_name = "DIR", conflicts_with = "fix")]
    pub fix_to: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
}

/// Arguments of `bitext explain`.
#[derive(clap::Args, Debug)]
#[command(
    about = "Explain a diagnostic code (BT101) or every code of a category (mojibake): what it finds, why it matters, the fix"
)]
pub struct ExplainArgs {
    /// A code such as BT101, or a category such as html_entity.
    pub code: String,
}

fn parse_codes(flag: &str, values: &[String]) -> anyhow::Result<Vec<Code>> {
    let mut codes = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let found = Code::parse(v);
        if found.is_empty() {
            anyhow::bail!("unknown code or category `{v}` in {flag} (see `bitext explain CODE`)");
        }
        codes.extend(found);
    }
    Ok(codes)
}

/// Where `--fix-to DIR` puts the copy of `path`: the path made relative
/// (root and `..` dropped) under DIR.
fn copy_path(dir: &Path, path: &Path) -> PathBuf {
    let rel: PathBuf = path
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    dir.join(rel)
}

/// Files linted at a time: enough to keep every core busy, few enough that
/// the texts held at once stay small.
const CHUNK: usize = 256;

/// One file: its report, or the error that stopped it.
fn lint_one(path: &Path, opts: &LintOptions, repair: bool) -> Result<FileReport, String> {
    let name = path.to_string_lossy();
    if repair && path.as_os_str() == "-" {
        return Err("-: standard input cannot be repaired; give files to --fix or --fix-to".into());
    }
    let bytes = bitext::document::read_bytes(path).map_err(|e| e.to_string())?;
    lint_bytes(&name, &bytes, opts, repair).map_err(|e| e.to_string())
}

/// Run `bitext lint`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let opts = LintOptions {
        select: (!args.select.is_empty())
            .then(|| parse_codes("--select", &args.select))
            .transpose()?,
        ignore: parse_codes("--ignore", &args.ignore)?,
    };
    let repair = args.fix || args.fix_to.is_some();
    // Files are walked, linted and (for the line formats) reported a chunk
    // at a time, so memory does not grow with the number of files.
    let streamed = matches!(args.format, Format::Human | Format::Jsonl | Format::Github);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut tally = report::human::Tally::default();
    let (mut any_file, mut errored, mut failing, mut remaining) = (false, false, false, 0usize);
    let mut walk = bitext::document::walk_files(&args.paths);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut sources = Sources::new();
    let (mut fixed_files, mut fixes) = (0usize, 0usize);
    loop {
        let mut files: Vec<PathBuf> = Vec::with_capacity(CHUNK);
        for item in walk.by_ref() {
            match item {
                Ok(f) => files.push(f),
                Err(e) => {
                    report(e);
                    errored = true;
                }
            }
            if files.len() == CHUNK {
                break;
            }
        }
        if files.is_empty() {
            break;
        }
        any_file = true;
        let results: Vec<Result<FileReport, String>> = files
            .par_iter()
            .map(|f| lint_one(f, &opts, repair))
            .collect();
        for (file, result) in files.iter().zip(results) {
            let mut r = match result {
                Ok(r) => r,
                Err(e) => {
                    report(e);
                    errored = true;
                    continue;
                }
            };
            for p in &r.problems {
                report(p);
                errored = true;
            }
            if let Some(repaired) = &r.repaired {
                let target = match &args.fix_to {
                    Some(dir) => copy_path(dir, file),
                    None => file.clone(),
                };
                let needed = args.fix_to.is_some() || repaired.applied > 0;
                let written = if needed {
                    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                        if let Err(e) = std::fs::create_dir_all(parent) {
                            report(format_args!("{}: {e}; nothing written", parent.display()));
                            errored = true;
                        }
                    }
                    bitext::atomic::write(&target, &repaired.bytes)
                } else {
                    Ok(())
                };
                match written {
                    Ok(()) => {
                        if repaired.applied > 0 {
                            fixed_files += 1;
                            fixes += repaired.applied;
                        }
                        if args.fix_to.is_some() {
                            let copy = target.to_string_lossy().into_owned();
                            for d in &mut r.diagnostics {
                                d.location.path = copy.clone();
                            }
                            r.path = copy;
                        }
                    }
                    Err(e) => {
                        report(format_args!("{e}; the file was left as it was"));
                        errored = true;
                    }
                }
            }
            failing |= r.diagnostics.iter().any(|d| args.fail_on.fails(d.severity));
            remaining += r.diagnostics.len();
            if streamed {
                if !r.diagnostics.is_empty() {
                    let mut one = Sources::new();
                    one.add(r.path, r.text);
                    tally.add(&r.diagnostics);
                    match args.format {
                        Format::Human => {
                            report::human::write_diagnostics(&r.diagnostics, &one, &mut out)?
                        }
                        Format::Jsonl => report::jsonl::write(&r.diagnostics, &one, &mut out)?,
                        _ => report::github::write(&r.diagnostics, &one, &mut out)?,
                    }
                }
            } else if r.diagnostics.is_empty() {
                // JUnit lists clean files as passing cases; the others need
                // only the files with findings.
                if args.format == Format::Junit {
                    sources.add(r.path, String::new());
                }
            } else {
                sources.add(r.path, r.text);
                diags.append(&mut r.diagnostics);
            }
        }
    }
    if !any_file && !errored {
        report(
            "no input files (directories are searched for .txt, .jsonl, .ndjson and .json files)",
        );
        errored = true;
    }
    if streamed {
        if args.format == Format::Human {
            tally.write(&mut out)?;
        }
    } else {
        report::write_failing(args.format, &diags, &sources, args.fail_on, &mut out)?;
    }
    out.flush()?;
    if repair {
        say!(
            "bitext: fixed {fixes} finding{} in {fixed_files} file{}; {} remain{}",
            if fixes == 1 { "" } else { "s" },
            if fixed_files == 1 { "" } else { "s" },
            remaining,
            if remaining == 1 { "s" } else { "" }
        );
    }
    Ok(if errored {
        Status::Error
    } else if failing {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// Run `bitext explain`.
pub fn explain(args: ExplainArgs) -> anyhow::Result<Status> {
    let codes = Code::parse(&args.code);
    if codes.is_empty() {
        anyhow::bail!("unknown code or category `{}`", args.code);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for c in codes {
        writeln!(
            out,
            "{c} {} ({}, {})\n\n{}\n",
            c.title(),
            c.category(),
            c.severity().as_str(),
            c.explanation()
        )?;
    }
    out.flush()?;
    Ok(Status::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_mirror_relative_paths_under_the_directory() {
        let dir = Path::new("out");
        assert_eq!(
            copy_path(dir, Path::new("a/b.txt")),
            Path::new("out/a/b.txt")
        );
        assert_eq!(
            copy_path(dir, Path::new("/abs/c.txt")),
            Path::new("out/abs/c.txt")
        );
        assert_eq!(
            copy_path(dir, Path::new("../up/d.txt")),
            Path::new("out/up/d.txt")
        );
    }

    #[test]
    fn unknown_codes_are_rejected() {
        assert!(parse_codes("--select", &["BT999".into()]).is_err());
        assert_eq!(
            parse_codes("--select", &["BT101".into(), "mojibake".into()]).unwrap(),
            vec![Code::HtmlEntity, Code::Mojibake]
        );
    }
}

//! Reading a batch of inputs for any subcommand: errors are reported on
//! stderr as they happen, the rest of the batch goes on, and the caller learns
//! whether anything failed.

use bitext::document::{self, Document, ReadOptions};
use std::path::PathBuf;

/// Documents read from a batch of paths, and whether any input failed.
#[derive(Debug, Default)]
pub struct Batch {
    /// Documents, in input order (directories walked in sorted order).
    pub docs: Vec<Document>,
    /// True when a path was missing, unreadable, malformed or partly undecodable.
    pub errored: bool,
}

/// Print an input error the same way everywhere.
pub fn report(err: impl std::fmt::Display) {
    say!("bitext: error: {err}");
}

/// Read every file under `paths` (`-` is standard input).
pub fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Batch {
    let (files, errors) = document::collect_files(paths);
    read_files(paths, files, errors, opts)
}

/// Read the English and the Korean side of a job. A file found on both
/// sides (the same file by any path or link) is an error and is read on the
/// English side only, so no article is paired with itself.
pub fn read_sides(
    en: &[PathBuf],
    ko: &[PathBuf],
    en_opts: &ReadOptions,
    ko_opts: &ReadOptions,
) -> (Batch, Batch) {
    let (en_files, en_errors) = document::collect_files(en);
    let (ko_files, mut ko_errors) = document::collect_files(ko);
    let ids: std::collections::HashSet<String> = en_files
        .iter()
        .filter_map(|f| document::file_id(f))
        .collect();
    let ko_files: Vec<PathBuf> = ko_files
        .into_iter()
        .filter(|f| {
            let twice =
                f.as_os_str() != "-" && document::file_id(f).is_some_and(|i| ids.contains(&i));
            if twice {
                ko_errors.push(bitext::error::Error::invalid(
                    f,
                    "given as both English and Korean input; read as English only",
                ));
            }
            !twice
        })
        .collect();
    (
        read_files(en, en_files, en_errors, en_opts),
        read_files(ko, ko_files, ko_errors, ko_opts),
    )
}

/// Refuse collections given in the wrong order; warn about single articles
/// that read as the other side's language.
pub fn check_sides(en: &Batch, ko: &Batch, warn_misplaced: bool) -> anyhow::Result<()> {
    let check = bitext::collection::check_sides(&en.docs, &ko.docs);
    anyhow::ensure!(
        !check.swapped,
        "the English input reads as Korean and the Korean input as English; give the English articles first, then the Korean originals"
    );
    if warn_misplaced {
        for (side, i, lang) in check.misplaced {
            let doc = if side == "en" {
                &en.docs[i]
            } else {
                &ko.docs[i]
            };
            warn(format_args!(
                "{}: given as {} but reads as {lang}",
                doc.path,
                if side == "en" { "English" } else { "Korean" }
            ));
        }
    }
    Ok(())
}

/// Print a warning the same way everywhere.
pub fn warn(msg: impl std::fmt::Display) {
    say!("bitext: warning: {msg}");
}

fn read_files(
    paths: &[PathBuf],
    files: Vec<PathBuf>,
    errors: Vec<bitext::error::Error>,
    opts: &ReadOptions,
) -> Batch {
    let mut batch = Batch {
        docs: Vec::new(),
        errored: !errors.is_empty(),
    };
    for e in errors {
        report(e);
    }
    if files.is_empty() && !batch.errored {
        report(format_args!(
            "no input files under {}",
            display_paths(paths)
        ));
        batch.errored = true;
    }
    for f in files {
        match document::read_file_records(&f, opts) {
            Ok((docs, bad)) => {
                for e in bad {
                    report(e);
                    batch.errored = true;
                }
                for d in &docs {
                    if let Some(&first) = d.undecodable.first() {
                        report(format_args!(
                            "{}: {} undecodable byte sequence(s) in {}, first at byte {first}; replaced with U+FFFD",
                            d.path,
                            d.undecodable.len(),
                            d.encoding
                        ));
                        batch.errored = true;
                    }
                }
                batch.docs.extend(docs);
            }
            Err(e) => {
                report(e);
                batch.errored = true;
            }
        }
    }
    batch
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

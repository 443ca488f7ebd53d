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
    eprintln!("bitext: error: {err}");
}

/// Read every file under `paths` (`-` is standard input).
pub fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Batch {
    let (files, errors) = document::collect_files(paths);
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
        match document::read_file(&f, opts) {
            Ok(docs) => {
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

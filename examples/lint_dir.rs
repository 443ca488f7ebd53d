//! Lint every article of a directory for encoding debris (HTML entities,
//! mojibake, control characters, …) and print one line per finding.
//!
//! ```sh
//! cargo run --example lint_dir -- corpora/en
//! ```

use bitext::document::collect_files;
use bitext::lint::file::lint_bytes;
use bitext::lint::LintOptions;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpora/en".into());
    let (files, errors) = collect_files(&[PathBuf::from(&dir)]);
    for e in &errors {
        eprintln!("{e}");
    }
    let mut total = 0;
    for path in files {
        let name = path.to_string_lossy().into_owned();
        let report = lint_bytes(
            &name,
            &std::fs::read(&path)?,
            &LintOptions::default(),
            false,
        )?;
        for d in &report.diagnostics {
            println!("{name}: {:?} {}", d.code, d.message);
        }
        total += report.diagnostics.len();
    }
    println!("{total} findings");
    Ok(())
}

//! `bitext show`.

use super::{input, Status};
use bitext::document::ReadOptions;
use std::io::Write;

/// Print the parsed article as JSON: metadata, title, paragraphs and sentences
/// with byte spans, line:column and languages, boilerplate set aside, encoding found.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// An article (crawl format, plain text or JSON Lines), or `-` for standard input.
    pub file: std::path::PathBuf,
}

/// Run `bitext show`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let batch = input::read_all(std::slice::from_ref(&args.file), &ReadOptions::default());
    let mut out = std::io::stdout().lock();
    for doc in &batch.docs {
        serde_json::to_writer_pretty(&mut out, &doc.to_json())?;
        writeln!(out)?;
    }
    Ok(if batch.errored {
        Status::Error
    } else {
        Status::Ok
    })
}

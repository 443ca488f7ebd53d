//! `bitext segment`.

use super::{input, Status};
use bitext::document::ReadOptions;
use bitext::lang::Lang;
use std::io::Write;

/// Split text into sentences.
///
/// Reads an article (crawl format, plain text or JSON Lines) and prints the
/// sentences of its title and paragraphs. `lines` prints one sentence per line
/// (a line break inside a sentence becomes a space); `jsonl` prints
/// `{doc, index, lang, start, end, text}` with byte offsets into the input.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    pub file: std::path::PathBuf,
    /// Language rules to apply (`auto` detects per document).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SegFormat::Lines)]
    pub format: SegFormat,
    /// Input is already one sentence per line: keep the lines as they are.
    #[arg(long)]
    pub presegmented: bool,
}

/// `--lang` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    /// Detect the language of each document.
    Auto,
    /// English rules.
    En,
    /// Korean rules.
    Ko,
}

impl LangArg {
    /// The forced language, if any.
    pub fn forced(self) -> Option<Lang> {
        match self {
            LangArg::Auto => None,
            LangArg::En => Some(Lang::EN),
            LangArg::Ko => Some(Lang::KO),
        }
    }
}

/// `--format` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum SegFormat {
    /// One sentence per line.
    Lines,
    /// One JSON object per sentence.
    Jsonl,
}

/// Run `bitext segment`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let opts = ReadOptions {
        lang: args.lang.forced(),
        presegmented: args.presegmented,
        ..ReadOptions::default()
    };
    let batch = input::read_all(std::slice::from_ref(&args.file), &opts);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for doc in &batch.docs {
        for (index, s) in doc.sentences().enumerate() {
            let text = doc.slice(s.span);
            match args.format {
                SegFormat::Lines => writeln!(out, "{}", one_line(text))?,
                SegFormat::Jsonl => {
                    let row = serde_json::json!({
                        "doc": doc.path, "index": index, "lang": s.lang.code(),
                        "start": s.span.start, "end": s.span.end, "text": text,
                    });
                    serde_json::to_writer(&mut out, &row)?;
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if batch.errored {
        Status::Error
    } else {
        Status::Ok
    })
}

/// The sentence on one line: any line break becomes a space.
fn one_line(text: &str) -> String {
    text.split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect::<Vec<_>>()
        .join(" ")
}

//! `bitext detect`.

use super::{input, Status};
use bitext::document::{Document, ReadOptions};
use bitext::lang::{self, DetectOptions, Detection, Lang};
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Identify languages.
///
/// Prints the language (ISO 639-1, `und` when undecidable), a confidence in
/// [0, 1] and the script mix, one row per document, paragraph or sentence.
/// With `--lines`, every input line is its own text (lines split on `\n`
/// only) and rows come out in input order, language first.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input files or directories; `-` (the default) reads standard input.
    #[arg(default_value = "-")]
    pub files: Vec<PathBuf>,
    /// What one row describes.
    #[arg(long, value_enum, default_value_t = Level::Doc)]
    pub level: Level,
    /// Treat each input line as its own text.
    #[arg(long)]
    pub lines: bool,
    /// Restrict the candidates, e.g. `en,ko,fr`.
    #[arg(long, value_delimiter = ',')]
    pub langs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DetectFormat::Tsv)]
    pub format: DetectFormat,
}

/// `--level` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// One row per document (title and body).
    Doc,
    /// One row per paragraph.
    Paragraph,
    /// One row per sentence.
    Sentence,
}

/// `--format` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetectFormat {
    /// `lang<TAB>confidence<TAB>scripts<TAB>mixed<TAB>source<TAB>text`.
    Tsv,
    /// `{lang, confidence, scripts, mixed, source, text}` per row.
    Jsonl,
}

/// Run `bitext detect`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let mut langs = Vec::new();
    for code in args.langs.iter().filter(|c| !c.trim().is_empty()) {
        langs.push(
            Lang::from_code(code)
                .ok_or_else(|| anyhow::anyhow!("unknown language code `{code}` in --langs"))?,
        );
    }
    let opts = DetectOptions {
        langs: (!langs.is_empty()).then_some(langs),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut errored = false;
    if args.lines {
        for path in &args.files {
            if let Err(e) = detect_lines(path, &opts, args.format, &mut out) {
                input::report(format_args!("{}: {e}", path.display()));
                errored = true;
            }
        }
    } else {
        let batch = input::read_all(&args.files, &ReadOptions::default());
        errored = batch.errored;
        for doc in &batch.docs {
            for (source, text) in units(doc, args.level) {
                write_row(
                    &mut out,
                    args.format,
                    &lang::detect(&text, &opts),
                    &source,
                    &text,
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if errored { Status::Error } else { Status::Ok })
}

/// The texts one row each describes, with a `path:line:col` source.
fn units(doc: &Document, level: Level) -> Vec<(String, String)> {
    let index = doc.line_index();
    let at = |offset| {
        let (line, col) = index.line_col(&doc.text, offset);
        format!("{}:{}:{col}", doc.path, line + doc.line - 1)
    };
    let blocks = doc.title.iter().chain(&doc.paragraphs);
    match level {
        Level::Doc => {
            let text: Vec<&str> = blocks.map(|b| doc.slice(b.span)).collect();
            vec![(doc.path.clone(), text.join("\n"))]
        }
        Level::Paragraph => blocks
            .map(|b| (at(b.span.start), doc.slice(b.span).to_owned()))
            .collect(),
        Level::Sentence => doc
            .sentences()
            .map(|s| (at(s.span.start), doc.slice(s.span).to_owned()))
            .collect(),
    }
}

fn detect_lines(
    path: &PathBuf,
    opts: &DetectOptions,
    format: DetectFormat,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(path)?))
    };
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line?;
        let text = String::from_utf8_lossy(&line);
        let text = text.strip_suffix('\r').unwrap_or(&text);
        let source = format!("{}:{}", path.display(), i + 1);
        write_row(out, format, &lang::detect(text, opts), &source, text)?;
    }
    Ok(())
}

fn write_row(
    out: &mut impl Write,
    format: DetectFormat,
    d: &Detection,
    source: &str,
    text: &str,
) -> std::io::Result<()> {
    let s = &d.scripts;
    match format {
        DetectFormat::Tsv => {
            let scripts = format!(
                "hangul={:.2},han={:.2},kana={:.2},latin={:.2},other={:.2}",
                s.hangul, s.han, s.kana, s.latin, s.other
            );
            let flat: String = text
                .chars()
                .map(|c| {
                    if c == '\t' || c == '\n' || c == '\r' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            writeln!(
                out,
                "{}\t{:.3}\t{scripts}\t{}\t{source}\t{flat}",
                d.lang, d.confidence, d.mixed
            )
        }
        DetectFormat::Jsonl => {
            let row = serde_json::json!({
                "lang": d.lang.code(), "confidence": d.confidence, "scripts": d.scripts,
                "mixed": d.mixed, "source": source, "text": text,
            });
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)
        }
    }
}

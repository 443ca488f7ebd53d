//! `bitext align`.

use super::{input, Status};
use bitext::align::{align, implausible_counts, AlignOptions, Profile};
use bitext::collection::{align_collections, CollectionOptions};
use bitext::corpus::{self, Format, Row, WriteOptions};
use bitext::document::{Document, ReadOptions};
use bitext::lang::{self, Lang};
use std::io::Write;
use std::path::PathBuf;

/// Align sentences: of two directories of articles (paired first, the main
/// job: `bitext align corpora/en corpora/ko -o parallel.csv`), or of one
/// English article and its Korean original.
///
/// With two directories, the English articles are paired with their Korean
/// originals (as `bitext pair` does), every pair is aligned, and one corpus
/// is written, with a summary on standard error. Every sentence of both articles appears exactly once in the output, in
/// order: in an aligned bead, or alone with the other side empty. Each bead
/// has a score in [0, 1], its posterior probability under the alignment model.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// English article (crawl format, plain text or JSON Lines; `-` reads
    /// standard input), or a directory of English articles.
    pub en: PathBuf,
    /// Korean article in the same formats, or a directory of Korean articles.
    pub ko: PathBuf,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Csv)]
    pub format: OutFormat,
    /// Inputs are plain files with one sentence per line, used as they are.
    #[arg(long)]
    pub presegmented: bool,
    /// CSV for spreadsheets: byte-order mark, cells starting with = + - @ neutralised.
    #[arg(long)]
    pub excel: bool,
    /// Do not learn a translation lexicon from the documents for the second
    /// pass (which still re-estimates the model); a little faster.
    #[arg(long)]
    pub no_realign: bool,
    /// Languages of the two inputs, first side then second, as ISO 639
    /// codes (`en,ko`, `de,fr`). By default they are detected. English with
    /// Korean uses the built-in English–Korean knowledge (number units,
    /// particles, romanised names, glossary); any other pair is aligned on
    /// what the documents themselves teach: shared words and cognates,
    /// numbers, and a translation lexicon learned from a first alignment.
    #[arg(long, value_name = "A,B", value_parser = parse_langs)]
    pub langs: Option<(Lang, Lang)>,
}

fn parse_langs(s: &str) -> Result<(Lang, Lang), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("expected two language codes separated by a comma, got `{s}`"))?;
    let code =
        |c: &str| Lang::from_code(c).ok_or_else(|| format!("unknown language code `{}`", c.trim()));
    Ok((code(a)?, code(b)?))
}

/// `--format` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum OutFormat {
    /// RFC 4180 CSV with header en_doc,ko_doc,en_idx,ko_idx,en,ko,bead,score.
    Csv,
    /// Moses-style en<TAB>ko.
    Tsv,
    /// One JSON object per bead.
    Jsonl,
    /// TMX 1.4b translation memory.
    Tmx,
}

impl From<OutFormat> for Format {
    fn from(f: OutFormat) -> Format {
        match f {
            OutFormat::Csv => Format::Csv,
            OutFormat::Tsv => Format::Tsv,
            OutFormat::Jsonl => Format::Jsonl,
            OutFormat::Tmx => Format::Tmx,
        }
    }
}

use input::warn;

/// The name a document goes by in the output.
fn doc_name(d: &Document, records: usize) -> String {
    if let Some(id) = d.meta_value("id").filter(|v| !v.trim().is_empty()) {
        return id.to_string();
    }
    if records > 1 {
        format!("{}:{}", d.path, d.line)
    } else {
        d.path.clone()
    }
}

fn sentences(d: &Document) -> Vec<&str> {
    d.sentences().map(|s| d.slice(s.span)).collect()
}

/// The language a side reads as ([`Lang::UND`] when undecidable), with a
/// warning for a side without sentences.
fn detect_language(d: &Document, texts: &[&str]) -> Lang {
    if texts.is_empty() {
        warn(format_args!("{}: no sentences", d.path));
        return Lang::UND;
    }
    // A few thousand characters tell the language; more only cost time.
    let mut sample = String::new();
    for t in texts {
        if sample.len() > 4000 {
            break;
        }
        sample.push_str(t);
        sample.push(' ');
    }
    lang::detect_simple(&sample)
}

/// The profile for a document pair: the one `--langs` names, or the one
/// the detected languages call for (English–Korean when a side is
/// undecidable), with a note when the pair is not English–Korean.
fn choose_profile(
    langs: Option<(Lang, Lang)>,
    (de, se): (&Document, &[&str]),
    (dk, sk): (&Document, &[&str]),
) -> Profile {
    if let Some((a, b)) = langs {
        return Profile::for_langs(a, b);
    }
    let (a, b) = (detect_language(de, se), detect_language(dk, sk));
    // Korean on the second side is unmistakable (Hangul); the first side is
    // taken for English unless it reads as a CJK language, since short or
    // name-heavy English is easily read as another Latin-script language.
    let korean = b == Lang::KO || b == Lang::UND;
    if korean && ![Lang::KO, Lang::JA, Lang::ZH].contains(&a) {
        if a != Lang::EN && a != Lang::UND {
            warn(format_args!(
                "{}: expected English text but it reads as {a}; aligning it as English with the Korean side",
                de.path
            ));
        }
        return Profile::EnKo;
    }
    let profile = Profile::for_langs(a, b);
    {
        eprintln!(
            "bitext: note: {} reads as {a} and {} as {b}: aligning without the English–Korean profile, on lengths, shared words, numbers and a lexicon learned from the documents (--langs sets the pair)",
            de.path, dk.path
        );
    }
    profile
}

/// Run `bitext align`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if let Some(out) = &args.output {
        bitext::atomic::refuse_input(out, &[args.en.clone(), args.ko.clone()])?;
    }
    if args.en.is_dir() && args.ko.is_dir() {
        return run_collections(&args);
    }
    if args.en.is_dir() || args.ko.is_dir() {
        anyhow::bail!(
            "give two articles, or two directories (English, then Korean) to pair and align; got {} and {}",
            args.en.display(),
            args.ko.display()
        );
    }
    let read = |path: &PathBuf, lang: Lang| {
        // An empty file is an input error (as in every command), but the
        // batch goes on: the other side's sentences are all kept, unaligned.
        if path.as_os_str() != "-"
            && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0)
        {
            let doc = Document {
                path: path.to_string_lossy().into_owned(),
                line: 1,
                format: bitext::document::Format::Lines,
                encoding: "UTF-8",
                bom: false,
                undecodable: Vec::new(),
                text: String::new(),
                meta: Vec::new(),
                title: None,
                paragraphs: Vec::new(),
                boilerplate: Vec::new(),
                lang,
            };
            input::report(format_args!("{}: empty file", path.display()));
            return input::Batch {
                docs: vec![doc],
                errored: true,
            };
        }
        input::read_all(
            std::slice::from_ref(path),
            &ReadOptions {
                lang: Some(lang),
                presegmented: args.presegmented,
                ..ReadOptions::default()
            },
        )
    };
    if args.en.as_os_str() != "-"
        && bitext::document::file_id(&args.en)
            .is_some_and(|id| bitext::document::file_id(&args.ko) == Some(id))
    {
        anyhow::bail!(
            "{} and {} are the same file; give the English article, then its Korean original",
            args.en.display(),
            args.ko.display()
        );
    }
    let (lang_a, lang_b) = args.langs.unwrap_or((Lang::EN, Lang::KO));
    let en = read(&args.en, lang_a);
    let ko = read(&args.ko, lang_b);
    if args.langs.is_none() {
        input::check_sides(&en, &ko, false)?;
    }
    let mut status = if en.errored || ko.errored {
        Status::Error
    } else {
        Status::Ok
    };
    if en.docs.is_empty() || ko.docs.is_empty() {
        return Ok(Status::Error);
    }
    if en.docs.len() != ko.docs.len() {
        anyhow::bail!(
            "{} holds {} documents and {} holds {}; give one article on each side, or the same number of records to align in order",
            args.en.display(),
            en.docs.len(),
            args.ko.display(),
            ko.docs.len()
        );
    }
    let mut rows = Vec::new();
    for (de, dk) in en.docs.iter().zip(&ko.docs) {
        let (se, sk) = (sentences(de), sentences(dk));
        let opts = AlignOptions {
            realign: !args.no_realign,
            profile: choose_profile(args.langs, (de, &se), (dk, &sk)),
            ..AlignOptions::default()
        };
        if let Some(why) = implausible_counts(se.len(), sk.len()) {
            warn(format_args!("{} and {}: {why}", de.path, dk.path));
        }
        let (ne, nk) = (doc_name(de, en.docs.len()), doc_name(dk, ko.docs.len()));
        for b in align(&se, &sk, &opts) {
            rows.push(Row::from_bead(&ne, &nk, &b, &se, &sk));
        }
    }
    if !write_rows(&args, &rows)? {
        status = Status::Error;
    }
    Ok(status)
}

/// `bitext align EN_DIR KO_DIR`: pair the collections, align every pair, write
/// one corpus and print a summary on stderr.
fn run_collections(args: &Args) -> anyhow::Result<Status> {
    let opts = |lang| ReadOptions {
        lang: Some(lang),
        presegmented: args.presegmented,
        ..ReadOptions::default()
    };
    let (en, ko) = input::read_sides(
        std::slice::from_ref(&args.en),
        std::slice::from_ref(&args.ko),
        &opts(Lang::EN),
        &opts(Lang::KO),
    );
    input::check_sides(&en, &ko, true)?;
    let opts = CollectionOptions {
        align: AlignOptions {
            realign: !args.no_realign,
            ..AlignOptions::default()
        },
        ..CollectionOptions::default()
    };
    let found = align_collections(&en.docs, &ko.docs, &opts);
    for note in &found.notes {
        say!("bitext: note: {note}");
    }
    let rows = found.rows(&en.docs, &ko.docs, |d| d.path.clone());
    let mut status = if en.errored || ko.errored {
        Status::Error
    } else {
        Status::Ok
    };
    if !write_rows(args, &rows)? {
        status = Status::Error;
    }
    let s = found.summary();
    let errors = if status == Status::Error {
        "yes (see above)"
    } else {
        "none"
    };
    say!(
        "bitext: read {} English and {} Korean articles; paired {}; unpaired {} English, {} Korean\n\
         bitext: aligned {} English and {} Korean sentences in {} rows: {} linked, {} 1-0 (English only), {} 0-1 (Korean only); input errors: {errors}",
        en.docs.len(),
        ko.docs.len(),
        found.pairs.len(),
        found.unpaired_en.len(),
        found.unpaired_ko.len(),
        s.en_sentences,
        s.ko_sentences,
        rows.len(),
        s.linked_beads,
        s.en_only,
        s.ko_only,
    );
    Ok(status)
}

/// Write the corpus to `-o FILE` (atomically) or standard output. A file that
/// cannot be written is reported here and gives `Ok(false)`.
fn write_rows(args: &Args, rows: &[Row]) -> anyhow::Result<bool> {
    let format = Format::from(args.format);
    let wopts = WriteOptions { excel: args.excel };
    if args.excel && format != Format::Csv {
        warn("--excel applies to CSV output only");
    }
    match &args.output {
        Some(path) => {
            if let Err(e) =
                bitext::atomic::write_with(path, |w| corpus::write_with(format, rows, w, &wopts))
            {
                input::report(&e);
                return Ok(false);
            }
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            corpus::write_with(format, rows, &mut w, &wopts)?;
            w.flush()?;
        }
    }
    Ok(true)
}

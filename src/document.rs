//! Reading articles: the crawl format, plain text, JSON Lines and
//! one-sentence-per-line files, in UTF-8, UTF-16 or EUC-KR/CP949.
//!
//! A [`Document`] keeps the decoded text whole and describes it with byte
//! [`Span`]s: front-matter fields, the title, paragraphs (each split into
//! [`Sentence`]s) and the boilerplate lines set aside. The reader never alters
//! text: an `&#x27;` stays as it is for the linter to report.
//!
//! For crawl, plain-text and line files, `text` is the file's content after
//! decoding (a UTF-8 file without BOM is byte-for-byte the file, so spans are
//! file offsets). For JSON Lines, each record becomes a document whose `text`
//! is the decoded title and body joined by a blank line, and whose `line` is the
//! record's line in the file.
//!
//! ```
//! use bitext::document::{parse_bytes, ReadOptions};
//! let raw = "---\ntitle: \"Chips\"\npublished_at: 2025-12-29 09:00\n---\n\n# Chips\n\n---\n\nExports rose. Mr. Kim said so.\n\n---\n\n*Crawled at: 2025-12-29 11:00:00*\n";
//! let docs = parse_bytes("a.txt", raw.as_bytes(), &ReadOptions::default())?;
//! let doc = &docs[0];
//! assert_eq!(doc.meta_value("published_at"), Some("2025-12-29 09:00"));
//! let sentences: Vec<&str> = doc.sentences().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Chips", "Exports rose.", "Mr. Kim said so."]);
//! # Ok::<(), bitext::error::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::lang::{self, Lang};
use crate::segment;
use crate::span::{LineIndex, Span};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The input format of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Front matter, markdown title, byline, body and crawl footer.
    Crawl,
    /// Plain text; paragraphs are separated by blank lines.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One sentence per line, used as it is (`--presegmented`).
    Lines,
}

/// One sentence: a span of the document's text and its language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Detected language.
    pub lang: Lang,
    /// True when the sentence mixes scripts of two languages (Hangul inside English, say).
    pub mixed: bool,
}

/// A title or paragraph with its sentences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    /// Bytes of the block.
    pub span: Span,
    /// Its sentences, in order; the gaps between them are whitespace.
    pub sentences: Vec<Sentence>,
}

/// A front-matter field. Values may span several indented lines; they are kept raw.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    /// The key, e.g. `published_at` (unknown keys are kept too).
    pub key: String,
    /// The value with surrounding whitespace and double quotes removed.
    pub value: String,
    /// Bytes of the whole `key: value` entry, continuation lines included.
    pub span: Span,
}

/// What a boilerplate line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// The front matter between `---` lines.
    FrontMatter,
    /// The `**publisher** | date |` line.
    Byline,
    /// A `---` rule.
    Rule,
    /// `*Crawled at: …*`, `*Source: …*`.
    Footer,
}

/// A line kept out of the text the later stages see.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Boilerplate {
    /// Its kind.
    pub kind: BoilerplateKind,
    /// Its bytes.
    pub span: Span,
}

/// A parsed article.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// 1-based line in the file where the document starts (records of JSON Lines).
    pub line: usize,
    /// Input format.
    pub format: Format,
    /// Encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `EUC-KR`, …).
    pub encoding: &'static str,
    /// True when the file began with a byte-order mark (not part of `text`).
    pub bom: bool,
    /// Byte offsets (in the file) of bytes that could not be decoded.
    pub undecodable: Vec<usize>,
    /// The decoded text, in Unicode NFC ([`crate::ko::normalize`]), that every
    /// span indexes. It is the file's text byte for byte unless the file held
    /// decomposed characters.
    #[serde(skip)]
    pub text: String,
    /// Front-matter fields (or JSON fields other than title and body), in file order.
    pub meta: Vec<Field>,
    /// The title, if any.
    pub title: Option<Block>,
    /// The body paragraphs.
    pub paragraphs: Vec<Block>,
    /// Lines set aside as boilerplate.
    pub boilerplate: Vec<Boilerplate>,
    /// The language of the title and body.
    pub lang: Lang,
}

/// How to read files.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Force the language instead of detecting it.
    pub lang: Option<Lang>,
    /// Read plain files as one sentence per line.
    pub presegmented: bool,
    /// Stop at the title and paragraphs: no sentences, no sentence
    /// languages (for callers that read blocks only, such as pairing).
    pub blocks_only: bool,
}

impl Document {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The title's sentences, then every paragraph's, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.title
            .iter()
            .chain(&self.paragraphs)
            .flat_map(|b| &b.sentences)
    }

    /// The value of a front-matter field.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
    }

    /// The publication date and time (`YYYY-MM-DD HH:MM` or a prefix), from
    /// `published_at` (crawl format) or `published_at`/`date` (JSON Lines).
    pub fn published(&self) -> Option<&str> {
        self.meta_value("published_at")
            .or_else(|| self.meta_value("date"))
            .filter(|v| !v.is_empty())
    }

    /// A line index over `text`.
    pub fn line_index(&self) -> LineIndex {
        LineIndex::new(&self.text)
    }

    /// Bytes the file has before `text` starts (a UTF-8 byte-order mark).
    /// Every offset bitext reports is into the decoded text, which never
    /// holds the mark; `span.start + bom_len()` is the file offset of a
    /// UTF-8 file.
    pub fn bom_len(&self) -> usize {
        if self.bom && self.encoding == "UTF-8" {
            3
        } else {
            0
        }
    }

    /// The whole parsed document as JSON, with each span's text, line and column.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let index = self.line_index();
        // Spans come in text order: a cursor keeps a megabyte line linear.
        let columns = std::cell::RefCell::new(index.columns(&self.text));
        let loc = |span: Span| {
            let (line, column) = columns.borrow_mut().line_col(span.start);
            json!({ "start": span.start, "end": span.end, "line": line + self.line - 1, "column": column })
        };
        let block = |b: &Block| {
            json!({
                "span": loc(b.span),
                "text": self.slice(b.span),
                "sentences": b.sentences.iter().map(|s| json!({
                    "span": loc(s.span), "text": self.slice(s.span), "lang": s.lang.code(), "mixed": s.mixed,
                })).collect::<Vec<_>>(),
            })
        };
        json!({
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "bom": self.bom,
            "undecodable": self.undecodable,
            "lang": self.lang.code(),
            "meta": self.meta.iter().map(|f| json!({ "key": f.key, "value": f.value, "span": loc(f.span) })).collect::<Vec<_>>(),
            "title": self.title.as_ref().map(block),
            "paragraphs": self.paragraphs.iter().map(block).collect::<Vec<_>>(),
            "boilerplate": self.boilerplate.iter().map(|b| json!({ "kind": b.kind, "span": loc(b.span), "text": self.slice(b.span) })).collect::<Vec<_>>(),
        })
    }
}

/// True for the file names a directory walk takes as articles.
pub fn is_article_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "jsonl" | "ndjson" | "json"
        )
    })
}

/// Expand `paths`: files are kept, directories are walked recursively in
/// sorted order (hidden entries skipped, only `.txt`, `.jsonl`, `.ndjson`,
/// `.json` files taken). See [`walk_files`], which this collects.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for item in walk_files(paths) {
        match item {
            Ok(p) => files.push(p),
            Err(e) => errors.push(e),
        }
    }
    (files, errors)
}

/// The files under `paths`, one at a time, so a walk over a million files
/// holds one path at a time: files are kept, directories are walked
/// recursively in sorted order (hidden entries skipped, only `.txt`,
/// `.jsonl`, `.ndjson`, `.json` files taken). Symbolic links are followed,
/// but a link back to a directory being walked is an error instead of a walk
/// without end, and a file reached through a link is taken only when no
/// other path reaches it (so no file is read twice). Missing paths,
/// unreadable directories and entries that cannot be examined (a path too
/// long for the system, …) are errors; the walk goes on after each.
pub fn walk_files(paths: &[PathBuf]) -> WalkFiles {
    WalkFiles {
        paths: paths.to_vec(),
        next: 0,
        current: None,
        roots: paths
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect(),
        linked: Default::default(),
        link_depth: None,
    }
}

/// A directory walk without hidden entries.
type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// The iterator of [`walk_files`].
pub struct WalkFiles {
    paths: Vec<PathBuf>,
    next: usize,
    current: Option<(PathBuf, Walk)>,
    /// The inputs, canonical: a linked file inside one is reached directly.
    roots: Vec<PathBuf>,
    /// Files reached through links, canonical, to take each once.
    linked: std::collections::HashSet<PathBuf>,
    /// Depth of the linked directory the walk is inside, if any.
    link_depth: Option<usize>,
}

fn not_hidden(e: &walkdir::DirEntry) -> bool {
    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
}

impl WalkFiles {
    /// Take `path`, reached through a link, unless another path reaches it.
    fn take_linked(&mut self, path: PathBuf) -> Option<PathBuf> {
        let real = std::fs::canonicalize(&path).ok()?;
        let direct = self.roots.iter().any(|r| real.starts_with(r) && real != *r)
            && !self.roots.contains(&real);
        if direct || !self.linked.insert(real) {
            return None;
        }
        Some(path)
    }
}

impl Iterator for WalkFiles {
    type Item = Result<PathBuf>;

    fn next(&mut self) -> Option<Result<PathBuf>> {
        loop {
            if let Some((root, walk)) = &mut self.current {
                let Some(entry) = walk.next() else {
                    self.current = None;
                    continue;
                };
                let e = match entry {
                    Ok(e) => e,
                    Err(e) => return Some(Err(walk_error(root, e))),
                };
                if self.link_depth.is_some_and(|d| e.depth() <= d) {
                    self.link_depth = None;
                }
                if e.file_type().is_dir() {
                    if e.path_is_symlink() && self.link_depth.is_none() {
                        self.link_depth = Some(e.depth());
                    }
                    continue;
                }
                if !is_article_file(e.path()) {
                    continue;
                }
                let through_link = e.path_is_symlink() || self.link_depth.is_some();
                let path = e.into_path();
                if through_link {
                    match self.take_linked(path) {
                        Some(p) => return Some(Ok(p)),
                        None => continue,
                    }
                }
                return Some(Ok(path));
            }
            let p = self.paths.get(self.next)?.clone();
            self.next += 1;
            if p.as_os_str() == "-" {
                return Some(Ok(p));
            }
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => {
                    let filter: fn(&walkdir::DirEntry) -> bool = not_hidden;
                    let walk = walkdir::WalkDir::new(&p)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_entry(filter);
                    self.link_depth = None;
                    self.current = Some((p, walk));
                }
                Ok(_) => return Some(Ok(p)),
                Err(e) => return Some(Err(Error::io(&p, e))),
            }
        }
    }
}

/// What identifies the file at `path` whatever path or link names it: its
/// device and inode (the canonical path where there are no inodes); `None`
/// when it cannot be examined.
pub fn file_id(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| format!("{}:{}", m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path)
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
    }
}

fn walk_error(root: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        return Error::invalid(
            path,
            format!(
                "symbolic link loop back to {}; not walked again",
                ancestor.display()
            ),
        );
    }
    match e.into_io_error() {
        Some(io) => Error::io(path, io),
        None => Error::invalid(path, "cannot walk this entry"),
    }
}

/// Read and parse one file (`-` reads standard input). A malformed record
/// of a JSON Lines file fails the whole file here; [`read_file_records`]
/// keeps the good records.
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<Document>> {
    let (docs, mut errors) = read_file_records(path, opts)?;
    match errors.is_empty() {
        true => Ok(docs),
        false => Err(errors.swap_remove(0)),
    }
}

/// The largest input file bitext reads: 256 MiB. Every stage is linear in
/// the input, but a file is held in memory whole (with its decoded text and
/// sentence spans, a few times its size), so a larger one is refused with an
/// error naming it instead of exhausting memory. Lines have no limit of their
/// own: a line may be as long as the file.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Read the bytes of `path` (`-` reads standard input), refusing more than
/// [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let too_big = |n: u64| {
        Error::invalid(
            path,
            format!(
                "file of {} MiB is larger than the {} MiB limit; split it",
                n >> 20,
                MAX_FILE_BYTES >> 20
            ),
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, e))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let len = f.metadata().map(|m| m.len()).unwrap_or(0);
        if len > MAX_FILE_BYTES {
            return Err(too_big(len));
        }
        f.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, e))?;
    }
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(buf.len() as u64));
    }
    Ok(buf)
}

/// Read and parse one file, keeping every good record of a JSON Lines file:
/// the documents, and an error (naming `file:line`) per record that could
/// not be read. An error for the whole file (unreadable, binary, empty, no
/// good record) is the `Err`.
pub fn read_file_records(path: &Path, opts: &ReadOptions) -> Result<(Vec<Document>, Vec<Error>)> {
    let bytes = read_bytes(path)?;
    parse_bytes_records(&path.to_string_lossy(), &bytes, opts)
}

/// Decoded text and what the decoder found.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text, without byte-order mark.
    pub text: String,
    /// The encoding's name.
    pub encoding: &'static str,
    /// True when a byte-order mark was removed.
    pub bom: bool,
    /// File offsets of undecodable bytes.
    pub undecodable: Vec<usize>,
}

/// Decode bytes: a BOM decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8 is
/// UTF-8, and text that is valid EUC-KR/CP949 and reads as Korean is CP949.
/// Anything else is decoded as UTF-8 with the bad bytes' offsets recorded.
/// Binary content (NUL bytes outside UTF-16) is an error.
pub fn decode(path: &str, bytes: &[u8]) -> Result<Decoded> {
    use encoding_rs::{EUC_KR, UTF_16BE, UTF_16LE};
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let undecodable = if had_errors {
            vec![bom_len]
        } else {
            Vec::new()
        };
        let name = if enc == UTF_16LE || enc == UTF_16BE {
            enc.name()
        } else {
            "UTF-8"
        };
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: name,
            bom: true,
            undecodable,
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(Error::invalid(
            path,
            "binary file (contains NUL bytes); not a text article",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
            bom: false,
            undecodable: Vec::new(),
        }),
        Err(_) => {
            if let Some(text) = EUC_KR.decode_without_bom_handling_and_without_replacement(bytes) {
                if reads_as_korean(&text) {
                    return Ok(Decoded {
                        text: text.into_owned(),
                        encoding: "EUC-KR",
                        bom: false,
                        undecodable: vec![],
                    });
                }
            }
            let undecodable = utf8_error_offsets(bytes);
            let text = String::from_utf8_lossy(bytes).into_owned();
            Ok(Decoded {
                text,
                encoding: "UTF-8",
                bom: false,
                undecodable,
            })
        }
    }
}

/// True when most non-ASCII characters are Hangul syllables or common
/// punctuation, which is what real CP949 text decodes to (random bytes decode
/// to rare Hanja and symbols).
fn reads_as_korean(text: &str) -> bool {
    let (mut korean, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if crate::ko::is_syllable(c) || "“”‘’·…《》「」『』〈〉【】※○●■□▲△→".contains(c)
        {
            korean += 1;
        } else {
            other += 1;
        }
    }
    korean > 0 && korean >= 4 * other
}

fn utf8_error_offsets(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(_) => break,
            Err(e) => {
                let bad = pos + e.valid_up_to();
                out.push(bad);
                pos = bad + e.error_len().unwrap_or(bytes.len() - bad).max(1);
            }
        }
    }
    out
}

/// Parse the bytes of one file named `path` (used in spans and messages).
/// A malformed JSON Lines record fails the whole file here; see
/// [`parse_bytes_records`].
pub fn parse_bytes(path: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Document>> {
    let (docs, mut errors) = parse_bytes_records(path, bytes, opts)?;
    match errors.is_empty() {
        true => Ok(docs),
        false => Err(errors.swap_remove(0)),
    }
}

/// [`parse_bytes`], keeping the good records of a JSON Lines file and an
/// error for each bad one.
pub fn parse_bytes_records(
    path: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<(Vec<Document>, Vec<Error>)> {
    if bytes.is_empty() {
        return Err(Error::invalid(path, "empty file"));
    }
    let decoded = decode(path, bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(Error::invalid(path, "file holds only whitespace"));
    }
    let mut base = Document {
        path: path.to_owned(),
        line: 1,
        format: Format::Text,
        encoding: decoded.encoding,
        bom: decoded.bom,
        undecodable: decoded.undecodable,
        text: String::new(),
        meta: Vec::new(),
        title: None,
        paragraphs: Vec::new(),
        boilerplate: Vec::new(),
        lang: Lang::UND,
    };
    // Korean stored decomposed (NFD) reads like composed text to a person but
    // shares no code point with it: compose it before anything looks at it.
    let text = crate::ko::nfc_string(decoded.text);
    let lower = path.to_ascii_lowercase();
    if opts.presegmented {
        base.format = Format::Lines;
        base.text = text;
        parse_lines(&mut base);
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
        return parse_jsonl(&base, &text, opts);
    } else if text.starts_with("---\n") || text.starts_with("---\r\n") {
        base.format = Format::Crawl;
        base.text = text;
        parse_crawl(&mut base)?;
    } else {
        base.text = text;
        let whole = Span::new(0, base.text.len());
        base.paragraphs = paragraphs(&base.text, whole);
    }
    finish(&mut base, opts);
    Ok((vec![base], Vec::new()))
}

/// Lines of `text` within `span` as (span without line end) items.
fn lines_in(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut pos = span.start;
    std::iter::from_fn(move || {
        if pos >= span.end {
            return None;
        }
        let rest = &text[pos..span.end];
        let (len, next) = match rest.find('\n') {
            Some(i) => (i, pos + i + 1),
            None => (rest.len(), span.end),
        };
        let mut line = Span::new(pos, pos + len);
        if text[line.range()].ends_with('\r') {
            line.end -= 1;
        }
        pos = next;
        Some(line)
    })
}

/// Paragraphs of `span`: runs of non-blank lines.
fn paragraphs(text: &str, span: Span) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines_in(text, span) {
        if text[line.range()].trim().is_empty() {
            out.extend(current.take().map(block));
        } else {
            current = Some(match current {
                Some(c) => Span::new(c.start, line.end),
                None => line,
            });
        }
    }
    out.extend(current.map(block));
    out
}

fn block(span: Span) -> Block {
    Block {
        span,
        sentences: Vec::new(),
    }
}

fn parse_lines(doc: &mut Document) {
    let whole = Span::new(0, doc.text.len());
    let mut spans: Vec<Span> = lines_in(&doc.text, whole).collect();
    // A final newline ends the last line; it does not start an empty one.
    if spans
        .last()
        .is_some_and(|s| s.is_empty() && s.start == doc.text.len())
    {
        spans.pop();
    }
    doc.paragraphs = spans
        .into_iter()
        .map(|line| {
            let t = &doc.text[line.range()];
            let lead = t.len() - t.trim_start().len();
            let span = Span::new(line.start + lead, line.start + lead + t.trim().len());
            Block {
                span: line,
                sentences: vec![Sentence {
                    span,
                    lang: Lang::UND,
                    mixed: false,
                }],
            }
        })
        .collect();
}

fn parse_crawl(doc: &mut Document) -> Result<()> {
    let text = doc.text.as_str();
    let whole = Span::new(0, text.len());
    let mut lines = lines_in(text, whole);
    let open = lines.next().unwrap_or_default();
    // Front matter: `key: value`, continuation lines indented or blank.
    let mut close = None;
    let mut fields: Vec<Field> = Vec::new();
    for line in lines.by_ref() {
        let s = &text[line.range()];
        if s.trim_end() == "---" {
            close = Some(line);
            break;
        }
        let starts_key = s
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        match (starts_key, s.find(':')) {
            (true, Some(colon)) => fields.push(Field {
                key: s[..colon].trim().to_owned(),
                value: String::new(),
                span: Span::new(line.start, line.end),
            }),
            _ => match fields.last_mut() {
                Some(f) => f.span.end = line.end,
                None if s.trim().is_empty() => {}
                None => {
                    let ln = LineIndex::new(text).line(line.start);
                    return Err(Error::parse(
                        &doc.path,
                        ln,
                        format!("front matter line is not `key: value`: {s:?}"),
                    ));
                }
            },
        }
    }
    let Some(close) = close else {
        return Err(Error::parse(
            &doc.path,
            1,
            "front matter opened with `---` never closes",
        ));
    };
    for f in &mut fields {
        let raw = &text[f.span.range()];
        let v = raw.split_once(':').map_or("", |(_, v)| v);
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        f.value = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .map(str::to_owned)
            .unwrap_or(v);
    }
    doc.meta = fields;
    doc.boilerplate.push(Boilerplate {
        kind: BoilerplateKind::FrontMatter,
        span: Span::new(open.start, close.end),
    });

    // Body: classify each line; everything that is not boilerplate is text.
    let body_start = (close.end + 1).min(text.len());
    let mut para: Option<Span> = None;
    let mut paras = Vec::new();
    for line in lines_in(text, Span::new(body_start, text.len())) {
        let s = text[line.range()].trim();
        let kind = if s.is_empty() {
            None
        } else if s == "---" {
            Some(BoilerplateKind::Rule)
        } else if s.starts_with("*Crawled at:") || s.starts_with("*Source:") {
            Some(BoilerplateKind::Footer)
        } else if doc.title.is_none() && paras.is_empty() && para.is_none() && s.starts_with("# ") {
            let start = line.start + text[line.range()].find("# ").unwrap_or(0) + 2;
            let t = &text[start..line.end];
            let start = start + (t.len() - t.trim_start().len());
            doc.title = Some(block(Span::new(
                start,
                start + text[start..line.end].trim().len(),
            )));
            continue;
        } else if paras.is_empty() && para.is_none() && s.starts_with("**") && s.contains('|') {
            Some(BoilerplateKind::Byline)
        } else {
            para = Some(match para {
                Some(p) => Span::new(p.start, line.end),
                None => line,
            });
            continue;
        };
        paras.extend(para.take().map(block));
        if let Some(kind) = kind {
            doc.boilerplate.push(Boilerplate { kind, span: line });
        }
    }
    paras.extend(para.map(block));
    doc.paragraphs = paras;
    Ok(())
}

/// The records of a JSON Lines file: the good ones, and an error per bad
/// line (the rest of the file is still read).
fn parse_jsonl(
    base: &Document,
    text: &str,
    opts: &ReadOptions,
) -> Result<(Vec<Document>, Vec<Error>)> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(base, i, line, opts) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    if docs.is_empty() {
        return Err(match errors.is_empty() {
            true => Error::invalid(&base.path, "no JSON Lines records"),
            false => errors.swap_remove(0),
        });
    }
    Ok((docs, errors))
}

/// The record on line `i` (0-based) of a JSON Lines file.
fn parse_record(base: &Document, i: usize, line: &str, opts: &ReadOptions) -> Result<Document> {
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Error::parse(&base.path, i + 1, format!("invalid JSON: {e}")))?;
        let serde_json::Value::Object(obj) = value else {
            return Err(Error::parse(
                &base.path,
                i + 1,
                "a JSON Lines record must be an object",
            ));
        };
        let field = |k: &str| obj.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let (title, body) = (field("title"), field("body"));
        if body.is_empty() && title.is_empty() {
            return Err(Error::parse(
                &base.path,
                i + 1,
                "record has neither `title` nor `body`",
            ));
        }
        let mut doc = base.clone();
        doc.line = i + 1;
        doc.format = Format::Jsonl;
        doc.text = if title.is_empty() {
            body.to_owned()
        } else {
            format!("{title}\n\n{body}")
        };
        if !title.is_empty() {
            doc.title = Some(block(Span::new(0, title.len())));
        }
        let body_start = doc.text.len() - body.len();
        doc.paragraphs = paragraphs(&doc.text, Span::new(body_start, doc.text.len()));
        doc.meta = obj
            .iter()
            .filter(|(k, _)| k.as_str() != "title" && k.as_str() != "body")
            .map(|(k, v)| Field {
                key: k.clone(),
                value: v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                span: Span::default(),
            })
            .collect();
        if let Some(l) = obj
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Lang::from_code)
        {
            doc.lang = l;
        }
        let opts = ReadOptions {
            lang: opts.lang.or(Some(doc.lang).filter(|l| *l != Lang::UND)),
            ..opts.clone()
        };
        finish(&mut doc, &opts);
        Ok(doc)
    }
}

/// Decide the document language, split blocks into sentences and label each.
fn finish(doc: &mut Document, opts: &ReadOptions) {
    let body: String = doc
        .title
        .iter()
        .chain(&doc.paragraphs)
        .take(64)
        .map(|b| &doc.text[b.span.range()])
        .collect::<Vec<_>>()
        .join("\n");
    let options = lang::DetectOptions::default();
    doc.lang = opts
        .lang
        .unwrap_or_else(|| lang::detect(&body, &options).lang);
    if opts.blocks_only {
        return;
    }
    let text = &doc.text;
    let doc_lang = doc.lang;
    // Sentences of a document are told apart from its own language and the
    // pair this toolkit works on; a full all-language vote per sentence
    // would cost more than the rest of reading put together.
    let mut candidates = vec![Lang::EN, Lang::KO];
    if !candidates.contains(&doc_lang) && doc_lang != Lang::UND {
        candidates.push(doc_lang);
    }
    let options = lang::DetectOptions {
        langs: Some(candidates),
    };
    // A headline is one unit however it is punctuated (`…` and quotes join
    // its parts), so it is never split: its translation is one headline too.
    if let Some(t) = doc
        .title
        .as_mut()
        .filter(|t| t.sentences.is_empty() && !t.span.is_empty())
    {
        t.sentences = vec![Sentence {
            span: t.span,
            lang: doc_lang,
            mixed: false,
        }];
    }
    for b in doc.title.iter_mut().chain(doc.paragraphs.iter_mut()) {
        if b.sentences.is_empty() {
            b.sentences = segment::sentence_spans(&text[b.span.range()], doc_lang)
                .into_iter()
                .map(|r| Sentence {
                    span: Span::from(r).shift(b.span.start),
                    lang: doc_lang,
                    mixed: false,
                })
                .collect();
        }
        for s in &mut b.sentences {
            let d = lang::detect(sample(&text[s.span.range()]), &options);
            s.lang = if d.lang == Lang::UND {
                doc_lang
            } else {
                d.lang
            };
            s.mixed = d.mixed;
        }
    }
}

/// A prefix long enough to decide a language; a multi-megabyte run-on
/// "sentence" needs no more than this, and detection stays cheap.
fn sample(text: &str) -> &str {
    &text[..crate::span::floor_char_boundary(text, 4096)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "---\nid: 640_1\ntitle: \"Korea&#x27;s exports\"\ncategory: \npublisher: 코리아중앙데일리\nauthor: \n\t\t\n\t\t\tBY KIM [kim@example.com]\n\t\t\n\t\npublished_at: 2025-12-29 00:00\nextra_key: kept\n---\n\n# Korea&#x27;s exports\n\n**코리아중앙데일리** | 2025-12-29 00:00 | \n\n---\n\nExports rose 19.8 percent. Mr. Lee said so.\n\nA second paragraph.\n\n---\n\n*Crawled at: 2025-12-29 11:18:10*\n*Source: [원문 보기](https://example.com/a)*\n";

    fn parse(s: &str) -> Document {
        parse_bytes("t.txt", s.as_bytes(), &ReadOptions::default())
            .unwrap()
            .remove(0)
    }

    #[test]
    fn reads_crawl_front_matter_title_and_boilerplate() {
        let d = parse(ARTICLE);
        assert_eq!(d.format, Format::Crawl);
        assert_eq!(d.meta_value("title"), Some("Korea&#x27;s exports"));
        assert_eq!(d.meta_value("author"), Some("BY KIM [kim@example.com]"));
        assert_eq!(d.meta_value("extra_key"), Some("kept"));
        assert_eq!(d.meta_value("category"), Some(""));
        assert_eq!(
            d.slice(d.title.as_ref().unwrap().span),
            "Korea&#x27;s exports"
        );
        assert_eq!(d.paragraphs.len(), 2);
        let kinds: Vec<_> = d.boilerplate.iter().map(|b| b.kind).collect();
        use BoilerplateKind::*;
        assert_eq!(kinds, [FrontMatter, Byline, Rule, Rule, Footer, Footer]);
        assert_eq!(d.lang, Lang::EN);
    }

    #[test]
    fn every_non_blank_line_is_text_or_boilerplate() {
        let d = parse(ARTICLE);
        let mut covered: Vec<Span> = d.boilerplate.iter().map(|b| b.span).collect();
        covered.extend(d.title.iter().chain(&d.paragraphs).map(|b| b.span));
        for line in lines_in(&d.text, Span::new(0, d.text.len())) {
            if d.text[line.range()].trim().is_empty() {
                continue;
            }
            // A line is accounted for when it lies in a block or boilerplate span, or holds the title.
            let held = |c: &Span| {
                (c.start <= line.start && line.end <= c.end)
                    || (line.start <= c.start && c.end <= line.end)
            };
            assert!(covered.iter().any(held), "lost line {line:?}");
        }
    }

    #[test]
    fn unclosed_front_matter_is_an_error_with_a_line() {
        let err =
            parse_bytes("x.txt", b"---\ntitle: a\nbody\n", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("x.txt:1"), "{err}");
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(parse_bytes("e.txt", b"", &ReadOptions::default()).is_err());
        assert!(parse_bytes("b.bin", b"\x7fELF\0\0\x01", &ReadOptions::default()).is_err());
    }

    #[test]
    fn decodes_euc_kr_and_utf16() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("수출이 늘었다. 정부가 밝혔다.");
        let d = parse_bytes("k.txt", &bytes, &ReadOptions::default())
            .unwrap()
            .remove(0);
        assert_eq!(d.encoding, "EUC-KR");
        assert!(d.text.starts_with("수출"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Hello there.".encode_utf16().flat_map(u16::to_le_bytes));
        let d = parse_bytes("u.txt", &utf16, &ReadOptions::default())
            .unwrap()
            .remove(0);
        assert_eq!(
            (d.encoding, d.bom, d.text.as_str()),
            ("UTF-16LE", true, "Hello there.")
        );
    }

    #[test]
    fn invalid_utf8_is_decoded_with_offsets() {
        let d = parse_bytes("bad.txt", b"abc \xff\xfe def.", &ReadOptions::default())
            .unwrap()
            .remove(0);
        assert_eq!(d.undecodable, vec![4, 5]);
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn presegmented_lines_keep_indices() {
        let d = parse_bytes(
            "p.txt",
            "a.\n\nb.\n".as_bytes(),
            &ReadOptions {
                presegmented: true,
                ..ReadOptions::default()
            },
        )
        .unwrap()
        .remove(0);
        let s: Vec<_> = d.sentences().map(|s| d.slice(s.span)).collect();
        assert_eq!(s, ["a.", "", "b."]);
    }

    #[test]
    fn jsonl_records_become_documents() {
        let src = "{\"id\":\"1\",\"title\":\"T\",\"body\":\"One. Two.\\n\\nThree.\",\"lang\":\"en\",\"x\":5}\n\n{\"id\":\"2\",\"body\":\"정부가 밝혔다.\"}\n";
        let docs = parse_bytes("a.jsonl", src.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].paragraphs.len(), 2);
        assert_eq!(docs[0].meta_value("x"), Some("5"));
        assert_eq!(docs[1].line, 3);
        assert_eq!(docs[1].lang, Lang::KO);
        let bad = parse_bytes("b.jsonl", b"{\"body\": 1\n", &ReadOptions::default()).unwrap_err();
        assert!(bad.to_string().starts_with("b.jsonl:1:"), "{bad}");
    }

    #[test]
    fn plain_text_paragraphs_split_on_blank_lines() {
        let d = parse("First line\nsame paragraph.\n\n\nSecond.\n");
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.slice(d.paragraphs[0].span), "First line\nsame paragraph.");
    }
}

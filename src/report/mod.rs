//! Writing diagnostics: one module per output format, shared by `lint` and
//! `audit`.
//!
//! Every writer has the same shape,
//! `write(diags, sources, out) -> io::Result<()>`, takes diagnostics in the
//! order they should appear and [`Sources`] (the texts the spans index) and
//! never fails on odd input: control characters are shown as `<U+XXXX>`,
//! long lines are cut to a window around the span.
//!
//! # JSON wire format
//!
//! `json` writes an array, `jsonl` one object per line; the objects are the
//! same:
//!
//! | field | meaning |
//! |---|---|
//! | `path` | the file as given on the command line (`-` for standard input) |
//! | `line`, `column` | 1-based start; lines split on `\n` only, columns count Unicode scalar values |
//! | `end_line`, `end_column` | 1-based end, exclusive column |
//! | `start`, `end` | byte offsets of the span in the decoded file text (for UTF-8 input without BOM, file offsets) |
//! | `code` | stable code, e.g. `BT101` (`bitext explain BT101`) |
//! | `category` | e.g. `html_entity` |
//! | `severity` | `error`, `warning` or `info` |
//! | `message` | for people |
//! | `fix` | the replacement text for `start..end`, or `null` when there is none |
//! | `fix_safe` | `true` when `--fix` applies the fix (present when `fix` is not null) |
//! | `related` | audit only: `{path, line, column, start, end}` of the other side |
//!
//! ```
//! use bitext::lint::{lint_text, LintOptions};
//! use bitext::report::{write, Format, Sources};
//! let text = "Korea&#x27;s exports";
//! let diags = lint_text("a.txt", text, &LintOptions::default());
//! let mut sources = Sources::new();
//! sources.add("a.txt", text);
//! let mut out = Vec::new();
//! write(Format::Jsonl, &diags, &sources, &mut out)?;
//! let v: serde_json::Value = serde_json::from_slice(&out)?;
//! assert_eq!(v["fix"], "'");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{floor_char_boundary, LineIndex, Span};
use std::cell::Cell;
use std::collections::HashMap;
use std::io::{self, Write};

pub mod audit;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod sarif;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style: `path:line:col: CODE message`, the line, a caret, the fix.
    Human,
    /// A JSON array of diagnostics.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// JUnit XML: a test case per file, failures carry the findings.
    Junit,
}

/// Which findings fail a run (exit code 1, and a failing JUnit case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Findings never fail (exit 0 unless an input error or `--min-score`).
    Never,
}

impl FailOn {
    /// True when a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// Write `diags` in `format` (JUnit failing on warnings, lint's default).
pub fn write(
    format: Format,
    diags: &[Diagnostic],
    sources: &Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_failing(format, diags, sources, FailOn::Warning, out)
}

/// Write `diags` in `format`; formats that mark failures (JUnit) fail the
/// findings `fail_on` fails.
pub fn write_failing(
    format: Format,
    diags: &[Diagnostic],
    sources: &Sources,
    fail_on: FailOn,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(diags, sources, out),
        Format::Json => json::write(diags, sources, out),
        Format::Jsonl => jsonl::write(diags, sources, out),
        Format::Sarif => sarif::write(diags, sources, out),
        Format::Github => github::write(diags, sources, out),
        Format::Junit => junit::write_failing(diags, sources, fail_on, out),
    }
}

/// One input file: its path and decoded text.
#[derive(Debug)]
pub struct Source {
    path: String,
    text: String,
    index: LineIndex,
    /// Last position asked for (offset, line, column), so sorted lookups on
    /// one long line stay linear.
    cursor: Cell<(usize, usize, usize)>,
}

impl Source {
    /// The path as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The decoded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line = self.index.line(offset);
        let start = self.index.line_start(line);
        let (c_off, c_line, c_col) = self.cursor.get();
        let (from, col) = if c_line == line && c_off <= offset && c_off >= start {
            (c_off, c_col)
        } else {
            (start, 1)
        };
        let col = col + self.text[from..offset].chars().count();
        self.cursor.set((offset, line, col));
        (line, col)
    }

    /// The text of 1-based `line`, without its line end.
    pub fn line_text(&self, line: usize) -> &str {
        self.line_at(line).1
    }

    /// Byte offset where 1-based `line` starts, and its text without the
    /// line end (found from the line index, not by scanning the line).
    pub fn line_at(&self, line: usize) -> (usize, &str) {
        let start = self.index.line_start(line).min(self.text.len());
        let end = if line < self.index.lines() {
            self.index.line_start(line + 1).saturating_sub(1)
        } else {
            self.text.len()
        };
        let text = &self.text[start..end.max(start)];
        (start, text.strip_suffix('\r').unwrap_or(text))
    }

    /// Start and exclusive end (line, column) of `span`.
    pub fn range(&self, span: Span) -> ((usize, usize), (usize, usize)) {
        (self.line_col(span.start), self.line_col(span.end))
    }
}

/// The texts diagnostics point into, by path, in the order they were added.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<Source>,
    by_path: HashMap<String, usize>,
}

impl Sources {
    /// No sources.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Add (or replace) the text of `path`. A file without findings may be
    /// added with an empty text: JUnit still lists it as a passing test.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) {
        let (path, text) = (path.into(), text.into());
        let source = Source {
            index: LineIndex::new(&text),
            path: path.clone(),
            text,
            cursor: Cell::new((0, 1, 1)),
        };
        match self.by_path.get(&path) {
            Some(&i) => self.files[i] = source,
            None => {
                self.by_path.insert(path, self.files.len());
                self.files.push(source);
            }
        }
    }

    /// The source of `path`.
    pub fn get(&self, path: &str) -> Option<&Source> {
        self.by_path.get(path).map(|&i| &self.files[i])
    }

    /// Every source, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = &Source> {
        self.files.iter()
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The end (line, exclusive column) of a diagnostic's span; the start
    /// when the text is unknown.
    pub fn end_of(&self, d: &Diagnostic) -> (usize, usize) {
        let loc = &d.location;
        match self.get(&loc.path) {
            Some(s) if loc.span.end <= s.text.len() && !s.text.is_empty() => {
                s.line_col(loc.span.end)
            }
            _ => (loc.line, loc.column + 1),
        }
    }
}

/// `s` with control and invisible characters written `<U+XXXX>`.
pub fn visible(s: &str) -> String {
    crate::lint::escape_invisible(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_on_newline_only_lines() {
        let mut s = Sources::new();
        s.add("a", "가나\u{2028}다\nx\r\nyz");
        let src = s.get("a").unwrap();
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(9), (1, 4));
        assert_eq!(src.line_col(13), (2, 1));
        assert_eq!(src.line_text(2), "x");
        assert_eq!(src.line_col(17), (3, 2));
        // Going backwards still works.
        assert_eq!(src.line_col(3), (1, 2));
    }
}

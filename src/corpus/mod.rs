//! Parallel-corpus files: one [`Row`] per bead, written and read as CSV, TSV,
//! JSON Lines or TMX 1.4b.
//!
//! * CSV (RFC 4180, UTF-8, CRLF line ends), header
//!   `en_doc,ko_doc,en_idx,ko_idx,en,ko,bead,score`; an index cell is a
//!   sentence number (`3`), a range (`3-4`) or empty. With
//!   [`WriteOptions::excel`] the file starts with a byte-order mark and cells
//!   starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a
//!   leading `'` so that a spreadsheet shows them instead of evaluating them;
//!   otherwise text is written exactly.
//! * JSON Lines: one object per bead with the same fields, indices as arrays.
//! * TSV: Moses style `en<TAB>ko`, tabs and line breaks inside text replaced
//!   by spaces (text only: reading it back gives pairs without indices).
//! * TMX 1.4b: one `tu` per bead with the Korean `tuv` first (Korean is the
//!   source language); the other fields are `prop`s of type `x-…`. A side
//!   with no sentence has no `tuv`. Characters that XML 1.0 cannot carry
//!   (most C0 controls) are written as U+FFFD.
//!
//! ```
//! use bitext::corpus::{read, write, Format, Row};
//! let rows = vec![Row::new("a.en", "a.ko", &[0], &[0, 1], "Hi.", "안녕. 하세요.", 0.9)];
//! let mut out = Vec::new();
//! write(Format::Jsonl, &rows, &mut out)?;
//! let back = read(Format::Jsonl, std::str::from_utf8(&out)?)?;
//! assert_eq!(back, rows);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};
use std::io::{self, Write};

mod tmx;
pub use tmx::tmx_safe;

/// One bead of a parallel corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// English document name.
    pub en_doc: String,
    /// Korean document name.
    pub ko_doc: String,
    /// 0-based indices of the English sentences (consecutive; empty for 0-1).
    pub en_idx: Vec<usize>,
    /// 0-based indices of the Korean sentences (consecutive; empty for 1-0).
    pub ko_idx: Vec<usize>,
    /// English text (sentences joined by a space).
    pub en: String,
    /// Korean text (sentences joined by a space).
    pub ko: String,
    /// Bead shape, English count first (`2-1`).
    pub bead: String,
    /// Confidence in [0, 1], rounded to four decimals.
    pub score: f64,
}

impl Row {
    /// A row; the bead shape comes from the index counts and the score is rounded.
    pub fn new(
        en_doc: &str,
        ko_doc: &str,
        en_idx: &[usize],
        ko_idx: &[usize],
        en: &str,
        ko: &str,
        score: f64,
    ) -> Row {
        Row {
            en_doc: en_doc.to_string(),
            ko_doc: ko_doc.to_string(),
            en_idx: en_idx.to_vec(),
            ko_idx: ko_idx.to_vec(),
            en: en.to_string(),
            ko: ko.to_string(),
            bead: format!("{}-{}", en_idx.len(), ko_idx.len()),
            score: round4(score),
        }
    }

    /// The row of an aligned bead over the sentence texts of two documents.
    pub fn from_bead(
        en_doc: &str,
        ko_doc: &str,
        bead: &crate::align::Bead,
        en: &[&str],
        ko: &[&str],
    ) -> Row {
        let en_idx: Vec<usize> = bead.en.clone().collect();
        let ko_idx: Vec<usize> = bead.ko.clone().collect();
        let join = |idx: &[usize], s: &[&str]| {
            idx.iter()
                .filter_map(|&i| s.get(i).copied())
                .collect::<Vec<_>>()
                .join(" ")
        };
        Row::new(
            en_doc,
            ko_doc,
            &en_idx,
            &ko_idx,
            &join(&en_idx, en),
            &join(&ko_idx, ko),
            bead.score,
        )
    }
}

fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header.
    Csv,
    /// `en<TAB>ko`, text only.
    Tsv,
    /// One JSON object per line.
    Jsonl,
    /// Translation Memory eXchange 1.4b.
    Tmx,
}

/// Options of [`write_with`].
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// CSV for spreadsheets: byte-order mark, formula-like cells neutralised.
    pub excel: bool,
}

/// The CSV header.
pub const CSV_HEADER: [&str; 8] = [
    "en_doc", "ko_doc", "en_idx", "ko_idx", "en", "ko", "bead", "score",
];

/// Write `rows` in `format` with default options.
pub fn write(format: Format, rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    write_with(format, rows, out, &WriteOptions::default())
}

/// Write `rows` in `format`. The output depends only on the rows and options.
pub fn write_with(
    format: Format,
    rows: &[Row],
    out: &mut dyn Write,
    opts: &WriteOptions,
) -> io::Result<()> {
    match format {
        Format::Csv => write_csv(rows, out, opts.excel),
        Format::Tsv => write_tsv(rows, out),
        Format::Jsonl => write_jsonl(rows, out),
        Format::Tmx => tmx::write(rows, out),
    }
}

/// Index cell text: `3`, `3-4` or empty.
pub fn format_idx(idx: &[usize]) -> String {
    match (idx.first(), idx.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => String::new(),
    }
}

/// Parse an index cell (`3`, `3-4` or empty).
pub fn parse_idx(cell: &str) -> Option<Vec<usize>> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(Vec::new());
    }
    let (a, b) = match cell.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let a: usize = cell.parse().ok()?;
            (a, a)
        }
    };
    (a <= b).then(|| (a..=b).collect())
}

fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn write_csv(rows: &[Row], out: &mut dyn Write, excel: bool) -> io::Result<()> {
    if excel {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    for r in rows {
        let text = |s: &str| {
            if excel {
                neutralise(s).into_owned()
            } else {
                s.to_string()
            }
        };
        w.write_record([
            text(&r.en_doc),
            text(&r.ko_doc),
            format_idx(&r.en_idx),
            format_idx(&r.ko_idx),
            text(&r.en),
            text(&r.ko),
            r.bead.clone(),
            format!("{:.4}", r.score),
        ])?;
    }
    w.flush()
}

/// Text with tabs and line breaks replaced by spaces, for one TSV cell.
pub fn tsv_cell(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect()
}

fn write_tsv(rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    for r in rows {
        writeln!(out, "{}\t{}", tsv_cell(&r.en), tsv_cell(&r.ko))?;
    }
    Ok(())
}

fn write_jsonl(rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A file that could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ReadError {
    /// 1-based line (record for CSV) where the problem is.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        line,
        message: message.into(),
    }
}

/// Read rows written by [`write()`]. TSV rows have only `en` and `ko`; their
/// other fields are empty, with the bead shape taken from which sides are
/// empty and a score of 0.
pub fn read(format: Format, input: &str) -> Result<Vec<Row>, ReadError> {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    match format {
        Format::Csv => read_csv(input),
        Format::Tsv => Ok(read_tsv(input)),
        Format::Jsonl => read_jsonl(input),
        Format::Tmx => tmx::read(input),
    }
}

fn read_csv(input: &str) -> Result<Vec<Row>, ReadError> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(input.as_bytes());
    let header = r.headers().map_err(|e| err(1, e.to_string()))?;
    if header.iter().ne(CSV_HEADER) {
        return Err(err(1, format!("unexpected header {header:?}")));
    }
    let mut rows = Vec::new();
    for (n, rec) in r.records().enumerate() {
        let line = n + 2;
        let rec = rec.map_err(|e| err(line, e.to_string()))?;
        if rec.len() != CSV_HEADER.len() {
            return Err(err(line, format!("{} fields, expected 8", rec.len())));
        }
        let idx = |i: usize| {
            parse_idx(&rec[i]).ok_or_else(|| err(line, format!("bad index `{}`", &rec[i])))
        };
        rows.push(Row {
            en_doc: rec[0].to_string(),
            ko_doc: rec[1].to_string(),
            en_idx: idx(2)?,
            ko_idx: idx(3)?,
            en: rec[4].to_string(),
            ko: rec[5].to_string(),
            bead: rec[6].to_string(),
            score: rec[7]
                .parse()
                .map_err(|_| err(line, format!("bad score `{}`", &rec[7])))?,
        });
    }
    Ok(rows)
}

fn read_tsv(input: &str) -> Vec<Row> {
    input
        .lines()
        .map(|l| {
            let (en, ko) = l.split_once('\t').unwrap_or((l, ""));
            let bead = format!(
                "{}-{}",
                usize::from(!en.is_empty()),
                usize::from(!ko.is_empty())
            );
            Row {
                en_doc: String::new(),
                ko_doc: String::new(),
                en_idx: Vec::new(),
                ko_idx: Vec::new(),
                en: en.to_string(),
                ko: ko.to_string(),
                bead,
                score: 0.0,
            }
        })
        .collect()
}

fn read_jsonl(input: &str) -> Result<Vec<Row>, ReadError> {
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| err(n + 1, e.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Row> {
        vec![
            Row::new(
                "d.en",
                "d.ko",
                &[0, 1],
                &[0],
                "A \"quoted\", text.\nNext",
                "가, 나",
                0.98766,
            ),
            Row::new("d.en", "d.ko", &[2], &[], "=SUM(A1)", "", 0.1),
            Row::new("d.en", "d.ko", &[], &[1], "", "-3% 감소", 0.0),
        ]
    }

    fn roundtrip(format: Format) -> Vec<Row> {
        let mut out = Vec::new();
        write(format, &sample(), &mut out).unwrap();
        read(format, std::str::from_utf8(&out).unwrap()).unwrap()
    }

    #[test]
    fn csv_has_the_fixed_header_and_crlf() {
        let mut out = Vec::new();
        write(Format::Csv, &sample(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("en_doc,ko_doc,en_idx,ko_idx,en,ko,bead,score\r\n"));
        assert!(s.contains(
            "d.en,d.ko,0-1,0,\"A \"\"quoted\"\", text.\nNext\",\"가, 나\",2-1,0.9877\r\n"
        ));
        assert!(s.contains(",=SUM(A1),"));
    }

    #[test]
    fn excel_csv_has_bom_and_neutralised_formulas() {
        let mut out = Vec::new();
        write_with(
            Format::Csv,
            &sample(),
            &mut out,
            &WriteOptions { excel: true },
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with('\u{FEFF}'));
        assert!(s.contains(",'=SUM(A1),"));
        assert!(s.contains(",'-3% 감소,"));
    }

    #[test]
    fn csv_jsonl_and_tmx_round_trip() {
        for f in [Format::Csv, Format::Jsonl, Format::Tmx] {
            assert_eq!(roundtrip(f), sample(), "{f:?}");
        }
    }

    #[test]
    fn tsv_flattens_breaks_and_keeps_pairs() {
        let back = roundtrip(Format::Tsv);
        assert_eq!(back.len(), 3);
        assert_eq!(back[0].en, "A \"quoted\", text. Next");
        assert_eq!(back[2].bead, "0-1");
    }

    #[test]
    fn index_cells_parse_and_reject_garbage() {
        assert_eq!(parse_idx("3-5"), Some(vec![3, 4, 5]));
        assert_eq!(parse_idx(""), Some(vec![]));
        assert_eq!(parse_idx("5-3"), None);
        assert_eq!(parse_idx("x"), None);
        assert_eq!(format_idx(&[7]), "7");
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(read(Format::Csv, "a,b\n1,2\n").is_err());
        assert!(read(Format::Jsonl, "{\"en\":1}\n").is_err());
        assert!(read(Format::Tmx, "<tmx><body><tu>").is_err());
        assert!(read(Format::Csv, "").is_err());
    }
}

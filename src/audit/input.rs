//! Reading `--pairs` files: CSV or TSV with a header naming `en` and `ko`
//! columns; other columns (such as `id`) are carried through.

use super::PairInput;
use crate::error::{Error, Result};
use std::path::Path;

/// A pairs table: the pairs, and every column of every row for reports that
/// carry them through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairsTable {
    /// Column names, as in the header.
    pub columns: Vec<String>,
    /// Cells of each row, in column order.
    pub rows: Vec<Vec<String>>,
    /// The pairs, one per row.
    pub pairs: Vec<PairInput>,
    /// Where each row's `en` and `ko` cells start in the file.
    pub origins: Vec<RowOrigin>,
}

/// Where a row's cells are in the file, so findings can point at them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowOrigin {
    /// 1-based line of the record.
    pub line: usize,
    /// Byte offset in the file where the `en` cell's text starts.
    pub en_offset: usize,
    /// Byte offset in the file where the `ko` cell's text starts.
    pub ko_offset: usize,
}

/// The 1-based line of a quote that opens a cell and is never closed.
fn unterminated_quote(bytes: &[u8], delim: u8) -> Option<usize> {
    let (mut line, mut opened) = (1, 0);
    let (mut field_start, mut in_quotes) = (true, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' && field_start {
            in_quotes = true;
            opened = line;
        }
        field_start = !in_quotes && (b == delim || b == b'\n');
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    in_quotes.then_some(opened)
}

/// Byte offsets (relative to `raw`) where each field of the record at the
/// start of `raw` begins, after an opening quote. Cells with doubled quotes
/// shift later offsets of that cell only, not of the fields.
fn field_starts(raw: &[u8], delim: u8, quoting: bool) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    loop {
        let quoted = quoting && raw.get(i) == Some(&b'"');
        starts.push(if quoted { i + 1 } else { i });
        let mut in_quotes = quoted;
        if quoted {
            i += 1;
        }
        while let Some(&b) = raw.get(i) {
            if in_quotes {
                if b == b'"' {
                    if raw.get(i + 1) != Some(&b'"') {
                        in_quotes = false;
                        i += 1;
                        continue;
                    }
                    i += 1;
                }
            } else if b == delim || b == b'\n' {
                break;
            }
            i += 1;
        }
        if raw.get(i) != Some(&delim) {
            return starts;
        }
        i += 1;
    }
}

/// The delimiter of a table: tab for `.tsv` / `.tab`, comma for `.csv`,
/// otherwise tab when the header line holds one.
pub fn delimiter(path: &Path, head: &[u8]) -> u8 {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab") => b'\t',
        Some(e) if e.eq_ignore_ascii_case("csv") => b',',
        _ => {
            let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
            if first.contains(&b'\t') {
                b'\t'
            } else {
                b','
            }
        }
    }
}

/// Parse a pairs table from `bytes` (`path` names it in errors and picks the delimiter).
pub fn parse_pairs(path: &Path, bytes: &[u8]) -> Result<PairsTable> {
    let original = bytes;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let delim = delimiter(path, bytes);
    if delim != b'\t' {
        if let Some(line) = unterminated_quote(bytes, delim) {
            // The CSV reader would take the rest of the file as one cell.
            return Err(Error::parse(
                path,
                line,
                "a quoted cell opened here is never closed (a missing `\"`?)",
            ));
        }
    }
    // A byte-order mark was stripped: offsets into `bytes` are shifted by it.
    let bom = if bytes.len() < original.len() { 3 } else { 0 };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        // TSV written by hand or by `cut` does not quote; a stray quote must
        // not swallow the following lines.
        .quoting(delim != b'\t')
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| Error::parse(path, 1, e.to_string()))?
        .clone();
    let columns: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let find = |name: &str| columns.iter().position(|c| c.eq_ignore_ascii_case(name));
    let (Some(en), Some(ko)) = (find("en"), find("ko")) else {
        return Err(Error::parse(
            path,
            1,
            format!(
                "the header must name `en` and `ko` columns (found: {})",
                columns.join(", ")
            ),
        ));
    };
    let id = find("id");
    let mut table = PairsTable {
        columns,
        ..PairsTable::default()
    };
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| Error::parse(path, i + 2, e.to_string()))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Cells are composed to NFC (decomposed Korean would match nothing);
        // spans in findings index the composed cell, which is the file's
        // text unless the cell held decomposed characters.
        let cell = |k: usize| crate::ko::nfc(rec.get(k).unwrap_or_default()).into_owned();
        table.pairs.push(PairInput {
            id: id.map(cell).filter(|s| !s.is_empty()),
            ko: cell(ko),
            en: cell(en),
        });
        table.rows.push(rec.iter().map(str::to_string).collect());
        let (line, start) = rec
            .position()
            .map_or((i + 2, 0), |p| (p.line() as usize, p.byte() as usize));
        let starts = field_starts(
            bytes.get(start..).unwrap_or_default(),
            delim,
            delim != b'\t',
        );
        let at = |k: usize| bom + start + starts.get(k).copied().unwrap_or(0);
        table.origins.push(RowOrigin {
            line,
            en_offset: at(en),
            ko_offset: at(ko),
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unterminated_quote_is_an_error_naming_its_line() {
        let e = parse_pairs(
            Path::new("x.csv"),
            b"en,ko\n\"Hello \"\"world\"\" ,\xec\x95\x88\n\nok,\xec\x95\x88\n",
        );
        let msg = e.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(msg.starts_with("x.csv:2:"), "{msg}");
        assert!(parse_pairs(Path::new("x.csv"), b"en,ko\n\"a\"\"b\",c\nd,\"e\nf\"\n").is_ok());
    }

    #[test]
    fn tsv_with_extra_columns() {
        let t = parse_pairs(
            Path::new("x.tsv"),
            b"id\tko\ten\tnote\na1\t\xec\x95\x88\xeb\x85\x95\tHello\tx\n",
        )
        .unwrap_or_default();
        assert_eq!(t.pairs.len(), 1);
        assert_eq!(t.pairs[0].id.as_deref(), Some("a1"));
        assert_eq!(t.pairs[0].ko, "안녕");
        assert_eq!(t.columns, vec!["id", "ko", "en", "note"]);
    }

    #[test]
    fn csv_quotes_and_column_order() {
        let t = parse_pairs(Path::new("x.csv"), "en,ko\n\"Hi, there\",안녕\n".as_bytes())
            .unwrap_or_default();
        assert_eq!(t.pairs[0].en, "Hi, there");
        assert_eq!(t.pairs[0].id, None);
    }

    #[test]
    fn missing_columns_is_an_error_naming_the_header() {
        let e = parse_pairs(Path::new("x.csv"), b"a,b\n1,2\n");
        assert!(e.is_err_and(|e| e.to_string().contains("found: a, b")));
    }

    #[test]
    fn origins_point_at_the_cells() {
        let text = "id,ko,en\nx,\"가, 나\",Hello\ny,다,Bye\n";
        let t = parse_pairs(Path::new("x.csv"), text.as_bytes()).unwrap_or_default();
        let o = t.origins[0];
        assert_eq!(o.line, 2);
        assert!(text[o.ko_offset..].starts_with("가, 나"));
        assert!(text[o.en_offset..].starts_with("Hello"));
        let o = t.origins[1];
        assert_eq!(o.line, 3);
        assert!(text[o.en_offset..].starts_with("Bye"));
    }

    #[test]
    fn tsv_quotes_are_literal() {
        let t = parse_pairs(
            Path::new("p"),
            "ko\ten\n\"인용\t\"Quote\n다음\tNext\n".as_bytes(),
        )
        .unwrap_or_default();
        assert_eq!(t.pairs.len(), 2);
        assert_eq!(t.pairs[0].en, "\"Quote");
    }
}

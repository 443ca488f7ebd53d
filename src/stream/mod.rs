//! The record contract of the batch commands: JSON Lines in, one JSON line
//! out per input line, in input order, in bounded memory.
//!
//! Input is read in chunks of [`CHUNK`] lines; each chunk is processed in
//! parallel (rayon) and written out, in order, before the next one is read,
//! so memory does not grow with the input and the first output lines appear
//! while the input is still arriving. Every output line echoes the record's
//! `id` and its `seq` (0-based line number in the input). A line that is not
//! a usable record (not JSON, not an object, invalid UTF-8 inside a string,
//! a required field missing or empty) becomes an error line
//! `{"id", "seq", "error"}` and the batch goes on; only a broken stream (an
//! I/O error) stops it.
//!
//! ```
//! use bitext::stream::{Record, parse_record};
//! let line = r#"{"id":"a1","en":"Hi","ko":"안녕","src":"web"}"#;
//! let r = parse_record(3, line.as_bytes());
//! let rec: Record = r.map_err(|e| e.error).unwrap_or_else(|e| panic!("{e}"));
//! assert_eq!(rec.id.as_deref(), Some("a1"));
//! assert_eq!(rec.text("ko"), Ok("안녕"));
//! let bad = parse_record(4, b"{\"id\":\"a2\",\"en\":\"Hi\"}").and_then(|r| r.text("ko").map(|_| ()).map_err(|e| r.bad(e)));
//! assert_eq!(bad.err().map(|e| e.error), Some("missing `ko`".to_string()));
//! ```

pub mod audit;
pub mod merge;

use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, BufRead, Write};

/// Lines processed together: enough to keep every core busy, few enough that
/// a chunk of long records stays a few megabytes.
pub const CHUNK: usize = 1024;

/// A record longer than this (bytes) is an error line rather than a reason to
/// hold an unbounded buffer.
pub const MAX_RECORD: usize = 64 << 20;

/// A parsed input line: its position, its `id` when it has one, and all of
/// its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// 0-based line number in the input.
    pub seq: u64,
    /// The `id` field (a string, or a number written as text).
    pub id: Option<String>,
    /// Every field, `id` included, in input order.
    pub fields: Map<String, Value>,
}

/// A line that is not a usable record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BadRecord {
    /// The record's `id` when it could still be read.
    pub id: Option<String>,
    /// 0-based line number in the input.
    pub seq: u64,
    /// What is wrong with it.
    pub error: String,
}

impl Record {
    /// The non-empty string field `name`, or why there is none.
    pub fn text(&self, name: &str) -> Result<&str, String> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Err(format!("missing `{name}`")),
            Some(Value::String(s)) if s.trim().is_empty() => Err(format!("empty `{name}`")),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    }

    /// The error line for this record.
    pub fn bad(&self, error: impl Into<String>) -> BadRecord {
        BadRecord {
            id: self.id.clone(),
            seq: self.seq,
            error: error.into(),
        }
    }

    /// The fields other than `names`, for carrying through to the output.
    pub fn other_fields(&self, names: &[&str]) -> Map<String, Value> {
        self.fields
            .iter()
            .filter(|(k, _)| !names.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

fn id_of(fields: &Map<String, Value>) -> Option<String> {
    match fields.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The `id` of a line that is not valid JSON, when a string `"id": "…"`
/// can still be found in it (so the error line can name its record).
fn scan_id(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("\"id\"") {
        rest = &rest[at + 4..];
        let Some(after) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let Some(body) = after.trim_start().strip_prefix('"') else {
            continue;
        };
        let mut end = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let quoted = &body[..end?];
        return serde_json::from_str(&format!("\"{quoted}\"")).ok();
    }
    None
}

/// Parse input line `seq` (without its line end) into a record.
pub fn parse_record(seq: u64, line: &[u8]) -> Result<Record, BadRecord> {
    let bad = |id, error: String| BadRecord { id, seq, error };
    if line.len() > MAX_RECORD {
        return Err(bad(None, format!("record longer than {MAX_RECORD} bytes")));
    }
    if let Err(e) = std::str::from_utf8(line) {
        // Still name the record when its id can be read around the bad bytes.
        let lossy = String::from_utf8_lossy(line);
        let id = serde_json::from_str::<Map<String, Value>>(&lossy)
            .ok()
            .as_ref()
            .and_then(id_of)
            .or_else(|| scan_id(line));
        return Err(bad(
            id,
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        ));
    }
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err(bad(None, "empty line".into()));
    }
    match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(fields)) => Ok(Record {
            seq,
            id: id_of(&fields),
            fields,
        }),
        Ok(_) => Err(bad(None, "not a JSON object".into())),
        Err(e) => Err(bad(scan_id(line), format!("not JSON: {e}"))),
    }
}

/// Reads input lines (split on `\n`, a final `\r` dropped) with a cap on
/// their length: a longer line is skipped to its end and handed on
/// truncated, where [`parse_record`] turns it into an error line.
pub struct Lines<R> {
    reader: R,
    seq: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, numbered from 0.
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            seq: 0,
            done: false,
        }
    }

    /// The next line into `buf` (cleared first) and its number, or `None` at
    /// the end of the input.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<u64>> {
        buf.clear();
        if self.done {
            return Ok(None);
        }
        let mut any = false;
        loop {
            let (found, used) = {
                let avail = match self.reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if avail.is_empty() {
                    self.done = true;
                    break;
                }
                any = true;
                let (found, used) = match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (true, i + 1),
                    None => (false, avail.len()),
                };
                let take = &avail[..if found { used - 1 } else { used }];
                let room = (MAX_RECORD + 1).saturating_sub(buf.len());
                buf.extend_from_slice(&take[..take.len().min(room)]);
                (found, used)
            };
            self.reader.consume(used);
            if found {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        let seq = self.seq;
        self.seq += 1;
        Ok(Some(seq))
    }

    /// Up to `max` lines with their numbers; empty at the end of the input.
    pub fn chunk(&mut self, max: usize) -> io::Result<Vec<(u64, Vec<u8>)>> {
        let mut out = Vec::with_capacity(max.min(CHUNK));
        let mut buf = Vec::new();
        while out.len() < max {
            match self.next_line(&mut buf)? {
                Some(seq) => out.push((seq, std::mem::take(&mut buf))),
                None => break,
            }
        }
        Ok(out)
    }
}

/// Write `value` as one JSON line.
pub fn write_line(w: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(u64, Vec<u8>)> {
        Lines::new(input).chunk(100).unwrap_or_default()
    }

    #[test]
    fn lines_keep_blank_lines_and_a_last_line_without_newline() {
        let l = lines(b"a\r\n\nb");
        assert_eq!(
            l,
            vec![(0, b"a".to_vec()), (1, b"".to_vec()), (2, b"b".to_vec())]
        );
        assert!(lines(b"").is_empty());
        assert_eq!(lines(b"x\n").len(), 1);
    }

    #[test]
    fn chunks_are_bounded_and_numbered_on() {
        let mut l = Lines::new(&b"1\n2\n3\n4\n5\n"[..]);
        let a = l.chunk(2).unwrap_or_default();
        let b = l.chunk(2).unwrap_or_default();
        let c = l.chunk(2).unwrap_or_default();
        assert_eq!(a.len(), 2);
        assert_eq!(b[0].0, 2);
        assert_eq!(c, vec![(4, b"5".to_vec())]);
        assert!(l.chunk(2).unwrap_or_default().is_empty());
    }

    #[test]
    fn bad_lines_say_why_and_keep_the_id_when_they_can() {
        let e = |l: &[u8]| parse_record(7, l).err();
        assert_eq!(e(b"{").map(|b| b.seq), Some(7));
        let cut = e(br#"{"x": 1, "id" : "q\"1", "en": oops"#);
        assert_eq!(cut.and_then(|b| b.id), Some("q\"1".to_string()));
        assert_eq!(e(br#"{"id": 5, oops"#).and_then(|b| b.id), None);
        assert!(e(b"{").is_some_and(|b| b.error.starts_with("not JSON")));
        assert!(e(b"[1]").is_some_and(|b| b.error == "not a JSON object"));
        assert!(e(b"  ").is_some_and(|b| b.error == "empty line"));
        let bad = e(b"{\"id\":\"x9\",\"ko\":\"\xff\"}");
        assert_eq!(bad.as_ref().and_then(|b| b.id.as_deref()), Some("x9"));
        assert!(bad.is_some_and(|b| b.error.contains("invalid UTF-8")));
    }

    #[test]
    fn fields_are_checked_by_name() {
        let r = parse_record(0, br#"{"id":5,"en":" ","ko":3}"#);
        let r = r.unwrap_or_else(|_| Record {
            seq: 0,
            id: None,
            fields: Map::new(),
        });
        assert_eq!(r.id.as_deref(), Some("5"));
        assert_eq!(r.text("en"), Err("empty `en`".into()));
        assert_eq!(r.text("ko"), Err("`ko` is not a string".into()));
        assert_eq!(r.text("x"), Err("missing `x`".into()));
        assert_eq!(r.other_fields(&["id", "en"]).len(), 1);
    }

    #[test]
    fn overlong_lines_become_errors_without_holding_them() {
        let mut big = vec![b'a'; MAX_RECORD + 10];
        big.push(b'\n');
        big.extend_from_slice(b"{}\n");
        let l = lines(&big);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].1.len(), MAX_RECORD + 1);
        assert!(parse_record(0, &l[0].1).is_err_and(|b| b.error.contains("longer")));
    }
}

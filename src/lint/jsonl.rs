//! JSON Lines input: the linter reads the decoded string fields of each
//! record (a JSON `\n` escape is not debris, a `\\n` is), and reports and
//! repairs them in the raw line.
//!
//! Each top-level string field (title, body and the metadata strings) is
//! located in the line with a map from decoded offsets to raw offsets, so a
//! finding in the decoded value gets the file position of the characters
//! that spell it, and a fix is spliced into the line JSON-escaped. Bytes
//! outside the fixed spans are kept exactly.

use super::{check_text, Finding, LintOptions};
use crate::diagnostic::{Diagnostic, Fix};
use crate::error::{Error, Result};
use crate::span::Span;

/// A top-level string field of a record.
#[derive(Clone, Debug)]
pub struct StringField {
    /// The key.
    pub key: String,
    /// The decoded value.
    pub value: String,
    /// Where each stretch of the value starts, decoded and raw (offsets in
    /// the line). An escape is a stretch of its own.
    segments: Vec<Segment>,
    /// Raw offset of the closing quote.
    close: usize,
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    decoded: usize,
    raw: usize,
    literal: bool,
}

impl StringField {
    /// The raw offset (in the line) of the decoded byte offset `d`, which
    /// must be a character boundary of the value.
    pub fn raw_offset(&self, d: usize) -> usize {
        if d >= self.value.len() {
            return self.close;
        }
        let i = self
            .segments
            .partition_point(|s| s.decoded <= d)
            .saturating_sub(1);
        match self.segments.get(i) {
            Some(s) if s.literal => s.raw + (d - s.decoded),
            Some(s) => s.raw,
            None => self.close,
        }
    }

    /// The raw span of a decoded span.
    pub fn raw_span(&self, span: Span) -> Span {
        Span::new(self.raw_offset(span.start), self.raw_offset(span.end))
    }
}

/// The top-level string fields of the JSON object `line`.
pub fn string_fields(line: &str) -> std::result::Result<Vec<StringField>, String> {
    let b = line.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return Err("a JSON Lines record must be an object".into());
    }
    i = skip_ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        return Ok(out);
    }
    loop {
        let (key, after) = string(line, i)?;
        i = skip_ws(b, after);
        if b.get(i) != Some(&b':') {
            return Err("expected `:` after a key".into());
        }
        i = skip_ws(b, i + 1);
        if b.get(i) == Some(&b'"') {
            let (field, after) = string(line, i)?;
            out.push(StringField {
                key: key.value,
                ..field
            });
            i = after;
        } else {
            i = skip_value(b, i)?;
        }
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return Ok(out),
            _ => return Err("expected `,` or `}`".into()),
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// Skip a non-string value (number, literal, array, object), strings inside
/// included.
fn skip_value(b: &[u8], mut i: usize) -> std::result::Result<usize, String> {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return Ok(i),
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            b',' if depth == 0 => return Ok(i),
            _ => {}
        }
        i += 1;
    }
    Err("unterminated value".into())
}

fn hex4(line: &str, at: usize) -> std::result::Result<u32, String> {
    line.get(at..at + 4)
        .filter(|s| s.bytes().all(|c| c.is_ascii_hexdigit()))
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or_else(|| "bad \\u escape".to_owned())
}

/// Decode the JSON string starting at the quote at `i`.
fn string(line: &str, mut i: usize) -> std::result::Result<(StringField, usize), String> {
    let b = line.as_bytes();
    if b.get(i) != Some(&b'"') {
        return Err("expected a string".into());
    }
    i += 1;
    let mut value = String::new();
    let mut segments = Vec::new();
    loop {
        let lit = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
            i += 1;
        }
        if i > lit {
            segments.push(Segment {
                decoded: value.len(),
                raw: lit,
                literal: true,
            });
            value.push_str(&line[lit..i]);
        }
        match b.get(i) {
            None => return Err("unterminated string".into()),
            Some(b'"') => {
                let field = StringField {
                    key: String::new(),
                    value,
                    segments,
                    close: i,
                };
                return Ok((field, i + 1));
            }
            _ => {}
        }
        let start = i;
        let (c, len) = match b.get(i + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{C}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                let hi = hex4(line, i + 2)?;
                if (0xD800..0xDC00).contains(&hi) && line[i + 6..].starts_with("\\u") {
                    let lo = hex4(line, i + 8)?;
                    let c = char::from_u32(
                        0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF),
                    )
                    .filter(|_| (0xDC00..0xE000).contains(&lo))
                    .ok_or("unpaired surrogate")?;
                    (c, 12)
                } else {
                    (char::from_u32(hi).ok_or("unpaired surrogate")?, 6)
                }
            }
            _ => return Err("bad escape".into()),
        };
        segments.push(Segment {
            decoded: value.len(),
            raw: start,
            literal: false,
        });
        value.push(c);
        i = start + len;
    }
}

/// The text of a JSON string without its quotes.
fn json_escape(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or("")
        .to_owned()
}

/// Findings of every string field of every record of `text` (a whole JSON
/// Lines file), with spans in `text` and JSON-escaped fixes.
fn findings(path: &str, text: &str, opts: &LintOptions) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        let invalid = |m: String| Error::parse(path, n + 1, format!("invalid JSON: {m}"));
        serde_json::from_str::<serde::de::IgnoredAny>(line).map_err(|e| invalid(e.to_string()))?;
        let fields = string_fields(line).map_err(invalid)?;
        for field in &fields {
            for f in check_text(&field.value, opts) {
                let span = field.raw_span(f.span).shift(start);
                out.push(Finding {
                    code: f.code,
                    span,
                    message: format!("{} (field `{}`)", f.message, field.key),
                    fix: f.fix.map(|x| Fix {
                        span,
                        replacement: json_escape(&x.replacement),
                        safe: x.safe,
                    }),
                });
            }
        }
    }
    Ok(out)
}

/// Lint a JSON Lines file's decoded text: diagnostics located in `text`.
pub fn lint(path: &str, text: &str, opts: &LintOptions) -> Result<Vec<Diagnostic>> {
    Ok(super::diagnostics(path, text, findings(path, text, opts)?))
}

/// Repair a JSON Lines file with the safe fixes of what its lint reports,
/// under the rules of [`super::fix_text`]; returns the text and the number of
/// fixes applied.
pub fn fix(path: &str, text: &str, opts: &LintOptions) -> Result<(String, usize)> {
    super::fix_with(text, |t| findings(path, t, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_map_decoded_offsets_to_raw_ones() {
        let line = r#"{"id": 7, "title": "Korea\u0026#x27;s \"exports\"", "tags": ["a\"", {"b": 1}], "body": "x\\ny"}"#;
        let fields = string_fields(line).unwrap();
        let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["title", "body"]);
        let title = &fields[0];
        assert_eq!(title.value, "Korea&#x27;s \"exports\"");
        let amp = title.value.find('&').unwrap();
        let raw = title.raw_span(Span::new(amp, amp + 6));
        assert_eq!(&line[raw.range()], "\\u0026#x27;");
        assert_eq!(fields[1].value, "x\\ny");
    }

    #[test]
    fn json_escapes_are_not_debris_but_escaped_escapes_are() {
        let text = "{\"body\": \"line one\\nline two\"}\n{\"body\": \"said\\\\nthat\"}\n";
        let d = lint("a.jsonl", text, &LintOptions::default()).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        assert_eq!(&text[d[0].location.span.range()], "\\\\n");
    }

    #[test]
    fn fixes_are_spliced_into_the_raw_line() {
        let text = "{\"title\": \"Korea&#x27;s exports\", \"n\": 1.5, \"body\": \"a\\u0001b &quot;c&quot;\"}\n";
        let (fixed, n) = fix("a.jsonl", text, &LintOptions::default()).unwrap();
        assert_eq!(
            fixed,
            "{\"title\": \"Korea's exports\", \"n\": 1.5, \"body\": \"ab \\\"c\\\"\"}\n"
        );
        assert_eq!(n, 4);
        assert_eq!(
            fix("a.jsonl", &fixed, &LintOptions::default()).unwrap().1,
            0
        );
    }

    #[test]
    fn malformed_records_are_errors_with_a_line() {
        let err = lint(
            "b.jsonl",
            "{\"body\": \"ok\"}\n{\"body\": 1\n",
            &LintOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("b.jsonl:2:"), "{err}");
        assert!(lint("c.jsonl", "[1, 2]\n", &LintOptions::default()).is_err());
    }
}

//! Linting and repairing whole files: decode (through [`crate::document`]),
//! lint the text (JSON Lines field by field), and when repairing, encode the
//! result back the way the file was written.
//!
//! A repaired file keeps every byte outside the fixed spans: a UTF-8 file
//! keeps its byte-order mark, UTF-16 and EUC-KR files are written in their
//! encoding. When that is impossible (undecodable bytes, a repair EUC-KR
//! cannot represent) the file is not repaired and the reason is reported.

use super::{fix_text, jsonl, lint_text, LintOptions};
use crate::diagnostic::Diagnostic;
use crate::error::Result;

/// What linting one file produced.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// The decoded text the diagnostics point into (the repaired text when
    /// repairing).
    pub text: String,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems that make the run fail without stopping it: undecodable
    /// bytes, a repair that cannot be written back.
    pub problems: Vec<String>,
    /// The repaired file, when repairing was asked for and possible.
    pub repaired: Option<Repaired>,
}

/// A repaired file.
#[derive(Debug)]
pub struct Repaired {
    /// The bytes to write.
    pub bytes: Vec<u8>,
    /// How many fixes were applied.
    pub applied: usize,
}

/// True for paths read as JSON Lines (as [`crate::document`] reads them).
pub fn is_jsonl(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json")
}

fn lint_decoded(path: &str, text: &str, opts: &LintOptions) -> Result<Vec<Diagnostic>> {
    if is_jsonl(path) {
        jsonl::lint(path, text, opts)
    } else {
        Ok(lint_text(path, text, opts))
    }
}

/// Encode `text` as `encoding` (a name from [`crate::document::Decoded`]),
/// with a byte-order mark when `bom`.
pub fn encode(text: &str, encoding: &str, bom: bool) -> std::result::Result<Vec<u8>, String> {
    match encoding {
        "UTF-8" => {
            let mut out = if bom {
                vec![0xEF, 0xBB, 0xBF]
            } else {
                Vec::new()
            };
            out.extend_from_slice(text.as_bytes());
            Ok(out)
        }
        "UTF-16LE" | "UTF-16BE" => {
            let le = encoding == "UTF-16LE";
            let mut out = Vec::with_capacity(2 + text.len() * 2);
            if bom {
                out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            Ok(out)
        }
        "EUC-KR" => {
            if let Some(c) = text.chars().find(|&c| {
                let mut b = [0; 4];
                encoding_rs::EUC_KR.encode(c.encode_utf8(&mut b)).2
            }) {
                return Err(format!("`{}` has no EUC-KR form", super::show_char(c)));
            }
            Ok(encoding_rs::EUC_KR.encode(text).0.into_owned())
        }
        other => Err(format!("cannot write {other}")),
    }
}

/// Lint the bytes of `path`; with `repair`, apply every safe fix and report
/// what remains. Errors: binary content, malformed JSON Lines.
pub fn lint_bytes(
    path: &str,
    bytes: &[u8],
    opts: &LintOptions,
    repair: bool,
) -> Result<FileReport> {
    let decoded = crate::document::decode(path, bytes)?;
    let mut problems = Vec::new();
    if let Some(&first) = decoded.undecodable.first() {
        problems.push(format!(
            "{path}: {} undecodable byte sequence(s) in {}, first at byte {first}; replaced with U+FFFD",
            decoded.undecodable.len(),
            decoded.encoding
        ));
    }
    let text = decoded.text;
    let diagnostics = lint_decoded(path, &text, opts)?;
    let mut report = FileReport {
        path: path.to_owned(),
        text,
        diagnostics,
        problems,
        repaired: None,
    };
    if !repair {
        return Ok(report);
    }
    if !report.problems.is_empty() {
        report.problems.push(format!(
            "{path}: not repaired: the file has undecodable bytes that a rewrite would lose"
        ));
        return Ok(report);
    }
    // Writing back must reproduce the original bytes exactly where nothing
    // is fixed; check the encoding round trip before trusting it.
    match encode(&report.text, decoded.encoding, decoded.bom) {
        Ok(same) if same == bytes => {}
        _ => {
            report.problems.push(format!(
                "{path}: not repaired: re-encoding as {} would change bytes that need no fix",
                decoded.encoding
            ));
            return Ok(report);
        }
    }
    let (fixed, applied) = if is_jsonl(path) {
        jsonl::fix(path, &report.text, opts)?
    } else {
        fix_text(&report.text, opts)
    };
    if applied == 0 {
        report.repaired = Some(Repaired {
            bytes: bytes.to_vec(),
            applied,
        });
        return Ok(report);
    }
    match encode(&fixed, decoded.encoding, decoded.bom) {
        Ok(out) => {
            report.diagnostics = lint_decoded(path, &fixed, opts)?;
            report.text = fixed;
            report.repaired = Some(Repaired {
                bytes: out,
                applied,
            });
        }
        Err(why) => report.problems.push(format!(
            "{path}: not repaired: the repaired text cannot be written as {}: {why}",
            decoded.encoding
        )),
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair(path: &str, bytes: &[u8]) -> FileReport {
        lint_bytes(path, bytes, &LintOptions::default(), true).unwrap()
    }

    #[test]
    fn repair_keeps_a_utf8_bom_and_untouched_bytes() {
        let r = repair("a.txt", b"\xEF\xBB\xBFKorea&#x27;s exports\r\nline two\r\n");
        let out = r.repaired.unwrap();
        assert_eq!(out.bytes, b"\xEF\xBB\xBFKorea's exports\r\nline two\r\n");
        assert_eq!(out.applied, 1);
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn utf16_and_euc_kr_files_are_written_in_their_encoding() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("a&amp;b".encode_utf16().flat_map(u16::to_le_bytes));
        let out = repair("u.txt", &utf16).repaired.unwrap().bytes;
        let expected: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a&b".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(out, expected);
        let (euc, _, _) =
            encoding_rs::EUC_KR.encode("정부가 밝혔다&quot;라고 했다. 수출이 늘었다.");
        let out = repair("k.txt", &euc).repaired.unwrap().bytes;
        assert_eq!(
            out,
            encoding_rs::EUC_KR
                .encode("정부가 밝혔다\"라고 했다. 수출이 늘었다.")
                .0
                .into_owned()
        );
    }

    #[test]
    fn a_repair_euc_kr_cannot_hold_is_refused() {
        let (euc, _, _) = encoding_rs::EUC_KR.encode("정부가 caf&eacute;를 밝혔다. 수출이 늘었다.");
        let r = repair("k.txt", &euc);
        assert!(r.repaired.is_none());
        assert!(r.problems[0].contains("EUC-KR"), "{:?}", r.problems);
    }

    #[test]
    fn undecodable_files_are_linted_but_not_repaired() {
        let r = repair("bad.txt", b"abc \xff def &amp;");
        assert!(r.repaired.is_none());
        assert_eq!(r.problems.len(), 2);
        assert!(!r.diagnostics.is_empty());
    }

    #[test]
    fn binary_files_are_errors() {
        assert!(lint_bytes("b.bin", b"\x7fELF\0\0\x01", &LintOptions::default(), false).is_err());
    }
}

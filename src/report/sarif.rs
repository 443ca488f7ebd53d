//! `sarif`: SARIF 2.1.0, as GitHub code scanning and other services accept it.
//!
//! One run; the tool's rules are every code of the families the results
//! belong to (`BT1xx` for lint), in code order, each with its title,
//! explanation and default level, so a rule's index is the same in every lint
//! report.
//! Columns count Unicode code points (`columnKind`), end columns are
//! exclusive. Safe fixes are included as `fixes`.

use super::Sources;
use crate::diagnostic::{Code, Diagnostic, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};

/// The schema every SARIF 2.1.0 log names.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where the documentation of the tool lives.
pub fn information_uri() -> String {
    format!(
        "https://docs.rs/bitext/{}/bitext/",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where the documentation of `code` lives (the same text as `bitext explain`).
pub fn help_uri(code: Code) -> String {
    format!(
        "https://docs.rs/bitext/{}/bitext/diagnostic/enum.Code.html#variant.{}",
        env!("CARGO_PKG_VERSION"),
        code.variant_name()
    )
}

/// `path` in one spelling whatever way it was typed: forward slashes, no
/// `.` or `a/..` steps, and relative to the working directory when it lies
/// under it (`./corpora/x`, `corpora/x` and `/work/corpora/x` run from
/// `/work` are all `corpora/x`).
pub fn normalise_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let absolute = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            c => parts.push(c),
        }
    }
    if absolute {
        if let Ok(cwd) = std::env::current_dir() {
            let cwd = cwd.to_string_lossy().replace('\\', "/");
            let base: Vec<&str> = cwd.split('/').filter(|c| !c.is_empty()).collect();
            if !base.is_empty() && parts.starts_with(&base) {
                return parts[base.len()..].join("/");
            }
        }
        return format!("/{}", parts.join("/"));
    }
    parts.join("/")
}

/// A path as a URI reference: the path normalised ([`normalise_path`]);
/// relative paths stay relative, absolute ones become `file://` URIs;
/// everything outside the unreserved set is percent-encoded.
pub fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let p = normalise_path(path);
    let mut out = String::new();
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule(c: Code) -> Value {
    json!({
        "id": c.as_str(),
        "name": c.category(),
        "shortDescription": { "text": c.title() },
        "fullDescription": { "text": c.explanation() },
        "help": { "text": format!("{}\n\nRun `bitext explain {}` for details.", c.explanation(), c.as_str()) },
        "helpUri": help_uri(c),
        "defaultConfiguration": { "level": level(c.severity()) },
        "properties": { "tags": [c.category()] },
    })
}

fn region(line: usize, column: usize, end_line: usize, end_column: usize) -> Value {
    json!({ "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column })
}

/// The family of a code: `1` for `BT101`.
fn family(c: Code) -> u8 {
    c.as_str().as_bytes().get(2).copied().unwrap_or(b'0')
}

/// The rules a log lists: every code of the families that `diags` use.
fn rules(diags: &[Diagnostic]) -> Vec<Code> {
    let families: Vec<u8> = diags.iter().map(|d| family(d.code)).collect();
    Code::ALL
        .iter()
        .copied()
        .filter(|&c| families.contains(&family(c)))
        .collect()
}

/// 64-bit FNV-1a, a fixed and documented hash, so fingerprints stay the same
/// across versions and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The key of a finding's identity: its code, its file (normalised) and the
/// text it points at (its message when the span is empty or the text
/// unknown), so it survives re-runs, other findings coming and going, and
/// lines moving.
fn identity(d: &Diagnostic, sources: &Sources) -> String {
    let loc = &d.location;
    let text = sources
        .get(&loc.path)
        .and_then(|s| s.text().get(loc.span.range()))
        .filter(|t| !t.is_empty())
        .unwrap_or(&d.message);
    format!(
        "{}\0{}\0{}",
        d.code.as_str(),
        normalise_path(&loc.path),
        text
    )
}

fn result(d: &Diagnostic, rules: &[Code], sources: &Sources, fingerprint: String) -> Value {
    let loc = &d.location;
    let (end_line, end_column) = sources.end_of(d);
    let rule_index = rules.iter().position(|&c| c == d.code).unwrap_or(0);
    let artifact = json!({ "uri": uri(&loc.path) });
    let mut r = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "partialFingerprints": { "bitextIdentity/v1": fingerprint },
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": region(loc.line, loc.column, end_line, end_column),
            }
        }],
    });
    if let Some(rel) = &d.related {
        r["relatedLocations"] = json!([{
            "id": 1,
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&rel.path) },
                "region": { "startLine": rel.line, "startColumn": rel.column },
            }
        }]);
    }
    if let Some(f) = d.fix.as_ref().filter(|f| f.safe) {
        r["fixes"] = json!([{
            "description": { "text": if f.replacement.is_empty() { "Remove".to_owned() } else { format!("Replace with `{}`", super::visible(&f.replacement)) } },
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{
                    "deletedRegion": region(loc.line, loc.column, end_line, end_column),
                    "insertedContent": { "text": f.replacement },
                }],
            }],
        }]);
    }
    r
}

/// Write a SARIF log with one run.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    let rules = rules(diags);
    // The n-th finding with the same identity gets `:n`, so two identical
    // findings in one file stay two alerts.
    let mut seen: std::collections::HashMap<u64, usize> = Default::default();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let h = fnv1a(identity(d, sources).as_bytes());
            let n = seen.entry(h).or_insert(0);
            *n += 1;
            result(d, &rules, sources, format!("{h:016x}:{n}"))
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "bitext",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": information_uri(),
                    "rules": rules.iter().map(|&c| rule(c)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;
    use crate::span::Span;

    #[test]
    fn the_other_side_of_a_pair_is_a_related_location() {
        let at = |path: &str| Location {
            path: path.into(),
            line: 2,
            column: 3,
            span: Span::new(4, 6),
        };
        let mut d = Diagnostic::new(
            Code::NumberMismatch,
            at("en.txt"),
            "3500억 달러 became $35 billion",
        );
        d.related = Some(at("ko.txt"));
        let mut out = Vec::new();
        write(&[d], &Sources::new(), &mut out).unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        let result = &log["runs"][0]["results"][0];
        assert_eq!(
            result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "ko.txt"
        );
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert!(rules
            .iter()
            .all(|r| r["id"].as_str().unwrap().starts_with("BT4")));
        assert_eq!(
            rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "BT401"
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpora/en/a b.txt"), "corpora/en/a%20b.txt");
        assert_eq!(
            uri("/nonexistent-root/x.txt"),
            "file:///nonexistent-root/x.txt"
        );
        assert_eq!(uri("./corpora/./en/../en/x.txt"), "corpora/en/x.txt");
        let cwd = std::env::current_dir().unwrap();
        let abs = cwd.join("corpora/x.txt");
        assert_eq!(uri(&abs.to_string_lossy()), "corpora/x.txt");
        assert_eq!(uri("dir\\기사.txt"), "dir/%EA%B8%B0%EC%82%AC.txt");
    }
}

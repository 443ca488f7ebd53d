//! `json`: an array of diagnostic objects (see the module doc of
//! [`crate::report`] for the fields), one object per line.

use super::Sources;
use crate::diagnostic::Diagnostic;
use serde_json::{json, Value};
use std::io::{self, Write};

/// The wire object of one diagnostic.
pub fn object(d: &Diagnostic, sources: &Sources) -> Value {
    let loc = &d.location;
    let (end_line, end_column) = sources.end_of(d);
    let mut v = json!({
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": end_line,
        "end_column": end_column,
        "start": loc.span.start,
        "end": loc.span.end,
        "code": d.code.as_str(),
        "category": d.code.category(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "fix": d.fix.as_ref().map(|f| f.replacement.as_str()),
    });
    if let Some(f) = &d.fix {
        v["fix_safe"] = json!(f.safe);
    }
    if let Some(r) = &d.related {
        v["related"] = json!({
            "path": r.path, "line": r.line, "column": r.column, "start": r.span.start, "end": r.span.end,
        });
    }
    v
}

/// Write `diags` as a JSON array.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    if diags.is_empty() {
        return writeln!(out, "[]");
    }
    writeln!(out, "[")?;
    for (i, d) in diags.iter().enumerate() {
        let sep = if i + 1 < diags.len() { "," } else { "" };
        writeln!(out, "  {}{sep}", object(d, sources))?;
    }
    writeln!(out, "]")
}

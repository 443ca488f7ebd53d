//! `jsonl`: one diagnostic object per line (fields in [`crate::report`]).

use super::Sources;
use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// Write one JSON object per diagnostic.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    for d in diags {
        writeln!(out, "{}", super::json::object(d, sources))?;
    }
    Ok(())
}

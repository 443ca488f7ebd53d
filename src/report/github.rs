//! `github`: GitHub Actions workflow commands, one annotation per diagnostic:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::Sources;
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// Escape the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Write one annotation per diagnostic.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let loc = &d.location;
        let (end_line, end_column) = sources.end_of(d);
        let title = format!("{} {}", d.code, d.code.category());
        let mut message = d.message.clone();
        if let Some(f) = d.fix.as_ref().filter(|f| f.safe) {
            message.push_str(&format!(" (fix: `{}`)", super::visible(&f.replacement)));
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}",
            property(&loc.path),
            loc.line,
            loc.column,
            property(&title),
            data(&super::visible(&message)),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(property("a,b:c%\nd"), "a%2Cb%3Ac%25%0Ad");
        assert_eq!(data("50% done\r\n"), "50%25 done%0D%0A");
    }
}

//! `junit`: JUnit XML for CI dashboards. Each file is a test case; a file
//! with findings fails, and the failure lists them one per line.

use super::Sources;
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// Escape text for XML, writing characters XML 1.0 cannot carry as `<U+XXXX>`.
fn xml(s: &str) -> String {
    let mut shown = String::with_capacity(s.len());
    for c in s.chars() {
        if (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
            || ('\u{7F}'..='\u{9F}').contains(&c)
        {
            shown.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            shown.push(c);
        }
    }
    quick_xml::escape::escape(shown.as_str()).into_owned()
}

/// Write a test suite with a test case per source (in the order added) and
/// per path that only diagnostics name.
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    let mut paths: Vec<&str> = sources.iter().map(|s| s.path()).collect();
    for d in diags {
        if !paths.contains(&d.location.path.as_str()) && sources.get(&d.location.path).is_none() {
            paths.push(&d.location.path);
        }
    }
    fn failing<'d>(diags: &'d [Diagnostic], p: &str) -> Vec<&'d Diagnostic> {
        diags.iter().filter(|d| d.location.path == p).collect()
    }
    let failures = paths
        .iter()
        .filter(|p| !failing(diags, p).is_empty())
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="bitext" tests="{}" failures="{failures}" errors="0">"#,
        paths.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="bitext" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        paths.len()
    )?;
    for p in &paths {
        let found = failing(diags, p);
        if found.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="bitext" name="{}"/>"#,
                xml(p)
            )?;
            continue;
        }
        let errors = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let summary = format!(
            "{} finding{} ({errors} error{})",
            found.len(),
            if found.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" }
        );
        let worst = found
            .iter()
            .map(|d| d.severity)
            .max()
            .unwrap_or(Severity::Info);
        writeln!(
            out,
            r#"    <testcase classname="bitext" name="{}">"#,
            xml(p)
        )?;
        write!(
            out,
            r#"      <failure message="{}" type="{}">"#,
            xml(&summary),
            worst.as_str()
        )?;
        for d in &found {
            let loc = &d.location;
            writeln!(out)?;
            write!(
                out,
                "{}",
                xml(&format!(
                    "{}:{}:{}: {} {}",
                    loc.path,
                    loc.line,
                    loc.column,
                    d.code,
                    super::visible(&d.message)
                ))
            )?;
        }
        writeln!(out)?;
        writeln!(out, "      </failure>")?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_forbidden_characters() {
        assert_eq!(
            xml("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;&lt;U+0001&gt;"
        );
    }
}

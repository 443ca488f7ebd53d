//! `junit`: JUnit XML for CI dashboards, the one writer lint and audit share.
//!
//! A [`Suite`] holds test cases (a file for lint; an article, or a row of a
//! pairs file, for audit). A case *fails* only when it holds a finding at or
//! above the run's `--fail-on` threshold, so the dashboard agrees with the
//! exit code: with `--fail-on never` no case fails. Findings below the
//! threshold are listed in the case's `<system-out>`. Each finding is one
//! line of the failure text (real line breaks; characters XML 1.0 cannot
//! carry are written `<U+XXXX>`).

use super::{FailOn, Sources};
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// Escape text for XML content, keeping line breaks and tabs, writing
/// characters XML 1.0 cannot carry as `<U+XXXX>`.
pub fn xml_text(s: &str) -> String {
    let mut shown = String::with_capacity(s.len());
    for c in s.chars() {
        if (c < ' ' && !matches!(c, '\t' | '\n'))
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

/// Escape text for an XML attribute: one line, every control and invisible
/// character written `<U+XXXX>`.
pub fn xml_attr(s: &str) -> String {
    quick_xml::escape::escape(super::visible(s).as_str()).into_owned()
}

/// One test case.
#[derive(Clone, Debug, Default)]
pub struct Case {
    /// Name shown by the dashboard.
    pub name: String,
    /// Its findings, in the order they should be listed.
    pub findings: Vec<Diagnostic>,
    /// Extra lines for `<system-out>` (e.g. a score).
    pub out: Vec<String>,
}

/// A test suite.
#[derive(Clone, Debug, Default)]
pub struct Suite {
    /// Suite name.
    pub name: String,
    /// `classname` of the cases.
    pub class: String,
    /// `<properties>` of the suite.
    pub properties: Vec<(String, String)>,
    /// The cases, in order.
    pub cases: Vec<Case>,
}

/// One finding as a line of text: `path:line:col: severity CODE [category] message`.
fn line(d: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {} {} [{}] {}",
        super::visible(&d.location.path),
        d.location.line,
        d.location.column,
        d.severity.as_str(),
        d.code,
        d.code.category(),
        super::visible(&d.message)
    )
}

/// Write `suite`; a case fails when it holds a finding at or above `fail_on`.
pub fn write_suite(suite: &Suite, fail_on: FailOn, out: &mut dyn Write) -> io::Result<()> {
    let failing = |c: &Case| c.findings.iter().any(|d| fail_on.fails(d.severity));
    let tests = suite.cases.len();
    let failures = suite.cases.iter().filter(|c| failing(c)).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="{}" tests="{tests}" failures="{failures}" errors="0">"#,
        xml_attr(&suite.name)
    )?;
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{tests}" failures="{failures}" errors="0" skipped="0" time="0">"#,
        xml_attr(&suite.name)
    )?;
    if !suite.properties.is_empty() {
        writeln!(out, "    <properties>")?;
        for (k, v) in &suite.properties {
            writeln!(
                out,
                r#"      <property name="{}" value="{}"/>"#,
                xml_attr(k),
                xml_attr(v)
            )?;
        }
        writeln!(out, "    </properties>")?;
    }
    for case in &suite.cases {
        write!(
            out,
            r#"    <testcase name="{}" classname="{}" time="0">"#,
            xml_attr(&case.name),
            xml_attr(&suite.class)
        )?;
        let (fails, rest): (Vec<&Diagnostic>, Vec<&Diagnostic>) = case
            .findings
            .iter()
            .partition(|d| fail_on.fails(d.severity));
        if let Some(first) = fails.first() {
            let errors = fails
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let summary = format!(
                "{} finding{} ({errors} error{}): {}",
                fails.len(),
                if fails.len() == 1 { "" } else { "s" },
                if errors == 1 { "" } else { "s" },
                first.message
            );
            write!(
                out,
                "\n      <failure message=\"{}\" type=\"{}\">",
                xml_attr(&summary),
                first.code
            )?;
            for d in &fails {
                write!(out, "\n{}", xml_text(&line(d)))?;
            }
            write!(out, "\n      </failure>")?;
        }
        let mut lines: Vec<String> = case.out.clone();
        lines.extend(rest.iter().map(|d| line(d)));
        if !lines.is_empty() {
            write!(
                out,
                "\n      <system-out>{}</system-out>",
                xml_text(&lines.join("\n"))
            )?;
        }
        if fails.is_empty() && lines.is_empty() {
            writeln!(out, "</testcase>")?;
        } else {
            writeln!(out, "\n    </testcase>")?;
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Lint's JUnit: a test case per source (in the order added) and per path
/// that only diagnostics name.
pub fn write_failing(
    diags: &[Diagnostic],
    sources: &Sources,
    fail_on: FailOn,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut cases: Vec<Case> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for s in sources.iter() {
        index.insert(s.path().to_string(), cases.len());
        cases.push(Case {
            name: s.path().to_string(),
            ..Case::default()
        });
    }
    for d in diags {
        let i = *index.entry(d.location.path.clone()).or_insert_with(|| {
            cases.push(Case {
                name: d.location.path.clone(),
                ..Case::default()
            });
            cases.len() - 1
        });
        cases[i].findings.push(d.clone());
    }
    let suite = Suite {
        name: "bitext".into(),
        class: "bitext".into(),
        properties: Vec::new(),
        cases,
    };
    write_suite(&suite, fail_on, out)
}

/// [`write_failing`] with lint's default threshold (warnings fail).
pub fn write(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    write_failing(diags, sources, FailOn::Warning, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Location};
    use crate::span::Span;

    #[test]
    fn xml_escapes_markup_and_forbidden_characters_but_keeps_line_breaks() {
        assert_eq!(
            xml_text("a<b>&\"'\u{1}\nc"),
            "a&lt;b&gt;&amp;&quot;&apos;&lt;U+0001&gt;\nc"
        );
        assert!(!xml_attr("a\nb").contains('\n'));
    }

    fn diag(path: &str, code: Code, severity: Severity) -> Diagnostic {
        let mut d = Diagnostic::new(
            code,
            Location {
                path: path.into(),
                line: 1,
                column: 1,
                span: Span::new(0, 1),
            },
            "msg",
        );
        d.severity = severity;
        d
    }

    fn junit(diags: &[Diagnostic], fail_on: FailOn) -> String {
        let mut out = Vec::new();
        write_failing(diags, &Sources::new(), fail_on, &mut out).unwrap_or_default();
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn failures_follow_the_threshold_and_break_lines() {
        let d = vec![
            diag("a", Code::HtmlEntity, Severity::Warning),
            diag("a", Code::HtmlEntity, Severity::Error),
            diag("b", Code::HtmlEntity, Severity::Warning),
        ];
        let x = junit(&d, FailOn::Warning);
        assert!(x.contains(r#"tests="2" failures="2""#));
        assert!(x.contains("msg\na:1:1: error"));
        assert!(!x.contains("U+000A"));
        let x = junit(&d, FailOn::Error);
        assert!(x.contains(r#"tests="2" failures="1""#));
        assert!(x.contains("<system-out>a:1:1: warning"));
        let x = junit(&d, FailOn::Never);
        assert!(x.contains(r#"failures="0""#));
        assert!(!x.contains("<failure"));
    }
}

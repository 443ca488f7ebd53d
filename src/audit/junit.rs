//! JUnit XML of an audit: a test case per article (per row for a pairs
//! file), failures carrying the findings. (SARIF and GitHub annotations of
//! audit findings are the shared [`crate::report`] writers.)

use super::run::AuditRun;
use crate::diagnostic::{Diagnostic, Severity};
use std::io::Write;

/// Escape for XML text and attributes; characters XML 1.0 cannot carry
/// (controls) are written `<U+XXXX>` first.
fn escape(s: &str) -> String {
    quick_xml::escape::escape(crate::report::visible(s).as_str()).into_owned()
}

/// Write JUnit XML: one test case per article (per row for a pairs file);
/// a case fails when one of its pairs has findings above `Info`.
pub fn write(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    let failing: Vec<bool> = run
        .groups
        .iter()
        .map(|g| {
            g.rows.iter().any(|&r| {
                run.batch.pairs[r]
                    .findings
                    .iter()
                    .any(|f| f.severity > Severity::Info)
            })
        })
        .collect();
    let failures = failing.iter().filter(|&&f| f).count();
    let tests = run.groups.len();
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<testsuites name="bitext audit" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    writeln!(
        w,
        r#"  <testsuite name="{}" tests="{tests}" failures="{failures}" errors="0" skipped="0" time="0">"#,
        escape(&run.title)
    )?;
    writeln!(
        w,
        r#"    <properties><property name="batch_score" value="{:.4}"/></properties>"#,
        run.batch.score
    )?;
    for (g, &fails) in run.groups.iter().zip(&failing) {
        write!(
            w,
            r#"    <testcase name="{}" classname="bitext.audit" time="0">"#,
            escape(&g.name)
        )?;
        if fails {
            let mut details = String::new();
            let mut first: Option<Diagnostic> = None;
            let mut count = 0;
            for &r in &g.rows {
                for f in run.batch.pairs[r]
                    .findings
                    .iter()
                    .filter(|f| f.severity > Severity::Info)
                {
                    let d = run.diagnostic(r, f);
                    details.push_str(&format!(
                        "{}:{}:{}: {} {} [{}] {}\n",
                        d.location.path,
                        d.location.line,
                        d.location.column,
                        d.severity.as_str(),
                        d.code,
                        d.code.category(),
                        d.message
                    ));
                    count += 1;
                    first.get_or_insert(d);
                }
            }
            if let Some(d) = first {
                write!(
                    w,
                    "\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
                    escape(
                        format!("{count} finding(s), score {:.3}: {}", g.score, d.message).as_str()
                    ),
                    d.code,
                    escape(&details)
                )?;
            }
        }
        writeln!(
            w,
            "<system-out>score {:.4}</system-out></testcase>",
            g.score
        )?;
    }
    writeln!(w, "  </testsuite>")?;
    writeln!(w, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::run::{Origin, SourceFile};
    use crate::audit::{audit_batch, AuditOptions, PairInput};

    fn run() -> AuditRun {
        let pairs = vec![
            PairInput {
                id: Some("good".into()),
                ko: "그는 집에 갔다.".into(),
                en: "He went home.".into(),
            },
            PairInput {
                id: Some("bad".into()),
                ko: "그는 집에 갔다.".into(),
                en: "그는 집에 갔다.".into(),
            },
        ];
        let batch = audit_batch(&pairs, &AuditOptions::default());
        let groups = AuditRun::group_rows(&pairs, &batch);
        AuditRun {
            title: "pairs <test>".into(),
            files: vec![SourceFile::new("p.tsv", "x")],
            origins: vec![Origin::default(); 2],
            pairs,
            batch,
            groups,
        }
    }

    #[test]
    fn junit_has_a_case_per_group_and_escapes() {
        let mut out = Vec::new();
        write(&mut out, &run()).unwrap_or_default();
        let xml = String::from_utf8(out).unwrap_or_default();
        assert!(xml.contains(r#"tests="2" failures="1""#));
        assert!(xml.contains("pairs &lt;test&gt;"));
        assert_eq!(xml.matches("<testcase ").count(), 2);
        assert_eq!(xml.matches("<failure ").count(), 1);
        assert!(xml.contains(r#"type="BT405""#));
    }

    #[test]
    fn junit_carries_no_control_characters() {
        let mut r = run();
        r.groups[1].name = "bad\u{1}name".into();
        let mut out = Vec::new();
        write(&mut out, &r).unwrap_or_default();
        let xml = String::from_utf8(out).unwrap_or_default();
        assert!(!xml.contains('\u{1}'));
        assert!(xml.contains("bad&lt;U+0001&gt;name"));
    }
}

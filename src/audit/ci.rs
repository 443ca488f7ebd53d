//! CI reports of an audit: SARIF 2.1.0, GitHub workflow annotations and
//! JUnit XML (a test case per article, failures carrying the findings).

use super::run::AuditRun;
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use quick_xml::escape::escape;
use serde_json::{json, Value};
use std::io::Write;

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn sarif_location(l: &Location, text: Option<&str>) -> Value {
    let mut region = json!({
        "startLine": l.line,
        "startColumn": l.column,
        "byteOffset": l.span.start,
        "byteLength": l.span.len(),
    });
    if let Some(t) = text.and_then(|t| t.get(l.span.range())) {
        if !t.is_empty() {
            region["snippet"] = json!({ "text": t });
        }
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": l.path },
            "region": region,
        }
    })
}

/// The SARIF 2.1.0 log of `run`: one rule per audit code, one result per finding.
pub fn sarif(run: &AuditRun) -> Value {
    let codes: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| c.as_str().starts_with("BT4"))
        .collect();
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.category(),
                "shortDescription": { "text": c.title() },
                "fullDescription": { "text": c.explanation() },
                "help": { "text": c.explanation() },
                "defaultConfiguration": { "level": sarif_level(c.severity()) },
            })
        })
        .collect();
    let text_of = |path: &str| {
        run.files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.text.as_str())
    };
    let results: Vec<Value> = run
        .findings()
        .map(|(row, f)| {
            let d = run.diagnostic(row, f);
            let mut r = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": codes.iter().position(|&c| c == d.code),
                "level": sarif_level(d.severity),
                "message": { "text": d.message },
                "locations": [sarif_location(&d.location, text_of(&d.location.path))],
                "properties": {
                    "category": d.code.category(),
                    "pairScore": run.batch.pairs[row].score,
                    "row": row,
                },
            });
            if let Some(rel) = &d.related {
                let mut l = sarif_location(rel, text_of(&rel.path));
                l["id"] = json!(1);
                l["message"] = json!({ "text": "Korean source" });
                r["relatedLocations"] = json!([l]);
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "bitext",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": { "batchScore": run.batch.score, "pairs": run.pairs.len() },
        }]
    })
}

/// Write the SARIF log.
pub fn write_sarif(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &sarif(run))?;
    w.write_all(b"\n")
}

/// Escape workflow-command data (`%`, CR, LF) and, for properties, `:` and `,`.
fn gh_escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// One GitHub annotation line for `d`.
pub fn github_line(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    format!(
        "::{level} file={},line={},col={},title={}::{}",
        gh_escape(&d.location.path, true),
        d.location.line,
        d.location.column,
        gh_escape(&format!("{} {}", d.code, d.code.category()), true),
        gh_escape(&d.message, false)
    )
}

/// Write GitHub workflow annotations, one per finding, then a notice with the batch score.
pub fn write_github(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    for d in run.diagnostics() {
        writeln!(w, "{}", github_line(&d))?;
    }
    writeln!(
        w,
        "::notice title=bitext audit::{}",
        gh_escape(
            &format!(
                "batch score {:.3}, {} of {} pairs flagged",
                run.batch.score,
                run.batch.flagged(),
                run.pairs.len()
            ),
            false
        )
    )
}

/// Write JUnit XML: one test case per article (per row for a pairs file);
/// a case fails when one of its pairs has findings above `Info`.
pub fn write_junit(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
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
        escape(run.title.as_str())
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
            escape(g.name.as_str())
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
                    escape(details.as_str())
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
    fn sarif_has_rules_results_and_related_korean() {
        let v = sarif(&run());
        assert_eq!(v["version"], "2.1.0");
        let r = &v["runs"][0];
        assert!(r["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|a| a.len() >= 9));
        let results = r["results"].as_array().cloned().unwrap_or_default();
        assert_eq!(results.len(), 1);
        assert_eq!(results[0]["ruleId"], "BT405");
        assert_eq!(results[0]["level"], "error");
        assert_eq!(
            results[0]["relatedLocations"][0]["message"]["text"],
            "Korean source"
        );
    }

    #[test]
    fn github_escapes_properties_and_data() {
        let mut d = run().diagnostics().remove(0);
        d.location.path = "a,b:c.tsv".into();
        d.message = "50% done\nnext".into();
        let line = github_line(&d);
        assert!(
            line.starts_with("::error file=a%2Cb%3Ac.tsv,line=1,col=1,title=BT405 untranslated::")
        );
        assert!(line.ends_with("50%25 done%0Anext"));
    }

    #[test]
    fn junit_has_a_case_per_group_and_escapes() {
        let mut out = Vec::new();
        write_junit(&mut out, &run()).unwrap_or_default();
        let xml = String::from_utf8(out).unwrap_or_default();
        assert!(xml.contains(r#"tests="2" failures="1""#));
        assert!(xml.contains("pairs &lt;test&gt;"));
        assert_eq!(xml.matches("<testcase ").count(), 2);
        assert_eq!(xml.matches("<failure ").count(), 1);
        assert!(xml.contains(r#"type="BT405""#));
    }
}

//! `bitext audit`: pair checks through the CLI, exit codes, and every report
//! format checked for structure and content (the HTML one in a real
//! headless browser when Chromium is installed).

use crate::util::{code, repo_path, run, stderr, stdout, write};
use quick_xml::events::Event;
use serde_json::Value;
use std::path::Path;

fn fixture() -> String {
    repo_path("tests/fixtures/audit/pairs.tsv")
}

fn jsonl(path: &str) -> Vec<Value> {
    let out = run(&[
        "audit",
        "--pairs",
        path,
        "--format",
        "jsonl",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// The 1-based line of the fixture row with id `id`.
fn line_of(id: &str) -> usize {
    let text = std::fs::read_to_string(fixture()).unwrap();
    text.lines()
        .position(|l| l.starts_with(&format!("{id}\t")))
        .unwrap()
        + 1
}

#[test]
fn jsonl_has_one_object_per_row_in_order_with_ids_scores_and_codes() {
    let rows = jsonl(&fixture());
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["clean-1", "clean-2", "clean-3", "copy-1", "loop-1", "cut-1", "wrong-1"]
    );
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["row"], i);
        let s = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s));
    }
    for clean in &rows[..3] {
        assert_eq!(clean["codes"], serde_json::json!([]), "{clean}");
        assert_eq!(clean["categories"], serde_json::json!([]));
        assert!(clean["score"].as_f64().unwrap() > 0.9);
    }
    let has = |r: &Value, cat: &str| r["categories"].as_array().unwrap().iter().any(|c| c == cat);
    assert!(has(&rows[3], "untranslated"));
    assert!(has(&rows[4], "repetition"));
    assert!(has(&rows[5], "omission"));
    assert!(has(&rows[6], "wrong_pair"));
    for bad in &rows[3..] {
        assert_eq!(bad["flagged"], true, "{bad}");
        assert!(bad["score"].as_f64().unwrap() < 0.5);
    }
}

#[test]
fn jsonl_findings_carry_spans_on_each_side() {
    let rows = jsonl(&fixture());
    let en_span = &rows[4]["findings"][0]["en"];
    assert_eq!(en_span["text"], "and ended the season and ended the season");
    let copy = &rows[3]["findings"][0];
    assert_eq!(copy["code"], "BT405");
    assert_eq!(copy["ko"]["start"], 0);
    assert!(copy["ko"]["text"].as_str().unwrap().starts_with("시민들은"));
}

#[test]
fn csv_without_id_column_is_read_with_quotes() {
    let rows = jsonl(&repo_path("tests/fixtures/audit/pairs.csv"));
    assert_eq!(rows.len(), 2);
    assert!(rows[0].get("id").is_none());
    assert_eq!(rows[1]["codes"], serde_json::json!([]));
}

#[test]
fn exit_codes_follow_fail_on_and_min_score() {
    let f = fixture();
    let out = run(&["audit", "--pairs", &f]);
    assert_eq!(code(&out), 1, "errors fail by default");
    assert!(stdout(&out).contains("batch score"));
    let out = run(&["audit", "--pairs", &f, "--fail-on", "never"]);
    assert_eq!(code(&out), 0);
    let out = run(&[
        "audit",
        "--pairs",
        &f,
        "--fail-on",
        "never",
        "--min-score",
        "0.99",
    ]);
    assert_eq!(code(&out), 1, "batch score below --min-score");
    let csv = repo_path("tests/fixtures/audit/pairs.csv");
    let out = run(&[
        "audit",
        "--pairs",
        &csv,
        "--fail-on",
        "warning",
        "--min-score",
        "0.5",
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["audit", "--pairs", "/nonexistent/pairs.tsv"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/nonexistent/pairs.tsv"));
    let f = write(dir.path(), "p.csv", b"source,target\na,b\n");
    let out = run(&["audit", "--pairs", &f]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("`en` and `ko`"), "{}", stderr(&out));
    let out = run(&["audit", "--pairs", &fixture(), "--min-score", "7"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.jsonl");
    let out = run(&[
        "audit",
        "--pairs",
        &fixture(),
        "--format",
        "jsonl",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 7);
}

#[test]
fn sarif_points_at_the_side_the_finding_concerns() {
    let out = run(&["audit", "--pairs", &fixture(), "--format", "sarif"]);
    assert_eq!(code(&out), 1);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &v["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "bitext");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(rule_ids.contains(&"BT401") && rule_ids.contains(&"BT409"));
    assert!(rules.iter().all(|r| r["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("What it does")));
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let text = std::fs::read_to_string(fixture()).unwrap();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(matches!(r["level"].as_str(), Some("error" | "warning")));
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("tests/fixtures/audit/pairs.tsv"));
        let line = loc["region"]["startLine"].as_u64().unwrap() as usize;
        let column = loc["region"]["startColumn"].as_u64().unwrap() as usize;
        // The English cell is the third column of its line; the Korean the second.
        let cells: Vec<&str> = text.lines().nth(line - 1).unwrap().split('\t').collect();
        let en_column = cells[0].chars().count() + cells[1].chars().count() + 3;
        let en_end = en_column + cells[2].chars().count();
        let in_en = |c: usize| (en_column..=en_end).contains(&c);
        let in_ko = |c: usize| c > cells[0].chars().count() && c < en_column;
        let related = &r["relatedLocations"][0]["physicalLocation"]["region"];
        assert_eq!(related["startLine"].as_u64().unwrap() as usize, line);
        let other = related["startColumn"].as_u64().unwrap() as usize;
        // Located on the side the finding concerns, the other side related.
        assert!(
            (in_en(column) && in_ko(other)) || (in_ko(column) && in_en(other)),
            "{r}"
        );
    }
    let loop_result = results.iter().find(|r| r["ruleId"] == "BT407").unwrap();
    let region = &loop_result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        region["startLine"].as_u64().unwrap() as usize,
        line_of("loop-1")
    );
    let row = text.lines().nth(line_of("loop-1") - 1).unwrap();
    let from = region["startColumn"].as_u64().unwrap() as usize - 1;
    let to = region["endColumn"].as_u64().unwrap() as usize - 1;
    let marked: String = row.chars().skip(from).take(to - from).collect();
    assert_eq!(marked, "and ended the season and ended the season");
}

/// The attributes of every start or empty element named `name`.
fn elements(xml: &str, name: &str) -> Vec<Vec<(String, String)>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name.as_bytes() => {
                out.push(
                    e.attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            (
                                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                                a.unescape_value().unwrap().into_owned(),
                            )
                        })
                        .collect(),
                );
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap()
}

#[test]
fn junit_has_a_case_per_pair_and_failures_carry_findings() {
    let out = run(&[
        "audit",
        "--pairs",
        &fixture(),
        "--format",
        "junit",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(code(&out), 1);
    let xml = stdout(&out);
    let suites = elements(&xml, "testsuite");
    assert_eq!(suites.len(), 1);
    assert_eq!(attr(&suites[0], "tests"), "7");
    assert_eq!(attr(&suites[0], "failures"), "4");
    let cases = elements(&xml, "testcase");
    let names: Vec<&str> = cases.iter().map(|c| attr(c, "name")).collect();
    assert_eq!(
        names,
        ["clean-1", "clean-2", "clean-3", "copy-1", "loop-1", "cut-1", "wrong-1"]
    );
    let failures = elements(&xml, "failure");
    assert_eq!(failures.len(), 4);
    assert_eq!(attr(&failures[0], "type"), "BT405");
    assert!(attr(&failures[0], "message").contains("copy of the source"));
    assert!(xml.contains(&format!("pairs.tsv:{}:", line_of("wrong-1"))));
    // One finding per line, with real line breaks.
    assert!(!xml.contains("U+000A"));
    let cut = xml.split("(cut-1)\n").count() - 1;
    assert_eq!(cut, 3, "{xml}");
}

#[test]
fn junit_failures_follow_fail_on() {
    let failures = |fail_on: &str| {
        let out = run(&[
            "audit",
            "--pairs",
            &fixture(),
            "--format",
            "junit",
            "--fail-on",
            fail_on,
        ]);
        let xml = stdout(&out);
        (code(&out), elements(&xml, "failure").len())
    };
    // Every defective row of the fixture has an error finding; the
    // warnings ride along in the same cases.
    assert_eq!(failures("error"), (1, 4));
    assert_eq!(failures("warning"), (1, 4));
    // A green build has a green dashboard.
    assert_eq!(failures("never"), (0, 0));
}

#[test]
fn github_annotations_name_file_line_and_column() {
    let out = run(&["audit", "--pairs", &fixture(), "--format", "github"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let (last, findings) = lines.split_last().unwrap();
    assert!(last.starts_with("::notice title=bitext audit::batch score 0."));
    assert!(!findings.is_empty());
    for l in findings {
        assert!(
            l.starts_with("::error file=") || l.starts_with("::warning file="),
            "{l}"
        );
        assert!(l.contains(",line=") && l.contains(",col=") && l.contains(",title=BT4"));
        assert!(l.contains(",endLine=") && l.contains(",endColumn="));
    }
    let expected = format!("line={},", line_of("copy-1"));
    assert!(findings
        .iter()
        .any(|l| l.contains(&expected) && l.contains("BT405")));
}

#[test]
fn markdown_summary_has_score_counts_and_worst_pairs() {
    let out = run(&["audit", "--pairs", &fixture(), "--format", "markdown"]);
    let md = stdout(&out);
    assert!(md.starts_with("## Translation audit"));
    assert!(md.contains("**Batch score 0."));
    assert!(md.contains("| BT405 | untranslated | 1 |"), "{md}");
    assert!(md.contains("### Worst pairs"));
    assert!(md.contains("| wrong-1 |"));
    assert!(!md.contains("| clean-1 |"));
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// The DOM of `page` after Chromium rendered it, or `None` (with a message)
/// when Chromium is not installed. CI sets `BITEXT_REQUIRE_CHROMIUM=1`: there
/// a missing browser fails the test instead of skipping its checks.
fn rendered_dom(page: &Path) -> Option<String> {
    if !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("BITEXT_REQUIRE_CHROMIUM").is_none(),
            "{CHROMIUM} is not installed and BITEXT_REQUIRE_CHROMIUM is set"
        );
        eprintln!("SKIPPED: {CHROMIUM} is not installed; `apt-get install chromium` to run the HTML report test");
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn html_report_renders_with_chart_and_worst_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let out = run(&[
        "audit",
        "--pairs",
        &fixture(),
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"), "no script needed");
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 1,
        "only the SVG namespace"
    );
    let Some(dom) = rendered_dom(&page) else {
        return;
    };
    assert!(dom.contains("<title>Translation audit"));
    assert!(dom.contains(r#"id="batch-score""#));
    let chart = &dom[dom
        .find(r#"<svg id="histogram""#)
        .expect("histogram rendered")..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert_eq!(chart.matches("<rect").count(), 10, "ten bins");
    let table = &dom[dom.find(r#"id="worst-pairs""#).expect("worst-pairs table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr class=").count(), 7);
    // The worst pair is the copy of its source, highlighted on no side,
    // and the loop is highlighted in the English.
    assert!(table.contains("<mark>and ended the season and ended the season</mark>"));
    let first_row = &table[table.find("<tr class=").unwrap()..];
    assert!(first_row.starts_with(r#"<tr class="flagged">"#));
}

/// A diagnostic in short: path under `corpora/`, line, code, and the related
/// location's path and line.
type Short = (String, usize, String, Option<(String, usize)>);

/// Every diagnostic of `bitext audit corpora/en corpora/ko`, in short.
fn corpora_diagnostics() -> Vec<Short> {
    let out = run(&[
        "audit",
        &repo_path("corpora/en"),
        &repo_path("corpora/ko"),
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["pairs"].as_array().unwrap().len() > 100);
    assert!(
        v["groups"].as_array().unwrap().len() >= 12,
        "one group per article pair"
    );
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let short = |p: &Value| {
                let p = p.as_str().unwrap();
                p[p.find("corpora/").unwrap() + 8..].to_string()
            };
            (
                short(&d["location"]["path"]),
                d["location"]["line"].as_u64().unwrap() as usize,
                d["code"].as_str().unwrap().to_string(),
                d.get("related")
                    .map(|r| (short(&r["path"]), r["line"].as_u64().unwrap() as usize)),
            )
        })
        .collect()
}

#[test]
fn articles_of_the_corpora_report_the_planted_translation_defects() {
    let diags = corpora_diagnostics();
    let has = |path: &str, line: usize, code: &str| {
        diags
            .iter()
            .any(|(p, l, c, _)| p.starts_with(path) && *l == line && c == code)
    };
    assert!(has("en/055_", 25, "BT401"), "{diags:?}");
    assert!(has("en/625_", 21, "BT401"));
    assert!(has("en/231_", 25, "BT401"));
    assert!(has("en/833_", 27, "BT404"));
    assert!(has("en/544_", 27, "BT405"));
    assert!(has("en/723_", 29, "BT409"));
    assert!(has("en/309_", 27, "BT103"));
    // The omitted sentence exists only in Korean: reported on the Korean
    // sentence, with the English article as related location.
    assert!(diags.iter().any(|(p, l, c, rel)| p.starts_with("ko/241_")
        && *l == 27
        && c == "BT403"
        && rel
            .as_ref()
            .is_some_and(|(rp, _)| rp.starts_with("en/711_"))));
    // Each number defect is reported once.
    for path in ["en/055_", "en/625_", "en/231_"] {
        let n = diags
            .iter()
            .filter(|(p, _, c, _)| p.starts_with(path) && c == "BT401")
            .count();
        assert_eq!(n, 1, "{path}");
    }
}

#[test]
fn html_report_of_the_corpora_renders_with_chart_articles_and_worst_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("corpora.html");
    let out = run(&[
        "audit",
        &repo_path("corpora/en"),
        &repo_path("corpora/ko"),
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let Some(dom) = rendered_dom(&page) else {
        return;
    };
    assert!(dom.contains("<h1>Translation audit</h1>"));
    let score = &dom[dom.find(r#"id="batch-score""#).expect("batch score card")..];
    assert!(score.contains(r#"<div class="v "#));
    let chart = &dom[dom
        .find(r#"<svg id="histogram""#)
        .expect("histogram rendered")..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert_eq!(chart.matches("<rect").count(), 10, "ten bins");
    assert!(chart.contains("pair score"));
    let articles = &dom[dom.find(r#"id="articles""#).expect("articles table")..];
    let articles = &articles[..articles.find("</table>").unwrap()];
    assert!(articles.matches("<tr>").count() >= 12);
    let table = &dom[dom.find(r#"id="worst-pairs""#).expect("worst-pairs table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.matches("<tr class=").count() >= 20);
    // The planted untranslated quote is highlighted in its English sentence.
    assert!(
        table.contains("<mark>부모님께 이 우승을 바치고 싶다</mark>"),
        "highlight"
    );
    assert!(table.contains("BT401"));
}

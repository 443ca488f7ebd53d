//! `bitext lint`: a fixture per rule (the defect, then near misses that must
//! stay silent), golden renderings of every fixture in every format
//! (`BLESS=1` rewrites them), repairs, exit codes and bad input.

use crate::util::{bitext, code, repo_path, run, run_stdin, stderr, stdout, write};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Output formats and the extension of their goldens.
const FORMATS: &[&str] = &["human", "json", "jsonl", "sarif", "github", "junit"];
/// Fixture lines after the one starting with this must produce nothing.
const MARKER: &str = "## near misses";
/// The categories of the lint codes, each with a fixture of that name.
const CATEGORIES: &[&str] = &[
    "html_entity",
    "double_escaped",
    "mojibake",
    "mojibake_cjk",
    "replacement_char",
    "control_char",
    "invisible_char",
    "html_tag",
    "escaped_literal",
];

/// The repository root: fixtures and goldens live under it.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir() -> PathBuf {
    root().join("tests/fixtures/lint")
}

/// Fixture files, as paths relative to the repository root.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| format!("tests/fixtures/lint/{n}"))
        .collect()
}

/// Run `bitext ARGS` from the repository root, so paths in reports are relative.
fn run_in_root(args: &[&str]) -> Output {
    bitext()
        .current_dir(root())
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run bitext")
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn goldens_match_in_every_format() {
    let bless = std::env::var_os("BLESS").is_some();
    let golden_dir = root().join("tests/golden/lint");
    let mut stale = Vec::new();
    for fixture in fixtures() {
        let stem = Path::new(&fixture)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for format in FORMATS {
            let out = run_in_root(&["lint", "--format", format, &fixture]);
            assert!(code(&out) < 2, "{fixture} {format}: {}", stderr(&out));
            let golden = golden_dir.join(format!("{stem}.{format}"));
            if bless {
                std::fs::create_dir_all(&golden_dir).unwrap();
                std::fs::write(&golden, &out.stdout).unwrap();
            } else if std::fs::read(&golden).ok().as_deref() != Some(&out.stdout[..]) {
                stale.push(golden.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "output differs from the goldens (rerun with BLESS=1 if intended):\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_rule_fires_on_its_defects_and_not_on_its_near_misses() {
    for category in CATEGORIES {
        let path = fixture_dir().join(format!("{category}.txt"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{category}: {e}"));
        let lines: Vec<&str> = text.split('\n').collect();
        let marker = lines
            .iter()
            .position(|l| l.starts_with(MARKER))
            .unwrap_or_else(|| panic!("{category}: no near-miss section"))
            + 1;
        assert!(marker < lines.len() - 1, "{category}: no near misses");
        let out = run(&[
            "lint",
            "--format",
            "jsonl",
            &repo_path(&format!("tests/fixtures/lint/{category}.txt")),
        ]);
        assert_eq!(code(&out), 1, "{category}: {}", stderr(&out));
        let diags = jsonl(&out);
        for (i, line) in lines.iter().enumerate().take(marker - 1) {
            let n = i + 1;
            let hit = diags
                .iter()
                .any(|d| d["line"] == n && d["category"] == *category);
            assert!(
                !line.is_empty() && hit,
                "{category}:{n}: defect not reported: {line:?}"
            );
        }
        let silent: Vec<_> = diags
            .iter()
            .filter(|d| d["line"].as_u64().unwrap() as usize >= marker)
            .collect();
        assert!(
            silent.is_empty(),
            "{category}: near misses reported: {silent:?}"
        );
    }
}

#[test]
fn clean_text_exits_zero_and_prints_nothing() {
    let out = run_in_root(&["lint", "tests/fixtures/lint/clean.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn fail_on_sets_the_threshold_of_exit_code_one() {
    let warnings_only = "tests/fixtures/lint/html_entity.txt";
    let with_errors = "tests/fixtures/lint/mojibake.txt";
    let exit = |args: &[&str]| code(&run_in_root(args));
    assert_eq!(exit(&["lint", warnings_only]), 1);
    assert_eq!(exit(&["lint", "--fail-on", "error", warnings_only]), 0);
    assert_eq!(exit(&["lint", "--fail-on", "error", with_errors]), 1);
    assert_eq!(exit(&["lint", "--fail-on", "never", with_errors]), 0);
}

#[test]
fn select_and_ignore_take_codes_and_categories() {
    let f = "tests/fixtures/lint/crawl_article.txt";
    let cats = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["lint", "--format", "jsonl"];
        all.extend_from_slice(args);
        all.push(f);
        jsonl(&run_in_root(&all))
            .iter()
            .map(|d| d["category"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(cats(&["--select", "html_tag"])
        .iter()
        .all(|c| c == "html_tag"));
    assert_eq!(cats(&["--select", "BT108"]).len(), 1);
    assert!(cats(&["--ignore", "BT101,html_tag"]).is_empty());
    let out = run_in_root(&["lint", "--select", "BT999", f]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("BT999"), "{}", stderr(&out));
}

#[test]
fn fixing_the_seed_gives_its_title_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read(fixture_dir().join("crawl_article.txt")).unwrap();
    let f = write(dir.path(), "seed.txt", &src);
    let out = run(&["lint", "--fix", &f]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let fixed = std::fs::read_to_string(&f).unwrap();
    assert!(fixed.contains("title: \"Korea's exports\"\n"), "{fixed}");
    assert!(fixed.contains("\n# Korea's exports\n"), "{fixed}");
    assert!(fixed.contains("$152.6 billion. Mr. Kim"), "{fixed}");
    assert!(fixed.contains("url: https://example.com/view?id=1&lang=en\n"));
    let again = run(&["lint", "--fix", &f]);
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), fixed);
    assert!(
        stderr(&again).contains("fixed 0 findings"),
        "{}",
        stderr(&again)
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");
}

#[test]
fn fixing_keeps_every_byte_that_needs_no_fix() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        "\u{FEFF}line one\r\nKorea&#x27;s  two\r\n\ttabbed “quotes” 한국\r\nno newline at end";
    let f = write(dir.path(), "crlf.txt", original.as_bytes());
    assert_eq!(code(&run(&["lint", "--fix", &f])), 0);
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        original.replace("&#x27;", "'")
    );
}

#[test]
fn fix_to_writes_repaired_copies_and_leaves_the_originals() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("repaired");
    let out = run_in_root(&[
        "lint",
        "--fix-to",
        &out_dir.to_string_lossy(),
        "tests/fixtures/lint/crawl_article.txt",
        "tests/fixtures/lint/clean.txt",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let copy = out_dir.join("tests/fixtures/lint/crawl_article.txt");
    assert!(std::fs::read_to_string(copy)
        .unwrap()
        .contains("# Korea's exports"));
    let clean = std::fs::read(out_dir.join("tests/fixtures/lint/clean.txt")).unwrap();
    assert_eq!(
        clean,
        std::fs::read(fixture_dir().join("clean.txt")).unwrap()
    );
    let original = std::fs::read_to_string(fixture_dir().join("crawl_article.txt")).unwrap();
    assert!(original.contains("Korea&#x27;s"));
}

#[test]
fn json_lines_are_linted_field_by_field_and_repaired_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(fixture_dir().join("records.jsonl")).unwrap();
    let f = write(dir.path(), "records.jsonl", src.as_bytes());
    let diags = jsonl(&run(&["lint", "--format", "jsonl", &f]));
    // The JSON `\n` escapes of record 1 are newlines, not debris; `\\\"` is.
    assert!(diags
        .iter()
        .all(|d| d["category"] != "escaped_literal" || d["line"] == 1));
    let lines: Vec<&str> = src.split('\n').collect();
    for d in &diags {
        let line = lines[d["line"].as_u64().unwrap() as usize - 1];
        let start = d["start"].as_u64().unwrap() as usize;
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(&src[line_start..line_start + line.len()], line);
    }
    assert_eq!(code(&run(&["lint", "--fix", &f])), 0);
    let fixed = std::fs::read_to_string(&f).unwrap();
    for (before, after) in src.lines().zip(fixed.lines()) {
        let a: serde_json::Value = serde_json::from_str(after).expect("still JSON");
        let b: serde_json::Value = serde_json::from_str(before).unwrap();
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a.get("n"), b.get("n"));
    }
    let first: serde_json::Value = serde_json::from_str(fixed.lines().next().unwrap()).unwrap();
    assert_eq!(first["title"], "Korea's exports");
    assert_eq!(
        first["body"],
        "Line one.\nLine two, a real newline.\n\nSaid \"yes\" twice."
    );
}

#[test]
fn an_unwritable_fix_target_is_an_error_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"Korea&#x27;s exports\n");
    let blocker = write(dir.path(), "not-a-dir", b"x");
    let out = run(&["lint", "--fix-to", &blocker, &f]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("not-a-dir"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
    assert_eq!(std::fs::read(&f).unwrap(), b"Korea&#x27;s exports\n");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        let g = write(&ro, "b.txt", b"Korea&#x27;s exports\n");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Privileged users can write anyway; the check needs a real refusal.
        let refused = std::fs::File::create(ro.join("probe")).is_err();
        if refused {
            let out = run(&["lint", "--fix", &g]);
            assert_eq!(code(&out), 2, "{}", stderr(&out));
            assert!(stderr(&out).contains("left as it was"), "{}", stderr(&out));
            assert_eq!(std::fs::read(&g).unwrap(), b"Korea&#x27;s exports\n");
            assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 1);
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn invalid_utf8_is_linted_reported_and_exits_two_without_repair() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"Korea&#x27;s \xff\xfe exports\n";
    let f = write(dir.path(), "bad.txt", bytes);
    let out = run(&["lint", "--format", "jsonl", &f]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("undecodable"), "{}", stderr(&out));
    let cats: Vec<_> = jsonl(&out).iter().map(|d| d["category"].clone()).collect();
    assert!(cats.contains(&"html_entity".into()) && cats.contains(&"replacement_char".into()));
    let out = run(&["lint", "--fix", &f]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("not repaired"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&f).unwrap(), bytes);
}

#[test]
fn a_binary_or_missing_file_fails_the_run_but_the_batch_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "a.bin.txt", b"\x7fELF\x00\x00\x01\x02");
    let good = write(dir.path(), "b.txt", b"Korea&#x27;s exports\n");
    let missing = dir.path().join("missing.txt");
    let out = run(&[
        "lint",
        "--format",
        "jsonl",
        &bin,
        &missing.to_string_lossy(),
        &good,
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("binary") && err.contains("missing.txt"),
        "{err}"
    );
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn a_ten_megabyte_line_is_linted_and_shown_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "word ".repeat(1_000_000);
    text.push_str("Korea&#x27;s");
    text.push_str(&" 한국".repeat(1_000_000));
    text.push('\n');
    let f = write(dir.path(), "long.txt", text.as_bytes());
    let out = run(&["lint", &f]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains(":1:5000006: BT101"), "{shown}");
    assert!(shown.len() < 2000, "{} bytes of output", shown.len());
}

#[test]
fn sarif_output_is_structurally_valid_2_1_0() {
    let out = run_in_root(&[
        "lint",
        "--format",
        "sarif",
        "tests/fixtures/lint/mojibake.txt",
        "tests/fixtures/lint/control_char.txt",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "bitext");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids must be unique");
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !r[key]["text"].as_str().unwrap().is_empty(),
                "{} lacks {key}",
                r["id"]
            );
        }
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = runs[0]["results"].as_array().unwrap();
    assert!(results.len() > 5);
    for res in results {
        let id = res["ruleId"].as_str().unwrap();
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], id);
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().unwrap()));
        assert!(!res["message"]["text"].as_str().unwrap().is_empty());
        let locations = res["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let phys = &locations[0]["physicalLocation"];
        let uri = phys["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tests/fixtures/lint/") && !uri.contains('\\'));
        let region = &phys["region"];
        let n = |k: &str| region[k].as_u64().unwrap_or_else(|| panic!("{k} missing"));
        assert!(n("startLine") >= 1 && n("startColumn") >= 1);
        assert!((n("endLine"), n("endColumn")) > (n("startLine"), n("startColumn")));
        for fix in res["fixes"].as_array().into_iter().flatten() {
            let change = &fix["artifactChanges"][0];
            assert_eq!(change["artifactLocation"]["uri"], uri);
            assert!(change["replacements"][0]["insertedContent"]["text"].is_string());
            assert!(change["replacements"][0]["deletedRegion"]["startLine"].is_u64());
        }
    }
}

#[test]
fn explain_prints_the_paragraph_of_every_lint_code() {
    for category in CATEGORIES {
        let out = run(&["explain", category]);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        assert!(
            text.contains("What it does") && text.contains("Fix"),
            "{category}: {text}"
        );
    }
    assert_eq!(code(&run(&["explain", "BT999"])), 2);
}

#[test]
fn standard_input_is_linted() {
    let out = run_stdin(
        &["lint", "--format", "github", "-"],
        "said \\\"yes\\\"\n".as_bytes(),
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with("::warning file=-,line=1,col=6,"),
        "{}",
        stdout(&out)
    );
    let refused = run_stdin(&["lint", "--fix", "-"], b"a&amp;b\n");
    assert_eq!(code(&refused), 2);
}

//! Inputs real crawls contain and outputs real consumers read: each case is
//! a way bitext once hung, panicked, lost data or misled a CI job.
//! (`tests/repro.sh` runs the same cases against a built binary, each under
//! a time limit, for CI.)

use crate::util::{code, repo_path, run, stderr, stdout, write};
use std::path::Path;

fn corpus_file(side: &str, i: usize) -> String {
    let dir = repo_path(&format!("corpora/{side}"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names[i].to_string_lossy().into_owned()
}

#[test]
fn lint_fix_keeps_every_word_of_an_escaped_tag() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The guide says to type &lt;br&gt; to break a line.\n";
    let path = write(dir.path(), "a.txt", text.as_bytes());
    let out = run(&["lint", "--fix", &path]);
    assert!(code(&out) < 2, "{}", stderr(&out));
    let fixed = std::fs::read_to_string(&path).unwrap();
    for word in text.split_whitespace() {
        assert!(fixed.contains(word), "lost `{word}`: {fixed}");
    }
    // Nothing new to remove on a second run.
    let again = run(&["lint", "--fix", &path]);
    assert!(code(&again) < 2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn an_output_naming_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(
        dir.path(),
        "en.txt",
        &std::fs::read(corpus_file("en", 0)).unwrap(),
    );
    let ko = write(
        dir.path(),
        "ko.txt",
        &std::fs::read(corpus_file("ko", 0)).unwrap(),
    );
    let pairs = write(
        dir.path(),
        "pairs.tsv",
        b"en\tko\nHe went home.\t\xea\xb7\xb8\xeb\x8a\x94 \xec\xa7\x91\xec\x97\x90 \xea\xb0\x94\xeb\x8b\xa4.\n",
    );
    let before: Vec<Vec<u8>> = [&en, &ko, &pairs]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let cases: Vec<Vec<&str>> = vec![
        vec!["align", &en, &ko, "-o", &en],
        vec!["align", &en, &ko, "-o", &ko],
        vec!["audit", &en, &ko, "-o", &ko],
        vec!["audit", "--pairs", &pairs, "-o", &pairs],
    ];
    for args in cases {
        let out = run(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("overwrite the input"), "{args:?}");
    }
    // A directory input: an article file inside it is an input too.
    let (en_dir, ko_dir) = (repo_path("corpora/en"), repo_path("corpora/ko"));
    let inside = corpus_file("en", 1);
    let kept = std::fs::read(&inside).unwrap();
    for cmd in ["align", "pair", "audit"] {
        let out = run(&[cmd, &en_dir, &ko_dir, "-o", &inside]);
        assert_eq!(code(&out), 2, "{cmd}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(&inside).unwrap(), kept);
    let after: Vec<Vec<u8>> = [&en, &ko, &pairs]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn swapped_sides_are_refused() {
    let out = run(&["align", &repo_path("corpora/ko"), &repo_path("corpora/en")]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("give the English articles first"));
    let out = run(&["align", &corpus_file("ko", 0), &corpus_file("en", 0)]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = run(&["audit", &repo_path("corpora/ko"), &repo_path("corpora/en")]);
    assert_eq!(code(&out), 2);
}

#[test]
fn a_korean_article_among_english_ones_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir(&en).unwrap();
    for i in 0..3 {
        let src = corpus_file("en", i);
        std::fs::copy(&src, en.join(Path::new(&src).file_name().unwrap())).unwrap();
    }
    std::fs::copy(corpus_file("ko", 0), en.join("stray.txt")).unwrap();
    let out = run(&["align", &en.to_string_lossy(), &repo_path("corpora/ko")]);
    assert!(code(&out) < 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stray.txt: given as English but reads as ko"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_no_file_is_read_twice() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("en");
    std::fs::create_dir(&root).unwrap();
    std::fs::copy(corpus_file("en", 0), root.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("..", root.join("up")).unwrap();
    std::os::unix::fs::symlink(".", root.join("here")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("same.txt")).unwrap();
    let out = run(&["lint", "--format", "jsonl", &root.to_string_lossy()]);
    assert_eq!(code(&out), 2, "a loop is an input error");
    assert!(
        stderr(&out).contains("symbolic link loop"),
        "{}",
        stderr(&out)
    );
    // a.txt once, not again through `here/` or `same.txt`.
    let out = run(&["detect", &root.to_string_lossy()]);
    let lines = stdout(&out).lines().filter(|l| !l.is_empty()).count();
    assert_eq!(lines, 1, "{}", stdout(&out));
}

#[test]
fn an_article_is_never_paired_with_itself() {
    let ko = corpus_file("ko", 0);
    let out = run(&["align", &ko, &ko]);
    assert_eq!(code(&out), 2);
    let dir = repo_path("corpora/ko");
    let out = run(&["audit", &dir, &dir, "--format", "jsonl"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("given as both English and Korean input"));
}

#[test]
fn writing_to_a_full_device_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = crate::util::bitext()
        .args(["explain", "BT101"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn a_closed_stderr_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = crate::util::bitext()
        .args(["lint", "/nonexistent/a", "/nonexistent/b"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn one_bad_jsonl_record_drops_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        concat!(
            r#"{"id": "1", "title": "First", "body": "Exports rose 19.8 percent."}"#,
            "\n",
            r#"{"id": "2", "title": "Broken", "body": "no closing brace""#,
            "\n",
            r#"{"id": "3", "title": "Third", "body": "Imports fell."}"#,
            "\n"
        )
        .as_bytes(),
    );
    let out = run(&["segment", "--format", "jsonl", &path]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("a.jsonl:2:"), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Exports rose") && text.contains("Imports fell"));
}

#[test]
fn an_unterminated_csv_quote_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "p.csv",
        "en,ko\n\"He went home.,그는 집에 갔다.\nShe left.,그녀는 떠났다.\n".as_bytes(),
    );
    let out = run(&["audit", "--pairs", &path]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("p.csv:2:"), "{}", stderr(&out));
}

#[test]
fn tmx_has_no_empty_prop() {
    let out = run(&[
        "align",
        &corpus_file("en", 0),
        &corpus_file("ko", 0),
        "--format",
        "tmx",
    ]);
    assert!(code(&out) < 2);
    let tmx = stdout(&out);
    assert!(tmx.contains("<prop "));
    assert!(!tmx.contains("\"></prop>"), "{tmx}");
}

#[test]
fn unpaired_articles_are_in_every_audit_format() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = (dir.path().join("en"), dir.path().join("ko"));
    std::fs::create_dir(&en).unwrap();
    std::fs::create_dir(&ko).unwrap();
    let src_en = repo_path("corpora/en");
    for e in std::fs::read_dir(&src_en).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, en.join(p.file_name().unwrap())).unwrap();
    }
    for e in std::fs::read_dir(repo_path("corpora/ko")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, ko.join(p.file_name().unwrap())).unwrap();
    }
    // Remove one English translation: its Korean original is left unpaired.
    let gone = std::fs::read_dir(&en)
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    std::fs::remove_file(&gone).unwrap();
    let (en, ko) = (en.to_string_lossy(), ko.to_string_lossy());
    for format in [
        "human", "json", "jsonl", "sarif", "junit", "github", "markdown", "html",
    ] {
        let out = run(&["audit", &en, &ko, "--format", format]);
        assert_eq!(code(&out), 1, "{format}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("BT410") || text.contains("Unpaired articles"),
            "{format}"
        );
    }
    // The missing translation fails even with the lenient threshold on
    // pair findings off: it is an error.
    let out = run(&["audit", &en, &ko, "--format", "junit"]);
    assert!(stdout(&out).contains("unpaired ko:"));
}

#[test]
fn sarif_identities_survive_how_a_path_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Korea&#x27;s exports\n");
    let sarif = |path: &str| -> serde_json::Value {
        let out = crate::util::bitext()
            .current_dir(dir.path())
            .args(["lint", "--format", "sarif", path])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let abs = dir.path().join("a.txt");
    let logs = [
        sarif("a.txt"),
        sarif("./a.txt"),
        sarif(&abs.to_string_lossy()),
    ];
    let first = &logs[0]["runs"][0]["results"][0];
    assert!(first["partialFingerprints"]["bitextIdentity/v1"].is_string());
    for log in &logs {
        let r = &log["runs"][0]["results"][0];
        assert_eq!(r["partialFingerprints"], first["partialFingerprints"]);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "a.txt"
        );
    }
    let driver = &logs[0]["runs"][0]["tool"]["driver"];
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert!(driver["rules"][0]["helpUri"]
        .as_str()
        .unwrap()
        .contains("#variant."));
}

#[test]
fn markdown_shows_corpus_text_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = write(
        dir.path(),
        "p.tsv",
        "id\ten\tko\nx\t**bold** [link](http://e.x) @kim\t**bold** [link](http://e.x) @kim\n"
            .as_bytes(),
    );
    let out = run(&["audit", "--pairs", &pairs, "--format", "markdown"]);
    let md = stdout(&out);
    assert!(
        md.contains("\\*\\*bold\\*\\* \\[link\\]\\(http\\://e.x\\) \\@kim"),
        "{md}"
    );
}

#[cfg(unix)]
#[test]
fn output_files_get_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain).unwrap();
    let out = run(&[
        "audit",
        "--pairs",
        &repo_path("tests/fixtures/audit/pairs.tsv"),
        "--format",
        "html",
        "-o",
        &report.to_string_lossy(),
    ]);
    assert!(code(&out) < 2);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&report), mode(&plain));
}

#[test]
fn lint_no_longer_claims_to_search_markdown() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", b"# notes\n");
    let out = run(&["lint", &dir.path().to_string_lossy()]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains(".md"), "{}", stderr(&out));
}

#[test]
fn offsets_after_a_byte_order_mark_agree_between_segment_and_lint() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bom.txt",
        "\u{FEFF}Korea&#x27;s exports rose.\n".as_bytes(),
    );
    let seg = run(&["segment", "--format", "jsonl", &path]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&seg).lines().next().unwrap()).unwrap();
    // Offsets are into the decoded text: the mark is not counted.
    assert_eq!(first["start"], 0);
    let lint = run(&["lint", "--format", "jsonl", &path]);
    let d: serde_json::Value = serde_json::from_str(stdout(&lint).lines().next().unwrap()).unwrap();
    assert_eq!(d["start"], 5);
    let text = first["text"].as_str().unwrap();
    assert_eq!(&text[5..11], "&#x27;");
}

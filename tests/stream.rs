//! The record contract: `--input jsonl`, error rows, `--strict`, `--threads`.

use crate::util::*;
use serde_json::Value;

fn records() -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(
        "{\"id\":\"a\",\"en\":\"Police arrested two men near the school.\",\"ko\":\"경찰은 학교 근처에서 남자 두 명을 체포했다.\",\"src\":\"x\"}\n".as_bytes(),
    );
    v.extend_from_slice(b"{\"id\":\"b\",\"en\": nope\n");
    v.extend_from_slice(b"{\"id\":\"c\",\"en\":\"Hello.\"}\n");
    v.extend_from_slice(b"{\"id\":\"d\",\"en\":\"Hello.\",\"ko\":\"\xff\"}\n");
    v.extend_from_slice(b"{\"id\":\"e\",\"en\":\"Hello.\",\"ko\":\"  \"}\n");
    v.extend_from_slice(
        "{\"id\":\"f\",\"en\":\"He went 집에 갔다.\",\"ko\":\"그는 집에 갔다.\"}".as_bytes(),
    );
    v
}

fn lines(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

const ARGS: &[&str] = &[
    "audit", "--input", "jsonl", "--pairs", "-", "--format", "jsonl",
];

#[test]
fn every_input_line_gives_one_output_line_in_order() {
    let out = run_stdin(&[ARGS, &["--fail-on", "never"]].concat(), &records());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = lines(&out);
    assert_eq!(rows.len(), 6);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["seq"], i as u64);
    }
    let ids: Vec<_> = rows.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e", "f"].map(Value::from));
    assert_eq!(rows[0]["fields"]["src"], "x");
    assert!(rows[0].get("error").is_none());
    assert!(rows[1]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!(rows[2]["error"], "missing `ko`");
    assert!(rows[3]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert_eq!(rows[4]["error"], "empty `ko`");
    assert_eq!(rows[5]["categories"][0], "untranslated");
    assert!(stderr(&out).contains("4 of 6 records"));
}

#[test]
fn findings_fail_the_run_but_bad_records_do_not() {
    let out = run_stdin(ARGS, &records());
    assert_eq!(code(&out), 1);
    let out = run_stdin(ARGS, &records()[..records().len() - 60]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn strict_stops_at_the_first_bad_record_naming_it() {
    let out = run_stdin(&[ARGS, &["--strict"]].concat(), &records());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("line 2, id `b`"), "{}", stderr(&out));
}

#[test]
fn thread_count_does_not_change_the_output() {
    let one = run_stdin(&[ARGS, &["--threads", "1"]].concat(), &records());
    let two = run_stdin(&[ARGS, &["--threads", "2"]].concat(), &records());
    assert_eq!(one.stdout, two.stdout);
    let zero = run_stdin(&[ARGS, &["--threads", "0"]].concat(), &records());
    assert_eq!(code(&zero), 2);
}

#[test]
fn streaming_needs_jsonl_output() {
    let out = run_stdin(&["audit", "--input", "jsonl", "--pairs", "-"], &records());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--format jsonl"));
}

#[test]
fn shards_merged_in_either_order_equal_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = repo_path("tests/fixtures/audit/pairs.tsv");
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    // The fixture's ids are not in id order: sort them, as a keyed table is.
    lines.sort();
    let whole = format!("{header}\n{}\n", lines.join("\n"));
    let odd: Vec<&str> = lines.iter().step_by(2).copied().collect();
    let even: Vec<&str> = lines.iter().skip(1).step_by(2).copied().collect();
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        path.to_string_lossy().into_owned()
    };
    let pw = write("p.tsv", &whole);
    let p1 = write("p1.tsv", &format!("{header}\n{}\n", odd.join("\n")));
    let p2 = write("p2.tsv", &format!("{header}\n{}\n", even.join("\n")));
    let shard = |p: &str, name: &str| {
        let out = run(&["audit", "--pairs", p, "--shard", "--format", "jsonl"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        write(name, &stdout(&out))
    };
    let (s1, s2) = (shard(&p1, "s1"), shard(&p2, "s2"));
    for format in ["jsonl", "markdown", "html"] {
        let single = run(&["audit", "--pairs", &pw, "--format", format]);
        for parts in [[&s2, &s1], [&s1, &s2]] {
            let merged = run(&[
                "audit", "--merge", parts[0], parts[1], "--title", &pw, "--format", format,
            ]);
            assert_eq!(stdout(&merged), stdout(&single), "{format}");
            assert_eq!(code(&merged), code(&single));
        }
    }
}

#[test]
fn shard_rows_leave_the_batch_checks_to_the_merge() {
    let out = run(&[
        "audit",
        "--pairs",
        &repo_path("tests/fixtures/audit/pairs.tsv"),
        "--shard",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code(&out), 0);
    let rows = lines(&out);
    assert!(rows
        .iter()
        .all(|r| r["weight"].as_f64().is_some() && r["names"].is_array()));
    let bad = run(&[
        "audit",
        "--merge",
        &repo_path("tests/fixtures/audit/pairs.tsv"),
    ]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("pairs.tsv:1:"), "{}", stderr(&bad));
}

//! Reading, segmenting and detecting: the `show`, `segment` and `detect`
//! commands, and how every command treats bad input.

use crate::util::{code, run, run_stdin, stderr, stdout, write};

const ARTICLE: &str = "---\nid: 640_1\ntitle: \"Korea&#x27;s exports\"\npublisher: 코리아중앙데일리\nauthor: \n\t\t\tBY KIM\npublished_at: 2025-12-29 00:00\n---\n\n# Korea&#x27;s exports\n\n**코리아중앙데일리** | 2025-12-29 00:00 | \n\n---\n\nExports rose 19.8 percent to $152.6 billion. Mr. Kim said so at 1:03 p.m. on Monday.\n\n---\n\n*Crawled at: 2025-12-29 11:18:10*\n";

#[test]
fn show_prints_metadata_sentences_and_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run(&["show", &f]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "crawl");
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["title"]["text"], "Korea&#x27;s exports");
    let sentences = v["paragraphs"][0]["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(
        sentences[1]["text"],
        "Mr. Kim said so at 1:03 p.m. on Monday."
    );
    assert_eq!(sentences[0]["span"]["line"], 16);
    let kinds: Vec<_> = v["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["front_matter", "byline", "rule", "rule", "footer"]);
}

#[test]
fn segment_jsonl_offsets_point_into_the_input() {
    let out = run_stdin(&["segment", "--format", "jsonl"], ARTICLE.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[s..e], v["text"].as_str().unwrap());
    }
}

#[test]
fn segment_lines_joins_line_breaks_inside_a_sentence() {
    let out = run_stdin(
        &["segment", "--lang", "en"],
        b"One sentence\nwraps here. Another one.\n",
    );
    assert_eq!(stdout(&out), "One sentence wraps here.\nAnother one.\n");
}

#[test]
fn segment_presegmented_keeps_lines() {
    let out = run_stdin(
        &["segment", "--presegmented"],
        b"First. Still first.\nSecond\n",
    );
    assert_eq!(stdout(&out), "First. Still first.\nSecond\n");
}

#[test]
fn detect_lines_prints_one_row_per_input_line_in_order() {
    // U+2028 and U+0085 are content, not line breaks.
    let input = "정부는 수출이 늘었다고 밝혔다.\nThe government said exports rose.\u{2028}Really\u{85}so.\n\n";
    let out = run_stdin(&["detect", "--lines", "--langs", "en,ko"], input.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let langs: Vec<_> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    assert_eq!(langs, ["ko", "en", "und"]);
}

#[test]
fn detect_rejects_unknown_language_codes() {
    let out = run_stdin(&["detect", "--langs", "xx"], b"hello");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("xx"));
}

/// Each bad input is reported with its file name, the batch goes on to the
/// good file, and the run exits 2.
#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", ARTICLE.as_bytes());
    let cases: Vec<(String, &str)> = vec![
        (write(d, "empty.txt", b""), "empty file"),
        (
            write(d, "binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0"),
            "binary",
        ),
        (
            write(d, "invalid.txt", b"Exports rose \xff\xfe sharply.\n"),
            "undecodable",
        ),
        (
            write(
                d,
                "unclosed.txt",
                b"---\ntitle: x\n\nBody without a closing rule.\n",
            ),
            "never closes",
        ),
        (
            d.join("missing.txt").to_string_lossy().into_owned(),
            "missing.txt",
        ),
    ];
    for (path, why) in &cases {
        let out = run(&["segment", path]);
        assert_eq!(code(&out), 2, "{path}");
        let err = stderr(&out);
        assert!(
            err.contains(why)
                && err.contains(
                    std::path::Path::new(path)
                        .file_name()
                        .unwrap()
                        .to_str()
                        .unwrap()
                ),
            "{path}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        // The same file in a batch with a good one: the good one is still read.
        let out = run(&["detect", "--level", "doc", path, &good]);
        assert_eq!(code(&out), 2);
        assert!(stdout(&out).contains("good.txt"), "{path}: batch stopped");
    }
}

#[test]
fn euc_kr_and_utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let (euc, _, _) =
        encoding_rs::EUC_KR.encode("반도체 수출이 19.8% 늘었다. 정부가 29일 밝혔다.\n");
    let f = write(dir.path(), "euc.txt", &euc);
    let out = run(&["show", &f]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encoding"], "EUC-KR");
    assert_eq!(v["lang"], "ko");
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend("Exports rose.".encode_utf16().flat_map(u16::to_be_bytes));
    let f = write(dir.path(), "u16.txt", &utf16);
    let out = run(&["segment", &f]);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, "Exports rose.\n"));
}

#[test]
fn a_ten_megabyte_line_is_segmented() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Exports rose sharply again \"and again ".repeat(10 * 1024 * 1024 / 38);
    let f = write(dir.path(), "long.txt", line.as_bytes());
    let out = run(&["segment", &f]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let joined: String = stdout(&out).split_whitespace().collect();
    let expected: String = line.split_whitespace().collect();
    assert_eq!(joined, expected, "characters lost");
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", b"Second file.");
    write(&dir.path().join("sub"), "a.txt", b"Third file.");
    write(dir.path(), "a.txt", b"First file.");
    let out = run(&["detect", &dir.path().to_string_lossy()]);
    let files: Vec<_> = stdout(&out)
        .lines()
        .map(|l| {
            l.split('\t')
                .nth(4)
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(files, ["a.txt", "b.txt", "a.txt"]);
}

#[test]
fn corpora_read_cleanly_with_the_right_language() {
    for side in ["en", "ko"] {
        let out = run(&[
            "detect",
            "--level",
            "doc",
            &crate::util::repo_path(&format!("corpora/{side}")),
        ]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let rows = stdout(&out);
        assert!(rows.lines().count() >= 15, "{rows}");
        for row in rows.lines() {
            assert!(row.starts_with(&format!("{side}\t")), "{row}");
        }
    }
}

//! The main job on `corpora/`: `bitext align corpora/en corpora/ko -o FILE`
//! pairs the collections, aligns every pair and writes one corpus.

use crate::util::{code, repo_path, run, stderr};
use std::collections::BTreeMap;

/// The English → Korean pairs listed in `corpora/README.md`.
fn readme_pairs() -> BTreeMap<String, String> {
    let readme = std::fs::read_to_string(repo_path("corpora/README.md")).unwrap();
    let table = readme
        .split("| en file | ko file |")
        .nth(1)
        .expect("pair table in corpora/README.md");
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            (
                format!("corpora/{}", cells[1]),
                format!("corpora/{}", cells[2]),
            )
        })
        .collect()
}

fn align_corpora(out: &std::path::Path) -> std::process::Output {
    let o = out.to_string_lossy();
    // Relative paths, as a user types them: the document names in the corpus.
    crate::util::bitext()
        .current_dir(repo_path(""))
        .args(["align", "corpora/en", "corpora/ko", "-o", &o])
        .output()
        .unwrap()
}

fn rows(path: &std::path::Path) -> Vec<BTreeMap<String, String>> {
    csv::Reader::from_path(path)
        .unwrap()
        .deserialize()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn main_job_pairs_aligns_and_summarises() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("parallel.csv");
    let res = align_corpora(&out);
    assert_eq!(code(&res), 0, "{}", stderr(&res));
    let summary = stderr(&res);
    assert!(
        summary.contains(
            "read 18 English and 18 Korean articles; paired 15; unpaired 3 English, 3 Korean"
        ),
        "{summary}"
    );
    let rows = rows(&out);
    let found: BTreeMap<String, String> = rows
        .iter()
        .map(|r| (r["en_doc"].clone(), r["ko_doc"].clone()))
        .collect();
    assert_eq!(found, readme_pairs(), "pairs differ from corpora/README.md");

    // Every sentence of each paired article appears once, in order.
    for (en, ko) in &found {
        for (side, doc) in [("en_idx", en), ("ko_idx", ko)] {
            let idx: Vec<usize> = rows
                .iter()
                .filter(|r| r["en_doc"] == *en && r["ko_doc"] == *ko)
                .flat_map(|r| bitext::corpus::parse_idx(&r[side]).unwrap())
                .collect();
            let sentences = run(&["segment", &repo_path(doc)]);
            let n = String::from_utf8_lossy(&sentences.stdout).lines().count();
            assert_eq!(
                idx,
                (0..n).collect::<Vec<_>>(),
                "{doc}: sentences lost or reordered"
            );
        }
    }
}

#[test]
fn planted_dropped_and_added_sentences_are_unaligned_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("parallel.csv");
    assert_eq!(code(&align_corpora(&out)), 0);
    let rows = rows(&out);
    let dropped = rows
        .iter()
        .find(|r| r["ko"].starts_with("이날 회의에서는 지역화폐 예산을"))
        .unwrap();
    assert_eq!(
        (dropped["bead"].as_str(), dropped["en"].as_str()),
        ("0-1", "")
    );
    let added = rows
        .iter()
        .find(|r| r["en"].starts_with("The launch came as South Korean and U.S. forces"))
        .unwrap();
    assert_eq!((added["bead"].as_str(), added["ko"].as_str()), ("1-0", ""));
}

#[test]
fn main_job_is_deterministic_and_matches_the_golden_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    assert_eq!(code(&align_corpora(&a)), 0);
    assert_eq!(code(&align_corpora(&b)), 0);
    let first = std::fs::read(&a).unwrap();
    assert_eq!(first, std::fs::read(&b).unwrap(), "two runs differ");
    let golden = repo_path("tests/golden/parallel.csv");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &first).unwrap();
    }
    let expected = std::fs::read(&golden).expect("tests/golden/parallel.csv (BLESS=1 writes it)");
    // Every sentence, link and bead must match; scores to two decimals, so
    // that a numeric refactor moving the fourth decimal does not churn the
    // golden (the determinism check above is byte for byte).
    let rows = |bytes: &[u8]| -> Vec<bitext::corpus::Row> {
        let text = String::from_utf8_lossy(bytes);
        let mut rows = bitext::corpus::read(bitext::corpus::Format::Csv, &text).unwrap();
        for r in &mut rows {
            r.score = (r.score * 100.0).round() / 100.0;
        }
        rows
    };
    assert!(
        rows(&expected) == rows(&first),
        "parallel.csv differs from tests/golden/parallel.csv; review and re-bless with BLESS=1"
    );
}

#[test]
fn unwritable_output_is_an_error_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-dir").join("parallel.csv");
    let res = align_corpora(&out);
    assert_eq!(code(&res), 2);
    assert!(stderr(&res).contains("missing-dir"), "{}", stderr(&res));
    assert!(!out.exists());
}

/// Korean stored decomposed (NFD, as macOS and some editors write it) is
/// composed on input: an NFD copy of `corpora/ko` aligns and audits exactly
/// as the original does.
#[test]
fn decomposed_korean_aligns_and_audits_as_composed() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let nfd_dir = dir.path().join("ko");
    std::fs::create_dir(&nfd_dir).unwrap();
    let mut changed = 0;
    for entry in std::fs::read_dir(repo_path("corpora/ko")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let nfd: String = text.nfd().collect();
        changed += usize::from(nfd != text);
        std::fs::write(nfd_dir.join(path.file_name().unwrap()), nfd).unwrap();
    }
    assert!(changed > 0, "the NFD copy must differ from the original");
    let nfd_name = nfd_dir.to_string_lossy().into_owned();
    let output = |args: &[&str], ko: &str| {
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["corpora/en", ko]);
        let out = crate::util::bitext()
            .current_dir(repo_path(""))
            .args(&full)
            .output()
            .unwrap();
        assert!(code(&out) <= 1, "{}", stderr(&out));
        // The Korean side is named by its directory; the rest must be equal.
        String::from_utf8_lossy(&out.stdout).replace(&nfd_name, "corpora/ko")
    };
    for args in [
        &["align", "--format", "jsonl"][..],
        &["audit", "--format", "jsonl"][..],
    ] {
        let composed = output(args, "corpora/ko");
        assert!(!composed.is_empty());
        assert_eq!(
            composed,
            output(args, &nfd_name),
            "bitext {}",
            args.join(" ")
        );
    }
}

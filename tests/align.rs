//! `bitext align` and the parallel-corpus formats: command-line contracts,
//! bad input, and properties of the aligner and the writers.

use crate::util::{code, run, stderr, stdout, write};
use bitext::align::{align, AlignOptions, Bead};
use bitext::corpus::{self, Format, Row};
use proptest::prelude::*;

const EN: &str = "\
The central bank raised its key interest rate to 3.5 percent on Thursday.
Inflation reached 5.2 percent in July, the highest level in 14 years.
Officials said exports of semiconductors fell for the third month.
The finance minister will visit Washington next week.
A local football team won the regional championship.
";

const KO: &str = "\
중앙은행은 목요일 기준금리를 3.5%로 인상했다.
7월 물가 상승률은 5.2%로 14년 만에 가장 높았다.
관계자들은 반도체 수출이 석 달째 감소했다고 밝혔다.
재무장관은 다음 주 워싱턴을 방문할 예정이다.
";

fn files(dir: &std::path::Path) -> (String, String) {
    (
        write(dir, "a.en", EN.as_bytes()),
        write(dir, "a.ko", KO.as_bytes()),
    )
}

/// Every sentence index of both sides, in order, once.
fn assert_covers(rows: &[Row], n: usize, m: usize) {
    let en: Vec<usize> = rows.iter().flat_map(|r| r.en_idx.clone()).collect();
    let ko: Vec<usize> = rows.iter().flat_map(|r| r.ko_idx.clone()).collect();
    assert_eq!(en, (0..n).collect::<Vec<_>>());
    assert_eq!(ko, (0..m).collect::<Vec<_>>());
}

#[test]
fn csv_output_has_the_header_and_every_sentence_once() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = files(dir.path());
    let out = run(&["align", "--presegmented", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("en_doc,ko_doc,en_idx,ko_idx,en,ko,bead,score\r\n"));
    let rows = corpus::read(Format::Csv, &text).unwrap();
    assert_covers(&rows, 5, 4);
    // The football sentence has no Korean counterpart.
    let last = rows.last().unwrap();
    assert_eq!((last.en_idx.clone(), last.bead.as_str()), (vec![4], "1-0"));
    assert!(rows[..4].iter().all(|r| r.bead == "1-1"), "{rows:?}");
    assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.score)));
}

#[test]
fn same_input_gives_byte_identical_output_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = files(dir.path());
    for fmt in ["csv", "tsv", "jsonl", "tmx"] {
        let a = run(&["align", "--presegmented", &en, &ko, "--format", fmt]);
        let b = run(&["align", "--presegmented", &en, &ko, "--format", fmt]);
        assert_eq!(code(&a), 0);
        assert_eq!(a.stdout, b.stdout, "{fmt}");
    }
}

#[test]
fn output_file_is_written_atomically_and_matches_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = files(dir.path());
    let target = dir.path().join("out.jsonl");
    let out = run(&[
        "align",
        "--presegmented",
        &en,
        &ko,
        "--format",
        "jsonl",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let piped = run(&["align", "--presegmented", &en, &ko, "--format", "jsonl"]);
    assert_eq!(std::fs::read(&target).unwrap(), piped.stdout);
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn jsonl_has_index_arrays_and_tsv_is_two_columns() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = files(dir.path());
    let out = run(&["align", "--presegmented", &en, &ko, "--format", "jsonl"]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["en_idx"], serde_json::json!([0]));
    assert_eq!(first["bead"], "1-1");
    let out = run(&["align", "--presegmented", &en, &ko, "--format", "tsv"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5);
    assert!(text.lines().all(|l| l.split('\t').count() == 2));
}

#[test]
fn tmx_is_a_valid_document_that_parses_back() {
    use quick_xml::events::Event;
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = files(dir.path());
    let out = run(&["align", "--presegmented", &en, &ko, "--format", "tmx"]);
    let text = stdout(&out);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut header = None;
    let mut langs = Vec::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                if e.name().as_ref() == b"tuv" {
                    let lang = e.try_get_attribute("xml:lang").unwrap().unwrap();
                    langs.push(String::from_utf8(lang.value.to_vec()).unwrap());
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"header" => {
                header = Some(
                    e.attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            (
                                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                                String::from_utf8(a.value.to_vec()).unwrap(),
                            )
                        })
                        .collect::<std::collections::BTreeMap<_, _>>(),
                );
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    let header = header.expect("a header element");
    for key in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        assert!(header.contains_key(key), "{key}");
    }
    assert_eq!(header["srclang"], "ko");
    assert_eq!(header["segtype"], "sentence");
    assert_eq!(header["datatype"], "plaintext");
    // Four pairs and one English sentence alone.
    assert_eq!(langs.iter().filter(|l| *l == "ko").count(), 4);
    assert_eq!(langs.iter().filter(|l| *l == "en").count(), 5);
    let rows = corpus::read(Format::Tmx, &text).unwrap();
    assert_covers(&rows, 5, 4);
}

#[test]
fn excel_adds_a_bom_and_neutralises_formulas_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(
        dir.path(),
        "f.en",
        b"=HYPERLINK(\"x\") is a formula.\n-5 percent was the change.\n",
    );
    let ko = write(
        dir.path(),
        "f.ko",
        "=HYPERLINK(\"x\")는 수식이다.\n변화는 -5%였다.\n".as_bytes(),
    );
    let plain = stdout(&run(&["align", "--presegmented", &en, &ko]));
    assert!(!plain.starts_with('\u{FEFF}'));
    assert!(plain.contains(",\"=HYPERLINK(\"\"x\"\") is a formula.\","));
    let excel = stdout(&run(&["align", "--presegmented", &en, &ko, "--excel"]));
    assert!(excel.starts_with('\u{FEFF}'));
    assert!(excel.contains(",\"'=HYPERLINK(\"\"x\"\") is a formula.\","));
    assert!(excel.contains(",'-5 percent was the change.,"));
}

#[test]
fn an_empty_side_leaves_the_other_side_unaligned() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = files(dir.path());
    let empty = write(dir.path(), "empty.ko", b"");
    let out = run(&["align", "--presegmented", &en, &empty]);
    // An empty file is an input error in every command; the batch goes on.
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("empty.ko: empty file"));
    let rows = corpus::read(Format::Csv, &stdout(&out)).unwrap();
    assert_covers(&rows, 5, 0);
    assert!(rows.iter().all(|r| r.bead == "1-0"));
    let empty_en = write(dir.path(), "empty.en", b"");
    let both = run(&["align", "--presegmented", &empty_en, &empty]);
    assert_eq!(code(&both), 2);
    assert_eq!(
        stdout(&both),
        "en_doc,ko_doc,en_idx,ko_idx,en,ko,bead,score\r\n"
    );
}

#[test]
fn a_missing_or_binary_file_is_an_error_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = files(dir.path());
    let missing = dir.path().join("nope.ko");
    let out = run(&["align", &en, missing.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nope.ko"));
    let binary = write(dir.path(), "bin.ko", &[0u8, 159, 146, 150, 0, 1, 2]);
    let out = run(&["align", &en, &binary]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).is_empty());
}

#[test]
fn a_pair_that_is_not_english_korean_is_reported_and_aligned_without_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = files(dir.path());
    let copy = write(dir.path(), "copy.ko", &std::fs::read(&en).unwrap());
    let out = run(&["align", "--presegmented", &en, &copy]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("without the English–Korean profile"),
        "{}",
        stderr(&out)
    );
    // Identical texts align one to one.
    let rows = corpus::read(Format::Csv, &stdout(&out)).unwrap();
    assert!(
        rows.iter().all(|r| r.bead == "1-1" && r.en == r.ko),
        "{rows:?}"
    );
}

#[test]
fn one_side_much_longer_than_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..300)
        .map(|i| format!("Report {i} lists {} new cases.\n", i * 13 + 7))
        .collect();
    let en = write(dir.path(), "long.en", long.as_bytes());
    let ko = write(
        dir.path(),
        "short.ko",
        "보고서 150은 1957건의 새 사례를 열거한다.\n".as_bytes(),
    );
    let out = run(&["align", "--presegmented", &en, &ko, "--format", "jsonl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = corpus::read(Format::Jsonl, &stdout(&out)).unwrap();
    assert_covers(&rows, 300, 1);
    let linked: Vec<&Row> = rows.iter().filter(|r| !r.ko_idx.is_empty()).collect();
    assert_eq!(linked.len(), 1);
    assert!(linked[0].en_idx.contains(&150), "{:?}", linked[0]);
}

#[test]
fn crawl_articles_are_segmented_before_alignment() {
    let dir = tempfile::tempdir().unwrap();
    let article = |title: &str, body: &str| {
        format!("---\ntitle: \"{title}\"\npublished_at: 2025-03-02 10:00\n---\n\n# {title}\n\n---\n\n{body}\n\n---\n\n*Crawled at: 2025-03-02 11:00:00*\n")
    };
    let en = write(
        dir.path(),
        "en.txt",
        article(
            "Rates rise",
            "The central bank raised rates to 3.5 percent. Inflation hit 5.2 percent.",
        )
        .as_bytes(),
    );
    let ko = write(
        dir.path(),
        "ko.txt",
        article(
            "금리 인상",
            "중앙은행이 금리를 3.5%로 올렸다. 물가 상승률은 5.2%였다.",
        )
        .as_bytes(),
    );
    let out = run(&["align", &en, &ko, "--format", "jsonl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = corpus::read(Format::Jsonl, &stdout(&out)).unwrap();
    assert!(rows.len() >= 2, "{rows:?}");
    assert!(rows
        .iter()
        .any(|r| r.en.contains("Inflation") && r.ko.contains("물가")));
}

/// Sentences for property tests: words, numbers and punctuation of both
/// languages, sometimes empty.
fn sentence() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("government".to_string()),
        Just("exports".to_string()),
        Just("Seoul".to_string()),
        Just("정부는".to_string()),
        Just("수출이".to_string()),
        Just("서울에서".to_string()),
        Just("1억2천만".to_string()),
        Just("3.5%".to_string()),
        Just("\"".to_string()),
        Just("?".to_string()),
        "[a-zA-Z가-힣0-9.,]{1,8}",
    ];
    prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
}

fn covers(beads: &[Bead], n: usize, m: usize) -> bool {
    let (mut e, mut k) = (0, 0);
    for b in beads {
        if b.en.start != e || b.ko.start != k || (b.en.is_empty() && b.ko.is_empty()) {
            return false;
        }
        if !(0.0..=1.0).contains(&b.score) {
            return false;
        }
        e = b.en.end;
        k = b.ko.end;
    }
    e == n && k == m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn beads_cover_each_side_once_in_order(
        en in prop::collection::vec(sentence(), 0..25),
        ko in prop::collection::vec(sentence(), 0..25),
    ) {
        let e: Vec<&str> = en.iter().map(String::as_str).collect();
        let k: Vec<&str> = ko.iter().map(String::as_str).collect();
        let beads = align(&e, &k, &AlignOptions::default());
        prop_assert!(covers(&beads, e.len(), k.len()), "{:?}", beads);
        let banded = AlignOptions { full_search_cells: 0, band: 4, ..AlignOptions::default() };
        let beads = align(&e, &k, &banded);
        prop_assert!(covers(&beads, e.len(), k.len()), "{:?}", beads);
    }

    #[test]
    fn csv_jsonl_and_tmx_read_back_the_same_pairs(
        texts in prop::collection::vec((any::<String>(), any::<String>(), 0.0f64..=1.0), 0..8),
    ) {
        let rows: Vec<Row> = texts
            .iter()
            .enumerate()
            .map(|(i, (en, ko, s))| {
                let en_idx: Vec<usize> = if en.is_empty() { vec![] } else { vec![i] };
                let ko_idx: Vec<usize> = if ko.is_empty() { vec![] } else { vec![i, i + 1] };
                Row::new("doc,\"1\"", "문서\n2", &en_idx, &ko_idx, en, ko, *s)
            })
            .filter(|r| !(r.en_idx.is_empty() && r.ko_idx.is_empty()))
            .collect();
        for format in [Format::Csv, Format::Jsonl, Format::Tmx] {
            let mut out = Vec::new();
            corpus::write(format, &rows, &mut out).unwrap();
            let back = corpus::read(format, std::str::from_utf8(&out).unwrap()).unwrap();
            let expect: Vec<Row> = if format == Format::Tmx {
                rows.iter()
                    .map(|r| Row {
                        en: corpus::tmx_safe(&r.en),
                        ko: corpus::tmx_safe(&r.ko),
                        ko_doc: corpus::tmx_safe(&r.ko_doc),
                        en_doc: corpus::tmx_safe(&r.en_doc),
                        ..r.clone()
                    })
                    .collect()
            } else {
                rows.clone()
            };
            prop_assert_eq!(back, expect, "{:?}", format);
        }
    }
}

/// 10,000 x 10,000 sentences in under two seconds (release build):
/// `cargo test --release --test integration -- --ignored long_document`.
#[test]
#[ignore]
fn long_document_aligns_in_linear_time() {
    let n = 10_000;
    let en: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "The committee reported {} new cases in district {} on day {}.",
                i * 37 % 9973 + 1,
                i % 97,
                i % 28 + 1
            )
        })
        .collect();
    let ko: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "위원회는 {}일 {} 지구에서 {}건의 새로운 사례를 보고했다.",
                i % 28 + 1,
                i % 97,
                i * 37 % 9973 + 1
            )
        })
        .collect();
    let e: Vec<&str> = en.iter().map(String::as_str).collect();
    let k: Vec<&str> = ko.iter().map(String::as_str).collect();
    // How long it takes is for the benches to say, not a test.
    let beads = align(&e, &k, &AlignOptions::default());
    assert!(covers(&beads, n, n));
    assert!(
        beads
            .iter()
            .filter(|b| b.en.len() == 1 && b.ko.len() == 1 && b.en.start == b.ko.start)
            .count()
            > n * 99 / 100
    );
}

/// Gold beads of a fixture: (first side, second side) index ranges.
fn gold_beads(text: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
    let idx = |s: &str| -> Vec<usize> {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(|x| x.parse().unwrap())
            .collect()
    };
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(a, b)| (idx(a), idx(b)))
        .collect()
}

/// Beads of `align` found exactly in the gold of fixture `name`.
fn fixture_hits(name: &str, first: &str, second: &str, opts: &AlignOptions) -> (usize, usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align");
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap();
    let (a, b) = (read(first), read(second));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let gold = gold_beads(&read("gold"));
    let beads = align(&a, &b, opts);
    let found = beads
        .iter()
        .filter(|x| gold.contains(&(x.en.clone().collect(), x.ko.clone().collect())))
        .count();
    (found, gold.len())
}

#[test]
fn a_written_korean_report_and_its_translation_align_to_the_gold() {
    let (found, total) = fixture_hits("fares", "en", "ko", &AlignOptions::default());
    // Nine gold beads: 1-1, a split, a join, an addition and an omission.
    assert_eq!(total, 9);
    assert!(found >= 8, "{found} of {total}");
}

#[test]
fn a_german_french_pair_aligns_with_the_learned_profile() {
    let opts = AlignOptions {
        profile: bitext::align::Profile::Learned,
        ..AlignOptions::default()
    };
    let (found, total) = fixture_hits("hut", "de", "fr", &opts);
    assert_eq!(total, 9);
    assert!(found >= 7, "{found} of {total}");
}

#[test]
fn sentence_counts_implausible_for_a_translation_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let en: String = (0..40)
        .map(|i| format!("Line {i} of the long side.\n"))
        .collect();
    let en = write(dir.path(), "long.en", en.as_bytes());
    let ko = write(
        dir.path(),
        "short.ko",
        "짧은 쪽의 첫 줄.\n두 번째 줄.\n".as_bytes(),
    );
    let out = run(&["align", "--presegmented", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("implausible"), "{}", stderr(&out));
}

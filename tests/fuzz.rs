//! Fuzzing inside `cargo test`: every parser takes arbitrary input without
//! panicking, and what it returns is consistent with the input.

use bitext::audit::input::parse_pairs;
use bitext::corpus::{Format, Row};
use bitext::document::{parse_bytes, ReadOptions};
use bitext::lint::LintOptions;
use proptest::prelude::*;
use std::path::Path;

/// Pieces that steer random input into the parsers' interesting corners.
fn crawlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_owned()),
        Just("title: \"x\"\n".to_owned()),
        Just("\t\tcontinued\n".to_owned()),
        Just("# Title\n".to_owned()),
        Just("**발행** | 2025-01-01 | \n".to_owned()),
        Just("*Crawled at: x*\n".to_owned()),
        Just("\n".to_owned()),
        Just("Mr. Kim said \"yes. ".to_owned()),
        Just("수출이 늘었다.그러나 ".to_owned()),
        Just("{\"title\":\"t\",\"body\":\"b. c.\"}\n".to_owned()),
        "[a-zA-Z0-9 .!?\"'()\u{AC00}-\u{AC10}\u{FEFF}\u{2028}\r\n&#;]{0,40}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(name: &str, bytes: &[u8], presegmented: bool) {
    let opts = ReadOptions {
        presegmented,
        ..Default::default()
    };
    let Ok(docs) = parse_bytes(name, bytes, &opts) else {
        return;
    };
    for doc in docs {
        let mut last = 0;
        for s in doc.sentences() {
            assert!(
                s.span.start >= last && s.span.start <= s.span.end && s.span.end <= doc.text.len()
            );
            assert!(
                doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end)
            );
            last = s.span.end;
        }
        let _ = doc.to_json();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn document_parser_survives_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check("f.txt", &bytes, false);
        check("f.jsonl", &bytes, false);
        check("f.txt", &bytes, true);
    }

    #[test]
    fn document_parser_survives_crawl_like_text(text in crawlish()) {
        check("f.txt", text.as_bytes(), false);
        check("f.jsonl", text.as_bytes(), false);
        check("f.txt", text.as_bytes(), true);
    }
}

/// Rows with text that stresses every corpus format: delimiters, quotes,
/// markup, newlines, a formula-like start, Hangul.
fn rows() -> impl Strategy<Value = Vec<Row>> {
    let text = "[a-z ,\"'<>&\t\n=+\u{AC00}-\u{AC05}]{0,12}";
    prop::collection::vec((text, text, 0usize..3, 0usize..3), 0..6).prop_map(|v| {
        let mut rows = Vec::new();
        let (mut e, mut k) = (0, 0);
        for (en, ko, de, dk) in v {
            let (de, dk) = if de + dk == 0 { (1, 1) } else { (de, dk) };
            let en_idx: Vec<usize> = (e..e + de).collect();
            let ko_idx: Vec<usize> = (k..k + dk).collect();
            (e, k) = (e + de, k + dk);
            let en = if de == 0 { String::new() } else { en };
            let ko = if dk == 0 { String::new() } else { ko };
            rows.push(Row::new("a.txt", "b.txt", &en_idx, &ko_idx, &en, &ko, 0.5));
        }
        rows
    })
}

const FORMATS: [Format; 4] = [Format::Csv, Format::Tsv, Format::Jsonl, Format::Tmx];

/// A corpus in `format`, then damaged: cut at `cut` and one byte replaced.
fn damaged(format: Format, rows: &[Row], cut: usize, at: usize, byte: u8) -> String {
    let mut out = Vec::new();
    bitext::corpus::write(format, rows, &mut out).unwrap();
    out.truncate(cut.min(out.len()));
    if !out.is_empty() {
        let i = at % out.len();
        out[i] = byte;
    }
    String::from_utf8_lossy(&out).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn corpus_readers_survive_damaged_corpora(
        rows in rows(),
        cut in 0usize..2000,
        at in any::<usize>(),
        byte in any::<u8>(),
    ) {
        for format in FORMATS {
            let text = damaged(format, &rows, cut, at, byte);
            if let Ok(read) = bitext::corpus::read(format, &text) {
                prop_assert!(read.len() <= text.len());
            }
        }
    }

    #[test]
    fn corpus_readers_survive_random_text(text in "[a-z0-9,\"'<>/=&;\t\n{}:\\[\\] \u{AC00}]{0,200}") {
        for format in FORMATS {
            let _ = bitext::corpus::read(format, &text);
        }
    }

    #[test]
    fn pairs_tables_parse_or_fail_cleanly(
        body in "[a-z0-9,\"\t\r\n \u{AC00}\u{FEFF}]{0,120}",
        header in prop_oneof![Just("id,en,ko\n"), Just("en\tko\n"), Just("ko,en,x\n"), Just("")],
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        for name in ["p.csv", "p.tsv", "p.txt"] {
            let path = Path::new(name);
            let text = format!("{header}{body}");
            if let Ok(t) = parse_pairs(path, text.as_bytes()) {
                // Every row has a pair and an origin, and the pair is the
                // row's `en` and `ko` cells.
                prop_assert_eq!(t.rows.len(), t.pairs.len());
                prop_assert_eq!(t.rows.len(), t.origins.len());
                let col = |name: &str| t.columns.iter().position(|c| c == name).unwrap();
                let (en, ko) = (col("en"), col("ko"));
                for (r, p) in t.rows.iter().zip(&t.pairs) {
                    prop_assert_eq!(r.get(en).map_or("", String::as_str), p.en.as_str());
                    prop_assert_eq!(r.get(ko).map_or("", String::as_str), p.ko.as_str());
                }
            }
            let _ = parse_pairs(path, &bytes);
        }
    }

    #[test]
    fn jsonl_lint_spans_stay_inside_the_text(text in "(\\{\"t\":\"[a-z\\\\\"u0-9&;#é\u{C3}\u{A9} ]{0,20}\"\\}\n?|[{}\":,\\\\\n])*") {
        let opts = LintOptions::default();
        if let Ok(diags) = bitext::lint::jsonl::lint("f.jsonl", &text, &opts) {
            for d in diags {
                let s = d.location.span;
                prop_assert!(s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        if let Ok((fixed, _)) = bitext::lint::jsonl::fix("f.jsonl", &text, &opts) {
            // A repaired file needs no further repair.
            let (again, n) = bitext::lint::jsonl::fix("f.jsonl", &fixed, &opts).unwrap();
            prop_assert_eq!(n, 0);
            prop_assert_eq!(again, fixed);
        }
    }
}

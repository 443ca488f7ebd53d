//! Fuzzing inside `cargo test`: every parser takes arbitrary input without
//! panicking, and what it returns is consistent with the input.

use bitext::document::{parse_bytes, ReadOptions};
use proptest::prelude::*;

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

use super::*;
use crate::document::{parse_bytes, ReadOptions};

fn doc(name: &str, date: Option<&str>, body: &str) -> Document {
    let front = date.map_or(String::new(), |d| format!("published_at: {d}\n"));
    let raw = format!("---\nid: {name}\n{front}---\n\n{body}\n");
    parse_bytes(name, raw.as_bytes(), &ReadOptions::default())
        .expect("test article parses")
        .remove(0)
}

fn ko_story(name: &str, date: &str, n: u32) -> Document {
    doc(
        name,
        Some(date),
        &format!(
            "산업통상자원부는 {n}일 반도체 수출이 {}억 달러로 {}.{}% 늘었다고 밝혔다. 베를루스코니 장관과 {}명이 참석했다. 회의는 KOTRA 본부에서 열렸고 {}건의 계약이 체결됐다.",
            n * 7 + 3,
            n % 9 + 1,
            n % 7,
            n * 13 + 101,
            n * 31 + 17
        ),
    )
}

fn en_story(name: &str, date: &str, n: u32) -> Document {
    doc(
        name,
        Some(date),
        &format!(
            "Chip exports rose {}.{} percent to ${} billion, the trade ministry said on the {n}th. Minister Berlusconi and {} people attended. The meeting was held at KOTRA headquarters, where {} contracts were signed.",
            n % 9 + 1,
            n % 7,
            n * 7 + 3,
            n * 13 + 101,
            n * 31 + 17
        ),
    )
}

#[test]
fn pairs_each_translation_with_its_original() {
    let ko: Vec<Document> = (1..=6)
        .map(|n| ko_story(&format!("k{n}"), "2024-05-02 09:00", n * 3))
        .collect();
    let en: Vec<Document> = (1..=6)
        .rev()
        .map(|n| en_story(&format!("e{n}"), "2024-05-03 09:00", n * 3))
        .collect();
    let p = pair(&en, &ko, &PairOptions::default());
    let found: Vec<(usize, usize)> = p.pairs.iter().map(|d| (d.en, d.ko)).collect();
    assert_eq!(found, [(0, 5), (1, 4), (2, 3), (3, 2), (4, 1), (5, 0)]);
    assert!(p.pairs.iter().all(|d| d.score > 0.5 && d.score <= 1.0));
    assert!(p.unpaired_en.is_empty() && p.unpaired_ko.is_empty());
}

#[test]
fn an_article_without_counterpart_stays_unpaired() {
    let ko = vec![
        ko_story("k1", "2024-05-02 09:00", 4),
        ko_story("k2", "2024-05-02 09:00", 11),
    ];
    let en = vec![
        en_story("e1", "2024-05-02 10:00", 4),
        en_story("e2", "2024-05-02 10:00", 23),
    ];
    let p = pair(&en, &ko, &PairOptions::default());
    let found: Vec<(usize, usize)> = p.pairs.iter().map(|d| (d.en, d.ko)).collect();
    assert_eq!(found, [(0, 0)]);
    assert_eq!(p.unpaired_en, [1]);
    assert_eq!(p.unpaired_ko, [1]);
}

#[test]
fn unrelated_collections_pair_nothing() {
    let ko: Vec<Document> = (1..=6)
        .map(|n| ko_story(&format!("k{n}"), "2024-05-02 09:00", n * 3))
        .collect();
    let en: Vec<Document> = (1..=6)
        .map(|n| en_story(&format!("e{n}"), "2024-05-02 19:00", n * 3 + 40))
        .collect();
    let p = pair(&en, &ko, &PairOptions::default());
    assert!(p.pairs.is_empty(), "{:?}", p.pairs);
    assert_eq!(p.unpaired_en.len(), 6);
}

#[test]
fn two_equally_good_candidates_leave_the_article_unpaired() {
    let ko = vec![ko_story("k1", "2024-05-02 09:00", 5)];
    // Same anchors, different wording: nothing tells them apart.
    let a = en_story("e1", "2024-05-02 10:00", 5);
    let mut b_text = a
        .text
        .replace("Chip exports rose", "Semiconductor shipments grew");
    b_text = b_text.replace("---\nid: e1", "---\nid: e2");
    let b = parse_bytes("e2", b_text.as_bytes(), &ReadOptions::default())
        .unwrap()
        .remove(0);
    let p = pair(&[a, b], &ko, &PairOptions::default());
    assert!(p.pairs.is_empty(), "{:?}", p.pairs);
}

#[test]
fn the_translation_never_precedes_its_original() {
    let ko = vec![ko_story("k1", "2024-05-03 09:00", 8)];
    let early = vec![en_story("e1", "2024-05-02 23:00", 8)];
    assert!(pair(&early, &ko, &PairOptions::default()).pairs.is_empty());
    let late = vec![en_story("e1", "2024-05-07 09:00", 8)];
    assert!(pair(&late, &ko, &PairOptions::default()).pairs.is_empty());
    let opts = PairOptions {
        max_days: 4,
        ..PairOptions::default()
    };
    assert_eq!(pair(&late, &ko, &opts).pairs.len(), 1);
}

#[test]
fn undated_articles_are_paired_on_content_with_a_note() {
    let ko = vec![ko_story("k1", "2024-05-03 09:00", 8)];
    let en = vec![doc("e1", None, &en_story("x", "2024-01-01", 8).text)];
    let p = pair(&en, &ko, &PairOptions::default());
    assert_eq!(p.pairs.len(), 1);
    assert!(p.notes.iter().any(|n| n.contains("no publication date")));
}

#[test]
fn identical_texts_pair_once_with_a_note() {
    let ko = vec![
        ko_story("k1", "2024-05-03 09:00", 8),
        ko_story("k2", "2024-05-03 09:00", 8),
    ];
    let en = vec![en_story("e1", "2024-05-03 10:00", 8)];
    let p = pair(&en, &ko, &PairOptions::default());
    let found: Vec<(usize, usize)> = p.pairs.iter().map(|d| (d.en, d.ko)).collect();
    assert_eq!(found, [(0, 0)]);
    assert!(p.notes.iter().any(|n| n.contains("same text")));
}

#[test]
fn result_does_not_depend_on_input_order() {
    let ko: Vec<Document> = (1..=8)
        .map(|n| {
            ko_story(
                &format!("k{n}"),
                &format!("2024-05-0{} 09:00", n % 3 + 1),
                n * 5,
            )
        })
        .collect();
    let en: Vec<Document> = (1..=8)
        .map(|n| {
            en_story(
                &format!("e{n}"),
                &format!("2024-05-0{} 18:00", n % 3 + 2),
                n * 5,
            )
        })
        .collect();
    let names = |p: &Pairing, en: &[Document], ko: &[Document]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = p
            .pairs
            .iter()
            .map(|d| (en[d.en].path.clone(), ko[d.ko].path.clone()))
            .collect();
        v.sort();
        v
    };
    let a = pair(&en, &ko, &PairOptions::default());
    let (en_r, ko_r): (Vec<Document>, Vec<Document>) = (
        en.iter().rev().cloned().collect(),
        ko.iter().rev().cloned().collect(),
    );
    let b = pair(&en_r, &ko_r, &PairOptions::default());
    assert_eq!(a.pairs.len(), 8);
    assert_eq!(names(&a, &en, &ko), names(&b, &en_r, &ko_r));
    assert_eq!(a, pair(&en, &ko, &PairOptions::default()));
}

#[test]
fn empty_inputs_give_an_empty_pairing() {
    let ko = vec![ko_story("k1", "2024-05-03 09:00", 8)];
    let p = pair(&[], &ko, &PairOptions::default());
    assert!(p.pairs.is_empty());
    assert_eq!(p.unpaired_ko, [0]);
    assert_eq!(pair(&[], &[], &PairOptions::default()), Pairing::default());
}

#[test]
fn articles_without_anchors_are_noted() {
    let ko = vec![doc("k1", Some("2024-05-03"), "오늘은 날씨가 맑았다.")];
    let en = vec![en_story("e1", "2024-05-03", 8)];
    let p = pair(&en, &ko, &PairOptions::default());
    assert!(p.pairs.is_empty());
    assert!(p.notes.iter().any(|n| n.contains("cannot be paired")));
}

#[test]
fn calendar_days_are_parsed_strictly() {
    assert_eq!(parse_day("1970-01-01"), Some(0));
    assert_eq!(parse_day("2024-03-01 10:00"), Some(19_783));
    assert_eq!(parse_day("2024-02-29"), Some(19_782));
    assert_eq!(parse_day("2023-02-29"), None);
    assert_eq!(parse_day("2024.03.01"), Some(19_783));
    assert_eq!(parse_day("2024-03-01T10:00:00Z"), Some(19_783));
    assert_eq!(parse_day("2024년 3월 1일 오후 3:05"), Some(19_783));
    assert_eq!(parse_day("3/1/2024"), None);
    assert_eq!(parse_day("yesterday"), None);
    assert_eq!(parse_day(""), None);
}

#[test]
fn concept_anchors_from_a_glossary_pair_articles_without_other_anchors() {
    let concepts = |words: &[&str]| -> Vec<Anchor> {
        words
            .iter()
            .map(|w| Anchor {
                kind: AnchorKind::Concept,
                key: (*w).to_owned(),
                expected: true,
                word: None,
            })
            .collect()
    };
    let topics: [&[&str]; 4] = [
        &["windshield", "laser", "driver", "road", "sensor", "fog"],
        &[
            "glacier",
            "summit",
            "border",
            "passport",
            "telescope",
            "view",
        ],
        &[
            "landfill",
            "garbage",
            "incinerator",
            "street",
            "military",
            "mayor",
        ],
        &[
            "curfew",
            "prayer",
            "coalition",
            "negotiation",
            "bullet",
            "factory",
        ],
    ];
    let mut en = Vec::new();
    let mut ko = Vec::new();
    for (i, t) in topics.iter().enumerate() {
        let mut e = Features::english(&doc(
            &format!("e{i}"),
            Some("2024-05-02"),
            "Plain words only.",
        ));
        e.fingerprint = i as u64;
        e.add_anchors(&concepts(t));
        let mut k = Features::korean(&doc(
            &format!("k{i}"),
            Some("2024-05-02"),
            "평범한 말뿐이다.",
        ));
        k.fingerprint = 100 + i as u64;
        k.add_anchors(&concepts(&t[1..]));
        en.push(e);
        ko.push(k);
    }
    let p = pair_features(&en, &ko, &PairOptions::default());
    let found: Vec<(usize, usize)> = p.pairs.iter().map(|d| (d.en, d.ko)).collect();
    assert_eq!(found, [(0, 0), (1, 1), (2, 2), (3, 3)]);
}

/// Day `d` of a month as a front-matter date.
fn may(d: i64) -> String {
    format!("2024-05-{:02} 09:00", d + 1)
}

/// Collections for the bucketing property: a Korean story per entry, its
/// translation (or an unrelated English story) `delay` days later, some
/// articles undated.
fn bucket_collections(stories: &[(u32, i64, i64, bool, u8)]) -> (Vec<Features>, Vec<Features>) {
    let mut en = Vec::new();
    let mut ko = Vec::new();
    for (i, &(n, day, delay, translated, undated)) in stories.iter().enumerate() {
        let k = ko_story(&format!("k{i:02}"), &may(day), n * 3 + 1);
        let content = if translated { n * 3 + 1 } else { n * 3 + 200 };
        let e = en_story(&format!("e{i:02}"), &may(day + delay), content);
        let strip = |d: Document, name: &str| {
            doc(
                name,
                None,
                &d.text[d.text.find("\n---\n").map_or(0, |p| p + 5)..],
            )
        };
        let (e, k) = match undated {
            0 => (strip(e, &format!("e{i:02}")), k),
            1 => (e, strip(k, &format!("k{i:02}"))),
            _ => (e, k),
        };
        en.push(Features::english(&e));
        ko.push(Features::korean(&k));
    }
    (en, ko)
}

/// Pairs by id, English id order.
fn named(p: &Pairing, en: &[Features], ko: &[Features]) -> Vec<NamedPair> {
    let mut v: Vec<NamedPair> = p
        .pairs
        .iter()
        .map(|d| NamedPair {
            en: en[d.en].id.clone(),
            ko: ko[d.ko].id.clone(),
            score: d.score,
        })
        .collect();
    v.sort_by(|a, b| a.en.cmp(&b.en));
    v
}

fn json_roundtrip<T: Serialize + serde::de::DeserializeOwned>(x: &T) -> T {
    serde_json::from_str(&serde_json::to_string(x).expect("serialises")).expect("parses back")
}

/// Run the stages over `buckets` (first and last Korean day of each), each
/// given exactly the articles its halo needs, with every record passed
/// through JSON.
fn staged(
    en: &[Features],
    ko: &[Features],
    max_days: u32,
    buckets: &[(i64, i64)],
) -> Vec<NamedPair> {
    let en: Vec<Features> = en.iter().map(json_roundtrip).collect();
    let ko: Vec<Features> = ko.iter().map(json_roundtrip).collect();
    let stats = Stats::new(&en, &ko, max_days);
    let stats2: Stats = json_roundtrip(&stats);
    assert_eq!(stats, stats2);
    let m = i64::from(max_days);
    let mut edges = Vec::new();
    for &(lo, hi) in buckets {
        let pick = |fs: &[Features], a: i64, b: i64| -> Vec<Features> {
            fs.iter()
                .filter(|f| f.day.is_some_and(|d| (a..=b).contains(&d)))
                .cloned()
                .collect()
        };
        let e = pick(&en, lo, hi + m);
        let k = pick(&ko, lo - m, hi + m);
        edges.extend(score(&stats2, &e, &k, Some((lo, hi))));
    }
    edges.extend(score_undated(&stats2, &en, &ko));
    edges.reverse();
    let edges: Vec<Edge> = edges.iter().map(json_roundtrip).collect();
    assign(&stats2, edges, PairOptions::default().min_score)
}

#[test]
fn one_bucket_and_the_undated_join_equal_one_run() {
    let stories: Vec<(u32, i64, i64, bool, u8)> = (0..12)
        .map(|i| {
            (
                i,
                i64::from(i % 5),
                i64::from(i % 3),
                i % 4 != 3,
                (i % 6) as u8,
            )
        })
        .collect();
    let (en, ko) = bucket_collections(&stories);
    let opts = PairOptions::default();
    let one = pair_features(&en, &ko, &opts);
    assert!(one.pairs.len() >= 6, "{:?}", one.pairs);
    let base = parse_day(&may(0)).unwrap();
    assert_eq!(
        named(&one, &en, &ko),
        staged(&en, &ko, 3, &[(base, base + 30)])
    );
    // A bucket per day.
    let days: Vec<(i64, i64)> = (0..12).map(|d| (base + d, base + d)).collect();
    assert_eq!(named(&one, &en, &ko), staged(&en, &ko, 3, &days));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any bucketing of the Korean days, each bucket with its halo, plus the
    /// undated join, gives the pairs and scores of one run.
    #[test]
    fn bucketed_pairing_equals_one_run(
        stories in proptest::collection::vec((0u32..40, 0i64..10, 0i64..5, proptest::bool::weighted(0.8), 0u8..12), 1..16),
        cuts in proptest::collection::btree_set(1i64..14, 0..5),
        max_days in 0u32..4,
    ) {
        let (en, ko) = bucket_collections(&stories);
        let opts = PairOptions { max_days, ..PairOptions::default() };
        let one = pair_features(&en, &ko, &opts);
        let base = parse_day(&may(0)).unwrap();
        let mut bounds: Vec<i64> = vec![0];
        bounds.extend(cuts.iter().copied());
        bounds.push(20);
        let buckets: Vec<(i64, i64)> = bounds
            .windows(2)
            .map(|w| (base + w[0], base + w[1] - 1))
            .collect();
        proptest::prop_assert_eq!(named(&one, &en, &ko), staged(&en, &ko, max_days, &buckets));
    }
}

#[test]
fn json_lines_articles_are_named_by_their_id() {
    let text = "{\"id\":\"yna-42\",\"title\":\"t\",\"body\":\"LG posted 21 trillion won.\"}\n{\"title\":\"u\",\"body\":\"No id here.\"}\n";
    let docs = parse_bytes("feed.jsonl", text.as_bytes(), &ReadOptions::default()).unwrap();
    let ids: Vec<String> = docs.iter().map(|d| Features::english(d).id).collect();
    assert_eq!(ids, ["yna-42", "feed.jsonl:2"]);
}

#[test]
fn features_survive_json() {
    let f = Features::korean(&ko_story("k1", "2024-05-02 09:00", 7));
    assert!(!f.anchors.is_empty());
    assert_eq!(json_roundtrip(&f), f);
    let line = serde_json::to_string(&f).unwrap();
    assert!(
        line.contains(&format!("\"{:016x}\"", f.fingerprint)),
        "{line}"
    );
}

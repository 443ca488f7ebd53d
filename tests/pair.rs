//! `bitext pair`: the sample corpora, output formats, bad input, and a scale
//! run on synthetic collections (ignored by default).

use crate::util::{code, repo_path, run, stderr, stdout, write};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn article(id: &str, date: Option<&str>, title: &str, body: &str) -> String {
    let date_line = date.map_or(String::new(), |d| format!("published_at: {d}\n"));
    format!(
        "---\nid: {id}\ntitle: \"{title}\"\n{date_line}---\n\n# {title}\n\n---\n\n{body}\n\n---\n\n*Crawled at: 2024-01-01 00:00:00*\n"
    )
}

/// Rows of a TSV output as (en basename, ko basename, score).
fn rows(tsv: &str) -> Vec<(String, String, String)> {
    let base = |p: &str| {
        Path::new(p)
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    };
    tsv.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "three columns in {l:?}");
            (base(f[0]), base(f[1]), f[2].to_owned())
        })
        .collect()
}

/// Two small collections: three translated pairs, one English and one
/// Korean article without counterpart.
fn small_collections(dir: &Path) -> (String, String) {
    let en = dir.join("en");
    let ko = dir.join("ko");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::create_dir_all(&ko).unwrap();
    let ko_docs = [
        ("k1.txt", "2024-03-04 09:00", "현대자동차는 3월 4일 전기차 IONIQ 9을 공개했다. 가격은 6,715만원이며 주행거리는 532㎞다. 회사는 올해 48,000대를 팔 계획이다."),
        ("k2.txt", "2024-03-04 11:00", "서울시는 4일 한강 다리 31곳의 보수 공사에 2,830억원을 쓴다고 밝혔다. 공사는 2027년에 끝난다. 오세훈 시장은 안전이 우선이라고 말했다."),
        ("k3.txt", "2024-03-05 08:00", "기상청은 5일 올해 봄 평균기온이 13.6도로 평년보다 1.2도 높을 것이라고 예보했다. 황사는 7차례 올 전망이다. WMO 보고서도 인용했다."),
        ("k4.txt", "2024-03-05 10:00", "한국은행은 5일 기준금리를 3.25%로 동결했다. 이창용 총재는 물가 상승률 2.9%를 언급했다. 위원 7명 중 6명이 찬성했다."),
    ];
    let en_docs = [
        ("e1.txt", "2024-03-05 07:00", "Hyundai Motor unveiled the IONIQ 9 electric SUV on March 4. It costs 67.15 million won and runs 532 kilometers on a charge. The company plans to sell 48,000 units this year."),
        ("e2.txt", "2024-03-04 20:00", "Seoul will spend 283 billion won repairing 31 bridges over the Han River, the city said on Monday. Work ends in 2027. Mayor Oh Se-hoon said safety comes first."),
        ("e3.txt", "2024-03-06 09:00", "The Korea Meteorological Administration forecast that spring temperatures will average 13.6 degrees, 1.2 degrees above normal. Yellow dust will come seven times, it said, citing a WMO report."),
        ("e4.txt", "2024-03-05 12:00", "Samsung Electronics shipped 9,406 foldable phones to 112 carriers in 17 countries, the company said, with Galaxy Z sales up 18.4 percent."),
    ];
    for (name, date, body) in ko_docs {
        write(
            &ko,
            name,
            article(name, Some(date), "제목", body).as_bytes(),
        );
    }
    for (name, date, body) in en_docs {
        write(
            &en,
            name,
            article(name, Some(date), "Title", body).as_bytes(),
        );
    }
    (
        en.to_string_lossy().into_owned(),
        ko.to_string_lossy().into_owned(),
    )
}

#[test]
fn pairs_the_sample_corpora_and_leaves_distractors_alone() {
    let out = run(&["pair", &repo_path("corpora/en"), &repo_path("corpora/ko")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let got: BTreeSet<(String, String)> = rows(&stdout(&out))
        .into_iter()
        .map(|(e, k, _)| (e, k))
        .collect();
    let want: BTreeSet<(String, String)> = [
        ("055_9221f8df489c7e17.txt", "392_76e4b57c95181d3e.txt"),
        ("723_8825976925c473c5.txt", "195_0ccbdce1d54104a2.txt"),
        ("902_10a4f13d15b22ca7.txt", "751_2489a0da6b3a1a51.txt"),
        ("625_382337a2c8176fe8.txt", "202_4183a6627a80c7f2.txt"),
        ("711_ed2f4872bfb6c2ec.txt", "241_eb1c0cfbed9d25ee.txt"),
        ("833_0da0bc2455454bec.txt", "060_8e3214784ee0ebee.txt"),
        ("544_841b2108cac66fa2.txt", "048_5f7efa00694be7c7.txt"),
        ("309_0691c5e33b41b37c.txt", "411_aa2d1c46269d7a5c.txt"),
        ("654_1a1f004ac4c97cfe.txt", "307_bcb53f80b39df172.txt"),
        ("507_127b3fcd8cd905ef.txt", "417_9bfe7d31793005e9.txt"),
        ("917_61663970e456410f.txt", "631_12607b60264f80bf.txt"),
        ("265_67d23bfd8aabe05a.txt", "605_a4ab44023ef66b53.txt"),
        ("328_183d11ffc528ebd5.txt", "992_0603233482d22ea3.txt"),
        ("290_a0415c582d4e0115.txt", "082_0de9eaccded45e84.txt"),
        ("231_a414f67f68531fa0.txt", "836_312d9b45f4354ce3.txt"),
    ]
    .iter()
    .map(|(e, k)| (e.to_string(), k.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn rows_carry_paths_as_given_and_a_probability() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().expect("a row");
    assert!(
        first.starts_with(&format!("{en}/e1.txt\t{ko}/k1.txt\t")),
        "{first}"
    );
    let r = rows(&text);
    let pairs: Vec<(&str, &str)> = r.iter().map(|(e, k, _)| (e.as_str(), k.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("e1.txt", "k1.txt"),
            ("e2.txt", "k2.txt"),
            ("e3.txt", "k3.txt")
        ]
    );
    for (_, _, s) in &r {
        let s: f64 = s.parse().unwrap();
        assert!((0.5..=1.0).contains(&s), "score {s}");
    }
}

#[test]
fn all_lists_unpaired_articles_with_an_empty_partner() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let out = run(&["pair", &en, &ko, "--all"]);
    let r = rows(&stdout(&out));
    assert_eq!(r.len(), 5);
    assert!(r.contains(&("e4.txt".into(), String::new(), String::new())));
    assert_eq!(
        r.last().unwrap(),
        &(String::new(), "k4.txt".into(), String::new())
    );
}

#[test]
fn csv_and_jsonl_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let csv = stdout(&run(&["pair", &en, &ko, "--format", "csv"]));
    assert_eq!(csv.lines().next(), Some("en_path,ko_path,score"));
    assert_eq!(csv.lines().count(), 4);
    let jsonl = stdout(&run(&["pair", &en, &ko, "--format", "jsonl", "--all"]));
    let recs: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 5);
    assert!(recs[0]["en_path"].as_str().unwrap().ends_with("e1.txt"));
    assert!(recs[0]["score"].as_f64().unwrap() > 0.5);
    assert!(recs
        .iter()
        .any(|r| r["ko_path"].is_null() && r["score"].is_null()));
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let target = dir.path().join("pairs.tsv");
    let out = run(&["pair", &en, &ko, "-o", &target.to_string_lossy()]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 3);
}

#[test]
fn an_english_version_dated_before_its_original_is_not_paired() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    // e2 moves to the day before k2.
    let body = std::fs::read_to_string(Path::new(&en).join("e2.txt")).unwrap();
    write(
        Path::new(&en),
        "e2.txt",
        body.replace("2024-03-04 20:00", "2024-03-03 20:00")
            .as_bytes(),
    );
    let r = rows(&stdout(&run(&["pair", &en, &ko])));
    assert!(!r.iter().any(|(e, _, _)| e == "e2.txt"), "{r:?}");
}

#[test]
fn max_days_bounds_the_delay() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    // Only e2 appears on its original's day.
    let r = rows(&stdout(&run(&["pair", &en, &ko, "--max-days", "0"])));
    let pairs: Vec<(&str, &str)> = r.iter().map(|(e, k, _)| (e.as_str(), k.as_str())).collect();
    assert_eq!(pairs, [("e2.txt", "k2.txt")]);
}

#[test]
fn an_empty_directory_is_an_error_and_the_other_side_is_still_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (en, _) = small_collections(dir.path());
    let empty = dir.path().join("none");
    std::fs::create_dir(&empty).unwrap();
    let out = run(&["pair", &en, &empty.to_string_lossy(), "--all"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no articles"), "{}", stderr(&out));
    assert_eq!(rows(&stdout(&out)).len(), 4);
}

#[test]
fn a_file_that_fails_to_parse_is_reported_and_the_rest_is_paired() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    write(Path::new(&ko), "broken.txt", b"---\nid: x\nnever closed\n");
    write(Path::new(&ko), "empty.txt", b"");
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("broken.txt") && err.contains("empty.txt"),
        "{err}"
    );
    assert_eq!(rows(&stdout(&out)).len(), 3);
}

#[test]
fn identical_texts_are_noted_and_only_the_first_is_paired() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let copy = std::fs::read_to_string(Path::new(&ko).join("k1.txt")).unwrap();
    write(
        Path::new(&ko),
        "k1b.txt",
        copy.replace("id: k1.txt", "id: other").as_bytes(),
    );
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("same text"), "{}", stderr(&out));
    let r = rows(&stdout(&out));
    assert!(r.contains(&("e1.txt".into(), "k1.txt".into(), r[0].2.clone())));
    assert!(!r.iter().any(|(_, k, _)| k == "k1b.txt"));
}

#[test]
fn undated_articles_are_paired_on_content_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let body = std::fs::read_to_string(Path::new(&en).join("e3.txt")).unwrap();
    let undated: String = body
        .lines()
        .filter(|l| !l.starts_with("published_at"))
        .map(|l| format!("{l}\n"))
        .collect();
    write(Path::new(&en), "e3.txt", undated.as_bytes());
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("no publication date"),
        "{}",
        stderr(&out)
    );
    assert!(rows(&stdout(&out))
        .iter()
        .any(|(e, k, _)| e == "e3.txt" && k == "k3.txt"));
}

// --- scale -----------------------------------------------------------------

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards small values: a few items are common, most are rare.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const ONSETS: [(&str, char); 9] = [
    ("k", 'ㄱ'),
    ("n", 'ㄴ'),
    ("d", 'ㄷ'),
    ("r", 'ㄹ'),
    ("m", 'ㅁ'),
    ("b", 'ㅂ'),
    ("s", 'ㅅ'),
    ("j", 'ㅈ'),
    ("t", 'ㅌ'),
];
const VOWELS: [(&str, u32); 5] = [("a", 0), ("eo", 4), ("o", 8), ("u", 13), ("i", 20)];

/// A name as (English spelling, Hangul spelling).
fn name(rng: &mut Rng) -> (String, String) {
    let onset_index = |c: char| {
        "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
            .chars()
            .position(|x| x == c)
            .unwrap_or(0) as u32
    };
    let (mut en, mut ko) = (String::new(), String::new());
    for _ in 0..3 + rng.below(2) {
        let (o, oc) = ONSETS[rng.below(ONSETS.len())];
        let (v, vi) = VOWELS[rng.below(VOWELS.len())];
        en.push_str(o);
        en.push_str(v);
        let syl = 0xAC00 + onset_index(oc) * 588 + vi * 28;
        ko.push(char::from_u32(syl).unwrap_or('가'));
    }
    let mut cap = en[..1].to_ascii_uppercase();
    cap.push_str(&en[1..]);
    (cap, ko)
}

struct Story {
    numbers: Vec<u32>,
    acronyms: Vec<String>,
    names: Vec<(String, String)>,
}

fn story(rng: &mut Rng, names: &[(String, String)], acronyms: &[String]) -> Story {
    let numbers = (0..4 + rng.below(6))
        .map(|_| match rng.below(3) {
            0 => 1990 + rng.below(36) as u32,
            1 => 1 + rng.below(100) as u32,
            _ => 100 + rng.skewed(200_000) as u32,
        })
        .collect();
    Story {
        numbers,
        acronyms: (0..rng.below(3))
            .map(|_| acronyms[rng.skewed(acronyms.len())].clone())
            .collect(),
        names: (0..1 + rng.below(3))
            .map(|_| names[rng.skewed(names.len())].clone())
            .collect(),
    }
}

fn ko_body(rng: &mut Rng, s: &Story) -> String {
    let filler = [
        "정부는",
        "관계자는",
        "지난해",
        "이번",
        "발표했다",
        "밝혔다",
        "늘었다",
        "것으로",
        "나타났다",
        "회사",
    ];
    let mut out = String::new();
    for p in 0..4 {
        for i in 0..6 {
            for _ in 0..8 {
                out.push_str(filler[rng.below(filler.len())]);
                out.push(' ');
            }
            let j = p * 6 + i;
            if let Some(n) = s.numbers.get(j % 11) {
                out.push_str(&format!("{n}명 "));
            }
            if let Some(a) = s.acronyms.get(j % 5) {
                out.push_str(&format!("{a}는 "));
            }
            if let Some((_, k)) = s.names.get(j % 7) {
                out.push_str(&format!("{k} 씨는 "));
            }
            out.push_str("말했다. ");
        }
        out.push_str("\n\n");
    }
    out
}

fn en_body(rng: &mut Rng, s: &Story) -> String {
    let filler = [
        "the",
        "government",
        "said",
        "last",
        "year",
        "officials",
        "rose",
        "according",
        "company",
        "this",
    ];
    let mut out = String::new();
    for p in 0..4 {
        for i in 0..6 {
            // About one sentence in twelve is dropped in translation.
            if rng.below(12) == 0 {
                continue;
            }
            out.push_str("The ");
            for _ in 0..14 {
                out.push_str(filler[rng.below(filler.len())]);
                out.push(' ');
            }
            let j = p * 6 + i;
            if let Some(n) = s.numbers.get(j % 11) {
                out.push_str(&format!("{n} people "));
            }
            if let Some(a) = s.acronyms.get(j % 5) {
                out.push_str(&format!("{a} "));
            }
            if let Some((e, _)) = s.names.get(j % 7) {
                out.push_str(&format!("{e} said "));
            }
            out.push_str("so. ");
        }
        out.push_str("\n\n");
    }
    out
}

fn day_string(mut d: usize) -> String {
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut year = 2023;
    loop {
        for (m, &len) in lengths.iter().enumerate() {
            if d < len {
                return format!("{year}-{:02}-{:02} 09:00", m + 1, d + 1);
            }
            d -= len;
        }
        year += 1;
    }
}

/// Write `n` articles per side over `days` days: 85 % translated pairs published 0–2
/// days apart, the rest without counterpart. Returns the gold pairs and the
/// distractors' names.
fn synthetic(
    dir: &Path,
    n: usize,
    days: usize,
    seed: u64,
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let mut rng = Rng(seed);
    let names: Vec<(String, String)> = (0..20_000).map(|_| name(&mut rng)).collect();
    let acronyms: Vec<String> = (0..3_000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| (b'A' + rng.below(26) as u8) as char)
                .collect()
        })
        .collect();
    let (en_dir, ko_dir) = (dir.join("en"), dir.join("ko"));
    std::fs::create_dir_all(&en_dir).unwrap();
    std::fs::create_dir_all(&ko_dir).unwrap();
    let mut gold = BTreeMap::new();
    let mut distractors = BTreeSet::new();
    let paired = n * 85 / 100;
    for i in 0..n {
        let day = rng.below(days);
        let s = story(&mut rng, &names, &acronyms);
        let ko_name = format!("k{:06x}.txt", rng.next() as u32);
        let en_name = format!("e{:06x}.txt", rng.next() as u32);
        let body = ko_body(&mut rng, &s);
        write(
            &ko_dir,
            &ko_name,
            article(&ko_name, Some(&day_string(day)), "기사", &body).as_bytes(),
        );
        let (en_day, s) = if i < paired {
            gold.insert(en_name.clone(), ko_name.clone());
            (day + rng.below(3), s)
        } else {
            distractors.insert(ko_name.clone());
            distractors.insert(en_name.clone());
            (rng.below(days), story(&mut rng, &names, &acronyms))
        };
        let body = en_body(&mut rng, &s);
        write(
            &en_dir,
            &en_name,
            article(&en_name, Some(&day_string(en_day)), "Story", &body).as_bytes(),
        );
    }
    (gold, distractors)
}

#[test]
fn synthetic_collections_pair_well() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, distractors) = synthetic(dir.path(), 300, 365, 7);
    let en = dir.path().join("en").to_string_lossy().into_owned();
    let ko = dir.path().join("ko").to_string_lossy().into_owned();
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let r = rows(&stdout(&out));
    let correct = r.iter().filter(|(e, k, _)| gold.get(e) == Some(k)).count();
    let bad = r
        .iter()
        .filter(|(e, k, _)| distractors.contains(e) || distractors.contains(k))
        .count();
    assert_eq!(bad, 0);
    assert!(
        correct * 100 >= gold.len() * 97,
        "{correct} of {}",
        gold.len()
    );
    assert!(
        correct * 100 >= r.len() * 99,
        "{correct} of {} rows",
        r.len()
    );
}

/// Generate `n` × `n` synthetic articles over `days` days and pair them.
/// With `BITEXT_SCALE_DIR` set, the collections are written there, with the
/// gold pairs in `gold.tsv` and the distractors in `distractors.txt`, to be
/// measured with `/usr/bin/time -v`; `BITEXT_SCALE_GENERATE=1` stops there.
fn scale_run(n: usize, days: usize) {
    let keep = std::env::var_os("BITEXT_SCALE_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = keep.as_ref().map_or(tmp.path(), Path::new);
    let (gold, distractors) = synthetic(dir, n, days, 11);
    if keep.is_some() {
        let g: String = gold.iter().map(|(e, k)| format!("{e}\t{k}\n")).collect();
        write(dir, "gold.tsv", g.as_bytes());
        let d: String = distractors.iter().map(|x| format!("{x}\n")).collect();
        write(dir, "distractors.txt", d.as_bytes());
        if std::env::var_os("BITEXT_SCALE_GENERATE").is_some() {
            return;
        }
    }
    let en = dir.join("en").to_string_lossy().into_owned();
    let ko = dir.join("ko").to_string_lossy().into_owned();
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let r = rows(&stdout(&out));
    let correct = r.iter().filter(|(e, k, _)| gold.get(e) == Some(k)).count();
    let bad = r
        .iter()
        .filter(|(e, k, _)| distractors.contains(e) || distractors.contains(k))
        .count();
    let p = correct as f64 / r.len().max(1) as f64;
    let rec = correct as f64 / gold.len() as f64;
    eprintln!(
        "{n} x {n} over {days} days: {} rows, precision {p:.4}, recall {rec:.4}, distractors paired {bad}",
        r.len()
    );
    assert!(p > 0.99 && rec > 0.95);
}

/// 1,000 × 1,000 articles over a year. Run the scale tests with
/// `cargo test --release --test integration pair::scale -- --ignored --nocapture`;
/// set `BITEXT_SCALE_DIR` to keep the collections for `/usr/bin/time -v`.
#[test]
#[ignore]
fn scale_1k_by_1k() {
    scale_run(1_000, 365);
}

/// 20,000 × 20,000 articles over a year.
#[test]
#[ignore]
fn scale_20k_by_20k() {
    scale_run(20_000, 365);
}

/// The same in three weeks: some 950 articles a day per side, so each date
/// window holds thousands of candidates.
#[test]
#[ignore]
fn scale_20k_by_20k_in_three_weeks() {
    scale_run(20_000, 21);
}

/// 100,000 × 100,000 articles over a year.
#[test]
#[ignore]
fn scale_100k_by_100k() {
    scale_run(100_000, 365);
}

#[test]
fn undecodable_bytes_are_reported_and_the_article_still_paired() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let mut bytes = std::fs::read(Path::new(&en).join("e3.txt")).unwrap();
    let at = bytes.len() - 40;
    bytes.insert(at, 0xff);
    write(Path::new(&en), "e3.txt", &bytes);
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("undecodable"), "{}", stderr(&out));
    assert!(rows(&stdout(&out))
        .iter()
        .any(|(e, k, _)| e == "e3.txt" && k == "k3.txt"));
}

#[test]
fn stages_over_date_buckets_give_the_pairs_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ko) = small_collections(dir.path());
    let path = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    let one = run(&["pair", &en, &ko]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    for (lang, src, out) in [("en", &en, "fe.jsonl"), ("ko", &ko, "fk.jsonl")] {
        let o = run(&["pair", "features", "--lang", lang, src, "-o", &path(out)]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let (fe, fk, stats) = (path("fe.jsonl"), path("fk.jsonl"), path("stats.json"));
    let o = run(&["pair", "stats", &fe, &fk, "-o", &stats]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // Two buckets of Korean days; giving a bucket more articles than its
    // halo needs does no harm.
    let mut edges = Vec::new();
    for (i, days) in ["2024-03-01..2024-03-04", "2024-03-05..2024-03-31"]
        .iter()
        .enumerate()
    {
        let out = path(&format!("e{i}.jsonl"));
        let o = run(&[
            "pair",
            "score",
            "--stats",
            &stats,
            "--ko-days",
            days,
            &fe,
            &fk,
            "-o",
            &out,
        ]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        edges.push(out);
    }
    let undated = path("undated.jsonl");
    let o = run(&[
        "pair",
        "score",
        "--stats",
        &stats,
        "--undated",
        &fe,
        &fk,
        "-o",
        &undated,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut args = vec!["pair", "assign", "--stats", &stats, &undated];
    args.extend(edges.iter().rev().map(String::as_str));
    let staged = run(&args);
    assert_eq!(code(&staged), 0, "{}", stderr(&staged));
    assert_eq!(stdout(&staged), stdout(&one));
    assert_eq!(rows(&stdout(&one)).len(), 3);
}

#[test]
fn a_bad_record_in_a_stage_input_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "f.jsonl", b"{\"lang\":\"en\"}\nnot json\n");
    let out = run(&["pair", "stats", &bad]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("f.jsonl:2"), "{}", stderr(&out));
}

#[test]
fn json_lines_articles_are_named_by_their_id() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(
        dir.path(),
        "en.jsonl",
        "{\"id\":\"yna-en-7\",\"published_at\":\"2024-03-05 07:00\",\"title\":\"IONIQ 9\",\"body\":\"Hyundai Motor unveiled the IONIQ 9 on March 4. It costs 67.15 million won and runs 532 kilometers. The company plans to sell 48,000 units.\"}\n"
            .as_bytes(),
    );
    let ko = write(
        dir.path(),
        "ko.jsonl",
        "{\"id\":\"yna-ko-3\",\"published_at\":\"2024-03-04 09:00\",\"title\":\"아이오닉 9\",\"body\":\"현대자동차는 3월 4일 IONIQ 9을 공개했다. 가격은 6,715만원이며 주행거리는 532㎞다. 회사는 48,000대를 팔 계획이다.\"}\n"
            .as_bytes(),
    );
    let out = run(&["pair", &en, &ko]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("yna-en-7\tyna-ko-3\t"),
        "{}",
        stdout(&out)
    );
}

//! Throughput of each stage over `corpora/`: how many bytes (or sentences,
//! lines, pairs) per second one core gets through. Quality is measured
//! elsewhere; these answer "is it fast enough to run on a whole crawl".

use bitext::align::{align, AlignOptions};
use bitext::collection::{align_collections, sentence_texts, CollectionOptions};
use bitext::corpus;
use bitext::document::{parse_bytes, Document, ReadOptions};
use bitext::lang::{self, DetectOptions, Lang};
use bitext::pair;
use bitext::segment;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// All articles of one side of the corpora, parsed.
fn side(name: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(name);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpora/")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            parse_bytes(
                &p.to_string_lossy(),
                &std::fs::read(p).unwrap(),
                &ReadOptions::default(),
            )
            .unwrap()
        })
        .collect()
}

/// The body text of a side, paragraphs joined, repeated to a sizeable input.
fn body(docs: &[Document]) -> String {
    let one: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(|p| d.slice(p.span)))
        .collect();
    one.join("\n\n").repeat(20)
}

fn bench_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (name, lang) in [("en", Lang::EN), ("ko", Lang::KO)] {
        let text = body(&side(name));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("segment", name), &text, |b, t| {
            b.iter(|| segment::sentence_spans(black_box(t), lang))
        });
    }
    group.finish();
}

/// Sentence-level detection, with every language as a candidate and with the
/// seven-language set of `--langs en,ko,fr,ja,zh,de,es`.
fn bench_detect(c: &mut Criterion) {
    let mut group = c.benchmark_group("detect");
    let seven = ["en", "ko", "fr", "ja", "zh", "de", "es"].map(|c| Lang::from_code(c).unwrap());
    for (set, opts) in [
        ("all", DetectOptions::default()),
        (
            "seven",
            DetectOptions {
                langs: Some(seven.to_vec()),
            },
        ),
    ] {
        for name in ["en", "ko"] {
            let docs = side(name);
            let sentences: Vec<&str> = docs
                .iter()
                .flat_map(|d| d.sentences().map(|s| d.slice(s.span)))
                .collect();
            group.throughput(Throughput::Elements(sentences.len() as u64));
            group.bench_with_input(BenchmarkId::new(set, name), &sentences, |b, s| {
                b.iter(|| {
                    s.iter()
                        .map(|t| lang::detect(black_box(t), &opts).confidence)
                        .sum::<f64>()
                })
            });
        }
    }
    group.finish();
}

/// A long synthetic document pair: `pairs` sentence pairs built from
/// templates with varying numbers, names and lengths, with merged, dropped
/// and inserted sentences here and there, as translations have.
fn synthetic(pairs: usize) -> (Vec<String>, Vec<String>) {
    const NAMES: [(&str, &str); 8] = [
        ("Seoul", "서울"),
        ("Busan", "부산"),
        ("Samsung", "삼성"),
        ("Hyundai", "현대"),
        ("Tokyo", "도쿄"),
        ("Beijing", "베이징"),
        ("Kim", "김"),
        ("Park", "박"),
    ];
    // Deterministic pseudo-random numbers (a 64-bit LCG).
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % m
    };
    let (mut en, mut ko): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for i in 0..pairs {
        let (ne, nk) = NAMES[next(8) as usize];
        let (x, y) = (next(900) + 10, next(60) + 1);
        let (e, k) = match next(5) {
            0 => (
                format!("{ne} reported {x} new cases in the {y}th week of the survey."),
                format!("{nk}은 조사 {y}주째에 새로운 사례 {x}건을 보고했다."),
            ),
            1 => (
                format!("Exports from {ne} rose {y} percent to {x} billion won last year."),
                format!("지난해 {nk}의 수출은 {y}% 늘어난 {x}억 원을 기록했다."),
            ),
            2 => (
                format!("The government said item {i} of the plan would cost {x} million dollars."),
                format!("정부는 계획의 {i}번 항목에 {x}만 달러가 들 것이라고 밝혔다."),
            ),
            3 => (
                format!("Officials in {ne} met on May {y} to discuss the budget."),
                format!("{nk} 당국자들은 5월 {y}일 만나 예산을 논의했다."),
            ),
            _ => (
                format!("About {x} people attended the meeting, which lasted {y} hours."),
                format!("약 {x}명이 회의에 참석했으며 회의는 {y}시간 동안 이어졌다."),
            ),
        };
        let shape = next(40);
        // A Korean sentence that merges two English ones.
        if let (0, Some(last)) = (shape, ko.last_mut()) {
            last.push(' ');
            last.push_str(&k);
            en.push(e);
            continue;
        }
        match shape {
            // An English sentence without translation, and the reverse.
            1 => en.push(e),
            2 => ko.push(k),
            _ => {
                en.push(e);
                ko.push(k);
            }
        }
    }
    (en, ko)
}

/// Sentence alignment, in sentences (lines) per second, both sides counted,
/// as hunalign's figures are: every corpora pair (many short documents, where
/// the per-document set-up shows), one long synthetic document, and writing
/// the corpus as CSV.
fn bench_align(c: &mut Criterion) {
    let (en, ko) = (side("en"), side("ko"));
    let found = align_collections(&en, &ko, &CollectionOptions::default());
    let pairs: Vec<(Vec<&str>, Vec<&str>)> = found
        .pairs
        .iter()
        .map(|p| (sentence_texts(&en[p.en]), sentence_texts(&ko[p.ko])))
        .collect();
    let lines: usize = pairs.iter().map(|(e, k)| e.len() + k.len()).sum();
    let mut group = c.benchmark_group("align");
    group.throughput(Throughput::Elements(lines as u64));
    for (name, realign) in [("realign", true), ("one_pass", false)] {
        let opts = AlignOptions {
            realign,
            ..AlignOptions::default()
        };
        group.bench_function(BenchmarkId::new("corpora", name), |b| {
            b.iter(|| {
                pairs
                    .iter()
                    .map(|(e, k)| align(black_box(e), black_box(k), &opts).len())
                    .sum::<usize>()
            })
        });
    }
    let (long_en, long_ko) = synthetic(4000);
    let long_en: Vec<&str> = long_en.iter().map(String::as_str).collect();
    let long_ko: Vec<&str> = long_ko.iter().map(String::as_str).collect();
    group.throughput(Throughput::Elements((long_en.len() + long_ko.len()) as u64));
    group.sample_size(10);
    group.bench_function(
        BenchmarkId::new("long", long_en.len() + long_ko.len()),
        |b| {
            b.iter(|| {
                align(
                    black_box(&long_en),
                    black_box(&long_ko),
                    &AlignOptions::default(),
                )
                .len()
            })
        },
    );
    group.sample_size(100);
    let rows = found.rows(&en, &ko, |d| d.path.clone());
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("write_csv", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            corpus::write(corpus::Format::Csv, black_box(&rows), &mut out).unwrap();
            out.len()
        })
    });
    group.finish();
}

/// Pairing the two sides of the corpora (articles per second, both sides).
fn bench_pair(c: &mut Criterion) {
    let (en, ko) = (side("en"), side("ko"));
    let mut group = c.benchmark_group("pair");
    group.throughput(Throughput::Elements((en.len() + ko.len()) as u64));
    group.bench_function("corpora", |b| {
        b.iter(|| pair::pair(black_box(&en), black_box(&ko), &Default::default()))
    });
    group.finish();
}

/// Auditing aligned sentence pairs, as `bitext audit --pairs` does (pairs per
/// second on one core).
fn bench_audit(c: &mut Criterion) {
    let (en, ko) = (side("en"), side("ko"));
    let rows = align_collections(&en, &ko, &CollectionOptions::default())
        .rows(&en, &ko, |d| d.path.clone());
    let opts = bitext::audit::AuditOptions::default();
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("pairs", |b| {
        b.iter(|| {
            rows.iter()
                .map(|r| bitext::audit::audit_pair(black_box(&r.ko), black_box(&r.en), &opts).score)
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_segment,
    bench_detect,
    bench_align,
    bench_pair,
    bench_audit
);
criterion_main!(benches);

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

/// Sentence alignment of every corpora pair, and writing the corpus as CSV:
/// throughput in sentences (lines) per second, both sides counted, as
/// hunalign's figures are.
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

//! Throughput of each stage over `corpora/`: how many bytes (or sentences,
//! lines, pairs) per second one core gets through. Quality is measured
//! elsewhere; these answer "is it fast enough to run on a whole crawl".

use bitext::document::{parse_bytes, Document, ReadOptions};
use bitext::lang::{self, DetectOptions, Lang};
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

fn bench_detect(c: &mut Criterion) {
    let mut group = c.benchmark_group("detect");
    let opts = DetectOptions::default();
    for name in ["en", "ko"] {
        let docs = side(name);
        let sentences: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.sentences().map(|s| d.slice(s.span)))
            .collect();
        group.throughput(Throughput::Elements(sentences.len() as u64));
        group.bench_with_input(BenchmarkId::new("sentences", name), &sentences, |b, s| {
            b.iter(|| {
                s.iter()
                    .map(|t| lang::detect(black_box(t), &opts).confidence)
                    .sum::<f64>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_segment, bench_detect);
criterion_main!(benches);

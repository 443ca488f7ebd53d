//! Throughput of `lint` over `corpora/`: bytes per second one core lints.
//! Clean text is what a crawl is mostly made of, so that is the figure that
//! matters ("is linting a whole crawl cheap"); debris-heavy text is slower
//! by design, since every finding is analysed.

use bitext::lint::{lint_text, LintOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// The decoded text of every article of `corpora/` (both sides).
fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut paths: Vec<_> = ["en", "ko"]
        .iter()
        .flat_map(|side| {
            std::fs::read_dir(root.join(side))
                .expect("corpora/")
                .map(|e| e.unwrap().path())
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// `parts` joined and repeated to about `target` bytes, so one iteration is
/// long enough to time well.
fn corpus(parts: &[&String], target: usize) -> String {
    let one: String = parts
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    one.repeat((target / one.len().max(1)).max(1))
}

fn bench(c: &mut Criterion) {
    let all = articles();
    let opts = LintOptions::default();
    let clean: Vec<&String> = all
        .iter()
        .filter(|t| lint_text("x", t, &opts).is_empty())
        .collect();
    let english: Vec<&String> = clean
        .iter()
        .copied()
        .filter(|t| t.is_ascii() || t.matches(' ').count() * 8 > t.len())
        .collect();
    let every: Vec<&String> = all.iter().collect();
    let mut group = c.benchmark_group("lint");
    for (name, parts) in [
        ("clean", &clean),
        ("clean_english", &english),
        ("all", &every),
    ] {
        let text = corpus(parts, 8 << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("lint_text", name), &text, |b, t| {
            b.iter(|| lint_text("corpus", black_box(t), &opts))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

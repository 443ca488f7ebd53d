//! Audit a pairs file (CSV or TSV whose header names `en` and `ko` columns)
//! and print each pair's score and its flagging findings.
//!
//! ```sh
//! cargo run --example audit_pairs -- pairs.tsv
//! ```
//! Without an argument it audits two built-in pairs.

use bitext::audit::input::parse_pairs;
use bitext::audit::{audit_batch, AuditOptions, PairInput};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pairs = match std::env::args().nth(1) {
        Some(path) => parse_pairs(Path::new(&path), &std::fs::read(&path)?)?.pairs,
        None => vec![
            PairInput {
                id: Some("ok".into()),
                ko: "수출이 19.8% 늘었다.".into(),
                en: "Exports rose 19.8 percent.".into(),
            },
            PairInput {
                id: Some("number".into()),
                ko: "수출이 19.8% 늘었다.".into(),
                en: "Exports rose 18.9 percent.".into(),
            },
        ],
    };
    let report = audit_batch(&pairs, &AuditOptions::default());
    for (input, pair) in pairs.iter().zip(&report.pairs) {
        let id = input.id.as_deref().unwrap_or("-");
        println!("{id}\t{:.3}\tflagged={}", pair.score, pair.flagged);
        for f in pair
            .findings
            .iter()
            .filter(|f| pair.flagged || f.confidence > 0.5)
        {
            println!("  {:?} {:?}", f.code, f.severity);
        }
    }
    println!(
        "batch score {:.3}, {} of {} flagged",
        report.score,
        report.flagged(),
        pairs.len()
    );
    Ok(())
}

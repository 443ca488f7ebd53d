//! `audit --merge`: finish a batch audited in shards.
//!
//! `audit --shard` writes one [`ShardRow`] per pair: a row that depends on
//! its pair only (no BT409, no batch score) and carries what the batch needs
//! (unrounded score and weights, the pair's weight in the batch score, its
//! name spellings). The merge reads the rows of every part, puts them in id
//! order ([`natural_cmp`]: digit runs compare as numbers), adds BT409 in that
//! order, computes the batch score and hands an [`AuditRun`] to any report
//! format. The parts' order and how the rows were split between them do not
//! matter; when the unsplit input was in id order, the merged report is the
//! one a single run gives.

use super::audit::ShardRow;
use super::BadRecord;
use crate::audit::batch::add_name_variants;
use crate::audit::run::{AuditRun, Origin};
use crate::audit::score::weighted_mean;
use crate::audit::BatchReport;
use std::cmp::Ordering;

/// A line of a shard: a pair row, or the error row of a bad record.
#[derive(Clone, Debug, PartialEq)]
pub enum ShardLine {
    /// An audited pair.
    Row(Box<ShardRow>),
    /// A record the shard could not audit.
    Bad(BadRecord),
}

/// Read one line of a shard file.
pub fn parse_shard_line(line: &[u8]) -> Result<ShardLine, String> {
    let v: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not a shard row: {e}"))?;
    if let Some(error) = v.get("error").and_then(|e| e.as_str()) {
        return Ok(ShardLine::Bad(BadRecord {
            id: v.get("id").and_then(|i| i.as_str()).map(str::to_string),
            seq: v.get("seq").and_then(|s| s.as_u64()).unwrap_or_default(),
            error: error.to_string(),
        }));
    }
    serde_json::from_value(v)
        .map(|r| ShardLine::Row(Box::new(r)))
        .map_err(|e| format!("not a shard row (written by `audit --shard`?): {e}"))
}

/// Compare ids in natural order: runs of digits by their value, the rest
/// byte by byte, the whole strings last (so that the order is total).
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn runs(s: &str) -> impl Iterator<Item = (bool, &str)> {
        let b = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= b.len() {
                return None;
            }
            let digit = b[i].is_ascii_digit();
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() == digit {
                i += 1;
            }
            Some((digit, &s[start..i]))
        })
    }
    let mut x = runs(a);
    let mut y = runs(b);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some((true, p)), Some((true, q))) => {
                let (p, q) = (p.trim_start_matches('0'), q.trim_start_matches('0'));
                match p.len().cmp(&q.len()).then_with(|| p.cmp(q)) {
                    Ordering::Equal => {}
                    o => return o,
                }
            }
            (Some((_, p)), Some((_, q))) => match p.cmp(q) {
                Ordering::Equal => {}
                o => return o,
            },
        }
    }
}

/// The order of merged rows: by id (rows without one last), then by their
/// content, so that neither the split nor the order of the parts matters.
fn row_order(a: &ShardRow, b: &ShardRow) -> Ordering {
    match (&a.id, &b.id) {
        (Some(x), Some(y)) => natural_cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.ko.cmp(&b.ko))
    .then_with(|| a.en.cmp(&b.en))
    .then_with(|| a.seq.cmp(&b.seq))
}

/// A merged batch: the run for the reports, and the error rows of the parts
/// (in id order).
#[derive(Clone, Debug)]
pub struct Merged {
    /// The audit run.
    pub run: AuditRun,
    /// Records the shards could not audit.
    pub errors: Vec<BadRecord>,
}

/// Merge the lines of every part into one run titled `title`.
pub fn merge(title: String, lines: Vec<ShardLine>) -> Result<Merged, String> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for l in lines {
        match l {
            ShardLine::Row(r) => rows.push(*r),
            ShardLine::Bad(b) => errors.push(b),
        }
    }
    rows.sort_by(row_order);
    errors.sort_by(|a, b| {
        match (&a.id, &b.id) {
            (Some(x), Some(y)) => natural_cmp(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| a.error.cmp(&b.error))
        .then_with(|| a.seq.cmp(&b.seq))
    });
    let mut pairs = Vec::with_capacity(rows.len());
    let mut reports = Vec::with_capacity(rows.len());
    let mut weights = Vec::with_capacity(rows.len());
    for r in rows {
        let id = r.id.clone();
        let (pair, report, weight) = r.into_parts().map_err(|e| match id {
            Some(id) => format!("row `{id}`: {e}"),
            None => e,
        })?;
        pairs.push(pair);
        reports.push(report);
        weights.push(weight);
    }
    add_name_variants(&mut reports);
    let score = weighted_mean(reports.iter().map(|r| r.score).zip(weights));
    let batch = BatchReport {
        pairs: reports,
        score,
    };
    let groups = AuditRun::group_rows(&pairs, &batch);
    let origins = vec![Origin::default(); pairs.len()];
    Ok(Merged {
        run: AuditRun {
            title,
            files: Vec::new(),
            pairs,
            origins,
            batch,
            groups,
            unpaired: Vec::new(),
        },
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{audit_batch, AuditOptions, PairInput};
    use crate::report::audit::{write, AuditFormat};
    use crate::report::FailOn;
    use crate::stream::audit::{audit_items, Item};
    use proptest::prelude::*;

    const POOL: &[(&str, &str)] = &[
        ("최태원 회장은 말했다.", "Chairman Chey Tae-won said so."),
        ("최태원 회장은 떠났다.", "Chairman Choi Tae-won left."),
        ("그는 집에 갔다.", "He went home."),
        ("그는 집에 갔다.", "He went 집에 갔다."),
        ("수출이 19.8% 늘었다.", "Exports rose 29.8 percent."),
        (
            "경찰은 학교 근처에서 남자 두 명을 체포했다.",
            "Police arrested two men near the school.",
        ),
        (
            "삼성전자는 HBM 생산을 늘린다.",
            "Samsung Electronics will make more.",
        ),
    ];

    fn pairs(picks: &[usize]) -> Vec<PairInput> {
        picks
            .iter()
            .enumerate()
            .map(|(i, &k)| PairInput {
                id: Some(format!("r{i}")),
                ko: POOL[k].0.into(),
                en: POOL[k].1.into(),
            })
            .collect()
    }

    fn shard_lines(pairs: &[PairInput]) -> Vec<ShardLine> {
        let items = pairs
            .iter()
            .enumerate()
            .map(|(i, p)| Item::Pair {
                seq: i as u64,
                pair: p.clone(),
                fields: Default::default(),
            })
            .collect();
        audit_items(items, &AuditOptions::default())
            .into_iter()
            .map(|a| {
                // Through the wire format, as between two processes.
                let a = a.unwrap_or_else(|b| panic!("{}", b.error));
                let text = serde_json::to_vec(&ShardRow::new(a)).unwrap_or_default();
                parse_shard_line(&text).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect()
    }

    const FORMATS: &[AuditFormat] = &[
        AuditFormat::Human,
        AuditFormat::Json,
        AuditFormat::Jsonl,
        AuditFormat::Sarif,
        AuditFormat::Junit,
        AuditFormat::Github,
        AuditFormat::Markdown,
        AuditFormat::Html,
    ];

    fn render(run: &AuditRun, f: AuditFormat) -> Vec<u8> {
        let mut out = Vec::new();
        write(f, run, FailOn::Error, &mut out).unwrap_or_default();
        out
    }

    fn single(pairs: Vec<PairInput>) -> AuditRun {
        let batch = audit_batch(&pairs, &AuditOptions::default());
        let groups = AuditRun::group_rows(&pairs, &batch);
        AuditRun {
            title: "t".into(),
            files: Vec::new(),
            origins: vec![Origin::default(); pairs.len()],
            pairs,
            batch,
            groups,
            unpaired: Vec::new(),
        }
    }

    #[test]
    fn natural_order_reads_numbers_as_numbers() {
        let mut ids = vec!["r10", "r9", "a", "r09", "r1x", "r1", ""];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(ids, vec!["", "a", "r1", "r1x", "r09", "r9", "r10"]);
    }

    #[test]
    fn name_variants_are_found_across_parts() {
        let p = pairs(&[0, 2, 1]);
        let mut lines = shard_lines(&p[2..]);
        lines.extend(shard_lines(&p[..2]));
        let m = merge("t".into(), lines).unwrap_or_else(|e| panic!("{e}"));
        let found = &m.run.batch.pairs[2].findings;
        assert!(found
            .iter()
            .any(|f| f.code == crate::diagnostic::Code::NameVariant));
    }

    #[test]
    fn error_rows_are_kept_apart() {
        let bad = br#"{"id":"x","seq":3,"error":"missing `ko`"}"#;
        let l = parse_shard_line(bad).unwrap_or_else(|e| panic!("{e}"));
        let m = merge("t".into(), vec![l]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.errors.len(), 1);
        assert!(m.run.pairs.is_empty());
        assert!(parse_shard_line(br#"{"id":"x"}"#).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn single_run_equals_shards_merged_in_any_order(
            picks in proptest::collection::vec(0..POOL.len(), 1..14),
            split in proptest::collection::vec(0..3usize, 14),
            order in Just(vec![0usize, 1, 2]).prop_shuffle(),
        ) {
            let p = pairs(&picks);
            let expected = single(p.clone());
            let mut lines = Vec::new();
            for &part in &order {
                let mine: Vec<PairInput> = p
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| split[*i] == part)
                    .map(|(_, x)| x.clone())
                    .collect();
                lines.extend(shard_lines(&mine));
            }
            let merged = merge("t".into(), lines).unwrap_or_else(|e| panic!("{e}"));
            for &f in FORMATS {
                let (got, want) = (render(&merged.run, f), render(&expected, f));
                prop_assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want),
                    "format {:?}", f
                );
            }
        }
    }
}

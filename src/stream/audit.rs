//! Streaming audit of pair records (`bitext audit --input jsonl --pairs`).
//!
//! A pair record is `{"id", "en", "ko", …}`; the other fields are carried
//! through to the output line under `fields`. Pairs are audited a chunk at a
//! time; what depends on the batch is kept as running state: the first
//! spelling of each Korean name (for BT409 name variants, in input order),
//! the sums of the length-weighted batch score and the worst severity.

use super::{parse_record, write_line, BadRecord, Lines, Record, CHUNK};
use crate::audit::batch::{name_variant, source_weight};
use crate::audit::names::{Rendering, Spellings};
use crate::audit::{audit_pair, AuditOptions, PairInput, PairReport};
use crate::diagnostic::Severity;
use crate::report::audit::jsonl;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, BufRead, Write};

/// The fields of a pair record the audit reads; the others are carried through.
pub const PAIR_FIELDS: &[&str] = &["id", "en", "ko"];

/// One input of the audit: a pair with its position and carried fields, or
/// a bad record.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A pair to audit.
    Pair {
        /// 0-based position in the input.
        seq: u64,
        /// The pair.
        pair: PairInput,
        /// Fields carried through to the output.
        fields: Map<String, Value>,
    },
    /// A record that could not be read as a pair.
    Bad(BadRecord),
}

/// The pair a record holds: non-empty string `en` and `ko`.
pub fn pair_item(rec: Record) -> Item {
    let sides = rec
        .text("ko")
        .and_then(|ko| Ok((rec.text("en")?, ko)))
        .map(|(en, ko)| (en.to_string(), ko.to_string()));
    match sides {
        Ok((en, ko)) => Item::Pair {
            seq: rec.seq,
            fields: rec.other_fields(PAIR_FIELDS),
            pair: PairInput { id: rec.id, ko, en },
        },
        Err(e) => Item::Bad(rec.bad(e)),
    }
}

/// A pair and its audit.
#[derive(Clone, Debug, PartialEq)]
pub struct Audited {
    /// 0-based position in the input.
    pub seq: u64,
    /// The pair.
    pub pair: PairInput,
    /// Its report (names still attached, BT409 not yet added).
    pub report: PairReport,
    /// Its weight in the batch score ([`source_weight`]).
    pub weight: f64,
    /// Fields carried through.
    pub fields: Map<String, Value>,
}

/// Audit a chunk of items in parallel; the result is in input order.
pub fn audit_items(items: Vec<Item>, opts: &AuditOptions) -> Vec<Result<Audited, BadRecord>> {
    items
        .into_par_iter()
        .with_min_len(16)
        .map(|item| match item {
            Item::Bad(b) => Err(b),
            Item::Pair { seq, pair, fields } => {
                let report = audit_pair(&pair.ko, &pair.en, opts);
                let weight = source_weight(&pair.ko);
                Ok(Audited {
                    seq,
                    pair,
                    report,
                    weight,
                    fields,
                })
            }
        })
        .collect()
}

/// What the output lines are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Report rows (`--format jsonl`): `seq`, then the row of the JSON Lines
    /// report, then the carried `fields`.
    Rows,
    /// Shard rows (`--shard`): each row depends on its pair only and holds
    /// what `--merge` needs ([`ShardRow`]).
    Shard,
}

/// What a streamed batch came to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Lines written.
    pub rows: u64,
    /// Error lines among them.
    pub errors: u64,
    /// Flagged pairs.
    pub flagged: u64,
    /// Length-weighted mean pair score (1 for no pairs).
    pub score: f64,
    /// The most severe finding, if any.
    pub worst: Option<Severity>,
    /// The bad record that stopped a strict run.
    pub stopped: Option<BadRecord>,
}

/// The running state of a streamed batch: writes each audited pair as it
/// comes, in order.
#[derive(Debug)]
pub struct Writer {
    mode: Mode,
    spellings: Spellings,
    num: f64,
    den: f64,
    summary: Summary,
}

#[derive(Serialize)]
struct Row<'a> {
    seq: u64,
    #[serde(flatten)]
    row: jsonl::PairOut<'a>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    fields: &'a Map<String, Value>,
}

impl Writer {
    /// A writer for a new batch.
    pub fn new(mode: Mode) -> Self {
        Writer {
            mode,
            spellings: Spellings::default(),
            num: 0.0,
            den: 0.0,
            summary: Summary::default(),
        }
    }

    /// Write the line of one item.
    pub fn write(
        &mut self,
        item: Result<Audited, BadRecord>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.summary.rows += 1;
        let mut a = match item {
            Ok(a) => a,
            Err(bad) => {
                self.summary.errors += 1;
                return write_line(out, &bad);
            }
        };
        if self.mode == Mode::Shard {
            return write_line(out, &ShardRow::new(a));
        }
        let names = std::mem::take(&mut a.report.names);
        for (r, first) in self.spellings.variants(&names) {
            a.report.findings.push(name_variant(r, &first));
        }
        self.num += a.report.score * a.weight;
        self.den += a.weight;
        self.summary.flagged += u64::from(a.report.flagged);
        let worst = a.report.findings.iter().map(|f| f.severity).max();
        self.summary.worst = self.summary.worst.max(worst);
        let row = Row {
            seq: a.seq,
            row: jsonl::pair_out(a.seq as usize, &a.pair, &a.report),
            fields: &a.fields,
        };
        write_line(out, &row)
    }

    /// The batch so far.
    pub fn summary(&self) -> Summary {
        let mut s = self.summary.clone();
        s.score = if self.den > 0.0 {
            self.num / self.den
        } else {
            1.0
        };
        s
    }
}

/// Audit the pair records of `input` (JSON Lines) into `out`, one line per
/// input line, a chunk at a time. With `strict`, the first bad record stops
/// the batch (nothing of its chunk is written) and is returned in the summary.
pub fn audit_jsonl(
    input: impl BufRead,
    out: &mut dyn Write,
    mode: Mode,
    strict: bool,
    opts: &AuditOptions,
) -> io::Result<Summary> {
    let mut lines = Lines::new(input);
    let mut writer = Writer::new(mode);
    loop {
        let chunk = lines.chunk(CHUNK)?;
        if chunk.is_empty() {
            break;
        }
        let items: Vec<Item> = chunk
            .into_par_iter()
            .map(|(seq, line)| match parse_record(seq, &line) {
                Ok(rec) => pair_item(rec),
                Err(b) => Item::Bad(b),
            })
            .collect();
        if strict {
            if let Some(b) = items.iter().find_map(|i| match i {
                Item::Bad(b) => Some(b.clone()),
                Item::Pair { .. } => None,
            }) {
                let mut s = writer.summary();
                s.stopped = Some(b);
                return Ok(s);
            }
        }
        for item in audit_items(items, opts) {
            writer.write(item, out)?;
        }
        // Downstream sees each chunk as soon as it is done.
        out.flush()?;
    }
    Ok(writer.summary())
}

/// Write the shard rows of an in-memory table of pairs (a CSV/TSV pairs
/// file), a chunk at a time; `seq` is the row's position in the table.
pub fn shard_pairs(
    pairs: Vec<PairInput>,
    out: &mut dyn Write,
    opts: &AuditOptions,
) -> io::Result<Summary> {
    let mut writer = Writer::new(Mode::Shard);
    let mut items = pairs.into_iter().enumerate().map(|(i, pair)| Item::Pair {
        seq: i as u64,
        pair,
        fields: Map::new(),
    });
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        for item in audit_items(chunk, opts) {
            writer.write(item, out)?;
        }
    }
    Ok(writer.summary())
}

/// A span as `[start, end]`.
type Pair2 = [usize; 2];

/// A finding in a shard row: every field of [`crate::audit::Finding`],
/// weight unrounded.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ShardFinding {
    /// Code, e.g. `BT405`.
    pub code: String,
    /// `info`, `warning` or `error`.
    pub severity: String,
    /// Message.
    pub message: String,
    /// English span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<Pair2>,
    /// Korean span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ko: Option<Pair2>,
    /// Evidence weight (log-odds).
    pub weight: f64,
    /// Calibrated confidence (unrounded).
    #[serde(default)]
    pub confidence: f64,
    /// The evidence class the confidence was looked up under.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub class: String,
    /// The class of evidence ([`crate::audit::Evidence::key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A Korean name and its English spelling in a shard row (for BT409).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ShardName {
    /// The Korean name.
    pub ko: String,
    /// Its span in the Korean.
    pub ko_span: Pair2,
    /// The English spelling.
    pub en: String,
    /// Its span in the English.
    pub en_span: Pair2,
}

/// One line of `audit --shard`: a pair and its audit, depending on that pair
/// only, with what `--merge` needs to finish the batch: the unrounded score
/// and finding weights, the pair's weight in the batch score, and the name
/// spellings for BT409.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ShardRow {
    /// 0-based position in its part.
    pub seq: u64,
    /// Row id.
    #[serde(default)]
    pub id: Option<String>,
    /// Score (unrounded).
    pub score: f64,
    /// Flagged.
    pub flagged: bool,
    /// Weight in the batch score.
    pub weight: f64,
    /// Findings, BT409 excepted.
    pub findings: Vec<ShardFinding>,
    /// Name spellings.
    #[serde(default)]
    pub names: Vec<ShardName>,
    /// English text.
    pub en: String,
    /// Korean text.
    pub ko: String,
    /// Fields carried through.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
}

fn span2(s: crate::span::Span) -> Pair2 {
    [s.start, s.end]
}

fn span_of(p: Pair2) -> crate::span::Span {
    crate::span::Span::new(p[0], p[1])
}

impl ShardRow {
    /// The shard row of an audited pair.
    pub fn new(a: Audited) -> Self {
        ShardRow {
            seq: a.seq,
            id: a.pair.id,
            score: a.report.score,
            flagged: a.report.flagged,
            weight: a.weight,
            findings: a
                .report
                .findings
                .iter()
                .map(|f| ShardFinding {
                    code: f.code.as_str().to_string(),
                    severity: f.severity.as_str().to_string(),
                    message: f.message.clone(),
                    en: f.en.map(span2),
                    ko: f.ko.map(span2),
                    weight: f.weight,
                    confidence: f.confidence,
                    class: f.class.to_string(),
                    evidence: f.evidence.map(|e| e.key()),
                })
                .collect(),
            names: a
                .report
                .names
                .iter()
                .map(|r| ShardName {
                    ko: r.ko.clone(),
                    ko_span: span2(r.ko_span),
                    en: r.en.clone(),
                    en_span: span2(r.en_span),
                })
                .collect(),
            en: a.pair.en,
            ko: a.pair.ko,
            fields: a.fields,
        }
    }

    /// The pair and report back, or what in the row is not understood.
    pub fn into_parts(self) -> Result<(PairInput, PairReport, f64), String> {
        let mut findings = Vec::with_capacity(self.findings.len());
        for f in self.findings {
            let code = crate::diagnostic::Code::parse(&f.code)
                .into_iter()
                .find(|c| c.as_str() == f.code)
                .ok_or_else(|| format!("unknown code `{}`", f.code))?;
            let severity = match f.severity.as_str() {
                "info" => Severity::Info,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                s => return Err(format!("unknown severity `{s}`")),
            };
            let evidence = match f.evidence {
                None => None,
                Some(k) => {
                    Some(evidence_of(&k).ok_or_else(|| format!("unknown evidence class `{k}`"))?)
                }
            };
            findings.push(crate::audit::Finding {
                code,
                severity,
                confidence: f.confidence,
                class: static_class(&f.class),
                message: f.message,
                en: f.en.map(span_of),
                ko: f.ko.map(span_of),
                weight: f.weight,
                evidence,
            });
        }
        let names = self
            .names
            .into_iter()
            .map(|n| Rendering {
                ko: n.ko,
                ko_span: span_of(n.ko_span),
                en: n.en,
                en_span: span_of(n.en_span),
            })
            .collect();
        Ok((
            PairInput {
                id: self.id,
                ko: self.ko,
                en: self.en,
            },
            PairReport {
                score: self.score,
                flagged: self.flagged,
                findings,
                names,
            },
            self.weight,
        ))
    }
}

/// A finding's class as the `'static` string the checks use: the few
/// distinct class names are kept once for the life of the process.
fn static_class(name: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    if name.is_empty() {
        return "";
    }
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(n);
    n
}

/// The evidence class named `key`: every class the checks can tag is tried
/// (a short, fixed list).
fn evidence_of(key: &str) -> Option<crate::audit::Evidence> {
    use crate::audit::numbers::{Basis, Evidence, Measure};
    const BASES: &[Basis] = &[
        Basis::Slip,
        Basis::Changed,
        Basis::ChangedOptional,
        Basis::ConversionDisagrees,
        Basis::Dropped,
        Basis::Added,
        Basis::Agree,
    ];
    const MEASURES: &[Option<Measure>] = &[
        None,
        Some(Measure::Money),
        Some(Measure::Count),
        Some(Measure::Percent),
        Some(Measure::Date),
        Some(Measure::Time),
        Some(Measure::Ordinal),
        Some(Measure::Vague),
    ];
    BASES
        .iter()
        .flat_map(|&basis| {
            MEASURES.iter().flat_map(move |&measure| {
                [false, true].map(|hedged| {
                    crate::audit::Evidence::Number(Evidence {
                        basis,
                        measure,
                        hedged,
                    })
                })
            })
        })
        .find(|e| e.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, mode: Mode, strict: bool) -> (Vec<Value>, Summary) {
        let mut out = Vec::new();
        let s = audit_jsonl(
            input.as_bytes(),
            &mut out,
            mode,
            strict,
            &AuditOptions::default(),
        )
        .unwrap_or_default();
        let lines = String::from_utf8_lossy(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect();
        (lines, s)
    }

    const INPUT: &str = concat!(
        r#"{"id":"a","en":"He went home.","ko":"그는 집에 갔다.","src":"x"}"#,
        "\n",
        "not json\n",
        r#"{"id":"c","en":"Chairman Chey Tae-won said so."}"#,
        "\n",
        r#"{"id":"d","en":"Chairman Chey Tae-won said so.","ko":"최태원 회장은 말했다."}"#,
        "\n",
        r#"{"id":"e","en":"Chairman Choi Tae-won left.","ko":"최태원 회장은 떠났다."}"#,
        "\n",
    );

    #[test]
    fn one_line_per_record_in_order_with_error_lines() {
        let (rows, s) = run(INPUT, Mode::Rows, false);
        assert_eq!(rows.len(), 5);
        let seqs: Vec<_> = rows.iter().map(|r| r["seq"].as_u64()).collect();
        assert_eq!(seqs, (0..5).map(Some).collect::<Vec<_>>());
        assert_eq!(rows[0]["id"], "a");
        assert_eq!(rows[0]["fields"]["src"], "x");
        assert!(rows[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("JSON")));
        assert_eq!(rows[1]["id"], Value::Null);
        assert_eq!(rows[2]["id"], "c");
        assert_eq!(rows[2]["error"], "missing `ko`");
        assert_eq!(s.rows, 5);
        assert_eq!(s.errors, 2);
        // The batch-level name check still sees the pairs in order.
        assert!(rows[4]["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["code"] == "BT409")));
    }

    #[test]
    fn strict_stops_at_the_first_bad_record() {
        let (rows, s) = run(INPUT, Mode::Rows, true);
        assert!(rows.is_empty());
        assert_eq!(s.stopped.map(|b| b.seq), Some(1));
    }

    #[test]
    fn stream_matches_the_batch_audit() {
        let (rows, s) = run(INPUT, Mode::Rows, false);
        let pairs: Vec<PairInput> = [3, 4]
            .iter()
            .map(|&i| PairInput {
                id: rows[i]["id"].as_str().map(str::to_string),
                ko: if i == 3 {
                    "최태원 회장은 말했다."
                } else {
                    "최태원 회장은 떠났다."
                }
                .into(),
                en: if i == 3 {
                    "Chairman Chey Tae-won said so."
                } else {
                    "Chairman Choi Tae-won left."
                }
                .into(),
            })
            .collect();
        let b = crate::audit::audit_batch(&pairs, &AuditOptions::default());
        assert_eq!(rows[4]["score"], (b.pairs[1].score * 1e6).round() / 1e6);
        assert!(s.score > 0.0 && s.score <= 1.0);
    }

    #[test]
    fn shard_rows_round_trip() {
        let (rows, _) = run(INPUT, Mode::Shard, false);
        assert_eq!(rows.len(), 5);
        let row: Result<ShardRow, _> = serde_json::from_value(rows[4].clone());
        let parts = row
            .map_err(|e| e.to_string())
            .and_then(ShardRow::into_parts);
        let (pair, report, weight) = parts.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pair.id.as_deref(), Some("e"));
        assert!(!report.names.is_empty());
        assert!(report
            .findings
            .iter()
            .all(|f| f.code != crate::diagnostic::Code::NameVariant));
        assert_eq!(weight, source_weight(&pair.ko));
    }

    #[test]
    fn evidence_classes_are_read_back() {
        for k in [
            "number.agree",
            "number.changed.money",
            "number.dropped.count.hedged",
        ] {
            assert_eq!(evidence_of(k).map(|e| e.key()).as_deref(), Some(k));
        }
        assert_eq!(evidence_of("number.nonsense"), None);
    }
}

//! Document pairing: find each English article's Korean original in two
//! unlinked crawls.
//!
//! # Model
//!
//! Each article is reduced to a set of [anchors] with
//! language-independent keys: quantities (via [`crate::numbers`]), Latin
//! tokens, consonant skeletons of names and of loanwords
//! ([`crate::translit`]: 리프트 and *lift*) and the concepts of the aligner's Korean–English glossary (more can be added with
//! [`Features::add_anchors`]). Anchors fall into classes (side × kind × whether
//! a translation is expected to keep them). For a candidate pair the score is
//! a log-likelihood ratio between *translation* and *unrelated*:
//!
//! * an anchor of class `c` carries over to a translation with probability
//!   `θ_c`, and otherwise turns up on the other side by chance, with the
//!   probability `p` that an article of the other collection holds it;
//! * so finding it there adds `ln((p + θ_c(1−p)) / p)` — large for rare
//!   anchors, near zero for common ones — and missing it adds `ln(1−θ_c)`,
//!   counted only for classes a translation is expected to keep;
//! * a shared anchor counts once, at the weaker of its two directions, so a
//!   word one collection writes everywhere is no evidence however rare it is
//!   in the other; names are read from the English side only, since most
//!   Hangul words are not transliterations (loanwords, common words on both
//!   sides, are read both ways: `서비스` and `service` are only evidence
//!   where both are rare);
//! * `p` is measured among the competitors in the date window (leaving the
//!   pair itself out, shrunk towards the collection-wide rate), because
//!   anchors cluster in time: the day's date, a running story;
//! * the log length ratio adds a Gaussian around the usual ratio, with a
//!   share of outliers, against the spread of random pairs.
//!
//! The ratios become posteriors with an explicit *no counterpart* outcome:
//! an article's partner is one of the `n` articles in its date window (prior
//! `π/n` each) or none (prior `1−π`). The score of a pair is the smaller of
//! its two posteriors (from the English side and from the Korean side), and
//! a pair is kept when that exceeds `min_score` (0.5: more likely than not),
//! in decreasing order of score, one partner per article. Above 0.5 the
//! assignment is one-to-one by construction, since two candidates cannot
//! both hold most of an article's probability; a weak or ambiguous best
//! candidate leaves the article unpaired.
//!
//! `θ`, `π` and the length model are re-estimated from the pairs found (a
//! few rounds of hard EM), so the model calibrates itself on each
//! collection. Carry-over rates are counted net of chance matches and are
//! posterior means under a Beta prior (most numbers and acronyms carry over,
//! about half of the names agree in skeleton), which keeps two unrelated
//! collections from bootstrapping chance pairs into a model.
//!
//! # Scale
//!
//! Pairs are only scored when the English article is published 0 to
//! `max_days` days after the Korean one and when they share at least one of
//! either article's rarest anchors (an inverted index whose postings are kept
//! in date order, so a window is a binary search). Each article keeps its
//! best few candidates by shared rare-anchor weight. How many articles of a
//! window hold each anchor is counted in one sweep over the days, so the
//! work grows linearly with the collections. Work is parallel (rayon) and
//! every reduction runs in a fixed order, so the result is deterministic.
//!
//! # Stages
//!
//! The same pairing runs as stages that an engine can distribute:
//! [`Features`] per article (map); [`Stats::new`], the global statistics and
//! starting model (reduce); [`score`], the candidates of one bucket of Korean
//! days, given the articles of the days its window reaches (map), and
//! [`score_undated`] for articles without a date (a join on anchors over the
//! whole other collection); [`assign`], one partner per article (reduce).
//! Candidates ([`Edge`]) carry integer evidence only, so the pairs and scores
//! are those of [`pair_features`] for any bucketing.
//!
//! ```
//! use bitext::document::{parse_bytes, ReadOptions};
//! use bitext::pair::{pair, PairOptions};
//! let read = |name: &str, date: &str, body: &str| {
//!     let raw = format!("---\npublished_at: {date}\n---\n\n{body}\n");
//!     parse_bytes(name, raw.as_bytes(), &ReadOptions::default()).unwrap().remove(0)
//! };
//! let ko = vec![
//!     read("k1.txt", "2024-05-02 09:00", "LG전자는 2분기 매출 21조원, 영업이익 1조2500억원을 기록했다. 4,712명이 참석했다."),
//!     read("k2.txt", "2024-05-02 10:00", "서울시는 17일 한강 공원 38곳을 새로 단장한다고 밝혔다. NASA와 협력한다."),
//! ];
//! let en = vec![
//!     read("e1.txt", "2024-05-03 08:00", "Seoul said on the 17th it will renovate 38 Han River parks, working with NASA."),
//!     read("e2.txt", "2024-05-02 18:00", "LG Electronics posted 21 trillion won in sales in the 2nd quarter; 4,712 attended."),
//! ];
//! let p = pair(&en, &ko, &PairOptions::default());
//! let found: Vec<(usize, usize)> = p.pairs.iter().map(|d| (d.en, d.ko)).collect();
//! assert_eq!(found, [(0, 1), (1, 0)]);
//! ```

pub mod anchors;

use crate::document::{Document, Format};
use crate::lang::Lang;
use anchors::{Anchor, AnchorKind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;

mod records;

/// Options of [`pair`].
#[derive(Clone, Debug)]
pub struct PairOptions {
    /// Largest number of days the English version may follow the Korean one.
    pub max_days: u32,
    /// Smallest posterior probability for a pair to be kept (0.5: more likely
    /// than not; lower values trade precision for recall).
    pub min_score: f64,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            max_days: 3,
            min_score: 0.5,
        }
    }
}

/// One English article and its Korean original.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DocPair {
    /// Index into the English input.
    pub en: usize,
    /// Index into the Korean input.
    pub ko: usize,
    /// Posterior probability that the two are a translation pair, in [0, 1].
    pub score: f64,
}

/// The result of [`pair`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Pairing {
    /// The pairs, sorted by English index.
    pub pairs: Vec<DocPair>,
    /// English articles left without a partner, ascending.
    pub unpaired_en: Vec<usize>,
    /// Korean articles left without a partner, ascending.
    pub unpaired_ko: Vec<usize>,
    /// Remarks about the input (missing dates, duplicate texts, …).
    pub notes: Vec<String>,
}

/// A hashed anchor key, as kept by [`Features`]; in JSON, an array
/// `["hash in hex", "kind", expected, word]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "records::KeyRecord", try_from = "records::KeyRecord")]
pub struct AnchorKey {
    /// 64-bit FNV-1a hash of the kind and the key.
    pub hash: u64,
    /// The anchor's kind.
    pub kind: AnchorKind,
    /// Whether its absence on the other side counts.
    pub expected: bool,
    /// [`word_hash`] of the lower-cased source word of an English name, 0
    /// otherwise.
    pub word: u32,
}

/// What pairing needs from an article; small enough to keep for 100,000s of
/// articles after the texts are dropped. As a record of the features stage
/// it is one JSON object per line (see the README).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// The article's name: the `id` of a JSON Lines record (its path and line
    /// when it has none), else the path.
    pub id: String,
    /// Publication day (days since 1970-01-01), if known.
    pub day: Option<i64>,
    /// True when a publication date is present but unreadable.
    pub bad_date: bool,
    /// Non-whitespace characters of the body.
    pub chars: usize,
    /// Hash of the title and body, whitespace-normalised (finds duplicates);
    /// in JSON, 16 hex digits.
    #[serde(with = "records::hex")]
    pub fingerprint: u64,
    /// Anchors, sorted by hash, one per key and source word.
    pub anchors: Vec<AnchorKey>,
    /// [`word_hash`]es of the lower-case words of an English article, sorted
    /// (empty for Korean).
    pub lower: Vec<u32>,
}

/// A 32-bit hash of a word, never 0.
pub fn word_hash(w: &str) -> u32 {
    let mut h = FNV_OFFSET;
    fnv(&mut h, w.as_bytes());
    ((h >> 32) as u32 ^ h as u32).max(1)
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl AnchorKey {
    /// The key of an anchor.
    pub fn of(a: &Anchor) -> AnchorKey {
        let mut h = FNV_OFFSET;
        fnv(&mut h, &[a.kind.index() as u8]);
        fnv(&mut h, a.key.as_bytes());
        AnchorKey {
            hash: h,
            kind: a.kind,
            expected: a.expected,
            word: a.word.as_deref().map_or(0, word_hash),
        }
    }
}

/// Days since 1970-01-01 of a date written year first: `2025-03-09 15:05`,
/// `2025.03.09`, `2025/3/9`, `2025-03-09T15:05:00Z`, `2025년 3월 9일`. `None`
/// when absent or not a calendar date.
pub fn parse_day(s: &str) -> Option<i64> {
    let mut groups = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty());
    let year = groups.next()?;
    if year.len() != 4 {
        return None;
    }
    let y: i64 = year.parse().ok()?;
    let m: u32 = groups.next()?.parse().ok()?;
    let d: u32 = groups.next()?.parse().ok()?;
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=dim).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

impl Features {
    /// Features of `doc`, read as `lang` (English or Korean anchors).
    pub fn new(doc: &Document, lang: Lang) -> Features {
        let blocks: Vec<&str> = doc
            .title
            .iter()
            .chain(&doc.paragraphs)
            .map(|b| doc.slice(b.span))
            .collect();
        let mut raw: Vec<Anchor> = Vec::new();
        let mut lower: Vec<u32> = Vec::new();
        for b in &blocks {
            if lang != Lang::KO {
                lower.extend(anchors::lowercase_words(b).map(word_hash));
            }
            raw.extend(if lang == Lang::KO {
                anchors::extract_ko(b)
            } else {
                anchors::extract_en(b)
            });
            raw.extend(anchors::concepts(b, lang == Lang::KO));
        }
        let body = if doc.paragraphs.is_empty() {
            &blocks[..]
        } else {
            &blocks[usize::from(doc.title.is_some())..]
        };
        let chars = body
            .iter()
            .map(|b| b.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let mut fingerprint = FNV_OFFSET;
        for b in &blocks {
            for w in b.split_whitespace() {
                fnv(&mut fingerprint, w.as_bytes());
                fnv(&mut fingerprint, b" ");
            }
            fnv(&mut fingerprint, b"\n");
        }
        let published = doc.published();
        let day = published.and_then(parse_day);
        let id = match (doc.format, doc.meta_value("id")) {
            (Format::Jsonl, Some(id)) if !id.is_empty() => id.to_owned(),
            (Format::Jsonl, _) => format!("{}:{}", doc.path, doc.line),
            _ => doc.path.clone(),
        };
        Features {
            id,
            day,
            bad_date: published.is_some() && day.is_none(),
            chars,
            fingerprint,
            anchors: dedup_keys(raw.iter().map(AnchorKey::of).collect()),
            lower: {
                lower.sort_unstable();
                lower.dedup();
                lower
            },
        }
    }

    /// Add anchors from another source, such as glossary concepts found in
    /// the text (keys must be the same for both languages).
    ///
    /// ```
    /// use bitext::pair::anchors::{Anchor, AnchorKind};
    /// use bitext::pair::Features;
    /// # let doc = bitext::document::parse_bytes("a.txt", b"The government said so.", &Default::default())?.remove(0);
    /// let mut f = Features::english(&doc);
    /// f.add_anchors(&[Anchor { kind: AnchorKind::Concept, key: "government".into(), expected: true, word: None }]);
    /// assert!(f.anchors.iter().any(|a| a.kind == AnchorKind::Concept));
    /// # Ok::<(), bitext::error::Error>(())
    /// ```
    pub fn add_anchors(&mut self, anchors: &[Anchor]) {
        let mut keys = std::mem::take(&mut self.anchors);
        keys.extend(anchors.iter().map(AnchorKey::of));
        self.anchors = dedup_keys(keys);
    }

    /// Features of an English article.
    pub fn english(doc: &Document) -> Features {
        Features::new(doc, Lang::EN)
    }

    /// Features of a Korean article.
    pub fn korean(doc: &Document) -> Features {
        Features::new(doc, Lang::KO)
    }
}

/// Sort by hash and keep one key per hash and source word; a key is
/// expected if any of its occurrences is.
fn dedup_keys(mut keys: Vec<AnchorKey>) -> Vec<AnchorKey> {
    keys.sort_unstable_by_key(|k| (k.hash, k.word));
    let mut out: Vec<AnchorKey> = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some(last) if last.hash == k.hash && last.word == k.word => last.expected |= k.expected,
            _ => out.push(k),
        }
    }
    out
}

/// Pair English articles with their Korean originals.
pub fn pair(en: &[Document], ko: &[Document], opts: &PairOptions) -> Pairing {
    let (fe, fk) = rayon::join(
        || en.par_iter().map(Features::english).collect::<Vec<_>>(),
        || ko.par_iter().map(Features::korean).collect::<Vec<_>>(),
    );
    pair_features(&fe, &fk, opts)
}

const EN: usize = 0;
const KO: usize = 1;
/// Rarest anchors of an article used to look up candidates.
const PROBE_ANCHORS: usize = 24;
/// Postings an article may visit while looking up candidates.
const PROBE_BUDGET: usize = 2048;
/// Candidates kept per article and direction.
const CANDIDATES: usize = 24;
/// Rounds of re-estimation.
const MAX_ROUNDS: usize = 8;
const KINDS: usize = AnchorKind::ALL.len();
/// Anchor classes: side × kind × expected.
const CLASSES: usize = 2 * KINDS * 2;

fn class(side: usize, kind: AnchorKind, packed: u32) -> usize {
    (side * KINDS + kind.index()) * 2 + (packed & 1) as usize
}

fn class_kind(class: usize) -> AnchorKind {
    AnchorKind::ALL[(class / 2) % KINDS]
}

/// The side (English or Korean) whose anchors a class counts.
fn class_side(class: usize) -> usize {
    class / (2 * KINDS)
}

/// One collection, or the part of it that a bucket of days needs: the
/// articles paired (see [`Stats::skipped`]) in (day, id) order, undated
/// articles last.
struct Side {
    /// Input index of each rank.
    input: Vec<usize>,
    /// Day of each rank (`i64::MAX` when undated).
    day: Vec<i64>,
    /// First undated rank.
    undated_from: usize,
    /// Anchor ids, `id << 1 | expected`, ascending.
    anchors: Vec<Vec<u32>>,
    /// Non-whitespace characters of the body.
    chars: Vec<u64>,
    /// Inverted index: ranks holding anchor `id` are
    /// `postings[offsets[id]..offsets[id + 1]]`, ascending.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// For each anchor of each article (parallel to `anchors`), how many
    /// articles of the other side's date window hold it too.
    in_window: Vec<Vec<u32>>,
    /// Size of each article's window on the other side.
    window_len: Vec<u32>,
}

impl Side {
    fn len(&self) -> usize {
        self.input.len()
    }

    /// Ranks whose day lies in `lo..=hi`, all undated ones excluded; an
    /// undated article (`None`) sees every rank.
    fn window(&self, days: Option<(i64, i64)>) -> Range<usize> {
        match days {
            None => 0..self.len(),
            Some((lo, hi)) => {
                let dated = &self.day[..self.undated_from];
                dated.partition_point(|&d| d < lo)..dated.partition_point(|&d| d <= hi)
            }
        }
    }

    fn postings(&self, id: u32) -> &[u32] {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The anchors shared by both collections, numbered in hash order, with
/// their document frequencies.
struct Vocab {
    map: FxHashMap<u64, u32>,
    kind: Vec<AnchorKind>,
    /// Document frequency per side.
    df: [Vec<u32>; 2],
}

impl Vocab {
    fn new(stats: &Stats) -> Vocab {
        let v = &stats.vocab;
        Vocab {
            map: v
                .iter()
                .enumerate()
                .map(|(i, x)| (x.hash, i as u32))
                .collect(),
            kind: v.iter().map(|x| x.kind).collect(),
            df: [EN, KO].map(|s| v.iter().map(|x| x.df[s]).collect()),
        }
    }
}

/// Parameters of the pairing model, re-estimated each round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Probability that an anchor of a class (side × kind × expected)
    /// carries over to the other side.
    pub theta: [f64; CLASSES],
    /// Probability that an article has a counterpart, per side.
    pub pi: [f64; 2],
    /// Log length ratio (en/ko) of translation pairs: mean, deviation.
    pub len_match: (f64, f64),
    /// Log length ratio of random pairs.
    pub len_null: (f64, f64),
}

/// Evidence counts of one pair per anchor class: anchors held, and how many
/// of them the other side holds too.
#[derive(Clone, Copy, Debug)]
struct Counts {
    held: [u32; CLASSES],
    shared: [u32; CLASSES],
    /// Expected number of chance matches among the anchors held.
    chance: [f64; CLASSES],
}

/// One anchor of the shared vocabulary (see [`Stats::vocab`]); in JSON, an
/// array `["hash in hex", "kind", English df, Korean df]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "records::VocabRecord", try_from = "records::VocabRecord")]
pub struct VocabEntry {
    /// The anchor's hash ([`AnchorKey::hash`]).
    pub hash: u64,
    /// Its kind.
    pub kind: AnchorKind,
    /// How many English and Korean articles hold it.
    pub df: [u32; 2],
}

/// Global statistics and the starting model of a pairing: what every bucket
/// of days needs to score its candidates exactly as one run over the whole
/// collections would (the reduce over all articles' [`Features`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Largest number of days the English version may follow the Korean one.
    pub max_days: u32,
    /// Articles paired per side (English, Korean).
    pub articles: [u32; 2],
    /// Articles left out per side: repeats of an earlier article's text or
    /// id (a repeated record is left out as well, without being listed).
    pub skipped: [Vec<Skipped>; 2],
    /// [`word_hash`]es of the lower-case words of the English collection,
    /// sorted: an English name that is also written as a common word is no
    /// anchor.
    pub lower: Vec<u32>,
    /// Anchors both collections hold, sorted by hash.
    pub vocab: Vec<VocabEntry>,
    /// The model the first round starts from.
    pub model: Model,
    /// Remarks about the input (missing dates, duplicate texts, …).
    pub notes: Vec<String>,
}

impl Stats {
    /// Statistics of two whole collections.
    pub fn new(en: &[Features], ko: &[Features], max_days: u32) -> Stats {
        let mut notes = Vec::new();
        let names = ["English", "Korean"];
        let inputs = [en, ko];
        let mut active: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for s in [EN, KO] {
            active[s] = distinct(inputs[s], names[s], &mut notes);
            date_notes(inputs[s], names[s], &mut notes);
        }
        let mut lower: Vec<u32> = active[EN]
            .iter()
            .flat_map(|&i| inputs[EN][i].lower.iter().copied())
            .collect();
        lower.par_sort_unstable();
        lower.dedup();
        let keys: [Vec<Vec<Key>>; 2] = [EN, KO].map(|s| {
            active[s]
                .par_iter()
                .map(|&i| filtered_keys(&inputs[s][i], &lower))
                .collect()
        });
        let mut df: FxHashMap<u64, (AnchorKind, [u32; 2])> = FxHashMap::default();
        for s in [EN, KO] {
            for k in keys[s].iter().flatten() {
                df.entry(k.0).or_insert((k.1, [0, 0])).1[s] += 1;
            }
        }
        let mut vocab: Vec<VocabEntry> = df
            .into_iter()
            .filter(|(_, (_, c))| c[EN] > 0 && c[KO] > 0)
            .map(|(hash, (kind, df))| VocabEntry { hash, kind, df })
            .collect();
        vocab.sort_unstable_by_key(|x| x.hash);
        for s in [EN, KO] {
            let lost = keys[s]
                .iter()
                .filter(|ks| {
                    !ks.iter()
                        .any(|k| vocab.binary_search_by_key(&k.0, |x| x.hash).is_ok())
                })
                .count();
            if lost > 0 {
                notes.push(format!(
                    "{lost} {} article(s) share no quantity, Latin token, name or glossary concept with the other collection; they cannot be paired",
                    names[s]
                ));
            }
        }
        let skipped = [EN, KO].map(|s| {
            let kept: FxHashSet<Skipped> =
                active[s].iter().map(|&i| skip_key(&inputs[s][i])).collect();
            let mut v: Vec<Skipped> = inputs[s]
                .iter()
                .map(skip_key)
                .filter(|k| !kept.contains(k))
                .collect();
            v.sort();
            v.dedup();
            v
        });
        let lens = |s: usize| -> Vec<f64> {
            active[s]
                .iter()
                .filter(|&&i| inputs[s][i].chars > 0)
                .map(|&i| (inputs[s][i].chars as f64).ln())
                .collect()
        };
        Stats {
            max_days,
            articles: [EN, KO].map(|s| active[s].len() as u32),
            skipped,
            lower,
            model: initial_model(&lens(EN), &lens(KO)),
            vocab,
            notes,
        }
    }
}

/// Pair articles from their [`Features`]; the same as [`pair`] without the
/// texts, and the same as [`Stats::new`], [`score`] over any buckets of days
/// plus [`score_undated`], then [`assign`].
pub fn pair_features(en: &[Features], ko: &[Features], opts: &PairOptions) -> Pairing {
    let stats = Stats::new(en, ko, opts.max_days);
    let vocab = Vocab::new(&stats);
    let sides = build_sides(&stats, &vocab, [en, ko], true);
    let edges = candidates(&sides, &vocab, &stats, |_, _| true);
    let source = Computed {
        sides: &sides,
        vocab: &vocab,
        stats: &stats,
        edges: &edges,
    };
    let accepted = solve(&stats, &edges, opts.min_score, &source);
    let mut pairs: Vec<DocPair> = accepted
        .iter()
        .map(|&(i, score)| DocPair {
            en: sides[EN].input[edges[i].0 as usize],
            ko: sides[KO].input[edges[i].1 as usize],
            score,
        })
        .collect();
    pairs.sort_by_key(|p| p.en);
    let mut paired = [vec![false; en.len()], vec![false; ko.len()]];
    for p in &pairs {
        paired[EN][p.en] = true;
        paired[KO][p.ko] = true;
    }
    let unpaired =
        |s: usize| -> Vec<usize> { (0..paired[s].len()).filter(|&i| !paired[s][i]).collect() };
    Pairing {
        unpaired_en: unpaired(EN),
        unpaired_ko: unpaired(KO),
        pairs,
        notes: stats.notes,
    }
}

/// The candidates of one bucket of Korean days, `ko_days` (first and last
/// day, inclusive; `None` for every day), with their evidence: the map stage
/// of a bucketed pairing. Only dated articles take part.
///
/// `en` and `ko` may hold any articles, but must hold every English article
/// dated from the bucket's first day to `max_days` after its last, and every
/// Korean article dated from `max_days` before its first day to `max_days`
/// after its last (the halo: they compete for the same candidates). Then the
/// edges are those one run over the whole collections finds for the
/// bucket's Korean articles.
pub fn score(
    stats: &Stats,
    en: &[Features],
    ko: &[Features],
    ko_days: Option<(i64, i64)>,
) -> Vec<Edge> {
    let vocab = Vocab::new(stats);
    let sides = build_sides(stats, &vocab, [en, ko], false);
    let mut edges = candidates(&sides, &vocab, stats, |_, _| true);
    if let Some((lo, hi)) = ko_days {
        edges.retain(|&(_, k)| (lo..=hi).contains(&sides[KO].day[k as usize]));
    }
    named_edges(&sides, &vocab, stats, [en, ko], &edges)
}

/// The candidates of undated articles, with their evidence: the separate key
/// join of a bucketed pairing. An undated article competes with the whole
/// other collection, so `en` and `ko` are every article's features; the
/// edges are those with at least one undated end.
pub fn score_undated(stats: &Stats, en: &[Features], ko: &[Features]) -> Vec<Edge> {
    let vocab = Vocab::new(stats);
    let sides = build_sides(stats, &vocab, [en, ko], true);
    let undated = |s: usize, r: usize| sides[s].day[r] == i64::MAX;
    let mut edges = candidates(&sides, &vocab, stats, undated);
    edges.retain(|&(e, k)| undated(EN, e as usize) || undated(KO, k as usize));
    named_edges(&sides, &vocab, stats, [en, ko], &edges)
}

fn named_edges(
    sides: &[Side; 2],
    vocab: &Vocab,
    stats: &Stats,
    inputs: [&[Features]; 2],
    edges: &[(u32, u32)],
) -> Vec<Edge> {
    edges
        .par_iter()
        .map(|&(e, k)| {
            let (e, k) = (e as usize, k as usize);
            let mut x = evidence(sides, vocab, stats, e, k);
            let (fe, fk) = (
                &inputs[EN][sides[EN].input[e]],
                &inputs[KO][sides[KO].input[k]],
            );
            x.en = fe.id.clone();
            x.ko = fk.id.clone();
            x.en_day = fe.day;
            x.ko_day = fk.day;
            x
        })
        .collect()
}

/// A pair found by [`assign`], named by ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedPair {
    /// The English article's id.
    pub en: String,
    /// The Korean article's id.
    pub ko: String,
    /// Posterior probability that the two are a translation pair.
    pub score: f64,
}

/// One partner per article from the candidates of every bucket and of the
/// undated join (the final reduce): the model is re-estimated from the pairs
/// found, as in [`pair_features`], and the pairs are the same as one run's.
/// Returns the pairs sorted by English id. Repeated edges are read once.
pub fn assign(stats: &Stats, mut edges: Vec<Edge>, min_score: f64) -> Vec<NamedPair> {
    // Number the articles in (day, id) order, as one run ranks them, so that
    // every sum and every tie is taken in the same order.
    let rank_key = |day: Option<i64>, id: &str| (day.unwrap_or(i64::MAX), id.to_owned());
    let mut keys: [Vec<(i64, String)>; 2] = [
        edges.iter().map(|x| rank_key(x.en_day, &x.en)).collect(),
        edges.iter().map(|x| rank_key(x.ko_day, &x.ko)).collect(),
    ];
    for k in &mut keys {
        k.par_sort_unstable();
        k.dedup();
    }
    let rank = |s: usize, day: Option<i64>, id: &str| -> u32 {
        keys[s]
            .binary_search_by(|(d, i)| (*d, i.as_str()).cmp(&(day.unwrap_or(i64::MAX), id)))
            .unwrap_or(0) as u32
    };
    let mut ranked: Vec<((u32, u32), Edge)> = edges
        .drain(..)
        .map(|x| ((rank(EN, x.en_day, &x.en), rank(KO, x.ko_day, &x.ko)), x))
        .collect();
    ranked.sort_by_key(|x| x.0);
    ranked.dedup_by_key(|x| x.0);
    let pairs: Vec<(u32, u32)> = ranked.iter().map(|x| x.0).collect();
    let accepted = solve(stats, &pairs, min_score, &Stored(&ranked));
    let mut out: Vec<NamedPair> = accepted
        .into_iter()
        .map(|(i, score)| NamedPair {
            en: ranked[i].1.en.clone(),
            ko: ranked[i].1.ko.clone(),
            score,
        })
        .collect();
    out.sort_by(|a, b| a.en.cmp(&b.en));
    out
}

/// Representatives of distinct texts and ids (the first of each group of
/// identical texts or ids), ascending; a note names the others. A repeat of
/// a record (same id, text and day) is no other article: it is left out
/// without a note.
fn distinct(docs: &[Features], name: &str, notes: &mut Vec<String>) -> Vec<usize> {
    // Named one by one up to this many, then counted.
    const LISTED: usize = 10;
    let mut first: FxHashMap<u64, usize> = FxHashMap::default();
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    let mut out = Vec::with_capacity(docs.len());
    let mut copies = 0;
    for (i, d) in docs.iter().enumerate() {
        let (same, what) = match (first.get(&d.fingerprint), ids.get(d.id.as_str())) {
            (Some(&f), _) => (f, "the same text as"),
            (None, Some(&f)) => (f, "the same id as"),
            (None, None) => {
                first.insert(d.fingerprint, i);
                ids.insert(&d.id, i);
                out.push(i);
                continue;
            }
        };
        if skip_key(d) == skip_key(&docs[same]) {
            continue;
        }
        copies += 1;
        if copies <= LISTED {
            notes.push(format!(
                "{name} article {} has {what} {}; only the first is paired",
                d.id, docs[same].id
            ));
        }
    }
    if copies > LISTED {
        notes.push(format!(
            "{} more {name} article(s) repeat the text or id of an earlier one and are left unpaired",
            copies - LISTED
        ));
    }
    out
}

/// What tells an article left out from the one it repeats.
fn skip_key(f: &Features) -> Skipped {
    Skipped {
        id: f.id.clone(),
        fingerprint: f.fingerprint,
        day: f.day,
    }
}

/// An article left out of the pairing because it repeats the text or the id
/// of an earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Skipped {
    /// Its id.
    pub id: String,
    /// Its [`Features::fingerprint`], in hex.
    #[serde(with = "records::hex")]
    pub fingerprint: u64,
    /// Its day.
    pub day: Option<i64>,
}

fn date_notes(docs: &[Features], name: &str, notes: &mut Vec<String>) {
    let undated: Vec<&Features> = docs.iter().filter(|d| d.day.is_none()).collect();
    if undated.is_empty() {
        return;
    }
    let bad = undated.iter().filter(|d| d.bad_date).count();
    let mut list: Vec<&str> = undated.iter().take(3).map(|d| d.id.as_str()).collect();
    if undated.len() > 3 {
        list.push("…");
    }
    let why = if bad > 0 {
        format!(" ({bad} with an unreadable date)")
    } else {
        String::new()
    };
    notes.push(format!(
        "{} {name} article(s) have no publication date{why}: {}; they were paired on content alone, without the date window",
        undated.len(),
        list.join(", ")
    ));
}

/// An anchor of one article: hash, kind, expected.
type Key = (u64, AnchorKind, bool);

/// The anchors of an article, one per hash, without English names that the
/// collection also writes as a lower-case word.
fn filtered_keys(f: &Features, lower: &[u32]) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::with_capacity(f.anchors.len());
    for k in &f.anchors {
        if k.word != 0 && lower.binary_search(&k.word).is_ok() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.0 == k.hash => last.2 |= k.expected,
            _ => out.push((k.hash, k.kind, k.expected)),
        }
    }
    out
}

/// Both sides, indexed, with window sizes and window counts; articles the
/// statistics skip are left out, and so are undated ones unless `undated`.
fn build_sides(stats: &Stats, vocab: &Vocab, inputs: [&[Features]; 2], undated: bool) -> [Side; 2] {
    let max_days = i64::from(stats.max_days);
    let mut sides = [EN, KO].map(|s| {
        let skipped: FxHashSet<&Skipped> = stats.skipped[s].iter().collect();
        let docs = inputs[s];
        let key = |i: usize| {
            let d = &docs[i];
            (d.day.unwrap_or(i64::MAX), d.id.as_str(), d.fingerprint)
        };
        let mut order: Vec<usize> = (0..docs.len())
            .filter(|&i| {
                (undated || docs[i].day.is_some()) && !skipped.contains(&skip_key(&docs[i]))
            })
            .collect();
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
        // A repeated record is one article.
        order.dedup_by(|a, b| key(*a) == key(*b));
        build_side(docs, &order, stats, vocab)
    });
    for s in [EN, KO] {
        index(&mut sides[s], vocab.kind.len());
    }
    let window_len = [EN, KO].map(|s| {
        (0..sides[s].len())
            .map(|r| {
                sides[1 - s]
                    .window(window_days(&sides[s], r, s, max_days))
                    .len() as u32
            })
            .collect()
    });
    let (wen, wko) = rayon::join(
        || window_counts(&sides, EN, vocab, max_days),
        || window_counts(&sides, KO, vocab, max_days),
    );
    let [le, lk] = window_len;
    sides[EN].window_len = le;
    sides[KO].window_len = lk;
    sides[EN].in_window = wen;
    sides[KO].in_window = wko;
    sides
}

fn build_side(docs: &[Features], order: &[usize], stats: &Stats, vocab: &Vocab) -> Side {
    let day: Vec<i64> = order
        .iter()
        .map(|&i| docs[i].day.unwrap_or(i64::MAX))
        .collect();
    let undated_from = day.partition_point(|&d| d < i64::MAX);
    let anchors = order
        .par_iter()
        .map(|&i| {
            let mut v: Vec<u32> = filtered_keys(&docs[i], &stats.lower)
                .iter()
                .filter_map(|k| vocab.map.get(&k.0).map(|&id| (id << 1) | u32::from(k.2)))
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    Side {
        input: order.to_vec(),
        day,
        undated_from,
        anchors,
        chars: order.iter().map(|&i| docs[i].chars as u64).collect(),
        offsets: Vec::new(),
        postings: Vec::new(),
        in_window: Vec::new(),
        window_len: Vec::new(),
    }
}

fn index(side: &mut Side, ids: usize) {
    let mut counts = vec![0u32; ids + 1];
    for a in &side.anchors {
        for &p in a {
            counts[(p >> 1) as usize + 1] += 1;
        }
    }
    for i in 1..counts.len() {
        counts[i] += counts[i - 1];
    }
    let mut fill = counts.clone();
    let mut postings = vec![0u32; counts[ids] as usize];
    for (rank, a) in side.anchors.iter().enumerate() {
        for &p in a {
            let slot = &mut fill[(p >> 1) as usize];
            postings[*slot as usize] = rank as u32;
            *slot += 1;
        }
    }
    side.offsets = counts;
    side.postings = postings;
}

/// For each anchor of each article of side `s`, the number of articles of
/// the other side in its date window holding it. Ranks are in day order and
/// windows move forward with the day, so one sweep that adds the articles
/// entering the window and removes those leaving it counts everything in
/// time linear in the anchors. An undated article's window is the whole
/// collection: its counts are the document frequencies.
fn window_counts(sides: &[Side; 2], s: usize, vocab: &Vocab, max_days: i64) -> Vec<Vec<u32>> {
    let (me, other) = (&sides[s], &sides[1 - s]);
    let mut counts = vec![0u32; vocab.kind.len()];
    let (mut lo_rank, mut hi_rank) = (0, 0);
    let mut out = Vec::with_capacity(me.len());
    for r in 0..me.len() {
        let Some((lo, hi)) = window_days(me, r, s, max_days) else {
            let df = &vocab.df[1 - s];
            out.push(
                me.anchors[r]
                    .iter()
                    .map(|&p| df[(p >> 1) as usize])
                    .collect(),
            );
            continue;
        };
        while hi_rank < other.undated_from && other.day[hi_rank] <= hi {
            for &p in &other.anchors[hi_rank] {
                counts[(p >> 1) as usize] += 1;
            }
            hi_rank += 1;
        }
        // Every rank before `hi_rank` has been added, and one dated before
        // `lo` is dated before `hi` too.
        while lo_rank < hi_rank && other.day[lo_rank] < lo {
            for &p in &other.anchors[lo_rank] {
                counts[(p >> 1) as usize] -= 1;
            }
            lo_rank += 1;
        }
        out.push(
            me.anchors[r]
                .iter()
                .map(|&p| counts[(p >> 1) as usize])
                .collect(),
        );
    }
    out
}

/// The other side's date window of article `rank` on side `s`: an English
/// version appears 0..=max_days days after its Korean original.
fn window_days(side: &Side, rank: usize, s: usize, max_days: i64) -> Option<(i64, i64)> {
    let d = side.day[rank];
    if d == i64::MAX {
        return None;
    }
    Some(if s == EN {
        (d.saturating_sub(max_days), d)
    } else {
        (d, d.saturating_add(max_days))
    })
}

fn in_window(e: i64, k: i64, max_days: i64) -> bool {
    e == i64::MAX || k == i64::MAX || (0..=max_days).contains(&(e - k))
}

/// Candidate pairs (English rank, Korean rank): for each article on either
/// side for which `wanted` holds, the articles in its window sharing the most
/// weight of its rarest anchors.
fn candidates(
    sides: &[Side; 2],
    vocab: &Vocab,
    stats: &Stats,
    wanted: impl Fn(usize, usize) -> bool + Sync,
) -> Vec<(u32, u32)> {
    let max_days = i64::from(stats.max_days);
    let mut all: Vec<(u32, u32)> = Vec::new();
    for s in [EN, KO] {
        let o = 1 - s;
        let n_other = f64::from(stats.articles[o].max(1));
        let found: Vec<Vec<(u32, u32)>> = (0..sides[s].len())
            .into_par_iter()
            .map(|r| {
                if !wanted(s, r) {
                    return Vec::new();
                }
                let mut probes: Vec<u32> = sides[s].anchors[r].iter().map(|p| p >> 1).collect();
                probes.sort_unstable_by_key(|&id| (vocab.df[o][id as usize], id));
                probes.truncate(PROBE_ANCHORS);
                let win = sides[o].window(window_days(&sides[s], r, s, max_days));
                let mut acc: FxHashMap<u32, f64> = FxHashMap::default();
                let mut budget = PROBE_BUDGET;
                for id in probes {
                    let post = sides[o].postings(id);
                    let w = (n_other / f64::from(vocab.df[o][id as usize].max(1))).ln() + 1e-3;
                    let a = post.partition_point(|&x| (x as usize) < win.start);
                    let b = post.partition_point(|&x| (x as usize) < win.end);
                    // An anchor most of the window holds finds no one in
                    // particular; skipping it bounds the work per article.
                    if b - a > budget {
                        continue;
                    }
                    budget -= b - a;
                    for &x in &post[a..b] {
                        *acc.entry(x).or_insert(0.0) += w;
                    }
                }
                let mut best: Vec<(u32, f64)> = acc.into_iter().collect();
                let order =
                    |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                if best.len() > CANDIDATES {
                    best.select_nth_unstable_by(CANDIDATES, order);
                    best.truncate(CANDIDATES);
                }
                best.sort_unstable_by(order);
                best.into_iter()
                    .map(|(x, _)| {
                        if s == EN {
                            (r as u32, x)
                        } else {
                            (x, r as u32)
                        }
                    })
                    .collect()
            })
            .collect();
        all.extend(found.into_iter().flatten());
    }
    all.sort_unstable();
    all.dedup();
    all.retain(|&(e, k)| {
        in_window(
            sides[EN].day[e as usize],
            sides[KO].day[k as usize],
            max_days,
        )
    });
    all
}

/// A candidate pair and everything its score depends on: the output of the
/// scoring stage, one JSON object per line (see the README), and the input of
/// [`assign`]. Every field is an integer, so the score is the same wherever
/// it is computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The English article's id.
    pub en: String,
    /// The Korean article's id.
    pub ko: String,
    /// The English article's day (days since 1970-01-01), if dated.
    pub en_day: Option<i64>,
    /// The Korean article's day, if dated.
    pub ko_day: Option<i64>,
    /// Size of the English article's window (Korean articles) and of the
    /// Korean article's window (English articles): the priors' denominators.
    pub windows: [u32; 2],
    /// Articles among which the chance of each shared anchor is measured,
    /// for each direction: the windows, or the whole other collection when
    /// either article is undated.
    pub chance_n: [u32; 2],
    /// Non-whitespace characters of each body.
    pub chars: [u64; 2],
    /// Shared anchors in vocabulary order: English class, Korean class,
    /// holders in the English article's window, holders in the Korean
    /// article's window, English and Korean document frequency.
    pub shared: Vec<[u32; 6]>,
    /// Anchors held on one side only, per class: class, count, and the sum of
    /// their document frequencies on the other side.
    pub alone: Vec<[u64; 3]>,
}

/// Chance that an article of a window holds an anchor: its frequency among
/// the `window` competitors other than the article holding it (`count`
/// counts that one too), shrunk towards its frequency over the collection.
/// Anchors cluster in time (a running story, the day's date), so the
/// competitors in the window are what chance must be measured against.
fn chance(count: u32, window: u32, df: u32, n: u32) -> f64 {
    const PRIOR_WEIGHT: f64 = 1.0;
    let global = f64::from(df) / f64::from(n.max(1));
    let others = f64::from(count.saturating_sub(1));
    let m = f64::from(window.saturating_sub(1));
    (others + PRIOR_WEIGHT * global) / (m + PRIOR_WEIGHT)
}

/// Log-ratio of finding an anchor on the other side under *translation*
/// (carried over with probability `theta`, else by chance) and under
/// *unrelated* (by chance, probability `p`).
fn carry_over_ratio(theta: f64, p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0);
    ((p + theta * (1.0 - p)) / p).ln()
}

/// The evidence of English rank `e` and Korean rank `k` (ids and days left
/// empty).
fn evidence(sides: &[Side; 2], vocab: &Vocab, stats: &Stats, e: usize, k: usize) -> Edge {
    let undated = sides[EN].day[e] == i64::MAX || sides[KO].day[k] == i64::MAX;
    let windows = [sides[EN].window_len[e], sides[KO].window_len[k]];
    let (a, b) = (&sides[EN].anchors[e], &sides[KO].anchors[k]);
    let mut shared = Vec::new();
    let mut alone = [(0u64, 0u64); CLASSES];
    let (mut i, mut j) = (0, 0);
    loop {
        let x = a.get(i).map(|p| p >> 1);
        let y = b.get(j).map(|p| p >> 1);
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                let id = x as usize;
                let kind = vocab.kind[id];
                let (ce, ck) = (class(EN, kind, a[i]), class(KO, kind, b[j]));
                let df = [vocab.df[EN][id], vocab.df[KO][id]];
                let held = if undated {
                    [df[KO], df[EN]]
                } else {
                    [sides[EN].in_window[e][i], sides[KO].in_window[k][j]]
                };
                shared.push([ce as u32, ck as u32, held[0], held[1], df[EN], df[KO]]);
                i += 1;
                j += 1;
            }
            (Some(x), y) if y.is_none_or(|y| x < y) => {
                let cl = class(EN, vocab.kind[x as usize], a[i]);
                alone[cl].0 += 1;
                alone[cl].1 += u64::from(vocab.df[KO][x as usize]);
                i += 1;
            }
            (_, Some(y)) => {
                let cl = class(KO, vocab.kind[y as usize], b[j]);
                alone[cl].0 += 1;
                alone[cl].1 += u64::from(vocab.df[EN][y as usize]);
                j += 1;
            }
            _ => break,
        }
    }
    Edge {
        windows,
        chance_n: if undated {
            [stats.articles[KO], stats.articles[EN]]
        } else {
            windows
        },
        chars: [sides[EN].chars[e], sides[KO].chars[k]],
        shared,
        alone: alone
            .iter()
            .enumerate()
            .filter(|(_, c)| c.0 > 0)
            .map(|(cl, c)| [cl as u64, c.0, c.1])
            .collect(),
        ..Edge::default()
    }
}

/// Where the solver finds the evidence of candidate `i`.
trait Evidence: Sync {
    /// Log-likelihood ratio under `model`, and the two window sizes.
    fn llr(&self, i: usize, model: &Model, n: [u32; 2]) -> (f64, [u32; 2]);
    /// The whole evidence.
    fn edge(&self, i: usize) -> Cow<'_, Edge>;
}

/// Evidence computed from the indexed collections when asked (one run:
/// nothing is kept per candidate between rounds).
struct Computed<'a> {
    sides: &'a [Side; 2],
    vocab: &'a Vocab,
    stats: &'a Stats,
    edges: &'a [(u32, u32)],
}

impl Evidence for Computed<'_> {
    /// The same arithmetic, in the same order, as [`Edge::llr`] over
    /// [`evidence`], without building the edge.
    fn llr(&self, i: usize, model: &Model, n: [u32; 2]) -> (f64, [u32; 2]) {
        let (sides, vocab) = (self.sides, self.vocab);
        let (e, k) = (self.edges[i].0 as usize, self.edges[i].1 as usize);
        let undated = sides[EN].day[e] == i64::MAX || sides[KO].day[k] == i64::MAX;
        let windows = [sides[EN].window_len[e], sides[KO].window_len[k]];
        let chance_n = if undated {
            [self.stats.articles[KO], self.stats.articles[EN]]
        } else {
            windows
        };
        let (a, b) = (&sides[EN].anchors[e], &sides[KO].anchors[k]);
        let mut alone = [0u64; CLASSES];
        let mut llr = 0.0;
        let (mut i, mut j) = (0, 0);
        loop {
            let x = a.get(i).map(|p| p >> 1);
            let y = b.get(j).map(|p| p >> 1);
            match (x, y) {
                (Some(x), Some(y)) if x == y => {
                    let id = x as usize;
                    let kind = vocab.kind[id];
                    let (ce, ck) = (class(EN, kind, a[i]), class(KO, kind, b[j]));
                    let (df_e, df_k) = (vocab.df[EN][id], vocab.df[KO][id]);
                    let (held_e, held_k) = if undated {
                        (df_k, df_e)
                    } else {
                        (sides[EN].in_window[e][i], sides[KO].in_window[k][j])
                    };
                    let pk = chance(held_e, chance_n[EN], df_k, n[KO]);
                    let mut gain = carry_over_ratio(model.theta[ce], pk);
                    if kind != AnchorKind::Name {
                        let pe = chance(held_k, chance_n[KO], df_e, n[EN]);
                        gain = gain.min(carry_over_ratio(model.theta[ck], pe));
                    }
                    llr += gain;
                    i += 1;
                    j += 1;
                }
                (Some(x), y) if y.is_none_or(|y| x < y) => {
                    alone[class(EN, vocab.kind[x as usize], a[i])] += 1;
                    i += 1;
                }
                (_, Some(y)) => {
                    alone[class(KO, vocab.kind[y as usize], b[j])] += 1;
                    j += 1;
                }
                _ => break,
            }
        }
        for (cl, &count) in alone.iter().enumerate() {
            if count > 0 && cl % 2 == 1 {
                llr += count as f64 * (1.0 - model.theta[cl]).ln();
            }
        }
        let chars = [sides[EN].chars[e], sides[KO].chars[k]];
        if chars[EN] > 0 && chars[KO] > 0 {
            llr += length_ratio((chars[EN] as f64).ln() - (chars[KO] as f64).ln(), model);
        }
        (llr, windows)
    }

    fn edge(&self, i: usize) -> Cow<'_, Edge> {
        let (e, k) = self.edges[i];
        Cow::Owned(evidence(
            self.sides, self.vocab, self.stats, e as usize, k as usize,
        ))
    }
}

/// Evidence read from the scoring stage.
struct Stored<'a>(&'a [((u32, u32), Edge)]);

impl Evidence for Stored<'_> {
    fn llr(&self, i: usize, model: &Model, n: [u32; 2]) -> (f64, [u32; 2]) {
        let x = &self.0[i].1;
        (x.llr(model, n), x.windows)
    }

    fn edge(&self, i: usize) -> Cow<'_, Edge> {
        Cow::Borrowed(&self.0[i].1)
    }
}

impl Edge {
    /// Log-likelihood ratio of translation against unrelated under `model`.
    ///
    /// Evidence each way: the Korean article holding an English anchor, and
    /// the English article holding a Korean one. A shared anchor counts
    /// once, at the weaker of the two, so that a word one side writes
    /// everywhere (`Korea`) is no evidence however rare it is on the other
    /// side. Names are read from the English side only.
    fn llr(&self, model: &Model, n: [u32; 2]) -> f64 {
        let mut llr = 0.0;
        for &[ce, ck, held_e, held_k, df_e, df_k] in &self.shared {
            let (ce, ck) = (ce as usize, ck as usize);
            let pk = chance(held_e, self.chance_n[EN], df_k, n[KO]);
            let mut gain = carry_over_ratio(model.theta[ce], pk);
            if class_kind(ce) != AnchorKind::Name {
                let pe = chance(held_k, self.chance_n[KO], df_e, n[EN]);
                gain = gain.min(carry_over_ratio(model.theta[ck], pe));
            }
            llr += gain;
        }
        // Only anchors expected to carry over count when missing (odd
        // classes).
        for &[cl, count, _] in &self.alone {
            if cl % 2 == 1 {
                llr += count as f64 * (1.0 - model.theta[cl as usize]).ln();
            }
        }
        if let Some(r) = self.log_ratio() {
            llr += length_ratio(r, model);
        }
        llr
    }

    fn log_ratio(&self) -> Option<f64> {
        (self.chars[EN] > 0 && self.chars[KO] > 0)
            .then(|| (self.chars[EN] as f64).ln() - (self.chars[KO] as f64).ln())
    }

    fn counts(&self, n: [u32; 2]) -> Counts {
        let mut c = Counts {
            held: [0; CLASSES],
            shared: [0; CLASSES],
            chance: [0.0; CLASSES],
        };
        let g = |df: u64, s: usize| df as f64 / f64::from(n[s].max(1));
        for &[ce, ck, _, _, df_e, df_k] in &self.shared {
            let (ce, ck) = (ce as usize, ck as usize);
            c.held[ce] += 1;
            c.held[ck] += 1;
            c.shared[ce] += 1;
            c.shared[ck] += 1;
            c.chance[ce] += g(u64::from(df_k), KO);
            c.chance[ck] += g(u64::from(df_e), EN);
        }
        for &[cl, count, df] in &self.alone {
            let cl = (cl as usize).min(CLASSES - 1);
            c.held[cl] += count as u32;
            c.chance[cl] += g(df, 1 - class_side(cl));
        }
        c
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    (m, v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n)
}

/// Deviation of the log length ratio before any pair is known: wide enough
/// not to override anchors (a factor of about 1.4 either way).
const LEN_SIGMA0: f64 = 0.35;
const LEN_SIGMA_MIN: f64 = 0.05;
/// Weight, in anchors, of the prior carry-over rates against the counts of
/// the pairs found.
const THETA_PRIOR_WEIGHT: f64 = 10.0;

/// Prior carry-over rate of an anchor class: a translation keeps most of its
/// original's numbers and acronyms, about half of its names are written so
/// that their skeletons agree, and anchors only expected to match are rare.
fn prior_theta(class: usize) -> f64 {
    match (class % 2 == 1, class_kind(class)) {
        // Most words of an article are translated, not transcribed.
        (false, AnchorKind::Loanword) => 0.03,
        (false, _) => 0.1,
        (true, AnchorKind::Name | AnchorKind::Concept) => 0.5,
        (true, _) => 0.8,
    }
}

/// The model before any pair is known, from the log lengths of the articles
/// of each side.
fn initial_model(le: &[f64], lk: &[f64]) -> Model {
    let (me, ve) = mean_var(le);
    let (mk, vk) = mean_var(lk);
    let mu = median(&mut le.to_vec()).unwrap_or(0.0) - median(&mut lk.to_vec()).unwrap_or(0.0);
    Model {
        theta: std::array::from_fn(prior_theta),
        pi: [0.5; 2],
        len_match: (mu, LEN_SIGMA0),
        len_null: (me - mk, (ve + vk).sqrt().max(LEN_SIGMA0)),
    }
}

/// Share of translations whose length is off the usual ratio (a paragraph
/// dropped or added): their ratio looks like that of random pairs, so the
/// length evidence against a pair is bounded by `ln` of this share.
const LEN_OUTLIERS: f64 = 0.1;

/// Log-likelihood ratio of a log length ratio `r` under *translation* (a
/// Gaussian around the usual ratio, with outliers) and *unrelated*.
fn length_ratio(r: f64, model: &Model) -> f64 {
    let null = log_normal_pdf(r, model.len_null);
    let usual = log_normal_pdf(r, model.len_match) + (1.0 - LEN_OUTLIERS).ln();
    log_add(usual, null + LEN_OUTLIERS.ln()) - null
}

fn log_normal_pdf(x: f64, (mu, sigma): (f64, f64)) -> f64 {
    let z = (x - mu) / sigma;
    -0.5 * z * z - sigma.ln()
}

fn log_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        hi
    } else {
        hi + (lo - hi).exp().ln_1p()
    }
}

/// Hard EM over the candidate pairs `edges` (English rank, Korean rank,
/// sorted), whose evidence `edge` gives: score every candidate, keep the
/// pairs above `min_score`, re-estimate the model from them, until the pairs
/// no longer change. Returns (edge index, score) in edge order.
fn solve(
    stats: &Stats,
    edges: &[(u32, u32)],
    min_score: f64,
    edge: &dyn Evidence,
) -> Vec<(usize, f64)> {
    let mut model = stats.model.clone();
    let mut accepted: Vec<(usize, f64)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let next = assign_round(stats, edges, edge, &model, min_score);
        let same =
            next.len() == accepted.len() && next.iter().zip(&accepted).all(|(a, b)| a.0 == b.0);
        accepted = next;
        if same {
            break;
        }
        model = reestimate(stats, edge, &accepted, &model);
    }
    accepted
}

/// One round: score every candidate, turn scores into posteriors, keep the
/// pairs above `min_score` in decreasing order, one partner per article.
fn assign_round(
    stats: &Stats,
    edges: &[(u32, u32)],
    edge: &dyn Evidence,
    model: &Model,
    min_score: f64,
) -> Vec<(usize, f64)> {
    let scored: Vec<(f64, [u32; 2])> = (0..edges.len())
        .into_par_iter()
        .map(|i| edge.llr(i, model, stats.articles))
        .collect();
    let size = [EN, KO].map(|s| {
        edges
            .iter()
            .map(|x| [x.0, x.1][s] as usize + 1)
            .max()
            .unwrap_or(0)
    });
    let prior = |s: usize, window: u32| (model.pi[s] / f64::from(window.max(1))).ln();
    let mut lse: [Vec<f64>; 2] = [EN, KO].map(|s| vec![(1.0 - model.pi[s]).ln(); size[s]]);
    for (&(e, k), &(l, w)) in edges.iter().zip(&scored) {
        let (e, k) = (e as usize, k as usize);
        lse[EN][e] = log_add(lse[EN][e], prior(EN, w[EN]) + l);
        lse[KO][k] = log_add(lse[KO][k], prior(KO, w[KO]) + l);
    }
    let mut kept: Vec<(usize, f64)> = edges
        .iter()
        .zip(&scored)
        .enumerate()
        .map(|(i, (&(e, k), &(l, w)))| {
            let (e, k) = (e as usize, k as usize);
            let pe = (prior(EN, w[EN]) + l - lse[EN][e]).exp();
            let pk = (prior(KO, w[KO]) + l - lse[KO][k]).exp();
            (i, pe.min(pk))
        })
        .filter(|x| x.1 >= min_score)
        .collect();
    kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut used = [vec![false; size[EN]], vec![false; size[KO]]];
    let mut out = Vec::new();
    for (i, s) in kept {
        let (e, k) = (edges[i].0 as usize, edges[i].1 as usize);
        if used[EN][e] || used[KO][k] {
            continue;
        }
        used[EN][e] = true;
        used[KO][k] = true;
        out.push((i, s));
    }
    out.sort_by_key(|x| x.0);
    out
}

/// Re-estimate the model from the pairs kept (hard EM); carry-over rates are
/// posterior means under a Beta prior (see [`prior_theta`]), so a handful of
/// pairs cannot drive a rate to 0 or 1.
fn reestimate(stats: &Stats, edge: &dyn Evidence, pairs: &[(usize, f64)], old: &Model) -> Model {
    let n = stats.articles;
    let mut shared = [0.0f64; CLASSES];
    let mut held = [0.0f64; CLASSES];
    let mut ratios = Vec::new();
    for &(i, _) in pairs {
        let x = edge.edge(i);
        let c = x.counts(n);
        for i in 0..CLASSES {
            // Matches expected by chance alone say nothing about carry-over.
            shared[i] += f64::from(c.shared[i]) - c.chance[i];
            held[i] += f64::from(c.held[i]) - c.chance[i];
        }
        ratios.extend(x.log_ratio());
    }
    let mut m = old.clone();
    for i in 0..CLASSES {
        let w = THETA_PRIOR_WEIGHT;
        m.theta[i] =
            ((shared[i].max(0.0) + w * prior_theta(i)) / (held[i].max(0.0) + w)).clamp(0.01, 0.95);
    }
    let p = pairs.len() as f64;
    for s in [EN, KO] {
        m.pi[s] = ((p + 1.0) / (f64::from(stats.articles[s]) + 2.0)).clamp(0.01, 0.99);
    }
    if ratios.len() >= 5 {
        let mu = median(&mut ratios.clone()).unwrap_or(old.len_match.0);
        let mut dev: Vec<f64> = ratios.iter().map(|r| (r - mu).abs()).collect();
        let sigma = (1.4826 * median(&mut dev).unwrap_or(LEN_SIGMA0)).max(LEN_SIGMA_MIN);
        m.len_match = (mu, sigma);
        m.len_null.1 = m.len_null.1.max(sigma);
    }
    m
}

#[cfg(test)]
mod tests;

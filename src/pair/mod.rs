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
//! best few candidates by shared rare-anchor weight. Work is parallel (rayon)
//! and every reduction runs in a fixed order, so the result is deterministic.
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
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

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

/// A hashed anchor key, as kept by [`Features`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
/// articles after the texts are dropped.
#[derive(Clone, Debug)]
pub struct Features {
    /// The path (with `:line` for JSON Lines records).
    pub path: String,
    /// Publication day (days since 1970-01-01), if known.
    pub day: Option<i64>,
    /// True when a publication date is present but unreadable.
    pub bad_date: bool,
    /// Non-whitespace characters of the body.
    pub chars: usize,
    /// Hash of the title and body, whitespace-normalised (finds duplicates).
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
        let path = if doc.format == Format::Jsonl {
            format!("{}:{}", doc.path, doc.line)
        } else {
            doc.path.clone()
        };
        Features {
            path,
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

/// One collection, restricted to representatives of distinct texts, in
/// (day, input index) order; undated articles last.
struct Side {
    /// Input index of each rank.
    input: Vec<usize>,
    /// Day of each rank (`i64::MAX` when undated).
    day: Vec<i64>,
    /// First undated rank.
    undated_from: usize,
    /// Anchor ids, `id << 1 | expected`, ascending.
    anchors: Vec<Vec<u32>>,
    /// Log of the character count.
    loglen: Vec<Option<f64>>,
    /// Inverted index: ranks holding anchor `id` are
    /// `postings[offsets[id]..offsets[id + 1]]`, ascending.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// For each anchor of each article (parallel to `anchors`), how many
    /// articles of the other side's date window hold it too.
    in_window: Vec<Vec<u32>>,
}

impl Side {
    fn len(&self) -> usize {
        self.input.len()
    }

    /// Ranks whose day lies in `lo..=hi`, then the undated ranks. An undated
    /// article (`None`) sees every rank.
    fn window(&self, days: Option<(i64, i64)>) -> Window {
        let n = self.len();
        match days {
            None => [0..n, n..n],
            Some((lo, hi)) => {
                let dated = &self.day[..self.undated_from];
                let a = dated.partition_point(|&d| d < lo);
                let b = dated.partition_point(|&d| d <= hi);
                [a..b, self.undated_from..n]
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

/// Ranks of the other side an article may pair with: a run of dated ranks
/// and the undated ones.
type Window = [Range<usize>; 2];

fn window_len(w: &Window) -> usize {
    w[0].len() + w[1].len()
}

struct Vocab {
    kind: Vec<AnchorKind>,
    /// Document frequency per side.
    df: [Vec<u32>; 2],
}

/// Parameters re-estimated each round.
#[derive(Clone, Debug)]
struct Model {
    /// Probability that an anchor of a class carries over to the other side.
    theta: [f64; CLASSES],
    /// Probability that an article has a counterpart, per side.
    pi: [f64; 2],
    /// Log length ratio (en/ko) of translation pairs: mean, deviation.
    len_match: (f64, f64),
    /// Log length ratio of random pairs.
    len_null: (f64, f64),
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

/// Pair articles from their [`Features`]; the same as [`pair`] without the texts.
pub fn pair_features(en: &[Features], ko: &[Features], opts: &PairOptions) -> Pairing {
    let mut notes = Vec::new();
    let names = ["English", "Korean"];
    let inputs = [en, ko];
    let mut active: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for s in [EN, KO] {
        active[s] = distinct(inputs[s], names[s], &mut notes);
        date_notes(inputs[s], names[s], &mut notes);
    }
    let keys = filtered_keys(inputs, &active);
    let vocab_map = build_vocab(&keys, &active);
    let mut sides = [EN, KO].map(|s| build_side(inputs[s], &keys[s], &active[s], &vocab_map.0));
    drop(keys);
    let vocab = vocab_map.1;
    for s in [EN, KO] {
        index(&mut sides[s], vocab.kind.len());
    }
    let max_days = i64::from(opts.max_days);
    let (wen, wko) = rayon::join(
        || window_counts(&sides, EN, &vocab, max_days),
        || window_counts(&sides, KO, &vocab, max_days),
    );
    sides[EN].in_window = wen;
    sides[KO].in_window = wko;
    let no_anchor: [usize; 2] =
        [EN, KO].map(|s| sides[s].anchors.iter().filter(|a| a.is_empty()).count());
    for s in [EN, KO] {
        if no_anchor[s] > 0 {
            notes.push(format!(
                "{} {} article(s) share no quantity, Latin token, name or glossary concept with the other collection; they cannot be paired",
                no_anchor[s], names[s]
            ));
        }
    }
    let edges = candidates(&sides, &vocab, max_days);
    let win: [Vec<Window>; 2] = [EN, KO].map(|s| {
        let o = 1 - s;
        (0..sides[s].len())
            .map(|r| sides[o].window(window_days(&sides[s], r, s, max_days)))
            .collect()
    });

    let p0 = Chance::new(&sides, &vocab);
    let mut model = initial_model(&sides);
    let mut accepted: Vec<(u32, u32, f64)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let next = assign(&sides, &vocab, &p0, &edges, &win, &model, opts.min_score);
        let same = next.len() == accepted.len()
            && next
                .iter()
                .zip(&accepted)
                .all(|(a, b)| a.0 == b.0 && a.1 == b.1);
        accepted = next;
        if same {
            break;
        }
        model = reestimate(&sides, &vocab, &p0, &win, &accepted, &model);
    }

    let mut pairs: Vec<DocPair> = accepted
        .iter()
        .map(|&(e, k, score)| DocPair {
            en: sides[EN].input[e as usize],
            ko: sides[KO].input[k as usize],
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
        notes,
    }
}

/// Representatives of distinct texts (the first of each group of identical
/// ones), ascending; a note names the duplicates.
fn distinct(docs: &[Features], name: &str, notes: &mut Vec<String>) -> Vec<usize> {
    // Named one by one up to this many, then counted.
    const LISTED: usize = 10;
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut out = Vec::with_capacity(docs.len());
    let mut copies = 0;
    for (i, d) in docs.iter().enumerate() {
        match first.get(&d.fingerprint) {
            Some(&f) => {
                copies += 1;
                if copies <= LISTED {
                    notes.push(format!(
                        "{name} article {} has the same text as {}; only the first is paired",
                        d.path, docs[f].path
                    ));
                }
            }
            None => {
                first.insert(d.fingerprint, i);
                out.push(i);
            }
        }
    }
    if copies > LISTED {
        notes.push(format!(
            "{} more {name} article(s) repeat the text of an earlier one and are left unpaired",
            copies - LISTED
        ));
    }
    out
}

fn date_notes(docs: &[Features], name: &str, notes: &mut Vec<String>) {
    let undated: Vec<&Features> = docs.iter().filter(|d| d.day.is_none()).collect();
    if undated.is_empty() {
        return;
    }
    let bad = undated.iter().filter(|d| d.bad_date).count();
    let mut list: Vec<&str> = undated.iter().take(3).map(|d| d.path.as_str()).collect();
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

/// The anchors of each article (by input index; empty for duplicates), one
/// per hash, without English names that the collection also writes as a
/// lower-case word.
fn filtered_keys(inputs: [&[Features]; 2], active: &[Vec<usize>; 2]) -> [Vec<Vec<Key>>; 2] {
    let mut lower: Vec<u32> = active[EN]
        .iter()
        .flat_map(|&i| inputs[EN][i].lower.iter().copied())
        .collect();
    lower.par_sort_unstable();
    lower.dedup();
    [EN, KO].map(|s| {
        let mut is_active = vec![false; inputs[s].len()];
        for &i in &active[s] {
            is_active[i] = true;
        }
        inputs[s]
            .par_iter()
            .zip(is_active)
            .map(|(f, on)| {
                if !on {
                    return Vec::new();
                }
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
            })
            .collect()
    })
}

/// Anchors held by both collections, numbered in hash order.
type VocabMap = HashMap<u64, u32>;

fn build_vocab(keys: &[Vec<Vec<Key>>; 2], active: &[Vec<usize>; 2]) -> (VocabMap, Vocab) {
    let mut df: HashMap<u64, (AnchorKind, [u32; 2])> = HashMap::new();
    for s in [EN, KO] {
        for &i in &active[s] {
            for k in &keys[s][i] {
                df.entry(k.0).or_insert((k.1, [0, 0])).1[s] += 1;
            }
        }
    }
    let mut kept: Vec<(u64, AnchorKind, [u32; 2])> = df
        .into_iter()
        .filter(|(_, (_, c))| c[EN] > 0 && c[KO] > 0)
        .map(|(h, (k, c))| (h, k, c))
        .collect();
    kept.sort_unstable_by_key(|x| x.0);
    let map = kept
        .iter()
        .enumerate()
        .map(|(i, x)| (x.0, i as u32))
        .collect();
    let vocab = Vocab {
        kind: kept.iter().map(|x| x.1).collect(),
        df: [
            kept.iter().map(|x| x.2[EN]).collect(),
            kept.iter().map(|x| x.2[KO]).collect(),
        ],
    };
    (map, vocab)
}

fn build_side(docs: &[Features], keys: &[Vec<Key>], active: &[usize], map: &VocabMap) -> Side {
    let mut order: Vec<usize> = active.to_vec();
    order.sort_by_key(|&i| (docs[i].day.unwrap_or(i64::MAX), i));
    let day: Vec<i64> = order
        .iter()
        .map(|&i| docs[i].day.unwrap_or(i64::MAX))
        .collect();
    let undated_from = day.partition_point(|&d| d < i64::MAX);
    let anchors = order
        .par_iter()
        .map(|&i| {
            let mut v: Vec<u32> = keys[i]
                .iter()
                .filter_map(|k| map.get(&k.0).map(|&id| (id << 1) | u32::from(k.2)))
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    let loglen = order
        .iter()
        .map(|&i| (docs[i].chars > 0).then(|| (docs[i].chars as f64).ln()))
        .collect();
    Side {
        input: order,
        day,
        undated_from,
        anchors,
        loglen,
        offsets: Vec::new(),
        postings: Vec::new(),
        in_window: Vec::new(),
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
/// time linear in the anchors (the undated articles of the other side are
/// in every window; an undated article's window is the whole collection).
fn window_counts(sides: &[Side; 2], s: usize, vocab: &Vocab, max_days: i64) -> Vec<Vec<u32>> {
    let (me, other) = (&sides[s], &sides[1 - s]);
    let mut counts = vec![0u32; vocab.kind.len()];
    for a in &other.anchors[other.undated_from..] {
        for &p in a {
            counts[(p >> 1) as usize] += 1;
        }
    }
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
/// side, the articles in its window sharing the most weight of its rarest
/// anchors.
fn candidates(sides: &[Side; 2], vocab: &Vocab, max_days: i64) -> Vec<(u32, u32)> {
    let mut all: Vec<(u32, u32)> = Vec::new();
    for s in [EN, KO] {
        let o = 1 - s;
        let n_other = sides[o].len().max(1) as f64;
        let found: Vec<Vec<(u32, u32)>> = (0..sides[s].len())
            .into_par_iter()
            .map(|r| {
                let mut probes: Vec<u32> = sides[s].anchors[r].iter().map(|p| p >> 1).collect();
                probes.sort_unstable_by_key(|&id| (vocab.df[o][id as usize], id));
                probes.truncate(PROBE_ANCHORS);
                let win = sides[o].window(window_days(&sides[s], r, s, max_days));
                let mut acc: HashMap<u32, f64> = HashMap::new();
                let mut budget = PROBE_BUDGET;
                for id in probes {
                    let post = sides[o].postings(id);
                    let w = (n_other / f64::from(vocab.df[o][id as usize].max(1))).ln() + 1e-3;
                    let runs = win.clone().map(|range| {
                        let a = post.partition_point(|&x| (x as usize) < range.start);
                        let b = post.partition_point(|&x| (x as usize) < range.end);
                        a..b
                    });
                    let hits: usize = runs.iter().map(|r| r.len()).sum();
                    // An anchor most of the window holds finds no one in
                    // particular; skipping it bounds the work per article.
                    if hits > budget {
                        continue;
                    }
                    budget -= hits;
                    for run in runs {
                        for &x in &post[run] {
                            *acc.entry(x).or_insert(0.0) += w;
                        }
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
    let kind = AnchorKind::ALL[(class / 2) % KINDS];
    match (class % 2 == 1, kind) {
        // Most words of an article are translated, not transcribed.
        (false, AnchorKind::Loanword) => 0.03,
        (false, _) => 0.1,
        (true, AnchorKind::Name | AnchorKind::Concept) => 0.5,
        (true, _) => 0.8,
    }
}

fn initial_model(sides: &[Side; 2]) -> Model {
    let lens = |s: usize| -> Vec<f64> { sides[s].loglen.iter().flatten().copied().collect() };
    let (le, lk) = (lens(EN), lens(KO));
    let (me, ve) = mean_var(&le);
    let (mk, vk) = mean_var(&lk);
    let mu = median(&mut le.clone()).unwrap_or(0.0) - median(&mut lk.clone()).unwrap_or(0.0);
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

/// Log-likelihood ratio of a pair and its evidence counts.
fn score_pair(
    sides: &[Side; 2],
    vocab: &Vocab,
    chance: &Chance,
    win: &[Vec<Window>; 2],
    model: &Model,
    e: usize,
    k: usize,
) -> (f64, Counts) {
    let g = &chance.global;
    let (a, b) = (&sides[EN].anchors[e], &sides[KO].anchors[k]);
    let mut c = Counts {
        held: [0; CLASSES],
        shared: [0; CLASSES],
        chance: [0.0; CLASSES],
    };
    let mut llr = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let x = a.get(i).map(|p| p >> 1);
        let y = b.get(j).map(|p| p >> 1);
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                let id = x as usize;
                let kind = vocab.kind[id];
                let (ce, ck) = (class(EN, kind, a[i]), class(KO, kind, b[j]));
                c.held[ce] += 1;
                c.held[ck] += 1;
                c.shared[ce] += 1;
                c.shared[ck] += 1;
                c.chance[ce] += g[KO][id];
                c.chance[ck] += g[EN][id];
                // Evidence each way: the Korean article holding an English
                // anchor, and the English article holding a Korean one. A
                // shared anchor counts once, at the weaker of the two, so
                // that a word one side writes everywhere (`Korea`) is no
                // evidence however rare it is on the other side. Names are
                // read from the English side only.
                let pk = chance.local(KO, x, sides[EN].in_window[e][i], &win[EN][e]);
                let mut gain = carry_over_ratio(model.theta[ce], pk);
                if kind != AnchorKind::Name {
                    let pe = chance.local(EN, x, sides[KO].in_window[k][j], &win[KO][k]);
                    gain = gain.min(carry_over_ratio(model.theta[ck], pe));
                }
                llr += gain;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                let cl = class(EN, vocab.kind[x as usize], a[i]);
                c.held[cl] += 1;
                c.chance[cl] += g[KO][x as usize];
                i += 1;
            }
            (Some(x), None) => {
                let cl = class(EN, vocab.kind[x as usize], a[i]);
                c.held[cl] += 1;
                c.chance[cl] += g[KO][x as usize];
                i += 1;
            }
            (_, Some(y)) => {
                let cl = class(KO, vocab.kind[y as usize], b[j]);
                c.held[cl] += 1;
                c.chance[cl] += g[EN][y as usize];
                j += 1;
            }
            (None, None) => break,
        }
    }
    // Only anchors expected to carry over count when missing (odd classes);
    // a shared anchor is counted on both sides and is never missing.
    for cl in (1..CLASSES).step_by(2) {
        let missing = c.held[cl] - c.shared[cl];
        llr += f64::from(missing) * (1.0 - model.theta[cl]).ln();
    }
    if let (Some(le), Some(lk)) = (sides[EN].loglen[e], sides[KO].loglen[k]) {
        let r = le - lk;
        llr += length_ratio(r, model);
    }
    (llr, c)
}

/// How often anchors occur by chance.
struct Chance {
    /// Document frequency over each whole collection.
    global: [Vec<f64>; 2],
}

/// Log-ratio of finding an anchor on the other side under *translation*
/// (carried over with probability `theta`, else by chance) and under
/// *unrelated* (by chance, probability `p`).
fn carry_over_ratio(theta: f64, p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0);
    ((p + theta * (1.0 - p)) / p).ln()
}

impl Chance {
    fn new(sides: &[Side; 2], vocab: &Vocab) -> Chance {
        let global = [EN, KO].map(|s| {
            let n = sides[s].len().max(1) as f64;
            vocab.df[s]
                .iter()
                .map(|&d| f64::from(d) / n)
                .collect::<Vec<f64>>()
        });
        Chance { global }
    }

    /// Frequency of anchor `id` on side `s` among the articles of `window`
    /// other than the one holding it, shrunk towards the global frequency;
    /// `count` is the number of articles of the window holding it (see
    /// [`window_counts`]). Anchors cluster in time (a running story, the
    /// day's date), so the competitors in the window are what chance must be
    /// measured against.
    fn local(&self, s: usize, id: u32, count: u32, window: &Window) -> f64 {
        const PRIOR_WEIGHT: f64 = 1.0;
        let others = count.saturating_sub(1) as f64;
        let n = window_len(window).saturating_sub(1) as f64;
        (others + PRIOR_WEIGHT * self.global[s][id as usize]) / (n + PRIOR_WEIGHT)
    }
}

fn log_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        hi
    } else {
        hi + (lo - hi).exp().ln_1p()
    }
}

/// One round: score every candidate, turn scores into posteriors, keep the
/// pairs above `min_score` in decreasing order, one partner per article.
/// Returns (English rank, Korean rank, score) sorted by English rank.
fn assign(
    sides: &[Side; 2],
    vocab: &Vocab,
    chance: &Chance,
    edges: &[(u32, u32)],
    win: &[Vec<Window>; 2],
    model: &Model,
    min_score: f64,
) -> Vec<(u32, u32, f64)> {
    let llr: Vec<f64> = edges
        .par_iter()
        .map(|&(e, k)| score_pair(sides, vocab, chance, win, model, e as usize, k as usize).0)
        .collect();
    let prior = |s: usize, r: usize| (model.pi[s] / window_len(&win[s][r]).max(1) as f64).ln();
    let mut lse: [Vec<f64>; 2] = [EN, KO].map(|s| vec![(1.0 - model.pi[s]).ln(); sides[s].len()]);
    for (&(e, k), &l) in edges.iter().zip(&llr) {
        let (e, k) = (e as usize, k as usize);
        lse[EN][e] = log_add(lse[EN][e], prior(EN, e) + l);
        lse[KO][k] = log_add(lse[KO][k], prior(KO, k) + l);
    }
    let mut scored: Vec<(u32, u32, f64)> = edges
        .iter()
        .zip(&llr)
        .map(|(&(e, k), &l)| {
            let (eu, ku) = (e as usize, k as usize);
            let pe = (prior(EN, eu) + l - lse[EN][eu]).exp();
            let pk = (prior(KO, ku) + l - lse[KO][ku]).exp();
            (e, k, pe.min(pk))
        })
        .filter(|x| x.2 >= min_score)
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut used = [vec![false; sides[EN].len()], vec![false; sides[KO].len()]];
    let mut out = Vec::new();
    for (e, k, s) in scored {
        if used[EN][e as usize] || used[KO][k as usize] {
            continue;
        }
        used[EN][e as usize] = true;
        used[KO][k as usize] = true;
        out.push((e, k, s));
    }
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// Re-estimate the model from the pairs kept (hard EM); carry-over rates are
/// posterior means under a Beta prior (see [`prior_theta`]), so a handful of
/// pairs cannot drive a rate to 0 or 1.
fn reestimate(
    sides: &[Side; 2],
    vocab: &Vocab,
    chance: &Chance,
    win: &[Vec<Window>; 2],
    pairs: &[(u32, u32, f64)],
    old: &Model,
) -> Model {
    let mut shared = [0.0f64; CLASSES];
    let mut held = [0.0f64; CLASSES];
    let mut ratios = Vec::new();
    for &(e, k, _) in pairs {
        let (e, k) = (e as usize, k as usize);
        let (_, c) = score_pair(sides, vocab, chance, win, old, e, k);
        for i in 0..CLASSES {
            // Matches expected by chance alone say nothing about carry-over.
            shared[i] += f64::from(c.shared[i]) - c.chance[i];
            held[i] += f64::from(c.held[i]) - c.chance[i];
        }
        if let (Some(le), Some(lk)) = (sides[EN].loglen[e], sides[KO].loglen[k]) {
            ratios.push(le - lk);
        }
    }
    let mut m = old.clone();
    for i in 0..CLASSES {
        let w = THETA_PRIOR_WEIGHT;
        m.theta[i] =
            ((shared[i].max(0.0) + w * prior_theta(i)) / (held[i].max(0.0) + w)).clamp(0.01, 0.95);
    }
    let p = pairs.len() as f64;
    for s in [EN, KO] {
        m.pi[s] = ((p + 1.0) / (sides[s].len() as f64 + 2.0)).clamp(0.01, 0.99);
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

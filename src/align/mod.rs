//! Sentence alignment of an English text with its Korean original.
//!
//! [`align`] finds the most probable sequence of *beads* (groups of 0–3
//! English and 0–3 Korean sentences that translate each other) by dynamic
//! programming, and gives each bead its posterior probability. Every sentence
//! of both sides is in exactly one bead, in order.
//!
//! The evidence (see [`model`](self) for the probabilities):
//!
//! * sentence lengths, with the Korean/English length ratio and its spread
//!   estimated for the document pair;
//! * tokens that survive translation: numbers compared by value across Korean
//!   units and English scale words (1억1천만 = 110 million), Latin-script
//!   words and acronyms inside Korean, names and loanwords compared by sound
//!   ([`crate::translit`]);
//! * a built-in Korean–English news glossary, and translation probabilities
//!   learned from the document pair itself (IBM Model 1 over a first
//!   alignment, then a second alignment).
//!
//! Time and memory grow linearly with the length of the documents: long
//! inputs are searched in a band around a path through confident anchors
//! (words that occur once on each side), widened when the best path runs
//! along its edge.
//!
//! ```
//! use bitext::align::{align, AlignOptions};
//! let en = ["The government raised the budget by 5 percent.", "Exports rose in May."];
//! let ko = ["정부는 예산을 5% 늘렸다.", "5월 수출이 증가했다."];
//! let beads = align(&en, &ko, &AlignOptions::default());
//! assert_eq!(beads.len(), 2);
//! assert_eq!((beads[0].en.clone(), beads[0].ko.clone()), (0..1, 0..1));
//! assert!(beads[1].score > 0.5);
//! ```

mod dp;
mod features;
mod generic;
mod glossary;
mod lexicon;
mod model;
mod profile;
mod text;

pub use profile::Profile;

pub(crate) use glossary::concepts as glossary_concepts;

use dp::{Band, Lattice, Viterbi, NTYPES, TYPES};
use features::{Feat, FxMap, Vocab};
use model::{Params, Prepared};
use std::ops::Range;

/// A group of English sentences aligned to a group of Korean sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    /// English sentence indices (empty for a Korean sentence with no translation).
    pub en: Range<usize>,
    /// Korean sentence indices (empty for an English sentence with no original).
    pub ko: Range<usize>,
    /// Posterior probability of the bead in [0, 1]: low for a forced or doubtful link.
    pub score: f64,
}

impl Bead {
    /// The bead's shape, English count first: `1-1`, `2-1`, `0-1`, ….
    pub fn kind(&self) -> String {
        format!("{}-{}", self.en.len(), self.ko.len())
    }

    /// True when one side is empty (a sentence without counterpart).
    pub fn is_null(&self) -> bool {
        self.en.is_empty() || self.ko.is_empty()
    }
}

/// Options of [`align`].
#[derive(Clone, Debug)]
pub struct AlignOptions {
    /// Learn translation probabilities from the first alignment and use them
    /// in the second (better on long documents). Default: true. The second
    /// pass, with the model re-estimated, runs either way.
    pub realign: bool,
    /// Use the built-in Korean–English glossary. Default: true.
    pub glossary: bool,
    /// Documents with at most this many lattice points are searched
    /// exhaustively; longer ones in a band. Default: 250,000.
    pub full_search_cells: usize,
    /// Initial half-width (in sentences) of the first search's band around
    /// the anchor line, doubled while the best path runs along its edge; the
    /// second search, around the first path, starts at half of it (at least
    /// 4). Default: 8.
    pub band: usize,
    /// What is known of the language pair (see [`Profile`]). Default:
    /// English–Korean.
    pub profile: Profile,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            realign: true,
            glossary: true,
            full_search_cells: 250_000,
            band: 8,
            profile: Profile::EnKo,
        }
    }
}

/// Align English sentences `en` with Korean sentences `ko`.
///
/// Returns beads in order, covering both sides exactly once. Pure and
/// thread-safe: documents can be aligned in parallel.
pub fn align(en: &[&str], ko: &[&str], opts: &AlignOptions) -> Vec<Bead> {
    let (n, m) = (en.len(), ko.len());
    if n == 0 || m == 0 {
        // Nothing to link: every sentence stands alone, with certainty.
        return (0..n)
            .map(|i| Bead {
                en: i..i + 1,
                ko: 0..0,
                score: 1.0,
            })
            .chain((0..m).map(|j| Bead {
                en: n..n,
                ko: j..j + 1,
                score: 1.0,
            }))
            .collect();
    }
    let learned = opts.profile == Profile::Learned;
    let gl = glossary::get();
    let no_glossary = glossary::Glossary::empty();
    let g = if opts.glossary && !learned {
        gl
    } else {
        &no_glossary
    };
    let mut vocab = Vocab::new(&g.base);
    let mut build = |s: &&str, second: bool| {
        if learned {
            generic::build(s, second, &mut vocab)
        } else {
            features::build(s, second, g, &mut vocab)
        }
    };
    let mut fe: Vec<Feat> = en.iter().map(|s| build(s, false)).collect();
    let mut fk: Vec<Feat> = ko.iter().map(|s| build(s, true)).collect();
    features::frequent(&mut fe, &mut fk);

    let mut params = Params::initial(&fe, &fk);
    let full = (n + 1).saturating_mul(m + 1) <= opts.full_search_cells;
    let centre = if full {
        Vec::new()
    } else {
        anchor_centre(&fe, &fk)
    };
    let none = [vec![0.0; n], vec![0.0; m]];
    let (_, path) = search(
        &fe,
        &fk,
        &params,
        &none,
        full,
        &centre,
        opts.band.max(4),
        false,
    );
    params.reestimate(&fe, &fk, &path);

    // Without a profile the lexicon is all the word evidence there is: it
    // is learned again from the better alignment it gave.
    let rounds = if learned { 2 } else { 1 };
    let mut path = path;
    // The features before any lexicon, when it is learned more than once.
    let plain = (opts.realign && rounds > 1).then(|| fk.clone());
    for round in 0..rounds {
        if opts.realign {
            let beads: Vec<(Range<usize>, Range<usize>)> = path
                .iter()
                .filter(|&&(t, _, _)| TYPES[t].0 > 0 && TYPES[t].1 > 0)
                .map(|&(t, i, j)| (i..i + TYPES[t].0, j..j + TYPES[t].1))
                .collect();
            let links = lexicon::learn(&fe, plain.as_deref().unwrap_or(&fk), &beads);
            if let Some(plain) = &plain {
                fk.clone_from(plain);
            }
            lexicon::apply(&mut fk, &links);
            features::frequent(&mut fe, &mut fk);
        }
        if round + 1 < rounds {
            let centre = path_centre(n, m, &path);
            let support = support(&fe, &fk, &params, &path);
            path = search(
                &fe,
                &fk,
                &params,
                &support,
                full,
                &centre,
                (opts.band / 2).max(4),
                false,
            )
            .1;
            params.reestimate(&fe, &fk, &path);
        }
    }
    // Last pass: re-estimated model, in a corridor around the previous path.
    let centre = path_centre(n, m, &path);
    let support = support(&fe, &fk, &params, &path);
    let (lattice, path) = search(
        &fe,
        &fk,
        &params,
        &support,
        full,
        &centre,
        (opts.band / 2).max(4),
        true,
    );
    let (fwd, bwd) = lattice.forward_backward();
    let beads = path
        .iter()
        .map(|&(t, i, j)| {
            let (de, dk) = TYPES[t];
            Bead {
                en: i..i + de,
                ko: j..j + dk,
                score: lattice.posterior(&fwd, &bwd, t, i, j),
            }
        })
        .collect();
    absorb_nulls(&fe, &fk, &params, &support, beads)
}

/// Most sentences on one side of a bead that [`absorb_nulls`] makes.
const MAX_BEAD: usize = 6;

/// A sentence the search left alone may belong to a bead of a shape it
/// does not consider: an English sentence translated by four Korean ones,
/// two by three. Each sentence left alone is joined to the neighbouring
/// bead when the joined bead explains the text better than the bead and
/// the lone sentence apart (same scores as the search, see
/// [`bead_score`]); its score is then the smaller of the neighbour's
/// posterior and the odds of the join.
fn absorb_nulls(
    fe: &[Feat],
    fk: &[Feat],
    params: &Params,
    support: &[Vec<f64>; 2],
    beads: Vec<Bead>,
) -> Vec<Bead> {
    let score = |b: &Bead| bead_score(fe, fk, params, support, &b.en, &b.ko);
    let join = |a: &Bead, b: &Bead| Bead {
        en: a.en.start.min(b.en.start)..a.en.end.max(b.en.end),
        ko: a.ko.start.min(b.ko.start)..a.ko.end.max(b.ko.end),
        score: a.score,
    };
    let fits = |b: &Bead| b.en.len() <= MAX_BEAD && b.ko.len() <= MAX_BEAD;
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut rest = beads.into_iter().peekable();
    while let Some(bead) = rest.next() {
        if !bead.is_null() {
            out.push(bead);
            continue;
        }
        let alone = score(&bead);
        let gain = |nb: &Bead| {
            let joined = join(nb, &bead);
            (!nb.is_null() && fits(&joined))
                .then(|| score(&joined) - score(nb) - alone)
                .filter(|g| *g > 0.0)
        };
        let before = out.last().and_then(gain);
        let after = rest.peek().and_then(gain);
        let odds = |g: f64| 1.0 / (1.0 + (-g).exp());
        match (before, after) {
            (Some(g), a) if a.is_none_or(|a| g >= a) => {
                if let Some(last) = out.last_mut() {
                    let joined = join(last, &bead);
                    *last = Bead {
                        score: last.score.min(odds(g)),
                        ..joined
                    };
                }
            }
            (_, Some(g)) => {
                if let Some(next) = rest.next() {
                    let joined = join(&next, &bead);
                    // The joined bead may take the next lone sentence too.
                    let merged = Bead {
                        score: next.score.min(odds(g)),
                        ..joined
                    };
                    out.push(merged);
                }
            }
            _ => out.push(bead),
        }
    }
    out
}

/// Log prior of a bead of `de` English and `dk` Korean sentences: the
/// estimated prior of its shape, or for a shape the search does not
/// consider, that of the largest shape inside it plus, for each further
/// sentence, what a bead's third sentence costs over its second.
fn shape_prior(params: &Params, de: usize, dk: usize) -> f64 {
    let lp = |shape: (usize, usize)| {
        TYPES
            .iter()
            .position(|&s| s == shape)
            .map_or(f64::NEG_INFINITY, |t| params.log_prior[t])
    };
    if TYPES.contains(&(de, dk)) {
        return lp((de, dk));
    }
    let step = 0.5 * ((lp((1, 3)) - lp((1, 2))) + (lp((3, 1)) - lp((2, 1))));
    let inner = TYPES
        .iter()
        .filter(|&&(a, b)| a >= 1 && b >= 1 && a <= de && b <= dk)
        .max_by(|&&x, &&y| (x.0 + x.1).cmp(&(y.0 + y.1)).then(lp(x).total_cmp(&lp(y))));
    match inner {
        Some(&(a, b)) => lp((a, b)) + (de + dk - a - b) as f64 * step,
        None => f64::NEG_INFINITY,
    }
}

/// The score the search gives a bead (prior, length and token evidence),
/// for a bead of any shape.
fn bead_score(
    fe: &[Feat],
    fk: &[Feat],
    params: &Params,
    support: &[Vec<f64>; 2],
    en: &Range<usize>,
    ko: &Range<usize>,
) -> f64 {
    let prior = shape_prior(params, en.len(), ko.len());
    match (en.is_empty(), ko.is_empty()) {
        (true, true) => return 0.0,
        (true, false) => return prior - NULL_SUPPORT * support[1][ko.start],
        (false, true) => return prior - NULL_SUPPORT * support[0][en.start],
        _ => {}
    }
    let (Some(es), Some(ks)) = (fe.get(en.clone()), fk.get(ko.clone())) else {
        return f64::NEG_INFINITY;
    };
    let union = |fs: &[Feat]| {
        let mut concepts: Vec<(u32, u64)> = fs
            .iter()
            .flat_map(|f| f.concepts.iter().map(|&(c, _)| (c, 1)))
            .collect();
        concepts.sort_unstable();
        concepts.dedup();
        Feat {
            concepts,
            ..Feat::default()
        }
    };
    let (ue, uk) = (union(es), union(ks));
    let mut ll = 0.0;
    for f in es {
        let (me, _) = features::matches(f, &uk);
        ll += params.prepared_llr(&params.prepare(0, f), me, ks.len());
    }
    for f in ks {
        let (_, mk) = features::matches(&ue, f);
        ll += params.prepared_llr(&params.prepare(1, f), mk, es.len());
    }
    let len = |fs: &[Feat]| f64::from(fs.iter().map(|f| f.len).sum::<u32>()).ln_1p();
    let r = len(ks) - params.alpha - params.beta * len(es);
    prior + params.length_llr_residual(r) + 0.5 * ll
}

/// Whether `first` and `second` sentences are implausible as a text and its
/// translation: when one side has more than three times the sentences of
/// the other, no alignment of beads of at most three sentences a side links
/// them all, and the links found are guesses. Returns a message saying so.
///
/// ```
/// assert!(bitext::align::implausible_counts(120, 100).is_none());
/// assert!(bitext::align::implausible_counts(100_000, 10).is_some());
/// ```
pub fn implausible_counts(first: usize, second: usize) -> Option<String> {
    let (lo, hi) = (first.min(second), first.max(second));
    (lo > 0 && hi > 3 * lo).then(|| {
        format!(
            "{first} sentences against {second}: more than three to one is implausible for a translation; the links and their scores are unreliable"
        )
    })
}

/// Viterbi in the full lattice, or in a band around `centre` that is
/// widened while the best path runs along its edge. The lattice keeps its
/// bead scores only when `keep` (for posteriors).
#[allow(clippy::too_many_arguments)]
fn search(
    fe: &[Feat],
    fk: &[Feat],
    params: &Params,
    support: &[Vec<f64>; 2],
    full: bool,
    centre: &[(usize, usize)],
    mut w: usize,
    keep: bool,
) -> (Lattice, Vec<(usize, usize, usize)>) {
    let (n, m) = (fe.len(), fk.len());
    let mut last: Option<f64> = None;
    loop {
        let band = if full {
            Band::full(n, m)
        } else {
            Band::around(n, m, centre, w)
        };
        let (lattice, path, score) = score_band(fe, fk, params, support, band, keep);
        let touches = !full
            && path
                .iter()
                .any(|&(_, i, j)| lattice.band.on_inner_edge(i, j));
        // Widening pays only while it finds a better path. Where nothing
        // tells places apart (repeated lines), a best path runs along any
        // edge, and widening up to the whole lattice would only find ties:
        // one widening that gains nothing ends the search.
        let improved = last.is_none_or(|s| score > s + 1e-9 * s.abs().max(1.0));
        // Give up widening once the band is as wide as the lattice.
        if !touches || !improved || w >= n.max(m) {
            return (lattice, path);
        }
        last = Some(score);
        w *= 2;
    }
}

/// One row of per-pair values over a column range, in a ring of rows.
#[derive(Clone, Default)]
struct RingRow<T> {
    lo: usize,
    cells: Vec<T>,
}

impl<T: Copy + Default> RingRow<T> {
    fn reset(&mut self, lo: usize, len: usize) {
        self.lo = lo;
        self.cells.clear();
        self.cells.resize(len, T::default());
    }

    #[inline]
    fn get(&self, b: usize) -> Option<T> {
        b.checked_sub(self.lo)
            .and_then(|x| self.cells.get(x))
            .copied()
    }
}

/// Rows kept of the pair matches and of the token terms: a bead spans at
/// most three rows.
const RING: usize = 4;

/// Score every bead in `band`, row by row. The token evidence of a bead is
/// a sum over its sentences, and each term depends on one sentence and the
/// other side's sentences of the bead only: English sentence a against
/// Korean b..b+dk, Korean b against English a..a+de. Each term is computed
/// once per sentence pair (from the pair's shared concepts, found through
/// the postings) and shared by the bead shapes that contain it. Only the
/// last few rows of pairs and terms are kept. Returns the lattice (with its
/// scores when `keep`), its best path and that path's score.
fn score_band(
    fe: &[Feat],
    fk: &[Feat],
    params: &Params,
    support: &[Vec<f64>; 2],
    band: Band,
    keep: bool,
) -> (Lattice, Vec<(usize, usize, usize)>, f64) {
    let (n, m) = (fe.len(), fk.len());
    // Every sentence pair inside a bead of the band (see `Band::pairs`);
    // terms that would reach outside it belong to no bead and stay zero.
    let grid = band.pairs();
    let columns = |a: usize| {
        let row = grid.row(a);
        (*row.start(), (*row.end()).min(m.saturating_sub(1)))
    };
    let mut postings = Postings::new(fk);
    let mut pairs: [RingRow<(u64, u64)>; RING] = Default::default();
    let mut terms: [RingRow<([f32; 3], [f32; 3])>; RING] = Default::default();
    // Only the concepts two sentences share matter: walk each English
    // concept's occurrences among the Korean sentences of the row, rather
    // than comparing every pair of sentences of the row.
    let mut fill_pairs = |a: usize, row: &mut RingRow<(u64, u64)>| {
        let (lo, hi) = columns(a);
        row.reset(lo, (hi + 1).saturating_sub(lo));
        for &(c, me) in &fe[a].concepts {
            for &(b, mk) in postings.within(c, lo, hi) {
                if let Some(cell) = row.cells.get_mut(b as usize - lo) {
                    cell.0 |= me;
                    cell.1 |= mk;
                }
            }
        }
    };
    let prep_e: Vec<Prepared> = fe.iter().map(|f| params.prepare(0, f)).collect();
    let prep_k: Vec<Prepared> = fk.iter().map(|f| params.prepare(1, f)).collect();
    let fill_terms =
        |a: usize, pairs: &[RingRow<(u64, u64)>; RING], row: &mut RingRow<([f32; 3], [f32; 3])>| {
            let (lo, hi) = columns(a);
            row.reset(lo, (hi + 1).saturating_sub(lo));
            let own = &pairs[a % RING];
            for (x, (et, kt)) in row.cells.iter_mut().enumerate() {
                let b = lo + x;
                // English a against Korean b, b+1, b+2.
                let mut cover = 0u64;
                for (d, o) in et.iter_mut().enumerate() {
                    let Some((me, _)) = own.get(b + d) else { break };
                    cover |= me;
                    *o = params.prepared_llr(&prep_e[a], cover, d + 1) as f32;
                }
                // Korean b against English a, a+1, a+2.
                let mut cover = 0u64;
                for (d, o) in kt.iter_mut().enumerate() {
                    let Some((_, mk)) = (a + d < n).then(|| pairs[(a + d) % RING].get(b)).flatten()
                    else {
                        break;
                    };
                    cover |= mk;
                    *o = params.prepared_llr(&prep_k[b], cover, d + 1) as f32;
                }
            }
        };
    // The length model compares y with alpha + beta x: the English side of
    // that is computed once per span.
    let span_e: Vec<[f64; 3]> = span_lengths(fe)
        .into_iter()
        .map(|x| x.map(|x| params.alpha + params.beta * x))
        .collect();
    let span_k = span_lengths(fk);
    let mut viterbi = Viterbi::new(&band);
    let mut scores: Vec<[f32; NTYPES]> = Vec::new();
    let mut kept = Vec::with_capacity(if keep { band.cells() } else { 0 });
    if n > 0 {
        fill_pairs(0, &mut pairs[0]);
    }
    for i in 0..=n {
        // Beads ending in row i start in rows i-3..=i and need the terms
        // of rows i-3..i, which need the pairs of rows up to i+1.
        if i + 1 < n {
            fill_pairs(i + 1, &mut pairs[(i + 1) % RING]);
        }
        if let Some(a) = i.checked_sub(1) {
            let mut row = std::mem::take(&mut terms[a % RING]);
            fill_terms(a, &pairs, &mut row);
            terms[a % RING] = row;
        }
        let term = |a: usize, b: usize| terms[a % RING].get(b).unwrap_or_default();
        let cols = band.row(i);
        let (lo, hi) = (*cols.start(), *cols.end());
        scores.clear();
        scores.resize(hi + 1 - lo, [f32::NEG_INFINITY; NTYPES]);
        for (t, &(de, dk)) in TYPES.iter().enumerate() {
            // The bead ends at (i, j) and starts inside the band, at
            // (i - de, j - dk): j runs over an interval.
            let Some(i0) = i.checked_sub(de) else {
                continue;
            };
            let from = band.row(i0);
            let (first, last) = (lo.max(from.start() + dk), hi.min(from.end() + dk));
            let prior = params.log_prior[t];
            for j in first..=last {
                let j0 = j - dk;
                let s = if de == 0 {
                    prior - NULL_SUPPORT * support[1][j0]
                } else if dk == 0 {
                    prior - NULL_SUPPORT * support[0][i0]
                } else {
                    let ll: f32 = (i0..i).map(|a| term(a, j0).0[dk - 1]).sum::<f32>()
                        + (j0..j).map(|b| term(i0, b).1[de - 1]).sum::<f32>();
                    // Both sides see the same links: average their evidence.
                    prior
                        + params.length_llr_residual(span_k[j0][dk - 1] - span_e[i0][de - 1])
                        + 0.5 * f64::from(ll)
                };
                scores[j - lo][t] = s as f32;
            }
        }
        viterbi.push_row(&band, i, &scores);
        if keep {
            kept.extend_from_slice(&scores);
        }
    }
    let path = viterbi.path(&band);
    let best = viterbi.score(&band);
    (Lattice { band, score: kept }, path, best)
}

/// The sentences each concept occurs in, with the token positions that
/// carry it: (sentence, mask) runs per concept, in sentence order.
struct Postings {
    start: Vec<u32>,
    entries: Vec<(u32, u64)>,
    /// Per concept, the first entry not before the last query's range: the
    /// band's rows move right, so each list is walked once in all.
    cursor: Vec<u32>,
}

impl Postings {
    fn new(feats: &[Feat]) -> Postings {
        let top = feats
            .iter()
            .filter_map(|f| f.concepts.last())
            .map(|&(c, _)| c as usize + 1)
            .max()
            .unwrap_or(0);
        let mut start = vec![0u32; top + 1];
        for f in feats {
            for &(c, _) in &f.concepts {
                start[c as usize + 1] += 1;
            }
        }
        for c in 0..top {
            start[c + 1] += start[c];
        }
        let mut fill: Vec<u32> = start[..top].to_vec();
        let mut entries = vec![(0u32, 0u64); start[top] as usize];
        for (s, f) in feats.iter().enumerate() {
            for &(c, mask) in &f.concepts {
                let slot = &mut fill[c as usize];
                entries[*slot as usize] = (s as u32, mask);
                *slot += 1;
            }
        }
        let cursor = start.clone();
        Postings {
            start,
            entries,
            cursor,
        }
    }

    /// Whether concept `c` occurs in sentences `lo..=hi` (same order of
    /// queries as [`Postings::within`]).
    fn any_within(&mut self, c: u32, lo: usize, hi: usize) -> bool {
        self.within_start(c, lo)
            .is_some_and(|first| self.entries[first].0 as usize <= hi)
    }

    /// Moves the cursor of concept `c` to its first occurrence in sentence
    /// `lo` or later, and returns it (`None` past the last).
    fn within_start(&mut self, c: u32, lo: usize) -> Option<usize> {
        let c = c as usize;
        let (Some(&to), Some(cur)) = (self.start.get(c + 1), self.cursor.get_mut(c)) else {
            return None;
        };
        let to = to as usize;
        let mut first = *cur as usize;
        while first < to && (self.entries[first].0 as usize) < lo {
            first += 1;
        }
        *cur = first as u32;
        (first < to).then_some(first)
    }

    /// Occurrences of concept `c` in sentences `lo..=hi`. Successive queries
    /// of a concept must not move `lo` left.
    fn within(&mut self, c: u32, lo: usize, hi: usize) -> &[(u32, u64)] {
        let Some(first) = self.within_start(c, lo) else {
            return &[];
        };
        let to = self.start[c as usize + 1] as usize;
        let mut last = first;
        while last < to && self.entries[last].0 as usize <= hi {
            last += 1;
        }
        &self.entries[first..last]
    }
}

/// Weight of a sentence's support around its place in the score of leaving
/// it unaligned. A bead's token evidence averages the two sides' views of
/// the same links; a sentence's support is a single view.
const NULL_SUPPORT: f64 = 1.0;

/// For each sentence of both sides, [`Params::support_llr`] of its matches
/// against the sentences of the other side around its place on `path`.
fn support(
    fe: &[Feat],
    fk: &[Feat],
    params: &Params,
    path: &[(usize, usize, usize)],
) -> [Vec<f64>; 2] {
    let (n, m) = (fe.len(), fk.len());
    // Place of each sentence on the other side: where its bead starts there.
    let mut place_e = vec![0usize; n];
    let mut place_k = vec![0usize; m];
    for &(t, i, j) in path {
        let (de, dk) = TYPES[t];
        place_e[i..i + de].iter_mut().for_each(|p| *p = j);
        place_k[j..j + dk].iter_mut().for_each(|p| *p = i);
    }
    let half = model::WINDOW / 2;
    let window = |place: usize, len: usize| {
        let start = place
            .saturating_sub(half)
            .min(len.saturating_sub(model::WINDOW));
        start..(start + model::WINDOW).min(len)
    };
    // The windows move forward with the path: each concept's postings are
    // walked once.
    let supported = |feats: &[Feat], other: &[Feat], place: &[usize], side: usize| {
        let mut postings = Postings::new(other);
        feats
            .iter()
            .zip(place)
            .map(|(f, &p)| {
                let w = window(p, other.len());
                let mut mask = 0u64;
                if let Some(last) = w.end.checked_sub(1) {
                    for &(c, bits) in &f.concepts {
                        if postings.any_within(c, w.start, last) {
                            mask |= bits;
                        }
                    }
                }
                params.support_llr(side, f, mask)
            })
            .collect()
    };
    [
        supported(fe, fk, &place_e, 0),
        supported(fk, fe, &place_k, 1),
    ]
}

/// ln(1 + characters) of the spans of 1, 2 and 3 sentences starting at each
/// sentence (computed once: the bead scores need them millions of times).
fn span_lengths(f: &[Feat]) -> Vec<[f64; 3]> {
    (0..f.len())
        .map(|i| {
            let mut total = 0u32;
            let mut out = [0.0; 3];
            for (d, o) in out.iter_mut().enumerate() {
                total += f.get(i + d).map_or(0, |x| x.len);
                *o = f64::from(total).ln_1p();
            }
            out
        })
        .collect()
}

/// The centre line of the first search: a monotone chain of anchor pairs
/// (concepts found in exactly one sentence on each side), the longest such
/// chain, interpolated linearly between anchors.
fn anchor_centre(fe: &[Feat], fk: &[Feat]) -> Vec<(usize, usize)> {
    let (n, m) = (fe.len(), fk.len());
    // concept -> (count, sentence) per side
    let mut seen: FxMap<u32, [(u32, usize); 2]> = FxMap::default();
    for (side, feats) in [fe, fk].into_iter().enumerate() {
        for (s, f) in feats.iter().enumerate() {
            for &(c, _) in &f.concepts {
                let e = seen.entry(c).or_insert([(0, 0); 2]);
                if e[side].0 == 0 || e[side].1 != s {
                    e[side].0 += 1;
                    e[side].1 = s;
                }
            }
        }
    }
    let mut points: Vec<(usize, usize)> = seen
        .values()
        .filter(|v| v[0].0 == 1 && v[1].0 == 1)
        .map(|v| (v[0].1, v[1].1))
        .collect();
    points.sort_unstable();
    points.dedup();
    let chain = longest_chain(&points);
    let mut knots: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    knots.extend(chain.iter().map(|&(a, b)| (a as f64 + 0.5, b as f64 + 0.5)));
    knots.push((n as f64, m as f64));
    interpolate(n, m, &knots)
}

/// The longest chain of points increasing in both coordinates (patience
/// sorting, O(k log k)).
fn longest_chain(points: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Sort by a ascending, b descending, so equal a never chain.
    let mut pts = points.to_vec();
    pts.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut tails: Vec<usize> = Vec::new(); // index into pts of the tail of each length
    let mut prev: Vec<Option<usize>> = vec![None; pts.len()];
    for (k, &(_, b)) in pts.iter().enumerate() {
        let pos = tails.partition_point(|&t| pts[t].1 < b);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        chain.push(pts[k]);
        cur = prev[k];
    }
    chain.reverse();
    chain
}

/// Column interval crossed in each row by the polyline through `knots`.
fn interpolate(n: usize, m: usize, knots: &[(f64, f64)]) -> Vec<(usize, usize)> {
    let at = |x: f64| -> f64 {
        let k = knots.partition_point(|p| p.0 <= x);
        let (x0, y0) = knots[k.saturating_sub(1).min(knots.len() - 1)];
        let (x1, y1) = knots[k.min(knots.len() - 1)];
        if x1 > x0 {
            y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        } else {
            y1
        }
    };
    (0..=n)
        .map(|i| {
            let a = at(i as f64);
            let b = at((i + 1).min(n) as f64);
            let lo = a.min(b).floor().max(0.0) as usize;
            let hi = (a.max(b).ceil() as usize).min(m);
            (lo.min(hi), hi)
        })
        .collect()
}

/// Column interval visited in each row by an alignment path.
fn path_centre(n: usize, m: usize, path: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
    let mut centre = vec![(usize::MAX, 0usize); n + 1];
    let mut visit = |i: usize, j: usize| {
        let c = &mut centre[i.min(n)];
        c.0 = c.0.min(j);
        c.1 = c.1.max(j);
    };
    visit(0, 0);
    for &(t, i, j) in path {
        let (de, dk) = TYPES[t];
        for r in i..=i + de {
            visit(r, j);
            visit(r, j + dk);
        }
    }
    visit(n, m);
    // Rows the path never touched (cannot happen for a full path) follow the diagonal.
    for (i, c) in centre.iter_mut().enumerate() {
        if c.0 == usize::MAX {
            let d = i * m / n.max(1);
            *c = (d, d);
        }
    }
    centre
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(beads: &[Bead], n: usize, m: usize) -> bool {
        let (mut e, mut k) = (0, 0);
        for b in beads {
            if b.en.start != e || b.ko.start != k || (b.en.is_empty() && b.ko.is_empty()) {
                return false;
            }
            e = b.en.end;
            k = b.ko.end;
        }
        e == n && k == m
    }

    #[test]
    fn empty_sides_give_null_beads() {
        let beads = align(&["One.", "Two."], &[], &AlignOptions::default());
        assert_eq!(beads.len(), 2);
        assert!(beads.iter().all(|b| b.is_null() && b.score == 1.0));
        assert!(align(&[], &[], &AlignOptions::default()).is_empty());
    }

    #[test]
    fn parallel_text_aligns_one_to_one() {
        let en = [
            "The president visited Japan on Monday.",
            "He met the prime minister in Tokyo.",
            "They agreed to expand trade by 20 percent.",
            "Exports of semiconductors rose sharply last year.",
        ];
        let ko = [
            "대통령은 월요일 일본을 방문했다.",
            "그는 도쿄에서 총리를 만났다.",
            "두 정상은 무역을 20% 확대하기로 합의했다.",
            "지난해 반도체 수출이 급증했다.",
        ];
        let beads = align(&en, &ko, &AlignOptions::default());
        assert_eq!(beads.len(), 4);
        assert!(beads.iter().all(|b| b.kind() == "1-1"));
        assert!(covers(&beads, 4, 4));
    }

    #[test]
    fn a_merged_sentence_becomes_a_two_to_one_bead() {
        let en = [
            "The central bank kept interest rates at 3.5 percent.",
            "Inflation slowed to 2.1 percent in March.",
            "Analysts expect a cut next year.",
        ];
        let ko = [
            "중앙은행은 금리를 3.5%로 유지했다. 3월 물가 상승률은 2.1%로 둔화했다.",
            "전문가들은 내년 금리 인하를 예상한다.",
        ];
        let beads = align(&en, &ko, &AlignOptions::default());
        assert_eq!(beads[0].en, 0..2);
        assert_eq!(beads[0].ko, 0..1);
        assert!(covers(&beads, 3, 2));
    }

    #[test]
    fn an_unrelated_inserted_sentence_is_left_alone() {
        let en = [
            "Samsung Electronics reported an operating profit of 10.4 trillion won.",
            "The company sold 58 million smartphones in the quarter.",
            "The weather in Busan was sunny and warm on the weekend.",
            "Chip sales rose 12 percent from a year earlier.",
        ];
        let ko = [
            "삼성전자는 10조4천억 원의 영업이익을 냈다고 발표했다.",
            "이 회사는 분기에 스마트폰 5800만 대를 판매했다.",
            "반도체 매출은 1년 전보다 12% 증가했다.",
        ];
        let beads = align(&en, &ko, &AlignOptions::default());
        assert!(covers(&beads, 4, 3));
        assert!(
            beads.iter().any(|b| b.en == (2..3) && b.ko.is_empty()),
            "{beads:?}"
        );
    }

    #[test]
    fn repeated_lines_with_a_missing_tail_keep_every_sentence() {
        let en: Vec<&str> = (0..400)
            .map(|i| {
                [
                    "The committee met on Monday.",
                    "Officials approved the plan.",
                ][i % 2]
            })
            .collect();
        let ko: Vec<&str> = (0..390)
            .map(|i| {
                [
                    "위원회는 월요일 회의를 열었다.",
                    "관계자들은 계획을 승인했다.",
                ][i % 2]
            })
            .collect();
        let banded = AlignOptions {
            full_search_cells: 0,
            ..AlignOptions::default()
        };
        let beads = align(&en, &ko, &banded);
        assert!(covers(&beads, 400, 390));
        let linked = beads.iter().filter(|b| !b.is_null()).count();
        assert!(linked >= 380, "{linked}");
    }

    #[test]
    fn shapes_beyond_the_search_cost_more_per_sentence() {
        let f = |len| Feat {
            len,
            ..Feat::default()
        };
        let fe: Vec<Feat> = (0..20).map(|i| f(50 + i)).collect();
        let fk: Vec<Feat> = (0..20).map(|i| f(25 + i)).collect();
        let p = Params::initial(&fe, &fk);
        let (a, b, c) = (
            shape_prior(&p, 1, 3),
            shape_prior(&p, 1, 4),
            shape_prior(&p, 1, 5),
        );
        assert!(a > b && b > c && c.is_finite(), "{a} {b} {c}");
        assert!((shape_prior(&p, 2, 3) - shape_prior(&p, 3, 2)).abs() < 1e-9);
        assert_eq!(shape_prior(&p, 1, 1), p.log_prior[0]);
    }

    #[test]
    fn sentence_counts_far_apart_are_implausible() {
        assert!(implausible_counts(30, 10).is_none());
        assert!(implausible_counts(31, 10).is_some());
        assert!(implausible_counts(10, 100_000).is_some());
        // A side without sentences is reported elsewhere.
        assert!(implausible_counts(0, 5).is_none());
    }

    #[test]
    fn longest_chain_skips_crossing_points() {
        let pts = [(0, 0), (1, 5), (2, 2), (3, 3), (4, 1), (5, 6)];
        assert_eq!(longest_chain(&pts), vec![(0, 0), (2, 2), (3, 3), (5, 6)]);
    }

    #[test]
    fn banded_search_matches_full_search_on_a_long_document() {
        let en: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "Item {i} of the report covers {} cases in region {}.",
                    i * 7 + 1,
                    i % 13
                )
            })
            .collect();
        let ko: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "보고서의 {i}번 항목은 {}개 지역의 {}건을 다룬다.",
                    i % 13,
                    i * 7 + 1
                )
            })
            .collect();
        let e: Vec<&str> = en.iter().map(String::as_str).collect();
        let k: Vec<&str> = ko.iter().map(String::as_str).collect();
        let banded = AlignOptions {
            full_search_cells: 0,
            band: 8,
            ..AlignOptions::default()
        };
        let a = align(&e, &k, &banded);
        let b = align(&e, &k, &AlignOptions::default());
        assert!(covers(&a, 300, 300));
        let same = a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x.en == y.en && x.ko == y.ko)
            .count();
        assert!(same >= 295, "{same}");
    }
}

//! The probability model behind a bead's score, and its estimation from the
//! document pair being aligned.
//!
//! A bead's score is a log-likelihood ratio: how much more probable its
//! sentences are as translations of each other than as unrelated text, plus
//! the log prior of its shape. Null beads (1-0, 0-1) score their prior only,
//! so a sentence is left out exactly when linking it explains the data worse.
//!
//! * Length: y = ln(1 + Korean characters) is Gaussian around α + β·x, with
//!   x = ln(1 + English characters) and a wide component for loose
//!   translations; against it, an unrelated pair has the spread of the
//!   sentence lengths themselves.
//! * Tokens: each English content token is matched (shares a concept with the
//!   Korean side) with probability p for a translation and q for unrelated
//!   text, per token class (numbers, names, words); likewise for Korean
//!   tokens. The two sides see the same links, so their sum is halved.
//!
//! Every parameter starts from a prior and is re-estimated from the first
//! alignment of the document pair, shrunk towards the prior in proportion to
//! the evidence.

use super::dp::{NTYPES, TYPES};
use super::features::{matches, Feat, CLASSES};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Prior probability of each bead shape (same order as [`TYPES`]): most
/// beads are 1-1; merges and splits are more common than 3-1, and 2-2 is
/// rarest (two sentences whose content crosses the boundary are usually two
/// 1-1 beads).
const PRIOR: [f64; NTYPES] = [0.863, 0.025, 0.025, 0.035, 0.035, 0.002, 0.0075, 0.0075];
/// Pseudo-counts behind the bead-shape prior.
const PRIOR_BEADS: f64 = 100.0;

const BETA0: f64 = 0.8;
const SIGMA0: f64 = 0.25;
/// Spread of the loose-translation component, in units of sigma.
const WIDE: f64 = 2.0;
const EPS: f64 = 0.1;

/// Prior match rates (p for translations, q for unrelated pairs) per side
/// (English, Korean) and class (number, name, word, frequent).
const P0: [[f64; CLASSES]; 2] = [[0.7, 0.5, 0.3, 0.6], [0.7, 0.7, 0.25, 0.6]];
const Q0: [[f64; CLASSES]; 2] = [[0.05, 0.03, 0.03, 0.25], [0.05, 0.05, 0.02, 0.25]];
/// Pseudo-tokens behind the match-rate priors.
const PRIOR_TOKENS: f64 = 20.0;
/// Prior intra-sentence correlation of matches: translations differ in how
/// literal they are, so matches come in clumps (beta-binomial, not binomial).
const RHO0: [f64; 2] = [0.15, 0.05];
/// Pseudo-sentences behind the correlation prior.
const PRIOR_SENTENCES: f64 = 20.0;
/// Most tokens per sentence (see `features`), plus one.
const TAB: usize = 65;
/// Sentences around a sentence's expected place that may hold its
/// translation (see [`Params::support_llr`]).
pub(crate) const WINDOW: usize = 7;
/// Numbers of other-side sentences the match tables are made for: the bead
/// sizes, then the window.
const OTHERS: [i32; 4] = [1, 2, 3, WINDOW as i32];
const SLOTS: usize = OTHERS.len();

/// A sentence's token classes made ready to be scored against many match
/// masks (see [`Params::prepare`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Prepared {
    masks: [u64; CLASSES],
    /// Per slot of [`OTHERS`]: the score of a mask that matches nothing.
    zero: [f64; SLOTS],
    /// Per class and slot: where the class's row (its token count) starts
    /// in the tables.
    row: [[u32; SLOTS]; CLASSES],
}

/// Model parameters.
#[derive(Clone, Debug)]
pub(crate) struct Params {
    pub alpha: f64,
    pub beta: f64,
    pub sigma: f64,
    pub sigma_rand: f64,
    pub log_prior: [f64; NTYPES],
    /// Match rates per side and class, for translations (p) and unrelated
    /// pairs (q), and the correlation of matches within a sentence.
    pub p: [[f64; CLASSES]; 2],
    pub q: [[f64; CLASSES]; 2],
    pub rho: [[[f64; CLASSES]; 2]; 2],
    /// Log-likelihood ratio of m matched out of n tokens, per side, class
    /// and number of sentences on the other side (slot of [`OTHERS`]), as
    /// `llr[table(side, class, slot) + n * stride + m]`.
    llr: Cow<'static, [f32]>,
    /// Rows (and columns) of each match table: one more than the most
    /// tokens a sentence of the document has, so that short documents do
    /// not pay for tables sized for the longest sentences.
    stride: usize,
    /// ln(sigma_rand / sigma): the constant part of the length ratio.
    len_offset: f64,
    /// 1 / (sigma · SHAPE_STEP): residual to position in `shape`.
    len_scale: f64,
    inv_sigma_rand: f64,
    shape: &'static [f32],
}

/// The aligned part of the length model as a function of the residual in
/// units of sigma, u = r / sigma, up to the constant ln(sigma·sqrt(2π)):
/// g(u) = ln((1 − EPS)·φ(u) + EPS/WIDE·φ(u/WIDE)), φ without its constant.
/// It does not depend on the document, so it is tabulated once.
fn aligned_shape(u: f64) -> f64 {
    let a = (1.0 - EPS).ln() - 0.5 * u * u;
    let b = (EPS / WIDE).ln() - 0.5 * (u / WIDE) * (u / WIDE);
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    hi + (lo - hi).exp().ln_1p()
}

/// [`aligned_shape`] is tabulated on |u| ≤ SHAPE_RANGE; past it the narrow
/// component is below 1e-15 of the wide one and the shape is the wide
/// component's parabola.
const SHAPE_RANGE: f64 = 10.0;
const SHAPE_STEPS: usize = 2000;
const SHAPE_STEP: f64 = SHAPE_RANGE / SHAPE_STEPS as f64;

fn shape_table() -> &'static [f32] {
    static TABLE: OnceLock<Vec<f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=SHAPE_STEPS + 1)
            .map(|k| aligned_shape(k as f64 * SHAPE_STEP) as f32)
            .collect()
    })
}

/// Σ ln(x + k) for k < i, for every i < rows (zero beyond): with these,
/// the ln of the beta-binomial probability of m successes out of n with
/// parameters (a, b), without the binomial coefficient (which cancels in a
/// ratio), is `cum(a)[m] + cum(b)[n - m] - cum(a + b)[n]`.
fn cum(x: f64, rows: usize) -> [f64; TAB] {
    let mut v = [0.0; TAB];
    for i in 1..rows.min(TAB) {
        v[i] = v[i - 1] + (x + (i - 1) as f64).ln();
    }
    v
}

/// The match tables (see `Params::llr`) for match rates `p`, `q` and
/// correlations `rho`, with `rows` rows each.
fn rate_tables(
    p: &[[f64; CLASSES]; 2],
    q: &[[f64; CLASSES]; 2],
    rho: &[[[f64; CLASSES]; 2]; 2],
    rows: usize,
) -> Vec<f32> {
    let mut llr = vec![0f32; 2 * CLASSES * SLOTS * rows * rows];
    for s in 0..2 {
        for c in 0..CLASSES {
            let (p1, q1) = (p[s][c].clamp(0.01, 0.99), q[s][c].clamp(0.001, 0.99));
            // a + b = kappa whatever the mean: one running sum serves every
            // slot.
            let kappa = rho.map(|r| 1.0 / r[s][c].clamp(1e-4, 0.99) - 1.0);
            let total = kappa.map(|k| cum(k, rows));
            for (d, &k) in OTHERS.iter().enumerate() {
                // Against k sentences a token finds a chance match more
                // easily: in any of them if unrelated, in the extra ones
                // if its translation is there but does not match it.
                let qd = 1.0 - (1.0 - q1).powi(k);
                let pd = 1.0 - (1.0 - p1) * (1.0 - q1).powi(k - 1);
                if pd <= qd {
                    // The class does not tell translations apart here:
                    // the table stays zero.
                    continue;
                }
                let base = ((s * CLASSES + c) * SLOTS + d) * rows * rows;
                let Some(table) = llr.get_mut(base..base + rows * rows) else {
                    continue;
                };
                let (pa, pb) = (cum(pd * kappa[0], rows), cum((1.0 - pd) * kappa[0], rows));
                let (qa, qb) = (cum(qd * kappa[1], rows), cum((1.0 - qd) * kappa[1], rows));
                for (n, row) in table.chunks_exact_mut(rows).enumerate() {
                    for (m, x) in row.iter_mut().enumerate().take(n + 1) {
                        let tp = pa[m] + pb[n - m] - total[0][n];
                        let tq = qa[m] + qb[n - m] - total[1][n];
                        *x = (tp - tq) as f32;
                    }
                }
            }
        }
    }
    llr
}

/// The match tables of the prior rates, for each number of rows: the same
/// for every document before re-estimation, so made once per process.
fn prior_tables(rows: usize) -> &'static [f32] {
    static TABLES: [OnceLock<Vec<f32>>; TAB + 1] = [const { OnceLock::new() }; TAB + 1];
    match TABLES.get(rows) {
        Some(t) => t.get_or_init(|| rate_tables(&P0, &Q0, &RHO0.map(|r| [[r; CLASSES]; 2]), rows)),
        None => &[],
    }
}

fn lx(len: u32) -> f64 {
    f64::from(len).ln_1p()
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n;
    (m, var)
}

#[cfg(test)]
fn ln_normal(r: f64, s: f64) -> f64 {
    -0.5 * (r / s) * (r / s) - s.ln() - 0.918_938_533_204_672_7
}

impl Params {
    /// Priors, with the length offset and spreads taken from the sentences.
    pub fn initial(fe: &[Feat], fk: &[Feat]) -> Params {
        let xs: Vec<f64> = fe.iter().map(|f| lx(f.len)).collect();
        let ys: Vec<f64> = fk.iter().map(|f| lx(f.len)).collect();
        let (mx, vx) = mean_var(&xs);
        let (my, vy) = mean_var(&ys);
        let mut p = Params {
            alpha: my - BETA0 * mx,
            beta: BETA0,
            sigma: SIGMA0,
            sigma_rand: 0.0,
            log_prior: PRIOR.map(f64::ln),
            p: P0,
            q: Q0,
            rho: RHO0.map(|r| [[r; CLASSES]; 2]),
            llr: Cow::Borrowed(&[]),
            stride: 0,
            len_offset: 0.0,
            len_scale: 0.0,
            inv_sigma_rand: 0.0,
            shape: shape_table(),
        };
        // Frequent tokens move between classes later on, but no class ever
        // holds more tokens than the sentence.
        let most = fe
            .iter()
            .chain(fk)
            .map(|f| (f.kind_mask[0] | f.kind_mask[1] | f.kind_mask[2]).count_ones() as usize)
            .max()
            .unwrap_or(0);
        p.stride = (most + 1).min(TAB);
        // The prior rates' tables (p, q and rho are the priors here).
        p.llr = Cow::Borrowed(prior_tables(p.stride));
        p.sigma_rand = (vy + BETA0 * BETA0 * vx).sqrt();
        p.sigma_rand = p.sigma_rand.max(1.5 * WIDE * SIGMA0);
        p.set_length();
        p
    }

    fn set_rates(&mut self) {
        self.llr = Cow::Owned(rate_tables(&self.p, &self.q, &self.rho, self.stride));
    }

    /// Length log-likelihood ratio (translation vs unrelated) of a residual,
    /// straight from the definition (what `length_llr` computes faster).
    #[cfg(test)]
    fn length_llr_exact(&self, r: f64) -> f64 {
        let aligned = ((1.0 - EPS) * ln_normal(r, self.sigma).exp()
            + EPS * ln_normal(r, WIDE * self.sigma).exp())
        .ln();
        aligned - ln_normal(r, self.sigma_rand)
    }

    fn set_length(&mut self) {
        self.len_offset = (self.sigma_rand / self.sigma).ln();
        self.len_scale = 1.0 / (self.sigma * SHAPE_STEP);
        self.inv_sigma_rand = 1.0 / self.sigma_rand;
    }

    /// Length log-likelihood ratio (translation vs unrelated) for
    /// x = ln(1 + English characters), y = ln(1 + Korean characters).
    #[inline]
    #[cfg(test)]
    pub fn length_llr(&self, x: f64, y: f64) -> f64 {
        self.length_llr_residual(y - self.alpha - self.beta * x)
    }

    /// [`Params::length_llr`] of the residual r = y − alpha − beta·x.
    #[inline]
    pub fn length_llr_residual(&self, r: f64) -> f64 {
        let pos = (r * self.len_scale).abs();
        let shape = if pos < SHAPE_STEPS as f64 {
            let k = pos as usize;
            let frac = pos - k as f64;
            match (self.shape.get(k), self.shape.get(k + 1)) {
                (Some(&a), Some(&b)) => f64::from(a) + (f64::from(b) - f64::from(a)) * frac,
                _ => aligned_shape(r / self.sigma),
            }
        } else {
            let u = r / (WIDE * self.sigma);
            (EPS / WIDE).ln() - 0.5 * u * u
        };
        let z = r * self.inv_sigma_rand;
        shape + self.len_offset + 0.5 * z * z
    }

    /// Token log-likelihood ratio of one side: `mask` holds the tokens of a
    /// sentence with features `f` matched by the `others` (1 to 3) sentences
    /// of the other side of the bead.
    #[cfg(test)]
    pub fn token_llr(&self, side: usize, f: &Feat, mask: u64, others: usize) -> f64 {
        self.token_llr_slot(side, f, mask, others.clamp(1, 3) - 1)
    }

    /// `f`'s classes, token counts and unmatched scores, so that
    /// [`Params::prepared_llr`] only counts the matches in the classes a mask
    /// touches: most sentence pairs of a band share few tokens or none.
    pub fn prepare(&self, side: usize, f: &Feat) -> Prepared {
        let rows = self.stride;
        let mut p = Prepared::default();
        for c in 0..CLASSES {
            let cm = f.class_mask[c];
            if cm == 0 {
                continue;
            }
            p.masks[c] = cm;
            let n = cm.count_ones() as usize;
            for d in 0..SLOTS {
                let row = ((side * CLASSES + c) * SLOTS + d) * rows * rows + n * rows;
                p.row[c][d] = row as u32;
                p.zero[d] += self.llr.get(row).copied().map_or(0.0, f64::from);
            }
        }
        p
    }

    /// [`Params::token_llr`] of a prepared sentence.
    #[inline]
    pub fn prepared_llr(&self, p: &Prepared, mask: u64, others: usize) -> f64 {
        let d = others.clamp(1, 3) - 1;
        let mut ll = p.zero[d];
        if mask == 0 {
            return ll;
        }
        for c in 0..CLASSES {
            let hit = mask & p.masks[c];
            if hit != 0 {
                let row = p.row[c][d] as usize;
                let (Some(&none), Some(&some)) = (
                    self.llr.get(row),
                    self.llr.get(row + hit.count_ones() as usize),
                ) else {
                    continue;
                };
                ll += f64::from(some) - f64::from(none);
            }
        }
        ll
    }

    /// How much more probable the matches `mask` of sentence `f` against
    /// the WINDOW sentences around its expected place are if its
    /// translation is among them than if none is: negative for a sentence
    /// that nothing nearby supports.
    pub fn support_llr(&self, side: usize, f: &Feat, mask: u64) -> f64 {
        self.token_llr_slot(side, f, mask, SLOTS - 1)
    }

    #[inline]
    fn token_llr_slot(&self, side: usize, f: &Feat, mask: u64, d: usize) -> f64 {
        let rows = self.stride;
        let mut ll = 0.0;
        for c in 0..CLASSES {
            let cm = f.class_mask[c];
            if cm == 0 {
                continue;
            }
            let n = cm.count_ones() as usize;
            let h = (mask & cm).count_ones() as usize;
            let base = ((side * CLASSES + c) * SLOTS + d) * rows * rows;
            // A sentence never has more tokens than the tables were made for
            // (see `initial`); a zero keeps a malformed one from panicking.
            ll += self
                .llr
                .get(base + n * rows + h)
                .copied()
                .map_or(0.0, f64::from);
        }
        ll
    }

    /// Re-estimate from a first alignment `path` of (type, i, j) beads.
    pub fn reestimate(&mut self, fe: &[Feat], fk: &[Feat], path: &[(usize, usize, usize)]) {
        // Bead-shape prior.
        let mut counts = PRIOR.map(|p| p * PRIOR_BEADS);
        for &(t, _, _) in path {
            counts[t] += 1.0;
        }
        let total: f64 = counts.iter().sum();
        self.log_prior = counts.map(|c| (c / total).ln());

        let ones: Vec<(usize, usize)> = path
            .iter()
            .filter(|&&(t, _, _)| TYPES[t] == (1, 1))
            .map(|&(_, i, j)| (i, j))
            .collect();
        if ones.is_empty() {
            return;
        }

        // Length: least squares of y on x, then a robust spread.
        let xs: Vec<f64> = ones.iter().map(|&(i, _)| lx(fe[i].len)).collect();
        let ys: Vec<f64> = ones.iter().map(|&(_, j)| lx(fk[j].len)).collect();
        let k = xs.len() as f64;
        let (mx, vx) = mean_var(&xs);
        let (my, _) = mean_var(&ys);
        if ones.len() >= 10 && vx > 1e-6 {
            let cov = xs
                .iter()
                .zip(&ys)
                .map(|(x, y)| (x - mx) * (y - my))
                .sum::<f64>()
                / k;
            let b = (cov / vx).clamp(0.3, 1.3);
            self.beta = (k * b + 30.0 * BETA0) / (k + 30.0);
        }
        self.alpha = my - self.beta * mx;
        let mut res: Vec<f64> = xs
            .iter()
            .zip(&ys)
            .map(|(x, y)| (y - self.alpha - self.beta * x).abs())
            .collect();
        res.sort_by(f64::total_cmp);
        let mad = 1.4826 * res[res.len() / 2];
        let s2 = (k * mad * mad + 10.0 * SIGMA0 * SIGMA0) / (k + 10.0);
        self.sigma = s2.sqrt().clamp(0.08, 0.6);
        self.sigma_rand = self.sigma_rand.max(1.5 * WIDE * self.sigma);
        self.set_length();

        // Match rates of translations (the 1-1 beads) and of unrelated pairs
        // (each 1-1 bead's English against the Korean of the one three beads on),
        // as (tokens, matched) per sentence, side and class.
        let mut obs: [[Vec<(u32, u32)>; CLASSES]; 2] = Default::default();
        let mut robs: [[Vec<(u32, u32)>; CLASSES]; 2] = Default::default();
        let tally = |o: &mut [[Vec<(u32, u32)>; CLASSES]; 2], e: &Feat, kf: &Feat| {
            let (me, mk) = matches(e, kf);
            let [oe, ok] = o;
            for (side, f, mask) in [(oe, e, me), (ok, kf, mk)] {
                for (obs, cm) in side.iter_mut().zip(f.class_mask) {
                    let n = cm.count_ones();
                    if n > 0 {
                        obs.push((n, (mask & cm).count_ones()));
                    }
                }
            }
        };
        for (x, &(i, j)) in ones.iter().enumerate() {
            tally(&mut obs, &fe[i], &fk[j]);
            let other = ones
                .get(x + 3)
                .or_else(|| x.checked_sub(3).and_then(|y| ones.get(y)));
            if let Some(&(_, j2)) = other {
                tally(&mut robs, &fe[i], &fk[j2]);
            }
        }
        for s in 0..2 {
            for c in 0..CLASSES {
                (self.p[s][c], self.rho[0][s][c]) = estimate(&obs[s][c], P0[s][c], RHO0[0]);
                (self.q[s][c], self.rho[1][s][c]) = estimate(&robs[s][c], Q0[s][c], RHO0[1]);
            }
        }
        self.set_rates();
    }
}

/// Mean rate and intra-sentence correlation of matches from per-sentence
/// (tokens, matched) counts, by the method of moments, shrunk towards the
/// priors `p0` and `rho0`.
fn estimate(obs: &[(u32, u32)], p0: f64, rho0: f64) -> (f64, f64) {
    let (tokens, hits) = obs.iter().fold((0.0, 0.0), |(t, h), &(n, m)| {
        (t + f64::from(n), h + f64::from(m))
    });
    let p = (hits + PRIOR_TOKENS * p0) / (tokens + PRIOR_TOKENS);
    let pq = p * (1.0 - p);
    let mut dev = 0.0;
    let mut binom = 0.0;
    let mut pairs = 0.0;
    let mut k = 0.0;
    for &(n, m) in obs {
        let n = f64::from(n);
        dev += (f64::from(m) - n * p).powi(2);
        binom += n * pq;
        pairs += n * (n - 1.0);
        if n >= 2.0 {
            k += 1.0;
        }
    }
    let rho_hat = if pairs > 0.0 && pq > 0.0 {
        ((dev - binom) / (pq * pairs)).clamp(0.0, 0.9)
    } else {
        rho0
    };
    let rho = (k * rho_hat + PRIOR_SENTENCES * rho0) / (k + PRIOR_SENTENCES);
    (p, rho.max(1e-3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feat(len: u32) -> Feat {
        Feat {
            len,
            ..Feat::default()
        }
    }

    #[test]
    fn matching_lengths_beat_mismatched_ones() {
        let fe: Vec<Feat> = (0..20).map(|i| feat(60 + 7 * i)).collect();
        let fk: Vec<Feat> = (0..20).map(|i| feat(30 + 3 * i)).collect();
        let p = Params::initial(&fe, &fk);
        let x = 101f64.ln();
        let good = p.length_llr(x, p.alpha + p.beta * x);
        assert!(good > 0.5, "{good}");
        assert!(p.length_llr(x, 401f64.ln()) < 0.0);
        assert!(p.length_llr(x, 4f64.ln()) < 0.0);
        // The table agrees with the exact formula, inside and past its range.
        for y in [2.0, 3.3, 4.1, 4.4, 4.6, 9.0, 12.0] {
            let r = y - p.alpha - p.beta * x;
            let (fast, exact) = (p.length_llr(x, y), p.length_llr_exact(r));
            assert!(
                (fast - exact).abs() < 1e-4 * exact.abs().max(1.0),
                "{y}: {fast} {exact}"
            );
        }
    }

    #[test]
    fn matched_tokens_raise_and_unmatched_lower_the_score() {
        let f = Feat {
            len: 10,
            class_mask: [0b1, 0b10, 0b1100, 0],
            kind_mask: [0b1, 0b10, 0b1100],
            ..Feat::default()
        };
        let p = Params::initial(std::slice::from_ref(&f), &[feat(5)]);
        assert!(p.token_llr(0, &f, 0b1111, 1) > 3.0);
        assert!(p.token_llr(0, &f, 0, 1) < -1.0);
        // The same matches are weaker evidence against two sentences.
        assert!(p.token_llr(0, &f, 0b1111, 2) < p.token_llr(0, &f, 0b1111, 1));
    }

    #[test]
    fn match_tables_cover_the_longest_sentence_of_the_document() {
        let long = Feat {
            len: 300,
            class_mask: [0, 0, u64::MAX, 0],
            kind_mask: [0, 0, u64::MAX],
            ..Feat::default()
        };
        let p = Params::initial(&[feat(10), long.clone()], &[feat(5)]);
        // 64 of 64 tokens matched against 17 of 64 in a long sentence.
        assert!(p.token_llr(0, &long, u64::MAX, 1) > p.token_llr(0, &long, 0x1_ffff, 1));
        assert!(p.token_llr(0, &long, 0, 1) < -1.0);
    }

    #[test]
    fn prepared_scores_agree_with_direct_ones() {
        let f = Feat {
            len: 40,
            class_mask: [0b1, 0b110, 0b1111000, 0b10000000],
            kind_mask: [0b1, 0b110, 0b11111000],
            ..Feat::default()
        };
        let p = Params::initial(std::slice::from_ref(&f), &[feat(5)]);
        for side in 0..2 {
            let prep = p.prepare(side, &f);
            for mask in [0u64, 0b1, 0b11, 0b1010_1010, 0xff, u64::MAX] {
                for others in 1..=3 {
                    let (a, b) = (
                        p.prepared_llr(&prep, mask, others),
                        p.token_llr(side, &f, mask, others),
                    );
                    assert!((a - b).abs() < 1e-5, "{mask:b} {others}: {a} {b}");
                }
            }
        }
    }

    #[test]
    fn prior_tables_are_the_tables_of_the_prior_rates() {
        let rho = RHO0.map(|r| [[r; CLASSES]; 2]);
        for rows in [1, 7, TAB] {
            assert_eq!(prior_tables(rows), &rate_tables(&P0, &Q0, &rho, rows)[..]);
        }
        assert!(prior_tables(TAB + 1).is_empty());
    }

    #[test]
    fn reestimation_learns_the_length_ratio() {
        let fe: Vec<Feat> = (0..50).map(|i| feat(40 + 5 * i)).collect();
        let fk: Vec<Feat> = fe.iter().map(|f| feat(f.len / 2)).collect();
        let mut p = Params::initial(&fe, &fk);
        let path: Vec<(usize, usize, usize)> = (0..50).map(|i| (0, i, i)).collect();
        p.reestimate(&fe, &fk, &path);
        let predicted = (p.alpha + p.beta * 201f64.ln()).exp();
        assert!((predicted - 100.0).abs() < 10.0, "{predicted}");
        assert!(p.sigma < SIGMA0);
        assert!(p.log_prior[0] > PRIOR[0].ln());
    }
}

//! Dynamic programming over beads inside a band of the (English, Korean)
//! lattice: Viterbi for the best alignment, forward–backward for the
//! posterior probability of each of its beads.
//!
//! Lattice point (i, j) means "the first i English and j Korean sentences are
//! aligned". Row i of the band holds the points (i, lo[i]..=hi[i]); the band
//! is monotone and connected, so the end point (n, m) is always reachable.

/// Bead shapes (English sentences, Korean sentences).
pub(crate) const TYPES: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];
pub(crate) const NTYPES: usize = TYPES.len();

/// The cells of the lattice that are searched.
#[derive(Clone, Debug)]
pub(crate) struct Band {
    pub n: usize,
    pub m: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
}

impl Band {
    /// Every lattice point.
    pub fn full(n: usize, m: usize) -> Band {
        Band::from_ranges(n, m, vec![0; n + 1], vec![m; n + 1])
    }

    /// Points within `w` columns of a centre line given per row as a column
    /// interval (`centre[i]` = (first, last) column the line crosses in row i).
    pub fn around(n: usize, m: usize, centre: &[(usize, usize)], w: usize) -> Band {
        let lo = centre.iter().map(|&(a, _)| a.saturating_sub(w)).collect();
        let hi = centre.iter().map(|&(_, b)| (b + w).min(m)).collect();
        Band::from_ranges(n, m, lo, hi)
    }

    fn from_ranges(n: usize, m: usize, mut lo: Vec<usize>, mut hi: Vec<usize>) -> Band {
        lo.resize(n + 1, 0);
        hi.resize(n + 1, m);
        lo[0] = 0;
        hi[n] = m;
        // Monotone: lo never decreases going down, hi never decreases either.
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        // Connected: a 1-0 step from row i to row i+1 stays inside.
        for i in 0..n {
            hi[i] = hi[i].max(lo[i + 1]);
        }
        for i in 0..=n {
            hi[i] = hi[i].min(m);
            lo[i] = lo[i].min(hi[i]);
        }
        let mut off = Vec::with_capacity(n + 2);
        let mut total = 0;
        for i in 0..=n {
            off.push(total);
            total += hi[i] - lo[i] + 1;
        }
        off.push(total);
        Band { n, m, lo, hi, off }
    }

    /// The sentence pairs (English a, Korean b) of the beads of this band, as
    /// a band whose row a holds the pairs (a, b): a bead starts inside the
    /// band at most two rows above a pair and at most two columns left of
    /// it, so row a spans lo[a − 2] ..= hi[a] + 2.
    pub fn pairs(&self) -> Band {
        let lo = (0..=self.n).map(|a| self.lo[a.saturating_sub(2)]).collect();
        let hi = self.hi.iter().map(|&h| h + 2).collect();
        Band::from_ranges(self.n, self.m, lo, hi)
    }

    /// Index of point (i, j), if inside.
    #[inline]
    pub fn index(&self, i: usize, j: usize) -> Option<usize> {
        if i > self.n || j < self.lo[i] || j > self.hi[i] {
            None
        } else {
            Some(self.off[i] + j - self.lo[i])
        }
    }

    /// Columns of row i.
    #[inline]
    pub fn row(&self, i: usize) -> std::ops::RangeInclusive<usize> {
        self.lo[i]..=self.hi[i]
    }

    /// Number of points.
    pub fn cells(&self) -> usize {
        self.off[self.n + 1]
    }

    /// True when (i, j) lies on an edge of the band that is not an edge of
    /// the lattice: the best path may have wanted to go further.
    pub fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        (j <= self.lo[i] + 1 && self.lo[i] > 0) || (j + 1 >= self.hi[i] && self.hi[i] < self.m)
    }
}

/// Bead scores (log-probability ratios) for every point and bead shape
/// ending there; `-inf` where the bead does not fit.
pub(crate) struct Lattice {
    pub band: Band,
    pub score: Vec<[f32; NTYPES]>,
}

impl Lattice {
    /// Score every bead ending inside `band` with `f(type, i0, j0)`, where
    /// (i0, j0) is the point the bead starts from.
    #[cfg(test)]
    pub fn build(band: Band, mut f: impl FnMut(usize, usize, usize) -> f64) -> Lattice {
        let mut score = vec![[f32::NEG_INFINITY; NTYPES]; band.cells()];
        for i in 0..=band.n {
            for j in band.row(i) {
                let Some(ix) = band.index(i, j) else { continue };
                for (t, &(de, dk)) in TYPES.iter().enumerate() {
                    if de > i || dk > j || band.index(i - de, j - dk).is_none() {
                        continue;
                    }
                    score[ix][t] = f(t, i - de, j - dk) as f32;
                }
            }
        }
        Lattice { band, score }
    }

    /// The best path as (type, start i, start j), in order.
    #[cfg(test)]
    pub fn viterbi(&self) -> Vec<(usize, usize, usize)> {
        let b = &self.band;
        let mut v = Viterbi::new(b);
        for i in 0..=b.n {
            let (Some(first), Some(last)) = (b.index(i, b.lo[i]), b.index(i, b.hi[i])) else {
                continue;
            };
            v.push_row(b, i, &self.score[first..=last]);
        }
        v.path(b)
    }

    /// Forward and backward log-sums of all paths through each point.
    pub fn forward_backward(&self) -> (Vec<f64>, Vec<f64>) {
        let b = &self.band;
        let mut fwd = vec![f64::NEG_INFINITY; b.cells()];
        let mut bwd = vec![f64::NEG_INFINITY; b.cells()];
        if let Some(o) = b.index(0, 0) {
            fwd[o] = 0.0;
        }
        let mut terms = [f64::NEG_INFINITY; NTYPES];
        for i in 0..=b.n {
            for j in b.row(i) {
                let Some(ix) = b.index(i, j) else { continue };
                if i == 0 && j == 0 {
                    continue;
                }
                for (t, &(de, dk)) in TYPES.iter().enumerate() {
                    let s = self.score[ix][t];
                    terms[t] = match (s != f32::NEG_INFINITY)
                        .then(|| b.index(i - de, j - dk))
                        .flatten()
                    {
                        Some(p) => fwd[p] + f64::from(s),
                        None => f64::NEG_INFINITY,
                    };
                }
                fwd[ix] = log_sum_exp(&terms);
            }
        }
        if let Some(e) = b.index(b.n, b.m) {
            bwd[e] = 0.0;
        }
        for i in (0..=b.n).rev() {
            for j in b.row(i).rev() {
                let Some(ix) = b.index(i, j) else { continue };
                if i == b.n && j == b.m {
                    continue;
                }
                for (t, &(de, dk)) in TYPES.iter().enumerate() {
                    terms[t] = match b.index(i + de, j + dk) {
                        Some(nx) if self.score[nx][t] != f32::NEG_INFINITY => {
                            bwd[nx] + f64::from(self.score[nx][t])
                        }
                        _ => f64::NEG_INFINITY,
                    };
                }
                bwd[ix] = log_sum_exp(&terms);
            }
        }
        (fwd, bwd)
    }

    /// Posterior probability of the bead of type `t` starting at (i, j).
    pub fn posterior(&self, fwd: &[f64], bwd: &[f64], t: usize, i: usize, j: usize) -> f64 {
        let b = &self.band;
        let (de, dk) = TYPES[t];
        let (Some(p), Some(c), Some(e)) =
            (b.index(i, j), b.index(i + de, j + dk), b.index(b.n, b.m))
        else {
            return 0.0;
        };
        let z = fwd[e];
        if !z.is_finite() {
            return 0.0;
        }
        let lp = fwd[p] + f64::from(self.score[c][t]) + bwd[c] - z;
        lp.exp().clamp(0.0, 1.0)
    }
}

/// Viterbi fed one row of bead scores at a time, so that the scores need
/// not be kept: the best scores of the last rows (a bead spans at most
/// three) and a back pointer per point.
pub(crate) struct Viterbi {
    best: [Vec<f64>; 4],
    back: Vec<u8>,
}

impl Viterbi {
    pub fn new(band: &Band) -> Viterbi {
        Viterbi {
            best: Default::default(),
            back: vec![u8::MAX; band.cells()],
        }
    }

    /// Add row `i` of `band`, given the scores of the beads ending at each
    /// of its points (`-inf` where a bead does not fit), in column order.
    pub fn push_row(&mut self, band: &Band, i: usize, scores: &[[f32; NTYPES]]) {
        let Some(first) = band.index(i, band.lo[i]) else {
            return;
        };
        let lo = band.lo[i];
        let mut cur = std::mem::take(&mut self.best[i % 4]);
        cur.clear();
        cur.resize(scores.len(), f64::NEG_INFINITY);
        if i == 0 && lo == 0 {
            if let Some(origin) = cur.first_mut() {
                *origin = 0.0;
            }
        }
        for (x, row) in scores.iter().enumerate() {
            let j = lo + x;
            for (t, &(de, dk)) in TYPES.iter().enumerate() {
                let s = row[t];
                if s == f32::NEG_INFINITY || de > i || dk > j {
                    continue;
                }
                let (pi, pj) = (i - de, j - dk);
                let prev = if de == 0 {
                    pj.checked_sub(lo).and_then(|y| cur.get(y))
                } else {
                    let from = band.lo[pi];
                    pj.checked_sub(from).and_then(|y| self.best[pi % 4].get(y))
                };
                let Some(&prev) = prev else { continue };
                let cand = prev + f64::from(s);
                if cand > cur[x] {
                    cur[x] = cand;
                    self.back[first + x] = t as u8;
                }
            }
        }
        self.best[i % 4] = cur;
    }

    /// The score of the best path to (n, m) (`-inf` when there is none).
    pub fn score(&self, band: &Band) -> f64 {
        band.lo
            .get(band.n)
            .and_then(|&lo| band.m.checked_sub(lo))
            .and_then(|x| self.best[band.n % 4].get(x))
            .copied()
            .unwrap_or(f64::NEG_INFINITY)
    }

    /// The best path to (n, m) as (type, start i, start j), in order.
    pub fn path(&self, band: &Band) -> Vec<(usize, usize, usize)> {
        let mut path = Vec::new();
        let (mut i, mut j) = (band.n, band.m);
        while i > 0 || j > 0 {
            let Some(ix) = band.index(i, j) else { break };
            let Some(&t) = self.back.get(ix) else { break };
            let Some(&(de, dk)) = TYPES.get(t as usize) else {
                break;
            };
            i -= de;
            j -= dk;
            path.push((t as usize, i, j));
        }
        path.reverse();
        path
    }
}

/// ln Σ exp(x), stable; `-inf` for an empty or all `-inf` input.
pub(crate) fn log_sum_exp(xs: &[f64]) -> f64 {
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + xs.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_band_covers_every_point() {
        let b = Band::full(3, 4);
        assert_eq!(b.cells(), 4 * 5);
        assert_eq!(b.index(3, 4), Some(19));
        assert_eq!(b.index(4, 0), None);
    }

    #[test]
    fn narrow_band_stays_connected_for_lopsided_sizes() {
        // 3 English sentences against 100 Korean ones: rows must chain.
        let centre: Vec<(usize, usize)> =
            (0..=3).map(|i| (i * 33, (i * 33 + 33).min(100))).collect();
        let b = Band::around(3, 100, &centre, 2);
        let lat = Lattice::build(b, |t, _, _| if t == 0 { 0.0 } else { -1.0 });
        let path = lat.viterbi();
        let (en, ko) = path.iter().fold((0, 0), |(e, k), &(t, _, _)| {
            (e + TYPES[t].0, k + TYPES[t].1)
        });
        assert_eq!((en, ko), (3, 100));
    }

    #[test]
    fn viterbi_prefers_the_best_scoring_path() {
        let lat = Lattice::build(Band::full(2, 2), |t, _, _| match t {
            0 => -1.0,
            5 => -1.5,
            _ => -10.0,
        });
        let path = lat.viterbi();
        assert_eq!(path, vec![(5, 0, 0)]);
    }

    #[test]
    fn posteriors_of_the_best_path_are_probabilities() {
        let lat = Lattice::build(Band::full(3, 3), |t, _, _| if t == 0 { 0.0 } else { -3.0 });
        let path = lat.viterbi();
        let (f, b) = lat.forward_backward();
        for &(t, i, j) in &path {
            let p = lat.posterior(&f, &b, t, i, j);
            assert!(p > 0.5 && p <= 1.0, "{p}");
        }
    }

    #[test]
    fn log_sum_exp_handles_infinities() {
        assert_eq!(log_sum_exp(&[f64::NEG_INFINITY; 3]), f64::NEG_INFINITY);
        assert!((log_sum_exp(&[0.0, 0.0]) - 2f64.ln()).abs() < 1e-12);
    }
}

//! Translation probabilities learned from the document pair itself: IBM
//! Model 1 (EM over word co-occurrence inside aligned beads) trained on a
//! first alignment, keeping only confident, repeated word pairs as new links
//! for the second alignment.

use super::features::{Feat, FxMap};

/// EM iterations; Model 1 converges quickly and its optimum is global.
const ITERATIONS: usize = 5;
/// A learned link needs t(e|k) at least this high...
const MIN_PROB: f64 = 0.3;
/// ...and this many expected co-occurrences.
const MIN_COUNT: f64 = 2.0;

/// Dense numbers 0.. for the units (concept ids) of one side that occur at
/// least twice on it: a single occurrence can never reach MIN_COUNT.
struct Dense {
    /// Unit -> dense number, `u32::MAX` for a unit left out.
    of: Vec<u32>,
    /// Dense number -> unit.
    unit: Vec<u32>,
}

impl Dense {
    fn new(feats: &[Feat], hangul: bool, top: usize) -> Dense {
        let mut count = vec![0u8; top];
        for f in feats {
            for &(u, _, h) in &f.units {
                if h == hangul {
                    let c = &mut count[u as usize];
                    *c = c.saturating_add(1);
                }
            }
        }
        let mut of = vec![u32::MAX; top];
        let mut unit = Vec::new();
        for (u, &c) in count.iter().enumerate() {
            if c >= 2 {
                of[u] = unit.len() as u32;
                unit.push(u as u32);
            }
        }
        Dense { of, unit }
    }

    /// Dense numbers of the units of `feats` on this side, in order.
    fn collect(&self, feats: &[Feat], hangul: bool, out: &mut Vec<u32>) {
        for f in feats {
            for &(u, _, h) in &f.units {
                if h == hangul {
                    let d = self.of[u as usize];
                    if d != u32::MAX {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// Learn (Korean unit, English unit) links from `beads` (English sentence
/// range, Korean sentence range) of a first alignment.
pub(crate) fn learn(
    fe: &[Feat],
    fk: &[Feat],
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<(u32, u32)> {
    let top = fe
        .iter()
        .chain(fk)
        .flat_map(|f| f.units.iter())
        .map(|&(u, _, _)| u as usize + 1)
        .max()
        .unwrap_or(0);
    let (de, dk) = (Dense::new(fe, false, top), Dense::new(fk, true, top));

    // Per bead: its English and Korean units (dense, flattened into `es`
    // and `ks`) and where its (English, Korean) unit pairs start in `slots`.
    struct Bead {
        e: std::ops::Range<usize>,
        k: std::ops::Range<usize>,
        base: usize,
    }
    let (mut es, mut ks) = (Vec::new(), Vec::new());
    let mut corpus: Vec<Bead> = Vec::new();
    let mut per_k = vec![0u32; dk.unit.len() + 1];
    let mut total = 0usize;
    for (er, kr) in beads {
        let (e0, k0) = (es.len(), ks.len());
        de.collect(fe.get(er.clone()).unwrap_or(&[]), false, &mut es);
        dk.collect(fk.get(kr.clone()).unwrap_or(&[]), true, &mut ks);
        let (ne, nk) = (es.len() - e0, ks.len() - k0);
        if ne == 0 || nk == 0 {
            es.truncate(e0);
            ks.truncate(k0);
            continue;
        }
        for &k in &ks[k0..] {
            per_k[k as usize + 1] += ne as u32;
        }
        corpus.push(Bead {
            e: e0..es.len(),
            k: k0..ks.len(),
            base: total,
        });
        total += ne * nk;
    }
    // Occurrences are numbered with u32; a document this large has other
    // evidence enough without learned links.
    if total == 0 || total >= u32::MAX as usize {
        return Vec::new();
    }

    // Every distinct (k, e) pair gets a slot, the slots of one Korean unit
    // side by side: the pair occurrences are bucketed by Korean unit, and
    // inside a bucket a stamp per English unit finds the pair's slot.
    for k in 0..dk.unit.len() {
        per_k[k + 1] += per_k[k];
    }
    let mut fill: Vec<u32> = per_k[..dk.unit.len()].to_vec();
    let mut bucket = vec![(0u32, 0u32); total];
    for b in &corpus {
        let nk = b.k.len();
        for (ei, &e) in es[b.e.clone()].iter().enumerate() {
            for (ki, &k) in ks[b.k.clone()].iter().enumerate() {
                let at = &mut fill[k as usize];
                bucket[*at as usize] = (e, (b.base + ei * nk + ki) as u32);
                *at += 1;
            }
        }
    }
    let mut slots = vec![0u32; total];
    let mut stamp = vec![u32::MAX; de.unit.len()];
    let mut slot_of = vec![0u32; de.unit.len()];
    let mut pair_e: Vec<u32> = Vec::new();
    // First slot of each Korean unit, and one past the last.
    let mut k_start = Vec::with_capacity(dk.unit.len() + 1);
    for k in 0..dk.unit.len() {
        k_start.push(pair_e.len());
        for &(e, occ) in &bucket[per_k[k] as usize..per_k[k + 1] as usize] {
            let e = e as usize;
            if stamp[e] != k as u32 {
                stamp[e] = k as u32;
                slot_of[e] = pair_e.len() as u32;
                pair_e.push(e as u32);
            }
            slots[occ as usize] = slot_of[e];
        }
    }
    k_start.push(pair_e.len());
    drop(bucket);

    // t(e|k), starting uniform; a NULL word per English unit absorbs the
    // rest. Each slot holds (t, expected count) together: one memory access
    // per pair occurrence.
    let null_t = 1.0f64;
    let mut tc = vec![(1.0f64, 0.0f64); pair_e.len()];
    for _ in 0..ITERATIONS {
        tc.iter_mut().for_each(|x| x.1 = 0.0);
        for b in &corpus {
            let nk = b.k.len();
            let s = &slots[b.base..b.base + b.e.len() * nk];
            for row in s.chunks_exact(nk) {
                let z: f64 =
                    null_t / (nk as f64 + 1.0) + row.iter().map(|&x| tc[x as usize].0).sum::<f64>();
                if z <= 0.0 {
                    continue;
                }
                let inv = 1.0 / z;
                for &x in row {
                    let p = &mut tc[x as usize];
                    p.1 += p.0 * inv;
                }
            }
        }
        for w in k_start.windows(2) {
            let pairs = &mut tc[w[0]..w[1]];
            let tk: f64 = pairs.iter().map(|p| p.1).sum();
            for p in pairs {
                p.0 = if tk > 0.0 { p.1 / tk } else { 0.0 };
            }
        }
    }
    let mut links: Vec<(u32, u32)> = Vec::new();
    for (k, w) in k_start.windows(2).enumerate() {
        for x in w[0]..w[1] {
            let (t, count) = tc[x];
            if t >= MIN_PROB && count >= MIN_COUNT {
                links.push((dk.unit[k], de.unit[pair_e[x] as usize]));
            }
        }
    }
    links.sort_unstable();
    links
}

/// Add learned links to the Korean sentences: every token of a linked unit
/// now also stands for the English unit.
pub(crate) fn apply(fk: &mut [Feat], links: &[(u32, u32)]) {
    if links.is_empty() {
        return;
    }
    let mut by_k: FxMap<u32, Vec<u32>> = FxMap::default();
    for &(k, e) in links {
        by_k.entry(k).or_default().push(e);
    }
    for f in fk.iter_mut() {
        let adds: Vec<(u32, u8)> = f
            .units
            .iter()
            .filter(|u| u.2)
            .flat_map(|&(u, pos, _)| by_k.get(&u).into_iter().flatten().map(move |&e| (e, pos)))
            .collect();
        for (e, pos) in adds {
            f.add(e, pos);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(units: &[(u32, bool)]) -> Feat {
        let mut f = Feat::default();
        for (pos, &(u, h)) in units.iter().enumerate() {
            f.units.push((u, pos as u8, h));
            f.class_mask[2] |= 1 << pos;
            f.kind_mask[2] |= 1 << pos;
        }
        f
    }

    #[test]
    fn repeated_co_occurrence_becomes_a_link() {
        // Korean unit 100 always appears with English unit 1; others vary.
        let fe: Vec<Feat> = (0..6)
            .map(|i| sent(&[(1, false), (10 + i, false)]))
            .collect();
        let fk: Vec<Feat> = (0..6)
            .map(|i| sent(&[(100, true), (200 + i, true)]))
            .collect();
        let beads: Vec<_> = (0..6).map(|i| (i..i + 1, i..i + 1)).collect();
        let links = learn(&fe, &fk, &beads);
        assert!(links.contains(&(100, 1)), "{links:?}");
        assert!(links.iter().all(|&(k, _)| k == 100));
    }

    #[test]
    fn applied_links_create_matches() {
        let mut e = sent(&[(1, false)]);
        e.concepts.push((1, 1));
        let mut fk = vec![sent(&[(100, true)])];
        fk[0].concepts.push((100, 1));
        apply(&mut fk, &[(100, 1)]);
        let (me, mk) = super::super::features::matches(&e, &fk[0]);
        assert_eq!((me, mk), (1, 1));
    }

    #[test]
    fn nothing_to_learn_from_empty_input() {
        assert!(learn(&[], &[], &[]).is_empty());
    }
}

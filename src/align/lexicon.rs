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

/// Learn (Korean unit, English unit) links from `beads` (English sentence
/// range, Korean sentence range) of a first alignment.
pub(crate) fn learn(
    fe: &[Feat],
    fk: &[Feat],
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<(u32, u32)> {
    // Units that occur at least twice on their side: a single occurrence can
    // never reach MIN_COUNT.
    let mut freq_e: FxMap<u32, u32> = FxMap::default();
    let mut freq_k: FxMap<u32, u32> = FxMap::default();
    for f in fe {
        for &(u, _, hangul) in &f.units {
            if !hangul {
                *freq_e.entry(u).or_default() += 1;
            }
        }
    }
    for f in fk {
        for &(u, _, hangul) in &f.units {
            if hangul {
                *freq_k.entry(u).or_default() += 1;
            }
        }
    }
    let keep_e = |u: u32| freq_e.get(&u).is_some_and(|&c| c >= 2);
    let keep_k = |u: u32| freq_k.get(&u).is_some_and(|&c| c >= 2);

    // Sentence pairs as unit lists; every (k, e) pair gets a slot.
    let mut slot: FxMap<u64, u32> = FxMap::default();
    let mut pair_k: Vec<u32> = Vec::new();
    let mut pair_e: Vec<u32> = Vec::new();
    // Per bead: English units (with the slot of each k for it), flattened.
    let mut corpus: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    let mut slots: Vec<Vec<u32>> = Vec::new();
    for (er, kr) in beads {
        let es: Vec<u32> = er
            .clone()
            .flat_map(|a| fe[a].units.iter())
            .filter(|&&(u, _, h)| !h && keep_e(u))
            .map(|&(u, _, _)| u)
            .collect();
        let ks: Vec<u32> = kr
            .clone()
            .flat_map(|b| fk[b].units.iter())
            .filter(|&&(u, _, h)| h && keep_k(u))
            .map(|&(u, _, _)| u)
            .collect();
        if es.is_empty() || ks.is_empty() {
            continue;
        }
        let mut s = Vec::with_capacity(es.len() * ks.len());
        for &e in &es {
            for &k in &ks {
                let key = (u64::from(k) << 32) | u64::from(e);
                let next = pair_k.len() as u32;
                let id = *slot.entry(key).or_insert_with(|| {
                    pair_k.push(k);
                    pair_e.push(e);
                    next
                });
                s.push(id);
            }
        }
        corpus.push((es, ks));
        slots.push(s);
    }
    if pair_k.is_empty() {
        return Vec::new();
    }

    // t(e|k), starting uniform; a NULL word per English unit absorbs the rest.
    let mut t = vec![1.0f64; pair_k.len()];
    let null_t = 1.0f64;
    let mut count = vec![0.0f64; pair_k.len()];
    let mut total_k: FxMap<u32, f64> = FxMap::default();
    for _ in 0..ITERATIONS {
        count.iter_mut().for_each(|c| *c = 0.0);
        for ((es, ks), s) in corpus.iter().zip(&slots) {
            let nk = ks.len();
            for (ei, _) in es.iter().enumerate() {
                let row = &s[ei * nk..(ei + 1) * nk];
                let z: f64 =
                    null_t / (nk as f64 + 1.0) + row.iter().map(|&x| t[x as usize]).sum::<f64>();
                if z <= 0.0 {
                    continue;
                }
                for &x in row {
                    count[x as usize] += t[x as usize] / z;
                }
            }
        }
        total_k.clear();
        for (x, &c) in count.iter().enumerate() {
            *total_k.entry(pair_k[x]).or_default() += c;
        }
        for (x, c) in count.iter().enumerate() {
            let tk = total_k.get(&pair_k[x]).copied().unwrap_or(0.0);
            t[x] = if tk > 0.0 { c / tk } else { 0.0 };
        }
    }
    let mut links: Vec<(u32, u32)> = (0..pair_k.len())
        .filter(|&x| t[x] >= MIN_PROB && count[x] >= MIN_COUNT)
        .map(|x| (pair_k[x], pair_e[x]))
        .collect();
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

//! One-to-one matching of Korean and English quantities.
//!
//! Candidate pairs come from a value-sorted index of the English side, so
//! each Korean quantity looks at a bounded window of near values rather than
//! at every English one. Pairs are scored (kind agreement, value distance,
//! relative position in the text), taken best first, and then augmenting
//! paths re-route earlier choices whenever that lets one more Korean quantity
//! find a partner: a cheap pair never blocks a necessary one.

use super::text::weekday;
use super::{Bound, Kind, Quantity};
use serde::Serialize;

/// The outcome of [`reconcile`]: indices into the Korean and English slices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reconciliation {
    /// Pairs `(korean, english)`, in Korean order.
    pub matched: Vec<(usize, usize)>,
    /// Korean quantities without an English counterpart: the strong signal
    /// of a number lost or changed in translation.
    pub ko_only: Vec<usize>,
    /// English quantities without a Korean counterpart: a weaker signal, as
    /// translations add conversions, weekdays and context.
    pub en_only: Vec<usize>,
}

impl Reconciliation {
    /// Unmatched Korean quantities that are not [`Quantity::optional`]: what
    /// a translation audit should report.
    pub fn ko_missing(&self, ko: &[Quantity]) -> Vec<usize> {
        self.ko_only
            .iter()
            .copied()
            .filter(|&k| ko.get(k).is_some_and(|q| !q.optional))
            .collect()
    }

    /// Unmatched English quantities that are not optional.
    pub fn en_extra(&self, en: &[Quantity]) -> Vec<usize> {
        self.en_only
            .iter()
            .copied()
            .filter(|&k| en.get(k).is_some_and(|q| !q.optional))
            .collect()
    }
}

/// Relative tolerance for hedged values (`약`, `about`).
const APPROX_TOLERANCE: f64 = 0.10;
/// The most a coarse precision may stretch equality: `1 billion` does not
/// equal 1.4 billion even though it is written to the billion.
const PRECISION_CAP: f64 = 0.05;
/// English candidates examined per value window.
const WINDOW_SCAN: usize = 64;
/// Candidates kept per Korean quantity.
const MAX_CANDIDATES: usize = 16;
/// English quantities visited per augmenting-path search.
const AUGMENT_BUDGET: usize = 256;

/// True when `a` and `b` can denote the same quantity: compatible kinds and
/// values equal at the coarser precision (never stretched beyond 5%), or
/// within 10% on the side a hedge points to (`about 500` meets 460,
/// `more than 15` does not meet 14). The relation is symmetric.
///
/// ```
/// use bitext::numbers::{agree, extract_en, extract_ko};
/// let ko = extract_ko("1조2345억원");
/// assert!(agree(&ko[0], &extract_en("1.23 trillion won")[0]));
/// assert!(!agree(&ko[0], &extract_en("1.3 trillion won")[0]));
/// ```
pub fn agree(a: &Quantity, b: &Quantity) -> bool {
    cost(a, b).is_some()
}

/// The values `q` stands for: its rounding interval, stretched by 10% on
/// the side(s) its hedge points to.
fn interval(q: &Quantity, hedgeable: bool) -> (f64, f64) {
    let v = q.value;
    // Just under half a unit: rounding intervals of neighbouring values
    // touch but must not meet (2024 is not 2025).
    let t = (0.499_999 * q.precision)
        .min(PRECISION_CAP * v.abs())
        .max(1e-9 * v.abs());
    let h = t.max(APPROX_TOLERANCE * v.abs());
    match if hedgeable { q.bound } else { Bound::Exact } {
        Bound::Exact => (v - t, v + t),
        Bound::About => (v - h, v + h),
        Bound::AtLeast => (v - t, v + h),
        Bound::AtMost => (v - h, v + t),
    }
}

fn close(a: &Quantity, b: &Quantity, hedgeable: bool) -> bool {
    let (alo, ahi) = interval(a, hedgeable);
    let (blo, bhi) = interval(b, hedgeable);
    alo <= bhi && blo <= ahi
}

fn date_agree(a: Kind, b: Kind) -> bool {
    let (
        Kind::Date {
            year: ya,
            month: ma,
            day: da,
        },
        Kind::Date {
            year: yb,
            month: mb,
            day: db,
        },
    ) = (a, b)
    else {
        return false;
    };
    let part = |x: Option<i64>, y: Option<i64>| match (x, y) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    let parts = [
        part(ya.map(i64::from), yb.map(i64::from)),
        part(ma.map(i64::from), mb.map(i64::from)),
        part(da.map(i64::from), db.map(i64::from)),
    ];
    parts.iter().all(|p| p != &Some(false)) && parts.iter().any(|p| p == &Some(true))
}

/// A share written as a fraction of one (`7할` 0.7, `4분의 1` 0.25).
fn fraction(q: &Quantity) -> bool {
    q.value > 0.0 && q.value < 1.0 && q.precision < 1.0
}

/// A fraction of one as a percentage, with its precision.
fn as_percent(q: &Quantity) -> Quantity {
    let mut p = q.clone();
    p.value *= 100.0;
    p.precision = (p.precision * 100.0).max(1e-6);
    p.kind = Kind::Percent;
    p
}

/// Cost of pairing `a` with `b` (lower is better), `None` when they cannot
/// be the same quantity.
fn cost(a: &Quantity, b: &Quantity) -> Option<f64> {
    use Kind::*;
    let numeric = |k: Kind| {
        matches!(
            k,
            Number | Money(_) | Percent | PercentPoint | Year | Ordinal
        )
    };
    let eq = |x: f64, y: f64| (x - y).abs() < 1e-9;
    let base = match (a.kind, b.kind) {
        (Date { .. }, Date { .. }) => date_agree(a.kind, b.kind).then_some(0.0)?,
        (Date { year, month, day }, Weekday(w)) | (Weekday(w), Date { year, month, day }) => {
            let d = day?;
            match (year, month) {
                (Some(y), Some(m)) => (weekday(y, m, d) == w).then_some(0.5)?,
                _ => 2.0,
            }
        }
        (
            Date {
                year: None,
                month: None,
                day: Some(d),
            },
            Number | Ordinal,
        ) => eq(b.value, f64::from(d)).then_some(2.0)?,
        (
            Number | Ordinal,
            Date {
                year: None,
                month: None,
                day: Some(d),
            },
        ) => eq(a.value, f64::from(d)).then_some(2.0)?,
        (Date { year: Some(y), .. }, Year) => eq(b.value, f64::from(y)).then_some(1.5)?,
        (Year, Date { year: Some(y), .. }) => eq(a.value, f64::from(y)).then_some(1.5)?,
        (
            Time {
                hour: ha,
                minute: ma,
                clock24: ca,
            },
            Time {
                hour: hb,
                minute: mb,
                clock24: cb,
            },
        ) => {
            let hours = if ca && cb {
                ha == hb
            } else {
                ha % 12 == hb % 12
            };
            (ma == mb && hours).then_some(0.0)?
        }
        (
            Time {
                hour, minute: 0, ..
            },
            Number,
        ) => (eq(b.value, f64::from(hour)) || eq(b.value % 12.0, f64::from(hour % 12)))
            .then_some(2.0)?,
        (
            Number,
            Time {
                hour, minute: 0, ..
            },
        ) => (eq(a.value, f64::from(hour)) || eq(a.value % 12.0, f64::from(hour % 12)))
            .then_some(2.0)?,
        // `7할`, `3분의 2`, "a quarter": a share written as a fraction meets
        // the same share in percent (`70%`, "two-thirds" as `67 percent`).
        (Number, Percent) if fraction(a) => close(&as_percent(a), b, true).then_some(1.0)?,
        (Percent, Number) if fraction(b) => close(a, &as_percent(b), true).then_some(1.0)?,
        (Weekday(x), Weekday(y)) => (x == y).then_some(0.0)?,
        (Decade, Decade) => eq(a.value, b.value).then_some(0.0)?,
        (Decade, Year) | (Year, Decade) => eq(a.value, b.value).then_some(2.0)?,
        (Several, Several) => eq(a.value, b.value).then_some(0.0)?,
        (Several, Number | Money(_)) => {
            (b.value >= a.value && b.value < 10.0 * a.value).then_some(2.0)?
        }
        (Number | Money(_), Several) => {
            (a.value >= b.value && a.value < 10.0 * b.value).then_some(2.0)?
        }
        (ka, kb) if numeric(ka) && numeric(kb) => {
            let base = match (ka, kb) {
                (Money(x), Money(y)) if x != y => return None,
                (x, y) if x == y => 0.0,
                (Percent, PercentPoint) | (PercentPoint, Percent) => 0.5,
                (Number, _) | (_, Number) => 1.0,
                _ => return None,
            };
            let hedgeable = !matches!(ka, Year | Ordinal) && !matches!(kb, Year | Ordinal);
            if !close(a, b, hedgeable) {
                return None;
            }
            let mag = a.value.abs().max(b.value.abs());
            base + if mag > 0.0 {
                (a.value - b.value).abs() / mag
            } else {
                0.0
            }
        }
        _ => return None,
    };
    Some(base)
}

/// Pair Korean quantities with English ones, one to one.
///
/// Two quantities pair when [`agree`] holds: same or compatible kinds (a
/// Korean number may meet English money or a year when the unit word was
/// dropped; percent meets percentage points; a day of the month meets a
/// weekday), values equal at the coarser precision, date parts equal where
/// both are present, and different currencies never pair (conversions stay
/// unmatched). Among compatible pairs, same-kind, closer values and closer
/// relative positions in the two texts are preferred; the matching has
/// maximum size within the candidate lists.
///
/// ```
/// use bitext::numbers::{extract_en, extract_ko, reconcile};
/// let ko = extract_ko("2024년 매출은 19.8% 늘었다.");
/// let en = extract_en("Sales rose 18.9 percent in 2024.");
/// let r = reconcile(&ko, &en);
/// assert_eq!(r.matched, [(0, 1)]);
/// assert_eq!(r.ko_only, [1]);
/// ```
pub fn reconcile(ko: &[Quantity], en: &[Quantity]) -> Reconciliation {
    let ko_len = ko.iter().map(|q| q.span.end).max().unwrap_or(0).max(1) as f64;
    let en_len = en.iter().map(|q| q.span.end).max().unwrap_or(0).max(1) as f64;
    let en_pos: Vec<f64> = en.iter().map(|q| q.span.start as f64 / en_len).collect();
    // English sorted by value, then position: runs of equal values are in
    // text order, so a Korean quantity can start looking where it stands.
    let mut order: Vec<usize> = (0..en.len()).collect();
    order.sort_by(|&x, &y| {
        en[x]
            .value
            .total_cmp(&en[y].value)
            .then(en_pos[x].total_cmp(&en_pos[y]))
    });
    let keys: Vec<(f64, f64)> = order.iter().map(|&k| (en[k].value, en_pos[k])).collect();
    let weekdays: Vec<usize> = (0..en.len())
        .filter(|&k| matches!(en[k].kind, Kind::Weekday(_)))
        .collect();
    let severals: Vec<usize> = (0..en.len())
        .filter(|&k| en[k].kind == Kind::Several)
        .collect();
    let dated: Vec<usize> = (0..en.len())
        .filter(|&k| matches!(en[k].kind, Kind::Date { year: Some(_), .. }))
        .collect();

    let mut adj: Vec<Vec<(f64, usize)>> = Vec::with_capacity(ko.len());
    let mut seen = vec![usize::MAX; en.len()];
    for (i, q) in ko.iter().enumerate() {
        let pos = q.span.start as f64 / ko_len;
        let mut cands: Vec<usize> = Vec::new();
        let mut push = |k: usize, cands: &mut Vec<usize>| {
            if seen[k] != i {
                seen[k] = i;
                cands.push(k);
            }
        };
        let v = q.value;
        let w = 0.12 * v.abs() + 1e-9;
        let mut windows = vec![(v - w, v + w)];
        match q.kind {
            Kind::Time { .. } => {
                windows.push((v - 12.0 - 1e-9, v - 12.0 + 1e-9));
                windows.push((v + 12.0 - 1e-9, v + 12.0 + 1e-9));
            }
            Kind::Several => windows.push((v, 10.0 * v)),
            // A fraction meets its percentage and the other way round.
            Kind::Number if fraction(q) => windows.push((100.0 * (v - w), 100.0 * (v + w))),
            Kind::Percent if v > 0.0 && v < 100.0 => {
                windows.push(((v - w) / 100.0, (v + w) / 100.0))
            }
            Kind::Date { year: Some(y), .. } => {
                windows.push((f64::from(y) - 0.5, f64::from(y) + 0.5))
            }
            _ => {}
        }
        for (lo, hi) in windows {
            let from = keys.partition_point(|&(x, _)| x < lo);
            let to = keys.partition_point(|&(x, _)| x <= hi).max(from);
            let (a, b) = if to - from <= WINDOW_SCAN {
                (from, to)
            } else {
                let centre = keys
                    .partition_point(|&(x, p)| x < v || (x == v && p < pos))
                    .clamp(from, to);
                let a = centre.saturating_sub(WINDOW_SCAN / 2).max(from);
                (a, (a + WINDOW_SCAN).min(to))
            };
            for &k in &order[a..b] {
                push(k, &mut cands);
            }
        }
        let extra: &[usize] = match q.kind {
            Kind::Date { day: Some(_), .. } => &weekdays,
            Kind::Number | Kind::Money(_) => &severals,
            Kind::Year => &dated,
            _ => &[],
        };
        for &k in extra.iter().take(WINDOW_SCAN) {
            push(k, &mut cands);
        }
        let mut edges: Vec<(f64, usize)> = cands
            .into_iter()
            .filter_map(|k| cost(q, &en[k]).map(|c| (c + 0.5 * (pos - en_pos[k]).abs(), k)))
            .collect();
        edges.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        edges.truncate(MAX_CANDIDATES);
        adj.push(edges);
    }

    let mut all: Vec<(f64, usize, usize)> = adj
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.iter().map(move |&(c, k)| (c, i, k)))
        .collect();
    all.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut ko_match: Vec<Option<usize>> = vec![None; ko.len()];
    let mut en_match: Vec<Option<usize>> = vec![None; en.len()];
    for (_, i, k) in all {
        if ko_match[i].is_none() && en_match[k].is_none() {
            ko_match[i] = Some(k);
            en_match[k] = Some(i);
        }
    }
    let mut stamp = vec![usize::MAX; en.len()];
    for i in 0..ko.len() {
        if ko_match[i].is_none() && !adj[i].is_empty() {
            let mut budget = AUGMENT_BUDGET;
            augment(
                i,
                i,
                &adj,
                &mut ko_match,
                &mut en_match,
                &mut stamp,
                &mut budget,
                0,
            );
        }
    }

    let matched = ko_match
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|k| (i, k)))
        .collect();
    let ko_only = (0..ko.len()).filter(|&i| ko_match[i].is_none()).collect();
    let en_only = (0..en.len()).filter(|&k| en_match[k].is_none()).collect();
    Reconciliation {
        matched,
        ko_only,
        en_only,
    }
}

/// Kuhn's augmenting path from Korean `i`, bounded in depth and visits.
/// `stamp` marks the English quantities visited by the search started at
/// `root`: marking them with the current node instead would let a deeper
/// step revisit a quantity the path already holds and match it twice.
#[allow(clippy::too_many_arguments)]
fn augment(
    root: usize,
    i: usize,
    adj: &[Vec<(f64, usize)>],
    ko_match: &mut [Option<usize>],
    en_match: &mut [Option<usize>],
    stamp: &mut [usize],
    budget: &mut usize,
    depth: usize,
) -> bool {
    for &(_, k) in &adj[i] {
        if stamp[k] == root || *budget == 0 {
            continue;
        }
        stamp[k] = root;
        *budget -= 1;
        let free = match en_match[k] {
            None => true,
            Some(j) => {
                depth < 32 && augment(root, j, adj, ko_match, en_match, stamp, budget, depth + 1)
            }
        };
        if free {
            en_match[k] = Some(i);
            ko_match[i] = Some(k);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, Quantity};
    use super::*;

    fn q(value: f64, kind: Kind, start: usize) -> Quantity {
        let mut q = Quantity::new(start..start + 1, value, kind);
        q.precision = 1.0;
        q
    }

    #[test]
    fn matching_is_one_to_one_and_not_first_come() {
        // Korean 10 (approx) could take either English 10 or 11; exact 10
        // needs the English 10, so the approximate one must take 11.
        let mut a = q(10.0, Kind::Number, 0);
        a.hedge(Bound::About);
        let ko = [a, q(10.0, Kind::Number, 5)];
        let en = [q(10.0, Kind::Number, 0), q(11.0, Kind::Number, 5)];
        let r = reconcile(&ko, &en);
        assert_eq!(r.matched.len(), 2);
        assert!(r.ko_only.is_empty());
        assert!(r.matched.contains(&(1, 0)));
    }

    #[test]
    fn repeated_values_pair_by_position() {
        let ko = [
            q(3.0, Kind::Number, 0),
            q(7.0, Kind::Number, 50),
            q(3.0, Kind::Number, 100),
        ];
        let en = [
            q(3.0, Kind::Number, 0),
            q(3.0, Kind::Number, 100),
            q(7.0, Kind::Number, 50),
        ];
        let r = reconcile(&ko, &en);
        assert_eq!(r.matched, [(0, 0), (1, 2), (2, 1)]);
    }

    #[test]
    fn date_parts_must_agree_where_present() {
        let d = |y, m, dd| Kind::Date {
            year: y,
            month: m,
            day: dd,
        };
        let a = q(29.0, d(None, Some(12), Some(29)), 0);
        assert!(agree(&a, &q(29.0, d(Some(2025), Some(12), Some(29)), 0)));
        assert!(!agree(&a, &q(28.0, d(Some(2025), Some(12), Some(28)), 0)));
        assert!(!agree(
            &q(7.0, d(Some(2000), Some(7), None), 0),
            &q(7.0, d(Some(1998), Some(7), None), 0)
        ));
        assert!(agree(
            &q(6.0, d(None, Some(6), None), 0),
            &q(6.0, d(Some(2009), Some(6), None), 0)
        ));
    }

    #[test]
    fn full_dates_meet_only_their_weekday() {
        let monday = q(1.0, Kind::Weekday(1), 0);
        let full = q(
            29.0,
            Kind::Date {
                year: Some(2025),
                month: Some(12),
                day: Some(29),
            },
            0,
        );
        assert!(agree(&full, &monday));
        assert!(!agree(&full, &q(2.0, Kind::Weekday(2), 0)));
        let day_only = q(
            29.0,
            Kind::Date {
                year: None,
                month: None,
                day: Some(29),
            },
            0,
        );
        assert!(agree(&day_only, &q(2.0, Kind::Weekday(2), 0)));
    }

    #[test]
    fn currencies_never_cross() {
        let won = q(5.0, Kind::Money(super::super::Currency::Won), 0);
        let usd = q(5.0, Kind::Money(super::super::Currency::Dollar), 0);
        assert!(!agree(&won, &usd));
        assert!(agree(&won, &q(5.0, Kind::Number, 0)));
    }

    #[test]
    fn large_inputs_stay_bounded() {
        let ko: Vec<Quantity> = (0..5000).map(|k| q(1.0, Kind::Number, k)).collect();
        let en: Vec<Quantity> = (0..5000).map(|k| q(1.0, Kind::Number, k)).collect();
        let r = reconcile(&ko, &en);
        assert_eq!(r.matched.len(), 5000);
        assert!(r.matched.iter().all(|&(i, k)| i == k));
    }
}

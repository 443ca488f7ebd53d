//! Numbers, amounts, percentages, dates and times reconciled across the two
//! sides with [`crate::numbers`]: a Korean quantity with no equal English
//! counterpart is the strongest sign of a changed figure, and it is what
//! length cannot see.

use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::numbers::{Kind, Quantity};
use crate::span::Span;

/// What a number signal rests on, from the firmest to the weakest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The English has the Korean figure's digits at another magnitude or in
    /// another order (`19.8%` as `18.9 percent`, `220조` as `220 billion`).
    Slip,
    /// A Korean quantity has no equal counterpart and an English one of its
    /// class is left over: the value changed.
    Changed,
    /// A quantity a translation may drop or restate (`첫`, a conversion in
    /// parentheses) meets a different English one of its class.
    ChangedOptional,
    /// An English measure and its conversion in parentheses disagree.
    ConversionDisagrees,
    /// A Korean quantity with nothing in its place in the English (a looser
    /// rendering, a dropped clause, or a dropped figure).
    Dropped,
    /// An English quantity with no Korean counterpart.
    Added,
    /// Quantities that agree (evidence for the pair).
    Agree,
}

impl Basis {
    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Slip => "slip",
            Basis::Changed => "changed",
            Basis::ChangedOptional => "changed_optional",
            Basis::ConversionDisagrees => "conversion_disagrees",
            Basis::Dropped => "dropped",
            Basis::Added => "added",
            Basis::Agree => "agree",
        }
    }
}

/// What the quantity a signal concerns is, as calibration groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// An amount of money.
    Money,
    /// A count, a measure or a year (`3명`, `20km`, `1992년`).
    Count,
    /// A percentage or percentage points.
    Percent,
    /// A date or a weekday.
    Date,
    /// A clock time.
    Time,
    /// An ordinal or a rank.
    Ordinal,
    /// A decade or an order of magnitude (`1990년대`, `수천`).
    Vague,
}

impl Measure {
    /// The measure of a quantity kind.
    pub fn of(kind: Kind) -> Self {
        match kind {
            Kind::Money(_) => Measure::Money,
            Kind::Number | Kind::Year => Measure::Count,
            Kind::Percent | Kind::PercentPoint => Measure::Percent,
            Kind::Date { .. } | Kind::Weekday(_) => Measure::Date,
            Kind::Time { .. } => Measure::Time,
            Kind::Ordinal => Measure::Ordinal,
            Kind::Decade | Kind::Several => Measure::Vague,
        }
    }

    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Money => "money",
            Measure::Count => "count",
            Measure::Percent => "percent",
            Measure::Date => "date",
            Measure::Time => "time",
            Measure::Ordinal => "ordinal",
            Measure::Vague => "vague",
        }
    }
}

/// The class of evidence of a number signal: its [`Basis`], the [`Measure`]
/// concerned (none for agreement) and whether the quantity was hedged
/// (`약`, `이상`, "about", "more than"), whose rendering is looser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// What the signal rests on.
    pub basis: Basis,
    /// The quantity concerned (the Korean one when there are two).
    pub measure: Option<Measure>,
    /// The quantity (either side's, when two) carries a hedge.
    pub hedged: bool,
}

impl Evidence {
    fn tag(basis: Basis, q: Option<&Quantity>, other: Option<&Quantity>) -> super::Evidence {
        super::Evidence::Number(Evidence {
            basis,
            measure: q.map(|q| Measure::of(q.kind)),
            hedged: q.is_some_and(|q| q.approx) || other.is_some_and(|q| q.approx),
        })
    }

    /// Stable name: `number.BASIS[.MEASURE][.hedged]`, e.g.
    /// `number.changed.money`, `number.dropped.count.hedged`, `number.agree`.
    pub fn key(&self) -> String {
        let mut k = format!("number.{}", self.basis.as_str());
        if let Some(m) = self.measure {
            k.push('.');
            k.push_str(m.as_str());
        }
        if self.hedged {
            k.push_str(".hedged");
        }
        k
    }
}

/// Weight of a Korean quantity missing while the English has an unmatched
/// one of the same kind: a figure changed in translation.
const CHANGED_WEIGHT: f64 = 4.5;
/// Weight of a quantity a translation may drop (`첫`, a converted amount)
/// whose place an unmatched English quantity of its kind takes, and of a
/// Korean quantity whose place only an English conversion takes.
const CHANGED_OPTIONAL_WEIGHT: f64 = 3.0;
/// Weight of a Korean quantity missing with nothing in its place (it may be
/// a looser rendering, or part of a dropped clause).
const DROPPED_WEIGHT: f64 = 2.5;
/// Weight of an English quantity with no Korean counterpart: translations
/// add conversions and context, so this is weak.
const EXTRA_WEIGHT: f64 = 1.0;
/// Weight (negative: for the pair) of each quantity that agrees, up to three.
const AGREE_WEIGHT: f64 = -0.5;
/// Each further missing quantity counts this share of the one before: they
/// tend to go together (a shifted date changes day and month).
const DECAY: f64 = 0.6;

/// Number, amount, year, percentage: the classes a translator moves values between.
fn class(k: Kind) -> u8 {
    match k {
        Kind::Number | Kind::Money(_) | Kind::Year => 0,
        Kind::Percent | Kind::PercentPoint => 1,
        Kind::Date { .. } | Kind::Weekday(_) => 2,
        Kind::Time { .. } => 3,
        Kind::Ordinal => 4,
        Kind::Decade => 5,
        Kind::Several => 6,
    }
}

fn text_of<'a>(text: &'a str, q: &Quantity) -> &'a str {
    text.get(q.span.clone()).unwrap_or_default()
}

/// Significant digits of `v` (`19.8` → `198`, `2.2e14` → `22`).
fn digits(v: f64) -> String {
    let s = format!("{:e}", v.abs());
    let mantissa = s.split('e').next().unwrap_or_default();
    mantissa.chars().filter(char::is_ascii_digit).collect()
}

/// True when English value `en` reads as a slip on Korean value `ko`: the
/// same digits at another magnitude (`220조` as 220 billion), or the same
/// two or more digits in another order (19.8 as 18.9). A faithful
/// translation seldom lands on such a value by chance.
fn slip_of(ko: f64, en: f64) -> bool {
    if ko == en || !(ko.is_finite() && en.is_finite() && ko > 0.0 && en > 0.0) {
        return false;
    }
    let (a, b) = (digits(ko), digits(en));
    if a == b {
        return true;
    }
    if a.len() < 2 || a.len() != b.len() {
        return false;
    }
    let (mut x, mut y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// Metric units (as Korean and English write them), the US units English
/// news converts them to, and the affine map between the two (US value =
/// metric value · factor + offset). Longer unit names come first (`km`
/// before `m`); a unit may have several rows (`평` is given in square feet
/// or square metres).
const CONVERSIONS: [(&[&str], &[&str], f64, f64); 11] = [
    (
        &["km", "㎞", "킬로미터", "kilometer", "kilometre"],
        &["mile"],
        0.621_371,
        0.0,
    ),
    (
        &[
            "㎡",
            "m²",
            "m2",
            "제곱미터",
            "평방미터",
            "square met",
            "square-met",
        ],
        &[
            "square feet",
            "square-foot",
            "square foot",
            "sq ft",
            "sq. ft",
        ],
        10.763_9,
        0.0,
    ),
    (
        &["cm", "㎝", "센티미터", "센티", "centimet"],
        &["inch"],
        0.393_701,
        0.0,
    ),
    (
        &["kg", "㎏", "킬로그램", "kilogram"],
        &["pound", "lb"],
        2.204_62,
        0.0,
    ),
    (
        &["m", "미터", "meter", "metre"],
        &["feet", "foot", "ft"],
        3.280_84,
        0.0,
    ),
    (&["ha", "헥타르", "hectare"], &["acre"], 2.471_05, 0.0),
    (&["마일"], &["km", "kilomet"], 1.609_34, 0.0),
    (&["피트"], &["meter", "metre"], 0.304_8, 0.0),
    // Degrees Celsius, as Korean writes them (`섭씨 35도`, `영하 10도`), in
    // Fahrenheit; a bare "degrees" in American English is Fahrenheit.
    (
        &["도", "℃", "°C", "°c", "degrees celsius", "degrees c"],
        &[
            "degrees fahrenheit",
            "degrees f",
            "degree fahrenheit",
            "°F",
            "℉",
            "fahrenheit",
            "degrees",
            "f",
        ],
        1.8,
        32.0,
    ),
    // The Korean floor-area unit 평 (400/121 m²).
    (
        &["평"],
        &[
            "square feet",
            "square-foot",
            "square foot",
            "sq ft",
            "sq. ft",
        ],
        35.583_1,
        0.0,
    ),
    (
        &["평"],
        &["square met", "square-met", "㎡", "m²", "m2", "sq m"],
        3.305_79,
        0.0,
    ),
];
/// Relative tolerance of a converted value: translators round conversions
/// (240 km is 149.1 miles, written `150 miles`).
const CONVERSION_TOLERANCE: f64 = 0.07;

/// True when one of `units` follows the figure of `q` in `text`.
fn unit_follows(text: &str, q: &Quantity, units: &[&str]) -> bool {
    let figure =
        |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '만' | '천' | '백' | '억');
    let start = text.get(q.span.clone()).map_or(q.span.end, |t| {
        q.span.start + t.find(|c: char| !figure(c)).unwrap_or(t.len())
    });
    let Some(rest) = text.get(start..) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '-']);
    units.iter().any(|u| {
        let Some(head) = rest.get(..u.len()) else {
            return false;
        };
        // `m` must not be the start of `million`.
        let whole = u.len() > 2 || !rest[u.len()..].starts_with(|c: char| c.is_ascii_alphabetic());
        whole && head.eq_ignore_ascii_case(u)
    })
}

/// The row of [`CONVERSIONS`] whose unit (among `units` of each row)
/// follows the figure of `q` in `text`.
fn unit(
    text: &str,
    q: &Quantity,
    units: impl Fn(usize) -> &'static [&'static str],
) -> Option<usize> {
    (0..CONVERSIONS.len()).find(|&i| unit_follows(text, q, units(i)))
}

/// The value of `q` with its sign: `영하 10도` and "minus 4" are below zero.
fn signed(text: &str, q: &Quantity) -> f64 {
    let before = text.get(..q.span.start).unwrap_or_default().trim_end();
    let negative = before.ends_with("영하")
        || before.ends_with('-')
        || before.ends_with('−')
        || before.to_ascii_lowercase().ends_with("minus");
    if negative {
        -q.value
    } else {
        q.value
    }
}

/// True when `x` is `v` converted by row `i` of [`CONVERSIONS`], within rounding.
fn close(v: f64, i: usize, x: f64) -> bool {
    let (_, _, factor, offset) = CONVERSIONS[i];
    let expected = v * factor + offset;
    // Near zero (0 °F) a relative tolerance is no tolerance: allow a unit.
    (x - expected).abs() <= (CONVERSION_TOLERANCE * expected.abs()).max(f64::from(offset > 0.0))
}

/// True when English quantity `x` renders Korean quantity `q` in another
/// unit (`240km` as `150 miles`, `영하 10도` as `14 degrees Fahrenheit`).
fn converts(pair: &Pair<'_>, q: &Quantity, x: &Quantity) -> bool {
    (0..CONVERSIONS.len()).any(|i| {
        unit_follows(pair.ko, q, CONVERSIONS[i].0)
            && unit_follows(pair.en, x, CONVERSIONS[i].1)
            && close(signed(pair.ko, q), i, signed(pair.en, x))
    })
}

/// English measures followed by a conversion in parentheses that does not
/// agree with them (`10,000 meters (328,000 feet)`): one of the two was
/// changed, whatever the Korean says.
fn inconsistent_conversions(pair: &Pair<'_>) -> Vec<(usize, usize)> {
    let en = &pair.en_nums;
    let mut out = Vec::new();
    for (a, x) in en.iter().enumerate() {
        let Some(y) = en.get(a + 1) else { break };
        let between = pair.en.get(x.span.end..y.span.start).unwrap_or_default();
        if !between.contains('(') || between.len() > 24 {
            continue;
        }
        let metric = |q: &Quantity| unit(pair.en, q, |i| CONVERSIONS[i].0);
        let us = |q: &Quantity| unit(pair.en, q, |i| CONVERSIONS[i].1);
        let agree = match (metric(x), us(y), us(x), metric(y)) {
            (Some(i), Some(j), _, _) if i == j => close(signed(pair.en, x), i, signed(pair.en, y)),
            (_, _, Some(i), Some(j)) if i == j => close(signed(pair.en, y), i, signed(pair.en, x)),
            _ => true,
        };
        if !agree {
            out.push((a, a + 1));
        }
    }
    out
}

/// Report quantities of `pair` that do not reconcile.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let (ko, en, r) = (&pair.ko_nums, &pair.en_nums, &pair.numbers);
    if ko.is_empty() && en.is_empty() {
        return;
    }
    let missing = r.ko_missing(ko);
    let mut extra = r.en_extra(en);
    // Unmatched English quantities a translation may add (a conversion in
    // parentheses): no evidence alone, but a slip may hide in them.
    let mut loose: Vec<usize> = r
        .en_only
        .iter()
        .copied()
        .filter(|&e| en.get(e).is_some_and(|x| x.optional))
        .collect();
    let rendered: Vec<(u8, f64)> = r
        .matched
        .iter()
        .filter_map(|&(k, _)| ko.get(k))
        .map(|q| (class(q.kind), q.value))
        .collect();
    let mut scale = 1.0;
    for &k in &missing {
        let Some(q) = ko.get(k) else { continue };
        // A figure the Korean repeats is often rendered once.
        if rendered.contains(&(class(q.kind), q.value)) {
            continue;
        }
        // A measure in another unit is a rendering, not a change.
        let converted_unit = |e: &usize| en.get(*e).is_some_and(|x| converts(pair, q, x));
        if let Some(i) = extra.iter().position(converted_unit) {
            extra.remove(i);
            continue;
        }
        if let Some(i) = loose.iter().position(converted_unit) {
            loose.remove(i);
            continue;
        }
        let same = |e: &usize| en.get(*e).is_some_and(|x| class(x.kind) == class(q.kind));
        let slip = |e: &usize| same(e) && en.get(*e).is_some_and(|x| slip_of(q.value, x.value));
        // A conversion of its kind left over (`6 miles (13 km)` for 10 km)
        // is a weaker sign of a change: its number one may render `a`.
        let converted = |e: &usize| same(e) && en.get(*e).is_some_and(|x| x.value != 1.0);
        let (counterpart, weight, basis) = if let Some(i) = extra.iter().position(slip) {
            (Some(extra.remove(i)), CHANGED_WEIGHT, Basis::Slip)
        } else if let Some(i) = loose.iter().position(slip) {
            (Some(loose.remove(i)), CHANGED_WEIGHT, Basis::Slip)
        } else if let Some(i) = extra.iter().position(same) {
            (Some(extra.remove(i)), CHANGED_WEIGHT, Basis::Changed)
        } else if let Some(i) = loose.iter().position(converted) {
            (
                Some(loose.remove(i)),
                CHANGED_OPTIONAL_WEIGHT,
                Basis::ChangedOptional,
            )
        } else {
            (None, DROPPED_WEIGHT, Basis::Dropped)
        };
        let ko_text = text_of(pair.ko, q);
        let x = counterpart.and_then(|e| en.get(e));
        let evidence = Evidence::tag(basis, Some(q), x);
        let signal = match x {
            Some(x) => Signal::new(
                Code::NumberMismatch,
                weight * scale,
                format!(
                    "`{ko_text}` of the Korean became `{}` in the English",
                    text_of(pair.en, x)
                ),
            )
            .en(Span::from(x.span.clone())),
            None => Signal::new(
                Code::NumberMismatch,
                weight * scale,
                format!("`{ko_text}` of the Korean has no counterpart in the English"),
            ),
        };
        out.push(signal.ko(Span::from(q.span.clone())).evidence(evidence));
        scale *= DECAY;
    }
    for (a, b) in inconsistent_conversions(pair) {
        let (Some(x), Some(y)) = (en.get(a), en.get(b)) else {
            continue;
        };
        out.push(
            Signal::new(
                Code::NumberMismatch,
                CHANGED_WEIGHT * scale,
                format!(
                    "`{}` and its conversion `{}` of the English disagree",
                    text_of(pair.en, x),
                    text_of(pair.en, y)
                ),
            )
            .en(Span::new(x.span.start, y.span.end))
            .evidence(Evidence::tag(Basis::ConversionDisagrees, Some(x), Some(y))),
        );
        scale *= DECAY;
    }
    // A quantity a translation may drop (`첫`, a conversion) that meets an
    // unmatched English one of its kind was changed, not dropped.
    for &k in r
        .ko_only
        .iter()
        .filter(|&&k| ko.get(k).is_some_and(|q| q.optional))
    {
        let q = &ko[k];
        let Some(i) = extra
            .iter()
            .position(|&e| en.get(e).is_some_and(|x| class(x.kind) == class(q.kind)))
        else {
            continue;
        };
        let x = &en[extra.remove(i)];
        out.push(
            Signal::new(
                Code::NumberMismatch,
                CHANGED_OPTIONAL_WEIGHT * scale,
                format!(
                    "`{}` of the Korean became `{}` in the English",
                    text_of(pair.ko, q),
                    text_of(pair.en, x)
                ),
            )
            .ko(Span::from(q.span.clone()))
            .en(Span::from(x.span.clone()))
            .evidence(Evidence::tag(Basis::ChangedOptional, Some(q), Some(x))),
        );
        scale *= DECAY;
    }
    for &e in extra.iter().take(2) {
        let Some(x) = en.get(e) else { continue };
        out.push(
            Signal::new(
                Code::NumberMismatch,
                EXTRA_WEIGHT,
                format!(
                    "`{}` of the English has no counterpart in the Korean",
                    text_of(pair.en, x)
                ),
            )
            .en(Span::from(x.span.clone()))
            .evidence(Evidence::tag(Basis::Added, Some(x), None)),
        );
    }
    if !r.matched.is_empty() {
        out.push(
            Signal::new(
                Code::NumberMismatch,
                AGREE_WEIGHT * r.matched.len().min(3) as f64,
                format!("{} quantities agree", r.matched.len()),
            )
            .evidence(Evidence::tag(Basis::Agree, None, None)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ko: &str, en: &str) -> Vec<Signal> {
        crate::audit::run_check(check, ko, en)
    }

    fn total(v: &[Signal]) -> f64 {
        v.iter().map(|s| s.weight).sum()
    }

    #[test]
    fn equal_quantities_across_units_agree() {
        let v = run(
            "수출은 19.8% 늘어 3만5000명을 고용했다.",
            "Exports rose 19.8 percent, employing 35,000 people.",
        );
        assert!(total(&v) < 0.0, "{v:?}");
    }

    #[test]
    fn changed_figure_points_at_both_sides() {
        let ko = "수출은 19.8% 늘었다.";
        let en = "Exports rose 18.9 percent.";
        let v = run(ko, en);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].weight, CHANGED_WEIGHT);
        assert_eq!(v[0].ko.map(|s| &ko[s.range()]), Some("19.8%"));
        assert_eq!(v[0].en.map(|s| &en[s.range()]), Some("18.9 percent"));
    }

    #[test]
    fn changed_number_word_is_found() {
        let v = run("공사는 6개월 걸렸다.", "The work took seven months.");
        assert_eq!(v[0].weight, CHANGED_WEIGHT);
    }

    #[test]
    fn changed_counted_ordinal_is_found() {
        let v = run("그는 첫 번째 경기에서 이겼다.", "He won the second game.");
        assert!(v.iter().any(|s| s.weight == CHANGED_WEIGHT), "{v:?}");
    }

    #[test]
    fn changed_optional_ordinal_is_found() {
        let v = run("그는 첫 경기에서 이겼다.", "He won the second game.");
        assert!(
            v.iter().any(|s| s.weight == CHANGED_OPTIONAL_WEIGHT),
            "{v:?}"
        );
    }

    #[test]
    fn dropped_figure_is_weaker_than_changed() {
        let v = run(
            "회사는 직원 300명을 새로 뽑았다.",
            "The company hired new staff.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].weight, DROPPED_WEIGHT);
    }

    #[test]
    fn slips_are_same_digits_at_another_magnitude_or_order() {
        assert!(slip_of(2.2e14, 2.2e11));
        assert!(slip_of(19.8, 18.9));
        assert!(slip_of(150.0, 510.0));
        assert!(!slip_of(7.0, 9.0));
        assert!(!slip_of(35.0, 35.0));
        assert!(!slip_of(1998.0, 2024.0));
        assert!(!slip_of(f64::NAN, f64::NAN));
        assert!(!slip_of(f64::INFINITY, 5.0));
    }

    #[test]
    fn magnitude_slip_in_an_optional_amount_is_a_change() {
        let v = run(
            "그 회사의 부채는 15조원(약 110억 달러)이다.",
            "The company's debt is 15 billion won (about $11 billion).",
        );
        assert!(v.iter().any(|s| s.weight == CHANGED_WEIGHT), "{v:?}");
    }

    #[test]
    fn repeated_korean_figure_rendered_once_is_not_missing() {
        let v = run(
            "그들은 5년 동안 일했다. 그 5년은 힘들었다.",
            "They worked for five years, and those years were hard.",
        );
        assert!(total(&v) < 0.0, "{v:?}");
    }

    #[test]
    fn at_first_becoming_second_is_found() {
        let v = run(
            "그 팀은 처음으로 결승에 올랐다.",
            "The team reached the final for the second time.",
        );
        assert!(
            v.iter().any(|s| s.weight == CHANGED_OPTIONAL_WEIGHT),
            "{v:?}"
        );
    }

    #[test]
    fn figure_replaced_by_a_stray_conversion_is_a_weaker_change() {
        let v = run(
            "그 마을은 공항에서 30km 떨어져 있다.",
            "The village lies 25-mile (40-km) from the airport.",
        );
        assert!(
            v.iter().any(|s| s.weight == CHANGED_OPTIONAL_WEIGHT),
            "{v:?}"
        );
    }

    #[test]
    fn first_of_all_becoming_second_is_found() {
        let v = run(
            "그는 회의장에 먼저 도착했다.",
            "He arrived at the hall second.",
        );
        assert!(total(&v) > 2.0, "{v:?}");
    }

    #[test]
    fn metric_measure_in_us_units_is_a_rendering() {
        let v = run(
            "태풍은 해안에서 400km 떨어진 곳에 있다.",
            "The typhoon is about 250 miles off the coast.",
        );
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
        let v = run("그 다리는 길이가 300m이다.", "The bridge is 980 feet long.");
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
    }

    #[test]
    fn wrong_conversion_is_not_a_rendering() {
        let v = run(
            "태풍은 해안에서 400km 떨어진 곳에 있다.",
            "The typhoon is 420 miles off the coast.",
        );
        assert!(total(&v) >= CHANGED_WEIGHT, "{v:?}");
    }

    #[test]
    fn english_conversion_that_disagrees_is_found() {
        let v = run(
            "비행기는 1만m 상공을 날고 있었다.",
            "The plane was flying at 10,000 meters (52,000 feet).",
        );
        assert!(v.iter().any(|s| s.message.contains("conversion")), "{v:?}");
        let v = run(
            "비행기는 1만m 상공을 날고 있었다.",
            "The plane was flying at 10,000 meters (33,000 feet).",
        );
        assert!(total(&v) < 0.0, "{v:?}");
    }

    #[test]
    fn million_is_no_metre() {
        let v = run(
            "인구는 500만 명이다.",
            "The population is 5 million (about 5,000,000).",
        );
        assert!(v.iter().all(|s| !s.message.contains("conversion")), "{v:?}");
    }

    fn keys(v: &[Signal]) -> Vec<String> {
        v.iter()
            .map(|s| s.evidence.map(|e| e.key()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn every_signal_names_its_evidence_class() {
        let v = run("수출은 19.8% 늘었다.", "Exports rose 18.9 percent.");
        assert_eq!(keys(&v), ["number.slip.percent"]);
        let v = run("그는 3억 달러를 냈다.", "He paid $500 million.");
        assert_eq!(keys(&v), ["number.changed.money"]);
        let v = run("약 300명이 모였다.", "A crowd gathered.");
        assert_eq!(keys(&v), ["number.dropped.count.hedged"]);
        let v = run("그는 집에 갔다.", "He went home at 5 p.m.");
        assert!(keys(&v).iter().all(|k| k == "number.added.time"), "{v:?}");
        let v = run("그는 3명을 만났다.", "He met three people.");
        assert_eq!(keys(&v), ["number.agree"]);
        let v = run(
            "비행기는 1만m 상공을 날고 있었다.",
            "The plane was flying at 10,000 meters (52,000 feet).",
        );
        assert!(
            keys(&v)
                .iter()
                .any(|k| k == "number.conversion_disagrees.count"),
            "{v:?}"
        );
    }

    #[test]
    fn temperatures_and_floor_areas_convert() {
        let v = run("낮 기온이 섭씨 32도까지 올랐다.", "It reached 90 degrees.");
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
        let v = run("기온이 영하 15도로 떨어졌다.", "It fell to 5F.");
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
        let v = run("기온이 영하 15도로 떨어졌다.", "It fell to 25F.");
        assert!(total(&v) >= CHANGED_WEIGHT, "{v:?}");
        let v = run(
            "그는 25평 아파트에 산다.",
            "He lives in an 890-square-foot flat.",
        );
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
        let v = run(
            "그는 25평 아파트에 산다.",
            "He lives in an 83-square-metre flat.",
        );
        assert!(v.iter().all(|s| s.weight <= 0.0), "{v:?}");
    }

    /// The convention fixture: pairs written and labelled (`clean` or
    /// `number`) for the project before the check was run on them. A clean
    /// pair must have no number finding strong enough to show; a pair with a
    /// changed figure must have one.
    #[test]
    fn convention_fixture_is_judged_as_labelled() {
        let fixture = include_str!("../../tests/fixtures/number_conventions.tsv");
        let mut wrong = Vec::new();
        for line in fixture.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let [id, verdict, _, ko, en] = f[..] else {
                panic!("malformed fixture line: {line}");
            };
            let shown = run(ko, en)
                .iter()
                .any(|s| s.weight >= crate::audit::score::SHOW_WEIGHT);
            if shown != (verdict == "number") {
                wrong.push(id);
            }
        }
        assert!(wrong.is_empty(), "judged against the label: {wrong:?}");
    }

    #[test]
    fn no_numbers_no_signal() {
        assert!(run("그는 집에 갔다.", "He went home.").is_empty());
    }
}

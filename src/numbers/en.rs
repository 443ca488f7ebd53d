//! English quantity scanner.
//!
//! Numerals are read with their scale (`5.3 million`, `$1.2bn`) and
//! classified by the word after them; number words are parsed as a small
//! grammar (`two hundred and five`, `twenty-first`, `a million`). Month and
//! weekday names must be capitalised; `May` and `March` also need a day, a
//! year or a preposition next to them, since both are ordinary words too.

use super::ko::dateline;
use super::text::{
    alpha, at, at_any, at_ci, currency_before, digit, digit_pattern, digits, finish,
    glued_to_identifier, ident_end, numeral, phone_end, utf8_len, version_like, Item,
};
use super::{Bound, Currency, Kind, Quantity};

pub(super) fn extract(text: &str) -> Vec<Quantity> {
    let b = text.as_bytes();
    let mut items = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i = if c.is_ascii_digit() {
            digit_led(text, i, &mut items).max(i + 1)
        } else if c.is_ascii_alphabetic() {
            word_led(text, i, &mut items).max(i + 1)
        } else {
            i + utf8_len(c)
        };
    }
    finish(text, items, &["-", "–", "to", "~"], true)
}

/// The ASCII word (letters only) at `p`, as its end.
fn word_end(b: &[u8], p: usize) -> usize {
    let mut k = p;
    while alpha(b, k) {
        k += 1;
    }
    k
}

/// Lowercase copy of a short word, for table lookups without allocation.
fn lower(b: &[u8], s: usize, e: usize) -> Option<([u8; 16], usize)> {
    let n = e - s;
    if n == 0 || n > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, c) in buf.iter_mut().zip(&b[s..e]) {
        *d = c.to_ascii_lowercase();
    }
    Some((buf, n))
}

fn word_is(b: &[u8], s: usize, e: usize, list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.len() == e - s && b[s..e].eq_ignore_ascii_case(w.as_bytes()))
}

/// The two words before `p` (nearest first), skipping spaces.
fn prev_words(b: &[u8], p: usize) -> [(usize, usize); 2] {
    let mut out = [(0, 0); 2];
    let mut k = p;
    for slot in &mut out {
        while k > 0 && b[k - 1] == b' ' {
            k -= 1;
        }
        let e = k;
        while k > 0 && b[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        *slot = (k, e);
        if k == e {
            break;
        }
    }
    out
}

const HEDGE_ONE: &[(&str, Bound)] = &[
    ("about", Bound::About),
    ("some", Bound::About),
    ("roughly", Bound::About),
    ("around", Bound::About),
    ("approximately", Bound::About),
    ("approx", Bound::About),
    ("estimated", Bound::About),
    ("circa", Bound::About),
    ("over", Bound::AtLeast),
    ("above", Bound::AtLeast),
    ("upwards", Bound::AtLeast),
    ("nearly", Bound::AtMost),
    ("almost", Bound::AtMost),
    ("under", Bound::AtMost),
    ("below", Bound::AtMost),
];
const HEDGE_TWO: &[(&str, &str, Bound)] = &[
    ("more", "than", Bound::AtLeast),
    ("at", "least", Bound::AtLeast),
    ("just", "over", Bound::AtLeast),
    ("well", "over", Bound::AtLeast),
    ("upwards", "of", Bound::AtLeast),
    ("excess", "of", Bound::AtLeast),
    ("less", "than", Bound::AtMost),
    ("fewer", "than", Bound::AtMost),
    ("up", "to", Bound::AtMost),
    ("close", "to", Bound::AtMost),
    ("many", "as", Bound::AtMost),
    ("much", "as", Bound::AtMost),
    ("just", "under", Bound::AtMost),
    ("an", "estimated", Bound::About),
];

/// The hedge in the one or two words before `p`.
fn hedge_before(b: &[u8], p: usize) -> Bound {
    let mut q = p;
    while q > 0 && b[q - 1] == b' ' {
        q -= 1;
    }
    if q > 0 && b[q - 1] == b'~' {
        return Bound::About;
    }
    let [(s1, e1), (s2, e2)] = prev_words(b, p);
    if s1 == e1 {
        return Bound::Exact;
    }
    if let Some(&(_, _, h)) = HEDGE_TWO
        .iter()
        .find(|(x, y, _)| word_is(b, s2, e2, &[x]) && word_is(b, s1, e1, &[y]))
    {
        return h;
    }
    HEDGE_ONE
        .iter()
        .find(|(w, _)| word_is(b, s1, e1, &[w]))
        .map_or(Bound::Exact, |&(_, h)| h)
}

/// The hedge right after `p` (`200-odd`, `40-plus`, `10 or so`).
fn hedge_after(b: &[u8], p: usize) -> Bound {
    if at(b, p, "+") || at_ci(b, p, "-plus") || at_ci(b, p, " or more") {
        Bound::AtLeast
    } else if at_ci(b, p, "-odd") || at_ci(b, p, " or so") || at_ci(b, p, " odd ") {
        Bound::About
    } else {
        Bound::Exact
    }
}

/// Scale words after a numeral, and whether they need a currency sign to be
/// read as a scale (`$5m` is five million, `5m` is five metres).
const SCALES: [(&str, f64, bool); 11] = [
    ("thousand", 1e3, false),
    ("million", 1e6, false),
    ("billion", 1e9, false),
    ("trillion", 1e12, false),
    ("bn", 1e9, false),
    ("mn", 1e6, false),
    ("tn", 1e12, false),
    ("m", 1e6, true),
    ("b", 1e9, true),
    ("k", 1e3, true),
    ("t", 1e12, true),
];

fn scale_word(b: &[u8], s: usize, e: usize, currency: bool) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _, needs)| {
            (currency || !needs) && w.len() == e - s && b[s..e].eq_ignore_ascii_case(w.as_bytes())
        })
        .map(|&(_, v, _)| v)
}

const CURRENCY_WORDS: [(&str, Currency, f64); 11] = [
    ("dollars", Currency::Dollar, 1.0),
    ("dollar", Currency::Dollar, 1.0),
    ("won", Currency::Won, 1.0),
    ("yen", Currency::Yen, 1.0),
    ("euros", Currency::Euro, 1.0),
    ("euro", Currency::Euro, 1.0),
    ("yuan", Currency::Yuan, 1.0),
    ("renminbi", Currency::Yuan, 1.0),
    ("cents", Currency::Dollar, 100.0),
    ("cent", Currency::Dollar, 100.0),
    ("sterling", Currency::Pound, 1.0),
];

const MONTHS: [(&str, u8); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1–12) an English month name or abbreviation names (`March`,
/// `mar`, `Sept`), ASCII case ignored.
///
/// ```
/// assert_eq!(bitext::numbers::english_month("Sept"), Some(9));
/// assert_eq!(bitext::numbers::english_month("Marc"), None);
/// ```
pub fn english_month(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// The weekday (1 = Monday … 7 = Sunday) an English day name or its usual
/// abbreviation names (`Tuesday`, `Tue`, `Tues`, `Thurs`), ASCII case ignored.
///
/// ```
/// assert_eq!(bitext::numbers::english_weekday("Thurs"), Some(4));
/// assert_eq!(bitext::numbers::english_weekday("Sundae"), None);
/// ```
pub fn english_weekday(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    let abbreviation = w.len() == 3 || matches!(w.as_str(), "tues" | "thur" | "thurs");
    WEEKDAYS
        .iter()
        .position(|day| *day == w || (abbreviation && day.starts_with(w.as_str())))
        .map(|d| d as u8 + 1)
}

/// Words before `May`/`March` that make them months.
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "last", "next", "early", "late", "mid", "of", "from",
    "through", "this", "between", "and", "to", "on", "during", "before", "after", "end", "since",
    "that",
];

/// Prefixes joined to a year by a hyphen that do not make it an identifier.
const YEAR_PREFIXES: &[&str] = &[
    "mid", "pre", "post", "early", "late", "circa", "ex", "the", "since", "until",
];

/// A month name starting at `s` (capitalised), as the month and its end.
fn month_at(b: &[u8], s: usize) -> Option<(u8, usize)> {
    if !b.get(s).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let e = word_end(b, s);
    let (w, n) = lower(b, s, e)?;
    let w = &w[..n];
    let &(name, m) = MONTHS.iter().find(|(name, _)| name.as_bytes() == w)?;
    let abbreviated = name.len() <= 4 && !matches!(name, "may" | "june" | "july");
    let mut end = e;
    if abbreviated {
        if b.get(e) == Some(&b'.') {
            end = e + 1;
        } else if !(b.get(e) == Some(&b' ') && digit(b, e + 1)) {
            return None;
        }
    }
    if matches!(name, "may" | "march" | "mar") {
        let [(ps, pe), _] = prev_words(b, s);
        // `29 March`, `the 3rd of March`: a day before the month is a cue too.
        let day_before = (pe > 0 && b[pe - 1].is_ascii_digit())
            || (ps > 0
                && b[ps - 1].is_ascii_digit()
                && word_is(b, ps, pe, &["st", "nd", "rd", "th"]));
        let cue = word_is(b, ps, pe, MONTH_CUES) || day_before;
        let number_follows = b.get(end) == Some(&b' ') && digit(b, end + 1);
        if !cue && !number_follows {
            return None;
        }
    }
    Some((m, end))
}

/// A day (1–31, with an optional ordinal suffix) at `p`, as the day and end.
fn day_at(b: &[u8], p: usize) -> Option<(u8, usize)> {
    let (d, n) = digits(b, p);
    if !(1..=2).contains(&n) || !(1..=31).contains(&d) {
        return None;
    }
    let mut e = p + n;
    if at_any(b, e, &["st", "nd", "rd", "th"]).is_some() && !alpha(b, e + 2) {
        e += 2;
    }
    if alpha(b, e) || digit(b, e) || (b.get(e) == Some(&b':') && digit(b, e + 1)) {
        return None;
    }
    Some((d as u8, e))
}

/// A four-digit year at `p`.
fn year_at(b: &[u8], p: usize) -> Option<(i32, usize)> {
    let (y, n) = digits(b, p);
    (n == 4 && (1000..=2999).contains(&y) && !alpha(b, p + 4) && !digit(b, p + 4))
        .then_some((y as i32, p + 4))
}

/// Date after a month name ending at `e`: `Dec. 29, 2025`, `July 27`,
/// `July 1998`, or the month alone.
fn after_month(b: &[u8], m: u8, e: usize) -> (Kind, usize) {
    if b.get(e) == Some(&b' ') {
        if let Some((d, de)) = day_at(b, e + 1) {
            let mut end = de;
            let mut year = None;
            let ys = if at(b, de, ", ") {
                Some(de + 2)
            } else if at(b, de, " ") {
                Some(de + 1)
            } else {
                None
            };
            if let Some((y, ye)) = ys.and_then(|ys| year_at(b, ys)) {
                year = Some(y);
                end = ye;
            }
            return (
                Kind::Date {
                    year,
                    month: Some(m),
                    day: Some(d),
                },
                end,
            );
        }
        let ys = if at(b, e, " of ") { e + 4 } else { e + 1 };
        if let Some((y, ye)) = year_at(b, ys) {
            return (
                Kind::Date {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                },
                ye,
            );
        }
    }
    if at(b, e, ", ") {
        if let Some((y, ye)) = year_at(b, e + 2) {
            return (
                Kind::Date {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                },
                ye,
            );
        }
    }
    (
        Kind::Date {
            year: None,
            month: Some(m),
            day: None,
        },
        e,
    )
}

fn date_value(kind: Kind) -> f64 {
    match kind {
        Kind::Date { day: Some(d), .. } => f64::from(d),
        Kind::Date { month: Some(m), .. } => f64::from(m),
        Kind::Date { year: Some(y), .. } => f64::from(y),
        Kind::Time { hour, minute, .. } => f64::from(hour) + f64::from(minute) / 60.0,
        _ => 0.0,
    }
}

/// `a.m.`/`pm` at `p` (after an optional space): true for p.m., and the end.
fn meridiem_at(b: &[u8], p: usize) -> Option<(bool, usize)> {
    let s = if b.get(p) == Some(&b' ') { p + 1 } else { p };
    for (w, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ] {
        if at_ci(b, s, w) && !alpha(b, s + w.len()) {
            return Some((pm, s + w.len()));
        }
    }
    None
}

fn with_meridiem(hour: u8, pm: bool) -> u8 {
    match (hour % 12, pm) {
        (h, false) => h,
        (h, true) => h + 12,
    }
}

fn digit_led(text: &str, i: usize, items: &mut Vec<Item>) -> usize {
    let b = text.as_bytes();
    let currency = currency_before(b, i);
    let glued_letter = i > 0 && b[i - 1].is_ascii_alphabetic() && currency.is_none();
    if glued_letter || (glued_to_identifier(b, i) && !year_prefix(b, i)) {
        return ident_end(b, i);
    }
    if let Some((kind, end)) = digit_pattern(b, i) {
        let (kind, end) = match kind {
            Kind::Time {
                hour,
                minute,
                clock24,
            } => match meridiem_at(b, end) {
                Some((pm, e)) if hour <= 12 => (
                    Kind::Time {
                        hour: with_meridiem(hour, pm),
                        minute,
                        clock24: true,
                    },
                    e,
                ),
                _ => (
                    Kind::Time {
                        hour,
                        minute,
                        clock24,
                    },
                    end,
                ),
            },
            k => (k, end),
        };
        let mut q = Quantity::new(i..end, date_value(kind), kind);
        q.optional = dateline(kind);
        items.push(Item::new(q));
        return end;
    }
    if let Some(e) = phone_end(b, i) {
        return e;
    }
    let skip = || {
        let mut k = i;
        while digit(b, k) || (matches!(b.get(k), Some(b',' | b'.')) && digit(b, k + 1)) {
            k += 1;
        }
        k
    };
    let Some(n) = numeral(b, i) else {
        return skip();
    };
    if version_like(b, n.end) {
        return skip();
    }
    let mut start = i;
    let mut value = n.value;
    let mut place = n.place();
    // `.268`, `$.50`: a decimal without its leading zero.
    let dot_start = i >= 1
        && b[i - 1] == b'.'
        && (i == 1 || matches!(b[i - 2], b' ' | b'(' | b'$' | b'"' | b'\n'))
        && n.frac_digits == 0
        && !n.grouped;
    if dot_start {
        place = 10f64.powi(-(n.int_digits as i32));
        value = n.value * place;
        start = i - 1;
    }
    let mut mult = 1.0;
    let mut kind = Kind::Number;
    let mut bare = true;
    let mut end = n.end;
    let integer = n.frac_digits == 0;
    if let Some((cur, cs)) = currency {
        kind = Kind::Money(cur);
        start = cs;
        bare = false;
    }
    // `7.55am`, `4.40 p.m.`: British clock times with a point.
    if n.frac_digits == 2 && n.int_digits <= 2 && !n.grouped && currency.is_none() {
        let (hour, minute) = (n.value.trunc(), ((n.value.fract()) * 100.0).round());
        if (1.0..=12.0).contains(&hour) && minute < 60.0 {
            if let Some((pm, e)) = meridiem_at(b, n.end) {
                let hour = with_meridiem(hour as u8, pm);
                let kind = Kind::Time {
                    hour,
                    minute: minute as u8,
                    clock24: true,
                };
                items.push(Item::new(Quantity::new(i..e, date_value(kind), kind)));
                return e;
            }
        }
    }
    if let Some((kind, end)) = military_time(b, i, &n) {
        items.push(Item::new(Quantity::new(i..end, date_value(kind), kind)));
        return end;
    }
    // `'90s`
    if i > 0
        && matches!(b[i - 1], b'\'' | 0x99)
        && n.int_digits == 2
        && at(b, n.end, "s")
        && !alpha(b, n.end + 1)
    {
        let y = n.value as i32;
        let year = if y < 30 { 2000 + y } else { 1900 + y };
        let q = Quantity::new(i - 1..n.end + 1, f64::from(year), Kind::Decade);
        items.push(Item::new(q));
        return n.end + 1;
    }
    if alpha(b, end) {
        let we = word_end(b, end);
        if digit(b, we) {
            return ident_end(b, i);
        }
        let is = |list: &[&str]| word_is(b, end, we, list);
        if is(&["st", "nd", "rd", "th"]) && integer {
            kind = Kind::Ordinal;
            // `the 3rd of March`, `3rd March 2026`: a day in British order.
            let ms = if at(b, we, " of ") { we + 4 } else { we + 1 };
            let month = (b.get(we) == Some(&b' ') && (1.0..=31.0).contains(&value))
                .then(|| month_at(b, ms))
                .flatten();
            if let Some((m, me)) = month {
                let mut year = None;
                let mut e = me;
                if at(b, me, " ") || at(b, me, ", ") {
                    let ys = if at(b, me, " ") { me + 1 } else { me + 2 };
                    if let Some((y, ye)) = year_at(b, ys) {
                        year = Some(y);
                        e = ye;
                    }
                }
                let kind = Kind::Date {
                    year,
                    month: Some(m),
                    day: Some(value as u8),
                };
                let mut q = Quantity::new(start..e, value, kind);
                q.hedge(hedge_before(b, start));
                items.push(Item::new(q));
                return e;
            }
        } else if is(&["s"]) {
            if n.int_digits == 4 && n.value % 10.0 == 0.0 && integer {
                kind = Kind::Decade;
            }
        } else if is(&["am", "pm"]) && integer && value <= 12.0 {
            let hour = with_meridiem(value as u8, is(&["pm"]));
            kind = Kind::Time {
                hour,
                minute: 0,
                clock24: true,
            };
            value = f64::from(hour);
        } else if let Some(s) = scale_word(b, end, we, currency.is_some()) {
            value *= s;
            place *= s;
            mult = s;
        }
        end = we;
        bare = false;
    } else if at(b, end, "%") {
        kind = Kind::Percent;
        end += 1;
        bare = false;
        let s = if at(b, end, " ") { end + 1 } else { end };
        if at_ci(b, s, "point") {
            kind = Kind::PercentPoint;
            end = word_end(b, s);
        }
    }
    // Words after the numeral, separated by a space or a hyphen.
    if bare || matches!(kind, Kind::Money(_)) && mult == 1.0 {
        if let Some(s) = [" ", "-"]
            .iter()
            .find(|sep| at(b, end, sep))
            .map(|sep| end + sep.len())
        {
            let we = word_end(b, s);
            if let Some(sc) = scale_word(b, s, we, false) {
                value *= sc;
                place *= sc;
                mult = sc;
                end = we;
                bare = false;
            } else if let Some(&(_, m)) = GROUP_WORDS.iter().find(|(w, _)| word_is(b, s, we, &[w]))
            {
                value *= m;
                end = we;
                bare = false;
            }
        }
    }
    if matches!(kind, Kind::Number | Kind::Money(_)) {
        if let Some(s) = [" ", "-"]
            .iter()
            .find(|sep| at(b, end, sep))
            .map(|sep| end + sep.len())
        {
            let we = word_end(b, s);
            let w_is = |list: &[&str]| word_is(b, s, we, list);
            if (w_is(&["percentage", "percent", "pct"]) && at_ci(b, we, " point"))
                || (w_is(&["per"]) && at_ci(b, we, " cent point"))
            {
                kind = Kind::PercentPoint;
                end = word_end(b, we + 1);
                if w_is(&["per"]) {
                    end = word_end(b, word_end(b, we + 1) + 1);
                }
            } else if w_is(&["percent", "pct", "percentage"]) {
                kind = Kind::Percent;
                end = we;
            } else if w_is(&["per"]) && at_ci(b, we, " cent") && !alpha(b, we + 5) {
                kind = Kind::Percent;
                end = we + 5;
            } else if let Some(&(w, cur, div)) = CURRENCY_WORDS.iter().find(|(w, _, _)| w_is(&[w]))
            {
                if w != "won" || !matches!(kind, Kind::Money(_)) {
                    kind = Kind::Money(cur);
                    value /= div;
                    place /= div;
                    end = we;
                }
            } else if at_ci(b, s, "o'clock") && integer && value <= 24.0 {
                kind = Kind::Time {
                    hour: value as u8,
                    minute: 0,
                    clock24: value >= 13.0,
                };
                end = s + 7;
            } else if let Some((pm, e)) =
                meridiem_at(b, end).filter(|_| integer && value <= 12.0 && mult == 1.0)
            {
                let hour = with_meridiem(value as u8, pm);
                kind = Kind::Time {
                    hour,
                    minute: 0,
                    clock24: true,
                };
                value = f64::from(hour);
                end = e;
            } else if let Some((m, me)) =
                month_at(b, s).filter(|_| integer && mult == 1.0 && (1.0..=31.0).contains(&value))
            {
                // `29 December 2025`
                let mut year = None;
                let mut e = me;
                if at(b, me, " ") {
                    if let Some((y, ye)) = year_at(b, me + 1) {
                        year = Some(y);
                        e = ye;
                    }
                }
                kind = Kind::Date {
                    year,
                    month: Some(m),
                    day: Some(value as u8),
                };
                end = e;
            }
            if !matches!(kind, Kind::Number) {
                bare = false;
            }
        }
    }
    if bare && n.year_like() {
        kind = Kind::Year;
    }
    let mut q = Quantity::new(start..end, value, kind);
    q.precision = place;
    q.hedge(hedge_before(b, start));
    q.hedge(hedge_after(b, end));
    q.optional = value == 1.0 && matches!(kind, Kind::Number | Kind::Ordinal);
    items.push(Item { q, bare, mult });
    end
}

/// Words that multiply the number before them: `three dozen`, `five
/// decades` (fifty years, as Korean writes it), `two centuries`.
const GROUP_WORDS: [(&str, f64); 5] = [
    ("dozen", 12.0),
    ("decade", 10.0),
    ("decades", 10.0),
    ("century", 100.0),
    ("centuries", 100.0),
];

/// Four-digit clock times: `0715`, `1215 GMT`.
fn military_time(b: &[u8], i: usize, n: &super::text::Numeral) -> Option<(Kind, usize)> {
    if n.int_digits != 4 || n.grouped || n.frac_digits != 0 || alpha(b, n.end) {
        return None;
    }
    let zones = [
        " GMT",
        " UTC",
        " KST",
        " EST",
        " EDT",
        " PST",
        " hours",
        " hrs",
        " local time",
    ];
    let zone = zones.iter().find(|z| at(b, n.end, z));
    if b[i] != b'0' && zone.is_none() {
        return None;
    }
    let (hour, minute) = ((n.value / 100.0) as u8, (n.value % 100.0) as u8);
    if hour > 23 || minute > 59 {
        return None;
    }
    let end = zone.map_or(n.end, |z| n.end + z.len());
    Some((
        Kind::Time {
            hour,
            minute,
            clock24: true,
        },
        end,
    ))
}

/// Digits after `mid-`, `pre-` and the like are a year, not an identifier.
fn year_prefix(b: &[u8], i: usize) -> bool {
    if i < 2 || b[i - 1] != b'-' {
        return false;
    }
    let e = i - 1;
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    word_is(b, s, e, YEAR_PREFIXES)
}

pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINAL_UNITS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
const WORD_SCALES: [(&str, f64); 4] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
const FRACTIONS: [(&str, f64); 8] = [
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
];
const SEVERAL: [(&str, f64); 7] = [
    ("dozens", 10.0),
    ("tens", 10.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

fn index_of(list: &[&str], w: &[u8]) -> Option<usize> {
    list.iter().position(|x| x.as_bytes() == w)
}

fn word_led(text: &str, i: usize, items: &mut Vec<Item>) -> usize {
    let b = text.as_bytes();
    let e = word_end(b, i);
    if digit(b, e) {
        // `W1.2 trillion` is won; `S25`, `HBM3E` are identifiers.
        if e == i + 1 && b[i] == b'W' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            return e;
        }
        // `Q3`: a quarter, like `3분기`.
        let standalone = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && !b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric);
        if e == i + 1 && b[i] == b'Q' && standalone && (b'1'..=b'4').contains(&b[e]) {
            items.push(Item::new(Quantity::new(
                i..e + 1,
                f64::from(b[e] - b'0'),
                Kind::Ordinal,
            )));
            return e + 1;
        }
        return ident_end(b, i);
    }
    if matches!(b.get(e), Some(b'-' | b'_' | b'/' | b'=')) && digit(b, e + 1) {
        return if word_is(b, i, e, YEAR_PREFIXES) {
            e + 1
        } else {
            ident_end(b, i)
        };
    }
    if word_is(b, i, e, &["http", "https", "www"]) && matches!(b.get(e), Some(b':' | b'.')) {
        let mut k = e;
        while b.get(k).is_some_and(|c| !c.is_ascii_whitespace()) {
            k += 1;
        }
        return k;
    }
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return e;
    }
    let Some((w, n)) = lower(b, i, e) else {
        return e;
    };
    let w = &w[..n];
    if let Some((m, me)) = month_at(b, i) {
        let (kind, end) = after_month(b, m, me);
        items.push(Item::new(Quantity::new(i..end, date_value(kind), kind)));
        return end;
    }
    if b[i].is_ascii_uppercase() {
        let stem = w.strip_suffix(b"s").unwrap_or(w);
        if let Some(d) = index_of(&WEEKDAYS, stem) {
            let mut q = Quantity::new(i..e, (d + 1) as f64, Kind::Weekday(d as u8 + 1));
            // Korean news writes the day of the month, or just 이날 "that day".
            q.optional = true;
            items.push(Item::new(q));
            return e;
        }
        if let Some(v) = roman(b, i, e) {
            items.push(Item::new(Quantity::new(i..e, v, Kind::Ordinal)));
            return e;
        }
    }
    match w {
        b"noon" | b"midnight" => {
            let hour = if w == b"noon" { 12 } else { 0 };
            items.push(Item::new(Quantity::new(
                i..e,
                f64::from(hour),
                Kind::Time {
                    hour,
                    minute: 0,
                    clock24: true,
                },
            )));
            return e;
        }
        b"twice" | b"thrice" => {
            let v = if w == b"twice" { 2.0 } else { 3.0 };
            items.push(Item::new(Quantity::new(i..e, v, Kind::Number)));
            return e;
        }
        b"double" | b"doubled" | b"doubles" | b"doubling" | b"triple" | b"tripled" | b"triples"
        | b"tripling" => {
            // `두 배`, `3배`: a multiple written as a verb.
            let v = if w.starts_with(b"doubl") { 2.0 } else { 3.0 };
            let mut q = Quantity::new(i..e, v, Kind::Number);
            q.optional = true;
            items.push(Item::new(q));
            return e;
        }
        b"both" => {
            // Korean often says 두 (two) where English says "both".
            let mut q = Quantity::new(i..e, 2.0, Kind::Number);
            q.optional = true;
            items.push(Item::new(q));
            return e;
        }
        b"decades" | b"centuries" => {
            // "for decades", "a decades-old dispute": tens of years, as
            // `수십 년` writes it (a count of decades is read with its number).
            let v = if w == b"decades" { 10.0 } else { 100.0 };
            let mut q = Quantity::new(i..e, v, Kind::Several);
            q.hedge(Bound::About);
            q.precision = v;
            items.push(Item::new(q));
            return e;
        }
        b"couple" if after_article(b, i) && at_ci(b, e, " of ") => {
            // "a couple of days" is about two (`이틀`, `두어`).
            let mut q = Quantity::new(i..e, 2.0, Kind::Number);
            q.hedge(Bound::About);
            q.optional = true;
            items.push(Item::new(q));
            return e;
        }
        b"duo" | b"trio" | b"quartet" | b"quintet" => {
            // A group by its size (`2인조`, `3인조`).
            let v = match w {
                b"duo" => 2.0,
                b"trio" => 3.0,
                b"quartet" => 4.0,
                _ => 5.0,
            };
            items.push(Item::new(Quantity::new(i..e, v, Kind::Number)));
            return e;
        }
        b"quarterfinal" | b"quarterfinals" | b"semifinal" | b"semifinals" => {
            // The last eight or four of a tournament (`8강`, `4강`).
            let v = if w.starts_with(b"quarter") { 8.0 } else { 4.0 };
            items.push(Item::new(Quantity::new(i..e, v, Kind::Number)));
            return e;
        }
        b"quarter" | b"semi" if at_ci(b, e, "-final") => {
            let v = if w == b"quarter" { 8.0 } else { 4.0 };
            let end = word_end(b, e + 1);
            items.push(Item::new(Quantity::new(i..end, v, Kind::Number)));
            return end;
        }
        b"half" | b"quarter"
            if at_ci(b, e, "-point")
                || at_ci(b, e, " point")
                || at_ci(b, e, " percentage point")
                || at_ci(b, e, " a percentage point")
                || at_ci(b, e, " of a percentage point") =>
        {
            // `a half-point cut`, `half a percentage point`: percentage
            // points in financial English.
            let v = if w == b"half" { 0.5 } else { 0.25 };
            let skip = [" a percentage", " of a percentage", " percentage"]
                .iter()
                .find(|p| at_ci(b, e, p))
                .map_or(0, |p| p.len());
            let end = word_end(b, e + skip + 1);
            let mut q = Quantity::new(i..end, v, Kind::PercentPoint);
            q.precision = 0.01;
            items.push(Item::new(q));
            return end;
        }
        _ => {}
    }
    if let Some(end) = several(b, i, e, w, items) {
        return end;
    }
    number_words(b, i, items).unwrap_or(e)
}

/// A Roman numeral of two or more letters after a capitalised word
/// (`World War II`, `Elizabeth II`, `Super Bowl XLII`), as an ordinal.
fn roman(b: &[u8], s: usize, e: usize) -> Option<f64> {
    let word = b.get(s..e)?;
    if word.len() < 2 || !word.iter().all(|c| b"IVXLC".contains(c)) {
        return None;
    }
    let [(ps, pe), _] = prev_words(b, s);
    if ps == pe || !b[ps].is_ascii_uppercase() {
        return None;
    }
    let digit_value = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        _ => 100,
    };
    let mut total = 0;
    for (k, &c) in word.iter().enumerate() {
        let v = digit_value(c);
        if word.get(k + 1).is_some_and(|&n| digit_value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Reject malformed numerals such as `IIII` or `VX` by re-encoding.
    let canonical = to_roman(total);
    (total > 0 && canonical.as_bytes() == word).then_some(f64::from(total))
}

fn to_roman(mut n: i32) -> String {
    const T: [(i32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in T {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// `thousands`, `hundreds of millions`, `dozens of billions`, `several
/// hundred`, `a few thousand`: an order of magnitude.
fn after_article(b: &[u8], i: usize) -> bool {
    let [(s, e), _] = prev_words(b, i);
    word_is(b, s, e, &["a"])
}

fn several(b: &[u8], i: usize, e: usize, w: &[u8], items: &mut Vec<Item>) -> Option<usize> {
    let (mut value, mut end) = if let Some(&(_, v)) =
        SEVERAL.iter().find(|(s, _)| s.as_bytes() == w)
    {
        (v, e)
    } else if w == b"several" || (w == b"few" && after_article(b, i)) {
        let s = e + 1;
        if b.get(e) != Some(&b' ') {
            return None;
        }
        let we = word_end(b, s);
        let v = if word_is(b, s, we, &["hundred"]) {
            100.0
        } else if let Some(&(_, v)) = WORD_SCALES.iter().find(|(x, _)| word_is(b, s, we, &[x])) {
            v
        } else if word_is(b, s, we, &["dozen"]) {
            10.0
        } else {
            return None;
        };
        (v, we)
    } else {
        return None;
    };
    if at_ci(b, end, " of ") {
        let s = end + 4;
        let we = word_end(b, s);
        let scales = [
            ("thousands", 1e3),
            ("millions", 1e6),
            ("billions", 1e9),
            ("trillions", 1e12),
        ];
        if let Some(&(_, v)) = scales.iter().find(|(x, _)| word_is(b, s, we, &[x])) {
            value *= v;
            end = we;
        } else if w == b"tens" {
            return None;
        }
    } else if w == b"tens" {
        return None;
    }
    // `several hundred thousand`
    if at(b, end, " ") {
        let we = word_end(b, end + 1);
        if let Some(&(_, v)) = WORD_SCALES
            .iter()
            .find(|(x, _)| word_is(b, end + 1, we, &[x]))
        {
            if v > value {
                value *= v;
                end = we;
            }
        }
    }
    let mut q = Quantity::new(i..end, value, Kind::Several);
    q.hedge(Bound::About);
    q.precision = value;
    items.push(Item::new(q));
    Some(end)
}

/// Number words from `i`: `twenty-five`, `two hundred and five`, `a million`,
/// `three dozen`, `twenty-first`, `two-thirds`.
fn number_words(b: &[u8], i: usize, items: &mut Vec<Item>) -> Option<usize> {
    let mut k = i;
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false;
    let mut article = false;
    let mut end = i;
    let mut last_scale = f64::MAX;
    let mut kind = Kind::Number;
    let mut place = 1.0;
    let mut approx = false;
    let mut fraction = None;
    loop {
        let e = word_end(b, k);
        let Some((w, n)) = lower(b, k, e) else { break };
        let w = &w[..n];
        let first = k == i;
        if first && (w == b"a" || w == b"an") {
            let s = e + 1;
            let we = word_end(b, s);
            let next_ok = b.get(e) == Some(&b' ')
                && (word_is(
                    b,
                    s,
                    we,
                    &[
                        "hundred", "thousand", "million", "billion", "trillion", "dozen", "decade",
                        "century",
                    ],
                ) || (word_is(b, s, we, &["third", "quarter"]) && at_ci(b, we, " of ")));
            if !next_ok {
                return None;
            }
            article = true;
            k = s;
            continue;
        }
        if let Some(u) = index_of(&UNITS, w) {
            let c = cur % 100.0;
            if !(c == 0.0 || (c >= 20.0 && c % 10.0 == 0.0 && u < 10)) || article {
                break;
            }
            cur += u as f64;
        } else if let Some(t) = index_of(&TENS, w) {
            if cur % 100.0 != 0.0 || article {
                break;
            }
            cur += 20.0 + 10.0 * t as f64;
        } else if w == b"hundred" {
            if !(cur < 100.0 && (cur > 0.0 || article)) {
                break;
            }
            cur = cur.max(1.0) * 100.0;
            place = 100.0;
            article = false;
        } else if let Some(&(_, s)) = WORD_SCALES.iter().find(|(x, _)| x.as_bytes() == w) {
            if !(s < last_scale && (cur > 0.0 || article)) {
                break;
            }
            total += cur.max(1.0) * s;
            place = if cur % 10.0 == 0.0 && cur > 0.0 {
                place * s
            } else {
                s
            };
            cur = 0.0;
            last_scale = s;
            article = false;
        } else if let Some(&(g, m)) = GROUP_WORDS
            .iter()
            .find(|(g, _)| g.as_bytes() == w)
            .filter(|_| (cur > 0.0 || article) && cur < 100.0 && total == 0.0)
        {
            cur = cur.max(1.0) * m;
            approx = article && g == "dozen";
            any = true;
            end = e;
            break;
        } else if let Some(o) = index_of(&ORDINAL_UNITS, w) {
            let c = cur % 100.0;
            let ok = total == 0.0
                && (c == 0.0 || (c >= 20.0 && c % 10.0 == 0.0 && (1..10).contains(&o)));
            let time_unit = first && w == b"second" && second_is_time(b, i, e);
            if !ok || article || time_unit || (first && o == 0) {
                break;
            }
            cur += o as f64;
            kind = Kind::Ordinal;
            any = true;
            end = e;
            break;
        } else if let Some(t) = index_of(&ORDINAL_TENS, w) {
            if cur % 100.0 != 0.0 || article || total != 0.0 {
                break;
            }
            cur += 20.0 + 10.0 * t as f64;
            kind = Kind::Ordinal;
            any = true;
            end = e;
            break;
        } else if let Some(&(_, den)) = FRACTIONS.iter().find(|(x, _)| x.as_bytes() == w) {
            let numerator = if article { 1.0 } else { cur };
            let plural_ok = (numerator > 1.0) == w.ends_with(b"s");
            let joined = article || (k > 0 && b[k - 1] == b'-');
            if !(numerator >= 1.0
                && numerator < den
                && total == 0.0
                && plural_ok
                && joined
                && (any || article))
            {
                break;
            }
            fraction = Some(numerator / den);
            any = true;
            end = e;
            break;
        } else if w == b"and" && any && (cur >= 100.0 || total > 0.0) && cur % 100.0 == 0.0 {
            // `two hundred and five`: only when a number word follows.
            let s = e + 1;
            let we = word_end(b, s);
            let more = lower(b, s, we).is_some_and(|(x, n)| {
                index_of(&UNITS, &x[..n]).is_some() || index_of(&TENS, &x[..n]).is_some()
            });
            if b.get(e) != Some(&b' ') || !more {
                break;
            }
            k = s;
            continue;
        } else {
            break;
        }
        any = true;
        end = e;
        if matches!(b.get(e), Some(b' ' | b'-')) && alpha(b, e + 1) {
            k = e + 1;
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    let mut value = total + cur;
    if let Some(f) = fraction {
        value = f;
        place = 1e-6;
    }
    let mut q = Quantity::new(i..end, value, kind);
    q.precision = if fraction.is_some() {
        1e-6
    } else {
        place.min(value.max(1.0))
    };
    // A written-out scale is as precise as the words: `two million` is 2e6
    // to the million.
    if total > 0.0 && cur == 0.0 && fraction.is_none() {
        q.precision = last_scale;
    }
    if kind == Kind::Number && fraction.is_none() {
        if let Some(s) = [" ", "-"]
            .iter()
            .find(|sep| at(b, end, sep))
            .map(|sep| end + sep.len())
        {
            let we = word_end(b, s);
            if word_is(b, s, we, &["percent", "pct"]) {
                q.kind = Kind::Percent;
                q.span.end = we;
            } else if let Some(&(_, cur, div)) = CURRENCY_WORDS
                .iter()
                .find(|(w, _, _)| word_is(b, s, we, &[w]))
            {
                if div == 1.0 {
                    q.kind = Kind::Money(cur);
                    q.span.end = we;
                }
            } else if let Some((pm, e)) =
                meridiem_at(b, end).filter(|_| (1.0..=12.0).contains(&value))
            {
                let hour = with_meridiem(value as u8, pm);
                q.kind = Kind::Time {
                    hour,
                    minute: 0,
                    clock24: true,
                };
                q.value = f64::from(hour);
                q.span.end = e;
            } else if at_ci(b, s, "o'clock") && value <= 12.0 {
                q.kind = Kind::Time {
                    hour: value as u8,
                    minute: 0,
                    clock24: false,
                };
                q.span.end = s + 7;
            }
        }
    }
    if approx {
        q.hedge(Bound::About);
    }
    q.hedge(hedge_before(b, i));
    q.hedge(hedge_after(b, q.span.end));
    q.optional = value == 1.0 && matches!(q.kind, Kind::Number | Kind::Ordinal);
    let end = q.span.end;
    items.push(Item::new(q));
    Some(end)
}

/// `second` is a unit of time after a number, `per` or `split`, in the
/// plural, or after `a` when no noun follows (`12 trillion a second,`).
fn second_is_time(b: &[u8], i: usize, e: usize) -> bool {
    let [(s, pe), _] = prev_words(b, i);
    let before_digit = i >= 2 && b[i - 1] == b' ' && b[i - 2].is_ascii_digit();
    let no_noun = !(b.get(e) == Some(&b' ') && alpha(b, e + 1));
    before_digit
        || word_is(b, s, pe, &["per", "split", "one", "every", "nano", "milli"])
        || (word_is(b, s, pe, &["a"]) && no_noun)
        || at(b, e, "s")
}

#[cfg(test)]
mod tests {
    use super::super::{Currency, Kind};
    use super::extract;

    fn one(text: &str) -> super::Quantity {
        let q = extract(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        q.into_iter().next().unwrap()
    }

    #[test]
    fn scales_and_abbreviations() {
        assert_eq!(one("$700 billion").value, 7e11);
        assert_eq!(one("$1.2bn").value, 1.2e9);
        assert_eq!(one("5.3 million").value, 5.3e6);
        assert_eq!(one("1,200").value, 1200.0);
        assert_eq!(one("$5m").value, 5e6);
        assert_eq!(one("US$3 million").kind, Kind::Money(Currency::Dollar));
        assert_eq!(one("W1.2 trillion").kind, Kind::Money(Currency::Won));
        assert_eq!(one("1.2 trillion won").kind, Kind::Money(Currency::Won));
        // Without a currency sign, `m` is metres.
        assert_eq!(one("15m").value, 15.0);
    }

    #[test]
    fn precision_follows_the_written_digits() {
        assert_eq!(one("1.23 trillion").precision, 1e10);
        assert_eq!(one("35,000").precision, 1.0);
        assert_eq!(one("700 billion").precision, 1e9);
    }

    #[test]
    fn number_words() {
        let v = |t: &str| one(t).value;
        assert_eq!(v("twenty-five people"), 25.0);
        assert_eq!(v("two hundred and five"), 205.0);
        assert_eq!(v("a million"), 1e6);
        assert_eq!(v("three dozen"), 36.0);
        assert_eq!(v("seven"), 7.0);
        assert_eq!(v("two million"), 2e6);
        assert_eq!(v("ninety-nine"), 99.0);
        assert!((v("two-thirds") - 2.0 / 3.0).abs() < 1e-12);
        assert!(extract("someone and anyone").is_empty());
    }

    #[test]
    fn ordinals() {
        for t in ["6th", "sixth"] {
            let q = one(t);
            assert_eq!((q.kind, q.value), (Kind::Ordinal, 6.0), "{t}");
        }
        assert_eq!(one("twenty-first").value, 21.0);
        assert_eq!(one("21st century").value, 21.0);
        assert!(extract("30 seconds")
            .iter()
            .all(|q| q.kind != Kind::Ordinal));
    }

    #[test]
    fn vague_magnitudes() {
        let q = one("thousands of people");
        assert_eq!((q.kind, q.value), (Kind::Several, 1e3));
        assert_eq!(one("hundreds of billions of dollars").value, 1e11);
        assert_eq!(one("tens of thousands").value, 1e4);
        assert_eq!(one("dozens of people").value, 10.0);
        assert_eq!(one("several hundred").value, 100.0);
        assert!(extract("tens").is_empty());
    }

    #[test]
    fn percent_and_points() {
        for t in ["19.8%", "19.8 percent", "19.8 per cent"] {
            let q = one(t);
            assert_eq!((q.kind, q.value), (Kind::Percent, 19.8), "{t}");
        }
        assert_eq!(one("1.5 percentage points").kind, Kind::PercentPoint);
        assert_eq!(one("1.5% points").kind, Kind::PercentPoint);
    }

    #[test]
    fn dates() {
        let full = Kind::Date {
            year: Some(2025),
            month: Some(12),
            day: Some(29),
        };
        for t in [
            "Dec. 29, 2025",
            "December 29, 2025",
            "29 December 2025",
            "2025-12-29",
        ] {
            assert_eq!(one(t).kind, full, "{t}");
        }
        assert_eq!(
            one("Dec. 29").kind,
            Kind::Date {
                year: None,
                month: Some(12),
                day: Some(29)
            }
        );
        assert_eq!(
            one("July 1998").kind,
            Kind::Date {
                year: Some(1998),
                month: Some(7),
                day: None
            }
        );
        assert_eq!(one("in 1992").kind, Kind::Year);
        assert_eq!(
            one("in May").kind,
            Kind::Date {
                year: None,
                month: Some(5),
                day: None
            }
        );
        assert!(extract("You may go. March on.").is_empty());
        assert_eq!(one("on Sunday").kind, Kind::Weekday(7));
        assert_eq!(one("the 1990s").kind, Kind::Decade);
    }

    #[test]
    fn times() {
        let t = |h, m| Kind::Time {
            hour: h,
            minute: m,
            clock24: true,
        };
        assert_eq!(one("1:03 p.m.").kind, t(13, 3));
        assert_eq!(one("9 a.m.").kind, t(9, 0));
        assert_eq!(one("8AM").kind, t(8, 0));
        assert_eq!(one("1:30 p.m.").kind, t(13, 30));
        assert_eq!(one("12 a.m.").kind, t(0, 0));
        assert_eq!(one("noon").kind, t(12, 0));
        assert_eq!(
            one("2:30").kind,
            Kind::Time {
                hour: 2,
                minute: 30,
                clock24: false
            }
        );
    }

    #[test]
    fn approximations() {
        for t in [
            "about 500",
            "some 200,000",
            "over 40",
            "nearly $4",
            "more than 114",
            "almost 30",
            "roughly 2,600",
            "around 90",
            "less than 10",
            "at least 38",
            "200-odd",
        ] {
            assert!(one(t).approx, "{t}");
        }
        assert!(!one("the 500").approx);
    }

    #[test]
    fn identifiers_phones_and_urls_are_skipped() {
        for t in [
            "Galaxy S25",
            "HBM3E chips",
            "the G7",
            "COVID-19",
            "an F-16",
            "call 02-123-4567",
            "see http://x.com/2024/05",
        ] {
            assert!(extract(t).is_empty(), "{t}: {:?}", extract(t));
        }
        assert_eq!(one("mid-2000s").kind, Kind::Decade);
    }

    #[test]
    fn ranges_share_the_unit() {
        let q = extract("$3-4 billion");
        assert_eq!(q.iter().map(|q| q.value).collect::<Vec<_>>(), [3e9, 4e9]);
        let q = extract("10 to 15 percent");
        assert_eq!(q[0].kind, Kind::Percent);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for t in [
            "", "$", "1.", "a", "an a", "Dec.", "May", "1:", "'9", "twenty-", "and and", "a third",
            "W", "1e",
        ] {
            let _ = extract(t);
        }
    }
}

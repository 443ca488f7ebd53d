//! Byte-level helpers shared by the Korean and English scanners: numerals,
//! digit-pattern dates and times, skips, and the passes that run after a
//! scan (ranges, currency conversions).

use super::{Currency, Kind, Quantity};

/// A quantity as a scanner found it, with what the post-passes need.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub q: Quantity,
    /// Nothing but the numeral: no unit, scale, counter or kind word.
    pub bare: bool,
    /// The scale word applied last (1e4 for 만, 1e9 for billion), else 1.
    pub mult: f64,
}

impl Item {
    pub fn new(q: Quantity) -> Self {
        Item {
            q,
            bare: false,
            mult: 1.0,
        }
    }
}

/// True when `b[p..]` starts with `s`.
pub(super) fn at(b: &[u8], p: usize, s: &str) -> bool {
    b.get(p..).is_some_and(|r| r.starts_with(s.as_bytes()))
}

/// The first of `list` that `b[p..]` starts with, as (index, byte length).
pub(super) fn at_any(b: &[u8], p: usize, list: &[&str]) -> Option<(usize, usize)> {
    list.iter()
        .position(|s| at(b, p, s))
        .map(|k| (k, list[k].len()))
}

/// True when `b[p..]` starts with `s`, ignoring ASCII case.
pub(super) fn at_ci(b: &[u8], p: usize, s: &str) -> bool {
    b.get(p..p + s.len())
        .is_some_and(|r| r.eq_ignore_ascii_case(s.as_bytes()))
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

pub(super) use crate::ko::is_syllable as is_hangul;

pub(super) fn hangul_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(is_hangul)
}

pub(super) fn hangul_before(text: &str, i: usize) -> bool {
    char_before(text, i).is_some_and(is_hangul)
}

/// Byte length of the UTF-8 sequence starting with `lead`.
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

pub(super) fn digit(b: &[u8], p: usize) -> bool {
    b.get(p).is_some_and(u8::is_ascii_digit)
}

pub(super) fn alpha(b: &[u8], p: usize) -> bool {
    b.get(p).is_some_and(u8::is_ascii_alphabetic)
}

/// Value and count of the ASCII digits at `p` (value saturates).
pub(super) fn digits(b: &[u8], p: usize) -> (u64, usize) {
    let mut v: u64 = 0;
    let mut n = 0;
    while let Some(d) = b.get(p + n).filter(|d| d.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add(u64::from(d - b'0'));
        n += 1;
    }
    (v, n)
}

/// A run of digits read as one number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Numeral {
    pub value: f64,
    pub end: usize,
    pub int_digits: usize,
    pub frac_digits: usize,
    /// Written with thousands separators.
    pub grouped: bool,
}

impl Numeral {
    /// Place value of the last digit.
    pub fn place(&self) -> f64 {
        10f64.powi(-(self.frac_digits as i32))
    }

    /// A year-like bare integer: four digits, no separators, 1500–2100.
    pub fn year_like(&self) -> bool {
        self.int_digits == 4
            && self.frac_digits == 0
            && !self.grouped
            && (1500.0..=2100.0).contains(&self.value)
    }
}

/// The numeral at `p`: digits, thousands groups (`1,200`; only after a first
/// group of at most three digits) and a decimal part. `None` for runs too
/// long to be a quantity (identifiers, serial numbers).
pub(super) fn numeral(b: &[u8], p: usize) -> Option<Numeral> {
    let (mut int, n) = digits(b, p);
    if n == 0 || n > 15 {
        return None;
    }
    let mut end = p + n;
    let mut int_digits = n;
    let mut grouped = false;
    if n <= 3 {
        while b.get(end) == Some(&b',') {
            let (g, gn) = digits(b, end + 1);
            if gn != 3 || int_digits > 12 {
                break;
            }
            int = int * 1000 + g;
            int_digits += 3;
            end += 4;
            grouped = true;
        }
    }
    let mut value = int as f64;
    let mut frac_digits = 0;
    if b.get(end) == Some(&b'.') && digit(b, end + 1) {
        let (_, fd) = digits(b, end + 1);
        // Parse the decimal digits as written so that both languages round
        // the same way.
        let s = std::str::from_utf8(&b[p..end + 1 + fd]).ok()?;
        let cleaned: String = s.chars().filter(|&c| c != ',').collect();
        value = cleaned.parse().ok()?;
        frac_digits = fd;
        end += 1 + fd;
    }
    Some(Numeral {
        value,
        end,
        int_digits,
        frac_digits,
        grouped,
    })
}

/// A version-like run (`1.2.3`) continues after a numeral.
pub(super) fn version_like(b: &[u8], end: usize) -> bool {
    b.get(end) == Some(&b'.') && digit(b, end + 1)
}

/// End of the run of identifier characters from `p`.
pub(super) fn ident_end(b: &[u8], mut p: usize) -> usize {
    while let Some(&c) = b.get(p) {
        let joined = matches!(c, b'-' | b'_' | b'.' | b'/')
            && b.get(p + 1).is_some_and(u8::is_ascii_alphanumeric);
        if c.is_ascii_alphanumeric() || joined {
            p += 1;
        } else {
            break;
        }
    }
    p
}

/// Digits at `p` are part of an identifier glued to Latin letters by a
/// joiner (`COVID-19`, `F-16`, `path/2008`, `id=42`), or are an HTML
/// character reference (`&#8212;`).
pub(super) fn glued_to_identifier(b: &[u8], p: usize) -> bool {
    let html_entity = p >= 2 && b[p - 1] == b'#' && b[p - 2] == b'&';
    html_entity
        || (p >= 2
            && matches!(b[p - 1], b'-' | b'_' | b'/' | b'=')
            && b[p - 2].is_ascii_alphabetic())
}

/// End of a phone number at `p`: three or more dash-separated digit groups
/// with at least seven digits, or any grouped number after `+`.
pub(super) fn phone_end(b: &[u8], p: usize) -> Option<usize> {
    let plus = p >= 1 && b[p - 1] == b'+';
    let mut k = p;
    let mut groups = 0;
    let mut total = 0;
    loop {
        let (_, n) = digits(b, k);
        if n == 0 {
            break;
        }
        groups += 1;
        total += n;
        k += n;
        if matches!(b.get(k), Some(b'-')) && digit(b, k + 1) {
            k += 1;
        } else {
            break;
        }
    }
    ((groups >= 3 && total >= 7) || (plus && groups >= 2 && total >= 7)).then_some(k)
}

/// Dates and times written with digits and punctuation only:
/// `2025-12-29`, `2025.12.29`, `2025. 12. 29.`, `2005.10` (year and month),
/// `9/11`, `12/29/2025`, `13:03`, `8:40:15`.
pub(super) fn digit_pattern(b: &[u8], p: usize) -> Option<(Kind, usize)> {
    let (v1, n1) = digits(b, p);
    let j = p + n1;
    let sep = *b.get(j)?;
    if n1 == 4 && (1000..=2999).contains(&v1) && matches!(sep, b'-' | b'.' | b'/') {
        let mut k = j + 1;
        let spaced = sep == b'.' && b.get(k) == Some(&b' ');
        if spaced {
            k += 1;
        }
        let (m, nm) = digits(b, k);
        if (1..=2).contains(&nm) && (1..=12).contains(&m) {
            let k2 = k + nm;
            if b.get(k2) == Some(&sep) {
                let mut k3 = k2 + 1;
                if spaced && b.get(k3) == Some(&b' ') {
                    k3 += 1;
                }
                let (d, nd) = digits(b, k3);
                if (1..=2).contains(&nd)
                    && (1..=31).contains(&d)
                    && !(sep == b'.' && version_like(b, k3 + nd))
                {
                    let mut end = k3 + nd;
                    if sep == b'.' && b.get(end) == Some(&b'.') && !digit(b, end + 1) {
                        end += 1;
                    }
                    let kind = Kind::Date {
                        year: Some(v1 as i32),
                        month: Some(m as u8),
                        day: Some(d as u8),
                    };
                    return Some((kind, end));
                }
            }
            if sep == b'.' && !version_like(b, k2) {
                let year_month = if spaced {
                    b.get(k2) == Some(&b'.')
                } else {
                    nm == 2 && !digit(b, k2)
                };
                if year_month {
                    let end = if spaced { k2 + 1 } else { k2 };
                    return Some((
                        Kind::Date {
                            year: Some(v1 as i32),
                            month: Some(m as u8),
                            day: None,
                        },
                        end,
                    ));
                }
            }
        }
    }
    if sep == b'/' && n1 <= 2 && (1..=12).contains(&v1) {
        let (d, nd) = digits(b, j + 1);
        let e = j + 1 + nd;
        if (1..=2).contains(&nd) && (1..=31).contains(&d) {
            if b.get(e) == Some(&b'/') {
                let (y, ny) = digits(b, e + 1);
                let year = match ny {
                    4 => Some(y as i32),
                    2 => Some(2000 + y as i32 - if y >= 50 { 100 } else { 0 }),
                    _ => None,
                };
                if let Some(y) = year {
                    return Some((
                        Kind::Date {
                            year: Some(y),
                            month: Some(v1 as u8),
                            day: Some(d as u8),
                        },
                        e + 1 + ny,
                    ));
                }
            } else if !digit(b, e) {
                return Some((
                    Kind::Date {
                        year: None,
                        month: Some(v1 as u8),
                        day: Some(d as u8),
                    },
                    e,
                ));
            }
        }
    }
    if sep == b':' && n1 <= 2 && v1 <= 24 {
        let (mm, nmm) = digits(b, j + 1);
        if nmm == 2 && mm <= 59 {
            let mut end = j + 3;
            if b.get(end) == Some(&b':') && digits(b, end + 1).1 == 2 {
                end += 3;
            }
            if !digit(b, end) {
                let hour = (v1 % 24) as u8;
                let clock24 = hour >= 13 || hour == 0 || (n1 == 2 && b[p] == b'0');
                return Some((
                    Kind::Time {
                        hour,
                        minute: mm as u8,
                        clock24,
                    },
                    end,
                ));
            }
        }
    }
    None
}

/// A currency sign right before `p` (`$`, `US$`, `€`, `£`, `¥`, `₩`, a lone
/// `W`), as the currency and where the sign starts.
pub(super) fn currency_before(b: &[u8], p: usize) -> Option<(Currency, usize)> {
    let mut q = p;
    if q >= 2 && b[q - 1] == b' ' && !b[q - 2].is_ascii_alphanumeric() {
        q -= 1;
    }
    let signs: [(&str, Currency); 7] = [
        ("$", Currency::Dollar),
        ("€", Currency::Euro),
        ("£", Currency::Pound),
        ("¥", Currency::Yen),
        ("￥", Currency::Yen),
        ("₩", Currency::Won),
        ("￦", Currency::Won),
    ];
    for (s, c) in signs {
        if b[..q].ends_with(s.as_bytes()) {
            let mut start = q - s.len();
            // Letters before a dollar sign name the dollar (US$, HK$).
            while start > 0 && s == "$" && b[start - 1].is_ascii_uppercase() {
                start -= 1;
            }
            return Some((c, start));
        }
    }
    if p >= 1 && b[p - 1] == b'W' && (p < 2 || !b[p - 2].is_ascii_alphanumeric()) {
        return Some((Currency::Won, p - 1));
    }
    None
}

/// Day of the week (1 = Monday … 7 = Sunday) of a Gregorian date.
pub(super) fn weekday(year: i32, month: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = usize::from(month.clamp(1, 12));
    let y = if m < 3 { year - 1 } else { year };
    let sunday0 =
        (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + T[m - 1] + i32::from(day))
            .rem_euclid(7);
    if sunday0 == 0 {
        7
    } else {
        sunday0 as u8
    }
}

/// The post-passes both scanners share: a bare first number of a range takes
/// the unit of the second (`2~3만 명`, `24~26일`, `$3-4 billion`,
/// `10 to 15 percent`), and an amount in parentheses right after another
/// (`1조원(약 8억 달러)`, `36 inches (900 mm)`) is a conversion, which a
/// translation may leave out. With `both_sides`, the amount before the
/// parenthesis is optional too (English adds conversions in either order).
pub(super) fn finish(
    text: &str,
    mut items: Vec<Item>,
    connectors: &[&str],
    both_sides: bool,
) -> Vec<Quantity> {
    for k in 1..items.len() {
        let Some(gap) = text.get(items[k - 1].q.span.end..items[k].q.span.start) else {
            continue;
        };
        let gap = gap.trim();
        if connectors.contains(&gap) {
            let (head, tail) = items.split_at_mut(k);
            link_range(&mut head[k - 1], &mut tail[0]);
        } else if conversion(gap, items[k - 1].q.kind, items[k].q.kind) {
            items[k].q.optional = true;
            if both_sides {
                items[k - 1].q.optional = true;
            }
        }
    }
    items.into_iter().map(|it| it.q).collect()
}

/// `gap` opens a parenthesis after a unit word, and the two amounts can be
/// one converted into the other.
fn conversion(gap: &str, a: Kind, b: Kind) -> bool {
    let kinds = match (a, b) {
        (Kind::Money(x), Kind::Money(y)) => x != y,
        (Kind::Number | Kind::Money(_), Kind::Number | Kind::Money(_)) => true,
        _ => false,
    };
    let Some((unit, inside)) = gap.split_once('(') else {
        return false;
    };
    kinds
        && unit.len() <= 24
        && inside.len() <= 12
        && !gap.contains(')')
        && !gap
            .bytes()
            .any(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
}

fn link_range(a: &mut Item, b: &mut Item) {
    let ordered = |x: f64, y: f64| x <= y;
    if a.bare && !b.bare {
        match b.q.kind {
            Kind::Date { year, month, day } => {
                let v = a.q.value;
                if v.fract() != 0.0 {
                    return;
                }
                let kind = if day.is_some() && (1.0..=31.0).contains(&v) {
                    Kind::Date {
                        year,
                        month,
                        day: Some(v as u8),
                    }
                } else if day.is_none() && month.is_some() && (1.0..=12.0).contains(&v) {
                    Kind::Date {
                        year,
                        month: Some(v as u8),
                        day: None,
                    }
                } else {
                    return;
                };
                a.q.kind = kind;
            }
            Kind::Time {
                hour,
                minute: _,
                clock24,
            } => {
                let v = a.q.value;
                if v.fract() != 0.0 || !(0.0..=24.0).contains(&v) {
                    return;
                }
                let shift = if clock24 && hour >= 12 && v < 12.0 {
                    12.0
                } else {
                    0.0
                };
                let h = (v + shift) as u8;
                a.q.kind = Kind::Time {
                    hour: h,
                    minute: 0,
                    clock24: clock24 && (shift > 0.0 || h >= 13),
                };
                a.q.value = f64::from(h);
            }
            Kind::Weekday(_) | Kind::Decade | Kind::Several => {}
            kind => {
                let v = a.q.value * b.mult;
                if !ordered(v, b.q.value) {
                    return;
                }
                a.q.value = v;
                a.q.precision *= b.mult;
                a.q.kind = if kind == Kind::Year && !(1500.0..=2100.0).contains(&v) {
                    Kind::Number
                } else {
                    kind
                };
            }
        }
        a.bare = false;
    } else if let Kind::Money(_) = a.q.kind {
        // `$3-4 billion`: the sign and the scale both cover the range.
        let same = b.q.kind == a.q.kind || b.q.kind == Kind::Number;
        let v = a.q.value * b.mult;
        if a.mult == 1.0 && b.mult > 1.0 && same && ordered(v, b.q.value) {
            a.q.value = v;
            a.q.precision *= b.mult;
            b.q.kind = a.q.kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeral_reads_groups_and_decimals() {
        let n = numeral(b"8,192 chips", 0).unwrap();
        assert_eq!((n.value, n.end, n.grouped), (8192.0, 5, true));
        let n = numeral(b"19.8%", 0).unwrap();
        assert_eq!((n.value, n.frac_digits), (19.8, 1));
        // A comma after four digits separates a list.
        let n = numeral(b"2003,2004", 0).unwrap();
        assert_eq!(n.value, 2003.0);
        // Two-digit group is not a thousands group.
        assert_eq!(numeral(b"1,20", 0).unwrap().value, 1.0);
    }

    #[test]
    fn numeral_rejects_serial_runs() {
        assert!(numeral(b"1234567890123456", 0).is_none());
    }

    #[test]
    fn digit_patterns_cover_dates_and_times() {
        let full = Kind::Date {
            year: Some(2025),
            month: Some(12),
            day: Some(29),
        };
        assert_eq!(digit_pattern(b"2025-12-29", 0), Some((full, 10)));
        assert_eq!(digit_pattern(b"2025. 12. 29.", 0), Some((full, 13)));
        assert_eq!(digit_pattern(b"12/29/2025", 0), Some((full, 10)));
        assert_eq!(
            digit_pattern(b"2005.10 ", 0),
            Some((
                Kind::Date {
                    year: Some(2005),
                    month: Some(10),
                    day: None
                },
                7
            ))
        );
        assert_eq!(
            digit_pattern(b"9/11", 0),
            Some((
                Kind::Date {
                    year: None,
                    month: Some(9),
                    day: Some(11)
                },
                4
            ))
        );
        assert_eq!(
            digit_pattern(b"13:03", 0),
            Some((
                Kind::Time {
                    hour: 13,
                    minute: 3,
                    clock24: true
                },
                5
            ))
        );
        assert_eq!(
            digit_pattern(b"3:45", 0),
            Some((
                Kind::Time {
                    hour: 3,
                    minute: 45,
                    clock24: false
                },
                4
            ))
        );
        // Decimals and scores are not dates or times.
        assert_eq!(digit_pattern(b"2025.5", 0), None);
        assert_eq!(digit_pattern(b"24/7", 0), None);
        assert_eq!(digit_pattern(b"2:1", 0), None);
    }

    #[test]
    fn phone_numbers_are_recognised() {
        assert_eq!(phone_end(b"02-123-4567 x", 0), Some(11));
        assert_eq!(phone_end(b"1992-1995", 0), None);
        assert_eq!(phone_end(b"6-3", 0), None);
    }

    #[test]
    fn currency_signs_before_digits() {
        assert_eq!(currency_before(b"US$5", 3), Some((Currency::Dollar, 0)));
        assert_eq!(currency_before(b" W1.2", 2), Some((Currency::Won, 1)));
        assert_eq!(
            currency_before("€ 5".as_bytes(), 4),
            Some((Currency::Euro, 0))
        );
        assert_eq!(currency_before(b"NW1", 2), None);
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(weekday(2025, 12, 29), 1);
        assert_eq!(weekday(2000, 1, 1), 6);
        assert_eq!(weekday(2024, 2, 29), 4);
    }
}

//! Korean quantity scanner.
//!
//! Digits are read with the Korean myriad units (만 10⁴, 억 10⁸, 조 10¹²) and
//! the small units inside them (십, 백, 천), then classified by what follows:
//! a currency, `%`, a date or time word, an ordinal marker or a counter.
//! Hangul-only numbers (native `두 명`, `여섯 번째`; Sino-Korean `백만 달러`;
//! vague `수천`) are accepted only before a counter or at a word boundary,
//! because most of their syllables are also ordinary words (한국, 세계, 천명).

use super::text::{
    alpha, at, at_any, at_ci, currency_before, digit, digit_pattern, digits, finish,
    glued_to_identifier, hangul_at, hangul_before, ident_end, numeral, phone_end, utf8_len,
    version_like, Item, Numeral,
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
            latin(b, i)
        } else if (0xEA..=0xED).contains(&c) && hangul_at(text, i) {
            hangul_led(text, i, &mut items).unwrap_or(i + 3)
        } else {
            i + utf8_len(c)
        };
    }
    finish(text, items, &["~", "∼", "〜", "～", "-", "–"], false)
}

/// Skip a Latin word with whatever digits are glued to it (`G20`, `S25`), or a
/// URL up to the next space.
fn latin(b: &[u8], i: usize) -> usize {
    if at_ci(b, i, "http://") || at_ci(b, i, "https://") || at_ci(b, i, "www.") {
        let mut k = i;
        while b.get(k).is_some_and(|c| !c.is_ascii_whitespace()) {
            k += 1;
        }
        return k;
    }
    ident_end(b, i).max(i + 1)
}

/// Syllables that, right after a number word, mark a grammatical particle
/// rather than the rest of a longer word.
const PARTICLES: &[&str] = &[
    "이", "가", "은", "는", "을", "를", "의", "도", "와", "과", "로", "으", "에", "만", "씩", "뿐",
    "까", "부", "째", "쯤", "밖", "보", "처", "나", "라", "여", "인", "입", "였", "께",
];

/// True when a number word ending at `p` stands alone: the next character is
/// not Hangul, or is a particle.
fn word_ends(text: &str, p: usize) -> bool {
    !hangul_at(text, p) || at_any(text.as_bytes(), p, PARTICLES).is_some()
}

/// Counters after native numerals that are written glued to the numeral
/// (`두명`, `세가지`); other counters need a space (`세 대`), because glued
/// they are often a different word (`세대` generation, `한편` meanwhile).
const GLUED_COUNTERS: &[&str] = &[
    "번째", "명", "마리", "가지", "번", "차례", "개", "달", "곳", "시간", "살", "사람", "째",
];

/// Counters after a space.
const COUNTERS: &[&str] = &[
    "번째", "명", "사람", "마리", "가지", "번", "차례", "개", "달", "곳", "군데", "시간", "시",
    "살", "해", "권", "대", "척", "채", "장", "벌", "켤레", "쌍", "잔", "병", "그루", "송이",
    "자루", "통", "줄", "마디", "걸음", "바퀴", "배", "편", "건", "갈래", "나라", "국가", "주",
    "주일", "층", "판", "방", "발", "점", "세트", "팀", "분", "아이", "아들", "딸", "형제", "자매",
    "남자", "여자", "가족", "가구", "단계", "종류", "차", "기",
];

/// Counters and units after Sino-Korean hangul numbers (`백만 달러`, `천 명`).
const SINO_COUNTERS: &[&str] = &[
    "명",
    "원",
    "달러",
    "불",
    "개",
    "마리",
    "건",
    "대",
    "톤",
    "가구",
    "표",
    "권",
    "년",
    "헥타르",
    "배럴",
    "킬로",
    "미터",
    "마일",
    "위안",
    "엔",
    "유로",
    "파운드",
    "채",
    "그루",
    "척",
    "가지",
    "곳",
    "배",
    "평",
    "에이커",
    "개국",
    "여",
    "%",
    "퍼센트",
];

const DIGIT_SYLLABLES: [(&str, f64); 9] = [
    ("일", 1.0),
    ("이", 2.0),
    ("삼", 3.0),
    ("사", 4.0),
    ("오", 5.0),
    ("육", 6.0),
    ("칠", 7.0),
    ("팔", 8.0),
    ("구", 9.0),
];

fn small_unit(b: &[u8], p: usize) -> Option<(f64, usize)> {
    const U: [(&str, f64); 6] = [
        ("십", 10.0),
        ("백", 100.0),
        ("천", 1e3),
        ("十", 10.0),
        ("百", 100.0),
        ("千", 1e3),
    ];
    U.iter()
        .find(|(s, _)| at(b, p, s))
        .map(|&(s, v)| (v, s.len()))
}

fn big_unit(b: &[u8], p: usize) -> Option<(i32, usize)> {
    const U: [(&str, i32); 6] = [
        ("만", 4),
        ("억", 8),
        ("조", 12),
        ("萬", 4),
        ("億", 8),
        ("兆", 12),
    ];
    U.iter()
        .find(|(s, _)| at(b, p, s))
        .map(|&(s, e)| (e, s.len()))
}

/// A number built from digits and Korean units.
struct Compound {
    value: f64,
    place: f64,
    end: usize,
    /// Last unit applied (1 when none).
    mult: f64,
    first: Numeral,
    units: bool,
}

/// Digits with Korean units from `p`: `7,000억`, `1억2천만`, `12조3천억`,
/// `3만5000`, `5백만`, `1억 2천만` (a space is allowed after a myriad unit
/// when a smaller part follows).
fn compound(text: &str, p: usize, with_units: bool) -> Option<Compound> {
    let b = text.as_bytes();
    let first = numeral(b, p)?;
    if version_like(b, first.end) {
        return None;
    }
    let mut total = 0.0;
    let mut section = 0.0;
    let mut cur = Some((first.value, first.place()));
    let mut place = first.place();
    let mut last_big = i32::MAX;
    let mut last_small = f64::MAX;
    let mut mult = 1.0;
    let mut units = false;
    let mut k = first.end;
    loop {
        if !with_units {
            break;
        }
        if cur.is_none() && digit(b, k) {
            let Some(n) = numeral(b, k) else { break };
            if version_like(b, n.end) {
                break;
            }
            cur = Some((n.value, n.place()));
            k = n.end;
            continue;
        }
        // `22 억 5 천만`: some writers put a space between the digits and
        // their unit; the unit must then not start another word.
        if cur.is_some() && b.get(k) == Some(&b' ') && spaced_unit(text, k + 1) {
            k += 1;
            continue;
        }
        if let (Some((u, len)), Some((v, pl))) = (small_unit(b, k), cur) {
            if u >= last_small {
                break;
            }
            section += v * u;
            place = pl * u;
            last_small = u;
            cur = None;
            mult = u;
            units = true;
            k += len;
            // `4천 2백만`: a smaller part may follow after a space.
            if b.get(k) == Some(&b' ') && digit(b, k + 1) {
                if let Some(n) = numeral(b, k + 1) {
                    let smaller = small_unit(b, n.end).is_some_and(|(v, _)| v < u)
                        || (b.get(n.end) == Some(&b' ')
                            && small_unit(b, n.end + 1).is_some_and(|(v, _)| v < u));
                    if n.value < 10.0 && smaller {
                        k += 1;
                    }
                }
            }
            continue;
        }
        if let Some((e, len)) = big_unit(b, k) {
            if e >= last_big || (cur.is_none() && section == 0.0) {
                break;
            }
            let scale = 10f64.powi(e);
            let (v, pl) = match cur {
                Some((v, pl)) => (section + v, pl),
                None => (section, place),
            };
            total += v * scale;
            place = pl * scale;
            section = 0.0;
            last_small = f64::MAX;
            cur = None;
            last_big = e;
            mult = scale;
            units = true;
            k += len;
            // `1억 2천만`, `22 억 5 천만`: a smaller part may follow after a space.
            if b.get(k) == Some(&b' ') && digit(b, k + 1) {
                if let Some(n) = numeral(b, k + 1) {
                    let unit_at = |p: usize| small_unit(b, p).is_some() || big_unit(b, p).is_some();
                    // `37만 5,000달러`: a full lower section in digits.
                    let full_section = n.int_digits >= 3
                        && n.frac_digits == 0
                        && (n.grouped || !n.year_like())
                        && !unit_at(n.end);
                    let follows_unit = unit_at(n.end)
                        || full_section
                        || (b.get(n.end) == Some(&b' ') && spaced_unit(text, n.end + 1));
                    if n.value < scale && follows_unit {
                        k += 1;
                    }
                }
            }
            continue;
        }
        break;
    }
    if let Some((v, pl)) = cur {
        total += section + v;
        if units {
            place = pl;
        }
    } else {
        total += section;
    }
    if !units {
        place = first.place();
    }
    Some(Compound {
        value: total,
        place,
        end: k,
        mult,
        first,
        units,
    })
}

/// True when a Korean unit written apart from its digits starts at `p`
/// (`22 억`, `5 천만`): the unit is followed by another unit, a digit, a
/// space, punctuation, a counter or a particle, not by the rest of a word
/// (`5 천안함`, `3 백화점`).
fn spaced_unit(text: &str, p: usize) -> bool {
    let b = text.as_bytes();
    let Some(len) = small_unit(b, p)
        .map(|(_, n)| n)
        .or_else(|| big_unit(b, p).map(|(_, n)| n))
    else {
        return false;
    };
    let e = p + len;
    !hangul_at(text, e)
        || small_unit(b, e).is_some()
        || big_unit(b, e).is_some()
        || word_ends(text, e)
        || currency_word(text, e).is_some()
        || at_any(b, e, SINO_COUNTERS).is_some()
}

/// A word right before `p` (one space allowed) from `list`, as the index and
/// where it starts; it must start a word.
fn word_before(text: &str, p: usize, list: &[&str]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let q = if p > 0 && b[p - 1] == b' ' { p - 1 } else { p };
    list.iter().enumerate().find_map(|(k, w)| {
        let s = q.checked_sub(w.len())?;
        (b[s..q] == *w.as_bytes() && !hangul_before(text, s)).then_some((k, s))
    })
}

const HEDGE_BEFORE: &[(&str, Bound)] = &[
    ("약", Bound::About),
    ("대략", Bound::About),
    ("어림잡아", Bound::About),
    ("줄잡아", Bound::About),
    ("거의", Bound::AtMost),
    ("최대", Bound::AtMost),
    ("최소한", Bound::AtLeast),
    ("최소", Bound::AtLeast),
    ("적어도", Bound::AtLeast),
    ("무려", Bound::Exact),
];
const HEDGE_AFTER: &[(&str, Bound)] = &[
    ("가량", Bound::About),
    ("쯤", Bound::About),
    ("정도", Bound::About),
    ("안팎", Bound::About),
    ("내외", Bound::About),
    ("전후", Bound::About),
    ("이상", Bound::AtLeast),
    ("넘는", Bound::AtLeast),
    ("넘게", Bound::AtLeast),
    ("넘어", Bound::AtLeast),
    ("넘은", Bound::AtLeast),
    ("초과", Bound::AtLeast),
    ("남짓", Bound::AtLeast),
    ("여", Bound::AtLeast),
    ("미만", Bound::AtMost),
    ("이하", Bound::AtMost),
    ("이내", Bound::AtMost),
    ("가까이", Bound::AtMost),
    ("가까운", Bound::AtMost),
];

/// A hedge word before `p` (one space allowed), starting a word.
fn hedge_before(text: &str, p: usize) -> Option<Bound> {
    let words: Vec<&str> = HEDGE_BEFORE.iter().map(|(w, _)| *w).collect();
    word_before(text, p, &words).map(|(k, _)| HEDGE_BEFORE[k].1)
}

/// A hedge word at `p` (one space allowed).
fn hedge_after(b: &[u8], p: usize) -> Option<Bound> {
    let s = after_space(b, p);
    HEDGE_AFTER
        .iter()
        .find(|(w, _)| at(b, s, w))
        .map(|&(_, h)| h)
}

/// Hour on a 24-hour clock from a Korean time-of-day word before `p`.
fn meridiem_before(text: &str, p: usize, hour: u8) -> Option<(u8, usize)> {
    const W: [&str; 7] = ["오전", "새벽", "아침", "오후", "저녁", "밤", "낮"];
    let b = text.as_bytes();
    let q = if p > 0 && b[p - 1] == b' ' { p - 1 } else { p };
    let (k, w) = W
        .iter()
        .enumerate()
        .find(|(_, w)| b[..q].ends_with(w.as_bytes()))?;
    if hour > 12 {
        return None;
    }
    let h = match k {
        0..=2 => hour % 12,
        3 | 4 => hour % 12 + 12,
        5 => match hour {
            12 => 0,
            6..=11 => hour + 12,
            _ => hour,
        },
        _ => match hour {
            1..=6 => hour + 12,
            _ => hour,
        },
    };
    Some((h, q - w.len()))
}

/// A year and month in digits (`2005.10`) is most often a dateline or a
/// time stamp, which translations drop.
pub(super) fn dateline(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Date {
            year: Some(_),
            month: Some(_),
            day: None
        }
    )
}

fn kind_value(kind: Kind) -> f64 {
    match kind {
        Kind::Date { year, month, day } => day
            .map(f64::from)
            .or(month.map(f64::from))
            .or(year.map(f64::from))
            .unwrap_or(0.0),
        Kind::Time { hour, minute, .. } => f64::from(hour) + f64::from(minute) / 60.0,
        Kind::Weekday(d) => f64::from(d),
        _ => 0.0,
    }
}

fn after_space(b: &[u8], p: usize) -> usize {
    if b.get(p) == Some(&b' ') {
        p + 1
    } else {
        p
    }
}

/// A currency word at `p`, as the currency (None for a bare number), length
/// and divisor (100 for cents).
fn currency_word(text: &str, p: usize) -> Option<(Option<Currency>, usize, f64)> {
    let b = text.as_bytes();
    const WORDS: [(&str, Option<Currency>, f64); 8] = [
        ("달러", Some(Currency::Dollar), 1.0),
        ("달라", Some(Currency::Dollar), 1.0),
        ("유로", Some(Currency::Euro), 1.0),
        ("위안", Some(Currency::Yuan), 1.0),
        ("센트", Some(Currency::Dollar), 100.0),
        ("파운드", None, 1.0),
        ("엔", Some(Currency::Yen), 1.0),
        ("원", Some(Currency::Won), 1.0),
    ];
    for (w, c, div) in WORDS {
        if !at(b, p, w) {
            continue;
        }
        let next = p + w.len();
        let ok = match w {
            "엔" => at_any(b, next, &["진", "터", "지", "씨", "트", "비"]).is_none(),
            "원" => at_any(
                b,
                next,
                &[
                    "자", "소", "인", "칙", "래", "전", "장", "숭", "고", "작", "유", "형", "정",
                    "리", "조", "로", "주", "시", "만", "근", "본", "폭", "활", "탁", "서", "회",
                    "들", "님", "생", "수", "칙", "한",
                ],
            )
            .is_none(),
            _ => true,
        };
        if ok {
            return Some((c, w.len(), div));
        }
    }
    if at(b, p, "불")
        && word_ends(text, p + 3)
        && at_any(b, p + 3, &["가", "과", "만", "구"]).is_none()
    {
        return Some((Some(Currency::Dollar), 3, 1.0));
    }
    None
}

/// Words after a number that make it an ordinal: `21세기` (century), `5세대`
/// (generation), `6번째`, `5차전` (game 5), `7주년` (anniversary), `3분기`
/// (third quarter), `1위` (rank), `1등`.
const ORDINAL_MARKERS: &[&str] = &[
    "세기", "세대", "번째", "째", "차전", "주년", "분기", "위", "등",
];

/// Korean day words after `N일` that make it a duration, not a date.
const DAY_DURATION: &[&str] = &[
    "간", " 간", "동안", " 동안", "만에", " 만에", "만", "짜리", "치", " 후", "후", "씩", " 이상",
    "이상",
];

/// Syllables after `일` that continue another word (`일본`, `일부`, `일대`).
const DAY_REJECT: &[&str] = &[
    "본", "반", "정", "대", "제", "원", "화", "보", "단", "상", "자리", "종", "치", "선", "손",
    "꾼", "차", "류", "련", "체", "환", "방", "요", "과", "월", "각", "당", "부 ",
];

fn day_after(b: &[u8], p: usize) -> Option<(u8, usize)> {
    let (d, nd) = digits(b, p);
    if !(1..=2).contains(&nd) || !(1..=31).contains(&d) || !at(b, p + nd, "일") {
        return None;
    }
    let e = p + nd + "일".len();
    if at_any(b, e, DAY_DURATION).is_some() || at_any(b, e, DAY_REJECT).is_some() {
        return None;
    }
    Some((d as u8, e))
}

/// The first day of a day range (`1~10일`) at `p`, as the day and its end;
/// the second day is read on its own.
fn range_day(b: &[u8], p: usize) -> Option<(u8, usize)> {
    let (d, nd) = digits(b, p);
    if !(1..=2).contains(&nd) || !(1..=31).contains(&d) {
        return None;
    }
    let (_, n) = at_any(b, p + nd, &["~", "∼", "～", "〜", "-", "–"])?;
    let q = p + nd + n;
    day_after(b, q).map(|_| (d as u8, p + nd))
}

fn month_after(b: &[u8], p: usize) -> Option<(u8, usize)> {
    let (m, nm) = digits(b, p);
    if !(1..=2).contains(&nm)
        || !(1..=12).contains(&m)
        || !(at(b, p + nm, "월") || at(b, p + nm, "月"))
    {
        return None;
    }
    Some((m as u8, p + nm + 3))
}

/// Middle dots that join a month and a day into the name of an event.
const EVENT_DOTS: &[&str] = &["·", "ㆍ", "‧", "・", "•"];

/// What may follow a dotted pair of numbers that is a list, not a date:
/// counters, units and ordinal markers (`1·2위`, `3·4분기`, `1·2학년`,
/// `2·3번째`, `5·6월`).
const LIST_AFTER: &[&str] = &[
    "차", "호", "학년", "년", "월", "일", "시", "분", "초", "명", "개", "대", "층", "세", "번",
    "권", "회", "%", "％", "배", "점", "강", "단", "급", "부", "조", "억", "만", "천", "백",
    "번째", "째",
];

/// `4·19`, `5·18`, `3·1절`: a month and a day joined by a middle dot, which
/// Korean writes for events named by their date. Returns month, day and end.
/// Two numbers joined this way before a counter or unit are a list instead
/// (`1·2위` first and second place, `3·4분기` the third and fourth quarters).
fn event_date(text: &str, i: usize) -> Option<(u8, u8, usize)> {
    let b = text.as_bytes();
    if i > 0 && (b[i - 1].is_ascii_digit() || matches!(b[i - 1], b'.' | b',')) {
        return None;
    }
    let (m, nm) = digits(b, i);
    if !(1..=2).contains(&nm) || !(1..=12).contains(&m) {
        return None;
    }
    let (_, dot) = at_any(b, i + nm, EVENT_DOTS)?;
    let p = i + nm + dot;
    let (d, nd) = digits(b, p);
    if !(1..=2).contains(&nd) || !(1..=31).contains(&d) || b[p] == b'0' {
        return None;
    }
    let e = p + nd;
    // A third number (`1·2·3위`) or a decimal makes it a list or a figure.
    if digit(b, e) || at_any(b, e, EVENT_DOTS).is_some() || at(b, e, ".") && digit(b, e + 1) {
        return None;
    }
    if at_any(b, e, LIST_AFTER).is_some()
        || at_any(b, e, ORDINAL_MARKERS).is_some()
        || at_any(b, e, SINO_COUNTERS).is_some()
        || currency_word(text, e).is_some()
        || at_any(b, e, &["~", "∼", "～", "-", "–"]).is_some()
    {
        return None;
    }
    Some((m as u8, d as u8, e))
}

/// `6.25 전쟁`: a month and day written like a decimal before a noun that
/// is no counter or unit names an event, like `6·25`.
fn event_decimal(text: &str, i: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let (m, nm) = digits(b, i);
    if !(1..=2).contains(&nm) || !(1..=12).contains(&m) || !at(b, i + nm, ".") {
        return false;
    }
    let p = i + nm + 1;
    let (d, nd) = digits(b, p);
    if p + nd != end || !(1..=2).contains(&nd) || !(1..=31).contains(&d) || b[p] == b'0' {
        return false;
    }
    let s = after_space(b, end);
    hangul_at(text, s)
        && at_any(b, s, LIST_AFTER).is_none()
        && at_any(b, s, COUNTERS).is_none()
        && at_any(b, s, SINO_COUNTERS).is_none()
        && currency_word(text, s).is_none()
        && hedge_after(b, end).is_none()
        && at_any(b, s, &["퍼센트", "포인트", "프로", "도", "킬로", "미터"]).is_none()
        && hedge_before(text, i).is_none()
}

fn digit_led(text: &str, i: usize, items: &mut Vec<Item>) -> usize {
    let b = text.as_bytes();
    let skip_digits = || {
        let mut k = i;
        while digit(b, k) || (matches!(b.get(k), Some(b',' | b'.')) && digit(b, k + 1)) {
            k += 1;
        }
        k
    };
    if glued_to_identifier(b, i) || (i > 0 && b[i - 1].is_ascii_alphabetic()) {
        return ident_end(b, i);
    }
    if let Some((kind, end)) = digit_pattern(b, i) {
        let (kind, start) = match kind {
            Kind::Time {
                hour,
                minute,
                clock24,
            } => match meridiem_before(text, i, hour) {
                Some((h, s)) => (
                    Kind::Time {
                        hour: h,
                        minute,
                        clock24: true,
                    },
                    s,
                ),
                None => (
                    Kind::Time {
                        hour,
                        minute,
                        clock24,
                    },
                    i,
                ),
            },
            k => (k, i),
        };
        let mut q = Quantity::new(start..end, kind_value(kind), kind);
        q.optional = dateline(kind);
        items.push(Item::new(q));
        return end;
    }
    if let Some(e) = phone_end(b, i) {
        return e;
    }
    if let Some((month, day, end)) = event_date(text, i) {
        // A date that names an event (`4·19 혁명`, the April 19 Revolution):
        // English may keep the date or use the event's name.
        let kind = Kind::Date {
            year: None,
            month: Some(month),
            day: Some(day),
        };
        let mut q = Quantity::new(i..end, f64::from(day), kind);
        q.optional = true;
        items.push(Item::new(q));
        return end;
    }
    let ordinal_prefix = (i >= 3 && at(b, i - 3, "제") && !hangul_before(text, i - 3))
        || (i >= 4 && b[i - 1] == b' ' && at(b, i - 4, "제") && !hangul_before(text, i - 4));
    let prefix_len = if ordinal_prefix && b[i - 1] == b' ' {
        4
    } else {
        3
    };
    let Some(c) = compound(text, i, !ordinal_prefix) else {
        return skip_digits();
    };
    let mut value = c.value;
    let mut place = c.place;
    let mut mult = c.mult;
    let mut bound = Bound::Exact;
    let mut p = c.end;
    let mut start = i;
    if at(b, p, "여")
        && at_any(
            b,
            p + 3,
            &["성", "자", "행", "름", "당", "러", "왕", "론", "부", "야"],
        )
        .is_none()
    {
        bound = Bound::AtLeast;
        p += 3;
        if let Some((e, len)) = big_unit(b, p) {
            if c.mult < 10f64.powi(e) {
                value *= 10f64.powi(e);
                place *= 10f64.powi(e);
                mult = 10f64.powi(e);
                p += len;
            }
        }
    }
    // Latin units glued to the digits (`900mm`, `15m`, `70km`) carry no kind.
    let mut unit_end = p;
    while alpha(b, unit_end) || at(b, unit_end, "²") || at(b, unit_end, "³") {
        unit_end += if b[unit_end] < 0x80 { 1 } else { 2 };
    }
    let latin_unit = unit_end > p;
    if latin_unit && digit(b, unit_end) {
        // `3E5`, `4x4`: an identifier, not a quantity.
        return ident_end(b, i);
    }
    let s = after_space(b, p);
    let integer = value.fract() == 0.0;
    let mut kind = Kind::Number;
    let mut end = p;
    let mut bare = false;
    let mut optional_ok = true;
    if latin_unit {
        end = unit_end;
    } else if let Some((_, n)) = at_any(
        b,
        p,
        &[
            "%포인트",
            "%p",
            "%P",
            "％포인트",
            "％p",
            "% 포인트",
            "%포인트",
            "퍼센트포인트",
            "퍼센트 포인트",
        ],
    ) {
        kind = Kind::PercentPoint;
        end = p + n;
    } else if let Some((_, n)) = at_any(b, p, &["%", "％"]) {
        kind = Kind::Percent;
        end = p + n;
    } else if at(b, s, "퍼센트") || (at(b, s, "프로") && word_ends(text, s + 6)) {
        kind = Kind::Percent;
        end = s + if at(b, s, "퍼센트") { 9 } else { 6 };
    } else if at(b, s, "포인트") {
        kind = Kind::PercentPoint;
        end = s + 9;
    } else if let Some((cur, n, div)) = currency_word(text, s) {
        kind = cur.map_or(Kind::Number, Kind::Money);
        value /= div;
        place /= div;
        end = s + n;
    } else if at(b, p, "년대") && integer {
        let v = c.first.value;
        let year = match (c.first.int_digits, v as i32) {
            (4, y) => y,
            (2, y) if y < 30 => 2000 + y,
            (2, y) => 1900 + y,
            _ => 0,
        };
        if year > 0 && !c.units {
            kind = Kind::Decade;
            value = f64::from(year);
        }
        end = p + 6;
    } else if (at(b, p, "년") || at(b, p, "年")) && integer && !c.units {
        end = p + 3;
        let two_digit_year = c.first.int_digits == 2 && b[i] == b'0';
        let year = if two_digit_year {
            2000.0 + value
        } else {
            value
        };
        let is_year = (1000.0..=2999.0).contains(&year) && !c.first.grouped || two_digit_year;
        let mut month = None;
        let mut day = None;
        if is_year {
            if let Some((m, e)) = month_after(b, after_space(b, end)) {
                month = Some(m);
                end = e;
                if let Some((d, e)) =
                    day_after(b, after_space(b, end)).or_else(|| range_day(b, after_space(b, end)))
                {
                    day = Some(d);
                    end = e;
                }
            }
        }
        if month.is_some() {
            kind = Kind::Date {
                year: Some(year as i32),
                month,
                day,
            };
        } else if is_year && at_any(b, end, &["간", "동안", " 동안", "째"]).is_none() {
            kind = Kind::Year;
            value = year;
        }
    } else if at(b, p, "개월") {
        end = p + 6;
    } else if at(b, p, "할") && c.first.int_digits == 1 && !c.units && integer {
        // `2할6푼8리`: tenths, hundredths and thousandths (a .268 average).
        end = p + 3;
        value /= 10.0;
        place = 0.1;
        for (unit, scale) in [("푼", 0.01), ("리", 0.001)] {
            let (d, n) = digits(b, end);
            if n == 1 && at(b, end + 1, unit) {
                value += d as f64 * scale;
                place = scale;
                end += 1 + unit.len();
            }
        }
    } else if let Some((m, e)) = (integer && !c.units && c.first.int_digits <= 2)
        .then(|| month_after(b, i))
        .flatten()
    {
        end = e;
        let mut day = None;
        if let Some((d, e)) =
            day_after(b, after_space(b, end)).or_else(|| range_day(b, after_space(b, end)))
        {
            day = Some(d);
            end = e;
        }
        kind = Kind::Date {
            year: None,
            month: Some(m),
            day,
        };
    } else if (at(b, p, "일") || at(b, p, "日")) && integer && !c.units {
        end = p + 3;
        if let Some((d, e)) = day_after(b, i) {
            kind = Kind::Date {
                year: None,
                month: None,
                day: Some(d),
            };
            end = e;
        } else if at(b, end, "째") {
            kind = Kind::Ordinal;
            end += 3;
        }
    } else if at(b, p, "시간") {
        end = p + 6;
    } else if at(b, p, "시") && integer && !c.units && value <= 24.0 {
        end = p + 3;
        const TIME_NEXT: &[&str] = &[
            "에", "부", "까", "께", "경", "쯤", "반", "를", "을", "이", "가", "와", "과", "의",
            "로", "는", "은", "도", "입", "였", "전", "후", "정", "무",
        ];
        if !hangul_at(text, end) || at_any(b, end, TIME_NEXT).is_some() || at(b, end, " ") {
            let mut hour = value as u8;
            let mut minute = 0u8;
            if at(b, after_space(b, end), "반") {
                minute = 30;
                end = after_space(b, end) + 3;
            } else {
                let m = after_space(b, end);
                let (mm, nm) = digits(b, m);
                if (1..=2).contains(&nm) && mm < 60 && at(b, m + nm, "분") && !at(b, m + nm, "분의")
                {
                    minute = mm as u8;
                    end = m + nm + 3;
                }
            }
            let mut clock24 = hour >= 13 || hour == 0;
            if let Some((h, st)) = meridiem_before(text, i, hour) {
                hour = h;
                clock24 = true;
                start = st;
            }
            kind = Kind::Time {
                hour: hour % 24,
                minute,
                clock24,
            };
            value = f64::from(hour % 24) + f64::from(minute) / 60.0;
            optional_ok = false;
        }
    } else if at(b, p, "분의") {
        let n = after_space(b, p + 6);
        if let Some(num) = numeral(b, n).filter(|_| value != 0.0) {
            value = num.value / value;
            place = 1e-6;
            end = num.end;
        } else {
            end = p + 6;
        }
    } else if let Some((k, n)) = at_any(b, p, ORDINAL_MARKERS) {
        let word_continues = match ORDINAL_MARKERS[k] {
            "위" => at_any(
                b,
                p + n,
                &[
                    "원", "해", "치", "협", "기", "험", "반", "성", "안", "로", "상", "층",
                ],
            )
            .is_some(),
            "등" => hangul_at(text, p + n) && !word_ends(text, p + n),
            _ => false,
        };
        end = p + n;
        if !word_continues {
            kind = Kind::Ordinal;
        }
    } else if at(b, p, "차")
        && at_any(b, p + 3, &["례", "량", "이", "관", "원", "별", "트"]).is_none()
    {
        kind = Kind::Ordinal;
        end = p + 3;
    } else if let Some((_, n)) = at_any(b, s, COUNTERS) {
        end = s + n;
    } else if !hangul_at(text, p) && !matches!(b.get(p), Some(b'%')) {
        bare = true;
    }
    if ordinal_prefix && matches!(kind, Kind::Number) {
        kind = Kind::Ordinal;
        start -= prefix_len;
    }
    // `코로나19`, `아이폰15`: a number glued to a Hangul name, with nothing after.
    let glued_name = hangul_before(text, i)
        && !ordinal_prefix
        && matches!(kind, Kind::Number)
        && !latin_unit
        && end == p
        && (bare || (word_ends(text, p) && !at(b, p, "여")))
        && hedge_before(text, i).is_none();
    if glued_name {
        return p.max(i + 1);
    }
    if bare && c.first.year_like() && !c.units {
        kind = Kind::Year;
    }
    if let Some((cur, cs)) = currency_before(b, i) {
        if matches!(kind, Kind::Number) {
            kind = Kind::Money(cur);
            start = cs;
            bare = false;
        }
    }
    let before = hedge_before(text, start);
    let after = if at(b, end, "경") {
        Some(Bound::About)
    } else {
        hedge_after(b, end)
    };
    if let Kind::Date { .. } = kind {
        value = kind_value(kind);
    }
    let mut q = Quantity::new(start..end, value, kind);
    q.hedge(bound);
    q.hedge(before.unwrap_or(Bound::Exact));
    q.hedge(after.unwrap_or(Bound::Exact));
    q.precision = place;
    q.optional =
        optional_ok && matches!(kind, Kind::Number | Kind::Ordinal) && value == 1.0 && !bare;
    if matches!(kind, Kind::Number) && !c.units && integer {
        if let Some(e) = name_counter(text, p, value) {
            // `8강`, `이통 3사`, `4대 그룹`, `6가 크롬`, `40대 남성`: the number is
            // part of a name or a set expression that English renders
            // with a word ("quarterfinals", "the carriers", "hexavalent",
            // "in his 40s") or not at all. It still meets an English count.
            q.span.end = e;
            q.optional = true;
        }
    }
    if kind == Kind::Number && c.first.frac_digits > 0 && event_decimal(text, i, end) {
        q.optional = true;
    }
    if matches!(kind, Kind::Date { .. }) && word_before(text, start, &["음력"]).is_some() {
        // A lunar date: English often converts it or names the festival.
        q.optional = true;
    }
    items.push(Item { q, bare, mult });
    end.max(i + 1)
}

/// Counters that make a small number part of a name rather than an amount,
/// when glued to it: `8강` (the last eight: quarterfinals), `3사` (the three
/// companies of a sector), `4대 그룹` (the four biggest groups), `10대`/`40대`
/// (teenagers, people in their forties), `6가` (a valence, before a noun).
/// Returns the end of the counter.
fn name_counter(text: &str, p: usize, value: f64) -> Option<usize> {
    let b = text.as_bytes();
    let next = |n: usize| {
        let e = p + n;
        (!hangul_at(text, e) || word_ends(text, e)).then_some(e)
    };
    if at(b, p, "강") && [4.0, 8.0, 16.0, 32.0, 64.0].contains(&value) {
        return next(3);
    }
    // A school year (`2학년`, a sophomore), a grade (`2급 살인`, second-degree
    // murder) or a group by its size (`3인조`, a trio).
    if let Some((_, n)) = at_any(b, p, &["학년", "급", "인조"]) {
        if value <= 12.0 {
            return Some(p + n);
        }
    }
    if at(b, p, "사") && (2.0..=10.0).contains(&value) {
        return next(3);
    }
    if at(b, p, "대") {
        // An age group (`10대`, `40대`), or the N biggest before a noun.
        let age = value % 10.0 == 0.0 && (10.0..=90.0).contains(&value);
        let biggest = (2.0..=10.0).contains(&value) && at(b, p + 3, " ") && hangul_at(text, p + 4);
        if age || biggest {
            return Some(p + 3);
        }
    }
    if at(b, p, "가") && (1.0..=8.0).contains(&value) && at(b, p + 3, " ") && hangul_at(text, p + 4)
    {
        // `6가 크롬`: a number with the subject particle right before a noun
        // is not a sentence; it is a valence or a street section (`종로 3가`).
        return Some(p + 3);
    }
    None
}

const TENS: [(&str, u32, bool); 10] = [
    ("스물", 20, false),
    ("스무", 20, true),
    ("서른", 30, false),
    ("마흔", 40, false),
    ("쉰", 50, false),
    ("예순", 60, false),
    ("일흔", 70, false),
    ("여든", 80, false),
    ("아흔", 90, false),
    ("열", 10, true),
];

const ONES: [(&str, u32, bool); 13] = [
    ("하나", 1, false),
    ("한", 1, true),
    ("둘", 2, false),
    ("두", 2, true),
    ("셋", 3, false),
    ("세", 3, true),
    ("넷", 4, false),
    ("네", 4, true),
    ("다섯", 5, false),
    ("여섯", 6, false),
    ("일곱", 7, false),
    ("여덟", 8, false),
    ("아홉", 9, false),
];

/// Native words for a number of days (`이틀` two days, `열흘` ten days).
const DAY_COUNTS: [&str; 9] = [
    "하루",
    "이틀",
    "사흘",
    "나흘",
    "닷새",
    "엿새",
    "여드레",
    "열흘",
    "보름",
];
const DAY_COUNT_VALUES: [f64; 9] = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0];

const WEEKDAYS: [&str; 7] = [
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
];

fn hangul_led(text: &str, i: usize, items: &mut Vec<Item>) -> Option<usize> {
    let b = text.as_bytes();
    // Weekdays are found inside words too (`지난주월요일`); everything else
    // starts a word. Checking `요일` first keeps mid-word syllables cheap.
    let weekday = if at(b, i + 3, "요일") {
        at_any(b, i, &WEEKDAYS)
    } else {
        None
    };
    if let Some((k, n)) = weekday {
        items.push(Item::new(Quantity::new(
            i..i + n,
            (k + 1) as f64,
            Kind::Weekday(k as u8 + 1),
        )));
        return Some(i + n);
    }
    // A syllable glued to digits is their unit or counter (`32세`, `3사`),
    // never a number word of its own.
    if hangul_before(text, i) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    if let Some((k, n)) = at_any(b, i, &["정오", "자정"]) {
        if word_ends(text, i + n) {
            let hour = if k == 0 { 12 } else { 0 };
            let kind = Kind::Time {
                hour,
                minute: 0,
                clock24: true,
            };
            items.push(Item::new(Quantity::new(i..i + n, f64::from(hour), kind)));
            return Some(i + n);
        }
        return None;
    }
    if at(b, i, "첫") {
        let mut end = i + 3;
        if let Some((_, n)) = at_any(b, end, &["째", "번째", " 번째"]) {
            end += n;
        } else if !(at(b, end, " ") || hangul_at(text, end)) {
            return None;
        }
        let mut q = Quantity::new(i..end, 1.0, Kind::Ordinal);
        // `첫 회담` may become "the talks"; `첫 번째` is a counted ordinal.
        q.optional = end == i + 3;
        items.push(Item::new(q));
        return Some(end);
    }
    if let Some((_, n)) = at_any(b, i, &["처음", "최초", "먼저"]) {
        // "At first", "for the first time", "first of all": an ordinal a
        // translation may well leave out, so it only counts against a
        // changed one.
        let mut q = Quantity::new(i..i + n, 1.0, Kind::Ordinal);
        q.optional = true;
        items.push(Item::new(q));
        return Some(i + n);
    }
    if at(b, i, "수") || at(b, i, "몇") {
        return several(text, i, items);
    }
    if let Some((k, n)) = at_any(b, i, &["준준결승", "준결승"]) {
        // The quarterfinals and semifinals, which English may count
        // ("the last eight") or name.
        let mut q = Quantity::new(i..i + n, if k == 0 { 8.0 } else { 4.0 }, Kind::Number);
        q.optional = true;
        items.push(Item::new(q));
        return Some(i + n);
    }
    if let Some((k, n)) = at_any(b, i, &["상반기", "하반기"]) {
        // The first and second half of a year.
        let mut q = Quantity::new(i..i + n, (k + 1) as f64, Kind::Ordinal);
        q.optional = k == 0;
        items.push(Item::new(q));
        return Some(i + n);
    }
    if let Some((_, n)) = at_any(b, i, &["양국", "양측", "양사", "양당", "양팀", "양대"])
    {
        // 兩 "both": English often says "the two".
        let mut q = Quantity::new(i..i + n, 2.0, Kind::Number);
        q.optional = true;
        items.push(Item::new(q));
        return Some(i + n);
    }
    if let Some((k, n)) = at_any(b, i, &DAY_COUNTS) {
        let value = DAY_COUNT_VALUES[k];
        let mut end = i + n;
        let mut kind = Kind::Number;
        if at(b, end, "째") {
            end += 3;
            kind = Kind::Ordinal;
        } else if !word_ends(text, end)
            && at_any(b, end, &["간", "동안", "만", "전", "후", "새"]).is_none()
        {
            return None;
        }
        let mut q = Quantity::new(i..end, value, kind);
        q.optional = value == 1.0;
        q.hedge(hedge_after(b, end).unwrap_or(Bound::Exact));
        items.push(Item::new(q));
        return Some(end);
    }
    if let Some(end) = native(text, i, items) {
        return Some(end);
    }
    sino(text, i, items)
}

/// `수천`, `수십만`, `수천억`, `몇백`: an order of magnitude.
fn several(text: &str, i: usize, items: &mut Vec<Item>) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = i + 3;
    // `수세기`, `수 세기 동안`: several centuries, like `수백 년`.
    let century = after_space(b, k);
    if at(b, century, "세기") {
        let mut q = Quantity::new(i..century + 6, 100.0, Kind::Several);
        q.hedge(Bound::About);
        q.precision = 100.0;
        items.push(Item::new(q));
        return Some(century + 6);
    }
    // `수 억 년`: a space may follow 수 when a unit does.
    if at(b, k, " ") && (small_unit(b, k + 1).is_some() || big_unit(b, k + 1).is_some()) {
        k += 1;
    }
    let mut exp = 0;
    if let Some((u, len)) = small_unit(b, k) {
        exp += u.log10().round() as i32;
        k += len;
    }
    let mut big = false;
    if let Some((e, len)) = big_unit(b, k) {
        exp += e;
        k += len;
        big = e == 12;
    }
    if exp == 0 {
        return None;
    }
    let mut end = k;
    let mut approx_tail = false;
    if at(b, end, "여") {
        end += 3;
        approx_tail = true;
    }
    let s = after_space(b, end);
    let currency = currency_word(text, s);
    // `수조` is also a water tank: only before a currency.
    if big && exp == 12 && currency.is_none() {
        return None;
    }
    if !(word_ends(text, end)
        || at_any(b, s, SINO_COUNTERS).is_some()
        || currency.is_some()
        || approx_tail)
    {
        return None;
    }
    let mut q = Quantity::new(i..end, 10f64.powi(exp), Kind::Several);
    q.hedge(Bound::About);
    q.precision = 10f64.powi(exp);
    items.push(Item::new(q));
    Some(end)
}

/// Native Korean numerals before a counter (`두 명`, `스물다섯 살`,
/// `여섯 번째`) or standing alone in their full form (`일곱`, `둘이`).
fn native(text: &str, i: usize, items: &mut Vec<Item>) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = i;
    let mut value = 0;
    let mut attributive = false;
    if let Some(&(w, v, attr)) = TENS.iter().find(|(w, _, _)| at(b, k, w)) {
        value += v;
        attributive = attr;
        k += w.len();
        // `열 다섯 마리`: the ones may be written apart from the tens.
        if at(b, k, " ") && ONES.iter().any(|(o, _, _)| at(b, k + 1, o)) {
            k += 1;
        }
    }
    if let Some(&(w, v, attr)) = ONES.iter().find(|(w, _, _)| at(b, k, w)) {
        value += v;
        attributive = attr;
        k += w.len();
    }
    if value == 0 {
        return None;
    }
    // `한두`, `두세`, `서너`, `두어`: a vague couple, not a count.
    if at_any(b, k, &["두", "세", "네", "어", "너", "댓"]).is_some() && attributive && value < 10
    {
        return None;
    }
    let glued = at_any(b, k, GLUED_COUNTERS);
    let spaced = if at(b, k, " ") {
        at_any(b, k + 1, COUNTERS).map(|(c, n)| (c, n + 1))
    } else {
        None
    };
    // `둘 수 있다` is the verb 두다 "to put"; `둘 다`, `둘 중` are "both",
    // "either", which English need not count.
    let verb = at(b, i, "둘") && at(b, k, " 수 ");
    if verb {
        return None;
    }
    let pronoun = at(b, i, "둘") && at_any(b, k, &[" 다", " 중"]).is_some();
    let counter = glued
        .map(|(c, n)| (GLUED_COUNTERS[c], n))
        .or(spaced.map(|(c, n)| (COUNTERS[c], n)));
    let two_or_three_before_noun =
        matches!(value, 2 | 3) && attributive && at(b, k, " ") && hangul_at(text, k + 1);
    let (kind, end) = match counter {
        Some((c, n)) if c.ends_with('째') => (Kind::Ordinal, k + n),
        Some(("시", n)) => {
            let mut hour = value as u8;
            let mut clock24 = false;
            let mut start_shift = None;
            if let Some((h, s)) = meridiem_before(text, i, hour) {
                hour = h;
                clock24 = true;
                start_shift = Some(s);
            }
            let kind = Kind::Time {
                hour,
                minute: 0,
                clock24,
            };
            let end = k + n;
            let mut q = Quantity::new(start_shift.unwrap_or(i)..end, f64::from(hour), kind);
            q.precision = 1.0;
            items.push(Item::new(q));
            return Some(end);
        }
        Some((_, n)) => (Kind::Number, k + n),
        None if two_or_three_before_noun => (Kind::Number, k),
        None if !attributive && word_ends(text, k) => (Kind::Number, k),
        None if at(b, k, "째") => (Kind::Ordinal, k + 3),
        None => return None,
    };
    let mut q = Quantity::new(i..end, f64::from(value), kind);
    // English often says "a", "both" or "the two" instead: one, and a small
    // number before an ordinary noun, may go untranslated.
    q.optional = value == 1 || (counter.is_none() && two_or_three_before_noun) || pronoun;
    q.hedge(hedge_after(b, end).unwrap_or(Bound::Exact));
    items.push(Item::new(q));
    Some(end)
}

/// Sino-Korean numbers in Hangul before a counter or currency: `백만 달러`,
/// `삼천 명`, `천 명`, `십만여 명`.
fn sino(text: &str, i: usize, items: &mut Vec<Item>) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = i;
    let mut total = 0.0;
    let mut section = 0.0;
    let mut cur: Option<f64> = None;
    let mut units = 0;
    let mut place = 1.0;
    let mut syllables = 0;
    loop {
        if let Some(&(s, v)) = DIGIT_SYLLABLES.iter().find(|(s, _)| at(b, k, s)) {
            if cur.is_some() {
                break;
            }
            cur = Some(v);
            k += s.len();
            syllables += 1;
            continue;
        }
        if let Some((u, len)) = small_unit(b, k) {
            section += cur.take().unwrap_or(1.0) * u;
            place = u;
            units += 1;
            k += len;
            syllables += 1;
            continue;
        }
        if let Some((e, len)) = big_unit(b, k) {
            // `구조대`, `이만`, `오만`: a digit syllable right before a myriad
            // unit is almost always another word.
            if cur.is_some() {
                return None;
            }
            let scale = 10f64.powi(e);
            total += (section + if section == 0.0 { 1.0 } else { 0.0 }) * scale;
            place *= scale;
            if section == 0.0 {
                place = scale;
            }
            section = 0.0;
            units += 1;
            k += len;
            syllables += 1;
            continue;
        }
        break;
    }
    if units == 0 {
        return None;
    }
    let value = total + section + cur.unwrap_or(0.0);
    if cur.is_some() {
        place = 1.0;
    }
    let mut end = k;
    let mut bound = Bound::Exact;
    if at(b, end, "여") {
        end += 3;
        bound = Bound::AtLeast;
    }
    // A single syllable (`천`, `만`) glued to a counter is usually another word
    // (`천명` declaration); it needs a space.
    let s = if syllables == 1 {
        if !at(b, end, " ") {
            return None;
        }
        end + 1
    } else {
        after_space(b, end)
    };
    let currency = currency_word(text, s);
    let counter = at_any(b, s, SINO_COUNTERS).filter(|&(c, _)| SINO_COUNTERS[c] != "여");
    let kind = match (currency, counter) {
        (Some((cur, n, div)), _) => {
            end = s + n;
            (cur.map_or(Kind::Number, Kind::Money), div)
        }
        (None, Some((c, n))) => {
            end = s + n;
            let kind = if matches!(SINO_COUNTERS[c], "%" | "퍼센트") {
                Kind::Percent
            } else {
                Kind::Number
            };
            (kind, 1.0)
        }
        _ => return None,
    };
    let mut q = Quantity::new(i..end, value / kind.1, kind.0);
    q.precision = place / kind.1;
    q.hedge(bound);
    q.hedge(hedge_after(b, end).unwrap_or(Bound::Exact));
    q.hedge(hedge_before(text, i).unwrap_or(Bound::Exact));
    items.push(Item::new(q));
    Some(end)
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

    fn values(text: &str) -> Vec<f64> {
        extract(text).iter().map(|q| q.value).collect()
    }

    #[test]
    fn myriad_units_compose() {
        assert_eq!(one("7,000억 달러").value, 7e11);
        assert_eq!(one("1억1천만 달러").value, 1.1e8);
        assert_eq!(one("1억2천만 원").value, 1.2e8);
        assert_eq!(one("3만5000명").value, 35000.0);
        assert_eq!(one("12조3천억").value, 12.3e12);
        assert_eq!(one("2만").value, 2e4);
        assert_eq!(one("5백만 달러").value, 5e6);
        assert_eq!(one("1억 2천만 원").value, 1.2e8);
        assert_eq!(one("1.5만 명").value, 15000.0);
        assert_eq!(one("3億달러").value, 3e8);
    }

    #[test]
    fn precision_is_the_last_written_place() {
        assert_eq!(one("1조2345억원").precision, 1e8);
        assert_eq!(one("2만 명").precision, 1e4);
        assert_eq!(one("35,000명").precision, 1.0);
        assert_eq!(one("19.8%").precision, 0.1);
        assert_eq!(one("12조3천억").precision, 1e11);
    }

    #[test]
    fn currencies_are_named() {
        assert_eq!(one("500원").kind, Kind::Money(Currency::Won));
        assert_eq!(one("10엔").kind, Kind::Money(Currency::Yen));
        assert_eq!(one("2억 유로").kind, Kind::Money(Currency::Euro));
        assert_eq!(one("57억위안").kind, Kind::Money(Currency::Yuan));
        assert_eq!(one("3백만불에").kind, Kind::Money(Currency::Dollar));
        assert_eq!(one("$5").kind, Kind::Money(Currency::Dollar));
        // 원 starting another word is not the currency.
        assert_eq!(one("3원칙").kind, Kind::Number);
    }

    #[test]
    fn percent_and_points() {
        assert_eq!(one("19.8%").kind, Kind::Percent);
        assert_eq!(one("19.8 퍼센트").kind, Kind::Percent);
        for t in ["1.5%포인트", "1.5%p", "1.5포인트"] {
            let q = one(t);
            assert_eq!((q.kind, q.value), (Kind::PercentPoint, 1.5), "{t}");
        }
    }

    #[test]
    fn dates_and_years() {
        let full = Kind::Date {
            year: Some(2025),
            month: Some(12),
            day: Some(29),
        };
        assert_eq!(one("2025년 12월 29일").kind, full);
        assert_eq!(one("2025. 12. 29.").kind, full);
        assert_eq!(
            one("12월 29일").kind,
            Kind::Date {
                year: None,
                month: Some(12),
                day: Some(29)
            }
        );
        assert_eq!(
            one("27일(현지시간)").kind,
            Kind::Date {
                year: None,
                month: None,
                day: Some(27)
            }
        );
        assert_eq!(one("1992년").kind, Kind::Year);
        assert_eq!(one("50년 동안").kind, Kind::Number);
        assert_eq!(
            one("9월 인도분").kind,
            Kind::Date {
                year: None,
                month: Some(9),
                day: None
            }
        );
        assert_eq!(one("1990년대").kind, Kind::Decade);
        // A duration in days is a number, not a date.
        assert_eq!(one("9일 만에").kind, Kind::Number);
        assert_eq!(one("6개월").kind, Kind::Number);
    }

    #[test]
    fn times_use_the_half_of_the_day() {
        let t = |h, m| Kind::Time {
            hour: h,
            minute: m,
            clock24: true,
        };
        assert_eq!(one("오후 1시 3분").kind, t(13, 3));
        assert_eq!(one("오전 9시").kind, t(9, 0));
        assert_eq!(one("오후 1시 30분").kind, t(13, 30));
        assert_eq!(one("오후 1시 반").kind, t(13, 30));
        assert_eq!(one("13시").kind, t(13, 0));
        assert_eq!(one("밤 11시").kind, t(23, 0));
        assert_eq!(one("정오").kind, t(12, 0));
        assert_eq!(
            one("3시 45분").kind,
            Kind::Time {
                hour: 3,
                minute: 45,
                clock24: false
            }
        );
        assert_eq!(one("오후 두 시").kind, t(14, 0));
        // Hours of duration are a number.
        assert_eq!(one("2시간").kind, Kind::Number);
    }

    #[test]
    fn ordinals() {
        for t in ["6번째", "여섯 번째", "제6", "여섯째"] {
            let q = one(t);
            assert_eq!((q.kind, q.value), (Kind::Ordinal, 6.0), "{t}");
        }
        assert_eq!(one("21세기").kind, Kind::Ordinal);
        assert_eq!(one("첫 회담").kind, Kind::Ordinal);
        assert_eq!(one("5차전").kind, Kind::Ordinal);
        assert_eq!(one("7주년").kind, Kind::Ordinal);
        assert_eq!(one("제3조").value, 3.0);
    }

    #[test]
    fn native_numerals_need_a_counter_or_a_boundary() {
        assert_eq!(values("두 명"), [2.0]);
        assert_eq!(values("스물다섯 살"), [25.0]);
        assert_eq!(values("세가지"), [3.0]);
        assert_eq!(values("일곱"), [7.0]);
        assert_eq!(values("열두 개"), [12.0]);
        // Ordinary words that start like numerals.
        for t in [
            "한국",
            "세계",
            "네가",
            "하나님",
            "둘러싼",
            "열린",
            "한편",
            "세대",
            "한두 명",
            "두세 개",
        ] {
            assert!(extract(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn sino_korean_words_before_counters() {
        assert_eq!(values("백만 달러"), [1e6]);
        assert_eq!(values("천 명"), [1e3]);
        assert_eq!(values("삼천 명"), [3e3]);
        assert_eq!(values("천만 원"), [1e7]);
        for t in ["천명했다", "백악관", "천만다행", "이천시", "만약"] {
            assert!(extract(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn vague_magnitudes() {
        let q = one("수천 명");
        assert_eq!((q.kind, q.value), (Kind::Several, 1e3));
        assert_eq!(one("수천억 달러").value, 1e11);
        assert_eq!(one("수십만 명").value, 1e5);
        assert!(extract("수조에 물을").is_empty());
        assert!(extract("이수만 씨").is_empty());
    }

    #[test]
    fn approximations() {
        for t in [
            "약 500명",
            "150여명",
            "10명 이상",
            "3만 명가량",
            "20% 미만",
            "100명 안팎",
            "1년여",
            "최소 49명",
            "1만여 명",
        ] {
            assert!(one(t).approx, "{t}");
        }
        assert_eq!(one("1만여 명").value, 1e4);
        assert_eq!(one("10여만 명").value, 1e5);
        assert!(!one("500명").approx);
        assert!(!one("계약 3건").approx);
    }

    #[test]
    fn weekdays() {
        assert_eq!(one("지난 월요일").kind, Kind::Weekday(1));
        assert_eq!(one("일요일에").kind, Kind::Weekday(7));
    }

    #[test]
    fn ranges_share_the_unit() {
        let q = extract("2~3만 명");
        assert_eq!(q.iter().map(|q| q.value).collect::<Vec<_>>(), [2e4, 3e4]);
        let q = extract("24~26일");
        assert_eq!(
            q[0].kind,
            Kind::Date {
                year: None,
                month: None,
                day: Some(24)
            }
        );
        let q = extract("30~40%");
        assert_eq!(q[0].kind, Kind::Percent);
    }

    #[test]
    fn identifiers_phones_and_urls_are_skipped() {
        for t in [
            "갤럭시 S25",
            "HBM3E 생산",
            "G7 정상",
            "COVID-19",
            "코로나19 확산",
            "02-123-4567",
            "http://a.kr/2024/5",
        ] {
            assert!(extract(t).is_empty(), "{t}: {:?}", extract(t));
        }
    }

    #[test]
    fn one_with_a_counter_is_optional() {
        assert!(one("1년 전").optional);
        assert!(one("한 달").optional);
        assert!(!one("2년 전").optional);
    }

    #[test]
    fn conversions_in_parentheses_are_optional() {
        let q = extract("1조원(약 8억 달러)");
        assert_eq!(q.len(), 2);
        assert!(!q[0].optional);
        assert!(q[1].optional);
        assert!(q[1].approx);
    }

    #[test]
    fn fractions() {
        assert!((one("3분의 1").value - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for t in [
            "",
            "1",
            "억",
            "1억억",
            "1,",
            "1.",
            "...",
            "9999999999999999999999",
            "12:",
            "제",
            "오후",
            "1조억원",
            "\u{AC00}1",
        ] {
            let _ = extract(t);
        }
    }
}

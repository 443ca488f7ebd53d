//! Numbers as language-independent anchors: extraction from Korean and English
//! text, and a one-to-one reconciliation between the two sides.
//!
//! The same quantity is written very differently in the two languages:
//! `7,000억 달러` is `$700 billion`, `오후 1시 3분` is `1:03 p.m.`,
//! `2025년 12월 29일` is `Dec. 29, 2025`, `6번째` is `sixth`. [`extract_ko`] and
//! [`extract_en`] turn both into [`Quantity`] values with a numeric `value`, a
//! [`Kind`] and the precision the writer used; [`reconcile`] pairs them up.
//! Sentence alignment and document pairing use [`Quantity::key`] as an exact
//! anchor; the translation audit reads [`Reconciliation::ko_missing`].
//!
//! ```
//! use bitext::numbers::{extract_en, extract_ko, reconcile};
//! let ko = extract_ko("회사는 7,000억 달러를 투자해 3만5000명을 고용했다.");
//! let en = extract_en("The company invested $700 billion and hired 35,000 people.");
//! let r = reconcile(&ko, &en);
//! assert_eq!(r.matched.len(), 2);
//! assert!(r.ko_only.is_empty() && r.en_only.is_empty());
//! assert_eq!(ko[0].key(), "n:700e9");
//! ```
//!
//! # Decisions
//!
//! * **Scanning** is a single left-to-right pass over bytes with fixed word
//!   lists; no backtracking beyond a few bytes, so time is linear in the text.
//! * **Identifiers** are skipped on both sides: digits glued to Latin letters
//!   (`S25`, `HBM3E`, `G7`, `COVID-19`, `F-16`, `NW1`), digits directly after
//!   a Hangul word when no unit follows (`코로나19`), URLs, e-mail-like tokens
//!   and phone numbers (three or more dash-separated digit groups). What is
//!   skipped on one side is skipped on the other, which is what reconciliation
//!   needs. Units glued after digits are fine: `500kg`, `8AM`, `$5m`, `24th`.
//! * **Bare four-digit integers** from 1500 to 2100 are [`Kind::Year`] in both
//!   languages; a year reconciles with a plain number of the same value, so
//!   `2000명` still meets `2000 people`.
//! * **Percent and percentage points** are separate kinds (`1.5%p`, `1.5%포인트`,
//!   `1.5포인트`, `1.5 percentage points`) but reconcile with each other at a
//!   small cost: translators switch between them freely, and the number is
//!   what matters.
//! * **Dates** keep whichever parts were written. `27일(현지시간)` is a day
//!   without month; Korean news routinely writes the day of the month where
//!   English writes the weekday, so a day-only date reconciles with any
//!   weekday, and a full date with the weekday it falls on.
//! * **Vague amounts** (`수천`, `thousands`, `hundreds of millions`, `수십억`) are
//!   [`Kind::Several`] whose value is the order of magnitude. `dozens` is not
//!   twelve; it is several tens, like `수십`.
//! * **Hedges** bound the value one way or both ([`Bound`]): `14` meets
//!   `about 15` but not `more than 15`.
//! * **Precision**: two values are equal when they agree at the coarser
//!   precision (`1조2345억` = `1.23 trillion`), but a coarse scale never
//!   stretches equality beyond 5% (`14억` ≠ `1 billion`).
//! * **Optional quantities** (see [`Quantity::optional`]) are those a faithful
//!   translation may drop: the number one (`1년 전` is "a year ago", `첫` and
//!   `first` come and go), a small native number before an ordinary noun
//!   (`두 사건` is often "the incidents"), English weekdays and `both`, a
//!   year-and-month stamp (`2005.10`), and a conversion in parentheses
//!   (`1조원(약 8억 달러)`, `15 meters (49 feet)`).
//! * **Multipliers written as words** count: `five decades` is 50 (years),
//!   `three dozen` 36, `doubled` 2 (like `두 배`), `World War II` the
//!   ordinal 2, `0715` and `1215 GMT` clock times.
//! * Hanja units after digits (`3億`, `5萬`) are read; standalone Hanja
//!   numerals, full-width digits and single-letter Roman numerals are not.
//!   Units of measure are not converted here (`975 m²` does not meet
//!   `10,500-square-foot`); the audit's number check accepts a measure
//!   converted as English newsrooms do (km/miles, ㎡ and 평/square feet,
//!   kg/pounds, °C/°F).
//! * **Korean conventions that are not amounts.** A month and day joined by
//!   a middle dot name an event (`4·19 혁명`, the April 19 Revolution): a
//!   date, optional, since English may name the event instead; so is a
//!   decimal of that shape before a plain noun (`6.25 전쟁`). Two numbers
//!   joined so before a counter are a list (`1·2위`, `3·4분기`). A number in
//!   a name or set expression is optional: tournament rounds (`8강`, the
//!   quarterfinals), the companies of a sector (`이통 3사`), the N biggest
//!   (`4대 그룹`), age groups (`10대`, `40대`), school years and grades
//!   (`2학년`, `2급`), group sizes (`3인조`) and valences (`6가 크롬`).
//! * **Homonyms are read by grammar.** A syllable glued to digits is their
//!   counter (`32세`), never a number word; `둘 수` is the verb 두다 and
//!   `둘 다` "both".
//! * **Spellings.** Korean units and native tens may be spaced (`22 억 5 천만`,
//!   `1억 4천 2백만`, `37만 5,000`, `열 다섯`); English dates may come day
//!   first (`29 March`, `3rd March`, `the 3rd of March`) and clock times
//!   with a point (`7.55am`); a fraction or tenths (`7할`, `3분의 2`,
//!   "two-thirds") meets the same share in percent; "decades" and
//!   "centuries" are `수십 년` and `수세기`, "a couple of" about two.

mod en;
pub use en::{english_month, english_weekday};
/// English cardinal words, shared with the aligner's tokeniser.
pub(crate) use en::{TENS as EN_TENS, UNITS as EN_UNITS};
mod ko;
mod reconcile;
mod text;

pub use reconcile::{agree, reconcile, Reconciliation};

use serde::Serialize;

/// A currency named or symbolised next to an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Currency {
    /// Any dollar (`$`, `달러`, `dollars`); US, Hong Kong and other dollars are
    /// not told apart because either language often drops the country.
    Dollar,
    /// Korean won (`원`, `won`, `₩`, `W1.2 trillion`).
    Won,
    /// Japanese yen (`엔`, `yen`, `¥`).
    Yen,
    /// Euro (`유로`, `euro`, `€`).
    Euro,
    /// Chinese yuan (`위안`, `yuan`, `renminbi`).
    Yuan,
    /// Pound sterling (`£` only: the word "pound" is also a weight).
    Pound,
}

/// What a [`Quantity`] counts or denotes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Kind {
    /// A plain number, with or without a counter (`3명`, `28 teeth`, `1,000배`).
    Number,
    /// An amount of money; `value` is in whole units of the currency.
    Money(Currency),
    /// A percentage (`19.8%`, `19.8 per cent`); `value` is 19.8.
    Percent,
    /// Percentage points (`1.5%p`, `1.5 percentage points`).
    PercentPoint,
    /// A calendar year written alone (`1992년`, `in 1992`).
    Year,
    /// A calendar date with the parts that were written; `value` is the day
    /// when present, else the month.
    Date {
        /// Year, when written.
        year: Option<i32>,
        /// Month 1–12, when written.
        month: Option<u8>,
        /// Day of the month 1–31, when written.
        day: Option<u8>,
    },
    /// A clock time; `value` is `hour + minute / 60`.
    Time {
        /// Hour 0–23 when `clock24`, else the hour as written (1–12).
        hour: u8,
        /// Minute 0–59.
        minute: u8,
        /// True when the half of the day is known (a.m./p.m., 오전/오후, an
        /// hour of 13 or more, noon, midnight); otherwise 9:00 may be 21:00.
        clock24: bool,
    },
    /// An ordinal (`6th`, `sixth`, `6번째`, `여섯 번째`, `제6`, `21세기`).
    Ordinal,
    /// A day of the week, 1 = Monday … 7 = Sunday (also `value`).
    Weekday(u8),
    /// A decade (`1990s`, `1990년대`); `value` is its first year.
    Decade,
    /// An order of magnitude without a count (`수천`, `thousands`,
    /// `dozens`); `value` is the magnitude (1000, 10).
    Several,
}

/// The direction of a hedge on a value.
///
/// `14` and `more than 15` cannot be the same count although they are within
/// 10% of each other: a lower bound only stretches upwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Bound {
    /// As written.
    Exact,
    /// Either way: 약, 가량, 쯤, 정도, 안팎; about, some, around, roughly.
    About,
    /// The value or more: 이상, 넘는, 여, 최소; more than, over, at least.
    AtLeast,
    /// The value or less: 미만, 이하, 가까이, 거의, 최대; less than, under,
    /// nearly, almost, up to.
    AtMost,
}

/// A quantity found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte range of the expression in the text it came from.
    pub span: std::ops::Range<usize>,
    /// Numeric value in base units (`7000억` is 7e11, `19.8%` is 19.8).
    pub value: f64,
    /// What the value counts.
    pub kind: Kind,
    /// Hedged by a word such as 약/여/이상/about/more than (`bound` says
    /// which way); reconciles with values within 10% on the hedged side.
    pub approx: bool,
    /// Which way the hedge points; [`Bound::Exact`] when `approx` is false.
    pub bound: Bound,
    /// Place value of the last digit the writer gave: 1 for `35,000`, 1e8 for
    /// `1조2345억`, 1e10 for `1.23 trillion`, 1e4 for `2만`. Two values are equal
    /// when they agree at the coarser precision (but never beyond 5%).
    pub precision: f64,
    /// A faithful translation may leave this out: the number one with a
    /// counter (often rendered "a"), or a currency conversion in parentheses.
    pub optional: bool,
}

impl Quantity {
    pub(crate) fn new(span: std::ops::Range<usize>, value: f64, kind: Kind) -> Self {
        Quantity {
            span,
            value,
            kind,
            approx: false,
            bound: Bound::Exact,
            precision: 1.0,
            optional: false,
        }
    }

    /// Add a hedge; two hedges pointing different ways make it `About`.
    pub(crate) fn hedge(&mut self, bound: Bound) {
        self.bound = match (self.bound, bound) {
            (current, Bound::Exact) => current,
            (Bound::Exact, new) => new,
            (current, new) if current == new => current,
            _ => Bound::About,
        };
        self.approx = self.bound != Bound::Exact;
    }

    /// Canonical, language-independent key for exact indexing.
    ///
    /// Amounts, plain numbers and years share the `n:` space (a Korean number
    /// often loses the currency or counter the English one keeps), written in
    /// engineering notation from a million up: `n:700e9`, `n:35000`,
    /// `n:12.3e12`. Other kinds: `pct:19.8` (percent and points alike),
    /// `ord:6`, `date:2025-12-29` (ISO 8601 with missing parts as `--12-29`,
    /// `---29`, `2025-12`, `--12`), `time:13:03` (`time:~1:03` when the half
    /// of the day is unknown), `wd:1`, `decade:1990`, `sev:1e3`.
    ///
    /// Equal keys mean the same quantity; [`reconcile`] is the tolerant test
    /// (precision, approximations, unit drops).
    ///
    /// ```
    /// use bitext::numbers::extract_ko;
    /// let q = &extract_ko("2025년 12월 29일 오후 1시 3분")[..];
    /// assert_eq!(q[0].key(), "date:2025-12-29");
    /// assert_eq!(q[1].key(), "time:13:03");
    /// ```
    pub fn key(&self) -> String {
        match self.kind {
            Kind::Number | Kind::Money(_) | Kind::Year => format!("n:{}", eng(self.value)),
            Kind::Percent | Kind::PercentPoint => format!("pct:{}", eng(self.value)),
            Kind::Ordinal => format!("ord:{}", eng(self.value)),
            Kind::Date { year, month, day } => {
                let y = year
                    .map(|y| format!("{y:04}"))
                    .unwrap_or_else(|| "-".into());
                match (month, day) {
                    (Some(m), Some(d)) => format!("date:{y}-{m:02}-{d:02}"),
                    (Some(m), None) => format!("date:{y}-{m:02}"),
                    (None, Some(d)) => format!("date:---{d:02}"),
                    (None, None) => format!("date:{y}"),
                }
            }
            Kind::Time {
                hour,
                minute,
                clock24: true,
            } => format!("time:{hour}:{minute:02}"),
            Kind::Time {
                hour,
                minute,
                clock24: false,
            } => format!("time:~{}:{minute:02}", hour % 12),
            Kind::Weekday(d) => format!("wd:{d}"),
            Kind::Decade => format!("decade:{}", eng(self.value)),
            Kind::Several => format!("sev:{}", sci(self.value)),
        }
    }
}

/// Quantities in Korean text (which may also contain digits, English words
/// and Hanja units), in text order.
///
/// Reads digits with Korean units (`1억2천만`, `12조3천억`, `7,000억`), native
/// and Sino-Korean counting words before counters (`두 명`, `여섯 번째`,
/// `백만 달러`), dates (`2025년 12월 29일`, `2025. 12. 29.`), times
/// (`오후 1시 30분`), percentages and points, currencies, ordinals (`제6`,
/// `6번째`, `21세기`), weekdays, vague amounts (`수천`) and the hedges that make
/// a value approximate (`약`, `여`, `가량`, `이상`, `넘는`, `미만`, `안팎`).
///
/// ```
/// use bitext::numbers::{extract_ko, Currency, Kind};
/// let q = extract_ko("약 1억2천만 달러");
/// assert_eq!(q[0].value, 1.2e8);
/// assert_eq!(q[0].kind, Kind::Money(Currency::Dollar));
/// assert!(q[0].approx);
/// ```
pub fn extract_ko(text: &str) -> Vec<Quantity> {
    ko::extract(text)
}

/// Quantities in English text, in text order.
///
/// Reads numerals with thousands separators and decimals, scale words and
/// abbreviations (`5.3 million`, `$1.2bn`), number words (`twenty-five`,
/// `a million`, `three dozen`), ordinals (`6th`, `twenty-first`), dates in
/// US and British order, clock times, percentages and percentage points,
/// currencies, weekdays, decades, vague amounts (`thousands of`) and hedges
/// (`about`, `more than`, `nearly`).
///
/// ```
/// use bitext::numbers::{extract_en, Kind};
/// let q = extract_en("Dec. 29, 2025 at 1:03 p.m.");
/// assert_eq!(q[0].kind, Kind::Date { year: Some(2025), month: Some(12), day: Some(29) });
/// assert_eq!(q[1].kind, Kind::Time { hour: 13, minute: 3, clock24: true });
/// ```
pub fn extract_en(text: &str) -> Vec<Quantity> {
    en::extract(text)
}

/// `v` with trailing zeros trimmed, in engineering notation from 1e6 up.
fn eng(v: f64) -> String {
    if !v.is_finite() {
        return "nan".into();
    }
    let a = v.abs();
    if a >= 1e6 {
        let mut e = a.log10().floor() as i32;
        e -= e.rem_euclid(3);
        let m = v / 10f64.powi(e);
        // Float noise can push the mantissa to 1000 exactly.
        if trim(m) == "1000" {
            return format!("1e{}", e + 3);
        }
        format!("{}e{}", trim(m), e)
    } else {
        trim(v)
    }
}

/// `v` as a power of ten when it is one (`1e3`), else like [`eng`].
fn sci(v: f64) -> String {
    let e = v.abs().log10().round() as i32;
    if v > 0.0 && (10f64.powi(e) - v).abs() < 1e-9 * v {
        format!("1e{e}")
    } else {
        eng(v)
    }
}

fn trim(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests;

//! Translation-quality audit of Korean → English pairs.
//!
//! Each check family lives in its own module and turns one kind of evidence
//! into [`Signal`]s: a code, a weight in log-odds units (how much less likely
//! the pair is a correct translation) and the spans on each side. The
//! [`score`] module adds the weights to the prior odds of a correct pair and
//! maps the sum to a score in `[0, 1]`, so every check speaks the same unit
//! and a pair's score is the model's probability that it is fine.
//!
//! ```
//! use bitext::audit::{audit_pair, AuditOptions};
//! let opts = AuditOptions::default();
//! let good = audit_pair("서울은 한국의 수도다.", "Seoul is the capital of South Korea.", &opts);
//! let bad = audit_pair("서울은 한국의 수도다.", "서울은 한국의 수도다.", &opts);
//! assert!(good.score > bad.score);
//! assert!(bad.flagged);
//! assert_eq!(bad.findings[0].code.category(), "untranslated");
//! ```

pub mod article;
pub mod batch;
pub mod calibration;
pub mod encoding;
pub mod entities;
pub mod holes;
pub mod input;
pub mod job;
pub mod lexicon;
pub use crate::ko::loanword;
pub mod names;
pub mod numbers;

pub mod omission;
pub mod places;
pub mod repetition;
pub mod run;
pub mod score;
pub mod sound;
pub mod text;
pub mod untranslated;
pub mod wrong_pair;

pub use batch::{audit_batch, BatchReport, PairInput};

use crate::diagnostic::{Code, Severity};
use crate::span::Span;
use serde::Serialize;

/// Settings of an audit.
#[derive(Clone, Debug, Default)]
pub struct AuditOptions {}

/// One piece of evidence a check found, before scoring.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// What kind of error it points to.
    pub code: Code,
    /// Evidence against the pair, in natural-log odds (0 = neutral; negative
    /// values are evidence for a correct translation).
    pub weight: f64,
    /// What is wrong, for people.
    pub message: String,
    /// The English span concerned.
    pub en: Option<Span>,
    /// The Korean span concerned.
    pub ko: Option<Span>,
    /// The kind of evidence within the code (`hole`, `name`, …; empty for
    /// the code as a whole): each class gets its own calibration, since a
    /// grammar hole and a missing Latin name of the same code are not
    /// equally reliable.
    pub class: &'static str,
    /// The class of evidence behind it, when the check tells classes apart.
    pub evidence: Option<Evidence>,
}

/// The class of evidence a signal rests on. Checks whose evidence differs in
/// strength (a changed money amount against a Korean quantity the English
/// leaves out) tag each signal with its class, so that calibration can give
/// each class its own weight and severity. [`Evidence::key`] is its stable
/// name, as written in reports and weight files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Evidence {
    /// A quantity that does not reconcile (BT401).
    Number(numbers::Evidence),
}

impl Evidence {
    /// Stable name, e.g. `number.changed.money` or `number.dropped.count.hedged`.
    pub fn key(&self) -> String {
        match self {
            Evidence::Number(e) => e.key(),
        }
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl Signal {
    /// A signal with no spans.
    pub fn new(code: Code, weight: f64, message: impl Into<String>) -> Self {
        Signal {
            code,
            weight,
            message: message.into(),
            en: None,
            ko: None,
            class: "",
            evidence: None,
        }
    }

    /// The same signal as evidence of class `class` (see [`Signal::class`]).
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = class;
        self
    }

    /// The same signal tagged with its class of evidence.
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        self.evidence = Some(evidence);
        self
    }

    /// The same signal pointing at `span` of the English side.
    pub fn en(mut self, span: Span) -> Self {
        self.en = Some(span);
        self
    }

    /// The same signal pointing at `span` of the Korean side.
    pub fn ko(mut self, span: Span) -> Self {
        self.ko = Some(span);
        self
    }
}

/// A finding reported for a pair: a signal strong enough to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// `Error` when the calibrated confidence reaches
    /// [`calibration::ERROR_CONFIDENCE`] and the evidence class held that
    /// precision on labelled real text, `Warning` from
    /// [`calibration::WARNING_CONFIDENCE`], else `Info`.
    pub severity: Severity,
    /// Calibrated probability that the finding names a real defect of its
    /// category (see [`calibration`]).
    pub confidence: f64,
    /// The evidence class the confidence was looked up under.
    #[serde(skip)]
    pub class: &'static str,
    /// What is wrong.
    pub message: String,
    /// English span (byte offsets into the pair's English text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<Span>,
    /// Korean span (byte offsets into the pair's Korean text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ko: Option<Span>,
    /// The evidence weight behind it (log-odds).
    pub weight: f64,
    /// The class of evidence behind it (see [`Evidence::key`]), when the check
    /// tells classes apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// The audit of one pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairReport {
    /// Probability-like quality score in `[0, 1]`, higher is better.
    pub score: f64,
    /// True exactly when a finding has severity `Error`.
    pub flagged: bool,
    /// Findings, strongest first.
    pub findings: Vec<Finding>,
    /// Korean names and their sure English spellings (for the batch's
    /// name-variant check).
    #[serde(skip)]
    pub names: Vec<names::Rendering>,
}

impl PairReport {
    /// Distinct codes of the `Error` findings (the ones that flag the
    /// pair), in table order; empty for a pair that is not flagged.
    pub fn codes(&self) -> Vec<Code> {
        let mut c: Vec<Code> = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect();
        c.sort();
        c.dedup();
        c
    }

    /// Distinct categories of the `Error` findings, in table order.
    pub fn categories(&self) -> Vec<&'static str> {
        let mut c: Vec<&'static str> = self.codes().iter().map(|c| c.category()).collect();
        c.dedup();
        c
    }
}

/// The text of a pair with what several checks need computed once.
pub struct Pair<'a> {
    /// Korean source.
    pub ko: &'a str,
    /// English translation.
    pub en: &'a str,
    /// English word tokens.
    pub en_words: Vec<text::Token>,
    /// Korean character counts.
    pub ko_counts: text::Counts,
    /// English character counts.
    pub en_counts: text::Counts,
    /// Quantities of the Korean.
    pub ko_nums: Vec<crate::numbers::Quantity>,
    /// Quantities of the English.
    pub en_nums: Vec<crate::numbers::Quantity>,
    /// How the quantities pair up.
    pub numbers: crate::numbers::Reconciliation,
}

impl<'a> Pair<'a> {
    /// Prepare `ko` and `en` for the checks.
    pub fn new(ko: &'a str, en: &'a str) -> Self {
        let ko_nums = crate::numbers::extract_ko(ko);
        let en_nums = crate::numbers::extract_en(en);
        let numbers = crate::numbers::reconcile(&ko_nums, &en_nums);
        Pair {
            ko,
            en,
            en_words: text::words(en),
            ko_counts: text::counts(ko),
            en_counts: text::counts(en),
            ko_nums,
            en_nums,
            numbers,
        }
    }
}

/// The signals one check finds in a pair, for the checks' unit tests.
#[cfg(test)]
pub(crate) fn run_check(check: fn(&Pair<'_>, &mut Vec<Signal>), ko: &str, en: &str) -> Vec<Signal> {
    let mut v = Vec::new();
    check(&Pair::new(ko, en), &mut v);
    v
}

/// Every signal the pair-level checks find in `pair`.
pub fn signals(pair: &Pair<'_>) -> Vec<Signal> {
    signals_and_names(pair, &mut Vec::new())
}

/// Every signal of `pair`, and the names whose English spelling is sure.
pub fn signals_and_names(pair: &Pair<'_>, renderings: &mut Vec<names::Rendering>) -> Vec<Signal> {
    let mut out = Vec::new();
    untranslated::check(pair, &mut out);
    if out.iter().any(|s| s.weight >= untranslated::COPY_WEIGHT) {
        // A copy of the source explains every other signal.
        return out;
    }
    omission::check(pair, &mut out);
    numbers::check(pair, &mut out);
    repetition::check(pair, &mut out);
    entities::check(pair, &mut out);
    names::check(pair, &mut out, renderings);
    wrong_pair::check(pair, &mut out);
    lexicon::check(pair, &mut out);
    encoding::check(pair, &mut out);
    out
}

/// Audit one pair: `ko` the Korean source, `en` its English translation.
pub fn audit_pair(ko: &str, en: &str, opts: &AuditOptions) -> PairReport {
    let pair = Pair::new(ko, en);
    let mut names = Vec::new();
    let signals = signals_and_names(&pair, &mut names);
    let mut report = score::report(signals, opts);
    report.names = names;
    report
}

//! Encoding artifacts on either side of a pair, found by [`crate::lint`]:
//! mojibake, HTML references, control characters and the like are defects
//! of the pair whatever the translation's quality.

use super::{Pair, Signal};
use crate::diagnostic::Severity;
use crate::lint::{check_text, LintOptions};

/// Weight of an artifact that garbles text (an error-level lint code): data
/// lost or unreadable, the pair is unusable as it is.
const ERROR_WEIGHT: f64 = 3.5;
/// Weight of a cosmetic artifact (a warning-level lint code): reported, but
/// no reason alone to reject the translation.
const WARNING_WEIGHT: f64 = 1.5;
/// Findings reported per side at most.
const PER_SIDE: usize = 3;

/// Report lint findings of both sides of `pair`.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let opts = LintOptions::default();
    for (text, english) in [(pair.en, true), (pair.ko, false)] {
        for f in check_text(text, &opts).into_iter().take(PER_SIDE) {
            let weight = if f.code.severity() == Severity::Error {
                ERROR_WEIGHT
            } else {
                WARNING_WEIGHT
            };
            let side = if english { "English" } else { "Korean" };
            let s = Signal::new(f.code, weight, format!("{side}: {}", f.message));
            out.push(if english { s.en(f.span) } else { s.ko(f.span) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    #[test]
    fn artifacts_on_each_side_are_reported_on_that_side() {
        let mut v = Vec::new();
        check(
            &Pair::new("그는 &quot;예&quot;라고 했다.", "He said \u{FFFD}yes."),
            &mut v,
        );
        let en: Vec<Code> = v
            .iter()
            .filter(|s| s.en.is_some())
            .map(|s| s.code)
            .collect();
        let ko: Vec<Code> = v
            .iter()
            .filter(|s| s.ko.is_some())
            .map(|s| s.code)
            .collect();
        assert_eq!(en, vec![Code::ReplacementChar]);
        assert!(ko.contains(&Code::HtmlEntity));
        assert!(v.iter().any(|s| s.weight == ERROR_WEIGHT));
    }

    #[test]
    fn clean_text_has_no_artifacts() {
        let mut v = Vec::new();
        check(&Pair::new("그는 웃었다.", "He laughed."), &mut v);
        assert!(v.is_empty());
    }
}

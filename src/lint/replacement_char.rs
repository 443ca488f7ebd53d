//! BT105: U+FFFD, the mark of bytes a decoder could not read.

use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;
use crate::span::Span;

/// Finds runs of U+FFFD. There is no fix: the original characters are gone.
pub struct ReplacementChar;

const FFFD: &str = "\u{FFFD}";

impl Rule for ReplacementChar {
    fn code(&self) -> Code {
        Code::ReplacementChar
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        let mut done = 0;
        for pos in scan.hits(Trigger::Format) {
            if pos < done || !text[pos..].starts_with(FFFD) {
                continue;
            }
            let mut end = pos;
            while text[end..].starts_with(FFFD) {
                end += FFFD.len();
            }
            done = end;
            let n = (end - pos) / FFFD.len();
            let what = if n == 1 {
                "replacement character U+FFFD".to_owned()
            } else {
                format!("{n} replacement characters U+FFFD")
            };
            out.push(Finding::new(
                self.code(),
                Span::new(pos, end),
                format!("{what}: the original characters were lost when the text was decoded; no fix can restore them (re-fetch or re-decode the source)"),
            ));
        }
    }
}

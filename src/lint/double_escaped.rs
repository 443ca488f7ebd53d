//! BT102: references escaped twice (`&amp;#x27;`, `&amp;amp;`).

use super::{entity, show, Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;
use crate::span::Span;

/// Finds `&amp;` followed by the body of another reference.
pub struct DoubleEscaped;

impl Rule for DoubleEscaped {
    fn code(&self) -> Code {
        Code::DoubleEscaped
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for pos in scan.hits(Trigger::Amp) {
            let Some(chain) = entity::chain(text, pos) else {
                continue;
            };
            if chain.depth < 2 {
                continue;
            }
            let span = Span::new(pos, chain.end);
            let raw = &text[span.range()];
            let times = if chain.depth == 2 {
                "twice".to_owned()
            } else {
                format!("{} times", chain.depth)
            };
            let finding = match chain.value {
                Some(v) => Finding::new(
                    self.code(),
                    span,
                    format!(
                        "`{raw}` is a character reference escaped {times}; it stands for `{}`",
                        show(&v)
                    ),
                )
                .fix(v, true),
                None => Finding::new(
                    self.code(),
                    span,
                    format!("`{raw}` is a character reference escaped {times}, to no character"),
                )
                .fix("", false),
            };
            out.push(finding);
        }
    }
}

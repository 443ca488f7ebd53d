//! BT101: character references left unescaped (`Korea&#x27;s`).

use super::{entity, show, Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;
use crate::span::Span;

/// Finds `&name;`, `&#NNN;` and `&#xHHH;` in text.
pub struct HtmlEntity;

impl Rule for HtmlEntity {
    fn code(&self) -> Code {
        Code::HtmlEntity
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for pos in scan.hits(Trigger::Amp) {
            let Some(chain) = entity::chain(text, pos) else {
                continue;
            };
            if chain.depth != 1 {
                continue;
            }
            let span = Span::new(pos, chain.end);
            let raw = &text[span.range()];
            let finding = match chain.value {
                Some(v) => Finding::new(
                    self.code(),
                    span,
                    format!(
                        "HTML character reference `{raw}` left in text; it stands for `{}`",
                        show(&v)
                    ),
                )
                .fix(v, true),
                None => Finding::new(
                    self.code(),
                    span,
                    format!("HTML character reference `{raw}` refers to no character; remove it"),
                )
                .fix("", false),
            };
            out.push(finding);
        }
    }
}

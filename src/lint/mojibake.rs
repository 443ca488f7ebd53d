//! BT103: UTF-8 decoded as cp1252 or Latin-1 (`â€™`, `Ã©`, `ì„¸ê³„`).

use super::legacy::Kind;
use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;

/// Reports the UTF-8 readings of [`super::legacy`].
pub struct Mojibake;

impl Rule for Mojibake {
    fn code(&self) -> Code {
        Code::Mojibake
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for piece in scan.legacy() {
            let raw = super::show(&text[piece.span.range()]);
            let fix = piece.fix.clone().unwrap_or_default();
            let message = match piece.kind {
                Kind::Utf8AsLatin1 => {
                    format!("`{raw}` is UTF-8 decoded as cp1252/Latin-1; it reads `{}`", super::show(&fix))
                }
                Kind::Utf8Truncated => format!(
                    "`{raw}` is the start of a UTF-8 character decoded as cp1252, its last byte lost; probably `{fix}`"
                ),
                Kind::Utf8LeadLost => format!(
                    "`{raw}` after U+FFFD is the rest of a UTF-8 character decoded as cp1252, its first byte lost; the character cannot be recovered"
                ),
                Kind::Utf8NbspLost => format!(
                    "`{raw}` before a space is the first byte of a UTF-8 no-break space decoded as cp1252; probably remove it"
                ),
                _ => continue,
            };
            let finding = Finding::new(self.code(), piece.span, message);
            out.push(match &piece.fix {
                Some(f) => finding.fix(f.clone(), piece.safe),
                None => finding,
            });
        }
    }
}

//! BT104: Korean legacy-encoding confusions (`¡°`, `¼¼°è`, `caf챕`, `�쒓뎅`).

use super::legacy::Kind;
use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;

/// Reports the cp949 readings of [`super::legacy`].
pub struct MojibakeCjk;

impl Rule for MojibakeCjk {
    fn code(&self) -> Code {
        Code::MojibakeCjk
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        for piece in scan.legacy() {
            let raw = super::show(&text[piece.span.range()]);
            let fix = piece.fix.clone().unwrap_or_default();
            let shown = super::show(&fix);
            let finding = match piece.kind {
                Kind::Cp949AsLatin1 => Finding::new(
                    self.code(),
                    piece.span,
                    format!("`{raw}` is cp949 (EUC-KR) text decoded as Latin-1; it reads `{shown}`"),
                ),
                Kind::Utf8AsCp949 => Finding::new(
                    self.code(),
                    piece.span,
                    format!("`{raw}` is UTF-8 decoded as cp949; it reads `{shown}`"),
                ),
                Kind::Utf8AsCp949Lossy => Finding::new(
                    self.code(),
                    piece.span,
                    format!("`{raw}` is UTF-8 Korean decoded as cp949; the bytes lost to U+FFFD cannot be recovered, decode the source as UTF-8"),
                ),
                _ => continue,
            };
            out.push(match &piece.fix {
                Some(f) => finding.fix(f.clone(), piece.safe),
                None => finding,
            });
        }
    }
}

//! BT109: backslash escapes written out in prose (`\n`, `\t`, `\"`, `\u2019`).

use super::{show, Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;
use crate::span::Span;

/// Finds JSON/C-style escapes that a serialisation step forgot to undo.
/// Windows paths (`C:\new`) and TeX commands (`\theta`) are left alone.
pub struct EscapedLiteral;

/// TeX commands starting with the letters of an escape; only a backslash
/// that begins a word (after a space, `$`, `{` or `(`) can start one.
const TEX: &[&str] = &[
    "nabla",
    "ne",
    "neg",
    "neq",
    "newcommand",
    "newline",
    "newpage",
    "ni",
    "noindent",
    "nolimits",
    "not",
    "nu",
    "rangle",
    "rceil",
    "ref",
    "rfloor",
    "rho",
    "right",
    "rightarrow",
    "rm",
    "tan",
    "tanh",
    "tau",
    "text",
    "textbf",
    "textit",
    "textrm",
    "textsc",
    "texttt",
    "tfrac",
    "theta",
    "tilde",
    "times",
    "to",
    "top",
    "triangle",
    "uparrow",
    "upsilon",
    "underline",
    "url",
    "usepackage",
];

/// A decoded escape: its end and what it stands for (`None` when it stands
/// for nothing valid, such as a lone surrogate).
struct Escape {
    end: usize,
    value: Option<String>,
}

fn hex(text: &str, at: usize, len: usize) -> Option<u32> {
    let s = text.get(at..at + len)?;
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// The escape whose letter is at `at` (just after the backslashes).
fn escape(text: &str, at: usize) -> Option<Escape> {
    let bytes = text.as_bytes();
    let simple = |v: &str| {
        Some(Escape {
            end: at + 1,
            value: Some(v.to_owned()),
        })
    };
    match *bytes.get(at)? {
        b'n' => simple("\n"),
        b't' => simple("\t"),
        b'r' if text[at + 1..].starts_with("\\n") => Some(Escape {
            end: at + 3,
            value: Some("\n".into()),
        }),
        b'r' => simple("\n"),
        b'"' => simple("\""),
        b'\'' => simple("'"),
        b'/' => simple("/"),
        b'u' => {
            let hi = hex(text, at + 1, 4)?;
            let end = at + 5;
            if (0xD800..0xDC00).contains(&hi) {
                // A surrogate pair written as two escapes.
                if text[end..].starts_with("\\u") {
                    if let Some(lo @ 0xDC00..=0xDFFF) = hex(text, end + 2, 4) {
                        let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                        return Some(Escape {
                            end: end + 6,
                            value: c.map(String::from),
                        });
                    }
                }
                return Some(Escape { end, value: None });
            }
            Some(Escape {
                end,
                value: char::from_u32(hi).map(String::from),
            })
        }
        b'U' => {
            let n = hex(text, at + 1, 8)?;
            Some(Escape {
                end: at + 9,
                value: char::from_u32(n).map(String::from),
            })
        }
        b'x' => {
            // `\xE2\x80\x99`: bytes written out; they decode when they are UTF-8.
            let mut raw = vec![u8::try_from(hex(text, at + 1, 2)?).ok()?];
            let mut end = at + 3;
            while text[end..].starts_with("\\x") {
                match hex(text, end + 2, 2).and_then(|b| u8::try_from(b).ok()) {
                    Some(b) => raw.push(b),
                    None => break,
                }
                end += 4;
            }
            Some(Escape {
                end,
                value: String::from_utf8(raw).ok(),
            })
        }
        _ => None,
    }
}

/// True when the backslash at `pos` belongs to a Windows path: its
/// whitespace-delimited token has a drive (`C:\`), is a UNC path (`\\host`)
/// or an environment variable (`%APPDATA%\`).
fn in_path(text: &str, pos: usize) -> bool {
    let lo = crate::span::floor_char_boundary(text, pos.saturating_sub(256));
    let start = text[lo..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '"' || c == '(')
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let token = &text[start..];
    let len = token
        .find(char::is_whitespace)
        .unwrap_or(token.len())
        .min(512);
    let token = &token[..crate::span::floor_char_boundary(token, len)];
    let b = token.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\')
        || token.starts_with("\\\\") && pos > start
        || token.contains("%\\")
}

/// True when the backslash at `pos` starts a TeX command such as `\theta`.
fn is_tex(text: &str, pos: usize, at: usize) -> bool {
    let word_start = text[..pos]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '$' | '{' | '(' | '['));
    let len = text[at..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    word_start && TEX.contains(&&text[at..at + len])
}

impl Rule for EscapedLiteral {
    fn code(&self) -> Code {
        Code::EscapedLiteral
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        let mut done = 0;
        for pos in scan.hits(Trigger::Backslash) {
            if pos < done {
                continue;
            }
            // `\\n` is `\n` escaped once more: one finding for the whole.
            let slashes = text[pos..].bytes().take_while(|&b| b == b'\\').count();
            let at = pos + slashes;
            done = at;
            let Some(esc) = escape(text, at) else {
                continue;
            };
            if in_path(text, pos) || is_tex(text, pos, at) {
                continue;
            }
            done = esc.end;
            let span = Span::new(pos, esc.end);
            let raw = &text[span.range()];
            let finding = match esc.value {
                Some(v) => {
                    let meaning = match v.as_str() {
                        "\n" => "a line break".to_owned(),
                        "\t" => "a tab".to_owned(),
                        _ => format!("`{}`", show(&v)),
                    };
                    Finding::new(
                        self.code(),
                        span,
                        format!("literal escape sequence `{raw}` in text; it stands for {meaning}"),
                    )
                    .fix(v, true)
                }
                None => Finding::new(
                    self.code(),
                    span,
                    format!("literal escape sequence `{raw}` in text, for no valid character"),
                ),
            };
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{check_text, LintOptions};

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        check_text(text, &LintOptions::default())
            .into_iter()
            .filter(|f| f.code == Code::EscapedLiteral)
            .map(|f| {
                (
                    text[f.span.range()].to_owned(),
                    f.fix.map(|x| x.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn escapes_in_prose_are_found_and_decoded() {
        assert_eq!(
            found("the main\\ngoal"),
            [("\\n".into(), Some("\n".into()))]
        );
        assert_eq!(
            found("said \\\"no\\\""),
            [
                ("\\\"".into(), Some("\"".into())),
                ("\\\"".into(), Some("\"".into()))
            ]
        );
        assert_eq!(
            found("A \\u201cfew\\u201d"),
            [
                ("\\u201c".into(), Some("“".into())),
                ("\\u201d".into(), Some("”".into()))
            ]
        );
        assert_eq!(
            found("x\\ud83d\\ude00y"),
            [("\\ud83d\\ude00".into(), Some("😀".into()))]
        );
        assert_eq!(found("a\\r\\nb"), [("\\r\\n".into(), Some("\n".into()))]);
        assert_eq!(
            found("it\\xe2\\x80\\x99s"),
            [("\\xe2\\x80\\x99".into(), Some("’".into()))]
        );
        assert_eq!(
            found("two\\\\nlines"),
            [("\\\\n".into(), Some("\n".into()))]
        );
    }

    #[test]
    fn paths_tex_and_other_backslashes_stay_silent() {
        for s in [
            "C:\\new\\table.txt",
            "\\\\server\\new",
            "%APPDATA%\\temp",
            "$\\theta + \\nabla$",
            "\\textbf{x}",
            "a \\ b",
            "\\d+ matches",
            "5\\3",
            "\\uZZZZ",
            "end\\",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}

//! `bitext lint`: encoding debris in text, and its safe repair.
//!
//! Each rule finds one kind of debris (one stable [`Code`] of the `BT1xx`
//! family): HTML references left unescaped or escaped twice, mojibake, cp949
//! confusions, U+FFFD, control and invisible characters, stray markup and
//! literal escape sequences. Legitimate text stays silent: accents, curly
//! quotes, dashes, `AT&T`, URLs with `&`, Korean `<제목>` brackets.
//!
//! The text is scanned once ([`scan::Scan`]): a table lookup per byte skips
//! everything no rule cares about, so clean text costs little. Rules then look
//! only at the places the scan stopped.
//!
//! ```
//! use bitext::lint::{apply_fixes, lint_text, LintOptions};
//! let text = "Korea&#x27;s exports";
//! let diags = lint_text("a.txt", text, &LintOptions::default());
//! assert_eq!(diags[0].code.as_str(), "BT101");
//! assert_eq!(apply_fixes(text, &diags), "Korea's exports");
//! ```
//!
//! # Adding a rule
//!
//! 1. Add its code to the table in `src/diagnostic.rs`: the next free `BT1xx`
//!    number (numbers are never reused), category, severity, title and the
//!    explanation `bitext explain` prints.
//! 2. Write `src/lint/<category>.rs` with a unit struct implementing [`Rule`].
//!    If the rule needs bytes the scan skips, add a [`scan::Trigger`].
//! 3. List it in [`RULES`].
//! 4. Add `tests/fixtures/lint/<category>.txt` with the defect and near misses
//!    that must stay silent, and bless its goldens:
//!    `BLESS=1 cargo test --test integration lint`.

use crate::diagnostic::{Code, Diagnostic, Fix, Location};
use crate::span::Span;

mod control_char;
mod double_escaped;
pub mod entity;
mod entity_table;
mod escaped_literal;
pub mod file;
mod html_entity;
mod html_tag;
mod invisible_char;
pub mod jsonl;
pub mod legacy;
mod mojibake;
mod mojibake_cjk;
mod replacement_char;
pub mod scan;

pub use scan::Scan;

/// One finding of a rule, before it is placed in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule's code.
    pub code: Code,
    /// The offending bytes.
    pub span: Span,
    /// What is wrong, for people.
    pub message: String,
    /// The replacement for `span`, when one is known.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding without a fix.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Finding {
            code,
            span,
            message: message.into(),
            fix: None,
        }
    }

    /// The same finding, repaired by replacing its span with `replacement`.
    pub fn fix(mut self, replacement: impl Into<String>, safe: bool) -> Self {
        self.fix = Some(Fix {
            span: self.span,
            replacement: replacement.into(),
            safe,
        });
        self
    }
}

/// A lint rule: one code, checked at the places the scan found.
pub trait Rule: Sync {
    /// The code every finding of this rule carries.
    fn code(&self) -> Code;
    /// Append the rule's findings in `scan` to `out`.
    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>);
}

/// Every rule, in code order.
pub const RULES: &[&dyn Rule] = &[
    &html_entity::HtmlEntity,
    &double_escaped::DoubleEscaped,
    &mojibake::Mojibake,
    &mojibake_cjk::MojibakeCjk,
    &replacement_char::ReplacementChar,
    &control_char::ControlChar,
    &invisible_char::InvisibleChar,
    &html_tag::HtmlTag,
    &escaped_literal::EscapedLiteral,
];

/// Which codes to report.
#[derive(Clone, Debug, Default)]
pub struct LintOptions {
    /// Report only these codes (all lint codes when `None`).
    pub select: Option<Vec<Code>>,
    /// Never report these codes.
    pub ignore: Vec<Code>,
}

impl LintOptions {
    /// True when findings with `code` are reported.
    pub fn enabled(&self, code: Code) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(&code)) && !self.ignore.contains(&code)
    }
}

/// Findings of every rule in `text`, sorted by span then code. A control or
/// invisible character that is one of the bytes of a mojibake run is part of
/// that finding and not reported again.
pub fn check_text(text: &str, opts: &LintOptions) -> Vec<Finding> {
    let scan = Scan::new(text);
    if scan.is_clean() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for rule in RULES {
        rule.check(&scan, &mut out);
    }
    out.sort_by_key(|a| (a.span.start, a.span.end, a.code));
    let garbled: Vec<Span> = out
        .iter()
        .filter(|f| matches!(f.code, Code::Mojibake | Code::MojibakeCjk))
        .map(|f| f.span)
        .collect();
    if !garbled.is_empty() {
        let mut g = 0;
        out.retain(|f| {
            if !matches!(f.code, Code::ControlChar | Code::InvisibleChar) {
                return true;
            }
            while g < garbled.len() && garbled[g].end <= f.span.start {
                g += 1;
            }
            // Spans are sorted by start, so the covering run, if any, is at `g`
            // or one of the few runs after it that start at or before `f`.
            !garbled[g..]
                .iter()
                .take_while(|s| s.start <= f.span.start)
                .any(|s| s.end >= f.span.end)
        });
    }
    out.retain(|f| opts.enabled(f.code));
    out
}

/// Lint `text` (the decoded content of `path`): diagnostics sorted by span,
/// then code; deterministic.
pub fn lint_text(path: &str, text: &str, opts: &LintOptions) -> Vec<Diagnostic> {
    diagnostics(path, text, check_text(text, opts))
}

/// Findings in `text` (the content of `path`) as located diagnostics.
pub(crate) fn diagnostics(path: &str, text: &str, findings: Vec<Finding>) -> Vec<Diagnostic> {
    let spans: Vec<Span> = findings.iter().map(|f| f.span).collect();
    let positions = line_cols(text, &spans);
    findings
        .into_iter()
        .zip(positions)
        .map(|(f, (line, column))| Diagnostic {
            code: f.code,
            severity: f.code.severity(),
            location: Location {
                path: path.to_owned(),
                line,
                column,
                span: f.span,
            },
            related: None,
            message: f.message,
            fix: f.fix,
        })
        .collect()
}

/// 1-based line and column (in characters) of each span start; lines are
/// split on `\n` only. One forward walk when the spans are sorted, so a long
/// line with many findings stays linear.
pub fn line_cols(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    let (mut pos, mut line, mut col) = (0usize, 1usize, 1usize);
    for span in spans {
        let target = crate::span::floor_char_boundary(text, span.start);
        if target < pos {
            // Out of order: start again from the top.
            (pos, line, col) = (0, 1, 1);
        }
        for c in text[pos..target].chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        pos = target;
        out.push((line, col));
    }
    out
}

/// Apply the safe fixes of `diags` to `text`. Fixes are applied in span order;
/// one that overlaps a fix already applied is skipped (the next lint run will
/// see what remains).
pub fn apply_fixes(text: &str, diags: &[Diagnostic]) -> String {
    let mut fixes: Vec<&Fix> = diags
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.safe)
        .collect();
    splice(text, &mut fixes)
}

/// `text` with `fixes` applied; of overlapping fixes the first wins, fixes
/// off the text are ignored.
fn splice(text: &str, fixes: &mut Vec<&Fix>) -> String {
    fixes.retain(|f| text.get(f.span.range()).is_some());
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut pos = 0;
    fixes.retain(|f| {
        let keep = f.span.start >= pos;
        if keep {
            pos = f.span.end;
        }
        keep
    });
    splice_placed(text, fixes).0
}

/// Repair `text` with the safe fixes of what a lint of it reports, and only
/// those: a fix may change only the text its finding covers, and a fix whose
/// result would itself be a new finding (`&lt;br&gt;` decoded to the tag
/// `<br>`) is not applied, so no later fix can remove text that was never
/// reported, and a second `--fix` finds nothing new to do. Returns the text
/// and the number of fixes applied.
pub fn fix_text(text: &str, opts: &LintOptions) -> (String, usize) {
    fix_with(text, |t| Ok(check_text(t, opts))).unwrap_or_else(|_: ()| (text.to_owned(), 0))
}

/// [`fix_text`] with `check` finding what to fix (plain text, or the
/// string fields of JSON Lines records).
pub(crate) fn fix_with<E>(
    text: &str,
    check: impl Fn(&str) -> std::result::Result<Vec<Finding>, E>,
) -> std::result::Result<(String, usize), E> {
    // Fixes that overlapped an applied one are tried again on the result;
    // a few rounds suffice, and the bound keeps any input from looping.
    let (mut current, mut applied) = (text.to_owned(), 0);
    for _ in 0..8 {
        let (next, n) = fix_round(&current, &check)?;
        if n == 0 {
            break;
        }
        applied += n;
        current = next;
    }
    Ok((current, applied))
}

/// One round of [`fix_with`].
fn fix_round<E>(
    text: &str,
    check: &impl Fn(&str) -> std::result::Result<Vec<Finding>, E>,
) -> std::result::Result<(String, usize), E> {
    let findings = check(text)?;
    let mut all: Vec<&Fix> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|f| f.safe && text.get(f.span.range()).is_some())
        .collect();
    all.sort_by_key(|f| (f.span.start, f.span.end));
    let mut banned = vec![false; all.len()];
    // Each round bans the fixes whose replacement takes part in a finding of
    // the repaired text (a deletion: a finding around or next to where it
    // was); a round bans at least one or ends, so this ends.
    loop {
        // Overlapping fixes: the first wins.
        let mut pos = 0;
        let chosen: Vec<usize> = (0..all.len())
            .filter(|&i| {
                let keep = !banned[i] && all[i].span.start >= pos;
                if keep {
                    pos = all[i].span.end;
                }
                keep
            })
            .collect();
        if chosen.is_empty() {
            return Ok((text.to_owned(), 0));
        }
        let fixes: Vec<&Fix> = chosen.iter().map(|&i| all[i]).collect();
        let (next, placed) = splice_placed(text, &fixes);
        let after = check(&next)?;
        let touches = |p: &Span| {
            after.iter().any(|f| {
                let s = f.span;
                if p.is_empty() {
                    s.start <= p.start && p.start <= s.end
                } else {
                    s.start < p.end && p.start < s.end
                }
            })
        };
        let mut clean = true;
        for (k, &i) in chosen.iter().enumerate() {
            if touches(&placed[k]) {
                banned[i] = true;
                clean = false;
            }
        }
        if clean {
            return Ok((next, chosen.len()));
        }
    }
}

/// `text` with `fixes` (sorted, not overlapping) applied, and where each
/// replacement landed in the result.
fn splice_placed(text: &str, fixes: &[&Fix]) -> (String, Vec<Span>) {
    let mut out = String::with_capacity(text.len());
    let mut placed = Vec::with_capacity(fixes.len());
    let mut pos = 0;
    for f in fixes {
        out.push_str(&text[pos..f.span.start]);
        let at = out.len();
        out.push_str(&f.replacement);
        placed.push(Span::new(at, out.len()));
        pos = f.span.end;
    }
    out.push_str(&text[pos..]);
    (out, placed)
}

/// How a character is named in messages: itself when visible, otherwise
/// its code point (`U+200B`).
pub fn show_char(c: char) -> String {
    if c.is_control() || scan::is_format(c) || c == '\u{AD}' || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// Text for quoting in a message: visible characters as they are, the rest
/// as `<U+XXXX>`; more than 60 characters are cut with `…`.
pub fn show(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => escape_invisible(&s[..cut]) + "…",
        None => escape_invisible(s),
    }
}

/// `s` with control and invisible characters written `<U+XXXX>` (a space
/// stays a space).
pub fn escape_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ' ' || !(c.is_control() || scan::is_format(c) || c == '\u{AD}' || c.is_whitespace())
        {
            out.push(c);
        } else {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    fn codes(text: &str) -> Vec<&'static str> {
        lint_text("t", text, &LintOptions::default())
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    #[test]
    fn rules_are_listed_in_code_order_once() {
        let codes: Vec<Code> = RULES.iter().map(|r| r.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert_eq!(codes.len(), 9);
    }

    #[test]
    fn clean_text_has_no_findings() {
        let clean = "Exports rose 19.8% — “a record,” said José. AT&T, R&D and Q&A. 수출이 늘었다. <기생충> 《토지》 https://a.kr/?a=1&b=2 ₩5,000 €3 © 北韓";
        assert!(codes(clean).is_empty(), "{:?}", codes(clean));
    }

    #[test]
    fn seed_title_is_repaired() {
        let (fixed, n) = fix_text("Korea&#x27;s exports", &LintOptions::default());
        assert_eq!((fixed.as_str(), n), ("Korea's exports", 1));
        let (again, n) = fix_text(&fixed, &LintOptions::default());
        assert_eq!((again.as_str(), n), ("Korea's exports", 0));
    }

    #[test]
    fn controls_inside_mojibake_are_not_reported_twice() {
        assert_eq!(
            codes("say \u{e2}\u{80}\u{9c}hi\u{e2}\u{80}\u{9d}"),
            ["BT103", "BT103"]
        );
    }

    #[test]
    fn select_and_ignore_filter_codes() {
        let text = "a&amp;b \u{200B}";
        let only = LintOptions {
            select: Some(vec![Code::InvisibleChar]),
            ignore: vec![],
        };
        assert_eq!(lint_text("t", text, &only).len(), 1);
        let none = LintOptions {
            select: None,
            ignore: vec![Code::InvisibleChar, Code::HtmlEntity],
        };
        assert!(lint_text("t", text, &none).is_empty());
    }

    #[test]
    fn positions_count_lines_on_newline_only() {
        let text = "a\u{2028}b\u{85}c\nd\u{B}&amp;";
        let d = lint_text("t", text, &LintOptions::default());
        let last = d.last().unwrap();
        assert_eq!((last.location.line, last.location.column), (2, 3));
    }

    #[test]
    fn overlapping_fixes_keep_the_first() {
        let a = Fix {
            span: Span::new(0, 3),
            replacement: "x".into(),
            safe: true,
        };
        let b = Fix {
            span: Span::new(2, 4),
            replacement: "y".into(),
            safe: true,
        };
        assert_eq!(splice("abcde", &mut vec![&b, &a]), "xde");
    }

    /// Text made of the pieces rules react to, in any order.
    pub(crate) fn debris() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "&",
            "amp;",
            "#x27;",
            "#39",
            "quot;",
            "nbsp",
            "<",
            ">",
            "/",
            "br",
            "p ",
            "a href=\"x\"",
            "!--",
            "-->",
            "\\",
            "n",
            "u201c",
            "ud83d",
            "x",
            "é",
            "Ã",
            "©",
            "â",
            "€",
            "™",
            "\u{9D}",
            "\u{85}",
            "¡",
            "°",
            "è",
            "¼",
            "\u{AD}",
            "\u{FFFD}",
            "쒓",
            "寃",
            "챕",
            "\u{200B}",
            "\u{200D}",
            "👨",
            "\u{1}",
            "\r",
            "\n",
            "\t",
            " ",
            "a",
            "Korea",
            "한국",
            "北",
            "\u{202E}",
            "\u{FEFF}",
            "'",
            "\"",
            ";",
            "=",
            ":",
            "C",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        #[test]
        fn any_input_gives_sorted_spans_on_char_boundaries(text in debris()) {
            let diags = lint_text("t", &text, &LintOptions::default());
            let mut last = (0, 0);
            for d in &diags {
                let s = d.location.span;
                proptest::prop_assert!(s.start < s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                proptest::prop_assert!((s.start, s.end) >= last);
                last = (s.start, s.end);
                let (line, col) = LineIndex::new(&text).line_col(&text, s.start);
                proptest::prop_assert_eq!((d.location.line, d.location.column), (line, col));
            }
        }

        #[test]
        fn every_writer_renders_any_findings(text in debris()) {
            use crate::report::{write, Format, Sources};
            let diags = lint_text("t.txt", &text, &LintOptions::default());
            let mut sources = Sources::new();
            sources.add("t.txt", text.clone());
            for format in [Format::Human, Format::Json, Format::Jsonl, Format::Sarif, Format::Github, Format::Junit] {
                let mut out = Vec::new();
                write(format, &diags, &sources, &mut out).unwrap();
                proptest::prop_assert!(std::str::from_utf8(&out).is_ok());
                if format == Format::Sarif || format == Format::Json {
                    proptest::prop_assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
                }
            }
        }

        #[test]
        fn json_lines_stay_valid_json_when_repaired(title in debris(), body in debris()) {
            let line = serde_json::json!({"id": 1, "title": title, "body": body, "tags": ["&amp;"]}).to_string();
            let text = format!("{line}\n");
            let diags = jsonl::lint("r.jsonl", &text, &LintOptions::default()).unwrap();
            for d in &diags {
                proptest::prop_assert!(d.location.span.end <= line.len() && line.is_char_boundary(d.location.span.start));
            }
            let (fixed, _) = jsonl::fix("r.jsonl", &text, &LintOptions::default()).unwrap();
            let v: serde_json::Value = serde_json::from_str(fixed.trim_end()).unwrap();
            proptest::prop_assert_eq!(&v["id"], &serde_json::json!(1));
            proptest::prop_assert_eq!(&v["tags"], &serde_json::json!(["&amp;"]));
            let (again, _) = fix_text(v["body"].as_str().unwrap(), &LintOptions::default());
            proptest::prop_assert_eq!(again.as_str(), v["body"].as_str().unwrap());
        }

        #[test]
        fn repaired_text_has_no_safe_fix_left(text in debris()) {
            let (fixed, _) = fix_text(&text, &LintOptions::default());
            let (again, n) = fix_text(&fixed, &LintOptions::default());
            proptest::prop_assert_eq!(n, 0, "{:?} -> {:?} -> {:?}", text, fixed, again);
        }
    }

    #[test]
    fn a_fix_never_makes_a_finding_another_fix_removes() {
        // Decoding these references would make markup (a tag, a soft
        // hyphen) that the tag and invisible-character fixes then delete:
        // text nobody reported. They are left as they are.
        let text = "a &lt;b&gt;bold&lt;/b&gt; &amp;shy;x";
        let (fixed, n) = fix_text(text, &LintOptions::default());
        assert_eq!((fixed.as_str(), n), (text, 0));
        let text = "The guide says to type &lt;br&gt; to break a line.";
        let (fixed, _) = fix_text(text, &LintOptions::default());
        for word in text.split(' ') {
            assert!(fixed.contains(word), "{fixed}");
        }
        // A reference that makes plain text is still decoded.
        let (fixed, n) = fix_text("Korea&#x27;s &lt; 5%", &LintOptions::default());
        assert_eq!((fixed.as_str(), n), ("Korea's < 5%", 2));
        assert_eq!(fix_text(&fixed, &LintOptions::default()).1, 0);
    }
}

//! The one diagnostic type shared by `lint` and `audit`, and the table of stable codes.
//!
//! Codes are numbered by family and never reused:
//! - `BT1xx` encoding artifacts (lint),
//! - `BT2xx` reading and language,
//! - `BT4xx` translation audit.
//!
//! A retired code stays in the table with its number, so old reports keep their meaning.

use crate::span::Span;
use serde::Serialize;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a build on its own.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong or data lost.
    Error,
}

impl Severity {
    /// Lowercase name, as in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $variant:ident = $code:literal, $category:literal, $severity:ident, $title:literal, $explanation:literal; )*) => {
        /// A stable diagnostic code. See [`Code::explanation`] for what each means.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $title] $variant, )*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The name of the code's variant, e.g. `HtmlEntity` (the anchor of its
            /// documentation).
            pub fn variant_name(self) -> &'static str {
                match self { $(Code::$variant => stringify!($variant),)* }
            }

            /// The code as written in reports, e.g. `BT101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The category name (e.g. `html_entity`), shared with the evaluation sets.
            pub fn category(self) -> &'static str {
                match self { $(Code::$variant => $category,)* }
            }

            /// Default severity.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One-line title.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }

            /// The paragraph `bitext explain CODE` prints.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explanation,)* }
            }
        }
    };
}

codes! {
    HtmlEntity = "BT101", "html_entity", Warning, "Unescaped HTML character reference",
        "What it does: finds named and numeric character references such as `&#x27;`, `&quot;`, `&nbsp;` or `&#8212;` left in text.\nWhy it matters: the crawler or CMS failed to unescape markup, so readers and aligners see `Korea&#x27;s` instead of `Korea's`.\nFix: the referenced character (safe: the reference is unambiguous).";
    DoubleEscaped = "BT102", "double_escaped", Warning, "Doubly escaped HTML reference",
        "What it does: finds references escaped twice, such as `&amp;#x27;`, `&amp;amp;` or `&amp;quot;`.\nWhy it matters: the text went through an escaping step twice; one unescape still leaves a reference behind.\nFix: the character the inner reference stands for.";
    Mojibake = "BT103", "mojibake", Error, "UTF-8 decoded as cp1252 or Latin-1",
        "What it does: finds UTF-8 byte sequences that were decoded as Windows-1252 or Latin-1, such as `â€™` for `’`, `Ã©` for `é` or `ì„¸ê³„` for `세계`.\nWhy it matters: the characters are garbled for every reader and every downstream tool.\nFix: re-encode as cp1252 and decode as UTF-8, offered only when that round trip is exact.";
    MojibakeCjk = "BT104", "mojibake_cjk", Error, "Korean legacy-encoding confusion (cp949 / EUC-KR)",
        "What it does: finds text that crossed the cp949/EUC-KR boundary the wrong way: cp949 quotes read as Latin-1 (`¡¯`, `¡°`), Korean cp949 bytes read as Latin-1 (`¼¼°è` for `세계`), UTF-8 read as cp949, and the reverse.\nWhy it matters: Korean archives are full of it, and general-purpose fixers cannot see it.\nFix: re-decode when exactly one reading is valid Korean text.";
    ReplacementChar = "BT105", "replacement_char", Error, "U+FFFD replacement character",
        "What it does: finds U+FFFD, the character a decoder writes for bytes it could not decode.\nWhy it matters: the original characters are lost; no fix can bring them back, so the text should be re-fetched or re-decoded from the source.\nFix: none (the data is lost).";
    ControlChar = "BT106", "control_char", Warning, "Control character in text",
        "What it does: finds C0 control characters other than tab and newline (a carriage return before a newline is a line ending), C1 controls (U+0080–U+009F) and DEL.\nWhy it matters: they are invisible, break XML (TMX) output and usually betray a decoding error.\nFix: remove the character; a separator (vertical tab, form feed, U+001C–U+001F, NEL) between two words becomes a space. A lone C1 control is most likely a cp1252 byte read as Latin-1 (U+0092 for `’`): that character is suggested but not applied, since it is a guess.";
    InvisibleChar = "BT107", "invisible_char", Warning, "Invisible formatting character",
        "What it does: finds zero-width space, zero-width (non-)joiner, word joiner, a byte-order mark inside text, soft hyphen, bidirectional controls, invisible operators and Hangul fillers. Left alone where a script needs them: a joiner inside an emoji sequence, a (non-)joiner next to Arabic or Indic letters, directional marks near right-to-left text.\nWhy it matters: they split or join words invisibly, so matching, counting and alignment go wrong without anyone seeing why.\nFix: remove the character.";
    HtmlTag = "BT108", "html_tag", Warning, "Stray HTML markup",
        "What it does: finds HTML tags left in prose (`<br>`, `<p>`, `</a>`, `<span class=…>`), comments and doctypes. Titles in angle brackets (`<기생충>`, `<Parasite>`) and comparisons (`a < b`) are not markup.\nWhy it matters: markup is not text; it pollutes corpora and translation memories.\nFix: remove the tag; a line-break or block tag between two words becomes a space.";
    EscapedLiteral = "BT109", "escaped_literal", Warning, "Literal escape sequence in prose",
        "What it does: finds backslash escapes written out as text: `\\n`, `\\t`, `\\r\\n`, `\\\"`, `\\'`, `\\/`, `\\u2019` (and surrogate pairs), `\\xE2\\x80\\x99`. Windows paths (`C:\\new`) and TeX commands (`\\theta`) are left alone.\nWhy it matters: a serialisation step forgot to unescape; readers see backslashes.\nFix: the character the escape stands for.";
    Undecodable = "BT201", "encoding", Error, "Bytes that cannot be decoded",
        "What it does: reports bytes of an input file that are invalid in its detected encoding, with their byte offset.\nWhy it matters: the decoder replaced them with U+FFFD, so part of the text is lost.\nFix: none; re-fetch or convert the file.";
    NumberMismatch = "BT401", "number", Error, "Number, amount, date or time changed in translation",
        "What it does: reconciles numbers across languages after normalising Korean units and English scale words (7000억 달러 = $700 billion, 19.8% = 19.8 percent, 오후 1시 3분 = 1:03 p.m.) and reports a source quantity with no equal counterpart.\nWhy it matters: a changed figure is the most damaging translation error and the one length-based checks cannot see.\nFix: none; a person must check the figure.";
    Truncated = "BT402", "omission", Warning, "Translation much shorter than its source",
        "What it does: compares the translation's length with what the source predicts for this language pair and reports translations far too short.\nWhy it matters: a clause or the tail of the sentence was probably dropped.\nFix: none.";
    Omission = "BT403", "omission", Error, "Source sentence with no translation",
        "What it does: reports a Korean sentence that the alignment could not link to any English sentence (a 1-0 bead).\nWhy it matters: content of the original is missing from the translation.\nFix: none.";
    Addition = "BT404", "addition", Warning, "Translated sentence with no source",
        "What it does: reports an English sentence that the alignment could not link to any Korean sentence (a 0-1 bead).\nWhy it matters: the translation says something the original does not, or the pair is misaligned.\nFix: none.";
    Untranslated = "BT405", "untranslated", Error, "Text left untranslated",
        "What it does: finds Hangul or Korean punctuation left in the English, or an English side equal to its source.\nWhy it matters: the translation step skipped that text.\nFix: none.";
    WrongPair = "BT406", "wrong_pair", Error, "Translation of a different sentence",
        "What it does: reports pairs whose lexical, number and name agreement is far below that of a true translation.\nWhy it matters: a misaligned or shuffled pair poisons a parallel corpus and misleads an auditor.\nFix: none.";
    Repetition = "BT407", "repetition", Warning, "Repeated sentence or phrase loop",
        "What it does: finds a sentence doubled in the translation and phrases that loop.\nWhy it matters: repetition is a typical failure of machine translation and generation.\nFix: none.";
    EntityDrop = "BT408", "entity_drop", Warning, "Name or term of the source missing from the translation",
        "What it does: checks that Latin-script tokens and acronyms of the Korean (HBM, APEC, Galaxy S25) and transliterated names appear in the English.\nWhy it matters: a dropped name or term changes who did what.\nFix: none.";
    NameVariant = "BT409", "name_variant", Warning, "One name rendered two ways",
        "What it does: finds one Korean name romanised two different ways within an article or batch (Choi Tae-won / Chey Tae-won).\nWhy it matters: readers and search engines treat the variants as two people.\nFix: none; choose one spelling.";
    Unpaired = "BT410", "unpaired", Error, "Article with no partner",
        "What it does: when two collections are audited (`bitext audit EN_DIR KO_DIR`), reports each article that pairing left without a partner: a Korean original with no English translation (error) or an English article with no Korean original (warning).\nWhy it matters: a missing translation is the largest omission there is, and it should fail a build like any other.\nFix: add the translation, or check that it is in the input and dated within `--max-days` of its original.";
    Mistranslation = "BT411", "mistranslation", Info, "Content word of the source with no rendering",
        "What it does: looks up the content words of the Korean in the built-in bilingual lexicon and names each one none of whose renderings appears in the English, when most of the other words are rendered (so the English is not simply another sentence's).\nWhy it matters: a content word with no plausible rendering is often mistranslated or dropped; translators also paraphrase, so each such finding is a question for a reader, weighed by the calibration.\nFix: none; a person must check the word.";
}

impl Code {
    /// Parse a code (`BT101`, case-insensitive) or a category name (`html_entity`);
    /// a category selects every code in it.
    pub fn parse(s: &str) -> Vec<Code> {
        let s = s.trim();
        Code::ALL
            .iter()
            .copied()
            .filter(|c| c.as_str().eq_ignore_ascii_case(s) || c.category() == s)
            .collect()
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where a finding is: a file, a 1-based line and column (columns count
/// characters, lines split on `\n` only) and the byte span in the decoded text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// The file as given on the command line (or `-` for standard input).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte span.
    pub span: Span,
}

/// A proposed repair: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Bytes to replace.
    pub span: Span,
    /// The replacement text (empty to delete).
    pub replacement: String,
    /// True when applying it cannot damage legitimate text; `--fix` applies only safe fixes.
    pub safe: bool,
}

/// One finding of `lint` or `audit`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Severity (the code's default unless a check raises or lowers it).
    pub severity: Severity,
    /// Where (for audit findings: the English side).
    pub location: Location,
    /// The other side of a pair (audit: the Korean side), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Location>,
    /// What is wrong, for people.
    pub message: String,
    /// A repair, when one is certain enough to offer.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and no fix.
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            location,
            related: None,
            message: message.into(),
            fix: None,
        }
    }

    /// The same diagnostic carrying `fix`.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {c}");
            assert!(c.as_str().starts_with("BT") && c.as_str().len() == 5);
            assert!(
                c.explanation().contains("What it does"),
                "{c} lacks an explanation"
            );
            assert!(!c.title().is_empty());
        }
    }

    #[test]
    fn parse_accepts_code_and_category() {
        assert_eq!(Code::parse("bt101"), vec![Code::HtmlEntity]);
        assert_eq!(
            Code::parse("omission"),
            vec![Code::Truncated, Code::Omission]
        );
        assert!(Code::parse("nope").is_empty());
    }
}

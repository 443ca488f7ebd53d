//! The built-in Korean–English lexicon (`lexicon.tsv`): one file, one
//! format, one parser, read by the aligner, document pairing and the audit.
//!
//! Each line holds a Korean term and its English renderings from two
//! hand-written lists, in their own columns so that every entry keeps its
//! provenance ([`Source`]): the news *glossary* (lexical evidence for
//! alignment and pairing) and the general *lexicon* (the audit's
//! lexical-agreement check). The file's header says how each list was made.
//!
//! ```
//! use bitext::lexicon::{entries, Source};
//! let e = entries().iter().find(|e| e.ko == "정부").unwrap();
//! assert!(e.renderings(Source::Glossary).any(|w| w == "government"));
//! assert!(e.has(Source::Lexicon));
//! ```

use crate::error::{Error, Result};
use std::sync::OnceLock;

/// The file, compiled in.
pub const TEXT: &str = include_str!("lexicon.tsv");

/// Which list an entry's renderings come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The news glossary made for alignment and pairing.
    Glossary,
    /// The general lexicon made for the audit.
    Lexicon,
}

/// One Korean term and its renderings per source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The Korean term.
    pub ko: &'static str,
    /// 1-based line in `lexicon.tsv`.
    pub line: usize,
    /// Renderings from the glossary, `|`-separated (empty: not in it).
    pub glossary: &'static str,
    /// Renderings from the lexicon, `|`-separated (empty: not in it).
    pub lexicon: &'static str,
}

impl Entry {
    /// True when `source` lists this term.
    pub fn has(&self, source: Source) -> bool {
        !self.cell(source).is_empty()
    }

    /// The renderings `source` gives the term (none when it does not list it).
    pub fn renderings(&self, source: Source) -> impl Iterator<Item = &'static str> {
        self.cell(source).split('|').filter(|w| !w.is_empty())
    }

    fn cell(&self, source: Source) -> &'static str {
        match source {
            Source::Glossary => self.glossary,
            Source::Lexicon => self.lexicon,
        }
    }
}

/// Parse lexicon text: `#` comments and blank lines are skipped; every other
/// line must have three tab-separated columns, a non-empty term without
/// spaces, at least one rendering, and a term no earlier line had.
pub fn parse(name: &str, text: &'static str) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let [ko, glossary, lexicon] = cols[..] else {
            return Err(Error::parse(
                name,
                n,
                format!("expected 3 tab-separated columns, found {}", cols.len()),
            ));
        };
        if ko.is_empty() || ko.contains(char::is_whitespace) {
            return Err(Error::parse(
                name,
                n,
                "the Korean term is empty or has spaces",
            ));
        }
        if glossary.is_empty() && lexicon.is_empty() {
            return Err(Error::parse(name, n, format!("`{ko}` has no rendering")));
        }
        if let Some(first) = seen.insert(ko, n) {
            return Err(Error::parse(
                name,
                n,
                format!("`{ko}` is listed twice (first on line {first})"),
            ));
        }
        out.push(Entry {
            ko,
            line: n,
            glossary,
            lexicon,
        });
    }
    Ok(out)
}

/// The built-in lexicon, parsed once per process (empty if the file were
/// malformed, which a unit test rules out).
pub fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| parse("lexicon.tsv", TEXT).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_file_parses_without_duplicate_keys() {
        let e = parse("lexicon.tsv", TEXT);
        assert!(e.is_ok(), "{e:?}");
        let e = e.unwrap_or_default();
        assert!(e.len() > 2500);
        assert!(e.iter().filter(|e| e.has(Source::Glossary)).count() > 900);
        assert!(e.iter().filter(|e| e.has(Source::Lexicon)).count() > 2000);
        for entry in &e {
            for s in [Source::Glossary, Source::Lexicon] {
                for w in entry.renderings(s) {
                    assert_eq!(w.trim(), w, "line {}", entry.line);
                    assert!(w.is_ascii(), "line {}: {w}", entry.line);
                }
            }
        }
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_line() {
        let dup = parse("x", "# c\n가\ta\t\n가\t\tb\n");
        assert!(dup.is_err_and(|e| e.to_string().contains("listed twice")));
        let cols = parse("x", "가\ta\n");
        assert!(cols.is_err_and(|e| e.to_string().contains("3 tab-separated")));
        let empty = parse("x", "가\t\t\n");
        assert!(empty.is_err_and(|e| e.to_string().contains("no rendering")));
    }
}

//! Character classes and tokenisers shared by the audit checks.
//!
//! Tokens are byte spans into the original text plus a case-folded hash, so
//! the checks compare words without allocating a string per token.

use crate::span::Span;

pub use crate::ko::{is_hangul, is_syllable};

/// Punctuation that Korean or CJK typesetting uses and English does not.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '「' | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '、'
            | '。'
            | '〃'
            | '〔'
            | '〕'
            | '（'
            | '）'
            | '，'
            | '．'
            | '！'
            | '？'
            | '：'
            | '；'
            | '～'
    )
}

/// A word token: its byte span and a hash of its ASCII-lowercased text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// FNV-1a of the lowercased token, for cheap comparisons.
    pub hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a hash of `s` with ASCII letters lowercased.
pub fn fold_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in s.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Map keyed by [`fold_hash`] values.
pub type HashMapU64<V> = rustc_hash::FxHashMap<u64, V>;

/// Word tokens of `text`: maximal runs of alphanumeric characters, with an
/// inner apostrophe or hyphen kept (`don't`, `Tae-won`). Punctuation is dropped,
/// so a phrase repeated across a comma or a full stop yields equal token runs.
pub fn words(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner_joiner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_joiner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(token(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(token(text, s, text.len()));
    }
    out
}

fn token(text: &str, start: usize, end: usize) -> Token {
    Token {
        span: Span::new(start, end),
        hash: fold_hash(&text[start..end]),
    }
}

/// Character counts that the length model uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Hangul characters.
    pub hangul: usize,
    /// Letters and digits other than Hangul (Latin, digits, other scripts).
    pub other: usize,
    /// Korean or CJK punctuation.
    pub cjk_punct: usize,
}

/// Count the characters of `text` by class.
pub fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    for ch in text.chars() {
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                c.other += 1;
            }
        } else if is_hangul(ch) {
            c.hangul += 1;
        } else if ch.is_alphanumeric() {
            c.other += 1;
        } else if is_cjk_punct(ch) {
            c.cjk_punct += 1;
        }
    }
    c
}

/// Whitespace-normalised comparison: equal after collapsing runs of white space.
pub fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(s: &'a str, toks: &[Token]) -> Vec<&'a str> {
        toks.iter().map(|t| &s[t.span.range()]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let s = "Chey Tae-won's firm didn't (sell) 3.5 'units'-";
        assert_eq!(
            texts(s, &words(s)),
            vec![
                "Chey",
                "Tae-won's",
                "firm",
                "didn't",
                "sell",
                "3",
                "5",
                "units"
            ]
        );
    }

    #[test]
    fn pass_through_map_finds_its_keys() {
        let mut m: HashMapU64<&str> = HashMapU64::default();
        m.insert(fold_hash("Seoul"), "a");
        m.insert(fold_hash("Busan"), "b");
        assert_eq!(m.get(&fold_hash("SEOUL")), Some(&"a"));
        assert_eq!(m.get(&fold_hash("Daegu")), None);
    }

    #[test]
    fn fold_hash_ignores_ascii_case() {
        assert_eq!(fold_hash("Seoul"), fold_hash("SEOUL"));
        assert_ne!(fold_hash("Seoul"), fold_hash("Busan"));
    }

    #[test]
    fn counts_split_scripts() {
        let c = counts("서울 GDP 3%」");
        assert_eq!(c.hangul, 2);
        assert_eq!(c.other, 4);
        assert_eq!(c.cjk_punct, 1);
    }

    #[test]
    fn same_text_ignores_spacing() {
        assert!(same_text(" a  b\n", "a b"));
        assert!(!same_text("a b", "a c"));
    }
}

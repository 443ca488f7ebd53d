//! Character classes the scanner asks about, and bounded look-around helpers.

pub(crate) use crate::ko::{is_hangul, is_korean};

/// Punctuation that may follow a sentence terminator and still belong to the
/// sentence: closing quotes and brackets.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201D}'
            | '\u{2019}'
            | ')'
            | ']'
            | '}'
            | '\u{BB}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{300B}'
            | '\u{3009}'
            | '\u{3011}'
            | '\u{FF09}'
    )
}

/// A quotation mark among the closers.
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{300D}' | '\u{300F}'
    )
}

/// Opening quotes and brackets.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{2018}'
            | '('
            | '['
            | '{'
            | '\u{AB}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{300A}'
            | '\u{3008}'
            | '\u{3010}'
            | '\u{FF08}'
    )
}

/// A sentence-terminating character (`.` `!` `?` `…` and their full-width forms).
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}'
    )
}

/// The character ending at byte `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character starting at byte `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Byte offset of the first non-whitespace character at or after `pos`, or
/// `text.len()`.
pub(crate) fn skip_ws(text: &str, pos: usize) -> usize {
    match text.get(pos..) {
        Some(rest) => pos + (rest.len() - rest.trim_start().len()),
        None => text.len(),
    }
}

/// The whitespace-free token that ends at `end`, at most `max` bytes long
/// (a longer token is cut on the left at a char boundary).
pub(crate) fn token_before(text: &str, end: usize, max: usize) -> &str {
    let Some(head) = text.get(..end) else {
        return "";
    };
    let mut start = end;
    for (i, c) in head.char_indices().rev() {
        if c.is_whitespace() || end - i > max {
            break;
        }
        start = i;
    }
    &head[start..]
}

/// The run of letters (any script, plus inner `'` and `-`) starting at
/// `pos`, at most `max` bytes long.
pub(crate) fn word_at(text: &str, pos: usize, max: usize) -> &str {
    let Some(rest) = text.get(pos..) else {
        return "";
    };
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if i >= max || !(c.is_alphabetic() || (i > 0 && matches!(c, '\'' | '-' | '\u{2019}'))) {
            break;
        }
        end = i + c.len_utf8();
    }
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_before_stops_at_whitespace_and_limit() {
        assert_eq!(token_before("at the U.S", 10, 32), "U.S");
        assert_eq!(token_before("abcdef", 6, 3), "def");
        assert_eq!(token_before("가나다라", 12, 7), "다라");
        assert_eq!(token_before("x", 5, 3), "");
    }

    #[test]
    fn word_at_takes_letters_only() {
        assert_eq!(word_at("The end", 0, 32), "The");
        assert_eq!(word_at("라고 말했다", 0, 32), "라고");
        assert_eq!(word_at("O'Neil said", 0, 32), "O'Neil");
        assert_eq!(word_at("5 p.m.", 0, 32), "");
    }

    #[test]
    fn classes() {
        assert!(is_hangul('다'));
        assert!(crate::ko::is_hanja('北'));
        assert!(!is_korean('a'));
        assert!(is_closer('\u{201D}'));
        assert!(is_opener('\u{201C}'));
        assert!(is_terminator('\u{2026}'));
    }
}

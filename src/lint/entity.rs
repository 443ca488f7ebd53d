//! HTML character references: `&name;`, `&#NNN;`, `&#xHHH;`, and chains of
//! references escaped again (`&amp;#x27;`).

use super::entity_table::ENTITIES;
use super::legacy::cp1252_char;

/// The longest entity name in the HTML5 table.
const MAX_NAME: usize = 32;

/// Names a browser also accepts without the semicolon and that text actually
/// contains that way (`&nbsp` before a word). Other names need the semicolon,
/// so that `AT&T`, `R&D` and URL parameters such as `&lang=en` stay text.
const BARE: &[&str] = &[
    "AMP", "COPY", "GT", "LT", "QUOT", "REG", "amp", "copy", "gt", "lt", "nbsp", "quot", "reg",
];

/// A parsed reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// One past its last byte.
    pub end: usize,
    /// What it stands for; `None` for a numeric reference to no character
    /// (zero, a surrogate, beyond U+10FFFF).
    pub value: Option<String>,
}

/// The value of entity `name` (without `&` and `;`).
pub fn lookup(name: &str) -> Option<&'static str> {
    ENTITIES
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| ENTITIES[i].1)
}

/// Parse a reference starting at `pos`; with `amp` the text there must start
/// with `&`, without it the reference body alone is parsed (the inner part of
/// `&amp;quot;`).
pub fn parse(text: &str, pos: usize, amp: bool) -> Option<Reference> {
    let bytes = text.as_bytes();
    let mut i = pos;
    if amp {
        if bytes.get(i) != Some(&b'&') {
            return None;
        }
        i += 1;
    }
    if bytes.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(bytes.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let start = i;
        let radix = if hex { 16 } else { 10 };
        while i < bytes.len() && i - start < 8 && (bytes[i] as char).is_digit(radix) {
            i += 1;
        }
        if i == start || bytes.get(i).is_some_and(|b| (*b as char).is_digit(radix)) {
            return None;
        }
        let n = u32::from_str_radix(&text[start..i], radix).ok()?;
        if bytes.get(i) == Some(&b';') {
            i += 1;
        }
        let value = match n {
            0x80..=0x9F => cp1252_char(n as u8).or(char::from_u32(n)),
            0 => None,
            _ => char::from_u32(n),
        };
        return Some(Reference {
            end: i,
            value: value.map(String::from),
        });
    }
    let start = i;
    while i < bytes.len() && i - start <= MAX_NAME && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == start || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let name = &text[start..i];
    if bytes.get(i) == Some(&b';') {
        return lookup(name).map(|v| Reference {
            end: i + 1,
            value: Some(v.to_owned()),
        });
    }
    // Without a semicolon only the common names, and not as a URL parameter.
    if BARE.contains(&name) && bytes.get(i) != Some(&b'=') {
        return lookup(name).map(|v| Reference {
            end: i,
            value: Some(v.to_owned()),
        });
    }
    None
}

/// A reference at `pos` and every reference it escapes: `&amp;amp;#x27;` is
/// three levels deep and stands for `'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chain {
    /// One past the last byte of the innermost reference.
    pub end: usize,
    /// What the innermost reference stands for.
    pub value: Option<String>,
    /// How many references are nested (1 for a plain reference).
    pub depth: usize,
}

/// Parse the reference chain starting with the `&` at `pos`.
pub fn chain(text: &str, pos: usize) -> Option<Chain> {
    let first = parse(text, pos, true)?;
    let mut chain = Chain {
        end: first.end,
        value: first.value,
        depth: 1,
    };
    // `&amp;` followed by the body of another reference is that reference
    // escaped once more. Depth is bounded: every level consumes bytes.
    while chain.value.as_deref() == Some("&") && chain.depth < 16 {
        let Some(inner) = parse(text, chain.end, false) else {
            break;
        };
        chain = Chain {
            end: inner.end,
            value: inner.value,
            depth: chain.depth + 1,
        };
    }
    Some(chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<(usize, Option<String>)> {
        parse(s, 0, true).map(|r| (r.end, r.value))
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(lookup("rsquo"), Some("\u{2019}"));
        assert_eq!(lookup("ntilde"), Some("ñ"));
    }

    #[test]
    fn named_and_numeric_references_decode() {
        assert_eq!(value("&#x27;s"), Some((6, Some("'".into()))));
        assert_eq!(value("&#39;"), Some((5, Some("'".into()))));
        assert_eq!(value("&#8212;"), Some((7, Some("—".into()))));
        assert_eq!(value("&#146;"), Some((6, Some("’".into()))));
        assert_eq!(value("&quot;"), Some((6, Some("\"".into()))));
        assert_eq!(value("&nbsp정부"), Some((5, Some("\u{A0}".into()))));
        assert_eq!(value("&#0;"), Some((4, None)));
    }

    #[test]
    fn prose_ampersands_are_not_references() {
        for s in [
            "&T",
            "&D",
            "&A ",
            "& ",
            "&lang=en",
            "&copy=1",
            "&type=1",
            "&#;",
            "&#x;",
            "&notanentity;",
            "&123;",
        ] {
            assert_eq!(value(s), None, "{s}");
        }
    }

    #[test]
    fn chains_count_their_depth() {
        let c = chain("&amp;amp;#x27;s", 0).unwrap();
        assert_eq!((c.end, c.value.as_deref(), c.depth), (14, Some("'"), 3));
        let c = chain("&amp;T", 0).unwrap();
        assert_eq!((c.end, c.depth), (5, 1));
        let c = chain("&amp;&amp;", 0).unwrap();
        assert_eq!(c.depth, 1);
    }
}

//! BT108: HTML markup left in prose (`<br>`, `</a>`, `<span class="x">`).

use super::{Finding, Rule, Scan};
use crate::diagnostic::Code;
use crate::lint::scan::Trigger;
use crate::span::Span;

/// Finds tags of HTML elements, comments and doctypes. A title in angle
/// brackets (`<기생충>`, `<Parasite>`, `<Time>`) is not markup: bare tags count
/// only when lowercase (or capitals of markup-only names such as `<BR>`).
pub struct HtmlTag;

/// The longest tag considered; markup in crawled text is short.
const MAX_TAG: usize = 1024;

/// HTML element names (lowercase), sorted.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noscript",
    "o:p",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Names that are markup and nothing else, so `<BR>` or `<P>` in capitals
/// is a tag too (old HTML was written that way).
const MARKUP_ONLY: &[&str] = &[
    "b",
    "blockquote",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "nobr",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "tr",
    "tt",
    "u",
    "ul",
    "wbr",
];

/// Tags that end a line or block: removing them must not glue words.
const BREAKS: &[&str] = &[
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Attributes that stand without a value.
const BOOLEAN_ATTRS: &[&str] = &[
    "async", "autoplay", "checked", "controls", "defer", "disabled", "hidden", "loop", "multiple",
    "muted", "nowrap", "open", "readonly", "required", "selected",
];

/// A parsed tag.
struct Tag {
    end: usize,
    name: String,
    closing: bool,
}

/// Parse markup at `pos` (a `<`). Scanning stops at the next `<` or newline,
/// so the work over a whole text stays linear.
fn parse(text: &str, pos: usize) -> Option<Tag> {
    let bytes = text.as_bytes();
    let limit = (pos + MAX_TAG).min(bytes.len());
    let rest = &text[pos..];
    for (open, close, name) in [("<!--", "-->", "!--"), ("<![CDATA[", "]]>", "![CDATA[")] {
        if rest.starts_with(open) {
            let window = &bytes[pos + open.len()..limit];
            let at = window
                .windows(close.len())
                .position(|w| w == close.as_bytes())?;
            return Some(Tag {
                end: pos + open.len() + at + close.len(),
                name: name.into(),
                closing: false,
            });
        }
    }
    let mut i = pos + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let doctype = !closing
        && rest[1..]
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("!doctype"));
    if doctype {
        i += 1;
    }
    let start = i;
    while i < limit && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b':') {
        i += 1;
    }
    let raw_name = &text[start..i];
    if raw_name.is_empty() || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let name = raw_name.to_ascii_lowercase();
    let known = ELEMENTS.binary_search(&name.as_str()).is_ok();
    let mut valued = 0;
    let mut bare_ok = true;
    let mut self_closing = false;
    loop {
        while i < limit && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'>') if i < limit => {
                i += 1;
                break;
            }
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') && i + 1 < limit => {
                self_closing = true;
                i += 2;
                break;
            }
            _ => {}
        }
        if closing || i >= limit {
            return None;
        }
        let a = i;
        while i < limit
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'<' | b'>' | b'/' | b'=' | b'"' | b'\''
            )
        {
            i += 1;
        }
        if i == a {
            return None;
        }
        let attr = text[a..i].to_ascii_lowercase();
        while i < limit && bytes[i] == b' ' {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            bare_ok &= doctype || BOOLEAN_ATTRS.contains(&attr.as_str());
            continue;
        }
        i += 1;
        while i < limit && bytes[i] == b' ' {
            i += 1;
        }
        match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i += 1;
                while i < limit && bytes[i] != q && bytes[i] != b'<' && bytes[i] != b'\n' {
                    i += 1;
                }
                if bytes.get(i) != Some(&q) || i >= limit {
                    return None;
                }
                i += 1;
                valued += 2;
            }
            _ => {
                let v = i;
                while i < limit
                    && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'<' | b'>' | b'"' | b'\'')
                {
                    i += 1;
                }
                if i == v {
                    return None;
                }
                valued += 1;
            }
        }
    }
    let lower = raw_name.bytes().all(|b| !b.is_ascii_uppercase());
    let upper = raw_name.bytes().all(|b| !b.is_ascii_lowercase());
    let markup = if doctype {
        true
    } else if closing {
        known
    } else if valued > 0 {
        bare_ok && (known || valued >= 2)
    } else if !bare_ok {
        false
    } else if self_closing {
        known
    } else {
        known && (lower || (upper && MARKUP_ONLY.contains(&name.as_str())))
    };
    markup.then_some(Tag {
        end: i,
        name: if doctype { "!doctype".into() } else { name },
        closing,
    })
}

impl Rule for HtmlTag {
    fn code(&self) -> Code {
        Code::HtmlTag
    }

    fn check(&self, scan: &Scan<'_>, out: &mut Vec<Finding>) {
        let text = scan.text();
        let mut done = 0;
        for pos in scan.hits(Trigger::Lt) {
            if pos < done {
                continue;
            }
            let Some(tag) = parse(text, pos) else {
                continue;
            };
            done = tag.end;
            let span = Span::new(pos, tag.end);
            let raw = &text[span.range()];
            let before = text[..pos].chars().next_back();
            let after = text[tag.end..].chars().next();
            let glue = BREAKS.contains(&tag.name.as_str())
                && before.is_some_and(|c| !c.is_whitespace())
                && after.is_some_and(|c| !c.is_whitespace());
            let what = match tag.name.as_str() {
                "!--" => "HTML comment".to_owned(),
                "![CDATA[" => "CDATA section".to_owned(),
                "!doctype" => "HTML doctype".to_owned(),
                n if tag.closing => format!("closing `{n}` tag"),
                n => format!("`{n}` tag"),
            };
            let shown: String = if raw.chars().count() > 60 {
                raw.chars().take(57).collect::<String>() + "…"
            } else {
                raw.to_owned()
            };
            let (replacement, how) = if glue {
                (" ", "replace with a space")
            } else {
                ("", "remove")
            };
            out.push(
                Finding::new(
                    self.code(),
                    span,
                    format!("stray HTML markup: {what} `{shown}` ({how})"),
                )
                .fix(replacement, true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Option<String> {
        parse(s, 0).map(|t| s[..t.end].to_owned())
    }

    #[test]
    fn element_list_is_sorted() {
        assert!(ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn markup_is_recognised() {
        for s in [
            "<br>",
            "<br/>",
            "<br />",
            "<BR>",
            "<p>",
            "</a>",
            "</P>",
            "<span class=\"caption\">",
            "<a href='x?a=1&b=2'>",
            "<img src=x.jpg alt=\"\">",
            "<!-- note -->",
            "<o:p>",
            "</o:p>",
            "<div id=main>",
            "<input disabled>",
            "<!DOCTYPE html>",
            "<font color=red>",
        ] {
            assert_eq!(tag(s).as_deref(), Some(s), "{s}");
        }
    }

    #[test]
    fn titles_comparisons_and_addresses_are_not_markup() {
        for s in [
            "<기생충>",
            "<Parasite>",
            "<Time>",
            "<Title>",
            "<TIME>",
            "< b>",
            "<b and c>",
            "<x>",
            "<foo>",
            "<3",
            "<a",
            "<kim@example.com>",
            "<https://example.com>",
            "<p",
            "<!-- never closed",
            "<span class=\"open>\n\">",
        ] {
            assert_eq!(tag(s), None, "{s}");
        }
    }
}

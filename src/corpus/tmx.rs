//! TMX 1.4b writer and reader.

use super::{err, format_idx, parse_idx, ReadError, Row};
use quick_xml::events::Event;
use std::io::{self, Write};

/// Text as XML character data: markup characters escaped, a carriage
/// return kept as a character reference (parsers turn a raw one into a line
/// feed), characters XML 1.0 forbids replaced by U+FFFD.
pub(crate) fn xml_text(s: &str) -> String {
    quick_xml::escape::escape(tmx_safe(s).as_str()).replace('\r', "&#13;")
}

/// What the TMX writer preserves of `s`: the text a TMX reader gets back
/// (characters XML 1.0 cannot carry become U+FFFD).
pub fn tmx_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

pub(super) fn write(rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n",
            "<tmx version=\"1.4\">\n",
        )
        .as_bytes(),
    )?;
    writeln!(
        out,
        "  <header creationtool=\"bitext\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"ko\" datatype=\"plaintext\"/>",
        env!("CARGO_PKG_VERSION")
    )?;
    out.write_all(b"  <body>\n")?;
    for r in rows {
        out.write_all(b"    <tu>\n")?;
        for (ty, v) in [
            ("x-en-doc", xml_text(&r.en_doc)),
            ("x-ko-doc", xml_text(&r.ko_doc)),
            ("x-en-idx", format_idx(&r.en_idx)),
            ("x-ko-idx", format_idx(&r.ko_idx)),
            ("x-bead", xml_text(&r.bead)),
            ("x-score", format!("{:.4}", r.score)),
        ] {
            // An empty <prop> is invalid for some readers; an absent one
            // reads back as empty.
            if !v.is_empty() {
                writeln!(out, "      <prop type=\"{ty}\">{v}</prop>")?;
            }
        }
        for (lang, text) in [("ko", &r.ko), ("en", &r.en)] {
            if !text.is_empty() {
                writeln!(
                    out,
                    "      <tuv xml:lang=\"{lang}\"><seg>{}</seg></tuv>",
                    xml_text(text)
                )?;
            }
        }
        out.write_all(b"    </tu>\n")?;
    }
    out.write_all(b"  </body>\n</tmx>\n")
}

/// Where the reader is inside a `tu`.
enum Field {
    None,
    Prop(String),
    Seg(String),
}

pub(super) fn read(input: &str) -> Result<Vec<Row>, ReadError> {
    let mut reader = quick_xml::Reader::from_str(input);
    reader.config_mut().trim_text(false);
    let line_at = |pos: u64| {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(input.len());
        input.as_bytes()[..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let mut rows = Vec::new();
    let mut row: Option<Row> = None;
    let mut tuv_lang = String::new();
    let mut field = Field::None;
    let mut text = String::new();
    let mut saw_tmx = false;
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| err(line_at(pos), e.to_string()))?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name();
                match name.as_ref() {
                    b"tmx" => saw_tmx = true,
                    b"tu" => {
                        row = Some(Row {
                            en_doc: String::new(),
                            ko_doc: String::new(),
                            en_idx: Vec::new(),
                            ko_idx: Vec::new(),
                            en: String::new(),
                            ko: String::new(),
                            bead: String::new(),
                            score: 0.0,
                        })
                    }
                    b"prop" => {
                        let ty = attr(&e, b"type").unwrap_or_default();
                        field = Field::Prop(ty);
                        text.clear();
                    }
                    b"tuv" => {
                        tuv_lang = attr(&e, b"xml:lang")
                            .or_else(|| attr(&e, b"lang"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                    }
                    b"seg" => {
                        field = Field::Seg(tuv_lang.clone());
                        text.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if !matches!(field, Field::None) => {
                let s = t.unescape().map_err(|e| err(line_at(pos), e.to_string()))?;
                text.push_str(&s);
            }
            Event::CData(t) if !matches!(field, Field::None) => {
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let name = e.local_name();
                match name.as_ref() {
                    b"prop" | b"seg" => {
                        let f = std::mem::replace(&mut field, Field::None);
                        if let Some(r) = row.as_mut() {
                            set_field(r, f, std::mem::take(&mut text))
                                .map_err(|m| err(line_at(pos), m))?;
                        }
                    }
                    b"tu" => {
                        if let Some(mut r) = row.take() {
                            if r.bead.is_empty() {
                                r.bead = format!(
                                    "{}-{}",
                                    usize::from(!r.en.is_empty()),
                                    usize::from(!r.ko.is_empty())
                                );
                            }
                            rows.push(r);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_tmx {
        return Err(err(1, "not a TMX document (no <tmx> element)"));
    }
    if depth != 0 {
        return Err(err(
            line_at(input.len() as u64),
            "unexpected end of document",
        ));
    }
    Ok(rows)
}

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn set_field(r: &mut Row, f: Field, text: String) -> Result<(), String> {
    match f {
        Field::Prop(ty) => match ty.as_str() {
            "x-en-doc" => r.en_doc = text,
            "x-ko-doc" => r.ko_doc = text,
            "x-en-idx" => r.en_idx = parse_idx(&text).ok_or(format!("bad index `{text}`"))?,
            "x-ko-idx" => r.ko_idx = parse_idx(&text).ok_or(format!("bad index `{text}`"))?,
            "x-bead" => r.bead = text,
            "x-score" => {
                r.score = text
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad score `{text}`"))?
            }
            _ => {}
        },
        Field::Seg(lang) => {
            if lang.starts_with("ko") {
                r.ko = text;
            } else if lang.starts_with("en") {
                r.en = text;
            }
        }
        Field::None => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_carriage_returns() {
        assert_eq!(xml_text("a<b & \"c\"\r"), "a&lt;b &amp; &quot;c&quot;&#13;");
        assert_eq!(xml_text("x\u{1}y"), "x\u{FFFD}y");
        assert_eq!(tmx_safe("x\u{1}y\r"), "x\u{FFFD}y\r");
    }

    #[test]
    fn header_has_the_required_attributes() {
        let mut out = Vec::new();
        write(&[], &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        for a in [
            "creationtool=\"bitext\"",
            "creationtoolversion=",
            "segtype=\"sentence\"",
            "o-tmf=",
            "adminlang=",
            "srclang=\"ko\"",
            "datatype=\"plaintext\"",
        ] {
            assert!(s.contains(a), "{a}");
        }
        assert_eq!(read(&s).unwrap(), vec![]);
    }
}

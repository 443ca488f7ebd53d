//! Text that crossed an encoding boundary the wrong way, found by re-encoding.
//!
//! A run of Latin-1/cp1252 characters is turned back into the bytes it was
//! decoded from. Those bytes are then read two ways:
//! - as UTF-8: valid multi-byte sequences that decode to plausible characters
//!   are UTF-8 read as cp1252 or Latin-1 (`â€™` → `’`, `ì„¸ê³„` → `세계`);
//! - as cp949: pairs that decode to Hangul syllables (or the cp949 quotes and
//!   brackets of row 0xA1) are Korean legacy text read as Latin-1
//!   (`¼¼°è` → `세계`, `¡°` → `“`).
//!
//! The reading that explains more of the run wins; a tie goes to UTF-8, whose
//! byte structure is far less likely to occur by chance. Nothing here is a list
//! of known garbled strings: a run is reported only when the bytes are valid in
//! the other encoding and decode to characters that ordinary text is made of.
//!
//! Two more shapes are recognised: UTF-8 Latin letters read as cp949 (a Hangul
//! syllable inside a Latin word, `caf챕` → `café`) and UTF-8 Korean read as
//! cp949 with the undecodable bytes replaced by U+FFFD (`�쒓뎅`).

use super::scan::{Scan, Trigger};
use crate::span::Span;
use encoding_rs::EUC_KR;

/// Which confusion a piece is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 bytes decoded as cp1252 or Latin-1.
    Utf8AsLatin1,
    /// A UTF-8 sequence decoded as cp1252 whose last byte the decoder dropped.
    Utf8Truncated,
    /// The continuation bytes of a UTF-8 sequence whose lead byte became U+FFFD.
    Utf8LeadLost,
    /// `Â` before a space: a UTF-8 no-break space read as cp1252, its second
    /// byte turned into an ordinary space.
    Utf8NbspLost,
    /// cp949 (EUC-KR) bytes decoded as Latin-1 or cp1252.
    Cp949AsLatin1,
    /// UTF-8 bytes decoded as cp949.
    Utf8AsCp949,
    /// UTF-8 Korean decoded as cp949, with bytes lost to U+FFFD.
    Utf8AsCp949Lossy,
}

/// One garbled stretch of text and its repair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The garbled bytes of the text.
    pub span: Span,
    /// The confusion.
    pub kind: Kind,
    /// The text as it should read, when it can be recovered.
    pub fix: Option<String>,
    /// True when the repair is a lossless round trip.
    pub safe: bool,
}

/// cp1252 bytes 0x80–0x9F; the five bytes cp1252 leaves undefined decode to
/// the C1 control of the same value, as browsers (and WHATWG) do.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// The byte a character came from if it was decoded as cp1252 or Latin-1
/// (one table serves both: they agree on 0xA0–0xFF, and a C1 control stands
/// for the same byte in Latin-1).
pub fn legacy_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    if u < 0x152 {
        return None;
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// The character cp1252 gives byte `b` (0x80–0x9F), if it defines one.
pub fn cp1252_char(b: u8) -> Option<char> {
    let c = *CP1252_HIGH.get(b.checked_sub(0x80)? as usize)?;
    (c as u32 > 0xFF).then_some(c)
}

/// Analyse every run of Latin-1/cp1252 characters and every Hangul run at a
/// Latin edge or next to U+FFFD.
pub fn analyse(scan: &Scan<'_>) -> Vec<Piece> {
    let text = scan.text();
    let mut out = Vec::new();
    let mut done = 0;
    let mut weak = Vec::new();
    for pos in scan.hits(Trigger::Latin1) {
        if pos < done {
            continue;
        }
        let run = Run::at(text, pos, done);
        done = run.end;
        run.analyse(text, &mut out, &mut weak);
    }
    keep_with_korean_nearby(text, weak, &mut out);
    let mut done = 0;
    for pos in scan.hits(Trigger::HangulEdge) {
        if pos < done {
            continue;
        }
        done = utf8_as_cp949(text, pos, &mut out);
    }
    let mut done = 0;
    for hit in scan.hits_any(&[Trigger::Format, Trigger::Han]) {
        let pos = hit.pos;
        if pos < done || (hit.trigger == Trigger::Format && !text[pos..].starts_with('\u{FFFD}')) {
            continue;
        }
        done = korean_as_cp949(text, pos, &mut out);
    }
    out.sort_by_key(|p| (p.span.start, p.span.end));
    out
}

/// A maximal run of characters that map back to single legacy bytes.
struct Run {
    /// Text offset of each character, and one past the last.
    offsets: Vec<usize>,
    bytes: Vec<u8>,
    end: usize,
}

impl Run {
    fn at(text: &str, pos: usize, floor: usize) -> Run {
        // Back over cp1252 punctuation (never Latin-1: that would have been an
        // earlier hit), so a run starting with `€` or `Œ` is whole.
        let mut start = pos;
        for (i, c) in text[floor..pos].char_indices().rev() {
            if (c as u32) > 0xFF && legacy_byte(c).is_some() && pos - (floor + i) <= 64 {
                start = floor + i;
            } else {
                break;
            }
        }
        let mut offsets = Vec::new();
        let mut bytes = Vec::new();
        let mut end = start;
        for (i, c) in text[start..].char_indices() {
            match legacy_byte(c) {
                Some(b) => {
                    offsets.push(start + i);
                    bytes.push(b);
                    end = start + i + c.len_utf8();
                }
                None => break,
            }
        }
        offsets.push(end);
        Run {
            offsets,
            bytes,
            end,
        }
    }

    fn span(&self, i: usize, j: usize) -> Span {
        Span::new(self.offsets[i], self.offsets[j])
    }

    fn analyse(&self, text: &str, out: &mut Vec<Piece>, weak: &mut Vec<Piece>) {
        let before = text[..self.offsets[0]].chars().next_back();
        let after = text[self.end..].chars().next();
        let utf8 = utf8_stretches(&self.bytes);
        let cp949 = [0, 1]
            .into_iter()
            .map(|align| cp949_stretches(&self.bytes, align, before, after))
            .max_by_key(|s| (covered(s), std::cmp::Reverse(s.len())))
            .unwrap_or_default();
        let (c, u) = (covered(&cp949), covered(&utf8.0));
        // Two cp949 syllables can spell two adjacent Latin letters in UTF-8
        // (`Ã¼Å©` is both `üũ` and `체크`); a run of Hangul beats a jumble
        // of accented letters with nothing between them.
        let jumble = utf8.0.iter().any(|s| {
            s.text.chars().count() >= 2
                && s.text.chars().all(|c| ('\u{80}'..='\u{24F}').contains(&c))
        });
        // Only common syllables count: cp949's extension syllables are rare in
        // real text but frequent in byte noise (`ÃƒÂ©`, UTF-8 encoded twice).
        let hangul = || {
            cp949
                .iter()
                .flat_map(|s| s.text.chars())
                .filter(|&c| is_hangul(c))
        };
        let common = hangul().all(is_common_hangul);
        let korean = common && hangul().count() >= 2;
        let (stretches, kind) = if c > u || (c == u && c > 0 && jumble && korean) {
            (cp949, Kind::Cp949AsLatin1)
        } else {
            (utf8.0, Kind::Utf8AsLatin1)
        };
        for s in stretches {
            let text = if kind == Kind::Utf8AsLatin1 {
                undo_layers(s.text)
            } else {
                s.text
            };
            let piece = Piece {
                span: self.span(s.start, s.end),
                kind,
                fix: Some(text),
                safe: true,
            };
            if s.weak {
                weak.push(piece);
            } else {
                out.push(piece);
            }
        }
        if kind == Kind::Utf8AsLatin1 {
            let lost = self
                .bytes
                .iter()
                .take(3)
                .take_while(|b| (0x80..=0xBF).contains(*b))
                .count();
            if before == Some('\u{FFFD}') && lost > 0 {
                out.push(Piece {
                    span: self.span(0, lost),
                    kind: Kind::Utf8LeadLost,
                    fix: None,
                    safe: false,
                });
            }
            let capital = before.is_some_and(char::is_uppercase);
            if self.bytes == [0xC2] && after == Some(' ') && !capital {
                out.push(Piece {
                    span: self.span(0, 1),
                    kind: Kind::Utf8NbspLost,
                    fix: Some(String::new()),
                    safe: false,
                });
            }
            for i in utf8.1 {
                out.push(Piece {
                    span: self.span(i, i + 2),
                    kind: Kind::Utf8Truncated,
                    fix: Some("\u{201D}".into()),
                    safe: false,
                });
            }
        }
    }
}

/// Keep the weak cp949 readings that have Korean near them: a Hangul
/// syllable or a stronger cp949 reading on the same line, within 100 bytes.
fn keep_with_korean_nearby(text: &str, weak: Vec<Piece>, out: &mut Vec<Piece>) {
    const NEAR: usize = 100;
    let strong: Vec<Span> = out
        .iter()
        .filter(|p| p.kind == Kind::Cp949AsLatin1)
        .map(|p| p.span)
        .collect();
    for piece in weak {
        let lo = crate::span::floor_char_boundary(text, piece.span.start.saturating_sub(NEAR));
        let hi = crate::span::floor_char_boundary(text, piece.span.end + NEAR);
        // Nearby means on the same line.
        let lo = text[lo..piece.span.start]
            .rfind('\n')
            .map_or(lo, |i| lo + i + 1);
        let hi = text[piece.span.end..hi]
            .find('\n')
            .map_or(hi, |i| piece.span.end + i);
        let hangul = text[lo..piece.span.start]
            .chars()
            .chain(text[piece.span.end..hi].chars())
            .any(is_hangul);
        let i = strong.partition_point(|s| s.end < lo);
        let reading = strong.get(i).is_some_and(|s| s.start <= hi);
        if hangul || reading {
            out.push(piece);
        }
    }
}

/// A decoded stretch of a run, in run indices.
#[derive(Clone, Debug, Default)]
struct Stretch {
    start: usize,
    end: usize,
    text: String,
    /// Made only of capital Latin-1 letters, which all-capitals Western text
    /// is made of too (`ÅÅÅÅ-MM-DD`): it needs Korean nearby to count.
    weak: bool,
}

/// An upper-case Latin-1 letter (`À`–`Þ` but `×`).
fn is_capital(b: u8) -> bool {
    (0xC0..=0xDE).contains(&b) && b != 0xD7
}

fn covered(s: &[Stretch]) -> usize {
    s.iter().map(|s| s.end - s.start).sum()
}

/// Decode again while the whole text is itself UTF-8 read as cp1252: text
/// encoded twice (`ÃƒÂ©` → `Ã©` → `é`) is repaired in one step.
fn undo_layers(mut text: String) -> String {
    for _ in 0..3 {
        let Some(bytes) = text.chars().map(legacy_byte).collect::<Option<Vec<u8>>>() else {
            break;
        };
        match utf8_stretches(&bytes).0.as_slice() {
            [one] if one.start == 0 && one.end == bytes.len() => text = one.text.clone(),
            _ => break,
        }
    }
    text
}

/// Valid, plausible UTF-8 stretches of `bytes`, and the indices of `E2 80`
/// pairs cut short (cp1252 drops the undefined 0x9D of `”`).
fn utf8_stretches(bytes: &[u8]) -> (Vec<Stretch>, Vec<usize>) {
    let mut out: Vec<Stretch> = Vec::new();
    let mut truncated = Vec::new();
    let mut cur: Option<(Stretch, Vec<(char, usize)>)> = None;
    let flush = |cur: &mut Option<(Stretch, Vec<(char, usize)>)>, out: &mut Vec<Stretch>| {
        if let Some((mut s, chars)) = cur.take() {
            if plausible_utf8(&chars, bytes, s.start) {
                s.text = chars.iter().map(|&(c, _)| c).collect();
                out.push(s);
            }
        }
    };
    let mut k = 0;
    while k < bytes.len() {
        let len = match bytes[k] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let decoded = (len > 0)
            .then(|| bytes.get(k..k + len))
            .flatten()
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next());
        match decoded {
            Some(c) if plausible_char(c) => {
                let entry = cur.get_or_insert_with(|| {
                    (
                        Stretch {
                            start: k,
                            ..Stretch::default()
                        },
                        Vec::new(),
                    )
                });
                entry.1.push((c, k));
                entry.0.end = k + len;
                k += len;
            }
            _ => {
                flush(&mut cur, &mut out);
                if bytes[k] == 0xE2
                    && bytes.get(k + 1) == Some(&0x80)
                    && !bytes.get(k + 2).is_some_and(|b| (0x80..=0xBF).contains(b))
                {
                    truncated.push(k);
                    k += 2;
                } else {
                    k += 1;
                }
            }
        }
    }
    flush(&mut cur, &mut out);
    (out, truncated)
}

/// Characters that garbled text decodes back to: letters and punctuation of
/// the scripts news text is written in, and emoji.
fn plausible_char(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0x24F        // Latin-1 supplement, Latin extended A/B
        | 0x300..=0x36F     // combining accents
        | 0x370..=0x3FF     // Greek
        | 0x400..=0x4FF     // Cyrillic
        | 0x590..=0x5FF     // Hebrew
        | 0x600..=0x6FF     // Arabic
        | 0xE00..=0xE7F     // Thai
        | 0x1E00..=0x1EFF   // Latin extended additional
        | 0x2000..=0x2BFF   // punctuation, currency, letterlike, arrows, math, symbols
        | 0x3000..=0x30FF   // CJK punctuation, kana
        | 0x3130..=0x318F   // Hangul compatibility jamo
        | 0x3200..=0x32FF
        | 0x4E00..=0x9FFF   // CJK ideographs
        | 0xAC00..=0xD7A3   // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFEFF
        | 0xFF00..=0xFFEF   // full-width forms
        | 0x1F000..=0x1FAFF // emoji
    )
}

/// Prose punctuation that may legitimately follow an accented letter
/// (`é”…`), so a single character made only of such bytes proves little.
fn is_prose_punct(b: u8) -> bool {
    matches!(
        b,
        0x85 | 0x91..=0x94 | 0x96 | 0x97 | 0x99 | 0xA0 | 0xA9 | 0xAB | 0xAE | 0xB0 | 0xB7 | 0xBB
    )
}

/// Whether a stretch of decoded characters is evidence enough. Several
/// characters are; a single one must be a character that mojibake commonly
/// produces and that the Latin-1 letters before it would not spell by chance.
fn plausible_utf8(chars: &[(char, usize)], bytes: &[u8], _start: usize) -> bool {
    let [(c, at)] = chars else {
        return !chars.is_empty();
    };
    let u = *c as u32;
    match c.len_utf8() {
        // `Ã©` → é, `Â°` → °; other two-byte results (IPA, Greek, Cyrillic)
        // from a single pair are as likely to be `É»` typed on purpose.
        2 => (0xA0..=0x17F).contains(&u),
        3 => {
            let cont = &bytes[at + 1..at + 3];
            let symbol = (0x2000..=0x2BFF).contains(&u) || u == 0xFEFF;
            symbol || !cont.iter().all(|&b| is_prose_punct(b))
        }
        _ => (0x1F000..=0x1FAFF).contains(&u),
    }
}

/// cp949 row 0xA1 characters that text garbled this way is full of:
/// quotes, ellipsis, middle dot, dash and CJK brackets.
fn is_cp949_punct(lead: u8, trail: u8) -> bool {
    lead == 0xA1 && matches!(trail, 0xA4..=0xA6 | 0xAA | 0xAE..=0xBD)
}

/// Stretches of `bytes` (from index `align`) that decode as cp949 to Korean.
fn cp949_stretches(
    bytes: &[u8],
    align: usize,
    before: Option<char>,
    after: Option<char>,
) -> Vec<Stretch> {
    #[derive(Default)]
    struct Acc {
        start: usize,
        end: usize,
        text: String,
        hangul: usize,
        extended: usize,
        punct: usize,
        other: usize,
    }
    let mut out = Vec::new();
    let mut acc: Option<Acc> = None;
    let flush = |acc: &mut Option<Acc>, out: &mut Vec<Stretch>| {
        let Some(a) = acc.take() else { return };
        // Legacy Korean text has the odd Hanja among many syllables; pairs of
        // accented letters read as cp949 give Hanja as often as Hangul.
        let korean =
            a.hangul >= 1 && (a.other == 0 || a.hangul >= 3 * a.other) && a.extended <= a.hangul;
        let quotes = a.hangul == 0 && a.extended == 0 && a.other == 0 && a.punct >= 1;
        if !(korean || quotes) {
            return;
        }
        if a.hangul == 1 && a.punct == 0 && a.other == 0 {
            // A lone syllable must explain its whole run (`ÆØ` in `ÆØÅ` does not).
            if a.end - a.start != bytes.len() {
                return;
            }
            // One syllable from two Latin-1 characters: `°±` in `25°±2`,
            // `ÇÃ` in `AÇÃO` and `²·` in `m²·s` decode as Hangul too. A real
            // garbled syllable is not glued to a following letter or digit,
            // nor part of an all-capitals word, nor a pair of unit signs
            // next to a number or standing alone.
            if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return;
            }
            let pair = &bytes[a.start..a.end];
            // Two letters glued to a Latin word are part of it (`MÄÄRÄä`).
            let letters = pair.iter().all(|&b| b >= 0xC0 && b != 0xD7 && b != 0xF7);
            if letters && before.is_some_and(|c| c.is_alphabetic() && !is_hangul(c)) {
                return;
            }
            // Typographic pairs (`»«`, `¿¿`, `«·`) and a Spanish opening mark
            // before a capital (`¿É`) are punctuation, not a syllable; `¿¡`
            // (에) next to a word is the exception that stays.
            let typographic = |b: u8| matches!(b, 0xA1 | 0xAB | 0xB7 | 0xBB | 0xBF);
            if pair.iter().all(|&b| typographic(b)) && pair != [0xBF, 0xA1] {
                return;
            }
            let opener = matches!(pair[0], 0xA1 | 0xBF) && pair[1] >= 0xC0;
            if opener && !before.is_some_and(char::is_alphanumeric) {
                return;
            }
            let units = pair.iter().all(|&b| {
                matches!(b, 0xB0..=0xB3 | 0xB5 | 0xB7 | 0xB9 | 0xBA | 0xBC..=0xBE | 0xD7 | 0xF7)
            });
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
            if units && (digit(before) || digit(after) || !(letter(before) || letter(after))) {
                return;
            }
        }
        let weak = bytes[a.start..a.end].iter().all(|&b| is_capital(b));
        out.push(Stretch {
            start: a.start,
            end: a.end,
            text: a.text,
            weak,
        });
    };
    let mut k = align;
    while k + 1 < bytes.len() {
        let (lead, trail) = (bytes[k], bytes[k + 1]);
        let decoded = EUC_KR
            .decode_without_bom_handling_and_without_replacement(&bytes[k..k + 2])
            .and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) if !c.is_ascii() => Some(c),
                    _ => None,
                }
            });
        let Some(c) = decoded else {
            flush(&mut acc, &mut out);
            k += 1;
            continue;
        };
        let a = acc.get_or_insert_with(|| Acc {
            start: k,
            ..Acc::default()
        });
        if is_hangul(c) {
            if lead >= 0xA1 && trail >= 0xA1 {
                a.hangul += 1;
            } else {
                a.extended += 1;
            }
        } else if is_cp949_punct(lead, trail) {
            a.punct += 1;
        } else {
            a.other += 1;
        }
        a.text.push(c);
        a.end = k + 2;
        k += 2;
    }
    flush(&mut acc, &mut out);
    out
}

/// The cp949 bytes of `c`, when it has a two-byte form.
fn cp949_bytes(c: char) -> Option<[u8; 2]> {
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    let (bytes, _, unmappable) = EUC_KR.encode(s);
    match (&*bytes, unmappable) {
        (&[a, b], false) => Some([a, b]),
        _ => None,
    }
}

/// A Hangul syllable of cp949's main (KS X 1001) table: the 2,350 syllables
/// that ordinary Korean text is written with.
fn is_common_hangul(c: char) -> bool {
    is_hangul(c) && cp949_bytes(c).is_some_and(|[a, b]| a >= 0xA1 && b >= 0xA1)
}

use crate::ko::is_syllable as is_hangul;

/// A run of Hangul syllables at a Latin edge whose cp949 bytes are UTF-8
/// Latin-1 letters: `caf챕`, `Pok챕mon`, `M체ller`. Returns where the run ends.
fn utf8_as_cp949(text: &str, pos: usize, out: &mut Vec<Piece>) -> usize {
    let start = pos;
    let mut end = pos;
    let mut bytes = Vec::new();
    let mut convertible = true;
    for (i, c) in text[pos..].char_indices() {
        if !is_hangul(c) || i > 256 {
            break;
        }
        end = pos + i + c.len_utf8();
        match cp949_bytes(c) {
            Some(b) if convertible => bytes.extend_from_slice(&b),
            _ => convertible = false,
        }
    }
    // The hit may be the last syllable of a run that started earlier.
    if text[..start].chars().next_back().is_some_and(is_hangul) {
        return end;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inside = before.is_some_and(|c| c.is_ascii_alphabetic())
        && after.is_some_and(|c| c.is_ascii_alphabetic());
    let word_end = before.is_some_and(|c| c.is_ascii_lowercase())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric());
    if !convertible || !(inside || word_end) {
        return end;
    }
    let Ok(decoded) = std::str::from_utf8(&bytes) else {
        return end;
    };
    let latin = decoded
        .chars()
        .all(|c| ('\u{C0}'..='\u{FF}').contains(&c) && c != '\u{D7}' && c != '\u{F7}');
    if latin {
        out.push(Piece {
            span: Span::new(start, end),
            kind: Kind::Utf8AsCp949,
            fix: Some(decoded.to_owned()),
            safe: true,
        });
    }
    end
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// UTF-8 Korean decoded as cp949: the first two bytes of a UTF-8 syllable are
/// a Hanja in cp949, so the run starts with an ideograph (or U+FFFD where the
/// decoder gave up) and mixes in syllables cp949 has only as extensions.
/// When the run's cp949 bytes are valid UTF-8 Hangul the text is recovered
/// (`寃쎌젣` → `경제`); with U+FFFD in it, bytes are lost (`�꽭怨�`).
/// Returns where the run ends.
fn korean_as_cp949(text: &str, pos: usize, out: &mut Vec<Piece>) -> usize {
    let part_of_run = |c: char| c == '\u{FFFD}' || is_hangul(c) || is_han(c);
    let mut start = pos;
    for (i, c) in text[..pos].char_indices().rev() {
        if !part_of_run(c) || pos - i > 256 {
            break;
        }
        start = i;
    }
    let mut end = pos;
    for (i, c) in text[pos..].char_indices() {
        if !part_of_run(c) || i > 256 {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    let run = &text[start..end];
    if run.contains('\u{FFFD}') {
        let (mut extended, mut hanja, mut syllables) = (0, 0, 0);
        for c in run.chars() {
            if is_hangul(c) {
                syllables += 1;
                if cp949_bytes(c).is_none_or(|[a, b]| a < 0xA1 || b < 0xA1) {
                    extended += 1;
                }
            } else if c != '\u{FFFD}' {
                hanja += 1;
            }
        }
        if extended >= 1 || (hanja >= 2 && hanja >= syllables) {
            out.push(Piece {
                span: Span::new(start, end),
                kind: Kind::Utf8AsCp949Lossy,
                fix: None,
                safe: false,
            });
        }
        return end;
    }
    // Re-encode as cp949 and read the bytes as UTF-8, keeping the character
    // boundaries of the run so a recovered stretch maps back to text.
    let mut bytes = Vec::with_capacity(run.len());
    let mut bounds = Vec::new();
    for (i, c) in run.char_indices() {
        let Some(b) = cp949_bytes(c) else {
            return end;
        };
        bounds.push((bytes.len(), start + i));
        bytes.extend_from_slice(&b);
    }
    bounds.push((bytes.len(), end));
    let at = |k: usize| {
        bounds
            .binary_search_by_key(&k, |&(b, _)| b)
            .ok()
            .map(|i| bounds[i].1)
    };
    let (stretches, _) = utf8_stretches(&bytes);
    for s in stretches {
        // Recovered Korean is made of the common syllables (the ones cp949
        // has in its main table); byte noise decodes to rare ones.
        let syllables = s.text.chars().filter(|&c| is_common_hangul(c)).count();
        if syllables < 2 || syllables != s.text.chars().count() {
            continue;
        }
        if let (Some(a), Some(b)) = (at(s.start), at(s.end)) {
            out.push(Piece {
                span: Span::new(a, b),
                kind: Kind::Utf8AsCp949,
                fix: Some(s.text),
                safe: true,
            });
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, Kind, Option<String>)> {
        let scan = Scan::new(text);
        analyse(&scan)
            .into_iter()
            .map(|p| (text[p.span.range()].to_owned(), p.kind, p.fix))
            .collect()
    }

    fn fixes(text: &str) -> Vec<(String, String)> {
        pieces(text)
            .into_iter()
            .map(|(s, _, f)| (s, f.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn utf8_read_as_cp1252_is_decoded_back() {
        assert_eq!(fixes("donâ€™t"), [("â€™".into(), "’".into())]);
        assert_eq!(fixes("cafÃ© au lait"), [("Ã©".into(), "é".into())]);
        assert_eq!(fixes("ì„¸ê³„ ê²½ì œ")[0], ("ì„¸ê³„".into(), "세계".into()));
    }

    #[test]
    fn text_encoded_twice_is_repaired_in_one_step() {
        let both = ("ÃƒÂ©".to_owned(), "é".to_owned());
        assert_eq!(fixes("Double: ÃƒÂ©t ÃƒÂ©"), [both.clone(), both]);
    }

    #[test]
    fn latin1_c1_controls_stand_for_their_byte() {
        assert_eq!(fixes("a \u{e2}\u{80}\u{9c}yes\u{e2}\u{80}\u{9d}")[0].1, "“");
    }

    #[test]
    fn capitals_read_as_cp949_need_korean_nearby() {
        assert_eq!(fixes("그는 ÀÌ 말했다")[0].1, "이");
        assert_eq!(fixes("ÀÌ °æÁ¦")[0].1, "이");
        assert!(fixes("ÀÌ ÇÑ").is_empty());
        assert!(fixes("한국\nÀÌ ÇÑ").is_empty());
    }

    #[test]
    fn cp949_read_as_latin1_is_decoded_back() {
        assert_eq!(
            fixes("¼¼°è °æÁ¦"),
            [
                ("¼¼°è".into(), "세계".into()),
                ("°æÁ¦".into(), "경제".into())
            ]
        );
        assert_eq!(fixes("Kim¡¯s ¡°plan¡±")[0], ("¡¯".into(), "’".into()));
    }

    #[test]
    fn legitimate_latin1_stays_silent() {
        for s in [
            "(ÅÅÅÅ-MM-DD)",
            "ABCDEFGHIJKÈÉÆØÅ",
            "ÀÈÌÒÙ €",
            "MÄÄRÄä säiettä",
            "med »«",
            "«·%u·»",
            "¿¿'%s'?? ¿De",
            "¿É esta",
            "Çäçänçä",
            "dans un état «\u{A0}indéterminé\u{A0}»",
            "··",
            "¡¡Hola!!",
            "José María Núñez",
            "résumé",
            "25°C",
            "25°±2",
            "m²·s",
            "AÇÃO",
            "INFORMAÇÕES",
            "PÄÄ",
            "½ to ¾",
            "© 2024",
            "l’été”…",
            "«À bientôt»",
            "¡¡Hola!!",
            "¿Qué?",
            "Ça va",
            "naïve",
            "Œuvre",
            "£5",
            "10 × 20",
            "±0.5 µm",
            "Ø 3 mm",
            "ÉTÉ",
            "fiancée’s",
        ] {
            assert!(pieces(s).is_empty(), "{s}: {:?}", pieces(s));
        }
    }

    #[test]
    fn utf8_with_a_lost_byte_is_reported_without_a_fix() {
        let kinds = |t: &str| {
            pieces(t)
                .into_iter()
                .map(|p| (p.0, p.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("caf\u{FFFD}© au lait"),
            [("©".into(), Kind::Utf8LeadLost)]
        );
        assert_eq!(kinds("costs Â 5 euros"), [("Â".into(), Kind::Utf8NbspLost)]);
        assert!(pieces("CHÂ TEAU and \u{FFFD}é").is_empty());
    }

    #[test]
    fn truncated_quote_is_reported_without_a_safe_fix() {
        let scan = Scan::new("he said â€ then");
        let p = analyse(&scan);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, Kind::Utf8Truncated);
        assert!(!p[0].safe);
    }

    #[test]
    fn utf8_latin_read_as_cp949_is_found_inside_words() {
        assert_eq!(fixes("Pok챕mon cards"), [("챕".into(), "é".into())]);
        assert_eq!(fixes("a caf챕."), [("챕".into(), "é".into())]);
        assert!(pieces("PC책 e챕터 AI칩 FDA청").is_empty());
    }

    #[test]
    fn lossy_utf8_korean_is_recognised() {
        let p = pieces("\u{FFFD}쒓뎅 \u{FFFD}뒗");
        assert!(p.iter().all(|p| p.1 == Kind::Utf8AsCp949Lossy) && !p.is_empty());
        assert!(pieces("정부\u{FFFD}가 밝혔다").is_empty());
    }

    #[test]
    fn utf8_korean_read_as_cp949_is_decoded_back() {
        assert_eq!(fixes("The 寃쎌젣 grew"), [("寃쎌젣".into(), "경제".into())]);
        assert!(pieces("北韓 與野 習近平 東京で会議 中华人民共和国 한국 經濟").is_empty());
    }
}

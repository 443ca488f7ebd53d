//! Latin-script language scoring: word lists, diacritics and letter patterns, combined with
//! whatlang's trigram verdict.
//!
//! whatlang compares trigram profiles, which needs a few dozen characters of text; on one- to
//! three-word fragments it often lands on German or Spanish for English or French input. Short
//! text is instead carried by evidence that a single word already gives: membership in a list of
//! very common words, language-specific letters (`ç`, `ñ`, `ß`), French elision (`l'`, `qu'`)
//! and English contractions (`'s`, `n't`), and a few letter patterns (`-ing`, `eau`, `sch`).
//! Each token adds to the score of every language it fits; whatlang adds a vote that grows with
//! the text's length, so long text follows the trigrams and short text follows the words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::codes::{self, LANGS};
use super::words::{LISTS, TABLE_LANGS};
use super::Bits;

/// Position of English in [`LANGS`].
const EN_INDEX: usize = 0;

/// Language bits over [`TABLE_LANGS`].
type Mask = u8;

const EN: Mask = 1;
const FR: Mask = 1 << 1;
const DE: Mask = 1 << 2;
const ES: Mask = 1 << 3;
const IT: Mask = 1 << 4;
const PT: Mask = 1 << 5;
const NL: Mask = 1 << 6;
const ALL: Mask = EN | FR | DE | ES | IT | PT | NL;

/// Score of one common-word hit.
const W_WORD: f64 = 1.0;
/// Score of a token carrying a letter specific to the language.
const W_LETTER: f64 = 1.0;
/// Score of a token showing a letter pattern typical of the language.
const W_PATTERN: f64 = 0.4;
/// Penalty for table languages per token with a letter none of them writes (`ł`, `ø`, `ş`),
/// which points to a language outside the word lists.
const W_FOREIGN: f64 = 1.5;
/// whatlang's vote: `confidence * (W_VOTE_BASE * share + W_VOTE_PER_TOKEN * count)` of words
/// that are not names or acronyms.
const W_VOTE_BASE: f64 = 0.8;
const W_VOTE_PER_TOKEN: f64 = 0.25;
/// Score every table language loses per word beyond the first [`BASELINE_FREE_WORDS`].
const W_BASELINE: f64 = 0.3;
const BASELINE_FREE_WORDS: usize = 3;
/// Tie-breaker for text without evidence (names, acronyms): English is by far the most
/// frequent Latin-script language in the material this toolkit reads.
const PRIOR_EN: f64 = 0.3;

/// FNV-1a: the keys are short words, for which SipHash costs more than the lookup itself.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordTable = HashMap<&'static str, Mask, BuildHasherDefault<Fnv>>;

fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = WordTable::default();
        for (bit, list) in LISTS.iter().enumerate() {
            for w in list.split_whitespace() {
                *map.entry(w).or_insert(0) |= 1 << bit;
            }
        }
        map
    })
}

/// The [`LANGS`] index of each table language, in bit order.
fn table_indices() -> &'static [usize; 7] {
    static IDX: OnceLock<[usize; 7]> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut out = [0; 7];
        for (slot, code) in out.iter_mut().zip(TABLE_LANGS) {
            // The table languages are all whatlang languages; the codes test pins this.
            *slot = codes::index_of(code).unwrap_or(0);
        }
        out
    })
}

/// Which table languages write a given non-ASCII letter; `None` for letters outside all of them.
fn letter_mask(c: char) -> Option<Mask> {
    Some(match c {
        'é' => FR | ES | IT | PT,
        'è' | 'ù' => FR | IT,
        'ê' | 'â' | 'ô' | 'ç' => FR | PT,
        'à' => FR | IT | PT,
        'ë' | 'ï' => FR | NL,
        'î' | 'û' | 'œ' | 'ÿ' => FR,
        'á' | 'ú' => ES | PT,
        'í' | 'ó' => ES | PT | IT,
        'ñ' => ES,
        'ü' => DE | ES,
        'ä' | 'ö' | 'ß' => DE,
        'ã' | 'õ' => PT,
        'ì' | 'ò' => IT,
        _ => return None,
    })
}

/// Whether `b` holds `p` at byte `i`. A plain loop: these comparisons are a few bytes long and
/// a library `memcmp` call per check would dominate the cost.
#[inline]
fn at(b: &[u8], i: usize, p: &[u8]) -> bool {
    p.iter().enumerate().all(|(k, &c)| b.get(i + k) == Some(&c))
}

#[inline]
fn ends(b: &[u8], p: &[u8]) -> bool {
    b.len() >= p.len() && at(b, b.len() - p.len(), p)
}

/// Word endings frequent in some of the table languages and rare in the others. Endings shared
/// across the group (`-en`, `-er`, `-ent`, `-tion`) say little and are left out.
const SUFFIXES: &[(&str, Mask)] = &[
    ("ness", EN),
    ("ful", EN),
    ("ed", EN),
    ("eux", FR),
    ("aux", FR),
    ("ait", FR),
    ("aient", FR),
    ("ais", FR),
    ("ez", FR),
    ("eur", FR),
    ("ière", FR),
    ("oir", FR),
    ("oire", FR),
    ("ien", FR),
    ("iens", FR),
    ("ienne", FR),
    ("ette", FR),
    ("elle", FR),
    ("ung", DE),
    ("keit", DE),
    ("heit", DE),
    ("ciones", ES),
    ("dad", ES),
    ("ado", ES | PT),
    ("ada", ES | PT),
    ("ido", ES | PT),
    ("ida", ES | PT),
    ("os", ES | PT),
    ("zione", IT),
    ("zioni", IT),
    ("ato", IT),
    ("ata", IT),
    ("ões", PT),
    ("tje", NL),
];

/// Letter patterns of a lower-cased word that is not in the lists.
fn pattern_mask(w: &str) -> Mask {
    let b = w.as_bytes();
    let n = w.chars().count();
    if n < 3 {
        return 0;
    }
    let mut m = 0;
    if (n >= 5 && (ends(b, b"ing") || ends(b, b"ly"))) || (n >= 4 && ends(b, b"y")) {
        m |= EN;
    }
    if at(b, 0, b"wh") {
        m |= EN;
    }
    for &(suffix, mask) in SUFFIXES {
        if ends(b, suffix.as_bytes()) {
            m |= mask;
        }
    }
    for i in 0..b.len() {
        let has = |p: &[u8]| at(b, i, p);
        m |= match b[i] {
            b't' if has(b"th") => EN,
            b't' if has(b"tz") => DE,
            b'g' if has(b"ght") => EN,
            b'g' if has(b"gli") => IT,
            b's' if has(b"sch") => DE | NL,
            b's' if has(b"sh") => EN,
            b'w' | b'k' => EN | DE | NL,
            b'o' if has(b"oo") => EN | NL,
            b'o' if has(b"oe") => NL,
            b'e' if has(b"ee") => EN | NL,
            b'e' if has(b"eau") => FR,
            b'e' if has(b"eu") => FR | DE | PT | NL,
            b'e' if has(b"ei") => DE | NL,
            b'i' if has(b"ille") => FR,
            b'i' if has(b"ij") => NL,
            b'c' if has(b"cht") => DE | NL,
            b'c' if has("ción".as_bytes()) => ES,
            b'c' if has("ção".as_bytes()) => PT,
            b'l' if has(b"lich") => DE,
            b'l' if has(b"lh") => PT,
            b'n' if has(b"nh") => PT,
            b'z' if has(b"zz") => IT,
            b'a' if has(b"aa") => NL,
            b'u' if has(b"uu") => NL,
            _ => 0,
        };
    }
    m
}

/// French (and Italian) elided words before an apostrophe: `l'`, `qu'`, `dell'`.
fn elision_mask(prefix: &str) -> Mask {
    match prefix {
        "l" | "d" | "c" => FR | IT,
        "j" | "n" | "qu" | "s" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu" | "quoiqu"
        | "presqu" | "quelqu" | "aujourd" => FR,
        "dell" | "all" | "dall" | "nell" | "sull" | "un" | "quell" | "quest" => IT,
        _ => 0,
    }
}

/// English clitics after an apostrophe: `'s`, `'re`, `n't`.
fn contraction_mask(prefix: &str, suffix: &str) -> Mask {
    match suffix {
        "s" | "re" | "ve" | "ll" | "m" | "d" => EN,
        "t" if prefix.ends_with('n') => EN,
        _ => 0,
    }
}

/// Evidence gathered from the words of a text.
#[derive(Default)]
pub(crate) struct Evidence {
    /// Score per table language, in bit order.
    pub score: [f64; 7],
    /// Words looked at.
    pub tokens: usize,
    /// Words that are neither acronyms nor capitalised inside a sentence (names).
    pub informative: usize,
}

impl Evidence {
    fn add(&mut self, mask: Mask, w: f64) {
        for (bit, s) in self.score.iter_mut().enumerate() {
            if mask & (1 << bit) != 0 {
                *s += w;
            }
        }
    }
}

/// Whether a character belongs to a word for tokenising purposes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// One word of a text, lower-cased, with apostrophes normalised to `'`.
struct Word<'a> {
    text: &'a str,
    /// Capitalised but not at the start of a sentence: probably a name. In all-capital text
    /// nothing is name-like.
    name_like: bool,
    /// Two to five capital letters: an acronym.
    acronym: bool,
}

/// Punctuation after which a capital letter starts a sentence rather than a name.
fn opens_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ':' | ';' | '(' | ')' | '"' | '«' | '»' | '“' | '”' | '—' | '–' | '…'
    )
}

/// Call `f` on each Latin-script word. Tokens holding digits (model numbers, dates) or letters
/// of other scripts are counted as seen but not passed on.
fn for_each_word(text: &str, mut f: impl FnMut(&Word)) {
    // In all-capital text (headlines) short words are words, not acronyms.
    let has_lower = text.chars().any(char::is_lowercase);
    let mut buf = String::new();
    let mut sentence_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        let sep_len = rest.find(is_word_char).unwrap_or(rest.len());
        let (sep, tail) = rest.split_at(sep_len);
        sentence_start |= sep.chars().any(opens_sentence);
        let tok_len = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
        let (raw, tail) = tail.split_at(tok_len);
        rest = tail;
        let raw = raw.trim_start_matches(is_apostrophe);
        if raw.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut sentence_start, false);
        if raw.chars().any(|c| {
            c.is_numeric()
                || (!is_apostrophe(c) && super::script::class(c) != super::script::Class::Latin)
        }) {
            continue;
        }
        let len = raw.chars().count();
        let upper = raw.chars().filter(|c| c.is_uppercase()).count();
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        buf.clear();
        if raw.is_ascii() {
            buf.push_str(raw);
            buf.make_ascii_lowercase();
        } else {
            for c in raw.chars() {
                if is_apostrophe(c) {
                    buf.push('\'');
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
        }
        f(&Word {
            text: &buf,
            name_like: has_lower && capital && !at_start,
            acronym: has_lower && (2..=5).contains(&len) && upper == len,
        });
    }
}

/// Typographic conventions: guillemets, inverted marks, and the French space before `? ! : ;`.
fn typography_mask(text: &str) -> Mask {
    let mut m = 0;
    let mut prev = ' ';
    let mut prev2 = ' ';
    for c in text.chars() {
        match c {
            '«' | '»' => m |= FR | DE | ES | IT | PT,
            '¿' | '¡' => m |= ES,
            '„' => m |= DE | NL,
            '?' | '!' | ':' | ';'
                if matches!(prev, ' ' | '\u{A0}' | '\u{202F}') && prev2.is_alphabetic() =>
            {
                m |= FR
            }
            _ => {}
        }
        prev2 = prev;
        prev = c;
    }
    m
}

/// Gather word-level evidence for the table languages.
pub(crate) fn evidence(text: &str) -> Evidence {
    let table = word_table();
    let mut ev = Evidence::default();
    ev.add(typography_mask(text), W_WORD);
    for_each_word(text, |word| {
        ev.tokens += 1;
        if word.acronym {
            return;
        }
        if !word.name_like {
            ev.informative += 1;
        }
        let w = word.text;
        let mut foreign = false;
        let mut letters: Mask = 0;
        let mut chars = w.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii() {
                continue;
            }
            match letter_mask(c) {
                // Italian puts accents on a word's last letter only (città, perché, è).
                Some(m) if chars.peek().is_some_and(|n| n.is_alphabetic()) => letters |= m & !IT,
                Some(m) => letters |= m,
                None => foreign = true,
            }
        }
        if foreign {
            ev.add(ALL, -W_FOREIGN);
        }
        ev.add(letters, W_LETTER);
        let (stem, grammar) = match w.split_once('\'') {
            Some((pre, suf)) => {
                let el = elision_mask(pre);
                let co = contraction_mask(pre, suf);
                let stem = if el != 0 {
                    suf
                } else if co != 0 && suf == "t" {
                    pre.strip_suffix('n').unwrap_or(pre)
                } else {
                    pre
                };
                (stem, el | co)
            }
            None => (w, 0),
        };
        ev.add(grammar, W_WORD);
        match table.get(stem) {
            Some(&m) => ev.add(m, W_WORD),
            None => {
                let w_pat = if word.name_like {
                    W_PATTERN / 2.0
                } else {
                    W_PATTERN
                };
                ev.add(pattern_mask(stem), w_pat);
            }
        }
    });
    ev
}

/// Whether a lower-cased word is in any list (used to tell clauses from names in mixed text).
pub(crate) fn is_common_word(w: &str) -> bool {
    word_table().contains_key(w)
}

/// Pick the language of Latin-script text among `cands` (bits over [`LANGS`], all of them
/// Latin-script languages). Returns the [`LANGS`] index and a confidence in `0..=1`.
pub(crate) fn decide(text: &str, cands: Bits) -> Option<(usize, f64)> {
    let n_cands = cands.count_ones();
    if n_cands == 0 {
        return None;
    }
    if n_cands == 1 {
        return Some((cands.trailing_zeros() as usize, 1.0));
    }
    let ev = evidence(text);
    let mut score = [0.0f64; 128];
    // Short words of other languages often look like list words (`i`, `a`, `en`, `mi`), so
    // beyond the first few words the table languages must beat a hit rate that text outside
    // their group also reaches; this lets whatlang's pick win for such languages. Ranking among
    // table languages is unchanged.
    let baseline = W_BASELINE * (ev.informative.saturating_sub(BASELINE_FREE_WORDS)) as f64;
    for (bit, &idx) in table_indices().iter().enumerate() {
        score[idx] = ev.score[bit] - baseline;
    }
    score[EN_INDEX] += PRIOR_EN;

    // whatlang adds at most `max_vote` to one language: when the evidence already leads by
    // more, the trigram pass cannot change the outcome and is skipped.
    // Names and acronyms are poor trigram material, so the vote grows with the other words.
    let informative = ev.informative as f64;
    let max_vote = if ev.tokens == 0 {
        0.0
    } else {
        W_VOTE_BASE * informative / ev.tokens as f64 + W_VOTE_PER_TOKEN * informative
    };
    let (lead, margin) = ranking(&score, cands);
    if margin > max_vote {
        return Some((lead, confidence(margin)));
    }

    // An allowlist is checked by linear search per language, so the unrestricted case goes
    // without one.
    let info = if cands & super::latin_bits() == super::latin_bits() {
        whatlang::detect(text)
    } else {
        let wl_langs: Vec<whatlang::Lang> = LANGS
            .iter()
            .enumerate()
            .filter(|(i, _)| cands & (1u128 << i) != 0)
            .map(|(_, l)| l.wl)
            .collect();
        whatlang::Detector::with_allowlist(wl_langs).detect(text)
    };
    if let Some(info) = info {
        if let Some(idx) = codes::index_of_whatlang(info.lang()) {
            if cands & (1u128 << idx) != 0 {
                score[idx] += info.confidence() * max_vote;
            }
        }
    }
    let (idx, margin) = ranking(&score, cands);
    Some((idx, confidence(margin)))
}

/// The best candidate and its lead over the runner-up.
fn ranking(score: &[f64; 128], cands: Bits) -> (usize, f64) {
    let mut best = (0usize, f64::NEG_INFINITY);
    let mut second = f64::NEG_INFINITY;
    for (idx, &s) in score.iter().enumerate().take(LANGS.len()) {
        if cands & (1u128 << idx) == 0 {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (idx, s);
        } else if s > second {
            second = s;
        }
    }
    (best.0, best.1 - second)
}

fn confidence(margin: f64) -> f64 {
    if margin.is_finite() {
        1.0 - (-margin).exp()
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str) -> &'static str {
        let ev = evidence(text);
        let (bit, _) = ev
            .score
            .iter()
            .enumerate()
            .fold(
                (0, f64::NEG_INFINITY),
                |acc, (i, &s)| if s > acc.1 { (i, s) } else { acc },
            );
        TABLE_LANGS[bit]
    }

    #[test]
    fn table_languages_resolve_to_codes() {
        for code in TABLE_LANGS {
            assert!(codes::index_of(code).is_some(), "{code}");
        }
        assert_eq!(LANGS[table_indices()[0]].iso1, "en");
        assert_eq!(LANGS[EN_INDEX].iso1, "en");
    }

    #[test]
    fn function_words_decide_short_fragments() {
        assert_eq!(top("of the"), "en");
        assert_eq!(top("je ne sais"), "fr");
        assert_eq!(top("und dann"), "de");
        assert_eq!(top("pero también"), "es");
    }

    #[test]
    fn elision_and_contractions_count() {
        assert_eq!(top("qu'importe"), "fr");
        assert_eq!(top("isn't"), "en");
        assert_eq!(top("Seoul's"), "en");
    }

    #[test]
    fn specific_letters_count() {
        assert_eq!(top("garçon"), "fr");
        assert_eq!(top("mañana"), "es");
        assert_eq!(top("Straße"), "de");
    }

    #[test]
    fn digits_and_acronyms_give_no_evidence() {
        let ev = evidence("NATO x2 2024 G7 UNESCO");
        assert!(ev.score.iter().all(|&s| s == 0.0));
    }
}

//! What each sentence offers as evidence: its length and its tokens, each
//! token with the *concepts* it can stand for. Two tokens on opposite sides
//! match when they share a concept: an English stem (a glossary or learned
//! translation of a Korean word points to it), a number's value, a Hangul
//! stem, or a phonetic key (names and loanwords).

use super::glossary::Glossary;
use super::text::{en_stem, is_en_stopword, is_ko_stopword, strip_particles, tokenize_spans, Tok};
use crate::numbers::{self, Kind, Quantity};
use crate::translit::{phonetic_key, phonetic_keys};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, deterministic hasher (the FxHash mixing step), so that the
/// same input always gives the same iteration order and the same output.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Token classes, with their own match rates: numbers, names (acronyms,
/// capitalised words inside a sentence, Latin script inside Korean), other
/// content words, and tokens of any kind whose concepts are frequent in the
/// other document (a name repeated in every sentence, a common verb), whose
/// matches say little.
pub(crate) const NUM: usize = 0;
pub(crate) const NAME: usize = 1;
pub(crate) const WORD: usize = 2;
pub(crate) const FREQ: usize = 3;
pub(crate) const CLASSES: usize = 4;
/// A token is frequent when this share of the other document's sentences
/// (not counting its translation) could match it.
const FREQUENT: f64 = 0.1;

/// The commonest Korean surnames.
const SURNAMES: [char; 40] = [
    '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황',
    '안', '송', '류', '전', '홍', '고', '문', '양', '손', '배', '백', '허', '유', '남', '심', '노',
    '하', '곽', '성', '차', '주', '우', '구', '민',
];

/// At most this many content tokens of a sentence are used (one bit each).
pub(crate) const MAX_TOKENS: usize = 64;

/// Longest tagged key kept inside a hash table.
const INLINE: usize = 23;

/// A tag byte and a text of together at most [`INLINE`] bytes, stored in
/// place: looking one up reads the table and nothing else, where a `String`
/// key costs a trip to wherever its bytes were allocated.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Short {
    len: u8,
    bytes: [u8; INLINE],
}

impl std::hash::Hash for Short {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Three words, rather than a length and 23 single bytes.
        let mut all = [0u8; INLINE + 1];
        all[0] = self.len;
        all[1..].copy_from_slice(&self.bytes);
        for word in all.chunks_exact(8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            state.write_u64(u64::from_le_bytes(w));
        }
    }
}

impl Short {
    fn new(tag: u8, text: &str) -> Option<Short> {
        let len = text.len() + 1;
        if len > INLINE {
            return None;
        }
        let mut bytes = [0u8; INLINE];
        bytes[0] = tag;
        bytes[1..len].copy_from_slice(text.as_bytes());
        Some(Short {
            len: len as u8,
            bytes,
        })
    }
}

/// A map from (ASCII tag, text) keys: short keys in place, long ones as
/// strings.
struct TaggedMap<V> {
    short: FxMap<Short, V>,
    long: FxMap<String, V>,
}

impl<V: Copy> TaggedMap<V> {
    fn new() -> Self {
        TaggedMap {
            short: FxMap::default(),
            long: FxMap::default(),
        }
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The value of `tag` + `text`; `buf` is scratch space for a long key.
    fn get(&self, tag: u8, text: &str, buf: &mut String) -> Option<V> {
        match Short::new(tag, text) {
            Some(k) => self.short.get(&k).copied(),
            None => {
                long_key(buf, tag, text);
                self.long.get(buf.as_str()).copied()
            }
        }
    }

    fn insert(&mut self, tag: u8, text: &str, value: V) {
        match Short::new(tag, text) {
            Some(k) => {
                self.short.insert(k, value);
            }
            None => {
                let mut key = String::new();
                long_key(&mut key, tag, text);
                self.long.insert(key, value);
            }
        }
    }
}

fn long_key(buf: &mut String, tag: u8, text: &str) {
    buf.clear();
    buf.push(char::from(tag));
    buf.push_str(text);
}

/// Concept ids: the glossary's shared ids, then ids local to one alignment.
pub(crate) struct Vocab<'g> {
    base: &'g FxMap<String, u32>,
    local: TaggedMap<u32>,
    buf: String,
    /// What each distinct word stands for (see [`Vocab::token`]): words
    /// repeat, and stemming, sound keys and glossary look-ups are costly.
    memo: TaggedMap<Option<(u32, u32, u32)>>,
    memo_ids: Vec<u32>,
    scratch: Vec<u32>,
}

impl<'g> Vocab<'g> {
    pub fn new(base: &'g FxMap<String, u32>) -> Self {
        Vocab {
            base,
            local: TaggedMap::new(),
            buf: String::new(),
            memo: TaggedMap::new(),
            memo_ids: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// The concepts of a word keyed by `tag` and `text`: its own concept and
    /// the range of [`Vocab::ids`] holding the others, or `None` for a word
    /// that carries no evidence. `analyse` finds them (pushing the others,
    /// returning the own concept) the first time the word is seen.
    fn token(
        &mut self,
        tag: u8,
        text: &str,
        analyse: impl FnOnce(&mut Self, &mut Vec<u32>) -> Option<u32>,
    ) -> Option<(u32, std::ops::Range<usize>)> {
        let entry = match self.memo.get(tag, text, &mut self.buf) {
            Some(e) => e,
            None => {
                let mut others = std::mem::take(&mut self.scratch);
                others.clear();
                let own = analyse(self, &mut others);
                let start = self.memo_ids.len() as u32;
                self.memo_ids.extend_from_slice(&others);
                self.scratch = others;
                let e = own.map(|o| (o, start, self.memo_ids.len() as u32));
                self.memo.insert(tag, text, e);
                e
            }
        };
        entry.map(|(own, a, b)| (own, a as usize..b as usize))
    }

    /// The concepts [`Vocab::token`] ranges point into.
    fn ids(&self, range: std::ops::Range<usize>) -> &[u32] {
        self.memo_ids.get(range).unwrap_or(&[])
    }

    /// The key of an English stem.
    pub fn word_key(stem: &str) -> String {
        format!("w{stem}")
    }

    /// Push the sound-key concept of the Korean `text` onto `others`, when
    /// its key is long enough (two consonants) to tell words apart.
    fn push_sound(&mut self, text: &str, others: &mut Vec<u32>) {
        let key = phonetic_key(text);
        if key.len() >= 2 {
            others.push(self.tagged(b'p', &key));
        }
    }

    /// The id of the key `tag` followed by `text` (`w` English stem, `k`
    /// Hangul stem, `p` phonetic key, `q` quantity); allocates only for a
    /// new long key.
    pub fn tagged(&mut self, tag: u8, text: &str) -> u32 {
        // The glossary's keys are English stems.
        if tag == b'w' {
            long_key(&mut self.buf, tag, text);
            if let Some(&id) = self.base.get(self.buf.as_str()) {
                return id;
            }
        }
        if let Some(id) = self.local.get(tag, text, &mut self.buf) {
            return id;
        }
        let next = (self.base.len() + self.local.len()) as u32;
        self.local.insert(tag, text, next);
        next
    }
}

/// The evidence of one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Feat {
    /// Characters other than white space.
    pub len: u32,
    /// (concept, bit mask of the token positions that carry it), sorted by concept.
    pub concepts: Vec<(u32, u64)>,
    /// Token positions of each class.
    pub class_mask: [u64; CLASSES],
    /// Token positions of each kind (number, name, word), before frequent
    /// tokens are set apart.
    pub kind_mask: [u64; 3],
    /// (own stem concept, position, is Hangul) of content words: the units
    /// of the learned lexicon.
    pub units: Vec<(u32, u8, bool)>,
}

impl Feat {
    /// Number of content tokens of class `c`.
    #[cfg(test)]
    pub fn count(&self, c: usize) -> u32 {
        self.class_mask[c].count_ones()
    }

    /// Add `concept` to the token at `pos` (keeps `concepts` sorted).
    pub fn add(&mut self, concept: u32, pos: u8) {
        let bit = 1u64 << pos;
        match self.concepts.binary_search_by_key(&concept, |&(c, _)| c) {
            Ok(i) => self.concepts[i].1 |= bit,
            Err(i) => self.concepts.insert(i, (concept, bit)),
        }
    }
}

/// Keys of a quantity: its own, and for dates and times the coarser forms
/// a translation may keep (the day without the month, the hour without
/// a.m./p.m.).
fn quantity_keys(q: &Quantity) -> Vec<String> {
    let mut keys = vec![q.key()];
    match q.kind {
        Kind::Date { year, month, day } => {
            if let (Some(m), Some(d)) = (month, day) {
                if year.is_some() {
                    keys.push(format!("date:--{m:02}-{d:02}"));
                }
            }
            if let Some(d) = day.filter(|_| month.is_some()) {
                keys.push(format!("date:---{d:02}"));
            }
            // A day of the month is also an ordinal (the 21st, 21일).
            if let Some(d) = day {
                keys.push(format!("ord:{d}"));
            }
            if let Some(y) = year.filter(|_| month.is_some() || day.is_some()) {
                keys.push(format!("n:{y}"));
            }
        }
        Kind::Time {
            hour,
            minute,
            clock24: true,
        } => keys.push(format!("time:~{}:{minute:02}", hour % 12)),
        // A count and its ordinal stand for each other across a translation
        // (the 71st month in a row = 71개월째, a third term = 세 번째 임기
        // or 3선): they share a key beside their own.
        Kind::Number | Kind::Ordinal if q.value.fract() == 0.0 && q.value >= 1.0 => {
            keys.push(format!("count:{}", q.value))
        }
        _ => {}
    }
    keys
}

/// Build the features of `text`, a Korean sentence when `korean` (which
/// decides how numbers are read).
pub(crate) fn build(text: &str, korean: bool, glossary: &Glossary, vocab: &mut Vocab) -> Feat {
    let mut f = Feat {
        len: text.chars().filter(|c| !c.is_whitespace()).count() as u32,
        ..Feat::default()
    };
    let mut quantities = if korean {
        numbers::extract_ko(text)
    } else {
        numbers::extract_en(text)
    };
    // A quantity a translation may leave out (`처음` "at first", a weekday)
    // is no anchor: its words stay ordinal words.
    quantities.retain(|q| !q.optional);
    // Words inside a quantity (million, 달러, March) belong to the quantity.
    let toks: Vec<Tok> = tokenize_spans(text)
        .into_iter()
        .filter(|(span, t)| {
            !matches!(t, Tok::Number(_))
                && !quantities
                    .iter()
                    .any(|q| q.span.start < span.end && span.start < q.span.end)
        })
        .map(|(_, t)| t)
        .collect();
    let has_hangul = toks.iter().any(|t| matches!(t, Tok::Hangul { .. }));
    let mut raw: Vec<(u32, u64)> = Vec::with_capacity(toks.len() * 2);
    let mut pos = 0usize;
    for q in &quantities {
        if pos >= MAX_TOKENS {
            break;
        }
        let bit = 1u64 << pos;
        for key in quantity_keys(q) {
            raw.push((vocab.tagged(b'q', &key), bit));
        }
        f.kind_mask[NUM] |= bit;
        pos += 1;
    }
    let mut gloss = Vec::new();
    let mut residual = Vec::new();
    for (ti, tok) in toks.iter().enumerate() {
        if pos >= MAX_TOKENS {
            break;
        }
        let bit = 1u64 << pos;
        match tok {
            Tok::Number(_) => continue,
            Tok::Latin(l) => {
                let tag = match (l.acronym, l.capital) {
                    (true, _) => b'A',
                    (false, true) => b'C',
                    (false, false) => b'L',
                };
                let word = &*l.word;
                let Some((own, others)) = vocab.token(tag, word, |v, others| {
                    if !l.acronym && is_en_stopword(&word.to_ascii_lowercase()) {
                        return None;
                    }
                    let own = v.tagged(b'w', &en_stem(word));
                    if !l.acronym && word.len() >= 3 {
                        // Names are worth a short key; other words need a long
                        // one not to match Korean words by accident.
                        for key in phonetic_keys(word) {
                            if key.len() >= if l.capital { 2 } else { 3 } {
                                others.push(v.tagged(b'p', &key));
                            }
                        }
                    }
                    Some(own)
                }) else {
                    continue;
                };
                raw.push((own, bit));
                raw.extend(vocab.ids(others).iter().map(|&c| (c, bit)));
                let name = l.acronym || has_hangul || (l.capital && ti > 0);
                f.kind_mask[if name { NAME } else { WORD }] |= bit;
                f.units.push((own, pos as u8, false));
            }
            Tok::Hangul { run } => {
                let run: &str = run;
                let Some((own, others)) = vocab.token(b'H', run, |v, others| {
                    let stem = strip_particles(run);
                    let stem_chars = stem.chars().count();
                    if is_ko_stopword(stem) {
                        return None;
                    }
                    gloss.clear();
                    residual.clear();
                    glossary.lookup(run, stem_chars, &mut gloss, &mut residual);
                    if stem_chars < 2 && gloss.is_empty() {
                        return None;
                    }
                    let own = v.tagged(b'k', stem);
                    others.extend_from_slice(&gloss);
                    v.push_sound(stem, others);
                    // A Korean name: surname and given name are written apart
                    // in English (김대중 = Kim Dae-jung).
                    if stem_chars == 3 && gloss.is_empty() && stem.starts_with(SURNAMES) {
                        let mut parts = stem.char_indices();
                        if let Some((cut, _)) = parts.nth(1) {
                            for part in [&stem[..cut], &stem[cut..]] {
                                v.push_sound(part, others);
                            }
                        }
                    }
                    // A name inside a compound (콴타스항공 = Qantas + airline).
                    for r in &residual {
                        if r.len() >= 2 && r.len() < stem_chars {
                            let part: String = stem.chars().skip(r.start).take(r.len()).collect();
                            v.push_sound(&part, others);
                        }
                    }
                    Some(own)
                }) else {
                    continue;
                };
                raw.push((own, bit));
                raw.extend(vocab.ids(others).iter().map(|&c| (c, bit)));
                f.kind_mask[WORD] |= bit;
                f.units.push((own, pos as u8, true));
            }
        }
        pos += 1;
    }
    f.class_mask[..3].copy_from_slice(&f.kind_mask);
    raw.sort_unstable_by_key(|&(c, _)| c);
    for (c, m) in raw {
        match f.concepts.last_mut() {
            Some(last) if last.0 == c => last.1 |= m,
            _ => f.concepts.push((c, m)),
        }
    }
    f
}

/// Set apart the tokens whose concepts occur in many sentences of the other
/// document (class [`FREQ`]).
pub(crate) fn frequent(fe: &mut [Feat], fk: &mut [Feat]) {
    // Concept ids are dense (see `Vocab`): counts go in plain arrays.
    let top = fe
        .iter()
        .chain(fk.iter())
        .filter_map(|f| f.concepts.last())
        .map(|&(c, _)| c as usize + 1)
        .max()
        .unwrap_or(0);
    let doc_freq = |feats: &[Feat]| {
        let mut df = vec![0u32; top];
        for f in feats {
            for &(c, _) in &f.concepts {
                df[c as usize] += 1;
            }
        }
        df
    };
    fn mark(feats: &mut [Feat], other: &[u32], n_other: usize) {
        // One occurrence is the translation's; a frequent concept has at
        // least two more, and more than FREQUENT of the rest.
        let limit = (FREQUENT * n_other.saturating_sub(1) as f64).max(2.0);
        for f in feats.iter_mut() {
            let mut freq = 0u64;
            for &(c, mask) in &f.concepts {
                let d = other.get(c as usize).copied().unwrap_or(0);
                if f64::from(d.saturating_sub(1)) >= limit {
                    freq |= mask;
                }
            }
            for k in 0..3 {
                f.class_mask[k] = f.kind_mask[k] & !freq;
            }
            f.class_mask[FREQ] = freq & (f.kind_mask[0] | f.kind_mask[1] | f.kind_mask[2]);
        }
    }
    let (dfe, dfk) = (doc_freq(fe), doc_freq(fk));
    let (ne, nk) = (fe.len(), fk.len());
    mark(fe, &dfk, nk);
    mark(fk, &dfe, ne);
}

/// Which tokens of `e` and of `k` share a concept: (mask over `e`'s tokens,
/// mask over `k`'s tokens). A merge of the two sorted concept lists.
#[inline]
pub(crate) fn matches(e: &Feat, k: &Feat) -> (u64, u64) {
    let (a, b) = (&e.concepts, &k.concepts);
    let (mut i, mut j) = (0, 0);
    let (mut me, mut mk) = (0u64, 0u64);
    while i < a.len() && j < b.len() {
        let (ca, cb) = (a[i].0, b[j].0);
        if ca < cb {
            i += 1;
        } else if ca > cb {
            j += 1;
        } else {
            me |= a[i].1;
            mk |= b[j].1;
            i += 1;
            j += 1;
        }
    }
    (me, mk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::glossary;

    fn feats(en: &str, ko: &str) -> (Feat, Feat) {
        let g = glossary::get();
        let mut v = Vocab::new(&g.base);
        (build(en, false, g, &mut v), build(ko, true, g, &mut v))
    }

    fn feats3(en: &str, ko: &str, other: &str) -> (Feat, Feat, Feat) {
        let g = glossary::get();
        let mut v = Vocab::new(&g.base);
        (
            build(en, false, g, &mut v),
            build(ko, true, g, &mut v),
            build(other, true, g, &mut v),
        )
    }

    #[test]
    fn translation_shares_more_than_an_unrelated_sentence() {
        let (e, k, other) = feats3(
            "The government said exports of chips rose 12.5 percent in 2019.",
            "정부는 2019년 반도체 수출이 12.5% 늘었다고 밝혔다.",
            "그 가수는 어제 서울에서 새 앨범을 냈다.",
        );
        let (me, mk) = matches(&e, &k);
        let (oe, _) = matches(&e, &other);
        assert!(me.count_ones() >= 5, "{me:b}");
        assert!(mk.count_ones() >= 4, "{mk:b}");
        assert!(oe.count_ones() <= 1);
    }

    #[test]
    fn names_match_by_sound_and_latin_by_spelling() {
        let (e, k) = feats(
            "Johnson visited Samsung and LG.",
            "존슨은 삼성과 LG를 방문했다.",
        );
        let (me, _) = matches(&e, &k);
        // Johnson, visited, Samsung, LG
        assert_eq!(me.count_ones(), 4);
    }

    #[test]
    fn korean_names_match_their_romanisation() {
        let (e, k) = feats(
            "Kim Dae-jung met Park Geun-hye.",
            "김대중은 박근혜를 만났다.",
        );
        let (me, _) = matches(&e, &k);
        // Kim, Daejung, Park, Geunhye, met
        assert_eq!(me.count_ones(), 5, "{me:b}");
    }

    #[test]
    fn a_count_matches_its_ordinal() {
        let (e, k) = feats(
            "Sales fell for the 14th straight quarter.",
            "매출은 14분기째 줄었다.",
        );
        let (me, _) = matches(&e, &k);
        assert_ne!(me & e.kind_mask[NUM], 0, "{me:b}");
    }

    #[test]
    fn classes_partition_the_tokens() {
        let (e, _) = feats("In 2020 the IBM plant hired Kim.", "");
        assert_eq!(e.count(NUM), 1);
        assert_eq!(e.count(NAME), 2);
        assert_eq!(e.count(WORD), 2);
    }

    #[test]
    fn long_sentences_are_capped() {
        let long = "word ".repeat(200);
        let (e, _) = feats(&long, "");
        assert_eq!(e.count(WORD), 64);
    }

    #[test]
    fn tokens_common_in_the_other_document_are_set_apart() {
        let g = glossary::get();
        let mut v = Vocab::new(&g.base);
        let mut fe: Vec<Feat> = (0..6)
            .map(|i| {
                build(
                    &format!("Samsung reported {i} new phones."),
                    false,
                    g,
                    &mut v,
                )
            })
            .collect();
        let mut fk: Vec<Feat> = (0..6)
            .map(|i| {
                build(
                    &format!("삼성은 새 휴대폰 {i}종을 발표했다."),
                    true,
                    g,
                    &mut v,
                )
            })
            .collect();
        frequent(&mut fe, &mut fk);
        assert_eq!(fe[0].count(FREQ), 2, "Samsung, reported");
        assert_eq!(fe[0].count(NUM), 1);
    }

    #[test]
    fn hasher_is_deterministic() {
        use std::hash::BuildHasher;
        let b = BuildHasherDefault::<FxHasher>::default();
        assert_eq!(b.hash_one("abc"), b.hash_one("abc"));
        assert_ne!(b.hash_one("abc"), b.hash_one("abd"));
    }
}

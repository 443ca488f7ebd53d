//! Names: a Korean name (a person, a place, a brand written in Hangul) whose
//! English counterpart is missing, recognised by sound with
//! [`crate::translit`], and one Korean name spelled two ways across a batch.
//!
//! Which Hangul words are names is decided from cues that do not need a
//! dictionary: a title or honorific after the word (`밀러 대변인`, `김씨`),
//! a quotative `X라는 사람` ("a man named X"), a place marker (`X 주`, `X
//! 공항`), or the shape of a transliterated word ([`super::loanword`]).
//! Whether the English renders one is decided by sound
//! ([`super::sound`]), by the lexicon and by the tables of
//! [`super::places`].
//!
//! A missing name is weighed by what else the English holds: a proper noun
//! that no Korean word accounts for may be the name in another form (an
//! exonym, a translation), so each one lowers the evidence; an English with
//! none makes it stronger. The same count scales the missing Latin terms
//! that [`super::entities`] found.

use super::loanword;
use super::sound::EnglishSounds;
use super::text::is_syllable;
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;
use crate::translit::{name_similarity, phonetic_key};
use std::collections::HashSet;
use std::sync::OnceLock;

pub use crate::translit::{NAME_MATCH as MATCH, SHORT_NAME_MATCH as SHORT_MATCH};
/// Weight of a missing name recognised by a title or `라는`. Translations
/// of news often leave a name out or render it as a role, so a missing name
/// is only about twice as likely in a damaged translation as in a sound one.
const STRONG_WEIGHT: f64 = 2.0;
/// Weight of a missing word recognised by its loanword shape only.
const SHAPE_WEIGHT: f64 = 1.5;
/// Weight of a missing everyday loanword (`테러`, `인터뷰`), which
/// translations often render by meaning.
const COMMON_WEIGHT: f64 = 0.3;
/// Factor on a missing name's weight when the English holds no proper noun
/// that the Korean does not account for.
const ALONE_FACTOR: f64 = 1.3;
/// Factor when it holds one.
const ONE_FACTOR: f64 = 1.15;
/// Factor when it holds two or more: one of them may render the name.
const EXPLAINED_FACTOR: f64 = 0.4;
/// Cap on the total (names of one sentence are not independent).
const CAP: f64 = 3.5;
/// Cap on the total of names recognised by shape only: several loanwords
/// without a counterpart say little more than one.
const SHAPE_CAP: f64 = 2.0;

/// How a name was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A title or honorific follows it.
    Title,
    /// `X라는` / `X이라는`: "named X".
    Called,
    /// It reads like a transliterated foreign word.
    Shape,
    /// A bare three-syllable word starting with a common family name
    /// (정해원): likely a Korean person, but many nouns look the same.
    Surname,
    /// A place: before `주` (state), `시` (city), `섬` (island) or `공항`
    /// (airport), or the city after a state (`콜로라도 주 볼더`).
    Place,
}

impl Cue {
    /// True for cues that alone say little (shape, surname).
    fn weak(self) -> bool {
        matches!(self, Cue::Shape | Cue::Surname | Cue::Place)
    }
}

/// A name of the Korean side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KoreanName {
    /// The name's words (no particles), as spans of the Korean text.
    pub words: Vec<Span>,
    /// How it was recognised.
    pub cue: Cue,
}

/// Titles and honorifics that follow a name.
const TITLES: &[&str] = &[
    "대변인",
    "대통령",
    "총리",
    "장관",
    "의원",
    "회장",
    "사장",
    "대표",
    "감독",
    "교수",
    "박사",
    "판사",
    "검사",
    "변호사",
    "목사",
    "신부",
    "기자",
    "국장",
    "위원장",
    "부위원장",
    "선수",
    "여사",
    "대사",
    "시장",
    "지사",
    "주지사",
    "총장",
    "소장",
    "원장",
    "부장",
    "차관",
    "총재",
    "대주교",
    "추기경",
    "왕자",
    "공주",
    "여왕",
    "국왕",
    "사령관",
    "장군",
    "씨",
    "부회장",
    "부사장",
    "이사",
    "전무",
    "상무",
    "비서",
    "보좌관",
    "특파원",
    "작가",
    "배우",
    "가수",
];

/// Endings of institution names (보건복지부, 국세청, 연구원), which stand
/// before titles too but are translated, not transliterated.
const INSTITUTION_SUFFIXES: &[char] = &[
    '부', '청', '원', '처', '회', '당', '국', '사', '관', '소', '단', '실', '처', '군', '측', '대',
];

/// The commonest Korean family names: a three-syllable word starting with
/// one is a person's name whatever its last syllable (최태원).
const SURNAMES: &[char] = &[
    '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황',
    '안', '송', '류', '홍', '전', '고', '문', '양', '손', '배', '백', '허', '유', '남',
];

/// Dependent nouns that take `이라는` in grammar (`할 것이라는`).
const BOUND_NOUNS: &[&str] = &[
    "것", "수", "때", "데", "바", "줄", "등", "중", "뿐", "터", "셈",
];

static TITLE_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();

/// True when `w` is among `list`, looked up in `set` (built on first use):
/// these lists are searched for every word of every pair.
fn in_set(set: &OnceLock<HashSet<&'static str>>, list: &'static [&'static str], w: &str) -> bool {
    set.get_or_init(|| list.iter().copied().collect())
        .contains(w)
}

/// The stem of `word` and its particles (`이라크에서도` → `이라크`, `에서도`).
pub(super) fn strip_particle(word: &str) -> (&str, &str) {
    crate::ko::split_particles(word, 1)
}

pub(super) use crate::ko::is_particle;

fn all_syllables(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_syllable)
}

/// Final syllables of verb and adjective forms (`누르고`, `가르쳐`), which
/// are no names.
const VERBAL_ENDINGS: &[char] = &[
    '고', '면', '며', '게', '서', '어', '워', '쳐', '려', '러', '지', '다', '요', '니', '는', '은',
    '운', '던', '한', '된', '킨', '낸', '른', '할', '될', '킬', '릴', '랜', '데',
];

/// Last syllables of verb stems that are also foreign-only (`만들다` gives
/// `만드는`, `크다` gives `크는`).
const VERB_STEM_FINALS: &[char] = &['드', '크', '쓰', '트', '르', '프', '브'];

/// True when `stem`, found before `particle`, reads like a transliterated
/// foreign word and not like a verb form. After a particle that also ends
/// verb forms (`만드는`, `잠드는`), a stem whose only foreign syllable is a
/// verb-stem final needs another.
fn looks_foreign(stem: &str, particle: &str) -> bool {
    if !loanword::is_loanword(stem) {
        return false;
    }
    if crate::ko::follows_nouns_only(particle) {
        return true;
    }
    if stem.ends_with(VERBAL_ENDINGS) {
        return false;
    }
    let head = stem
        .char_indices()
        .next_back()
        .map_or("", |(i, _)| &stem[..i]);
    particle.is_empty() || !stem.ends_with(VERB_STEM_FINALS) || loanword::loan_syllables(head) > 0
}

/// Eojeol (whitespace-separated words) of `ko`, trimmed of punctuation, with spans.
fn eojeols(ko: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in ko.char_indices() {
        if is_syllable(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, ko.len()));
    }
    out
}

/// True when the Hangul run at `start` begins a word: it follows white
/// space, the start of the text or an opening bracket or quote. A run glued
/// to Latin letters, digits or a closing quote is a suffix (`(CEO)로`,
/// `’라는`), not a word.
fn starts_word(ko: &str, start: usize) -> bool {
    let mut before = ko[..start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('(' | '[' | '{' | '“' | '‘' | '「' | '『' | '《' | '〈' | '<') => true,
        Some('"' | '\'') => before.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Nouns after which `X라는` means "named X" (a person, a place, a work).
const NAMED_NOUNS: &[&str] = &[
    "사람",
    "남자",
    "여자",
    "소년",
    "소녀",
    "아이",
    "남성",
    "여성",
    "친구",
    "이름",
    "회사",
    "단체",
    "마을",
    "도시",
    "섬",
    "책",
    "영화",
    "노래",
    "가게",
    "식당",
    "개",
    "고양이",
    "학생",
    "청년",
    "노인",
    "왕",
    "농부",
    "상인",
    "선수",
    "브랜드",
    "제품",
    "프로그램",
    "조직",
    "그룹",
];

/// The names of `ko`.
pub fn korean_names(ko: &str) -> Vec<KoreanName> {
    let words = eojeols(ko);
    let mut out: Vec<KoreanName> = Vec::new();
    let adjacent = |a: Span, b: Span| ko.get(a.end..b.start).is_some_and(|g| g == " ");
    for (i, &w) in words.iter().enumerate() {
        let text = &ko[w.range()];
        let (stem, particle) = strip_particle(text);
        let stem_span = Span::new(w.start, w.start + stem.len());
        let prev = i
            .checked_sub(1)
            .map(|j| words[j])
            .filter(|&p| adjacent(p, w));
        // `김씨는`: the honorific is glued to the name.
        if let Some(name) = stem.strip_suffix('씨').filter(|s| all_syllables(s)) {
            out.push(KoreanName {
                words: vec![Span::new(w.start, w.start + name.len())],
                cue: Cue::Title,
            });
            continue;
        }
        if let Some(mut prev) = prev.filter(|_| in_set(&TITLE_SET, TITLES, stem)) {
            let mut j = i - 1;
            // `다나 페리노 백악관 대변인`: an organisation may stand between
            // a foreign name and the title.
            if let Some(b) = j.checked_sub(1).map(|k| words[k]) {
                let (bt, pt) = (&ko[b.range()], &ko[prev.range()]);
                if adjacent(b, prev)
                    && pt.ends_with(INSTITUTION_SUFFIXES)
                    && !looks_foreign(pt, "")
                    && strip_particle(bt).1.is_empty()
                    && looks_foreign(bt, "")
                {
                    prev = b;
                    j -= 1;
                }
            }
            let prev_text = &ko[prev.range()];
            let syllables = prev_text.chars().count();
            let institution = prev_text.ends_with(INSTITUTION_SUFFIXES)
                && !(syllables == 3 && prev_text.starts_with(SURNAMES));
            // `사무총장 보좌관`: a title before a title is no name.
            let title = TITLES.iter().any(|t| prev_text.ends_with(t));
            // A two- or three-syllable Sino-Korean word before a title is
            // its field (`외무 장관`), not a name: the name must look foreign,
            // follow a foreign given name, be a Korean full name or be long
            // (Japanese names).
            let given = j
                .checked_sub(1)
                .map(|k| words[k])
                .filter(|&g| adjacent(g, prev))
                .is_some_and(|g| looks_foreign(&ko[g.range()], ""));
            let person = looks_foreign(prev_text, "")
                || given
                || (syllables == 3 && prev_text.starts_with(SURNAMES))
                || syllables >= 4;
            if strip_particle(prev_text).1.is_empty()
                && person
                && (2..=6).contains(&syllables)
                && !institution
                && !title
                && starts_word(ko, prev.start)
            {
                let mut name = vec![prev];
                if j > 0 && adjacent(words[j - 1], prev) {
                    let first = &ko[words[j - 1].range()];
                    if strip_particle(first).1.is_empty()
                        && !first.ends_with(VERBAL_ENDINGS)
                        && looks_foreign_or_short(first)
                    {
                        name.insert(0, words[j - 1]);
                    }
                }
                out.retain(|n| !n.words.iter().any(|s| name.contains(s)));
                out.push(KoreanName {
                    words: name,
                    cue: Cue::Title,
                });
            }
            continue;
        }
        if !starts_word(ko, w.start) {
            continue;
        }
        let known = |out: &[KoreanName]| out.iter().any(|n| n.words.contains(&w));
        let foreign = looks_foreign(stem, particle);
        if let Some(place) = place(ko, &words, i, stem, particle, foreign) {
            if !known(&out) {
                out.push(KoreanName {
                    words: vec![place],
                    cue: Cue::Place,
                });
                continue;
            }
        }
        if matches!(particle, "라는" | "이라는")
            && all_syllables(stem)
            && !BOUND_NOUNS.contains(&stem)
        {
            let next = words
                .get(i + 1)
                .filter(|&&n| adjacent(w, n))
                .map(|n| &ko[n.range()]);
            // `비아그라는` is `비아그라` and `는` as often as `비아그` and
            // `라는`: only the noun after it makes `라는` sure.
            if next.is_some_and(|n| NAMED_NOUNS.iter().any(|k| n.starts_with(k))) {
                out.push(KoreanName {
                    words: vec![stem_span],
                    cue: Cue::Called,
                });
                continue;
            }
        }
        if foreign && !known(&out) {
            // Each word of a foreign phrase is looked for on its own: the
            // English may keep one and translate the other (`캄차카 툰드라`).
            let bare_prev = prev.filter(|&p| strip_particle(&ko[p.range()]).1.is_empty());
            let mut name = vec![stem_span];
            // A one-syllable given name (`톰`, `잭`).
            if let Some(p) = bare_prev {
                let mut chars = ko[p.range()].chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if loanword::is_loan_syllable(c, true) && starts_word(ko, p.start) {
                        name.insert(0, p);
                    }
                }
            }
            out.push(KoreanName {
                words: name,
                cue: Cue::Shape,
            });
        } else if particle.is_empty()
            && text.chars().count() == 3
            && text.starts_with(SURNAMES)
            && !known(&out)
        {
            out.push(KoreanName {
                words: vec![w],
                cue: Cue::Surname,
            });
        }
    }
    out
}

/// Words after a place name: state, city, island, airport.
const PLACE_MARKERS: &[&str] = &["주", "시", "섬", "공항"];

/// The place name in word `i` (stem `stem`, particle `particle`), if a
/// marker shows one: the next word is a marker (`캘리포니아 주에`), the word
/// is glued to `주` (`애리조나주`), or it follows a state (`콜로라도 주
/// 볼더의`). Short native words before markers (`이번 주`, `몇 시`) are no
/// names: the name must look foreign or have three syllables or more.
fn place(
    ko: &str,
    words: &[Span],
    i: usize,
    stem: &str,
    particle: &str,
    foreign: bool,
) -> Option<Span> {
    let w = words[i];
    let adjacent = |a: Span, b: Span| ko.get(a.end..b.start).is_some_and(|g| g == " ");
    let name_like = |s: &str| {
        all_syllables(s)
            && !s.ends_with(VERBAL_ENDINGS)
            && (loanword::is_loanword(s) || s.chars().count() >= 3)
    };
    let stem_span = Span::new(w.start, w.start + stem.len());
    let marked = |n: &Span| ko[n.range()].starts_with(['주', '시', '섬', '공']);
    if let Some(&next) = words.get(i + 1).filter(|&&n| adjacent(w, n) && marked(&n)) {
        let next_text = &ko[next.range()];
        let marker = strip_particle(next_text).0;
        // `주로` is the adverb "mainly".
        if particle.is_empty()
            && PLACE_MARKERS.contains(&marker)
            && next_text != "주로"
            && (foreign || name_like(stem))
        {
            return Some(stem_span);
        }
    }
    if let Some(state) = stem.strip_suffix('주').filter(|s| s.chars().count() >= 3) {
        if name_like(state) {
            return Some(Span::new(w.start, w.start + state.len()));
        }
    }
    let prev = i
        .checked_sub(1)
        .map(|j| words[j])
        .filter(|&p| adjacent(p, w))?;
    let p = &ko[prev.range()];
    let after_state = p == "주" || p.strip_suffix('주').is_some_and(|s| s.chars().count() >= 3);
    (after_state
        && stem.chars().count() >= 2
        && all_syllables(stem)
        && !stem.ends_with(VERBAL_ENDINGS)
        && !STATE_BODIES.contains(&stem))
    .then_some(stem_span)
}

/// Words that follow a state's name but are its institutions, not a city.
const STATE_BODIES: &[&str] = &[
    "정부",
    "의회",
    "당국",
    "주민",
    "의원",
    "지사",
    "주지사",
    "법원",
    "경찰",
    "대학",
    "정부청사",
    "검찰",
    "교육청",
    "선거",
    "예비선거",
    "전역",
    "내",
];

/// A given name before a family name: short, or foreign-looking.
fn looks_foreign_or_short(w: &str) -> bool {
    w.chars().count() <= 3 || looks_foreign(w, "")
}

/// Phonetic keys of the English words, computed once per pair.
pub struct EnglishKeys(Vec<String>);

impl EnglishKeys {
    /// Keys of the words of `pair`'s English.
    pub fn new(pair: &Pair<'_>) -> Self {
        EnglishKeys(
            pair.en_words
                .iter()
                .map(|t| phonetic_key(&pair.en[t.span.range()]))
                .collect(),
        )
    }
}

/// Whether [`name_similarity`] can reach [`MATCH`] from the key similarity
/// alone, to skip hopeless candidates cheaply.
fn could_match(en_key: &str, ko_key: &str) -> bool {
    if en_key.is_empty() || ko_key.is_empty() {
        return false;
    }
    crate::translit::sound_score_bound(strsim::normalized_levenshtein(en_key, ko_key)) >= MATCH
}

/// Best similarity of Korean word `ko` with a word of the English (or two
/// adjacent words joined, for `Kim Jong-un` against `김정은`). With
/// `capitalised`, only capitalised English words count (a person's name).
/// Short skeletons match too easily (`LT` is both 리드 and *late*), so a
/// word whose skeleton has fewer than three consonants must be capitalised
/// and sound nearly the same.
pub fn best_match(
    ko: &str,
    pair: &Pair<'_>,
    keys: &EnglishKeys,
    capitalised: bool,
) -> (f64, Option<Span>) {
    let toks = &pair.en_words;
    let ko_key = phonetic_key(ko);
    let short = ko_key.len() < 3;
    let mut best = (0.0, None);
    let mut joined = String::new();
    let mut joined_key = String::new();
    let consider = |cand: &str, key: &str, span: Span, best: &mut (f64, Option<Span>)| {
        let upper = cand.starts_with(|c: char| c.is_ascii_uppercase());
        if ((capitalised || short) && !upper) || !could_match(key, &ko_key) {
            return;
        }
        let mut s = name_similarity(cand, ko);
        if short && s < SHORT_MATCH {
            s = 0.0;
        }
        if s > best.0 {
            *best = (s, Some(span));
        }
    };
    for (i, t) in toks.iter().enumerate() {
        let w = &pair.en[t.span.range()];
        if !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let key = keys.0.get(i).map_or("", String::as_str);
        consider(w, key, t.span, &mut best);
        let Some(next) = toks.get(i + 1) else {
            continue;
        };
        let nw = &pair.en[next.span.range()];
        let same_case = w.starts_with(|c: char| c.is_ascii_uppercase())
            == nw.starts_with(|c: char| c.is_ascii_uppercase());
        if same_case && pair.en.get(t.span.end..next.span.start) == Some(" ") {
            joined.clear();
            joined.push_str(w);
            joined.extend(nw.chars().filter(|c| c.is_ascii_alphabetic()));
            joined_key.clear();
            joined_key.push_str(key);
            joined_key.push_str(keys.0.get(i + 1).map_or("", String::as_str));
            consider(
                &joined,
                &joined_key,
                Span::new(t.span.start, next.span.end),
                &mut best,
            );
        }
    }
    best
}

/// True when Korean word `ko` has a counterpart in the English: by sound,
/// whole or without a one-syllable suffix (`이스라엘군`, `멕시코산`), or
/// through the lexicon (`프랑스` is also `French`).
pub fn found(
    ko: &str,
    cue: Cue,
    pair: &Pair<'_>,
    keys: &EnglishKeys,
    english: &std::collections::HashSet<u64>,
) -> bool {
    if super::lexicon::renders(ko, english) {
        return true;
    }
    let person = cue != Cue::Shape;
    if best_match(ko, pair, keys, person).0 >= MATCH {
        return true;
    }
    if let Some((i, _)) = ko.char_indices().next_back() {
        let head = &ko[..i];
        if head.chars().count() >= 2 && best_match(head, pair, keys, person).0 >= MATCH {
            return true;
        }
    }
    false
}

/// Report Korean names of `pair` with no English counterpart; collect in
/// `renderings` the names whose English spelling is sure, for the batch's
/// name-variant check.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>, renderings: &mut Vec<Rendering>) {
    if pair.ko_counts.hangul == 0 || pair.en_words.is_empty() {
        return;
    }
    let names = korean_names(pair.ko);
    if names.is_empty() {
        let country = super::places::missing_country(pair, 1.0);
        if country.is_some() || out.iter().any(|s| is_missing_latin(pair, s)) {
            let factor = unexplained_factor(pair, &[]);
            scale_missing_latin(pair, out, factor);
            out.extend(country.map(|mut c| {
                c.weight *= factor;
                c
            }));
        }
        return;
    }
    let english = super::lexicon::english_stems(pair);
    let mut keys: Option<EnglishKeys> = None;
    let sounds = EnglishSounds::new(pair.en, &pair.en_words);
    let en_lower = pair.en.to_lowercase();
    // English words that render a Korean name, and the names that none does.
    let mut matched: Vec<Span> = Vec::new();
    let mut missing: Vec<&KoreanName> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for name in &names {
        let text = name.words.first().map_or("", |w| &pair.ko[w.range()]);
        if seen.contains(&text) {
            continue;
        }
        seen.push(text);
        let person = name.cue != Cue::Shape;
        let mut present = false;
        for &w in &name.words {
            let ko = &pair.ko[w.range()];
            if person {
                let keys = keys.get_or_insert_with(|| EnglishKeys::new(pair));
                if let (sim, Some(span)) = best_match(ko, pair, keys, true) {
                    if sim >= SURE {
                        renderings.push(Rendering {
                            ko: ko.to_string(),
                            ko_span: w,
                            en: pair.en[span.range()].to_string(),
                            en_span: span,
                        });
                    }
                    if sim >= MATCH {
                        present = true;
                        matched.push(span);
                    }
                }
            }
            let mut heard = |ko: &str| {
                if super::lexicon::renders(ko, &english)
                    || super::places::exonym_found(ko, &en_lower)
                {
                    return true;
                }
                let at = sounds.heard_at(ko, person);
                matched.extend(at);
                at.is_some()
            };
            present = heard(ko) || present;
            // The particle cut may have been part of the name (`콜로라도`).
            let whole = whole_word(pair.ko, w);
            if !present && whole.len() > w.len() {
                present = heard(&pair.ko[whole.range()]);
            }
        }
        // A surname-shaped word is too often a common noun to count as a
        // missing name; it only serves the spelling comparison.
        if !present && name.cue != Cue::Surname {
            missing.push(name);
        }
    }
    let country = super::places::missing_country(pair, 1.0);
    if missing.is_empty() && country.is_none() && !out.iter().any(|s| is_missing_latin(pair, s)) {
        return;
    }
    // A proper noun of the English that no Korean word accounts for may be
    // the missing name under another form (an exonym, a translation); with
    // none, the name is the more surely gone.
    let factor = unexplained_factor(pair, &matched);
    scale_missing_latin(pair, out, factor);
    if let Some(mut c) = country {
        c.weight *= factor;
        out.push(c);
    }
    let mut total = 0.0;
    let mut shape_total = 0.0;
    for name in missing {
        let common = name.cue == Cue::Shape
            && name
                .words
                .last()
                .is_some_and(|w| loanword::is_common(&pair.ko[w.range()]));
        let weight = if common {
            COMMON_WEIGHT
        } else if name.cue.weak() {
            SHAPE_WEIGHT * factor
        } else {
            STRONG_WEIGHT * factor
        };
        let weight = if name.cue.weak() {
            weight.min(SHAPE_CAP - shape_total)
        } else {
            weight
        }
        .min(CAP - total);
        if weight <= 0.0 {
            continue;
        }
        total += weight;
        if name.cue.weak() {
            shape_total += weight;
        }
        let span = Span::new(
            name.words.first().map_or(0, |s| s.start),
            name.words.last().map_or(0, |s| s.end),
        );
        let (what, class) = match name.cue {
            Cue::Shape => ("the foreign word", "loanword"),
            Cue::Place => ("the place", "place"),
            _ => ("the name", "name"),
        };
        out.push(
            Signal::new(
                Code::EntityDrop,
                weight,
                format!(
                    "{what} `{}` has no counterpart in the English",
                    &pair.ko[span.range()]
                ),
            )
            .ko(span)
            .class(class),
        );
    }
}

/// True when `s` is the finding of a Latin term of the Korean missing from
/// the English ([`super::entities`]): it points at Latin text of the Korean
/// and at nothing in the English.
fn is_missing_latin(pair: &Pair<'_>, s: &Signal) -> bool {
    s.code == Code::EntityDrop
        && s.en.is_none()
        && s.ko
            .and_then(|k| pair.ko.get(k.range()))
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// Scale the findings of missing Latin terms in `out` by `factor`: the
/// English proper nouns that no Korean word accounts for bear on them as on
/// Hangul names.
fn scale_missing_latin(pair: &Pair<'_>, out: &mut [Signal], factor: f64) {
    for s in out.iter_mut() {
        if is_missing_latin(pair, s) {
            s.weight *= factor;
        }
    }
}

/// The factor on a missing name's weight from the count of proper nouns of
/// the English that no Korean word accounts for (`matched` are those some
/// Korean word does).
fn unexplained_factor(pair: &Pair<'_>, matched: &[Span]) -> f64 {
    match unexplained_capitals(pair, matched) {
        0 => ALONE_FACTOR,
        1 => ONE_FACTOR,
        _ => EXPLAINED_FACTOR,
    }
}

/// Capitalised English words that are no names (besides days and months):
/// titles and the generic words of institutions' names.
const CAPITALISED_COMMON: &[&str] = &[
    "I",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Prof",
    "President",
    "Minister",
    "Secretary",
    "Senator",
    "Prime",
    "Chairman",
    "General",
    "Foreign",
    "National",
    "International",
    "Committee",
    "Council",
    "Ministry",
    "Department",
    "Union",
    "Party",
    "University",
    "Republic",
    "North",
    "South",
    "East",
    "West",
    "Olympic",
    "Olympics",
    "Games",
    "Cup",
    "League",
    "God",
    "Christmas",
    "Internet",
    "Web",
    "Islamic",
    "Muslim",
    "Christian",
    "Catholic",
    "Church",
    "State",
    "States",
    "United",
    "World",
    "Bank",
    "Court",
    "House",
    "Senate",
    "Congress",
    "Police",
    "Army",
    "Navy",
    "Force",
    "Air",
    "City",
    "Street",
    "Center",
    "Centre",
    "Institute",
    "Association",
    "Agency",
    "Organization",
    "Group",
    "Company",
    "Corporation",
    "Inc",
    "Ltd",
    "Co",
    "Corp",
    "Office",
    "Service",
    "Federal",
    "Central",
    "Supreme",
    "Royal",
    "Democratic",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Communist",
    "Socialist",
    "Liberal",
    "Conservative",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "New",
    "Old",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
];

/// How many capitalised words of the English (two at most are counted) are
/// names no Korean word accounts for: not at a sentence start, not common
/// capitalised words, not countries, not copied from the Korean and not
/// within `matched`.
fn unexplained_capitals(pair: &Pair<'_>, matched: &[Span]) -> usize {
    let en = pair.en;
    let mut count = 0;
    for t in &pair.en_words {
        let w = &en[t.span.range()];
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let before = en[..t.span.start].trim_end_matches([' ', '"', '“', '‘', '\'', '(']);
        let initial = before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']);
        if initial
            || CAPITALISED_COMMON.contains(&w)
            || crate::numbers::english_weekday(w).is_some_and(|_| w.ends_with("day"))
            || crate::numbers::english_month(w).is_some()
            || matched
                .iter()
                .any(|m| m.start <= t.span.start && t.span.end <= m.end)
            || pair.ko.contains(w)
            || super::places::is_place_word(w)
        {
            continue;
        }
        count += 1;
        if count >= 2 {
            break;
        }
    }
    count
}

/// `span` extended to the end of its run of Hangul syllables.
fn whole_word(ko: &str, span: Span) -> Span {
    let rest = ko.get(span.end..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_syllable(c))
        .map_or(rest.len(), |(i, _)| i);
    Span::new(span.start, span.end + len)
}

/// Similarity at which a rendering is sure enough to compare spellings.
const SURE: f64 = 0.85;

/// A Korean name and how one pair spells it in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendering {
    /// The Korean name word.
    pub ko: String,
    /// Its span in the pair's Korean.
    pub ko_span: Span,
    /// The English spelling, as written.
    pub en: String,
    /// Its span in the pair's English.
    pub en_span: Span,
}

/// The Korean names of `pair` whose English spelling is sure (a capitalised
/// word or two that sound alike).
pub fn renderings(pair: &Pair<'_>) -> Vec<Rendering> {
    let mut out = Vec::new();
    check(pair, &mut Vec::new(), &mut out);
    out
}

/// Spelling without case, possessive or hyphens, for comparing renderings.
fn spelling(en: &str) -> String {
    let en = en
        .strip_suffix("'s")
        .or_else(|| en.strip_suffix("’s"))
        .unwrap_or(en);
    en.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Two spellings of one name: different, neither a form of the other
/// (`Iraq`, `Iraqi`), and alike enough to be one name (`Chey`, `Choi`)
/// rather than two names that sound alike in Korean (`Zambia`, `Zimbabwe`).
fn is_variant(a: &str, b: &str) -> bool {
    a != b && !a.starts_with(b) && !b.starts_with(a) && strsim::normalized_levenshtein(a, b) >= 0.6
}

/// The first English spelling of each Korean name met so far in a batch, so
/// that name variants can be found pair by pair as a stream goes by (memory
/// grows with the distinct names, not with the pairs).
#[derive(Clone, Debug, Default)]
pub struct Spellings {
    first: std::collections::HashMap<String, (String, String)>,
}

impl Spellings {
    /// The renderings of the next pair whose Korean name an earlier pair
    /// spelled differently, with that first spelling; remembers the names met
    /// for the first time.
    pub fn variants(&mut self, renderings: &[Rendering]) -> Vec<(Rendering, String)> {
        let mut out = Vec::new();
        for r in renderings {
            let sp = spelling(&r.en);
            match self.first.get(r.ko.as_str()) {
                Some((seen, seen_sp)) if is_variant(seen_sp, &sp) => {
                    out.push((r.clone(), seen.clone()));
                }
                Some(_) => {}
                None => {
                    self.first.insert(r.ko.clone(), (r.en.clone(), sp));
                }
            }
        }
        out
    }
}

/// Name variants across a batch: for each pair (in order), the renderings
/// whose Korean name an earlier pair spelled differently, with that first
/// spelling.
pub fn variants(per_pair: &[Vec<Rendering>]) -> Vec<Vec<(Rendering, String)>> {
    let mut seen = Spellings::default();
    per_pair.iter().map(|r| seen.variants(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ko: &str) -> Vec<(String, Cue)> {
        korean_names(ko)
            .into_iter()
            .map(|n| {
                let s = Span::new(n.words[0].start, n.words[n.words.len() - 1].end);
                (ko[s.range()].to_string(), n.cue)
            })
            .collect()
    }

    #[test]
    fn titles_and_honorifics_mark_names() {
        assert_eq!(
            names("데이비드 밀러 대변인은 말했다."),
            vec![("데이비드 밀러".to_string(), Cue::Title)]
        );
        assert_eq!(
            names("김씨는 웃었다."),
            vec![("김".to_string(), Cue::Title)]
        );
    }

    #[test]
    fn institutions_before_titles_are_no_names() {
        assert!(names("보건복지부 장관은 말했다.").is_empty());
        assert!(names("외무 장관은 말했다.").is_empty());
    }

    #[test]
    fn organisation_between_name_and_title_is_skipped() {
        assert_eq!(
            names("에밀리 카터 국방부 대변인이 말했다."),
            vec![("에밀리 카터".to_string(), Cue::Title)]
        );
    }

    #[test]
    fn bare_surname_word_is_a_weak_name() {
        let found = names("정해원 SK하이닉스 부사장은 말했다.");
        assert!(
            found.contains(&("정해원".to_string(), Cue::Surname)),
            "{found:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn name_checks_never_panic(
            ko in "[a-zA-Z0-9 ,.()'\"“”‘’가-힣주시씨]{0,40}",
            en in "[a-zA-Z0-9 ,.()'\"“”‘’é가-힣]{0,40}",
        ) {
            let pair = Pair::new(&ko, &en);
            let mut v = Vec::new();
            check(&pair, &mut v, &mut Vec::new());
            crate::audit::entities::check(&pair, &mut v);
        }
    }

    #[test]
    fn place_markers_mark_places() {
        let found = names("오리건 주 포틀랜드의 한 남자가 미네소타주 정부를 비판했다.");
        for place in ["오리건", "포틀랜드", "미네소타"] {
            assert!(
                found.contains(&(place.to_string(), Cue::Place)),
                "{place}: {found:?}"
            );
        }
        assert!(names("이번 주 몇 시에 만날까?").is_empty());
        assert!(names("실험하는데 주로 쓰인다.").is_empty());
    }

    #[test]
    fn quotative_marks_a_name() {
        assert_eq!(
            names("톰이라는 남자가 왔다."),
            vec![("톰".to_string(), Cue::Called)]
        );
    }

    #[test]
    fn loanword_shape_marks_a_name_but_not_native_words() {
        assert_eq!(
            names("우리는 크루즈를 탔다."),
            vec![("크루즈".to_string(), Cue::Shape)]
        );
        assert!(names("그는 스스로 드디어 그것을 했다.").is_empty());
    }

    #[test]
    fn missing_name_is_reported_and_present_name_is_not() {
        let ko = "데이비드 밀러 대변인은 회의가 끝났다고 말했다.";
        let mut v = Vec::new();
        check(
            &Pair::new(ko, "The spokesman said the meeting was over."),
            &mut v,
            &mut Vec::new(),
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].ko.map(|s| &ko[s.range()]), Some("데이비드 밀러"));
        let mut v = Vec::new();
        check(
            &Pair::new(ko, "Spokesman David Miller said the meeting was over."),
            &mut v,
            &mut Vec::new(),
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn one_name_spelled_two_ways_is_a_variant() {
        let pairs = [
            ("최태원 회장은 말했다.", "Chairman Chey Tae-won said so."),
            ("최태원 회장은 웃었다.", "Chairman Chey Tae-won laughed."),
            ("최태원 회장은 떠났다.", "Chairman Choi Tae-won left."),
        ];
        let per_pair: Vec<Vec<Rendering>> = pairs
            .iter()
            .map(|(ko, en)| renderings(&Pair::new(ko, en)))
            .collect();
        assert!(!per_pair[0].is_empty(), "{per_pair:?}");
        let v = variants(&per_pair);
        assert!(v[0].is_empty() && v[1].is_empty());
        assert_eq!(v[2].len(), 1);
        assert_eq!(v[2][0].0.en, "Choi Tae-won");
        assert_eq!(v[2][0].1, "Chey Tae-won");
    }

    #[test]
    fn forms_and_other_names_are_no_variants() {
        assert!(is_variant("cheytaewon", "choitaewon"));
        assert!(!is_variant("iraq", "iraqi"));
        assert!(!is_variant("zambia", "zimbabwe"));
    }

    #[test]
    fn korean_name_matches_joined_english_words() {
        let p = Pair::new("김정은 위원장이 말했다.", "Kim Jong-un said so.");
        assert!(best_match("김정은", &p, &EnglishKeys::new(&p), true).0 >= MATCH);
    }
}

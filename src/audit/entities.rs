//! Names and terms: Latin-script names and acronyms of the Korean that the
//! English lost, and English whose grammar shows a word was cut out (an
//! article or `of` left dangling before punctuation, and the holes of
//! [`super::holes`]).

use super::text::{fold_hash, is_hangul, words, Token};
use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;
use std::collections::HashSet;

/// Weight of an acronym of the Korean missing from the English. Alone it
/// does not condemn a pair: news translations often spell an acronym out in
/// words or leave a detail out.
const MISSING_WEIGHT: f64 = 2.25;
/// Weight of a Latin-script name of the Korean (`Betty`, `Grand Canyon`)
/// missing from the English. A translator copies such a name or, rarely,
/// turns it into a pronoun; it is missing from a small share of sound
/// translations but from most of those that lost a name.
const NAME_WEIGHT: f64 = 3.5;
/// Weight of a missing lowercase Latin word (often a vocabulary gloss).
const MISSING_LOWER_WEIGHT: f64 = 1.0;
/// Cap on the total for several missing terms (they are not independent).
const MISSING_CAP: f64 = 7.0;
/// Weight of an article or `of` directly before punctuation.
const DANGLING_WEIGHT: f64 = 3.5;
/// Weight of a missing Latin gloss in parentheses after Korean (`국제원자력기구(IAEA)`):
/// the translator may well use either form.
const GLOSS_WEIGHT: f64 = 1.0;
/// Longest run of capitalised English words an acronym may abbreviate.
const MAX_ACRONYM: usize = 6;

/// Report names and terms of `pair` missing from its English.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    missing_latin(pair, out);
    dangling(pair, out);
    super::holes::check(pair, out);
}

/// The hashes under which the English can be found: each word, the word
/// without a possessive or plural `s`, and the initials of capitalised runs
/// (so `IAEA` matches `International Atomic Energy Agency`).
pub fn english_keys(en: &str, toks: &[Token]) -> HashSet<u64> {
    let mut keys = HashSet::with_capacity(toks.len() * 3);
    for t in toks {
        let w = &en[t.span.range()];
        keys.insert(t.hash);
        for suffix in ["'s", "’s", "s", "es"] {
            if let Some(stem) = w.strip_suffix(suffix).filter(|s| s.len() >= 2) {
                keys.insert(fold_hash(stem));
            }
        }
        // Hyphenated compounds (`Samsung-made`) contain their parts.
        if w.contains('-') {
            for part in w.split('-').filter(|p| !p.is_empty()) {
                keys.insert(fold_hash(part));
            }
        }
    }
    let mut initials = String::new();
    for i in 0..toks.len() {
        initials.clear();
        for u in toks[i..].iter().take(MAX_ACRONYM + 2) {
            let w = &en[u.span.range()];
            let Some(first) = w.chars().next() else { break };
            if first.is_uppercase() {
                initials.push(first);
                if initials.chars().count() >= 2 {
                    keys.insert(fold_hash(&initials));
                }
            } else if !matches!(w, "of" | "and" | "for" | "the" | "on" | "&") {
                break;
            }
        }
    }
    keys
}

/// One Latin word of the Korean: its span, and the Hangul glued after it
/// (`AC밀란의` is `AC` then `밀란의`).
struct LatinWord {
    span: Span,
    glued: Span,
}

/// Latin words of the Korean grouped into terms: words separated by one
/// space belong together (`Grand Canyon`, `Jay Hans`).
fn latin_terms(ko: &str) -> Vec<Vec<LatinWord>> {
    let mut terms: Vec<Vec<LatinWord>> = Vec::new();
    let mut last_end = None;
    for t in words(ko) {
        let w = &ko[t.span.range()];
        let latin_end = w
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '\'' | '-' | '’')))
            .map_or(w.len(), |(i, _)| i);
        let lw = &w[..latin_end];
        // A possessive or a closing apostrophe is not part of the name.
        let lw = lw
            .strip_suffix("'s")
            .or_else(|| lw.strip_suffix("’s"))
            .unwrap_or(lw)
            .trim_end_matches(['\'', '’']);
        if !is_term(ko, t.span.start, lw) {
            last_end = None;
            continue;
        }
        let span = Span::new(t.span.start, t.span.start + lw.len());
        let glued = Span::new(t.span.start + latin_end, t.span.end);
        let word = LatinWord { span, glued };
        match (last_end, terms.last_mut()) {
            (Some(end), Some(term)) if ko.get(end..span.start) == Some(" ") => term.push(word),
            _ => terms.push(vec![word]),
        }
        last_end = (glued.start == glued.end).then_some(span.end);
    }
    terms
}

/// True when Latin word `w` of the Korean is in the English: as a word or
/// part of one (case and possessive aside), as the initials of a run of
/// words (`IAEA`; `CEO` for *chief executive officer*), with its letters
/// transposed (`ICO` for `IOC`). A name spelt differently is not found:
/// the calibration weighs how often that is a real drop.
fn latin_found(w: &str, pair: &Pair<'_>, keys: &HashSet<u64>, initials: &HashSet<u64>) -> bool {
    if keys.contains(&fold_hash(w)) || pair.en.contains(w) {
        return true;
    }
    let acronym = w.len() >= 2
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if acronym && w.len() >= 3 && initials.contains(&fold_hash(w)) {
        return true;
    }
    pair.en_words.iter().any(|t| {
        let e = &pair.en[t.span.range()];
        acronym
            && e.len() == w.len()
            && e.bytes().all(|b| b.is_ascii_uppercase())
            && same_letters(e, w)
    })
}

/// True when `a` and `b` hold the same letters in some order.
fn same_letters(a: &str, b: &str) -> bool {
    let mut x: Vec<u8> = a.bytes().collect();
    let mut y: Vec<u8> = b.bytes().collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// Initials of every run of two to six English words of any case (the
/// lowercase expansions of acronyms: *chief executive officer*).
fn lowercase_initials(en: &str, toks: &[Token]) -> HashSet<u64> {
    let mut set = HashSet::new();
    let mut initials = String::new();
    for i in 0..toks.len() {
        initials.clear();
        for u in toks[i..].iter().take(MAX_ACRONYM) {
            let Some(first) = en[u.span.range()].chars().next() else {
                break;
            };
            if !first.is_alphabetic() {
                break;
            }
            initials.push(first);
            if initials.len() >= 3 {
                set.insert(fold_hash(&initials));
            }
        }
    }
    set
}

/// Latin terms of the Korean (ASCII letters, maybe with digits) that the
/// English does not contain. Units glued to a number (`900mm`, `5kg`) are
/// part of the quantity, which the number check owns. A name of several
/// words counts once, and is present when one of its words is.
fn missing_latin(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let ko = pair.ko;
    if !ko.bytes().any(|b| b.is_ascii_alphabetic()) {
        return;
    }
    let terms = latin_terms(ko);
    if terms.is_empty() {
        return;
    }
    let keys = english_keys(pair.en, &pair.en_words);
    let initials = lowercase_initials(pair.en, &pair.en_words);
    let mut sounds = None;
    let mut total = 0.0;
    let mut lower_total = 0.0;
    for term in terms {
        let found = term.iter().any(|lw| {
            let w = &ko[lw.span.range()];
            if latin_found(w, pair, &keys, &initials) {
                return true;
            }
            // `AC밀란`: the Hangul half of the name may be rendered instead.
            let glued = &ko[lw.glued.range()];
            let stem: String = glued.chars().take_while(|&c| is_hangul(c)).collect();
            stem.chars().count() >= 2
                && sounds
                    .get_or_insert_with(|| {
                        super::sound::EnglishSounds::new(pair.en, &pair.en_words)
                    })
                    .hears(&stem, false)
        });
        if found {
            continue;
        }
        let (Some(first), Some(last)) = (term.first(), term.last()) else {
            continue;
        };
        let span = Span::new(first.span.start, last.span.end);
        let text = &ko[span.range()];
        let gloss = ko[..span.start].ends_with('(')
            && ko[..span.start - 1]
                .chars()
                .next_back()
                .is_some_and(is_hangul);
        let name = term.iter().any(|lw| {
            let w = &ko[lw.span.range()];
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().any(|b| b.is_ascii_lowercase())
        });
        let capital = text.starts_with(|c: char| c.is_ascii_uppercase());
        let full = if gloss {
            GLOSS_WEIGHT
        } else if name {
            NAME_WEIGHT
        } else if capital {
            MISSING_WEIGHT
        } else {
            MISSING_LOWER_WEIGHT
        };
        let lower = !gloss && !capital;
        let mut weight = full.min(MISSING_CAP - total);
        if lower {
            // Lowercase words (often vocabulary glosses) count once together.
            weight = weight.min(MISSING_LOWER_WEIGHT - lower_total);
            lower_total += weight.max(0.0);
        }
        if weight <= 0.0 {
            continue;
        }
        total += weight;
        // English news refers to an organisation named before by what it
        // is (`the company`, `the chipmaker`): a description, not a drop.
        let described = capital && describes_organisation(pair.en);
        let (message, class) = if described {
            (
                format!("`{text}` of the Korean is rendered by a description in the English"),
                "described",
            )
        } else {
            (
                format!("`{text}` of the Korean is missing from the English"),
                "latin",
            )
        };
        out.push(
            Signal::new(Code::EntityDrop, weight, message)
                .ko(span)
                .class(class),
        );
    }
}

/// Nouns English news uses for an organisation already named.
const DESCRIPTIONS: &[&str] = &[
    "company",
    "firm",
    "group",
    "conglomerate",
    "carrier",
    "chipmaker",
    "automaker",
    "carmaker",
    "shipbuilder",
    "maker",
    "manufacturer",
    "retailer",
    "bank",
    "lender",
    "insurer",
    "operator",
    "platform",
    "agency",
    "organization",
    "organisation",
    "club",
    "team",
    "band",
    "label",
    "brand",
    "subsidiary",
    "affiliate",
    "unit",
];

/// True when the English speaks of `the` (or `its`) plus a description
/// noun: `the company`, `the Korean chipmaker`, `the group's`.
fn describes_organisation(en: &str) -> bool {
    let words: Vec<&str> = en
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let w = w.to_ascii_lowercase();
        DESCRIPTIONS.contains(&w.as_str())
            && words[i.saturating_sub(3)..i]
                .iter()
                .any(|d| d.eq_ignore_ascii_case("the") || d.eq_ignore_ascii_case("its"))
    })
}

/// True when the Latin word `w` at `start` of `ko` is a name or term to find
/// in the English: two or more letters, not a unit glued to a number.
fn is_term(ko: &str, start: usize, w: &str) -> bool {
    let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
    if letters < 2 || !w.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let after_digit = ko[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    !after_digit
}

/// Titles that always precede a name.
/// English whose grammar shows a word was cut out: an article or `of`
/// directly before punctuation, a reporting verb
/// without a speaker, a quotation that starts mid-sentence.
fn dangling(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let en = pair.en;
    if let Some(span) = broken_quote(en) {
        out.push(
            Signal::new(
                Code::EntityDrop,
                DANGLING_WEIGHT,
                "the quotation starts mid-sentence: its first words seem cut out",
            )
            .en(span)
            .class("hole"),
        );
        return;
    }
    for t in &pair.en_words {
        let w = &en[t.span.range()];
        if matches!(w, "said" | "says" | "told" | "added") && no_subject(en, t.span) {
            out.push(
                Signal::new(
                    Code::EntityDrop,
                    DANGLING_WEIGHT,
                    format!("`{w}` has no subject: the speaker's name seems cut out"),
                )
                .en(t.span)
                .class("hole"),
            );
            return;
        }
        if !matches!(w, "the" | "a" | "an" | "of") {
            continue;
        }
        // `(a)` is a list label; `a.m.` and other dotted abbreviations go on.
        let dotted = en[t.span.end..]
            .strip_prefix('.')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_alphabetic());
        if dotted || (w == "a" && en[..t.span.start].ends_with('(')) {
            continue;
        }
        let next = en[t.span.end..]
            .chars()
            .find(|c| !(c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’')));
        // At the very end the word is the truncation check's finding.
        let is_last = pair.en_words.last().is_some_and(|l| l.span == t.span);
        let hanging = !is_last
            && match next {
                None => false,
                Some('?') => w != "of",
                Some(c) => matches!(c, ',' | '.' | ';' | ':' | '!' | ')'),
            };
        if hanging {
            out.push(
                Signal::new(
                    Code::EntityDrop,
                    DANGLING_WEIGHT,
                    format!("`{w}` is left hanging: a name or word seems cut out after it"),
                )
                .en(t.span)
                .class("hole"),
            );
            return;
        }
    }
}

/// A reporting verb between a closing quote and punctuation (`…," said.`):
/// English always names the speaker there.
fn no_subject(en: &str, verb: Span) -> bool {
    let before = en[..verb.start].trim_end().chars().next_back();
    let after = en[verb.end..].trim_start().chars().next();
    before.is_some_and(|c| matches!(c, '"' | '”' | '\'' | '’'))
        && after.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':'))
}

/// An opening quotation mark directly followed by punctuation (`", madam"`)
/// or by a space and a lowercase word (`" until the rain stops"`): the first
/// words of the quotation were cut.
fn broken_quote(en: &str) -> Option<Span> {
    let mut prev = ' ';
    for (i, c) in en.char_indices() {
        // A straight quote opens only at the start of a word.
        let opening = c == '“' || (c == '"' && (prev.is_whitespace() || "([{".contains(prev)));
        prev = c;
        if !opening {
            continue;
        }
        let rest = &en[i + c.len_utf8()..];
        let trimmed = rest.trim_start();
        let spaced = trimmed.len() < rest.len();
        let next = trimmed.chars().next();
        let broken = match next {
            Some(',' | '.' | ';' | ':' | '!' | '?') => true,
            Some(n) => spaced && n.is_lowercase(),
            None => false,
        };
        if broken {
            return Some(Span::new(i, i + c.len_utf8()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ko: &str, en: &str) -> Vec<Signal> {
        crate::audit::run_check(check, ko, en)
    }

    #[test]
    fn a_description_of_the_organisation_is_its_own_class() {
        let v = run(
            "HD한국조선해양의 수주액은 152억 달러다.",
            "The company's orders total $15.2 billion.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].class, "described");
        let v = run(
            "HD한국조선해양의 수주액은 152억 달러다.",
            "Orders total $15.2 billion.",
        );
        assert_eq!(v[0].class, "latin");
    }

    #[test]
    fn missing_acronym_is_reported_on_the_korean_side() {
        let ko = "삼성전자는 HBM 생산을 늘린다.";
        let v = run(
            ko,
            "Samsung Electronics will increase production of memory.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].ko.map(|s| &ko[s.range()]), Some("HBM"));
    }

    #[test]
    fn present_terms_match_case_and_possessive_insensitively() {
        assert!(run(
            "Galaxy S25는 Apple의 경쟁작이다.",
            "The Galaxy S25 is Apple's rival."
        )
        .is_empty());
    }

    #[test]
    fn acronym_matches_expansion() {
        assert!(run(
            "IAEA는 성명을 냈다.",
            "The International Atomic Energy Agency issued a statement."
        )
        .is_empty());
    }

    #[test]
    fn missing_gloss_is_weak() {
        let v = run(
            "국제원자력기구(IAEA)는 성명을 냈다.",
            "The nuclear watchdog issued a statement.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].weight, GLOSS_WEIGHT);
    }

    #[test]
    fn a_latin_name_of_several_words_counts_once() {
        let ko = "우리는 Blue Ridge에 갔다.";
        let v = run(ko, "We went to the mountains.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].ko.map(|s| &ko[s.range()]), Some("Blue Ridge"));
        assert_eq!(v[0].weight, NAME_WEIGHT);
        assert!(run(ko, "We went to the Blue mountains.").is_empty());
    }

    #[test]
    fn acronyms_match_lowercase_expansions_and_transposed_letters() {
        assert!(run("CFO가 사임했다.", "The chief financial officer resigned.").is_empty());
        assert!(run("UNO가 발표했다.", "The UON announced it.").is_empty());
    }

    #[test]
    fn a_name_spelt_otherwise_is_reported_for_calibration_to_weigh() {
        let v = run("Abdul-Rahmen이 왔다.", "Abdul-Rahman arrived yesterday.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].class, "latin");
    }

    #[test]
    fn latin_half_of_a_name_glued_to_hangul_is_found_through_the_hangul() {
        assert!(run("FC바르셀로나가 이겼다.", "Barcelona won.").is_empty());
        assert_eq!(run("FC바르셀로나가 이겼다.", "The club won.").len(), 1);
    }

    #[test]
    fn units_glued_to_numbers_are_not_terms() {
        assert!(run("비가 900mm 내렸다.", "It rained 36 inches.").is_empty());
    }

    #[test]
    fn dangling_article_is_reported() {
        let v = run("그는 음악을 들었다.", "He listened to the, and smiled.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, Code::EntityDrop);
    }

    #[test]
    fn abbreviations_are_not_hanging_articles() {
        assert!(run(
            "오전 10시에 시작했다.",
            "It began at 10 a.m. and ended at noon."
        )
        .is_empty());
    }

    #[test]
    fn a_title_alone_is_no_finding() {
        assert!(run("한 교수는 웃었다.", "Prof. Han smiled at the class.").is_empty());
        assert!(run("그는 병원에 갔다.", "He saw the Dr. at noon.").is_empty());
    }

    #[test]
    fn reporting_verb_without_speaker_is_reported() {
        assert_eq!(run("그는 말했다.", "\"We are ready,\" said.").len(), 1);
        assert_eq!(
            run("그는 말했다.", "\"Ready,\" said, a spokesman.").len(),
            1
        );
        assert!(run("그는 말했다.", "But Kim, noting it, said, \"Ready.\"").is_empty());
        assert!(run("그는 말했다.", "\"Ready,\" said Kim.").is_empty());
        assert!(run("그는 말했다.", "She said, \"Ready.\"").is_empty());
    }

    #[test]
    fn quotation_cut_at_its_start_is_reported() {
        assert_eq!(run("그는 말했다.", "\", madam,\" she replied.").len(), 1);
        assert_eq!(
            run("그는 말했다.", "She wrote, \" until the rain stops.\"").len(),
            1
        );
        assert!(run("그는 말했다.", "\"Not now,\" he said, \"maybe later.\"").is_empty());
        assert!(run("그는 말했다.", "I can buy it!\" she said.").is_empty());
    }

    #[test]
    fn question_final_preposition_is_english() {
        assert!(run("무엇이 두렵니?", "What are you afraid of?").is_empty());
    }
}

//! Holes in the English: grammar that shows a word, most often a name, was
//! cut out of a sentence that was otherwise left as it was.
//!
//! Each rule is a fact of English grammar that a removed name breaks:
//!
//! * `an` before a consonant, `a` before a vowel (`from an militant group`:
//!   the word the article agreed with is gone);
//! * a sentence-opening phrase followed by a finite verb with no subject
//!   (`Now, loves to learn.`);
//! * a reporting verb with no speaker (`…, said, it …`, `…," said Monday`,
//!   `…," told the paper`);
//! * a role noun used bare before a reporting verb: English drops the
//!   article only before a name (`White House spokeswoman said.`);
//! * a possessive `'s` with no owner; `its`, `their`, `our`, `my`, `your`
//!   before punctuation; `and`/`or` before punctuation and a new subject
//!   (`Dear Sir or, I am writing`);
//! * an opening single quote followed by a space and a lowercase word.
//!
//! Rules look at a word and its neighbours only: linear in the text.
//!
//! Real appositions, quotations and ellipses can leave the same marks, so
//! these signals are their own evidence class (`hole`): the calibration
//! decides how far they are trusted, and keeps them below `error` unless
//! they hold that precision on labelled real text.

use super::{Pair, Signal};
use crate::diagnostic::Code;
use crate::span::Span;

/// Weight of one hole. These patterns are rare in sound English (none in
/// several hundred checked translations) and typical of a cut, but a
/// translator's typo can make them too.
const HOLE_WEIGHT: f64 = 3.5;
/// Weight of the patterns that careless but sound English shows now and
/// then (article agreement, a comma before a parenthesis).
const SOFT_WEIGHT: f64 = 2.5;
/// Cap on the total of several holes.
const CAP: f64 = 5.0;

/// Report holes in `pair`'s English.
pub fn check(pair: &Pair<'_>, out: &mut Vec<Signal>) {
    let en = pair.en;
    let toks = &pair.en_words;
    let mut total = 0.0;
    let mut push = |weight: f64, span: Span, message: String, out: &mut Vec<Signal>| {
        let w = weight.min(CAP - total);
        if w > 0.0 {
            total += w;
            out.push(
                Signal::new(Code::EntityDrop, w, message)
                    .en(span)
                    .class("hole"),
            );
        }
    };
    if let Some(span) = acronym_without_expansion(en, toks) {
        push(
            SOFT_WEIGHT,
            span,
            "the acronym in parentheses follows no name it abbreviates: the name seems cut out"
                .into(),
            out,
        );
    }
    if let Some(span) = lone_possessive(en) {
        push(
            HOLE_WEIGHT,
            span,
            "a possessive `'s` with no owner: a name seems cut out".into(),
            out,
        );
    }
    if let Some(span) = open_single_quote(en) {
        push(
            HOLE_WEIGHT,
            span,
            "the quotation starts mid-sentence: its first words seem cut out".into(),
            out,
        );
    }
    for (i, t) in toks.iter().enumerate() {
        let w = &en[t.span.range()];
        let next = toks.get(i + 1).map(|n| (&en[n.span.range()], n.span));
        let gap = next.map_or(&en[t.span.end..], |(_, s)| &en[t.span.end..s.start]);
        let found: Option<(f64, String)> = match w {
            "an" | "An" | "a" | "A" => article_mismatch(w, gap, next.map(|n| n.0)).then(|| {
                (
                    SOFT_WEIGHT,
                    format!(
                        "`{w}` does not fit the word after it: the word it went with seems cut out"
                    ),
                )
            }),
            "its" | "their" | "our" | "my" | "your" => gap
                .trim_start()
                .starts_with([',', '.', ';', ':', ')'])
                .then(|| {
                    (
                        HOLE_WEIGHT,
                        format!("`{w}` is left hanging: a word seems cut out after it"),
                    )
                }),
            "and" | "or" | "but" => conjunction_before_subject(gap, next.map(|n| n.0)).then(|| {
                (
                    HOLE_WEIGHT,
                    format!("`{w}` is left hanging: a word seems cut out after it"),
                )
            }),
            _ => None,
        }
        .or_else(|| reporting_without_speaker(en, toks, i))
        .or_else(|| bare_role(en, toks, i))
        .or_else(|| subjectless_verb(en, toks, i));
        if let Some((weight, message)) = found {
            push(weight, t.span, message, out);
        }
    }
}

/// `an` before a consonant letter or `a` before a vowel letter (`an
/// militant`, `a offshoot`), in lowercase words where spelling tells the
/// sound: `an hour`, `a unit`, `a one-off` are right.
fn article_mismatch(article: &str, gap: &str, next: Option<&str>) -> bool {
    let Some(n) = next else { return false };
    if gap != " " || n.len() < 2 || !n.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let first = n.as_bytes()[0];
    let vowel = matches!(first, b'a' | b'e' | b'i' | b'o' | b'u');
    if article.eq_ignore_ascii_case("an") {
        // Silent h, and the h that older British usage treats so (`an
        // historic`, `an hotel`).
        const SILENT_H: &[&str] = &[
            "hour", "honest", "honor", "honour", "heir", "herb", "histor", "hotel", "heroic",
            "habitual", "hysteric",
        ];
        !vowel && !SILENT_H.iter().any(|h| n.starts_with(h))
    } else {
        // u, eu, one: the letter is a vowel but the sound starts with y or w.
        const CONSONANT_SOUND: &[&str] = &["u", "eu", "ew", "one", "once", "ouija"];
        vowel && !CONSONANT_SOUND.iter().any(|p| n.starts_with(p))
    }
}

/// Common irregular past forms (a verb right after an opening phrase shows
/// the subject is gone).
const IRREGULAR_PAST: &[&str] = &[
    "went", "made", "took", "gave", "said", "told", "hid", "left", "came", "ran", "saw", "got",
    "bought", "brought", "thought", "knew", "found", "became", "began", "kept", "held", "sent",
    "spent", "built", "lost", "won", "wrote", "spoke", "stole", "sold", "paid", "met", "led",
    "fell", "felt", "drove", "flew", "threw", "grew", "drew", "chose", "broke", "stood", "sat",
    "fought", "caught", "taught", "sought", "was", "had", "did",
];

/// A finite past form: irregular, or a lowercase `-ed` word.
fn is_past_verb(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w)
        || (w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// `and`/`or`/`but` before a comma and a new subject (`Sir or, I am`), or
/// before a full stop, semicolon or colon with text after it.
fn conjunction_before_subject(gap: &str, next: Option<&str>) -> bool {
    let g = gap.trim();
    match g {
        "," => next.is_some_and(|n| matches!(n, "I" | "we" | "you" | "he" | "she" | "they")),
        "." | ";" | ":" => next.is_some(),
        _ => false,
    }
}

/// Verbs that report speech.
fn is_reporting(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "added" | "noted" | "explained" | "stated" | "quoted"
    )
}

/// Words that cannot be the speaker in `"…," said X`: a day or time, a
/// preposition.
const NOT_SPEAKERS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "on",
    "in",
    "at",
    "from",
    "during",
    "after",
    "before",
    "while",
    "last",
    "this",
    "earlier",
    "later",
];

/// A reporting verb with no speaker: between commas (`…, said, it …`),
/// after a quotation and before punctuation, a day or a preposition
/// (`…," said Monday from`), or `told`/`quoted` right after a quotation
/// (which, unlike `said`, do not put the speaker after them).
fn reporting_without_speaker(
    en: &str,
    toks: &[super::text::Token],
    i: usize,
) -> Option<(f64, String)> {
    let t = toks[i];
    let w = &en[t.span.range()];
    if !is_reporting(w) {
        return None;
    }
    let before = en[..t.span.start].trim_end_matches(' ');
    let after = &en[t.span.end..];
    let after_quote = before
        .strip_suffix(['"', '”', '\'', '’'])
        .is_some_and(|b| b.ends_with([',', '!', '?']));
    let after_comma = before.ends_with(',');
    let next_punct = after.starts_with([',', '.', ';', ':']);
    let next = toks.get(i + 1).map(|n| &en[n.span.range()]);
    // (`…," said.` is the quotation check's finding.)
    let hole = (after_comma && next_punct && !after_parenthetical(before))
        || (after_quote
            && after.starts_with(' ')
            && next.is_some_and(|n| {
                NOT_SPEAKERS.contains(&n) || crate::numbers::english_weekday(n).is_some()
            }))
        || (after_quote && matches!(w, "told" | "quoted") && after.starts_with(' '));
    hole.then(|| {
        (
            HOLE_WEIGHT,
            format!("`{w}` has no subject: the speaker's name seems cut out"),
        )
    })
}

/// True when the clause before the final comma of `before` is a
/// parenthetical (`Kim, noting it, said`): it starts with a participle or a
/// relative pronoun after a comma, and the subject stands before it.
fn after_parenthetical(before: &str) -> bool {
    let body = before.strip_suffix(',').unwrap_or(before);
    let Some(k) = body.rfind(',') else {
        return false;
    };
    let first = body[k + 1..].split_whitespace().next().unwrap_or("");
    first.ends_with("ing")
        || first.ends_with("ed")
        || matches!(
            first,
            "who" | "which" | "whose" | "whom" | "where" | "according"
        )
}

/// Role nouns that English uses without an article only before a name.
const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "broadcaster",
    "minister",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "official",
    "commander",
    "prosecutor",
    "lawyer",
    "attorney",
    "coach",
    "manager",
    "actress",
    "actor",
    "singer",
    "governor",
    "senator",
    "mayor",
    "ambassador",
    "envoy",
    "chief",
    "president",
    "founder",
    "professor",
    "researcher",
];

/// Determiners (and the like) that make a role noun phrase complete.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "one",
    "another", "every", "each", "any", "no",
];

/// A singular role noun before a reporting verb with no determiner or
/// possessive before it (`Broadcaster said`, `White House spokeswoman
/// said`): the name that followed the role is gone.
fn bare_role(en: &str, toks: &[super::text::Token], i: usize) -> Option<(f64, String)> {
    let t = toks[i];
    let w = &en[t.span.range()];
    let next = toks.get(i + 1)?;
    if !is_reporting(&en[next.span.range()])
        || en.get(t.span.end..next.span.start) != Some(" ")
        || !ROLES.iter().any(|r| r.eq_ignore_ascii_case(w))
    {
        return None;
    }
    // Walk back over capitalised modifiers (`White House`).
    let determiner = |x: &str| DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(x));
    let mut j = i;
    while j > 0 {
        let p = toks[j - 1];
        let pw = &en[p.span.range()];
        let joined = en.get(p.span.end..toks[j].span.start) == Some(" ");
        let capital = pw.starts_with(|c: char| c.is_uppercase());
        if !joined || !capital || determiner(pw) {
            break;
        }
        if pw.ends_with("'s") || pw.ends_with("’s") {
            // A possessive (`Obama's spokesman`) completes the phrase.
            return None;
        }
        j -= 1;
    }
    let start = toks[j].span.start;
    let before = en[..start].trim_end();
    let opens = before.is_empty() || before.ends_with(['.', ',', ';', ':', '"', '”', '“']);
    let first = &en[toks[j].span.range()];
    if !opens || determiner(first) {
        return None;
    }
    Some((
        HOLE_WEIGHT,
        format!("`{w}` stands without an article: the name after it seems cut out"),
    ))
}

/// Verbs whose `-s` form is no plural noun.
const THIRD_PERSON: &[&str] = &[
    "loves",
    "likes",
    "wants",
    "hates",
    "prefers",
    "refuses",
    "decides",
    "agrees",
    "seems",
    "begins",
    "continues",
    "learns",
    "intends",
    "expects",
    "manages",
    "fails",
    "tends",
    "enjoys",
    "knows",
    "thinks",
    "believes",
    "says",
    "lives",
    "works",
];

/// Words after which a verb has its object or complement.
const OBJECT_STARTS: &[&str] = &[
    "to", "the", "a", "an", "his", "her", "their", "its", "him", "them", "it", "me", "us", "that",
    "my", "your", "our",
];

/// An opening phrase followed by a finite verb with no subject (`Now,
/// loves to learn.`, `For decades, hid a secret`): a sentence starts, one
/// to five words lead to a comma, and a past form or a third-person verb
/// with its object follows.
fn subjectless_verb(en: &str, toks: &[super::text::Token], i: usize) -> Option<(f64, String)> {
    let t = toks[i];
    let w = &en[t.span.range()];
    let before = &en[..t.span.start];
    let phrase = before.strip_suffix(", ")?;
    let next = toks.get(i + 1).map(|n| &en[n.span.range()])?;
    if !OBJECT_STARTS.contains(&next)
        || !(IRREGULAR_PAST.contains(&w) || THIRD_PERSON.contains(&w) || is_past_verb(w))
    {
        return None;
    }
    // The opening phrase runs from the start of the sentence to the comma.
    let start = phrase
        .rfind(['.', '!', '?', ',', ';', ':'])
        .map_or(0, |k| k + 1);
    if start > 0 && !phrase[..start].ends_with(['.', '!', '?']) {
        return None;
    }
    let intro = phrase[start..].trim_start_matches([' ', '"', '“']);
    let words = intro.split_whitespace().count();
    let capital = intro.starts_with(|c: char| c.is_uppercase());
    // A question may invert (`Now, was it worth it?`).
    let question = en[t.span.end..]
        .split(['.', '!'])
        .next()
        .is_some_and(|s| s.contains('?'));
    ((1..=5).contains(&words) && capital && !question).then(|| {
        (
            HOLE_WEIGHT,
            format!("`{w}` has no subject: a name seems cut out before it"),
        )
    })
}

/// How many words before a parenthesised acronym its expansion may span.
const EXPANSION_WINDOW: usize = 10;

/// An acronym in parentheses (`(ATEK)`) whose letters the capitalised words
/// before it do not begin: English writes the name, then its acronym; with
/// fewer than two of its letters there, the name was cut. A dateline
/// (`LONDON, England (CNN)`), with no lowercase word before the parenthesis,
/// is no such pair.
fn acronym_without_expansion(en: &str, toks: &[super::text::Token]) -> Option<Span> {
    for (i, t) in toks.iter().enumerate() {
        let w = &en[t.span.range()];
        let acronym = w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase());
        if !acronym || !en[..t.span.start].ends_with('(') || !en[t.span.end..].starts_with(')') {
            continue;
        }
        let window = &toks[i.saturating_sub(EXPANSION_WINDOW)..i];
        let words = window.iter().map(|u| &en[u.span.range()]);
        if !words
            .clone()
            .any(|u| u.starts_with(|c: char| c.is_lowercase()))
        {
            continue;
        }
        // The longest run of the acronym's letters, in order, among the
        // initials of the words, capitalised or not (`exclusive economic
        // zone (EEZ)`); a small table: ten words, a few letters.
        let initials: Vec<u8> = words
            .filter_map(|u| u.bytes().next().map(|b| b.to_ascii_uppercase()))
            .collect();
        let letters = w.as_bytes();
        let mut row = vec![0usize; letters.len() + 1];
        for &c in &initials {
            let mut diag = 0;
            for (j, &l) in letters.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if c == l { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        let found = row[letters.len()];
        if found < 2 {
            return Some(t.span);
        }
    }
    None
}

/// `'s` standing alone after a space (`In most 's previous talks`).
fn lone_possessive(en: &str) -> Option<Span> {
    let mut prev = ' ';
    for (i, c) in en.char_indices() {
        if matches!(c, '\'' | '’' | '´') && (prev.is_whitespace() || i == 0) {
            let rest = &en[i + c.len_utf8()..];
            if let Some(after) = rest.strip_prefix('s') {
                if !after.starts_with(|n: char| n.is_alphanumeric()) {
                    return Some(Span::new(i, i + c.len_utf8() + 1));
                }
            }
        }
        prev = c;
    }
    None
}

/// An opening single quote followed by a space and a lowercase word
/// (`shouting, ' do not do that!`).
fn open_single_quote(en: &str) -> Option<Span> {
    let mut prev = ' ';
    for (i, c) in en.char_indices() {
        let at_start = prev.is_whitespace() || i == 0;
        prev = c;
        if !(matches!(c, '\'' | '‘') && at_start) {
            continue;
        }
        let rest = &en[i + c.len_utf8()..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.len() < rest.len() && trimmed.starts_with(|n: char| n.is_ascii_lowercase()) {
            return Some(Span::new(i, i + c.len_utf8()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holes(en: &str) -> Vec<Signal> {
        let mut v = Vec::new();
        check(&Pair::new("그는 말했다.", en), &mut v);
        v
    }

    fn has_hole(en: &str) -> bool {
        !holes(en).is_empty()
    }

    #[test]
    fn article_that_no_longer_agrees_is_a_hole() {
        assert!(has_hole("They joined an radical movement."));
        assert!(has_hole("It was a unusual, a odd choice."));
        assert!(!has_hole("It took an hour and a unique effort."));
        assert!(!has_hole("She is an engineer with a one-off idea."));
        assert!(!has_hole("He met an FBI agent."));
    }

    #[test]
    fn opening_phrase_with_a_subjectless_verb_is_a_hole() {
        assert!(has_hole("Today, wants to travel abroad."));
        assert!(has_hole("For years, hid the letters from everyone."));
        assert!(!has_hole("Today, she wants to travel abroad."));
        assert!(!has_hole("In 2010, exports to the region rose."));
        assert!(!has_hole("Now, was that the right call?"));
    }

    #[test]
    fn reporting_verb_without_speaker_is_a_hole() {
        assert!(has_hole("By noon, said, the roads will be closed."));
        assert!(!has_hole("But as I said, the roads will be closed."));
        assert!(has_hole("\"We will win,\" said Friday in the capital."));
        assert!(has_hole("\"It is over,\" told the newspaper."));
        assert!(!has_hole("\"We will win,\" said the coach on Friday."));
        assert!(!has_hole("As she said, the roads will be closed."));
        assert!(!has_hole("But Lee, seeing the crowd, said, \"No.\""));
    }

    #[test]
    fn bare_role_before_a_reporting_verb_is_a_hole() {
        assert!(has_hole("Police spokesman said the road was closed."));
        assert!(has_hole("\"It is over,\" City Hall spokeswoman said."));
        assert!(!has_hole("The spokesman said the road was closed."));
        assert!(!has_hole(
            "Police spokesman Tim Ross said the road was closed."
        ));
        assert!(!has_hole("Obama's spokesman said no."));
    }

    #[test]
    fn ordinary_news_english_is_no_hole() {
        // Appositions, datelines and fixed phrases of sound English.
        assert!(!has_hole("She spoke on behalf of the family."));
        assert!(!has_hole("He appeared on morning television."));
        assert!(!has_hole("SEOUL, (Yonhap) Prices rose."));
        assert!(!has_hole("A girl named Sue painted the fence."));
    }

    #[test]
    fn orphaned_possessives_and_conjunctions_are_holes() {
        assert!(has_hole("In most 's earlier deals, farming was hard."));
        assert!(has_hole("They lost their, and left."));
        assert!(has_hole("Dear Madam or, we write to ask."));
        assert!(!has_hole("The players' union and the club's owner agreed."));
        assert!(!has_hole("He came and, to our surprise, stayed."));
    }

    #[test]
    fn acronym_without_its_name_is_a_hole() {
        assert!(has_hole("They met the group in Seoul (KTU) on Monday."));
        assert!(!has_hole(
            "They met the Korean Teachers Union (KTU) on Monday."
        ));
        assert!(!has_hole(
            "Leaders of the Association of Southeast Asian Nations (ASEAN) met."
        ));
        assert!(!has_hole("ROME, Italy (AP) Prices rose."));
        assert!(!has_hole(
            "It landed outside the exclusive economic zone (EEZ) at noon."
        ));
    }

    #[test]
    fn quote_cuts_are_holes() {
        assert!(has_hole("He shouted, ' stop that now!"));
        assert!(!has_hole("He said 'stop' and left (quickly)."));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(en in "[a-zA-Z ,.;:'\"“”‘’´()!?가-힣]{0,60}") {
            let mut v = Vec::new();
            check(&Pair::new("그는 말했다.", &en), &mut v);
        }
    }

    #[test]
    fn quotation_marks_of_any_width_are_handled() {
        assert!(has_hole("“It is over,” told the newspaper."));
    }

    #[test]
    fn several_holes_are_capped() {
        let v = holes("Police spokesman said, an radical they, ' stop!");
        let total: f64 = v.iter().map(|s| s.weight).sum();
        assert!(total <= CAP + 1e-9, "{total}");
    }
}

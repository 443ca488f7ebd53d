//! Word lists for English periods: which words before a period are
//! abbreviations, and which words after one open a sentence.
//!
//! All lookups are on short ASCII words and use `match`, so they compile to
//! length-dispatched comparisons with no allocation.

/// How an abbreviation before a period bears on a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name (`Mr.`, `Lt. Col.`): never ends a sentence.
    Title,
    /// Never ends a sentence in practice (`vs.`, `approx.`, `e.g.`).
    Never,
    /// Ends a sentence unless a number follows (`No. 1`, `Fig. 3`, `Jan. 5`).
    BeforeNumber,
    /// A month abbreviation: like `BeforeNumber`, and otherwise ends a sentence
    /// only before a word that opens sentences.
    Month,
    /// Often ends a sentence, often not (`Inc.`, `Jr.`, `Calif.`): ends one only
    /// before a word that opens sentences.
    Ambiguous,
    /// `a.m.` / `p.m.`: ends a sentence unless a day, month or time zone follows.
    Time,
}

/// Classify the word before a period (without the final period; inner
/// periods kept, as in `U.S` or `p.m`). `None` for ordinary words.
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 12 || !word.is_ascii() {
        return None;
    }
    if word.contains('.') {
        return classify_dotted(word);
    }
    let capital = bytes[0].is_ascii_uppercase();
    if capital && is_title(word) {
        return Some(Abbrev::Title);
    }
    if bytes.len() == 1 && capital {
        // An initial (`J. K. Rowling`) or a letter ending a sentence (`Plan B.`).
        return Some(Abbrev::Ambiguous);
    }
    let mut lower = [0u8; 12];
    for (d, s) in lower.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &lower[..bytes.len()];
    match lower {
        b"vs" | b"approx" | b"appr" | b"cf" | b"viz" | b"incl" | b"excl" | b"esp" | b"resp"
        | b"ca" | b"circa" | b"abt" | b"tel" | b"ext" | b"ibid" | b"v" => Some(Abbrev::Never),
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => Some(Abbrev::Month),
        b"no" | b"nos" | b"p" | b"pp" | b"vol" | b"vols" | b"art" | b"arts" | b"fig" | b"figs"
        | b"ch" | b"chap" | b"sec" | b"secs" | b"para" | b"paras" | b"op" | b"ex" | b"eq"
        | b"ref" | b"pt" | b"pts" | b"ed" | b"eds" | b"rev" | b"ver" | b"nr" => {
            Some(Abbrev::BeforeNumber)
        }
        b"inc" | b"corp" | b"co" | b"ltd" | b"llc" | b"plc" | b"bros" | b"jr" | b"sr" | b"esq"
        | b"phd" | b"dept" | b"univ" | b"assn" | b"ave" | b"blvd" | b"rd" | b"hwy" | b"al"
        | b"mfg" | b"intl" | b"govt" | b"gov" | b"ala" | b"ariz" | b"ark" | b"calif" | b"colo"
        | b"conn" | b"fla" | b"kan" | b"kans" | b"ky" | b"md" | b"mich" | b"minn" | b"mont"
        | b"neb" | b"nev" | b"okla" | b"ore" | b"tenn" | b"tex" | b"vt" | b"wis" | b"wyo"
        | b"wash" | b"mass" | b"penn" | b"ill" => {
            if capital || matches!(lower, b"al" | b"inc" | b"co") {
                Some(Abbrev::Ambiguous)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Titles written before a name. Matched only when capitalised, so the
/// ordinary words `gen.` or `rev.` at a sentence end are not caught.
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Mmes"
            | "Mme"
            | "Mlle"
            | "Dr"
            | "Drs"
            | "Prof"
            | "Profs"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Gov"
            | "Govs"
            | "Gen"
            | "Gens"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Cpt"
            | "Adm"
            | "St"
            | "Ste"
            | "Mt"
            | "Ft"
            | "Rev"
            | "Revd"
            | "Cmdr"
            | "Cdr"
            | "Comdr"
            | "Maj"
            | "Brig"
            | "Pvt"
            | "Cpl"
            | "Pres"
            | "Supt"
            | "Insp"
            | "Det"
            | "Hon"
            | "Amb"
            | "Atty"
            | "Fr"
            | "Msgr"
            | "Sec"
            | "Secy"
            | "Treas"
            | "Rt"
            | "Pfc"
            | "Lieut"
            | "MR"
            | "MRS"
            | "MS"
            | "DR"
            | "PROF"
    )
}

/// Words with inner periods: initialisms (`U.S`, `U.N`, `D.C`, `Ph.D`),
/// `a.m`/`p.m`, and `e.g`/`i.e`.
fn classify_dotted(word: &str) -> Option<Abbrev> {
    let mut parts = 0;
    for part in word.split('.') {
        parts += 1;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
    }
    if parts < 2 {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "a.m" | "p.m" => Some(Abbrev::Time),
        "e.g" | "i.e" | "c.f" | "n.b" | "a.k.a" | "et.al" | "viz" => Some(Abbrev::Never),
        _ => Some(Abbrev::Ambiguous),
    }
}

/// Capitalised words that open sentences far more often than they follow an
/// abbreviation inside one: pronouns, articles, conjunctions, common
/// sentence adverbs and prepositions. After an ambiguous abbreviation
/// (`U.S.`, `Inc.`, an initial) such a word signals a new sentence, while a
/// name or noun (`U.S. Army`) does not.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Then"
            | "Thus"
            | "Hence"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Although"
            | "Though"
            | "Because"
            | "As"
            | "In"
            | "On"
            | "At"
            | "For"
            | "From"
            | "By"
            | "With"
            | "Without"
            | "Under"
            | "Over"
            | "During"
            | "Since"
            | "Despite"
            | "Until"
            | "Unlike"
            | "Like"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Nonetheless"
            | "Also"
            | "Still"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Earlier"
            | "Later"
            | "Last"
            | "Next"
            | "Some"
            | "Many"
            | "Most"
            | "Much"
            | "Such"
            | "Not"
            | "Other"
            | "Others"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "Several"
            | "Few"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "According"
            | "Instead"
            | "Indeed"
            | "One"
            | "Nobody"
            | "Everyone"
            | "Everybody"
            | "Someone"
            | "Somebody"
            | "Anyone"
            | "None"
            | "Neither"
            | "Either"
            | "Two"
            | "Three"
    )
}

/// Words after `a.m.`/`p.m.` that continue the time expression.
pub(crate) fn continues_time(word: &str) -> bool {
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    capitalised
        && (crate::numbers::english_weekday(word).is_some()
            || crate::numbers::english_month(word).is_some())
        || matches!(
            word,
            "KST"
                | "JST"
                | "EST"
                | "EDT"
                | "CST"
                | "CDT"
                | "MST"
                | "MDT"
                | "PST"
                | "PDT"
                | "GMT"
                | "UTC"
                | "BST"
                | "CET"
                | "CEST"
                | "ET"
                | "PT"
                | "CT"
                | "MT"
        )
}

/// Lower-case verbs that attribute a quotation (`"Stop!" Kim shouted.`):
/// a capitalised word after a closing quote that leads to one of these
/// continues the sentence.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "replied"
            | "replies"
            | "shouted"
            | "explained"
            | "noted"
            | "notes"
            | "stated"
            | "continued"
            | "insisted"
            | "recalled"
            | "declared"
            | "cried"
            | "yelled"
            | "whispered"
            | "answered"
            | "responded"
            | "argued"
            | "warned"
            | "urged"
            | "admitted"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_need_a_capital() {
        assert_eq!(classify("Mr"), Some(Abbrev::Title));
        assert_eq!(classify("Gen"), Some(Abbrev::Title));
        assert_eq!(classify("gen"), None);
        assert_eq!(classify("Jr"), Some(Abbrev::Ambiguous));
    }

    #[test]
    fn dotted_words_are_initialisms_or_times() {
        assert_eq!(classify("U.S"), Some(Abbrev::Ambiguous));
        assert_eq!(classify("p.m"), Some(Abbrev::Time));
        assert_eq!(classify("e.g"), Some(Abbrev::Never));
        assert_eq!(classify("example.com"), None);
        assert_eq!(classify("3.5"), None);
    }

    #[test]
    fn number_abbreviations_and_months() {
        assert_eq!(classify("No"), Some(Abbrev::BeforeNumber));
        assert_eq!(classify("Fig"), Some(Abbrev::BeforeNumber));
        assert_eq!(classify("Sept"), Some(Abbrev::Month));
        assert_eq!(classify("approx"), Some(Abbrev::Never));
        assert_eq!(classify("house"), None);
        assert_eq!(classify("K"), Some(Abbrev::Ambiguous));
    }
}

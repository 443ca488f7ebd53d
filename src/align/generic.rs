//! Sentence features that need no knowledge of the languages: words
//! compared as written (case and diacritics folded), their first letters as
//! a cognate key, and digit strings. A translation lexicon learned from a
//! first alignment (see `lexicon`) adds the rest.

use super::features::{Feat, Vocab, MAX_TOKENS, NAME, NUM, WORD};

/// Letters a cognate key keeps: long enough that unrelated words rarely
/// share it, short enough to ignore inflection and the usual spelling
/// shifts of a borrowed word (Expedition / expédition, Station / station).
const COGNATE: usize = 5;
/// Words shorter than this are left out: across languages they are mostly
/// function words, which match nothing and crowd the token slots.
const MIN_WORD: usize = 3;

/// A token of running text.
#[derive(Debug, PartialEq)]
enum Tok {
    /// The digits of a number, separators dropped (3,5 = 3.5 = "35").
    Number(String),
    /// A word, lower-cased and with diacritics folded, and whether it was
    /// capitalised.
    Word(String, bool),
}

/// The base letter of a Latin letter with a diacritic (and ß, æ, œ spelled
/// out); other characters are kept.
fn fold(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        'œ' => {
            out.push_str("oe");
            return;
        }
        c => c,
    };
    out.push(base);
}

/// Split `text` into numbers and words (maximal runs of letters and digits).
fn tokens(text: &str) -> Vec<Tok> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_ascii_digit() {
            // Digits, with separators between digits (1'000, 3,5, 1.000.000).
            let mut digits = String::new();
            while i < cs.len() {
                if cs[i].is_ascii_digit() {
                    digits.push(cs[i]);
                    i += 1;
                } else if matches!(cs[i], '.' | ',' | '\'' | '’')
                    && cs.get(i + 1).is_some_and(char::is_ascii_digit)
                {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Tok::Number(digits));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            let capital = c.is_uppercase();
            while i < cs.len() && cs[i].is_alphanumeric() {
                for l in cs[i].to_lowercase() {
                    fold(l, &mut word);
                }
                i += 1;
            }
            out.push(Tok::Word(word, capital));
        } else {
            i += 1;
        }
    }
    out
}

/// Build the features of `text`; `second` for a sentence of the second
/// side (the side whose words the learned lexicon links to the first's).
pub(crate) fn build(text: &str, second: bool, vocab: &mut Vocab) -> Feat {
    let mut f = Feat {
        len: text.chars().filter(|c| !c.is_whitespace()).count() as u32,
        ..Feat::default()
    };
    let mut raw: Vec<(u32, u64)> = Vec::new();
    let mut pos = 0usize;
    for (ti, tok) in tokens(text).into_iter().enumerate() {
        if pos >= MAX_TOKENS {
            break;
        }
        let bit = 1u64 << pos;
        match tok {
            Tok::Number(digits) => {
                let digits = digits.trim_start_matches('0');
                raw.push((vocab.tagged(b'n', digits), bit));
                f.kind_mask[NUM] |= bit;
            }
            Tok::Word(word, capital) => {
                let letters = word.chars().count();
                if letters < MIN_WORD {
                    continue;
                }
                let own = vocab.tagged(b'g', &word);
                raw.push((own, bit));
                if letters > COGNATE {
                    let cut = word.char_indices().nth(COGNATE).map_or(word.len(), |x| x.0);
                    raw.push((vocab.tagged(b'c', &word[..cut]), bit));
                }
                // A capital inside a sentence marks a name (or, in German, a
                // noun): the class's match rates are estimated either way.
                let name = capital && ti > 0;
                f.kind_mask[if name { NAME } else { WORD }] |= bit;
                f.units.push((own, pos as u8, second));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{matches, FxMap};

    #[test]
    fn words_are_folded_and_numbers_keep_their_digits() {
        assert_eq!(
            tokens("Die Höhe: 4'478,5 m."),
            vec![
                Tok::Word("die".into(), true),
                Tok::Word("hohe".into(), true),
                Tok::Number("44785".into()),
                Tok::Word("m".into(), false),
            ]
        );
        assert_eq!(tokens("Straße"), vec![Tok::Word("strasse".into(), true)]);
    }

    #[test]
    fn cognates_names_and_numbers_match_across_languages() {
        let base = FxMap::default();
        let mut v = Vocab::new(&base);
        let de = build(
            "Die Expedition erreichte 1957 das Matterhorn.",
            false,
            &mut v,
        );
        let fr = build(
            "L'expédition atteignit le Matterhorn en 1957.",
            true,
            &mut v,
        );
        let other = build("Le temps était mauvais ce jour-là.", true, &mut v);
        let (m, _) = matches(&de, &fr);
        // Expedition, 1957, Matterhorn
        assert_eq!(m.count_ones(), 3, "{m:b}");
        assert_eq!(matches(&de, &other).0, 0);
    }
}

//! English language facts: function words and the stemmer that lets one
//! form of a word stand for its inflections when words are compared across
//! languages.
//!
//! ```
//! use bitext::en::{en_stem, is_en_stopword};
//! assert!(is_en_stopword("the") && !is_en_stopword("government"));
//! assert_eq!(en_stem("governments"), en_stem("government"));
//! ```

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

pub(crate) const EN_STOP: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "although", "am", "among", "an", "and",
    "another", "any", "are", "as", "at", "be", "because", "been", "before", "being", "between",
    "both", "but", "by", "can", "could", "d", "did", "do", "does", "down", "during", "each",
    "either", "even", "every", "for", "from", "had", "has", "have", "he", "her", "here", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "ll", "m", "may", "me",
    "might", "more", "most", "mr", "mrs", "ms", "much", "must", "my", "neither", "no", "nor",
    "not", "of", "off", "on", "only", "or", "other", "our", "out", "over", "own", "re", "s",
    "same", "shall", "she", "should", "since", "so", "some", "such", "t", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "though", "through", "to",
    "too", "under", "until", "up", "upon", "us", "ve", "very", "was", "we", "were", "what", "when",
    "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "yet", "you", "your",
];

/// True for an English function word.
pub fn is_en_stopword(lower: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| EN_STOP.iter().copied().collect())
        .contains(lower)
}

/// The stem of an English word: lower case, inflectional and common
/// derivational suffixes removed, at most seven letters. Crude, but the same
/// on both sides of every comparison, which is all matching needs.
pub fn en_stem(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    if w == "us" && word == "US" {
        return "usa".into();
    }
    let strip = |w: &mut String, suffix: &str, min: usize, repl: &str| -> bool {
        if w.len() >= min && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(repl);
            true
        } else {
            false
        }
    };
    let plural = strip(&mut w, "ies", 5, "y") || strip(&mut w, "sses", 5, "ss");
    if !plural
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
    let _ = strip(&mut w, "ied", 5, "y")
        || strip(&mut w, "ing", 6, "")
        || strip(&mut w, "ed", 5, "")
        || strip(&mut w, "ly", 6, "");
    let _ = strip(&mut w, "ment", 8, "")
        || strip(&mut w, "ation", 8, "")
        || strip(&mut w, "ese", 7, "")
        || strip(&mut w, "ial", 7, "")
        || strip(&mut w, "al", 7, "")
        || strip(&mut w, "er", 6, "")
        || strip(&mut w, "an", 6, "a");
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w.truncate(7);
    w
}

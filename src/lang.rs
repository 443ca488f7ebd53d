//! Language identification: which language a text is in, and its script mix.

use serde::Serialize;

/// A language the toolkit distinguishes, as an ISO 639-1 code (`und` when undecidable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Lang(pub &'static str);

impl Lang {
    /// English.
    pub const EN: Lang = Lang("en");
    /// Korean.
    pub const KO: Lang = Lang("ko");
    /// Undecidable.
    pub const UND: Lang = Lang("und");

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Decide the language of `text` (placeholder: script only).
pub fn detect_simple(text: &str) -> Lang {
    let hangul = text
        .chars()
        .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
        .count();
    let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if hangul > 0 && hangul * 2 >= latin / 3 {
        Lang::KO
    } else if latin > 0 {
        Lang::EN
    } else {
        Lang::UND
    }
}

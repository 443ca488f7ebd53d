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

impl Lang {
    /// Parse an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" => Some(Lang::EN),
            "ko" | "kor" => Some(Lang::KO),
            _ => None,
        }
    }
}

/// Options of [`detect`].
#[derive(Clone, Debug, Default)]
pub struct DetectOptions {
    /// Candidate languages (`None`: all).
    pub langs: Option<Vec<Lang>>,
}

/// Fractions of letters per script.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct ScriptMix {
    /// Hangul.
    pub hangul: f32,
    /// Han (Hanja, Chinese).
    pub han: f32,
    /// Kana.
    pub kana: f32,
    /// Latin.
    pub latin: f32,
    /// Anything else.
    pub other: f32,
}

/// A detection result.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Detection {
    /// The language.
    pub lang: Lang,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Script mix.
    pub scripts: ScriptMix,
    /// True for a mixed-language span.
    pub mixed: bool,
}

/// Detect the language of `text`.
pub fn detect(text: &str, _opts: &DetectOptions) -> Detection {
    Detection {
        lang: detect_simple(text),
        confidence: 0.5,
        scripts: ScriptMix::default(),
        mixed: false,
    }
}

//! ISO 639 code tables for every language whatlang can recognise.

/// One language: its ISO 639-1 code, its ISO 639-3 code (as whatlang spells it) and whatlang's
/// identifier.
pub(crate) struct LangCode {
    pub iso1: &'static str,
    pub iso3: &'static str,
    pub wl: whatlang::Lang,
}

macro_rules! table {
    ($($iso1:literal $iso3:literal $wl:ident),* $(,)?) => {
        /// All languages whatlang recognises, in a fixed order (indices are used as bit positions).
        pub(crate) const LANGS: &[LangCode] = &[
            $(LangCode { iso1: $iso1, iso3: $iso3, wl: whatlang::Lang::$wl },)*
        ];
    };
}

table! {
    "en" "eng" Eng, "ko" "kor" Kor, "fr" "fra" Fra, "ja" "jpn" Jpn, "zh" "cmn" Cmn,
    "de" "deu" Deu, "es" "spa" Spa, "it" "ita" Ita, "pt" "por" Por, "nl" "nld" Nld,
    "eo" "epo" Epo, "ru" "rus" Rus, "bn" "ben" Ben, "uk" "ukr" Ukr, "ka" "kat" Kat,
    "ar" "ara" Ara, "hi" "hin" Hin, "he" "heb" Heb, "yi" "yid" Yid, "pl" "pol" Pol,
    "am" "amh" Amh, "jv" "jav" Jav, "nb" "nob" Nob, "da" "dan" Dan, "sv" "swe" Swe,
    "fi" "fin" Fin, "tr" "tur" Tur, "hu" "hun" Hun, "cs" "ces" Ces, "el" "ell" Ell,
    "bg" "bul" Bul, "be" "bel" Bel, "mr" "mar" Mar, "kn" "kan" Kan, "ro" "ron" Ron,
    "sl" "slv" Slv, "hr" "hrv" Hrv, "sr" "srp" Srp, "mk" "mkd" Mkd, "lt" "lit" Lit,
    "lv" "lav" Lav, "et" "est" Est, "ta" "tam" Tam, "vi" "vie" Vie, "ur" "urd" Urd,
    "th" "tha" Tha, "gu" "guj" Guj, "uz" "uzb" Uzb, "pa" "pan" Pan, "az" "aze" Aze,
    "id" "ind" Ind, "te" "tel" Tel, "fa" "pes" Pes, "ml" "mal" Mal, "or" "ori" Ori,
    "my" "mya" Mya, "ne" "nep" Nep, "si" "sin" Sin, "km" "khm" Khm, "tk" "tuk" Tuk,
    "ak" "aka" Aka, "zu" "zul" Zul, "sn" "sna" Sna, "af" "afr" Afr, "la" "lat" Lat,
    "sk" "slk" Slk, "ca" "cat" Cat, "tl" "tgl" Tgl, "hy" "hye" Hye,
}

/// Other spellings accepted on input: ISO 639-2/B codes, macrolanguage codes and common aliases.
const ALIASES: &[(&str, &str)] = &[
    ("zho", "zh"),
    ("chi", "zh"),
    ("fre", "fr"),
    ("ger", "de"),
    ("dut", "nl"),
    ("cze", "cs"),
    ("slo", "sk"),
    ("rum", "ro"),
    ("mol", "ro"),
    ("gre", "el"),
    ("arm", "hy"),
    ("geo", "ka"),
    ("per", "fa"),
    ("fas", "fa"),
    ("prs", "fa"),
    ("no", "nb"),
    ("nor", "nb"),
    ("msa", "id"),
    ("may", "id"),
    ("bur", "my"),
    ("fil", "tl"),
    ("iw", "he"),
    ("ji", "yi"),
    ("in", "id"),
    ("sh", "hr"),
];

/// Index in [`LANGS`] of a code, matched case-insensitively against ISO 639-1, ISO 639-3 and
/// the aliases.
pub(crate) fn index_of(code: &str) -> Option<usize> {
    let code = code.trim();
    if code.len() > 3 {
        return None;
    }
    let mut buf = [0u8; 3];
    for (dst, b) in buf.iter_mut().zip(code.bytes()) {
        *dst = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..code.len()]).ok()?;
    let lower = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(lower, |(_, canonical)| canonical);
    LANGS
        .iter()
        .position(|l| l.iso1 == lower || l.iso3 == lower)
}

/// Index in [`LANGS`] of a whatlang language.
pub(crate) fn index_of_whatlang(wl: whatlang::Lang) -> Option<usize> {
    LANGS.iter().position(|l| l.wl == wl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_whatlang_language_once() {
        for &wl in whatlang::Lang::all() {
            let hits = LANGS.iter().filter(|l| l.wl == wl).count();
            assert_eq!(hits, 1, "{wl:?}");
        }
        assert_eq!(LANGS.len(), whatlang::Lang::all().len());
        assert!(LANGS.len() <= 128, "bit sets are u128");
    }

    #[test]
    fn iso3_column_matches_whatlang_codes() {
        for l in LANGS {
            assert_eq!(l.wl.code(), l.iso3);
            assert_eq!(l.iso1.len(), 2);
        }
    }

    #[test]
    fn codes_resolve_case_insensitively() {
        assert_eq!(index_of("EN"), index_of("eng"));
        assert_eq!(index_of("zho"), index_of("zh"));
        assert_eq!(index_of("cmn"), index_of("zh"));
        assert_eq!(index_of(" ko "), Some(1));
        assert_eq!(index_of("xx"), None);
        assert_eq!(index_of("한국어"), None);
        assert_eq!(index_of(""), None);
    }
}

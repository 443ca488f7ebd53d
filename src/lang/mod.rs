//! Language identification: which language a text is in, and its script mix.
//!
//! [`detect`] decides in two stages. Script comes first: Hangul means Korean, kana means
//! Japanese, Han alone means Chinese, and when CJK letters share a text with Latin letters the
//! words are weighed against each other, so Korean with English names and acronyms
//! (`삼성 Galaxy S25 출시`, `Mary와 Susan은`) or with Hanja (`美 국무부`) stays Korean while an
//! English sentence quoting a Korean word stays English. Latin-script text then goes to
//! whatlang's trigram model combined with word-level evidence (common words, letters such as
//! `ç` or `ß`, elision and contractions), which keeps one- to three-word fragments right where
//! trigrams alone are unreliable. Other scripts are left to whatlang.
//!
//! Every decision honours [`DetectOptions::langs`]: a language outside the list is never
//! returned; when no allowed language fits the text, the result is [`Lang::UND`].

mod codes;
mod latin;
mod script;
mod words;

use serde::Serialize;

use script::{Census, Class};

/// A language the toolkit distinguishes, as an ISO 639-1 code (`und` when undecidable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Lang(pub &'static str);

impl Lang {
    /// English.
    pub const EN: Lang = Lang("en");
    /// Korean.
    pub const KO: Lang = Lang("ko");
    /// French.
    pub const FR: Lang = Lang("fr");
    /// Japanese.
    pub const JA: Lang = Lang("ja");
    /// Chinese.
    pub const ZH: Lang = Lang("zh");
    /// German.
    pub const DE: Lang = Lang("de");
    /// Spanish.
    pub const ES: Lang = Lang("es");
    /// Undecidable.
    pub const UND: Lang = Lang("und");

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The language for an ISO 639-1 or ISO 639-3 code (also ISO 639-2/B and a few common
    /// aliases such as `zho`, `ger`, `no`), case-insensitively. Only languages the detector
    /// can return are known; `und` maps to [`Lang::UND`].
    ///
    /// ```
    /// use bitext::lang::Lang;
    /// assert_eq!(Lang::from_code("kor"), Some(Lang::KO));
    /// assert_eq!(Lang::from_code("FR"), Some(Lang::FR));
    /// assert_eq!(Lang::from_code("cmn"), Some(Lang::ZH));
    /// assert_eq!(Lang::from_code("xx"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        if code.trim().eq_ignore_ascii_case("und") {
            return Some(Lang::UND);
        }
        codes::index_of(code).map(|i| Lang(codes::LANGS[i].iso1))
    }

    /// The ISO 639-3 code (`und` for [`Lang::UND`] and unknown codes).
    pub fn iso639_3(self) -> &'static str {
        index(self).map_or("und", |i| codes::LANGS[i].iso3)
    }

    /// Every language [`detect`] can return besides [`Lang::UND`].
    pub fn all() -> impl Iterator<Item = Lang> {
        codes::LANGS.iter().map(|l| Lang(l.iso1))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Options for [`detect`].
#[derive(Clone, Debug, Default)]
pub struct DetectOptions {
    /// Candidate languages; `None` allows every language. Languages the detector does not know
    /// are ignored.
    pub langs: Option<Vec<Lang>>,
}

impl DetectOptions {
    /// Restrict detection to `langs`.
    pub fn only(langs: &[Lang]) -> DetectOptions {
        DetectOptions {
            langs: Some(langs.to_vec()),
        }
    }
}

/// Fractions of a text's letters per script (all zero when it has no letters). Digits,
/// punctuation and symbols are not letters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScriptMix {
    /// Hangul syllables and jamo.
    pub hangul: f32,
    /// Han ideographs (Hanzi, Hanja, Kanji).
    pub han: f32,
    /// Hiragana and katakana.
    pub kana: f32,
    /// Latin letters, with or without diacritics.
    pub latin: f32,
    /// Letters of any other script.
    pub other: f32,
}

/// The result of [`detect`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// The language, or [`Lang::UND`] for text without letters or without an allowed fit.
    pub lang: Lang,
    /// How sure the decision is, in `0..=1` (0 for `und`).
    pub confidence: f64,
    /// The script mix of the text.
    pub scripts: ScriptMix,
    /// Whether the text mixes languages in a way worth reporting at sentence level: letters of
    /// a CJK script inside text decided as a Latin-script language (a Korean word in an English
    /// sentence), or a clause of another script inside CJK text (an English sentence quoted in
    /// Korean), or Korean and Japanese letters together. A clause is three or more consecutive
    /// Latin words with at least two common function words, written as running text rather
    /// than in title case, so names, titles, acronyms and product names inside Korean do not
    /// count. Hanja in Korean is not mixing.
    pub mixed: bool,
}

/// Bit set over the language table.
pub(crate) type Bits = u128;

fn index(lang: Lang) -> Option<usize> {
    codes::index_of(lang.0)
}

fn bit(code: &str) -> Bits {
    codes::index_of(code).map_or(0, |i| 1 << i)
}

fn allowed_bits(opts: &DetectOptions) -> Bits {
    match &opts.langs {
        None => Bits::MAX,
        Some(list) => list
            .iter()
            .filter_map(|&l| index(l))
            .fold(0, |acc, i| acc | (1 << i)),
    }
}

/// Whatlang's Latin-script languages as bits.
fn latin_bits() -> Bits {
    static BITS: std::sync::OnceLock<Bits> = std::sync::OnceLock::new();
    *BITS.get_or_init(|| {
        whatlang::Script::Latin
            .langs()
            .iter()
            .filter_map(|&l| codes::index_of_whatlang(l))
            .fold(0, |acc, i| acc | (1 << i))
    })
}

/// How a text with both CJK and Latin letters splits between them.
struct Balance {
    /// Weight of the CJK side, roughly in words.
    cjk: f64,
    /// Weight of the Latin side: function words weigh more than names and acronyms.
    latin: f64,
    /// A run of Latin words that reads as a clause rather than a name.
    latin_clause: bool,
}

/// Weigh the CJK against the Latin words of a text. Korean particles glued to a Latin word
/// (`Mary와`, `CNN이`, `"…"라고`) and a Korean predicate ending the text (`…했다.`) show a
/// Korean sentence frame; Latin function words are strong evidence for the Latin side; Latin
/// names and acronyms weigh little, since Korean, Chinese and Japanese news use them freely.
fn balance(text: &str) -> Balance {
    let mut cjk_tokens = 0usize;
    let mut glued = 0usize;
    let mut han_kana = 0usize;
    let mut latin_fw = 0usize;
    let mut latin_other = 0usize;
    let mut run = 0usize;
    let mut run_fw = 0usize;
    let mut run_lower = 0usize;
    let mut run_lower_content = false;
    let mut clause = false;
    let mut korean_final = false;
    let mut buf = String::new();
    for chunk in text.split_whitespace() {
        let mut has_cjk = false;
        let mut has_hangul = false;
        let mut latin_seen = false;
        let mut latin_then_hangul = false;
        let mut has_digit = false;
        for c in chunk.chars() {
            match script::class(c) {
                Class::Hangul => {
                    has_cjk = true;
                    has_hangul = true;
                    latin_then_hangul |= latin_seen;
                }
                Class::Han | Class::Kana => {
                    has_cjk = true;
                    han_kana += 1;
                }
                Class::Latin => latin_seen = true,
                Class::Other => {}
                Class::None => has_digit |= c.is_numeric(),
            }
        }
        if has_cjk || latin_seen {
            let letters = chunk.trim_end_matches(|c: char| !c.is_alphabetic());
            korean_final = letters.ends_with(['다', '요', '까', '죠']);
        }
        if has_cjk {
            cjk_tokens += 1;
            glued += usize::from(latin_then_hangul && has_hangul);
            run = 0;
            run_fw = 0;
            run_lower = 0;
            run_lower_content = false;
            continue;
        }
        if !latin_seen {
            continue;
        }
        let word = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let acronym = upper >= 2 && upper == word.chars().filter(|c| c.is_alphabetic()).count();
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        let fw = !has_digit && !acronym && latin::is_common_word(&buf);
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        run += 1;
        run_lower += usize::from(lower);
        if fw {
            latin_fw += 1;
            run_fw += 1;
        } else {
            latin_other += 1;
            run_lower_content |= lower;
        }
        // Titles and names capitalise their content words (`Museum of Modern Art`); running
        // text does not.
        clause |= run >= 3 && run_fw >= 2 && (run_lower >= 3 || run_lower_content);
    }
    Balance {
        cjk: cjk_tokens as f64
            + 2.0 * glued as f64
            + han_kana as f64 / 3.0
            + if korean_final { 2.0 } else { 0.0 },
        latin: 2.0 * latin_fw as f64 + 0.5 * latin_other as f64,
        latin_clause: clause,
    }
}

/// The CJK language a text's CJK letters point to, within `allowed`.
fn cjk_lang(c: &Census, allowed: Bits) -> Option<&'static str> {
    let ok = |code: &str| allowed & bit(code) != 0;
    if c.hangul > 0 && c.hangul >= c.kana {
        return ok("ko").then_some("ko");
    }
    if c.kana > 0 {
        return ok("ja").then_some("ja");
    }
    if c.han > 0 {
        // Han alone is Chinese; when Chinese is excluded it is read as Hanja (the toolkit's
        // Korean material uses it in headlines) and then as Kanji.
        return ["zh", "ko", "ja"].into_iter().find(|&code| ok(code));
    }
    None
}

fn mix_of(c: &Census) -> ScriptMix {
    let n = c.letters();
    if n == 0 {
        return ScriptMix::default();
    }
    let f = |k: usize| k as f32 / n as f32;
    ScriptMix {
        hangul: f(c.hangul),
        han: f(c.han),
        kana: f(c.kana),
        latin: f(c.latin),
        other: f(c.other),
    }
}

/// Decide the language of `text`.
///
/// ```
/// use bitext::lang::{detect, DetectOptions, Lang};
/// let opts = DetectOptions::default();
/// assert_eq!(detect("Mary와 Susan은 학교에 갔다.", &opts).lang, Lang::KO);
/// assert_eq!(detect("C'est la vie.", &opts).lang, Lang::FR);
/// assert_eq!(detect("12:30 — 45%", &opts).lang, Lang::UND);
/// let only = DetectOptions::only(&[Lang::EN, Lang::KO]);
/// assert_eq!(detect("Guten Morgen", &only).lang, Lang::EN);
/// ```
pub fn detect(text: &str, opts: &DetectOptions) -> Detection {
    let allowed = allowed_bits(opts);
    let census = Census::of(text);
    let scripts = mix_of(&census);
    let und = Detection {
        lang: Lang::UND,
        confidence: 0.0,
        scripts,
        mixed: false,
    };
    if census.letters() == 0 || allowed == 0 {
        return und;
    }
    let found = |idx: usize, confidence: f64, mixed: bool| Detection {
        lang: Lang(codes::LANGS[idx].iso1),
        confidence: confidence.clamp(0.0, 1.0),
        scripts,
        mixed,
    };
    let latin_cands = allowed & latin_bits();
    let latin_usable = census.latin > 0 && latin_cands != 0;

    // Another script (Cyrillic, Arabic, Devanagari…) dominating the letters goes to whatlang.
    if census.other >= census.latin.max(census.cjk()) {
        if let Some(d) = detect_other(text, allowed) {
            let mixed = census.cjk() > 0 || census.latin > 0 && d.1 < 1.0;
            return found(d.0, d.1, mixed);
        }
    }

    if let Some(code) = cjk_lang(&census, allowed) {
        let idx = codes::index_of(code).unwrap_or(0);
        let korean_and_japanese = census.hangul > 0 && census.kana > 0;
        if !latin_usable {
            let share = census.cjk() as f64 / census.letters() as f64;
            return found(idx, share.max(0.5), korean_and_japanese);
        }
        let b = balance(text);
        if 2.0 * b.cjk > b.latin {
            let confidence = b.cjk / (b.cjk + b.latin / 2.0);
            return found(idx, confidence, b.latin_clause || korean_and_japanese);
        }
    }

    if latin_usable {
        if let Some((idx, conf)) = latin::decide(text, latin_cands) {
            return found(idx, conf, census.cjk() > 0 || census.other >= 2);
        }
    }
    if census.other > 0 {
        if let Some((idx, conf)) = detect_other(text, allowed) {
            return found(idx, conf, true);
        }
    }
    und
}

/// whatlang's verdict for text outside the Latin and CJK scripts, if allowed.
fn detect_other(text: &str, allowed: Bits) -> Option<(usize, f64)> {
    let info = if allowed == Bits::MAX {
        whatlang::detect(text)?
    } else {
        let list = codes::LANGS
            .iter()
            .enumerate()
            .filter(|(i, _)| allowed & (1 << i) != 0)
            .map(|(_, l)| l.wl)
            .collect();
        whatlang::Detector::with_allowlist(list).detect(text)?
    };
    if matches!(
        info.script(),
        whatlang::Script::Latin
            | whatlang::Script::Hangul
            | whatlang::Script::Mandarin
            | whatlang::Script::Hiragana
            | whatlang::Script::Katakana
    ) {
        return None;
    }
    let idx = codes::index_of_whatlang(info.lang())?;
    // Single-language scripts bypass whatlang's allowlist, so check again.
    (allowed & (1 << idx) != 0).then_some((idx, info.confidence()))
}

/// Decide the language of `text` among all languages (see [`detect`]).
pub fn detect_simple(text: &str) -> Lang {
    detect(text, &DetectOptions::default()).lang
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restricted() -> DetectOptions {
        DetectOptions::only(&[
            Lang::EN,
            Lang::KO,
            Lang::FR,
            Lang::JA,
            Lang::ZH,
            Lang::DE,
            Lang::ES,
        ])
    }

    fn lang(text: &str) -> &'static str {
        detect(text, &restricted()).lang.0
    }

    #[test]
    fn hanja_headlines_are_korean() {
        assert_eq!(lang("韓日 정상, 도쿄서 셔틀외교 재개"), "ko");
        assert_eq!(lang("與 \"특검법 수용 못해\"…野 단독 처리 예고"), "ko");
        assert_eq!(lang("北, 동해상으로 단거리 미사일 발사"), "ko");
        assert_eq!(lang("中 경기 둔화에 亞 증시 약세"), "ko");
    }

    #[test]
    fn latin_names_inside_korean_stay_korean() {
        assert_eq!(lang("LG전자 OLED TV 신제품 공개"), "ko");
        assert_eq!(lang("Tom과 Jerry는"), "ko");
        assert_eq!(lang("Netflix 오리지널"), "ko");
        assert_eq!(lang("그는 NASA의 Artemis 계획에 참여했다."), "ko");
        assert_eq!(lang("Apple Vision Pro 국내 출시"), "ko");
    }

    #[test]
    fn korean_words_inside_english_stay_english() {
        let d = detect(
            "We had bibimbap (비빔밥) for lunch at the market.",
            &restricted(),
        );
        assert_eq!(d.lang, Lang::EN);
        assert!(d.mixed);
        assert_eq!(lang("The word 정 has no exact translation"), "en");
        assert_eq!(lang("The Korean word for thank you is 감사합니다."), "en");
        assert_eq!(lang("Koreans celebrate Chuseok (추석) in autumn."), "en");
    }

    #[test]
    fn korean_frame_around_english_words_is_korean() {
        assert_eq!(lang("이 제품은 made in Korea입니다."), "ko");
        assert_eq!(lang("BTS의 새 앨범 Map of the Soul이 발매됐다"), "ko");
        assert_eq!(lang("東京で iPhone を買った"), "ja");
    }

    #[test]
    fn short_english_fragments() {
        for s in [
            "of the",
            "it was",
            "they had",
            "I think so",
            "on Monday",
            "what about",
        ] {
            assert_eq!(lang(s), "en", "{s}");
        }
    }

    #[test]
    fn short_french_fragments() {
        for s in [
            "je pense",
            "mais non",
            "avec lui",
            "c'est",
            "il y a",
            "Pourquoi pas",
            "déjà",
        ] {
            assert_eq!(lang(s), "fr", "{s}");
        }
    }

    #[test]
    fn ten_character_prefixes() {
        assert_eq!(lang("When they "), "en");
        assert_eq!(lang("Nous avons"), "fr");
        assert_eq!(lang("Das ist ni"), "de");
        assert_eq!(lang("Ella no qu"), "es");
    }

    #[test]
    fn longer_sentences() {
        assert_eq!(
            lang("The committee will publish its findings before the end of the month."),
            "en"
        );
        assert_eq!(
            lang("Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs."),
            "fr"
        );
        assert_eq!(
            lang("Die Regierung hat neue Maßnahmen zur Unterstützung der Landwirte angekündigt."),
            "de"
        );
        assert_eq!(
            lang("El gobierno anunció nuevas medidas para apoyar a los agricultores."),
            "es"
        );
    }

    #[test]
    fn kana_means_japanese_and_han_alone_chinese() {
        assert_eq!(lang("東京で新しい展示会が始まりました。"), "ja");
        assert_eq!(lang("カメラ"), "ja");
        assert_eq!(lang("我们明天去北京开会。"), "zh");
    }

    #[test]
    fn han_alone_is_korean_when_chinese_is_excluded() {
        let opts = DetectOptions::only(&[Lang::EN, Lang::KO]);
        assert_eq!(detect("韓美日", &opts).lang, Lang::KO);
    }

    #[test]
    fn text_without_letters_is_undecided() {
        for s in ["", "   ", "2024-05-01", "12,345.67 %", "…!?", "① ② ③"] {
            let d = detect(s, &restricted());
            assert_eq!(d.lang, Lang::UND, "{s:?}");
            assert_eq!(d.confidence, 0.0);
            assert_eq!(d.scripts, ScriptMix::default());
        }
    }

    #[test]
    fn restriction_is_honoured() {
        let en_ko = DetectOptions::only(&[Lang::EN, Lang::KO]);
        assert_eq!(detect("Buenos días, señora", &en_ko).lang, Lang::EN);
        assert_eq!(detect("Bonjour tout le monde", &en_ko).lang, Lang::EN);
        let fr_only = DetectOptions::only(&[Lang::FR]);
        assert_eq!(detect("안녕하세요", &fr_only).lang, Lang::UND);
        assert_eq!(detect("Привет, как дела?", &en_ko).lang, Lang::UND);
        let ko_only = DetectOptions::only(&[Lang::KO]);
        assert_eq!(detect("Hello there", &ko_only).lang, Lang::UND);
        let none = DetectOptions::only(&[]);
        assert_eq!(detect("Hello there", &none).lang, Lang::UND);
    }

    #[test]
    fn all_languages_by_default() {
        let opts = DetectOptions::default();
        assert_eq!(
            detect("Привет, как у тебя дела сегодня?", &opts).lang.0,
            "ru"
        );
        assert_eq!(
            detect("Dzisiaj jest bardzo ładna pogoda w Warszawie.", &opts)
                .lang
                .0,
            "pl"
        );
        assert_eq!(
            detect("Oggi il tempo è molto bello e andiamo al mare.", &opts)
                .lang
                .0,
            "it"
        );
        assert_eq!(detect("the house of the people", &opts).lang, Lang::EN);
    }

    #[test]
    fn english_clause_inside_korean_is_mixed() {
        let d = detect(
            "그는 \"I will be back in a minute\"라고 말했다.",
            &restricted(),
        );
        assert_eq!(d.lang, Lang::KO);
        assert!(d.mixed);
        let d = detect("삼성전자는 Galaxy S25 Ultra를 공개했다.", &restricted());
        assert_eq!(d.lang, Lang::KO);
        assert!(!d.mixed);
        let d = detect("중국(中國) 정부가 발표했다.", &restricted());
        assert!(!d.mixed);
        let d = detect(
            "그는 국립현대미술관(National Museum of Modern and Contemporary Art)에서 일했다.",
            &restricted(),
        );
        assert_eq!(d.lang, Lang::KO);
        assert!(!d.mixed, "a title-case name is not a clause");
    }

    #[test]
    fn plain_sentences_are_not_mixed() {
        for s in [
            "The committee will publish its findings next month.",
            "Il pleut depuis trois jours sur la ville.",
            "오늘 서울의 최고 기온은 30도까지 오르겠습니다.",
        ] {
            assert!(!detect(s, &restricted()).mixed, "{s}");
        }
    }

    #[test]
    fn all_capital_headlines_keep_their_short_words() {
        assert_eq!(lang("THE END OF AN ERA"), "en");
        assert_eq!(lang("LA FIN DU MONDE"), "fr");
    }

    #[test]
    fn confidence_stays_in_range_and_tracks_ambiguity() {
        let sure = detect(
            "The results of the election were announced on Monday.",
            &restricted(),
        );
        let unsure = detect("me", &restricted());
        for d in [sure, unsure] {
            assert!((0.0..=1.0).contains(&d.confidence));
        }
        assert!(sure.confidence > unsure.confidence);
        assert!(sure.confidence > 0.9);
    }

    #[test]
    fn script_mix_fractions_sum_to_one() {
        let d = detect("서울 Seoul 漢江", &restricted());
        let s = d.scripts;
        let sum = s.hangul + s.han + s.kana + s.latin + s.other;
        assert!((sum - 1.0).abs() < 1e-5);
        assert!((s.latin - 5.0 / 9.0).abs() < 1e-5);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::all() {
            assert_eq!(Lang::from_code(l.0), Some(l));
            assert_eq!(Lang::from_code(l.iso639_3()), Some(l));
        }
        assert_eq!(Lang::from_code("und"), Some(Lang::UND));
        assert_eq!(Lang::UND.iso639_3(), "und");
        assert_eq!(Lang::all().count(), 69);
    }

    #[test]
    fn detect_simple_matches_detect() {
        assert_eq!(detect_simple("오늘은 날씨가 좋다"), Lang::KO);
        assert_eq!(detect_simple("The weather is nice today"), Lang::EN);
        assert_eq!(detect_simple("42"), Lang::UND);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "a".repeat(10_000);
        let inputs = [
            "\u{0}",
            "é\u{301}",
            "ﾟﾟﾟ",
            "'''",
            "l'",
            "’s",
            "ｶﾀｶﾅ",
            &long,
            "\u{FEFF}x",
        ];
        for s in inputs {
            let _ = detect(s, &DetectOptions::default());
            let _ = detect(s, &restricted());
        }
    }
}

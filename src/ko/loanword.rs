//! Which Hangul words are transliterations of foreign words, from their
//! sound pattern alone.
//!
//! Sino-Korean and native words draw on a restricted set of syllables;
//! Korean spells foreign names and loanwords with syllables outside it. The
//! rules here are facts of Korean phonotactics and of the standard
//! transcription of foreign words, stated on the jamo (initial, vowel,
//! final) so that they cover syllables never seen before:
//!
//! * `ㅡ` without a final after a stop or sibilant (크, 스, 트, 즈, 프) is the
//!   vowel Korean inserts to pronounce a foreign consonant cluster;
//! * no native or Sino-Korean word starts with `ㄹ` (the initial-sound rule
//!   turns it into `ㄴ` or silence), so 로렌스, 리드, 러시아 are foreign;
//! * Sino-Korean has `ㅋ` only in 쾌, and native words only in a handful of
//!   syllables (코, 키, 칼, 큰 …);
//! * several vowel and final combinations are foreign only: `ㅐ` closed by
//!   `ㄴ ㄹ ㅂ` (앤, 캘, 랩), `ㅔ` after `ㄹ ㅋ ㅍ` or closed by `ㄹ` (레, 페,
//!   벨), `ㅠ ㅑ ㅛ ㅖ ㅒ` after consonants that Sino-Korean never combines
//!   with them (뉴, 샤, 쇼, 셰), `ㅞ` (웨, 웰), `ㅡ` closed by `ㄴ` after
//!   `ㅅ ㅌ` (슨, 튼).
//!
//! A few native words break these rules (무슨, 아무튼, 바퀴); they are listed.
//!
//! ```
//! use bitext::ko::loanword::is_loanword;
//! assert!(is_loanword("캘리포니아"));
//! assert!(is_loanword("로렌스"));
//! assert!(!is_loanword("정부"));
//! assert!(!is_loanword("무슨"));
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

// Initials.
const G: u8 = 0;
const N: u8 = 2;
const D: u8 = 3;
const R: u8 = 5;
const M: u8 = 6;
const B: u8 = 7;
const S: u8 = 9;
const SS: u8 = 10;
const NG: u8 = 11;
const J: u8 = 12;
const JJ: u8 = 13;
const CH: u8 = 14;
const K: u8 = 15;
const T: u8 = 16;
const P: u8 = 17;
const H: u8 = 18;

// Vowels.
const AE: u8 = 1;
const YA: u8 = 2;
const YAE: u8 = 3;
const EO: u8 = 4;
const E: u8 = 5;
const YE: u8 = 7;
const O: u8 = 8;
const YO: u8 = 12;
const WO: u8 = 14;
const WE: u8 = 15;
const WI: u8 = 16;
const YU: u8 = 17;
const EU: u8 = 18;
const I: u8 = 20;

// Finals.
const F_NONE: u8 = 0;
const F_G: u8 = 1;
const F_N: u8 = 4;
const F_L: u8 = 8;
const F_M: u8 = 16;
const F_B: u8 = 17;

/// (initial, vowel, final) indices of a precomposed Hangul syllable.
fn jamo(c: char) -> Option<(u8, u8, u8)> {
    // The indices are < 19, < 21 and < 28: they fit a byte.
    crate::ko::decompose(c).map(|(l, v, f)| (l as u8, v as u8, f as u8))
}

/// Syllables with `ㅋ` that native words use (코, 키, 칼, 큰, 켜 …).
const NATIVE_K: &[char] = &[
    '크', '큰', '큼', '컸', '커', '코', '콧', '콩', '키', '칼', '켜', '켰', '켤', '캤', '쾌', '쿵',
    '킁', '콕', '칸', '컷', '콤', '킬', '킨',
];

/// True when syllable `c` is one Korean uses only to spell foreign words;
/// `first` says whether it starts the word.
pub fn is_loan_syllable(c: char, first: bool) -> bool {
    let Some((l, v, f)) = jamo(c) else {
        return false;
    };
    match (v, f) {
        // Epenthetic ㅡ; 르 and 흐 and 그 are too common in native stems.
        (EU, F_NONE) if matches!(l, K | T | P | S | J | CH | D | B | SS | JJ) => return true,
        // 슨, 튼, 븐, 즌.
        (EU, F_N) if matches!(l, S | T | B | J) => return true,
        // 블, 플, 클; 를 inside a stem (베를린: as a word it is a particle).
        (EU, F_L) if matches!(l, B | P | K) || (l == R && !first) => return true,
        // 앤, 캔, 밴 (not 맨); 캘, 앨, 샐 (not 낼); 랩, 캡.
        (AE, F_N) if !matches!(l, M | N) => return true,
        (AE, F_L) if l != N => return true,
        (AE, F_B) => return true,
        // 잭, 랙, 팩; 잼, 햄, 램.
        (AE, F_G) if matches!(l, J | R | P | K) => return true,
        (AE, F_M) if matches!(l, J | H | R | K | T | P) => return true,
        // 레, 케, 페 and 테 (테러, 테니스).
        (E, _) if matches!(l, R | K | P | T) => return true,
        // 베 starts foreign words (베이징, 베트남); the native ones are listed.
        (E, F_NONE) if first && l == B => return true,
        // 벨, 델, 넬 (not 젤, short for 제일).
        (E, F_L) if l != J => return true,
        // 벤, 멘, 헨 (not 센, 엔, 겐, 덴: native forms).
        (E, F_N) if matches!(l, B | M | H) => return true,
        (E, F_M) if l == J => return true,
        (E, F_G) => return true,
        // 뉴, 듀, 뷰, 퓨, 큐, 튜, 쥬, 츄, 슈, 뮤.
        (YU, _) if matches!(l, N | D | B | P | K | T | J | CH | S | M) => return true,
        // 샤, 쟈, 챠; 쇼, 쵸, 쿄; 셰; 섀.
        (YA, _) if matches!(l, S | J | CH | K | T | P | D | M | B) => return true,
        (YO, _) if matches!(l, S | CH | K | T | D | B) => return true,
        (YE, _) if matches!(l, S | J | CH | K | T | B) => return true,
        (YAE, _) if matches!(l, S | CH | K | T | P) => return true,
        // 웨, 웰, 퀘 (not 웬, as in 웬일, nor Sino-Korean 궤).
        (WE, _) if l != G && !(l == NG && f == F_N) => return true,
        // 쿼, 퉈; 뷔, 퓌.
        (WO, F_NONE) if matches!(l, K | T | P) => return true,
        (WI, _) if matches!(l, B | P) => return true,
        // 턴, 펀 (클린턴, 워싱턴).
        (EO, F_N) if matches!(l, T | P) => return true,
        // 톰, 폼, 롬.
        (O, F_M) if matches!(l, T | P | R) => return true,
        // 티, 팀 (티켓, 파티).
        (I, F_NONE | F_M) if l == T => return true,
        // 릭, 닉 (에릭, 패트릭).
        (I, F_G) if matches!(l, R | N) => return true,
        // 폴, 톨.
        (O, F_L) if matches!(l, P | T) => return true,
        // 윌, 윈 (윌리엄, 다윈).
        (WI, F_L | F_N) if l == NG => return true,
        // A ㄴ before y-vowels starts no native or Sino-Korean word (뉴욕, 냐).
        (YA | YO | YE, _) if first && l == N => return true,
        _ => {}
    }
    if l == K && !NATIVE_K.contains(&c) {
        return true;
    }
    first && l == R
}

/// Native or Sino-Korean words (and word starts) that the syllable rules
/// take for foreign.
const NATIVE: &[&str] = &[
    "무슨",
    "아무튼",
    "하여튼",
    "어쨌든",
    "바퀴",
    "티끌",
    "테두리",
    "스스",
    "가까스",
    "드디어",
    "오랜",
    "아드님",
    "쓰여",
    "켤레",
    "조카",
    "드러",
    "드리",
    "크게",
    "크기",
    "쓰레기",
    "쓰나미",
    "녀석",
    "베개",
    "베틀",
    "베짱",
    "베풀",
    "베끼",
    "베어",
    "녹슨",
    "튼튼",
    "톱니",
    "스승",
    "스님",
    "스물",
    "스며",
    "스치",
    "드물",
    "쓰러",
    "쓰이",
    "쓰임",
    "트집",
];

/// Native suffixes built on foreign-only syllables (자연스러운, 고통스럽다).
const NATIVE_INFIXES: &[&str] = &["스러", "스런", "스럽"];

/// Frequent loanwords of everyday vocabulary. They are no names: a
/// translation often renders them by meaning (`테러` *attack*, `인터뷰`
/// *told*), so their absence says little.
const COMMON: &[&str] = &[
    "테러",
    "인터뷰",
    "서비스",
    "스포츠",
    "프로그램",
    "컴퓨터",
    "인터넷",
    "이메일",
    "웹사이트",
    "사이트",
    "홈페이지",
    "블로그",
    "뉴스",
    "미디어",
    "텔레비전",
    "라디오",
    "카메라",
    "비디오",
    "버스",
    "택시",
    "트럭",
    "호텔",
    "레스토랑",
    "카페",
    "커피",
    "주스",
    "쥬스",
    "케이크",
    "피자",
    "햄버거",
    "초콜릿",
    "아이스크림",
    "샌드위치",
    "스파게티",
    "와인",
    "콜라",
    "파티",
    "게임",
    "팬",
    "팀",
    "클럽",
    "리그",
    "시즌",
    "코치",
    "캠프",
    "캠페인",
    "센터",
    "빌딩",
    "아파트",
    "엘리베이터",
    "에너지",
    "가스",
    "달러",
    "유로",
    "퍼센트",
    "포인트",
    "킬로",
    "미터",
    "센티",
    "시스템",
    "프로젝트",
    "테스트",
    "스트레스",
    "다이어트",
    "스타일",
    "패션",
    "디자인",
    "브랜드",
    "마케팅",
    "비즈니스",
    "이미지",
    "메시지",
    "아이디어",
    "모델",
    "매니저",
    "리더",
    "파트너",
    "멤버",
    "그룹",
    "이벤트",
    "콘서트",
    "드라마",
    "코미디",
    "쇼",
    "페이지",
    "텍스트",
    "파일",
    "데이터",
    "소프트웨어",
    "하드웨어",
    "칩",
    "로봇",
    "노트",
    "테이프",
    "테잎",
    "카드",
    "티켓",
    "쇼핑",
    "마트",
    "슈퍼",
    "마켓",
    "트렌드",
    "핸드폰",
    "휴대폰",
    "스마트폰",
    "셔츠",
    "티셔츠",
    "재킷",
    "드레스",
    "스커트",
    "스키",
    "테니스",
    "골프",
    "볼링",
    "마라톤",
    "올림픽",
    "월드컵",
    "트로피",
    "메달",
    "챔피언",
    "라운드",
    "매치",
    "체스",
    "카지노",
    "박테리아",
    "바이러스",
    "비타민",
    "호르몬",
    "칼로리",
    "알레르기",
    "클리닉",
    "엔진",
    "모터",
    "배터리",
    "오일",
    "플라스틱",
    "유니폼",
    "마스크",
    "헬멧",
    "로비",
    "에티켓",
    "매너",
    "유머",
    "스캔들",
    "루머",
    "이슈",
    "크리스마스",
    "퍼레이드",
    "페스티벌",
    "포스터",
    "오케스트라",
    "피아노",
    "기타",
    "콘텐츠",
    "미사일",
    "탱크",
    "헬기",
    "헬리콥터",
    "보트",
    "요트",
    "페리",
    "오토바이",
    "포크레인",
    "크레인",
    "터널",
    "아르바이트",
    "인턴",
    "시리즈",
    "에피소드",
    "스토리",
    "스타",
    "캐릭터",
    "스크린",
    "박스오피스",
    "채널",
    "트리",
    "토크",
    "레벨",
    "리스트",
    "쿠키",
    "샐러드",
    "소스",
    "치즈",
    "버터",
    "토마토",
    "오렌지",
    "바나나",
    "레몬",
    "커피숍",
    "베이커리",
    "마사지",
    "샤워",
    "타월",
    "침대",
    "소파",
    "커튼",
    "컵",
    "스푼",
    "포크",
    "나이프",
    "노트북",
    "키보드",
    "마우스",
    "프린터",
    "스캐너",
    "다운로드",
    "업로드",
    "온라인",
    "오프라인",
    "디지털",
    "네트워크",
    "해커",
    "바이오",
    "나노",
    "모바일",
    "앱",
    "플랫폼",
    "펀드",
    "보너스",
    "세일",
    "쿠폰",
    "마일리지",
    "라이벌",
    "스폰서",
    "레이스",
    "레이저",
    "렌즈",
    "레일",
    "케이블",
    "파이프",
    "펌프",
    "탱커",
    "컨테이너",
    "스튜디오",
    "갤러리",
    "콘테스트",
    "오디션",
    "인터폰",
    "벤치",
    "스케이트",
    "스노보드",
];

/// True when `word` is, or is a compound of, a frequent loanword of
/// everyday vocabulary rather than a name.
pub fn is_common(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| COMMON.iter().copied().collect());
    // A compound ends with its head (`폭탄테러`, `토크쇼`); a loanword of two
    // syllables or more may also lead one (`테러단체`).
    word.char_indices().any(|(i, _)| set.contains(&word[i..]))
        || word
            .char_indices()
            .skip(2)
            .map(|(i, _)| &word[..i])
            .chain(std::iter::once(word))
            .any(|head| set.contains(head))
}

/// True when the stem `word` (a noun without its particle) reads like a
/// transliterated foreign word: it holds a syllable Korean uses only for
/// them and is not one of the native words that break the rules.
pub fn is_loanword(word: &str) -> bool {
    if is_mimetic(word) {
        return false;
    }
    let foreign = word
        .chars()
        .enumerate()
        .any(|(i, c)| is_loan_syllable(c, i == 0))
        || has_ia(word)
        || has_ai(word);
    foreign
        && word.chars().nth(1).is_some()
        && !NATIVE.iter().any(|n| word.starts_with(n))
        && !NATIVE_INFIXES.iter().any(|n| word.contains(n))
}

/// A native sound-symbolic word: four syllables whose halves rhyme on the
/// same second syllable (`아슬아슬`, `부랴부랴`, `허겁지겁`, `울퉁불퉁`,
/// `싱글벙글`), the reduplication by which Korean forms its mimetic
/// adverbs, optionally followed by the endings that make them adverbs or
/// adjectives (`아슬아슬하게`, `부랴부랴`, `허겁지겁`).
pub fn is_mimetic(word: &str) -> bool {
    let s: Vec<char> = word.chars().collect();
    s.len() >= 4
        && s[1] == s[3]
        && s[..4].iter().all(|&c| jamo(c).is_some())
        && matches!(
            &s[4..].iter().collect::<String>()[..],
            "" | "하게" | "하다" | "한" | "하고" | "해" | "히" | "이" | "대" | "거리"
        )
}

/// `-ai-` of foreign words (마이클, 하이닉스, 다이얼): an open `ㅏ` syllable
/// followed by 이. Native and Sino-Korean words have it after ㅅ, ㅇ, ㄴ and
/// ㅊ (사이, 아이, 나이, 차이).
fn has_ai(word: &str) -> bool {
    let mut prev: Option<(u8, u8, u8)> = None;
    for c in word.chars() {
        let cur = jamo(c);
        if let (Some((l, 0, F_NONE)), Some((NG, I, F_NONE))) = (prev, cur) {
            if matches!(l, G | D | M | B | J | T | P | H) {
                return true;
            }
        }
        prev = cur;
    }
    false
}

/// `-ia` of foreign names (캘리포니아, 보스니아, 시리아): an open `ㅣ`
/// syllable followed by 아. Sino-Korean has it only after ㄱ, ㅁ and ㅊ
/// (기아, 미아, 치아).
fn has_ia(word: &str) -> bool {
    let mut prev: Option<(u8, u8, u8)> = None;
    for c in word.chars() {
        let cur = jamo(c);
        if let (Some((l, I, F_NONE)), Some((NG, 0, F_NONE))) = (prev, cur) {
            if !matches!(l, G | M | CH) {
                return true;
            }
        }
        prev = cur;
    }
    false
}

/// How many syllables of `word` are foreign-only.
pub fn loan_syllables(word: &str) -> usize {
    word.chars()
        .enumerate()
        .filter(|&(i, c)| is_loan_syllable(c, i == 0))
        .count()
}

/// A stricter test than [`is_loanword`], for anchoring documents to each
/// other where a false loanword costs more than a missed one.
///
/// True for a Hangul word of two syllables or more with a syllable that
/// native and Sino-Korean words hardly use but transcriptions of English
/// need: a consonant cluster or final consonant written with ㅡ and no
/// final (스, 트, 크, 프, 브, 드, 즈, 츠: 리프트 lift, 서비스 service), an
/// initial ㄹ (Sino-Korean turns it into ㄴ or ㅇ: 레이저 laser), or ㅔ after
/// ㄹ, ㅋ, ㅌ, ㅍ, ㅂ (센터 has none, 테니스 has 테), or a w glide
/// (타워 tower, 쉴링 shilling). Transcriptions without
/// such a syllable (센서) are given up: their skeletons are shared by too many
/// native words (선수) to tell them apart.
pub fn looks_transcribed(word: &str) -> bool {
    // Initial consonant indices (ㄱ=0 … ㅎ=18) and vowel indices (ㅏ=0 … ㅣ=20).
    const EU: u32 = 18;
    const E: u32 = 5;
    const CLUSTER: [u32; 8] = [9, 16, 15, 17, 7, 3, 12, 14]; // ㅅ ㅌ ㅋ ㅍ ㅂ ㄷ ㅈ ㅊ
    const BEFORE_E: [u32; 5] = [5, 15, 16, 17, 7]; // ㄹ ㅋ ㅌ ㅍ ㅂ
    const RIEUL: u32 = 5;
    const IEUNG: u32 = 11;
    // A w glide: 워 (tower 타워), ㅟ after a consonant (shilling 쉴링); Sino-
    // Korean writes ㅟ only after ㄱ, ㅇ, ㅊ, ㅎ (귀, 위, 취, 휘).
    const WO: u32 = 14;
    const WI: u32 = 16;
    const NATIVE_WI: [u32; 4] = [0, 11, 14, 18];
    let mut syllables = 0;
    let mut marked = false;
    for (i, c) in word.chars().enumerate() {
        let Some((l, v, t)) = crate::ko::decompose(c) else {
            return false;
        };
        let (l, v, t) = (l as u32, v as u32, t as u32);
        marked |= (v == EU && t == 0 && CLUSTER.contains(&l))
            || (i == 0 && l == RIEUL)
            || (v == E && BEFORE_E.contains(&l))
            || (v == WO && l == IEUNG && t == 0)
            || (v == WI && !NATIVE_WI.contains(&l));
        syllables += 1;
    }
    syllables >= 2 && marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mimetic_adverbs_are_native() {
        for w in [
            "아슬아슬하게",
            "부랴부랴",
            "허겁지겁",
            "울퉁불퉁",
            "싱글벙글",
            "가까스",
        ] {
            assert!(!is_loanword(w), "{w}");
        }
        assert!(is_mimetic("아슬아슬"));
        assert!(!is_mimetic("캘리포니아"));
        assert!(is_loanword("캘리포니아"));
    }

    #[test]
    fn transliterated_names_are_loanwords() {
        for w in [
            "캘리포니아",
            "스위프트",
            "그리스도",
            "크루즈",
            "로스앤젤레스",
            "뉴질랜드",
            "베를린",
            "존슨",
            "웰링턴",
            "셰익스피어",
            "라디오",
            "페리노",
            "보스니아",
            "베이징",
            "다이얼",
            "마이클",
        ] {
            assert!(is_loanword(w), "{w}");
        }
    }

    #[test]
    fn native_and_sino_korean_words_are_not() {
        for w in [
            "정부",
            "대통령",
            "사람",
            "무슨",
            "바퀴",
            "코끼리",
            "이름",
            "여름",
            "맨발",
            "내일",
            "경제",
            "세계",
            "학교",
            "스스로",
            "자연스러운",
            "치아",
            "베개",
            "기아",
            "사이",
            "나이",
            "차이",
        ] {
            assert!(!is_loanword(w), "{w}");
        }
    }

    #[test]
    fn everyday_loanwords_and_their_compounds_are_common() {
        assert!(is_common("테러"));
        assert!(is_common("폭탄테러"));
        assert!(is_common("인터뷰"));
        assert!(!is_common("캘리포니아"));
    }

    #[test]
    fn initial_rieul_is_foreign_only_at_the_start() {
        assert!(is_loan_syllable('로', true));
        assert!(!is_loan_syllable('로', false));
    }

    #[test]
    fn non_hangul_is_never_foreign() {
        assert!(!is_loan_syllable('a', true));
        assert!(!is_loanword("ab"));
        assert_eq!(loan_syllables(""), 0);
    }
}

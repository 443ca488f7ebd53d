//! The news glossary of the built-in lexicon ([`crate::lexicon`]) and its lookup
//! inside Korean words, which are written without spaces between the parts
//! of a compound (국가안보회의) and carry particles (정부는).

use super::features::{FxMap, Vocab};
use super::text::{
    en_stem, is_en_stopword, is_ko_stopword, is_particle, strip_particles, tokenize, Tok,
};
use std::sync::OnceLock;

use crate::lexicon::Source;

/// The parsed glossary: Korean term → concept ids of its English stems.
pub(crate) struct Glossary {
    /// Concept ids shared by every alignment (English stems of the glossary).
    pub base: FxMap<String, u32>,
    terms: FxMap<String, Vec<u32>>,
    /// Proper prefixes (two characters or more) of the terms: a longer term
    /// can only start where its prefix does.
    prefixes: FxMap<String, ()>,
}

impl Glossary {
    fn parse() -> Glossary {
        let mut base = FxMap::default();
        let mut terms: FxMap<String, Vec<u32>> = FxMap::default();
        for e in crate::lexicon::entries() {
            if !e.has(Source::Glossary) {
                continue;
            }
            let (ko, en) = (e.ko, e.glossary);
            let mut ids = Vec::new();
            for tok in tokenize(en) {
                if let Tok::Latin(l) = tok {
                    if !l.acronym && is_en_stopword(&l.word.to_ascii_lowercase()) {
                        continue;
                    }
                    let key = Vocab::word_key(&en_stem(&l.word));
                    let next = base.len() as u32;
                    ids.push(*base.entry(key).or_insert(next));
                }
            }
            ids.sort_unstable();
            ids.dedup();
            terms.entry(ko.to_string()).or_default().extend(ids);
        }
        let mut prefixes = FxMap::default();
        for term in terms.keys() {
            let ends: Vec<usize> = term.char_indices().map(|(b, _)| b).skip(2).collect();
            for e in ends {
                prefixes.insert(term[..e].to_string(), ());
            }
        }
        Glossary {
            base,
            terms,
            prefixes,
        }
    }

    /// A glossary without terms (to align on other evidence only).
    pub fn empty() -> Glossary {
        Glossary {
            base: FxMap::default(),
            terms: FxMap::default(),
            prefixes: FxMap::default(),
        }
    }

    /// Concept ids of the glossary terms found in `run`, a Hangul/Han run whose
    /// first `stem_chars` characters are the word without particles. Terms of
    /// two or more characters are matched longest-first anywhere; a Han
    /// character anywhere; a single Hangul syllable only when every syllable of
    /// the stem is accounted for by terms (북핵 = 북 + 핵, not 북어), or when the
    /// rest of the run is a particle (돈을). The character ranges of the stem
    /// that no term explains go to `residual` (a name inside a compound).
    pub fn lookup(
        &self,
        run: &str,
        stem_chars: usize,
        out: &mut Vec<u32>,
        residual: &mut Vec<std::ops::Range<usize>>,
    ) {
        let cs: Vec<char> = run.chars().collect();
        let mut at: Vec<usize> = run.char_indices().map(|(b, _)| b).collect();
        at.push(run.len());
        let n = cs.len();
        let stem_chars = stem_chars.min(n);
        let mut p = 0;
        let mut singles: Vec<usize> = Vec::new();
        let mut covered = vec![false; n];
        while p < n {
            // The longest term starting at p: extend while a term can
            // still start with the characters read.
            let mut matched = 0;
            let mut found: Option<&Vec<u32>> = None;
            for len in 2..=n - p {
                let piece = &run[at[p]..at[p + len]];
                if let Some(ids) = self.terms.get(piece) {
                    matched = len;
                    found = Some(ids);
                }
                if !self.prefixes.contains_key(piece) {
                    break;
                }
            }
            if let Some(ids) = found {
                out.extend_from_slice(ids);
                covered[p..p + matched].iter_mut().for_each(|c| *c = true);
                p += matched;
                continue;
            }
            match self.terms.get(&run[at[p]..at[p + 1]]) {
                Some(ids) if !crate::ko::is_syllable(cs[p]) => {
                    out.extend_from_slice(ids);
                    covered[p] = true;
                }
                Some(_) => singles.push(p),
                None => {}
            }
            p += 1;
        }
        let rest_is_particle = n > 1 && is_particle(&run[at[1]..]);
        let all_explained = (0..stem_chars).all(|p| covered[p] || singles.contains(&p));
        for p in singles {
            if all_explained && p < stem_chars || (p == 0 && rest_is_particle) {
                if let Some(ids) = self.terms.get(&run[at[p]..at[p + 1]]) {
                    out.extend_from_slice(ids);
                    covered[p] = true;
                }
            }
        }
        let mut p = 0;
        while p < stem_chars {
            if covered[p] {
                p += 1;
                continue;
            }
            let start = p;
            while p < stem_chars && !covered[p] {
                p += 1;
            }
            residual.push(start..p);
        }
    }

    /// Number of Korean terms.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.terms.len()
    }
}

/// The glossary, parsed once per process.
pub(crate) fn get() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    G.get_or_init(Glossary::parse)
}

/// The glossary concepts of a whole text, as ids shared by both languages
/// (sorted, without repeats): the terms inside its Hangul runs when `korean`,
/// else its English words that are glossary words. Document pairing uses
/// them as evidence beside numbers and names.
pub(crate) fn concepts(text: &str, korean: bool) -> Vec<u32> {
    let g = get();
    let mut out = Vec::new();
    let mut residual = Vec::new();
    for tok in tokenize(text) {
        match tok {
            Tok::Latin(l) if !korean && !l.acronym => {
                if is_en_stopword(&l.word.to_ascii_lowercase()) {
                    continue;
                }
                if let Some(&id) = g.base.get(&Vocab::word_key(&en_stem(&l.word))) {
                    out.push(id);
                }
            }
            Tok::Hangul { run } if korean => {
                let stem = strip_particles(run);
                if !is_ko_stopword(stem) {
                    g.lookup(run, stem.chars().count(), &mut out, &mut residual);
                    residual.clear();
                }
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(run: &str, stem_chars: usize) -> Vec<String> {
        let g = get();
        let mut ids = Vec::new();
        g.lookup(run, stem_chars, &mut ids, &mut Vec::new());
        let mut words: Vec<String> = g
            .base
            .iter()
            .filter(|(_, id)| ids.contains(id))
            .map(|(k, _)| k[1..].to_string())
            .collect();
        words.sort();
        words
    }

    #[test]
    fn glossary_is_sizeable_and_parsed() {
        assert!(get().len() > 300);
    }

    #[test]
    fn finds_terms_before_particles_and_inside_compounds() {
        assert!(stems_of("정부는", 2).contains(&en_stem("government")));
        let compound = stems_of("반도체수출이", 5);
        assert!(compound.contains(&en_stem("semiconductor")));
        assert!(compound.contains(&en_stem("exports")));
    }

    #[test]
    fn single_syllables_need_a_fully_explained_word() {
        let both = stems_of("북핵", 2);
        assert!(both.contains(&en_stem("nuclear")));
        assert!(both.contains(&en_stem("north")));
        assert!(stems_of("북어", 2).is_empty());
    }

    #[test]
    fn a_single_syllable_term_takes_a_particle() {
        assert!(stems_of("돈을", 2).contains(&en_stem("money")));
        assert!(stems_of("돈까스", 3).is_empty());
    }

    #[test]
    fn unexplained_parts_of_a_compound_are_reported() {
        let g = get();
        let mut residual = Vec::new();
        g.lookup("로렌스연구소의", 6, &mut Vec::new(), &mut residual);
        assert_eq!(residual, vec![0..3]);
    }

    #[test]
    fn a_text_and_its_translation_share_concepts() {
        let ko = concepts("정부는 반도체 수출을 늘렸다.", true);
        let en = concepts("The government raised semiconductor exports.", false);
        assert!(!ko.is_empty());
        // A Korean term stands for all its English renderings (정부:
        // government, administration, …); the translation uses one of them.
        assert!(en.iter().all(|c| ko.contains(c)), "{ko:?} {en:?}");
        assert!(concepts("The government", true).is_empty());
        assert!(concepts("정부는", false).is_empty());
    }

    #[test]
    fn han_characters_match_anywhere() {
        assert!(stems_of("에너지省", 4).contains(&en_stem("ministry")));
    }
}

//! Sentence segmentation for English and Korean (placeholder: UAX #29).

use crate::lang::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// Sentence spans of `text`, trimmed of surrounding whitespace; the gaps
/// between consecutive spans are whitespace only, so no character is lost.
pub fn sentence_spans(text: &str, _lang: Lang) -> Vec<std::ops::Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let t = s.trim_start();
            let start = i + (s.len() - t.len());
            let end = start + t.trim_end().len();
            (end > start).then_some(start..end)
        })
        .collect()
}

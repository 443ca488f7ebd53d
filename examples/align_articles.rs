//! Align the sentences of an English article with its Korean original.
//!
//! ```sh
//! cargo run --example align_articles -- corpora/en/FILE.txt corpora/ko/FILE.txt
//! ```
//! Without arguments it aligns two short built-in texts.

use bitext::align::{align, AlignOptions};
use bitext::document::{read_file, Document, ReadOptions};
use bitext::lang::Lang;
use bitext::segment::sentences;
use std::path::Path;

/// The sentences of the title and body of the first document in `path`.
fn article_sentences(path: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let docs: Vec<Document> = read_file(Path::new(path), &ReadOptions::default())?;
    let doc = docs.first().ok_or("no document in the file")?;
    Ok(doc
        .sentences()
        .map(|s| doc.slice(s.span).to_string())
        .collect())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (en, ko) = match &args[..] {
        [en, ko] => (article_sentences(en)?, article_sentences(ko)?),
        _ => {
            let en = "Exports rose 19.8 percent. Mr. Kim said chips led the gain.";
            let ko = "수출이 19.8% 늘었다. 김 씨는 반도체가 증가를 이끌었다고 말했다.";
            let own = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
            (own(sentences(en, Lang::EN)), own(sentences(ko, Lang::KO)))
        }
    };
    let en_refs: Vec<&str> = en.iter().map(String::as_str).collect();
    let ko_refs: Vec<&str> = ko.iter().map(String::as_str).collect();
    for bead in align(&en_refs, &ko_refs, &AlignOptions::default()) {
        let side = |r: std::ops::Range<usize>, s: &[&str]| s[r].join(" ");
        println!(
            "{:.3}\t{}\t{}",
            bead.score,
            side(bead.en.clone(), &en_refs),
            side(bead.ko.clone(), &ko_refs)
        );
    }
    Ok(())
}

//! An audit run as the reports see it: the pairs, where each side came from,
//! their reports, and how pairs group into articles.

use super::{BatchReport, Finding, PairInput};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::span::{LineIndex, Span};

/// A file the pairs were read from, kept to turn offsets into line:column.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as given.
    pub path: String,
    /// The decoded text.
    pub text: String,
    index: LineIndex,
}

impl SourceFile {
    /// A source file holding `text`.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        SourceFile {
            path: path.into(),
            index: LineIndex::new(&text),
            text,
        }
    }

    /// The location of byte `span` of this file.
    pub fn location(&self, span: Span) -> Location {
        let (line, column) = self.index.line_col(&self.text, span.start);
        Location {
            path: self.path.clone(),
            line,
            column,
            span,
        }
    }
}

/// Where a pair's sides start: a file (index into [`AuditRun::files`]) and
/// the byte offset of the side's text in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// File of the English side.
    pub en_file: usize,
    /// Byte offset of the English text in its file.
    pub en_offset: usize,
    /// File of the Korean side.
    pub ko_file: usize,
    /// Byte offset of the Korean text in its file.
    pub ko_offset: usize,
}

/// A group of pairs reported together: an article pair, or one row.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Name (the article files, or the row id).
    pub name: String,
    /// Indices of its pairs.
    pub rows: Vec<usize>,
    /// Its score (length-weighted mean of its pair scores).
    pub score: f64,
}

/// Everything a report needs.
#[derive(Clone, Debug)]
pub struct AuditRun {
    /// What was audited, for titles (`pairs.tsv`, `en/ vs ko/`).
    pub title: String,
    /// Source files.
    pub files: Vec<SourceFile>,
    /// The pairs, in input order.
    pub pairs: Vec<PairInput>,
    /// Where each pair came from.
    pub origins: Vec<Origin>,
    /// The reports.
    pub batch: BatchReport,
    /// Articles (or rows) for per-article reports.
    pub groups: Vec<Group>,
}

impl AuditRun {
    /// Group the rows of a pairs file: one group per row, named by its id.
    pub fn group_rows(pairs: &[PairInput], batch: &BatchReport) -> Vec<Group> {
        pairs
            .iter()
            .zip(&batch.pairs)
            .enumerate()
            .map(|(i, (p, r))| Group {
                name: p.id.clone().unwrap_or_else(|| format!("row {i}")),
                rows: vec![i],
                score: r.score,
            })
            .collect()
    }

    /// A human name for pair `row`: its id, else its row number.
    pub fn pair_name(&self, row: usize) -> String {
        match self.pairs.get(row).and_then(|p| p.id.as_deref()) {
            Some(id) => id.to_string(),
            None => format!("row {row}"),
        }
    }

    /// The diagnostic of finding `f` of pair `row`: located on the English
    /// side, with the Korean side as the related location.
    pub fn diagnostic(&self, row: usize, f: &Finding) -> Diagnostic {
        let o = self.origins.get(row).copied().unwrap_or_default();
        let side = |file: usize, offset: usize, span: Option<Span>| -> Location {
            let span = span.unwrap_or_default();
            let span = Span::new(span.start + offset, span.end + offset);
            match self.files.get(file) {
                Some(f) => f.location(span),
                None => Location {
                    path: "-".into(),
                    line: 1,
                    column: 1,
                    span,
                },
            }
        };
        let mut d = Diagnostic::new(
            f.code,
            side(o.en_file, o.en_offset, f.en),
            format!("{} ({})", f.message, self.pair_name(row)),
        );
        d.severity = f.severity;
        d.related = Some(side(o.ko_file, o.ko_offset, f.ko));
        d
    }

    /// Every finding above `Info` as a diagnostic, in input order.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.findings()
            .map(|(row, f)| self.diagnostic(row, f))
            .collect()
    }

    /// The texts the diagnostics point into, for the shared report writers.
    pub fn sources(&self) -> crate::report::Sources {
        let mut s = crate::report::Sources::new();
        for f in &self.files {
            s.add(f.path.clone(), f.text.clone());
        }
        s
    }

    /// Every finding above `Info` with its row, in input order.
    pub fn findings(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.batch.pairs.iter().enumerate().flat_map(|(row, r)| {
            r.findings
                .iter()
                .filter(|f| f.severity > Severity::Info)
                .map(move |f| (row, f))
        })
    }

    /// Rows ordered from the worst score up.
    pub fn worst_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.batch.pairs.len()).collect();
        rows.sort_by(|&a, &b| {
            self.batch.pairs[a]
                .score
                .total_cmp(&self.batch.pairs[b].score)
                .then(a.cmp(&b))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{audit_batch, AuditOptions};

    #[test]
    fn diagnostics_point_into_the_file_on_both_sides() {
        let text = "ko\ten\n그는 집에 갔다.\tHe went 집에 갔다.\n";
        let pairs = vec![PairInput {
            id: None,
            ko: "그는 집에 갔다.".into(),
            en: "He went 집에 갔다.".into(),
        }];
        let batch = audit_batch(&pairs, &AuditOptions::default());
        let ko_offset = text.find('그').unwrap_or(0);
        let en_offset = text.find("He").unwrap_or(0);
        let groups = AuditRun::group_rows(&pairs, &batch);
        let run = AuditRun {
            title: "t".into(),
            files: vec![SourceFile::new("p.tsv", text)],
            pairs,
            origins: vec![Origin {
                en_file: 0,
                en_offset,
                ko_file: 0,
                ko_offset,
            }],
            batch,
            groups,
        };
        let d = run.diagnostics();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.path, "p.tsv");
        assert_eq!(d[0].location.line, 2);
        assert_eq!(d[0].location.column, 19);
        assert_eq!(&text[d[0].location.span.range()], "집에 갔다");
        assert_eq!(d[0].related.as_ref().map(|l| l.line), Some(2));
        assert_eq!(run.worst_rows(), vec![0]);
    }
}

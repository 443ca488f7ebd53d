//! An audit run as the reports see it: the pairs, where each side came from,
//! their reports, and how pairs group into articles.

use super::{BatchReport, Finding, PairInput};
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::report::FailOn;
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

/// A side of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The English translation.
    En,
    /// The Korean original.
    Ko,
}

impl Side {
    /// `en` or `ko`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::En => "en",
            Side::Ko => "ko",
        }
    }
}

/// An article of a collection audit that found no partner: a Korean original
/// with no translation (an error: the translation is missing) or an English
/// article with no original (a warning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpaired {
    /// Which collection it is in.
    pub side: Side,
    /// Its file.
    pub path: String,
    /// 1-based line of the record in its file (1 for a whole-file article).
    pub line: usize,
    /// Its title, empty when it has none.
    pub title: String,
}

impl Unpaired {
    /// The finding: BT410, an error for a Korean original, a warning for an
    /// English article.
    pub fn diagnostic(&self) -> Diagnostic {
        let (severity, message) = match self.side {
            Side::Ko => (
                Severity::Error,
                "Korean article with no English translation among the inputs",
            ),
            Side::En => (
                Severity::Warning,
                "English article with no Korean original among the inputs",
            ),
        };
        let title = if self.title.is_empty() {
            String::new()
        } else {
            format!(": {}", self.title)
        };
        let mut d = Diagnostic::new(
            Code::Unpaired,
            Location {
                path: self.path.clone(),
                line: self.line.max(1),
                column: 1,
                span: Span::default(),
            },
            format!("{message}{title}"),
        );
        d.severity = severity;
        d
    }
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
    /// Articles of a collection audit left without a partner.
    pub unpaired: Vec<Unpaired>,
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

    /// The diagnostic of finding `f` of pair `row`, located on the side the
    /// finding concerns (the English span when it has one, else the Korean),
    /// with the other side as the related location when it has a span.
    pub fn diagnostic(&self, row: usize, f: &Finding) -> Diagnostic {
        let o = self.origins.get(row).copied().unwrap_or_default();
        let side = |file: usize, offset: usize, span: Span| -> Location {
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
        let en = side(o.en_file, o.en_offset, f.en.unwrap_or_default());
        let ko = side(o.ko_file, o.ko_offset, f.ko.unwrap_or_default());
        let en_concerned = f.en.is_some_and(|s| !s.is_empty()) || f.ko.is_none();
        let (primary, related) = if en_concerned { (en, ko) } else { (ko, en) };
        let mut d = Diagnostic::new(
            f.code,
            primary,
            format!("{} ({})", f.message, self.pair_name(row)),
        );
        d.severity = f.severity;
        d.related = Some(related);
        d
    }

    /// Every finding above `Info` as a diagnostic, in input order, then the
    /// unpaired articles.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.findings()
            .map(|(row, f)| self.diagnostic(row, f))
            .chain(self.unpaired.iter().map(Unpaired::diagnostic))
            .collect()
    }

    /// True when the run fails a build: a finding (or unpaired article) that
    /// `fail_on` fails, or a batch score below `min_score`.
    pub fn fails(&self, fail_on: FailOn, min_score: Option<f64>) -> bool {
        let findings = self
            .batch
            .pairs
            .iter()
            .flat_map(|p| &p.findings)
            .any(|f| fail_on.fails(f.severity));
        let unpaired = self
            .unpaired
            .iter()
            .any(|u| fail_on.fails(u.diagnostic().severity));
        findings || unpaired || min_score.is_some_and(|m| self.batch.score < m)
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
            unpaired: Vec::new(),
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

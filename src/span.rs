//! Byte spans into a document's text and the line index that turns them into line:column.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's decoded text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span moved right by `offset` bytes.
    pub fn shift(self, offset: usize) -> Self {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Line starts of a text, computed once, so that any byte offset maps to a
/// 1-based line and column with a binary search.
///
/// Lines are split on `\n` only: U+0085, U+2028, U+000B and U+000C are
/// content, so every output format counts lines the same way.
/// Columns count Unicode scalar values, starting at 1.
///
/// ```
/// use bitext::span::LineIndex;
/// let text = "a\nbé c";
/// let index = LineIndex::new(text);
/// assert_eq!(index.line_col(text, 5), (2, 3));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line of the byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.saturating_sub(1).min(self.starts.len() - 1)]
    }

    /// 1-based line and column (in characters) of the byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_start(line);
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let col = text[start..offset.max(start)].chars().count() + 1;
        (line, col)
    }

    /// A cursor that turns offsets into line:column in time linear in the
    /// distance moved, for callers that ask in (mostly) increasing order.
    pub fn columns<'a>(&'a self, text: &'a str) -> Columns<'a> {
        Columns {
            index: self,
            text,
            at: (0, 1, 1),
        }
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

/// See [`LineIndex::columns`].
#[derive(Clone, Debug)]
pub struct Columns<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// Last position (offset, line, column).
    at: (usize, usize, usize),
}

impl Columns<'_> {
    /// 1-based line and column (in characters) of byte `offset`: counted
    /// from the last position when it is earlier on the same line, else from
    /// the start of the line.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.line(offset);
        let start = self.index.line_start(line);
        let (a_off, a_line, a_col) = self.at;
        let (from, col) = if a_line == line && a_off <= offset && a_off >= start {
            (a_off, a_col)
        } else {
            (start, 1)
        };
        let col = col + self.text[from..offset].chars().count();
        self.at = (offset, line, col);
        (line, col)
    }
}

/// The largest char boundary of `text` at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

//! The single-pass boundary scanner.
//!
//! One left-to-right walk over the bytes finds every candidate (a run of
//! terminators, a line break) and decides it from a bounded window around
//! it, so the cost is linear in the input. Quotations are tracked on a small
//! stack; when a Korean quotation closes into a continuing sentence
//! (`…했다"라고`, `…까?" 라며`), the boundaries found inside it are taken
//! back. That undo only pops from the end of the cut list, and every cut is
//! pushed once, so it stays linear too.

use super::abbrev::{self, Abbrev};
use super::chars::{
    char_at, char_before, is_closer, is_hangul, is_korean, is_opener, is_quote, is_terminator,
    skip_ws, token_before, word_at,
};
use super::ko;
use crate::lang::Lang;

/// Longest quotation (in bytes) whose inner boundaries may be taken back: a
/// quote mark paired over a longer stretch is more likely a stray one.
const MAX_QUOTE: usize = 1500;
/// Most sentences a quotation may hold and still be taken as one: more
/// suggests a mispaired mark.
const MAX_QUOTED_CUTS: usize = 6;
/// Open quotations remembered at once; deeper nesting forgets the oldest.
const MAX_DEPTH: usize = 8;
/// How far (in bytes) the scanner looks for the word before or after a candidate.
const WINDOW: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteKind {
    /// `"`, `“`, `”`: texts mix the straight and curly forms freely.
    Double,
    /// `'`, `‘`, `’`.
    Single,
    /// `「」`.
    Corner,
    /// `『』`.
    WhiteCorner,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    kind: QuoteKind,
    pos: usize,
    /// Number of cuts when the quotation opened.
    cuts: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// A single `.` (or `。`).
    Period,
    /// `!` or `?` anywhere in the run.
    Strong,
    /// `…` or `..`/`...`.
    Ellipsis,
}

/// Byte offsets where sentences end, sorted and distinct, each on a char
/// boundary strictly inside `text`.
pub(crate) fn cuts(text: &str, lang: Lang) -> Vec<usize> {
    let mut scanner = Scanner {
        text,
        lang,
        cuts: Vec::new(),
        quotes: Vec::new(),
    };
    scanner.run();
    scanner.cuts
}

struct Scanner<'a> {
    text: &'a str,
    lang: Lang,
    cuts: Vec<usize>,
    quotes: Vec<Open>,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            i = match bytes[i] {
                b'.' | b'!' | b'?' => self.terminator(i),
                b'\n' => self.newline(i),
                b'"' => {
                    self.straight_quote(i, QuoteKind::Double);
                    i + 1
                }
                b'\'' => {
                    self.straight_quote(i, QuoteKind::Single);
                    i + 1
                }
                0xE2 | 0xE3 | 0xEF => self.three_byte(i),
                _ => i + 1,
            };
        }
    }

    /// Dispatch on a three-byte character that may be punctuation we track.
    fn three_byte(&mut self, i: usize) -> usize {
        let Some(c) = char_at(self.text, i) else {
            return i + 1;
        };
        match c {
            '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => return self.terminator(i),
            '\u{201C}' => self.open(QuoteKind::Double, i),
            '\u{201D}' => self.right_double_quote(i),
            '\u{2018}' => self.open(QuoteKind::Single, i),
            '\u{2019}' => {
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if !(latin(char_before(self.text, i)) && latin(char_at(self.text, i + 3))) {
                    self.close(QuoteKind::Single, i, 3);
                }
            }
            '\u{300C}' => self.open(QuoteKind::Corner, i),
            '\u{300D}' => {
                self.close(QuoteKind::Corner, i, 3);
            }
            '\u{300E}' => self.open(QuoteKind::WhiteCorner, i),
            '\u{300F}' => {
                self.close(QuoteKind::WhiteCorner, i, 3);
            }
            _ => {}
        }
        i + c.len_utf8()
    }

    /// `”` closes a quotation, or opens one after a space: some texts use
    /// U+201D for both marks.
    fn right_double_quote(&mut self, i: usize) {
        if !self.close(QuoteKind::Double, i, 3) && self.prev_is_space(i) {
            self.open(QuoteKind::Double, i);
        }
    }

    fn prev_is_space(&self, i: usize) -> bool {
        char_before(self.text, i).is_none_or(char::is_whitespace)
    }

    fn push_cut(&mut self, pos: usize) {
        if pos > 0 && pos < self.text.len() && self.cuts.last().is_none_or(|&l| l < pos) {
            self.cuts.push(pos);
        }
    }

    fn open(&mut self, kind: QuoteKind, pos: usize) {
        if self.quotes.len() >= MAX_DEPTH {
            self.quotes.remove(0);
        }
        self.quotes.push(Open {
            kind,
            pos,
            cuts: self.cuts.len(),
        });
    }

    /// Close the innermost open quotation of `kind` at byte `i` (the mark is
    /// `len` bytes long). Returns false when none is open.
    fn close(&mut self, kind: QuoteKind, i: usize, len: usize) -> bool {
        let Some(k) = self.quotes.iter().rposition(|q| q.kind == kind) else {
            return false;
        };
        let open = self.quotes[k];
        self.quotes.truncate(k);
        let inner = self.cuts.len() - open.cuts.min(self.cuts.len());
        if inner > 0
            && inner <= MAX_QUOTED_CUTS
            && i - open.pos <= MAX_QUOTE
            && self.quote_continues(i + len)
        {
            self.cuts.truncate(open.cuts);
        }
        true
    }

    /// A straight `"` or `'`: which side it is on follows from its neighbours.
    fn straight_quote(&mut self, i: usize, kind: QuoteKind) {
        let before = char_before(self.text, i);
        let after = char_at(self.text, i + 1);
        if kind == QuoteKind::Single
            && before.is_some_and(|c| c.is_ascii_alphanumeric())
            && after.is_some_and(|c| c.is_ascii_alphabetic())
        {
            return; // an apostrophe: don't, O'Neil
        }
        let after_space = after.is_none_or(char::is_whitespace);
        match before {
            None => {
                if !after_space {
                    self.open(kind, i);
                }
            }
            Some(b) if b.is_whitespace() || (is_opener(b) && b != '"' && b != '\'') => {
                if !after_space {
                    self.open(kind, i);
                }
            }
            Some(_) => {
                if !self.close(kind, i, 1)
                    && after.is_some_and(char::is_alphanumeric)
                    && !ko::is_attached_particle(word_at(self.text, i + 1, WINDOW))
                {
                    // `said,"Hello` or `그는"왜`: an opening mark without a
                    // space. A particle after it (`…다"라고`) means a closing
                    // mark whose opening lies before the text.
                    self.open(kind, i);
                }
            }
        }
    }

    /// After a closing quote ending at `after`: does a Korean sentence go
    /// on? A particle attached to the mark (`"라고`, `"며`, `"는`) or a
    /// quotative word after a space (`" 라고`) says it does, and the
    /// sentences inside the quotation then belong to the one around it.
    /// English quotations keep their inner sentences (`"We won. It was
    /// hard," he said.` is two), so only Korean takes them back.
    fn quote_continues(&self, after: usize) -> bool {
        let text = self.text;
        match char_at(text, after) {
            Some(c) if is_hangul(c) => true,
            Some(c) if c.is_whitespace() => {
                let n = skip_ws(text, after);
                !text.get(after..n).is_some_and(|gap| gap.contains('\n'))
                    && char_at(text, n).is_some_and(is_hangul)
                    && ko::is_quotative(word_at(text, n, WINDOW))
            }
            _ => false,
        }
    }

    /// Up to four capitalised words (a name, a title) followed by a speech
    /// verb: `Kim said`, `President Moon Jae-in added`. A pronoun or other
    /// sentence opener first (`She answered`) starts a new sentence instead.
    fn attribution_at(&self, mut pos: usize) -> bool {
        if abbrev::is_sentence_starter(word_at(self.text, pos, WINDOW)) {
            return false;
        }
        for _ in 0..5 {
            let word = word_at(self.text, pos, WINDOW);
            if word.is_empty() {
                return false;
            }
            if abbrev::is_speech_verb(word) {
                return true;
            }
            if !word.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
            let mut end = pos + word.len();
            if char_at(self.text, end) == Some('.') && abbrev::classify(word) == Some(Abbrev::Title)
            {
                end += 1;
            }
            if char_at(self.text, end) != Some(' ') {
                return false;
            }
            pos = end + 1;
        }
        false
    }

    /// A run of terminators at `start`: decide whether a sentence ends after
    /// it (and after any closing quotes or brackets). Returns where scanning
    /// resumes: the closers are left to the main loop, which tracks quotes.
    fn terminator(&mut self, start: usize) -> usize {
        let text = self.text;
        let mut end = start;
        let mut dots = 0;
        let mut strong = false;
        let mut ellipsis = false;
        while let Some(c) = char_at(text, end) {
            match c {
                '.' | '\u{3002}' => dots += 1,
                '!' | '?' | '\u{FF01}' | '\u{FF1F}' => strong = true,
                '\u{2026}' => ellipsis = true,
                _ => break,
            }
            end += c.len_utf8();
        }
        let term = if strong {
            Term::Strong
        } else if ellipsis || dots > 1 {
            Term::Ellipsis
        } else {
            Term::Period
        };
        let mut after = end;
        let mut quoted = false;
        let mut closers = 0;
        while let Some(c) = char_at(text, after) {
            if !is_closer(c) || closers == 8 || self.opens_after_terminator(c, after) {
                break;
            }
            quoted |= is_quote(c);
            closers += 1;
            after += c.len_utf8();
        }
        if closers == 0 {
            // `…was over. ” Lee`: a closing mark set off by a space.
            let n = skip_ws(text, after);
            if let Some(c) = char_at(text, n).filter(|&c| n > after && is_quote(c)) {
                let gap_has_break = text.get(after..n).is_some_and(|g| g.contains('\n'));
                let then = char_at(text, n + c.len_utf8());
                if !gap_has_break
                    && self.closes_open_quote(c)
                    && then.is_none_or(char::is_whitespace)
                {
                    quoted = true;
                    closers = 1;
                    after = n + c.len_utf8();
                }
            }
        }
        if self.ends_sentence(start, after, term, quoted, closers > 0) {
            self.push_cut(after);
        }
        end
    }

    /// Whether the quotation mark `c` at `pos`, right after a terminator,
    /// opens the next quotation rather than closing one: no quotation of
    /// its kind is open and a word (not a particle) is glued to it, as in
    /// `말했다."가자`. A mark followed by a space closes a quotation
    /// even when its opening lies outside the text.
    fn opens_after_terminator(&self, c: char, pos: usize) -> bool {
        if !is_quote(c) || self.closes_open_quote(c) {
            return false;
        }
        let next = pos + c.len_utf8();
        char_at(self.text, next).is_some_and(char::is_alphanumeric)
            && !ko::is_attached_particle(word_at(self.text, next, WINDOW))
    }

    /// Whether the quotation mark `c` would close a quotation open now.
    fn closes_open_quote(&self, c: char) -> bool {
        let kind = match c {
            '"' | '\u{201D}' => QuoteKind::Double,
            '\'' | '\u{2019}' => QuoteKind::Single,
            '\u{300D}' => QuoteKind::Corner,
            '\u{300F}' => QuoteKind::WhiteCorner,
            _ => return true,
        };
        if c == '\u{2019}' && !self.quotes.iter().any(|q| q.kind == kind) {
            return true; // an apostrophe closing a word: `the students’.`
        }
        self.quotes.iter().any(|q| q.kind == kind)
    }

    /// The script around a candidate: the nearest letter before it decides;
    /// with none close by (digits, symbols), the language hint does.
    fn korean_context(&self, start: usize) -> bool {
        let head = token_before(self.text, start, 16);
        match head.chars().rev().find(|c| c.is_alphabetic()) {
            Some(c) => is_korean(c),
            None => self.lang == Lang::KO,
        }
    }

    fn ends_sentence(
        &self,
        start: usize,
        after: usize,
        term: Term,
        quoted: bool,
        closed: bool,
    ) -> bool {
        let text = self.text;
        let before = char_before(text, start);
        let Some(next) = char_at(text, after) else {
            return true;
        };
        if !next.is_whitespace() {
            return self.ends_without_space(term, closed, before, next);
        }
        let n = skip_ws(text, after);
        let Some(c) = char_at(text, n) else {
            return true;
        };
        if matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%') || is_terminator(c) {
            return false;
        }
        if quoted && is_hangul(c) && ko::is_quotative(word_at(text, n, WINDOW)) {
            return false;
        }
        if self.korean_context(start) {
            if term == Term::Ellipsis {
                return before.is_some_and(ko::is_final_syllable)
                    || !is_korean(c) && !c.is_lowercase();
            }
            if term == Term::Period && before.is_some_and(|b| b.is_ascii_digit()) {
                return self.number_period(start, n, c);
            }
            return true;
        }
        if c.is_lowercase() {
            return false;
        }
        // `"Why?" Kim asked.` is one sentence; after a period the writer
        // would have used a comma, so `." Kim said that …` starts a new one.
        if quoted && term == Term::Strong && c.is_uppercase() && self.attribution_at(n) {
            return false;
        }
        match term {
            Term::Strong => true,
            Term::Ellipsis => c.is_uppercase() || is_korean(c) || is_opener(c),
            Term::Period if closed => true,
            Term::Period => match before {
                Some(b) if b.is_ascii_digit() => self.number_period(start, n, c),
                Some(b) if b.is_ascii_alphabetic() => self.word_period(start, n, c),
                _ => true,
            },
        }
    }

    /// A terminator run directly followed by `next` (not a space).
    fn ends_without_space(
        &self,
        term: Term,
        closed: bool,
        before: Option<char>,
        next: char,
    ) -> bool {
        if closed {
            // `…했다"라고`: Hangul attached to a closing mark is a particle.
            return false;
        }
        let korean_before = before.is_some_and(is_korean);
        let new_start =
            is_hangul(next) || next.is_uppercase() || next.is_ascii_digit() || is_opener(next);
        match term {
            Term::Ellipsis => {
                korean_before && before.is_some_and(ko::is_final_syllable) && new_start
            }
            Term::Strong => korean_before && new_start,
            Term::Period => {
                // `다.그` and `요.A` miss their space; `다.com` does not.
                // After anything but Korean (3.5, U.S, example.com, `AI.그`)
                // a glued period is part of a token or a typo, not an end.
                korean_before && new_start
            }
        }
    }

    /// The Latin word before the period at `start`, inner periods kept
    /// (`U.S`, `p.m`), leading punctuation dropped.
    fn latin_word(&self, start: usize) -> &str {
        let token = token_before(self.text, start, WINDOW);
        let cut = token
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphabetic() || c == '.')
            .last()
            .map_or(token.len(), |(i, _)| i);
        token[cut..].trim_start_matches('.')
    }

    /// A period after a Latin word, followed by whitespace and `c` at `n`
    /// (not lower-case).
    fn word_period(&self, start: usize, n: usize, c: char) -> bool {
        let word = self.latin_word(start);
        let Some(kind) = abbrev::classify(word) else {
            return true;
        };
        let next = word_at(self.text, n, WINDOW);
        let digit = c.is_ascii_digit();
        match kind {
            Abbrev::Title | Abbrev::Never => false,
            Abbrev::BeforeNumber => !digit,
            Abbrev::Month => !digit && abbrev::is_sentence_starter(next),
            Abbrev::Time => {
                if is_korean(c) || digit || abbrev::continues_time(next) {
                    return false;
                }
                let after = skip_ws(self.text, n + next.len());
                word_at(self.text, after, WINDOW) != "time"
            }
            Abbrev::Ambiguous => {
                if is_korean(c) || digit {
                    return false;
                }
                if is_opener(c) {
                    return true;
                }
                // `J. K. Rowling`: another initial follows.
                let initial =
                    next.chars().count() == 1 && char_at(self.text, n + next.len()) == Some('.');
                !initial && abbrev::is_sentence_starter(next)
            }
        }
    }

    /// A period after a digit, followed by whitespace and `c` at `n`.
    fn number_period(&self, start: usize, n: usize, c: char) -> bool {
        let token = token_before(self.text, start, WINDOW);
        let digits = token.trim_start_matches(|c: char| !c.is_ascii_digit());
        let marker_start = start - digits.len();
        if (1..=2).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (self.at_line_start(marker_start) || self.after_sentence_end(marker_start))
        {
            return false; // a list number: `1. Costs`, `… is done. 2. Staff`
        }
        if c.is_ascii_digit() {
            // `2025. 12. 29.`: a year or month, then a month or day.
            let next: &str = self.text.get(n..).unwrap_or("");
            let run = next.bytes().take_while(u8::is_ascii_digit).count();
            let dated = (1..=2).contains(&run) && next.as_bytes().get(run) == Some(&b'.');
            return !(dated
                && (1..=4).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit()));
        }
        if is_korean(c) && self.is_date_end(start) {
            return false;
        }
        true
    }

    /// Whether the digits before the period at `start` end a date written
    /// `2025. 12. 29` or `2025.12.29`.
    fn is_date_end(&self, start: usize) -> bool {
        let token = token_before(self.text, start, WINDOW);
        if token.bytes().filter(|&b| b == b'.').count() >= 2
            && token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return true;
        }
        // Spaced form: walk back over `DD`, `MM. `, `YYYY. `.
        let bytes = self.text.as_bytes();
        let mut pos = start;
        for (k, (lo, hi)) in [(1, 2), (1, 2), (2, 4)].into_iter().enumerate() {
            let mut digits = 0;
            while pos > 0 && bytes[pos - 1].is_ascii_digit() && digits <= hi {
                pos -= 1;
                digits += 1;
            }
            if digits < lo || digits > hi {
                return false;
            }
            if k == 2 {
                return true;
            }
            let mut spaces = 0;
            while pos > 0 && bytes[pos - 1] == b' ' && spaces < 2 {
                pos -= 1;
                spaces += 1;
            }
            if pos == 0 || bytes[pos - 1] != b'.' {
                return false;
            }
            pos -= 1;
        }
        false
    }

    /// Whether `pos` directly follows a terminator (and closers), with or
    /// without spaces between.
    fn after_sentence_end(&self, pos: usize) -> bool {
        let head = self.text.get(..pos).unwrap_or("");
        let head = head.trim_end_matches([' ', '\t']);
        if head.len() + WINDOW < pos {
            return false;
        }
        let head = head.trim_end_matches(|c: char| is_closer(c) && !matches!(c, ')' | ']'));
        if !head.ends_with(is_terminator) {
            return false;
        }
        // `on Nov. 19. The …`: the period of an abbreviation that takes a
        // number is no sentence end, so `19.` is a day, not a list marker.
        !(head.ends_with('.')
            && matches!(
                abbrev::classify(self.latin_word(head.len() - 1)),
                Some(Abbrev::Month | Abbrev::BeforeNumber)
            ))
    }

    /// Whether only spaces or tabs separate `pos` from the start of its line.
    fn at_line_start(&self, pos: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut p = pos;
        while p > 0 && pos - p < WINDOW {
            match bytes[p - 1] {
                b' ' | b'\t' | b'\r' => p -= 1,
                b'\n' => return true,
                _ => return false,
            }
        }
        p == 0
    }

    /// A line break at `i`: a blank line always ends a sentence; a single
    /// break does unless the text visibly runs on. Returns the first
    /// non-whitespace position after the break, where scanning resumes.
    fn newline(&mut self, i: usize) -> usize {
        let text = self.text;
        let next = skip_ws(text, i);
        let blank = text.get(i + 1..next).is_some_and(|gap| gap.contains('\n'));
        let prev_end = text
            .get(..i)
            .map_or(0, |h| h.trim_end_matches([' ', '\t', '\r']).len());
        if prev_end == 0 || next >= text.len() || self.cuts.last().is_some_and(|&l| l >= prev_end) {
            if blank {
                self.quotes.clear();
            }
            return next;
        }
        if blank {
            self.push_cut(i);
            self.quotes.clear();
            return next;
        }
        if self.line_runs_on(prev_end, next) {
            return next;
        }
        self.push_cut(i);
        next
    }

    /// Whether the line ending at `prev_end` continues on the line starting
    /// at `next`.
    fn line_runs_on(&self, prev_end: usize, next: usize) -> bool {
        let text = self.text;
        let (Some(p), Some(c)) = (char_before(text, prev_end), char_at(text, next)) else {
            return true;
        };
        if self.list_item_at(next) {
            return false;
        }
        if is_terminator(p) {
            return true; // the terminator rules have decided
        }
        if is_closer(p) && char_before(text, prev_end - p.len_utf8()).is_some_and(is_terminator) {
            return true;
        }
        c.is_lowercase()
            || matches!(
                p,
                ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | '[' | '/' | '&' | '+' | '='
            )
            || matches!(c, ',' | ';' | ')' | ']' | '%')
    }

    /// A list item marker at `pos`: `1.`, `12)`, `a)`, or a bullet, then a space.
    fn list_item_at(&self, pos: usize) -> bool {
        let rest = self.text.get(pos..).unwrap_or("").as_bytes();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let marker = if (1..=3).contains(&digits) && matches!(rest.get(digits), Some(b'.' | b')')) {
            digits + 1
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) && rest.get(1) == Some(&b')') {
            2
        } else if let Some(c) = char_at(self.text, pos).filter(|&c| is_bullet(c)) {
            c.len_utf8()
        } else {
            return false;
        };
        matches!(rest.get(marker), Some(b' ' | b'\t'))
    }
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '*'
            | '\u{2022}'
            | '\u{00B7}'
            | '\u{2023}'
            | '\u{25AA}'
            | '\u{25CF}'
            | '\u{25CB}'
            | '\u{25A0}'
            | '\u{25A1}'
            | '\u{25C6}'
            | '\u{25C7}'
            | '\u{25B6}'
            | '\u{25BA}'
            | '\u{25B2}'
            | '\u{25B3}'
            | '\u{203B}'
            | '\u{2013}'
            | '\u{2014}'
    )
}

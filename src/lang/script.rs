//! Script classes of letters and the per-text script census.

/// The script classes that decide language before any statistics are consulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Hangul,
    Han,
    Kana,
    Latin,
    Other,
    /// Not a letter: digits, punctuation, spaces, symbols, combining marks.
    None,
}

/// The script class of one character.
#[inline]
pub(crate) fn class(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return if c.is_ascii_alphabetic() {
            Class::Latin
        } else {
            Class::None
        };
    }
    match u {
        _ if crate::ko::is_hangul(c) => Class::Hangul,
        0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D => {
            // The katakana middle dot and double hyphen are punctuation, not kana.
            if matches!(u, 0x30FB | 0x30A0) {
                Class::None
            } else {
                Class::Kana
            }
        }
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x3005 => {
            Class::Han
        }
        0xC0..=0x24F | 0x1E00..=0x1EFF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0x2C60..=0x2C7F => {
            if matches!(u, 0xD7 | 0xF7) {
                Class::None
            } else {
                Class::Latin
            }
        }
        _ if c.is_alphabetic() && !is_mark(c) => Class::Other,
        _ => Class::None,
    }
}

/// Combining marks count as part of their base letter, never as letters of their own.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Letter counts per script class.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Census {
    pub hangul: usize,
    pub han: usize,
    pub kana: usize,
    pub latin: usize,
    pub other: usize,
}

impl Census {
    pub fn of(text: &str) -> Census {
        let mut c = Census::default();
        for ch in text.chars() {
            match class(ch) {
                Class::Hangul => c.hangul += 1,
                Class::Han => c.han += 1,
                Class::Kana => c.kana += 1,
                Class::Latin => c.latin += 1,
                Class::Other => c.other += 1,
                Class::None => {}
            }
        }
        c
    }

    pub fn letters(&self) -> usize {
        self.hangul + self.han + self.kana + self.latin + self.other
    }

    pub fn cjk(&self) -> usize {
        self.hangul + self.han + self.kana
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_representative_letters() {
        assert_eq!(class('한'), Class::Hangul);
        assert_eq!(class('ㄱ'), Class::Hangul);
        assert_eq!(class('韓'), Class::Han);
        assert_eq!(class('の'), Class::Kana);
        assert_eq!(class('カ'), Class::Kana);
        assert_eq!(class('ー'), Class::Kana);
        assert_eq!(class('・'), Class::None);
        assert_eq!(class('é'), Class::Latin);
        assert_eq!(class('ß'), Class::Latin);
        assert_eq!(class('×'), Class::None);
        assert_eq!(class('Ж'), Class::Other);
        assert_eq!(class('7'), Class::None);
        assert_eq!(class('\u{301}'), Class::None);
    }

    #[test]
    fn census_counts_letters_only() {
        let c = Census::of("삼성 Galaxy S25, 出市!");
        assert_eq!(c.hangul, 2);
        assert_eq!(c.latin, 7);
        assert_eq!(c.han, 2);
        assert_eq!(c.letters(), 11);
    }
}

//! JSON forms of the pairing stages' records: hashes as 16 hex digits (a
//! JSON number loses bits past 2^53 in most readers) and anchor kinds by
//! name.

use super::anchors::AnchorKind;
use super::{AnchorKey, VocabEntry};
use serde::{Deserialize, Serialize};

/// `u64` as 16 lower-case hex digits.
pub mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_hex(&s).map_err(serde::de::Error::custom)
    }
}

fn parse_hex(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s, 16).map_err(|_| format!("`{s}` is not a 64-bit hex hash"))
}

fn parse_kind(s: &str) -> Result<AnchorKind, String> {
    AnchorKind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| format!("unknown anchor kind `{s}`"))
}

/// `[hash, kind, expected, word]`.
#[derive(Serialize, Deserialize)]
pub struct KeyRecord(String, String, bool, u32);

impl From<AnchorKey> for KeyRecord {
    fn from(k: AnchorKey) -> Self {
        KeyRecord(
            format!("{:016x}", k.hash),
            k.kind.as_str().to_owned(),
            k.expected,
            k.word,
        )
    }
}

impl TryFrom<KeyRecord> for AnchorKey {
    type Error = String;
    fn try_from(r: KeyRecord) -> Result<Self, String> {
        Ok(AnchorKey {
            hash: parse_hex(&r.0)?,
            kind: parse_kind(&r.1)?,
            expected: r.2,
            word: r.3,
        })
    }
}

/// `[hash, kind, English df, Korean df]`.
#[derive(Serialize, Deserialize)]
pub struct VocabRecord(String, String, u32, u32);

impl From<VocabEntry> for VocabRecord {
    fn from(v: VocabEntry) -> Self {
        VocabRecord(
            format!("{:016x}", v.hash),
            v.kind.as_str().to_owned(),
            v.df[0],
            v.df[1],
        )
    }
}

impl TryFrom<VocabRecord> for VocabEntry {
    type Error = String;
    fn try_from(r: VocabRecord) -> Result<Self, String> {
        Ok(VocabEntry {
            hash: parse_hex(&r.0)?,
            kind: parse_kind(&r.1)?,
            df: [r.2, r.3],
        })
    }
}

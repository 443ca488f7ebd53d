use super::*;
use crate::document::{parse_bytes, ReadOptions};

fn doc(name: &str, date: Option<&str>, body: &str) -> Document {
    let front = date.map_or(String::new(), |d| format!("published_at: {d}\n"));
    let raw = format!("---\nid: {name}\n{front}---\n\n{body}\n");
    parse_bytes(name, raw.as_bytes(), &ReadOptions::default())
        .expect("test article parses")
        .remove(0)
}

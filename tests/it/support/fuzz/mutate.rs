//! Mutations of a file for the fuzz tests: bytes and lines (flips, invalid UTF-8, a
//! BOM, lines deleted, duplicated or swapped, a cut), numbers replaced by huge,
//! negative or odd values, strings replaced (empty, over-long, control characters).

use proptest::prelude::*;
use proptest::sample::Index;

/// One change to a file.
#[derive(Debug, Clone)]
pub enum Mutation {
    FlipByte(Index, u8),
    Insert(Index, &'static [u8]),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Truncate(Index),
    Bom,
    Number(Index, &'static str),
    Text(Index, String),
}

/// Bytes that break UTF-8, JSON or TOML, or act on a terminal.
const INSERTS: &[&[u8]] = &[
    b"\xFF",
    b"\xC3",
    b"\xE2\x82",
    b"\xC2\x9B2J",
    b"\x1B]0;x\x07",
    b"\0",
    b"\r",
    b"\n",
    b"\"",
    b"[",
    b"}",
    b"{",
    b",",
    b"=",
    b"\xEF\xBB\xBF",
];

/// Numbers past every limit and type: u64 and i64 bounds, u32 + 1, negative, float,
/// exponent, not-a-number.
const NUMBERS: &[&str] = &[
    "18446744073709551616",
    "18446744073709551615",
    "9223372036854775808",
    "-9223372036854775808",
    "4294967296",
    "2147483648",
    "1000000000",
    "200001",
    "10001",
    "1001",
    "-1",
    "0",
    "3.5",
    "1e308",
    "-0",
    "nan",
    "99999999999999999999999999",
];

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("x".repeat(70_000)),
        Just("Đ".repeat(600)),
        Just("=HYPERLINK(\"http://x\",\"y\")".to_string()),
        Just("\u{1b}[2J\u{9b}\u{7f}\u{202e}".to_string()),
        "[a-z0-9-]{1,12}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<Index>;
    prop_oneof![
        1 => (index(), any::<u8>()).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
        1 => (index(), prop::sample::select(INSERTS)).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => index().prop_map(Mutation::DeleteLine),
        1 => index().prop_map(Mutation::DuplicateLine),
        1 => (index(), index()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
        1 => index().prop_map(Mutation::Truncate),
        1 => Just(Mutation::Bom),
        3 => (index(), prop::sample::select(NUMBERS)).prop_map(|(i, n)| Mutation::Number(i, n)),
        2 => (index(), text_value()).prop_map(|(i, t)| Mutation::Text(i, t)),
    ]
}

pub fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..4)
}

/// Byte ranges of the lines (without their `\n`).
pub fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, bytes.len()));
    out
}

/// Byte ranges of the numbers (digits with an optional leading minus sign).
fn numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = if i > 0 && bytes[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            out.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Byte ranges of the insides of `"…"` strings (no escapes: the built-in files and
/// the JSON motcua writes have few).
fn strings(bytes: &[u8]) -> Vec<(usize, usize)> {
    let quotes: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'"')
        .map(|(i, _)| i)
        .collect();
    quotes.chunks_exact(2).map(|p| (p[0] + 1, p[1])).collect()
}

fn replace(bytes: &mut Vec<u8>, ranges: &[(usize, usize)], at: &Index, with: &[u8]) {
    if ranges.is_empty() {
        return;
    }
    let (start, end) = ranges[at.index(ranges.len())];
    bytes.splice(start..end, with.iter().copied());
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    match m {
        Mutation::FlipByte(i, b) if len > 0 => bytes[i.index(len)] ^= b | 1,
        Mutation::FlipByte(..) => {}
        Mutation::Insert(i, b) => {
            let at = i.index(len + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::DeleteLine(i) => {
            let ls = lines(bytes);
            let (s, e) = ls[i.index(ls.len())];
            bytes.drain(s..(e + 1).min(len));
        }
        Mutation::DuplicateLine(i) => {
            let ls = lines(bytes);
            let (s, e) = ls[i.index(ls.len())];
            let mut line = bytes[s..e].to_vec();
            line.push(b'\n');
            bytes.splice(s..s, line);
        }
        Mutation::SwapLines(i, j) => {
            let ls = lines(bytes);
            let (a, b) = (ls[i.index(ls.len())], ls[j.index(ls.len())]);
            let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if first != second {
                let mut out = bytes[..first.0].to_vec();
                out.extend_from_slice(&bytes[second.0..second.1]);
                out.extend_from_slice(&bytes[first.1..second.0]);
                out.extend_from_slice(&bytes[first.0..first.1]);
                out.extend_from_slice(&bytes[second.1..]);
                *bytes = out;
            }
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(len + 1)),
        Mutation::Bom => {
            bytes.splice(0..0, *b"\xEF\xBB\xBF");
        }
        Mutation::Number(i, n) => replace(bytes, &numbers(bytes), i, n.as_bytes()),
        Mutation::Text(i, t) => replace(bytes, &strings(bytes), i, t.as_bytes()),
    }
}

pub fn mutated(original: &[u8], ms: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for m in ms {
        apply(&mut bytes, m);
    }
    bytes
}

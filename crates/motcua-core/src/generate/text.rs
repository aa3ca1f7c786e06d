//! The text of a dossier's value: a table's own string, or one made for the dossier
//! and shared by every paper that repeats it (a clone is a count, not a copy).

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// The text of a value: a table's own string, a short one held in place (an id
/// number, a phone, a house number: no allocation), or a longer one made for this
/// dossier and shared (not copied) by every paper that repeats it. Reads as a `str`.
#[derive(Clone)]
pub enum Text {
    Static(&'static str),
    Short(Short),
    Shared(Arc<str>),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match self {
            Text::Static(s) => s,
            Text::Short(s) => s.as_str(),
            Text::Shared(s) => s,
        }
    }

    /// The non-empty `parts` joined by single spaces (a full name): written straight
    /// into a `Short` when it fits, shared otherwise. No `TextBuf` in between: every
    /// person's name is written this way.
    pub fn joined(parts: &[&str]) -> Text {
        let mut bytes = [0; SHORT];
        let mut len = 0;
        for part in parts.iter().filter(|p| !p.is_empty()) {
            let gap = usize::from(len > 0);
            let end = len + gap + part.len();
            if end > SHORT {
                return Text::Shared(Arc::from(join_long(parts)));
            }
            if gap == 1 {
                bytes[len] = b' ';
            }
            bytes[len + gap..end].copy_from_slice(part.as_bytes());
            len = end;
        }
        // Whole `&str`s and ASCII spaces: whole UTF-8, as `Short::as_str` needs.
        Text::Short(Short {
            len: len as u8,
            bytes,
        })
    }

    /// `s` held in place when it fits, shared otherwise.
    pub fn new(s: &str) -> Text {
        match Short::new(s) {
            Some(short) => Text::Short(short),
            None => Text::Shared(Arc::from(s)),
        }
    }
}

/// `Text::joined` when it does not fit in place.
fn join_long(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Bytes a `Short` holds: as many as keep `Text` at 24 bytes, enough for every id
/// number, phone and tax code and for most names.
const SHORT: usize = 22;

/// A string of up to `SHORT` bytes kept in place.
#[derive(Clone, Copy)]
pub struct Short {
    len: u8,
    bytes: [u8; SHORT],
}

impl Short {
    fn new(s: &str) -> Option<Short> {
        Short::from_utf8(s.as_bytes())
    }

    /// `bytes` must be whole UTF-8: callers pass a `&str`'s bytes, or a `TextBuf`'s,
    /// which holds whole `&str`s only. `as_str` relies on it.
    fn from_utf8(bytes: &[u8]) -> Option<Short> {
        let len = bytes.len();
        if len > SHORT {
            return None;
        }
        let mut held = [0; SHORT];
        held[..len].copy_from_slice(bytes);
        Some(Short {
            len: len as u8,
            bytes: held,
        })
    }

    fn as_str(&self) -> &str {
        let held = &self.bytes[..usize::from(self.len)];
        // SAFETY: the fields are private and set only by `from_utf8`, whose callers
        // pass whole UTF-8 (a `&str`, or a `TextBuf`'s bytes, whole `&str`s too). Checking
        // it again cost 4% of generating (every read of an id, a phone, a name).
        unsafe { std::str::from_utf8_unchecked(held) }
    }
}

/// Text built in place: on the stack while it is short, then as a `Text` without a
/// `String` in between for the short ones (most ids, phones, house numbers).
pub struct TextBuf {
    len: usize,
    bytes: [u8; 64],
    spill: String,
}

impl Default for TextBuf {
    fn default() -> Self {
        TextBuf {
            len: 0,
            bytes: [0; 64],
            spill: String::new(),
        }
    }
}

impl TextBuf {
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        if self.spill.is_empty() && self.len + s.len() <= self.bytes.len() {
            self.bytes[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
            self.len += s.len();
            return;
        }
        if self.spill.is_empty() {
            let mut spill = String::with_capacity(self.len + s.len());
            spill.push_str(self.stack());
            self.spill = spill;
        }
        self.spill.push_str(s);
    }
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
    fn stack(&self) -> &str {
        // SAFETY: `bytes[..len]` is written only by `push_str`, a whole `&str` at a
        // time, and by `push_digits`, ASCII digits; `len` only grows by what they
        // wrote: valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.bytes[..self.len]) }
    }
    pub fn as_str(&self) -> &str {
        if self.spill.is_empty() {
            self.stack()
        } else {
            &self.spill
        }
    }
    /// The text written: held in place when short (no check of the bytes here, they
    /// are whole `&str`s), shared otherwise.
    pub fn finish(&self) -> Text {
        if self.spill.is_empty()
            && let Some(short) = Short::from_utf8(&self.bytes[..self.len])
        {
            return Text::Short(short);
        }
        Text::Shared(Arc::from(self.as_str()))
    }
}

impl fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Text {
        Text::Static(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(&s)
    }
}

impl From<Cow<'static, str>> for Text {
    fn from(s: Cow<'static, str>) -> Text {
        match s {
            Cow::Borrowed(s) => Text::Static(s),
            Cow::Owned(s) => Text::from(s),
        }
    }
}

/// `n` in decimal, zero-padded to at least `width` digits.
pub(crate) fn push_digits(out: &mut impl Push, n: u32, width: usize) {
    out.push_digits(n, width);
}

/// The width of `n` zero-padded to `width` digits (at most 10 + `width`).
pub(super) fn digit_width(n: u32, width: usize) -> usize {
    width.max(n.checked_ilog10().map_or(1, |l| l as usize + 1))
}

/// `n` in decimal into `slots`, right-aligned and zero-padded: ASCII digits only.
/// Two digits at a time from a table of pairs: half the divisions (an id number is
/// written digit by digit for every person).
fn write_digits(slots: &mut [u8], n: u32) {
    let mut rest = n;
    let mut end = slots.len();
    while end >= 2 {
        let pair = (rest % 100) as usize * 2;
        slots[end - 2..end].copy_from_slice(&PAIRS[pair..pair + 2]);
        rest /= 100;
        end -= 2;
    }
    if end == 1 {
        slots[0] = b'0' + (rest % 10) as u8;
    }
}

/// "00", "01", … "99" run together.
const PAIRS: [u8; 200] = {
    let mut table = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        table[2 * i] = b'0' + (i / 10) as u8;
        table[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    table
};

/// Where `push_digits` writes: a `String` (dossier codes) or a `TextBuf` (ids).
pub(crate) trait Push {
    fn push_str(&mut self, s: &str);
    fn push_digits(&mut self, n: u32, width: usize) {
        let mut buf = [b'0'; 32];
        let slots = &mut buf[..digit_width(n, width).min(32)];
        write_digits(slots, n);
        // SAFETY: `write_digits` writes ASCII digits only, and ASCII is valid UTF-8.
        self.push_str(unsafe { std::str::from_utf8_unchecked(slots) });
    }
}
impl Push for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}
impl Push for TextBuf {
    fn push_str(&mut self, s: &str) {
        TextBuf::push_str(self, s);
    }
    /// Straight into the stack bytes when they fit (ids, phones: always).
    fn push_digits(&mut self, n: u32, width: usize) {
        let width = digit_width(n, width);
        let end = self.len + width;
        if !self.spill.is_empty() || end > self.bytes.len() {
            let mut buf = [b'0'; 32];
            let slots = &mut buf[..width.min(32)];
            write_digits(slots, n);
            // SAFETY: ASCII digits only, as above.
            return self.push_str(unsafe { std::str::from_utf8_unchecked(slots) });
        }
        write_digits(&mut self.bytes[self.len..end], n);
        self.len = end;
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Text {}
impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}
impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_parts_read_as_a_buffer_writes_them() {
        // Short and long (over `SHORT` bytes), with empty parts anywhere.
        let lists: [&[&str]; 6] = [
            &["Nguyễn", "Thị", "Lan"],
            &["Nguyễn", "", "Lan"],
            &["", "", ""],
            &["", "Văn", "An"],
            &["Tôn Nữ", "Hoàng Thị", "Minh Khuê"],
            &["Nguyễn Phước", "", "Bửu Long Vĩnh"],
        ];
        for parts in lists {
            let mut b = TextBuf::default();
            for p in parts.iter().filter(|p| !p.is_empty()) {
                if !b.as_str().is_empty() {
                    b.push(' ');
                }
                b.push_str(p);
            }
            assert_eq!(Text::joined(parts).as_str(), b.as_str(), "{parts:?}");
        }
    }

    #[test]
    fn digits_read_as_zero_padded_decimal() {
        let numbers = (0..2_000).chain([99_999, 100_000, 999_999, 1_234_567, u32::MAX]);
        for n in numbers {
            for width in 0..12 {
                let mut s = String::new();
                push_digits(&mut s, n, width);
                let mut b = TextBuf::default();
                push_digits(&mut b, n, width);
                let expected = format!("{n:0width$}");
                assert_eq!((s.as_str(), b.as_str()), (&*expected, &*expected));
            }
        }
    }
}

//! Action logs read line by line as bytes, so one bad line is named (`FILE:LINE`) and
//! the lines after it still count: invalid UTF-8, an over-long line and a leading
//! byte-order mark are each handled on their own line. Nothing grows without bound:
//! a line stops at `limits::LOG_LINE_BYTES`.

use std::io::BufRead;

use motcua_core::limits;

/// What is wrong with one line, before its JSON is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadLine {
    /// Not UTF-8: the first bad byte and its 1-based column (in bytes).
    NotUtf8 {
        byte: u8,
        col: usize,
    },
    TooLong {
        limit: usize,
    },
}

/// One non-blank line of a log, numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: Result<String, BadLine>,
}

pub struct LogLines<R> {
    reader: R,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> LogLines<R> {
    pub fn new(reader: R) -> LogLines<R> {
        LogLines {
            reader,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line's bytes (without its end), `None` at the end of the input.
    /// An over-long line is read to its end and dropped.
    fn next_raw(&mut self) -> std::io::Result<Option<Result<(), BadLine>>> {
        self.buf.clear();
        let limit = limits::LOG_LINE_BYTES;
        let mut too_long = false;
        let mut read_any = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            read_any = true;
            let (part, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (&chunk[..i], Some(i + 1)),
                None => (chunk, None),
            };
            if self.buf.len() + part.len() > limit {
                too_long = true;
                self.buf.clear();
            } else if !too_long {
                self.buf.extend_from_slice(part);
            }
            let used = done.unwrap_or(chunk.len());
            self.reader.consume(used);
            if done.is_some() {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.number += 1;
        if too_long {
            return Ok(Some(Err(BadLine::TooLong { limit })));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        if self.number == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        Ok(Some(Ok(())))
    }
}

impl<R: BufRead> Iterator for LogLines<R> {
    type Item = std::io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let raw = match self.next_raw() {
                Ok(Some(raw)) => raw,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            let text = raw.and_then(|()| match std::str::from_utf8(&self.buf) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => Err(BadLine::NotUtf8 {
                    byte: self.buf.get(e.valid_up_to()).copied().unwrap_or_default(),
                    col: e.valid_up_to() + 1,
                }),
            });
            if matches!(&text, Ok(s) if s.trim().is_empty()) {
                continue;
            }
            return Some(Ok(Line {
                number: self.number,
                text,
            }));
        }
    }
}

/// The problem in the user's language, for `FILE:LINE: …` messages.
pub fn describe(lang: motcua_i18n::Lang, bad: &BadLine) -> String {
    match bad {
        BadLine::NotUtf8 { byte, col } => motcua_i18n::t!(
            lang,
            "log.not_utf8",
            byte = format!("0x{byte:02X}"),
            col = col
        ),
        BadLine::TooLong { limit } => motcua_i18n::t!(lang, "log.too_long", limit = limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(usize, Result<String, BadLine>)> {
        LogLines::new(bytes)
            .map(|l| l.map(|l| (l.number, l.text)).expect("in memory"))
            .collect()
    }

    #[test]
    fn a_bad_line_is_named_and_the_next_ones_still_come() {
        let got = lines(b"\xEF\xBB\xBF{\"a\":1}\r\n\n{\"b\":\xFF}\n{\"c\":3}");
        assert_eq!(
            got,
            vec![
                (1, Ok("{\"a\":1}".to_string())),
                (3, Err(BadLine::NotUtf8 { byte: 0xFF, col: 6 })),
                (4, Ok("{\"c\":3}".to_string())),
            ]
        );
    }

    #[test]
    fn an_over_long_line_is_dropped_not_kept() {
        let mut input = vec![b'x'; limits::LOG_LINE_BYTES + 1];
        input.extend_from_slice(b"\nok\n");
        let got = lines(&input);
        let limit = limits::LOG_LINE_BYTES;
        assert_eq!(
            got,
            vec![
                (1, Err(BadLine::TooLong { limit })),
                (2, Ok("ok".to_string()))
            ]
        );
    }
}

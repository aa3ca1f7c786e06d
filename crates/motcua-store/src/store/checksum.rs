//! A checksum per attempt over its stored action log, so a log that is not what
//! motcua wrote (a damaged page, rows lost or changed outside motcua) is told from
//! one that is intact but no longer replays (the rules changed, or someone edited the
//! log and its checksum both).
//!
//! A chain, so each append updates it without reading the log back:
//! `c0 = ""`, `cN = sha256_hex(c(N-1) + "\n" + line N)`.

use super::sha256_hex;

/// The checksum after one more line.
pub fn next(previous: &str, line: &str) -> String {
    let mut text = String::with_capacity(previous.len() + 1 + line.len());
    text.push_str(previous);
    text.push('\n');
    text.push_str(line);
    sha256_hex(text.as_bytes())
}

/// The checksum of a whole log, lines in order.
pub fn of<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    lines
        .into_iter()
        .fold(String::new(), |sum, line| next(&sum, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_or_changed_line_changes_the_checksum() {
        let whole = of(["a", "b", "c"]);
        assert_eq!(whole, next(&next(&next("", "a"), "b"), "c"));
        assert_ne!(whole, of(["a", "c"]));
        assert_ne!(whole, of(["a", "b", "C"]));
        assert_ne!(whole, of(["a", "b"]));
        assert_eq!(of([]), "");
    }
}

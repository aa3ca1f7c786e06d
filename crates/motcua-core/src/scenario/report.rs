//! Collects diagnostics while a file is checked: byte offsets become line/col here.

use std::collections::BTreeSet;

use super::diagnostic::{DiagCode, Diagnostic, line_col};

/// Named message arguments, as `Diagnostic::args` stores them.
pub(crate) type Args = Vec<(&'static str, String)>;

/// Every finding of one file, in the order found; `finish` sorts them by position.
pub(crate) struct Report<'a> {
    path: &'a str,
    text: &'a str,
    diags: Vec<Diagnostic>,
    /// `(table offset, key)` of values reported and removed by the structure check.
    dropped: BTreeSet<(usize, String)>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Report {
            path,
            text,
            diags: Vec::new(),
            dropped: BTreeSet::new(),
        }
    }

    /// Remember that `key` of the table at `table` was reported and removed.
    pub(crate) fn drop_key(&mut self, table: usize, key: &str) {
        self.dropped.insert((table, key.to_string()));
    }

    /// Whether `key` was written in the table at `table` but removed as wrong.
    /// Checks that complain about an absent key ask this first, so one mistake
    /// is not reported twice ("wrong type" and then "missing").
    pub(crate) fn was_dropped(&self, table: usize, key: &str) -> bool {
        self.dropped.contains(&(table, key.to_string()))
    }

    /// Whether anything in the table at `table` was removed (a misspelt key, a wrong type).
    pub(crate) fn dropped_in(&self, table: usize) -> bool {
        self.dropped.iter().any(|(t, _)| *t == table)
    }

    /// Record `code` at byte `offset` of the text.
    pub(crate) fn push(&mut self, offset: usize, code: DiagCode, args: Args) {
        let (line, col) = line_col(self.text, offset);
        self.diags.push(Diagnostic {
            path: self.path.to_string(),
            line,
            col,
            code,
            args,
        });
    }

    /// Line number (1-based) of a byte offset, for "first defined at line N".
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        line_col(self.text, offset).0
    }

    /// Whether an error (not a warning) was recorded.
    pub(crate) fn has_errors(&self) -> bool {
        self.diags
            .iter()
            .any(|d| d.severity() == super::diagnostic::Severity::Error)
    }

    /// The diagnostics sorted by position (stable: same place keeps the order found).
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        self.diags.sort_by_key(|d| (d.line, d.col));
        self.diags
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn suggest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&word.to_lowercase(), candidate);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Append `("suggestion", ...)` when there is a near miss.
pub(crate) fn with_suggestion<'c>(
    mut args: Args,
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Args {
    if let Some(s) = suggest(word, candidates) {
        args.push(("suggestion", s.to_string()));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["title", "title_en", "difficulty"];
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("difficulity", keys), Some("difficulty"));
        assert_eq!(suggest("zzz", keys), None);
    }

    #[test]
    fn report_sorts_by_position() {
        let text = "a = 1\nb = 2\n";
        let mut r = Report::new("f.toml", text);
        r.push(6, DiagCode::UnknownKey, vec![]);
        r.push(0, DiagCode::WrongType, vec![]);
        let d = r.finish();
        assert_eq!((d[0].line, d[1].line), (1, 2));
    }
}

//! Collects diagnostics while a file is checked: byte offsets become line/col here.

use super::diagnostic::{DiagCode, Diagnostic, line_col};

/// Named message arguments, as `Diagnostic::args` stores them.
pub(crate) type Args = Vec<(&'static str, String)>;

/// Every finding of one file, in the order found; `finish` sorts them by position.
pub(crate) struct Report<'a> {
    path: &'a str,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Report {
            path,
            text,
            diags: Vec::new(),
        }
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

    pub(crate) fn has_errors(&self) -> bool {
        !self.diags.is_empty()
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

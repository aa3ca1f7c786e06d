//! Names and free text at the edges of the program: refused where a name is taken in,
//! made harmless where text leaves for a terminal or a spreadsheet.
//!
//! - A control character (C0 such as ESC, BEL, BS, NUL; DEL; C1 such as U+009B, the
//!   one-byte CSI) or a bidirectional override can retitle a terminal window, clear
//!   the screen or reorder what a reader sees. Names with one are refused
//!   ([`check_name`]); text printed to a terminal shows them as `\u{1b}` ([`terminal`]).
//! - A CSV cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
//!   formula by spreadsheets: it gets a leading `'` ([`csv_cell`], OWASP's rule).

pub mod json;

use std::borrow::Cow;

use motcua_core::limits;

/// Characters that act on a terminal or reorder text rather than show.
pub fn is_unsafe(c: char) -> bool {
    // `is_control` is Unicode's Cc: U+0000–U+001F, U+007F (DEL), U+0080–U+009F (C1).
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Why a name is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    /// The first unsafe character and its 1-based position (in characters).
    Control {
        code: u32,
        at: usize,
    },
    TooLong {
        chars: usize,
        limit: usize,
    },
}

impl NameProblem {
    /// A stable key: `name.<key>` in the catalogue.
    pub fn key(&self) -> &'static str {
        match self {
            NameProblem::Empty => "empty",
            NameProblem::Control { .. } => "control",
            NameProblem::TooLong { .. } => "too_long",
        }
    }

    /// `U+001B`, for messages.
    pub fn code_point(code: u32) -> String {
        format!("U+{code:04X}")
    }
}

/// A trainee's name as typed (`record --trainee`, the TUI's name field, a bundle):
/// not blank, no control character, at most `limits::NAME_CHARS` characters.
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    if let Some((i, c)) = name.chars().enumerate().find(|(_, c)| is_unsafe(*c)) {
        return Err(NameProblem::Control {
            code: u32::from(c),
            at: i + 1,
        });
    }
    if name.trim().is_empty() {
        return Err(NameProblem::Empty);
    }
    let chars = name.chars().count();
    if chars > limits::NAME_CHARS {
        return Err(NameProblem::TooLong {
            chars,
            limit: limits::NAME_CHARS,
        });
    }
    Ok(())
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal, lines kept: every unsafe character but the line break and
/// the tab is shown escaped (`\u{1b}`), so it cannot act.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escaped(text, |c| c == '\n' || c == '\t')
}

/// One value inside a line (a name, a table cell): line breaks and tabs escaped too.
pub fn inline(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// A CSV cell a spreadsheet will not run as a formula.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_controls_are_refused_with_the_character() {
        assert_eq!(
            check_name("An\u{1b}]0;pwned\u{7}"),
            Err(NameProblem::Control { code: 0x1b, at: 3 })
        );
        assert_eq!(
            check_name("x\u{9b}2J"),
            Err(NameProblem::Control { code: 0x9b, at: 2 })
        );
        assert_eq!(
            check_name("a\u{7f}"),
            Err(NameProblem::Control { code: 0x7f, at: 2 })
        );
        assert_eq!(check_name("  "), Err(NameProblem::Empty));
        assert_eq!(check_name("Nguyễn Văn An"), Ok(()));
        let long = "á".repeat(limits::NAME_CHARS + 1);
        assert!(matches!(
            check_name(&long),
            Err(NameProblem::TooLong { .. })
        ));
    }

    #[test]
    fn terminal_text_shows_controls_instead_of_running_them() {
        assert_eq!(terminal("a\u{1b}[2Jb\n\tc"), "a\\u{1b}[2Jb\n\tc");
        assert_eq!(inline("a\nb\u{9b}"), "a\\u{a}b\\u{9b}");
        assert_eq!(terminal("Đăng ký"), "Đăng ký");
    }

    #[test]
    fn formula_cells_get_a_quote() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        assert_eq!(csv_cell("Nguyễn =1"), "Nguyễn =1");
    }
}

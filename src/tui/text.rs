//! Text measured as the terminal draws it: display width per grapheme cluster
//! (unicode-width, the rule ratatui uses), so a Vietnamese letter with a combining
//! mark takes one cell and a wide symbol two. The one truncation rule ("…") and the
//! one wrapping rule (at spaces, with a hanging indent) every pane uses.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a cut text ends with.
pub const ELLIPSIS: &str = "…";

/// Cells `s` takes on screen.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    // Vietnamese written precomposed, with the screen's own symbols: every character
    // is a grapheme of its own, so no segmentation is needed (a frame measures
    // every row of the queue).
    if plain(s) {
        return s.chars().map(|c| c.width().unwrap_or(0)).sum();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The grapheme clusters of `s`; each character by itself when all stand alone.
fn clusters(s: &str) -> impl Iterator<Item = &str> {
    let mut graphemes = (!plain(s)).then(|| s.graphemes(true));
    let mut rest = if graphemes.is_some() { "" } else { s };
    std::iter::from_fn(move || {
        if let Some(g) = graphemes.as_mut() {
            return g.next();
        }
        let c = rest.chars().next()?;
        let (head, tail) = rest.split_at(c.len_utf8());
        rest = tail;
        Some(head)
    })
}

/// Every character of `s` is a grapheme of its own, one cell wide.
pub fn plain(s: &str) -> bool {
    s.chars().all(stands_alone)
}

/// Characters that never join a neighbour into one grapheme and take one cell:
/// printable ASCII, the Latin letters Vietnamese uses (precomposed), the dashes,
/// quotes and ellipsis, and the symbols the screens draw (the key bar's "15′" among
/// them). Combining marks, joiners and variation selectors are not among them.
fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2010}'..='\u{2026}'
        | '▶' | '●' | '○' | '▲' | '⏸' | '✔' | '✖' | '✗' | 'ℹ' | '↑' | '↓' | '◀'
        | '←' | '→' | '′' | '★' | '⚠'
    )
}

/// `s` in at most `max` cells: whole when it fits, else cut at a grapheme boundary
/// (a letter keeps its marks) and ended with "…".
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::with_capacity(s.len().min(max * 4));
    let mut used = 0;
    for g in clusters(s) {
        let w = g.width();
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    // "Mới …" reads worse than "Mới…".
    out.truncate(out.trim_end().len());
    out.push_str(ELLIPSIS);
    Cow::Owned(out)
}

/// The end of `s` in at most `max` cells, starting with "…" when the start was cut
/// (a text field shows where the typing is).
pub fn truncate_start(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let w = g.width();
        if used + w + 1 > max {
            break;
        }
        used += w;
        kept.push(g);
    }
    let tail: String = kept.into_iter().rev().collect();
    if max == 0 {
        return Cow::Borrowed("");
    }
    Cow::Owned(format!("{ELLIPSIS}{tail}"))
}

/// `s` in exactly `cells` cells, left-aligned: truncated, then padded with spaces.
pub fn fit(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// `s` in exactly `cells` cells, right-aligned.
pub fn fit_right(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(pad))
}

/// Markers that start a list item: a wrapped item's next rows line up after them.
const BULLETS: &[&str] = &["•", "-", "▶", "✗", "⚠", "✖", "✔", "ℹ", "○", "●", "★"];

/// The hanging indent of a line: its leading spaces, plus its bullet and the space after.
pub fn hanging(line: &Line) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let rest = text.trim_start_matches(' ');
    let lead = text.len() - rest.len();
    let bullet = BULLETS
        .iter()
        .find(|b| rest.starts_with(**b) && rest[b.len()..].starts_with(' '))
        .map_or(0, |b| width(b) + 1);
    lead + bullet
}

/// One word: its styled pieces, its width, and the spaces before it.
struct Word {
    pieces: Vec<(Style, String)>,
    width: usize,
    space_before: usize,
}

fn words(line: &Line) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current = Word {
        pieces: Vec::new(),
        width: 0,
        space_before: 0,
    };
    for span in &line.spans {
        for g in clusters(&span.content) {
            if g == " " {
                if current.width > 0 {
                    out.push(std::mem::replace(
                        &mut current,
                        Word {
                            pieces: Vec::new(),
                            width: 0,
                            space_before: 0,
                        },
                    ));
                }
                current.space_before += 1;
                continue;
            }
            if g.chars().any(char::is_control) {
                continue;
            }
            match current.pieces.last_mut() {
                Some((style, text)) if *style == span.style => text.push_str(g),
                _ => current.pieces.push((span.style, g.to_string())),
            }
            current.width += g.width();
        }
    }
    if current.width > 0 {
        out.push(current);
    }
    out
}

/// Split a word too wide for `room` cells into pieces that fit.
fn split_word(word: Word, room: usize) -> Vec<Word> {
    let room = room.max(1);
    let mut out = Vec::new();
    let mut part = Word {
        pieces: Vec::new(),
        width: 0,
        space_before: word.space_before,
    };
    for (style, text) in word.pieces {
        for g in clusters(&text) {
            let w = g.width();
            if part.width + w > room && part.width > 0 {
                out.push(std::mem::replace(
                    &mut part,
                    Word {
                        pieces: Vec::new(),
                        width: 0,
                        space_before: 0,
                    },
                ));
            }
            match part.pieces.last_mut() {
                Some((s, t)) if *s == style => t.push_str(g),
                _ => part.pieces.push((style, g.to_string())),
            }
            part.width += w;
        }
    }
    if part.width > 0 {
        out.push(part);
    }
    out
}

/// `line` wrapped at spaces into rows of at most `cols` cells; rows after the first
/// start with `indent` spaces (a hanging indent), and the first keeps its own
/// leading spaces. A word wider than a row is cut between graphemes.
pub fn wrap(line: &Line, cols: usize, indent: usize) -> Vec<Line<'static>> {
    let cols = cols.max(1);
    // A hanging indent wider than half the row would leave no room for text.
    let indent = if indent * 2 > cols { 0 } else { indent };
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for word in words(line) {
        // The spaces before a word stay as written (columns line up); at a break they go.
        let leading = word.space_before;
        let pieces = if word.width > cols - indent {
            split_word(word, cols - indent)
        } else {
            vec![word]
        };
        for (j, piece) in pieces.into_iter().enumerate() {
            let mut gap = if j == 0 { leading } else { 0 };
            if used == 0 {
                // The first row keeps the line's own leading spaces while the word fits.
                gap = gap.min(cols.saturating_sub(piece.width));
            } else if used + gap + piece.width > cols {
                rows.push(vec![Span::raw(" ".repeat(indent))]);
                used = indent;
                gap = 0;
            }
            if let Some(row) = rows.last_mut() {
                if gap > 0 {
                    push_piece(row, Style::default(), &" ".repeat(gap));
                }
                for (style, text) in piece.pieces {
                    push_piece(row, style, &text);
                }
            }
            used += gap + piece.width;
        }
    }
    rows.into_iter()
        .map(|spans| Line::from(spans).style(line.style))
        .collect()
}

fn push_piece(row: &mut Vec<Span<'static>>, style: Style, text: &str) {
    match row.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => row.push(Span::styled(text.to_string(), style)),
    }
}

/// Every line wrapped with its own hanging indent; also the row each line starts on.
pub fn wrap_all(lines: &[Line], cols: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut starts = Vec::with_capacity(lines.len());
    for line in lines {
        starts.push(out.len());
        out.extend(wrap(line, cols, hanging(line)));
    }
    (out, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_standing_alone_measure_as_their_graphemes_do() {
        let alone: Vec<char> = (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
            .collect();
        for &c in &alone {
            let one = c.to_string();
            assert_eq!(c.width(), Some(1), "{c:?}");
            assert_eq!(one.width(), 1, "{c:?}");
        }
        // Side by side they never join: as many graphemes as characters.
        let text: String = alone.iter().collect();
        assert_eq!(text.graphemes(true).count(), alone.len());
        let row = "▶ ⏸ 260302-0002 mạng         Yêu cầu bổ sung — “Nguyễn Thị Ánh” …";
        let slow: usize = row.graphemes(true).map(UnicodeWidthStr::width).sum();
        assert_eq!(width(row), slow);
        // A combining mark takes the slow path and still counts one cell per letter.
        assert_eq!(width("Nguye\u{302}\u{303}n"), 6);
        assert_eq!(
            clusters(row).collect::<Vec<_>>(),
            row.graphemes(true).collect::<Vec<_>>()
        );
        let marks = "Nguye\u{302}\u{303}n";
        assert_eq!(
            clusters(marks).collect::<Vec<_>>(),
            marks.graphemes(true).collect::<Vec<_>>()
        );
    }

    fn plain(rows: &[Line]) -> Vec<String> {
        rows.iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn width_counts_cells_not_bytes_or_chars() {
        // "Mới đăng ký": 11 letters, 11 cells, 16 bytes in precomposed form.
        assert_eq!(width("Mới đăng ký"), 11);
        // The same with combining marks (NFD): "o" + U+031B horn + U+0301 acute is one cell.
        assert_eq!(width("Mo\u{31b}\u{301}i"), 3);
        // CJK and wide emoji take two cells each.
        assert_eq!(width("漢字"), 4);
        assert_eq!(width("ok✅"), 4);
    }

    #[test]
    fn truncate_cuts_at_a_cell_limit_and_ends_with_an_ellipsis() {
        // Fits exactly: unchanged, no ellipsis.
        assert_eq!(truncate("Mới đăng ký", 11), "Mới đăng ký");
        // 7 cells: 6 letters "Mới đă" + "…".
        assert_eq!(truncate("Mới đăng ký", 7), "Mới đă…");
        // 5 cells: 4 cells of text ("Mới ") + "…"; the trailing space is dropped.
        assert_eq!(truncate("Mới đăng ký", 5), "Mới…");
        // Combining marks stay with their letter: "Mới" (NFD) cut to 2 cells keeps "M" and "…"
        // or "Mớ"? 2 cells = 1 letter + "…": "M…".
        assert_eq!(truncate("Mo\u{31b}\u{301}i ab", 3), "Mo\u{31b}\u{301}…");
        // A wide character never straddles the limit: "漢字漢" (6 cells) in 4 cells is
        // "漢" (2) + "…" (1) = 3 cells, since "漢字" (4) leaves no room for "…".
        assert_eq!(truncate("漢字漢", 4), "漢…");
        assert_eq!(width(&truncate("漢字漢", 4)), 3);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
        // From the start: "…" + the last 4 cells.
        assert_eq!(truncate_start("Nguyễn Văn An", 5), "…n An");
    }

    #[test]
    fn fit_pads_by_cells() {
        assert_eq!(fit("bưu", 5), "bưu  ");
        assert_eq!(fit("Mo\u{31b}\u{301}i", 4), "Mo\u{31b}\u{301}i ");
        assert_eq!(fit_right("4g05", 7), "   4g05");
        assert_eq!(fit("Đang xử lý xong", 8), "Đang xử…");
    }

    #[test]
    fn wrap_keeps_a_hanging_indent_and_never_exceeds_the_width() {
        let line = Line::raw("  • Đăng ký khai sinh (1.001193) — trả trong ngày");
        assert_eq!(hanging(&line), 4);
        let rows = wrap(&line, 20, hanging(&line));
        assert_eq!(
            plain(&rows),
            [
                "  • Đăng ký khai",
                "    sinh (1.001193)",
                "    — trả trong ngày"
            ]
        );
        assert!(plain(&rows).iter().all(|r| width(r) <= 20));
        // A word longer than a row is cut between graphemes.
        let long = wrap(&Line::raw("ab 0123456789"), 6, 0);
        assert_eq!(plain(&long), ["ab", "012345", "6789"]);
    }
}

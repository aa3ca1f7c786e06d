//! Lines known to fit, drawn the way an unwrapped `Paragraph` draws them, but cell by
//! cell when every character stands alone (`text::plain`): ratatui segments every
//! span into graphemes first, which was most of the cost of a frame. A line with a
//! combining mark, a wide symbol or its own alignment goes through `Paragraph`
//! itself, so the screen is the same either way.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::super::text;

/// `lines` from the top of `area` (inside `block` when there is one), one per row,
/// each cut at the right edge; rows past the last line are left as they are.
pub fn render(frame: &mut Frame, area: Rect, block: Option<Block>, lines: &[Line]) {
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    let inner = match block {
        Some(block) => {
            let inner = block.inner(area);
            block.render(area, buf);
            inner
        }
        None => area,
    };
    if inner.is_empty() {
        return;
    }
    for (y, line) in (inner.top()..inner.bottom()).zip(lines) {
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        if !plain_line(line, row, buf) {
            Paragraph::new(line.clone()).render(row, buf);
        }
    }
}

/// Draw `line` in `row` one cell per character, as `Paragraph` would; `false` (and
/// nothing drawn) when a character may join its neighbour or take two cells.
fn plain_line(line: &Line, row: Rect, buf: &mut Buffer) -> bool {
    if line.alignment.is_some_and(|a| a != Alignment::Left)
        || !line.spans.iter().all(|s| text::plain(&s.content))
    {
        return false;
    }
    let mut x = row.left();
    for span in &line.spans {
        // The style `Paragraph` gives a grapheme: the line's, patched by the span's.
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            if x >= row.right() {
                return true;
            }
            buf[(x, row.y)].set_char(c).set_style(style);
            x += 1;
        }
    }
    true
}

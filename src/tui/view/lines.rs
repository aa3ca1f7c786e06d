//! Lines known to fit, drawn the way an unwrapped `Paragraph` draws them, but cell by
//! cell when every character stands alone (`text::plain`): ratatui segments every
//! span into graphemes first, which was most of the cost of a frame. A line with a
//! combining mark, a wide symbol or its own alignment goes through `Paragraph`
//! itself, so the screen is the same either way.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::super::text;
use super::boxed::Boxed;

/// `lines` from the top of `area` (inside `block` when there is one), one per row,
/// each cut at the right edge; rows past the last line are left as they are.
pub fn render(frame: &mut Frame, area: Rect, block: Option<Boxed>, lines: &[Line]) {
    render_buf(frame.buffer_mut(), area, block, lines);
}

/// `render` into a buffer, for widgets.
pub fn render_buf(buf: &mut Buffer, area: Rect, block: Option<Boxed>, lines: &[Line]) {
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
    if line.alignment.is_some_and(|a| a != Alignment::Left) {
        return false;
    }
    plain_cells(line, row, buf)
}

/// Draw `line` from the left of `row` (inside the buffer) one cell per character,
/// whatever its alignment; `false` (and nothing drawn) unless every character stands
/// alone. These are also the cells `Line` draws in a row that it fills exactly or
/// overflows on the right (its style over the row, then its characters).
pub fn plain_cells(line: &Line, row: Rect, buf: &mut Buffer) -> bool {
    if !line.spans.iter().all(|s| text::plain(&s.content)) {
        return false;
    }
    // The row's cells as one slice: indexing the buffer by position checks the
    // bounds of every cell again.
    let start = buf.index_of(row.left(), row.y);
    let cells = &mut buf.content[start..start + usize::from(row.width)];
    let mut cells = cells.iter_mut();
    for span in &line.spans {
        // The style `Paragraph` gives a grapheme: the line's, patched by the span's.
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            let Some(cell) = cells.next() else {
                return true;
            };
            // A blank cell already reads as a space (ratatui compares symbols, and a
            // reset cell's is " "): writing one anyway builds its symbol again.
            if c != ' ' || cell.symbol() != " " {
                cell.set_char(c);
            }
            cell.set_style(style);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;

    use ratatui::widgets::Block;

    use super::*;

    fn drawn(draw: impl FnOnce(&mut Frame)) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(12, 6)).expect("terminal");
        terminal.draw(draw).expect("draws");
        terminal.backend().buffer().clone()
    }

    #[test]
    fn draws_the_cells_an_unwrapped_paragraph_draws() {
        let red = Style::default().fg(Color::Red);
        let lines = vec![
            // Plain, styled by span and by line, longer than the 10 inner cells: cut.
            Line::from(vec![Span::styled("▶ Mới ", red), Span::raw("đăng ký xong")])
                .style(Style::default().bg(Color::Blue)),
            // A combining mark and a wide character: Paragraph's own path.
            Line::raw("Nguye\u{302}\u{303}n 漢字 dài quá"),
            Line::raw("x").right_aligned(),
            Line::raw(""),
            Line::raw("one line too many"),
        ];
        let area = Rect::new(0, 0, 12, 6);
        let ours = drawn(|f| render(f, area, Some(Boxed::bordered().title("q")), &lines));
        let theirs = drawn(|f| {
            let p = Paragraph::new(lines.clone()).block(Block::bordered().title("q"));
            f.render_widget(p, area);
        });
        assert_eq!(ours, theirs);
        // The first row really was cut at the border, after "▶ Mới đăng".
        let row: String = (1..11).map(|x| ours[(x, 1)].symbol()).collect();
        assert_eq!(row, "▶ Mới đăng");
    }
}

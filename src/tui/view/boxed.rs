//! A pane's frame: a plain border with titles on its top and bottom edges, drawn
//! cell for cell as ratatui's `Block::bordered()` draws it (a test compares them).
//! `Block` first restyles every cell of its area with its own style, even the default
//! one that changes nothing: for the large panes of the play screen that was a quarter
//! of a frame. This draws the border and the titles only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::symbols::line;
use ratatui::text::Line;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Top,
    Bottom,
}

/// A bordered frame with titles aligned left or right (their `Line`'s alignment).
#[derive(Debug, Clone, Default)]
pub struct Boxed<'a> {
    titles: Vec<(Edge, Line<'a>)>,
}

impl<'a> Boxed<'a> {
    pub fn bordered() -> Boxed<'a> {
        Boxed::default()
    }

    /// A title on the top edge.
    pub fn title(self, line: impl Into<Line<'a>>) -> Boxed<'a> {
        self.title_top(line)
    }

    pub fn title_top(self, line: impl Into<Line<'a>>) -> Boxed<'a> {
        self.with(Edge::Top, line.into())
    }

    pub fn title_bottom(self, line: impl Into<Line<'a>>) -> Boxed<'a> {
        self.with(Edge::Bottom, line.into())
    }

    fn with(mut self, edge: Edge, line: Line<'a>) -> Boxed<'a> {
        // Centred titles would need `Block`'s centring rules; no pane uses them.
        debug_assert!(line.alignment != Some(Alignment::Center));
        self.titles.push((edge, line));
        self
    }

    /// The area inside the border.
    pub fn inner(&self, area: Rect) -> Rect {
        let x = area.x.saturating_add(1).min(area.right());
        let y = area.y.saturating_add(1).min(area.bottom());
        Rect {
            x,
            y,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        }
    }

    /// Draw the frame; a `&Boxed` can be drawn again.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        border(area, buf);
        for edge in [Edge::Top, Edge::Bottom] {
            self.left_titles(edge, area, buf);
            self.right_titles(edge, area, buf);
        }
    }

    fn on(&self, edge: Edge, align: Alignment) -> impl DoubleEndedIterator<Item = &Line<'a>> {
        self.titles
            .iter()
            .filter(move |(e, l)| *e == edge && l.alignment.unwrap_or(Alignment::Left) == align)
            .map(|(_, l)| l)
    }

    /// Left titles one after another, a space between them.
    fn left_titles(&self, edge: Edge, area: Rect, buf: &mut Buffer) {
        let mut room = titles_row(area, edge);
        for title in self.on(edge, Alignment::Left) {
            if room.is_empty() {
                break;
            }
            let width = width_u16(title);
            let at = Rect {
                width: width.min(room.width),
                ..room
            };
            draw_title(title, at, buf);
            let advance = width.saturating_add(1);
            room.x = room.x.saturating_add(advance);
            room.width = room.width.saturating_sub(advance);
        }
    }

    /// Right titles from the right edge leftwards, the last one rightmost.
    fn right_titles(&self, edge: Edge, area: Rect, buf: &mut Buffer) {
        let mut room = titles_row(area, edge);
        for title in self.on(edge, Alignment::Right).rev() {
            if room.is_empty() {
                break;
            }
            let width = width_u16(title);
            let at = Rect {
                x: room.right().saturating_sub(width).max(room.left()),
                width: width.min(room.width),
                ..room
            };
            if width <= at.width {
                draw_title(title, at, buf);
            } else {
                // Cut from the left, as `Line` cuts a right-aligned line.
                title.render(at, buf);
            }
            room.width = room.width.saturating_sub(width).saturating_sub(1);
        }
    }
}

impl Widget for Boxed<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

/// A title in `at`, which it fills or overflows on the right: the cells `Line` draws
/// there (the title's style over them, then its characters), a cell per character
/// when every character stands alone instead of through ratatui's grapheme walk.
fn draw_title(title: &Line, at: Rect, buf: &mut Buffer) {
    if !super::lines::plain_cells(title, at, buf) {
        title.render(at, buf);
    }
}

fn width_u16(line: &Line) -> u16 {
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}

/// The row of `edge` between the side borders.
fn titles_row(area: Rect, edge: Edge) -> Rect {
    Rect {
        x: area.left().saturating_add(1),
        y: match edge {
            Edge::Top => area.top(),
            Edge::Bottom => area.bottom().saturating_sub(1),
        },
        width: area.width.saturating_sub(2),
        height: 1,
    }
}

/// Sides first, then corners over them, as `Block` draws them (this order decides
/// the degenerate one-cell-wide or one-row-high frames). `area` lies inside the
/// buffer; the cells are reached by their index in it rather than by position, which
/// checks the bounds of every cell again.
fn border(area: Rect, buf: &mut Buffer) {
    let set = line::NORMAL;
    let stride = usize::from(buf.area.width);
    let (width, height) = (usize::from(area.width), usize::from(area.height));
    let top_left = buf.index_of(area.left(), area.top());
    let top_right = top_left + width - 1;
    let bottom_left = top_left + (height - 1) * stride;
    let bottom_right = bottom_left + width - 1;
    let cells = &mut buf.content;
    let column = |start: usize| (0..height).map(move |row| start + row * stride);
    for i in column(top_left) {
        cells[i].set_symbol(set.vertical);
    }
    for cell in &mut cells[top_left..=top_right] {
        cell.set_symbol(set.horizontal);
    }
    for i in column(top_right) {
        cells[i].set_symbol(set.vertical);
    }
    for cell in &mut cells[bottom_left..=bottom_right] {
        cell.set_symbol(set.horizontal);
    }
    cells[bottom_right].set_symbol(set.bottom_right);
    cells[top_right].set_symbol(set.top_right);
    cells[bottom_left].set_symbol(set.bottom_left);
    cells[top_left].set_symbol(set.top_left);
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Style};
    use ratatui::widgets::Block;

    use super::*;

    fn styled(text: &str) -> Line<'static> {
        Line::styled(text.to_string(), Style::default().fg(Color::Yellow))
    }

    /// Every size from nothing to 7×4 and a wide one, with no title, a left title,
    /// titles too long for the edge, and left and right titles on both edges: the
    /// same cells as `Block::bordered()` with the same titles, over a buffer that
    /// already holds styled text (so a stray restyle would show).
    #[test]
    fn draws_what_block_draws() {
        let cases: Vec<Vec<(Edge, Line)>> = vec![
            vec![],
            vec![(Edge::Top, styled(" Hồ sơ "))],
            vec![(Edge::Top, styled(" một tiêu đề rất dài hơn khung "))],
            vec![
                (Edge::Top, styled(" Ghi chú ")),
                (Edge::Top, styled(" ↑ còn nữa ").right_aligned()),
                (Edge::Bottom, styled(" Esc: đóng ")),
                (Edge::Bottom, styled(" ↓ còn nữa ").right_aligned()),
                (Edge::Bottom, Line::raw("x").right_aligned()),
            ],
        ];
        let mut sizes: Vec<(u16, u16)> = (0..8).flat_map(|w| (0..5).map(move |h| (w, h))).collect();
        sizes.push((40, 6));
        for titles in &cases {
            for &(w, h) in &sizes {
                let area = Rect::new(1, 1, w, h);
                let mut ours = background();
                let mut theirs = background();
                let mut boxed = Boxed::bordered();
                let mut block = Block::bordered();
                for (edge, line) in titles {
                    boxed = match edge {
                        Edge::Top => boxed.title_top(line.clone()),
                        Edge::Bottom => boxed.title_bottom(line.clone()),
                    };
                    block = match edge {
                        Edge::Top => block.title_top(line.clone()),
                        Edge::Bottom => block.title_bottom(line.clone()),
                    };
                }
                boxed.draw(area, &mut ours);
                (&block).render(area, &mut theirs);
                assert_eq!(ours, theirs, "{w}×{h} with {} titles", titles.len());
                assert_eq!(boxed.inner(area), block.inner(area), "{w}×{h}");
            }
        }
    }

    fn background() -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 44, 8));
        let style = Style::default().fg(Color::Green).bg(Color::Blue);
        for y in 0..8 {
            buf.set_string(0, y, "ab".repeat(22), style);
        }
        buf
    }
}

//! A bordered pane whose text may be longer than the pane: wrapped with hanging
//! indents, scrolled, and marked "↑ còn nữa" / "↓ còn nữa" on its border when
//! something is hidden above or below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::app::App;
use super::super::scroll::Scroll;
use super::super::text;
use super::boxed::Boxed;
use motcua_i18n::t;

/// Draw `lines` in `block` at `area`, from `scroll`'s position; `selected` (a line
/// index) is brought into view when the scroll was asked to reveal it.
pub fn render(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    block: Boxed,
    lines: &[Line],
    scroll: &Scroll,
    selected: Option<usize>,
) {
    let inner = block.inner(area);
    let (rows, starts) = text::wrap_all(lines, usize::from(inner.width));
    let page = usize::from(inner.height);
    let selected = selected.and_then(|i| starts.get(i).copied());
    let at = scroll.show(rows.len(), page, selected);
    let below = at + page < rows.len();
    let visible: Vec<Line> = rows.into_iter().skip(at).take(page).collect();
    let block = markers(app, block, at > 0, below);
    super::lines::render(frame, area, Some(block), &visible);
}

/// The border says when there is more to read above or below.
pub fn markers<'a>(app: &App, block: Boxed<'a>, above: bool, below: bool) -> Boxed<'a> {
    let mut block = block;
    if above {
        let text = format!(" {} ", t!(app.lang, "tui.scroll.above"));
        block = block.title_top(Line::styled(text, app.theme.key()).right_aligned());
    }
    if below {
        let text = format!(" {} ", t!(app.lang, "tui.scroll.below"));
        block = block.title_bottom(Line::styled(text, app.theme.key()).right_aligned());
    }
    block
}

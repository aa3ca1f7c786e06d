//! The submit dialogs: the exam's "hand in now?" question, and what a submit did.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use super::super::app::{App, Tone};
use super::super::text;
use super::centered;
use motcua_i18n::t;

const WIDTH: u16 = 72;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    if app.submit.confirm {
        let body = t!(l, "tui.submit.confirm");
        boxed(app, frame, area, &body, Tone::Warn);
    } else if let Some((tone, body)) = &app.submit.said {
        boxed(
            app,
            frame,
            area,
            &format!("{body}\n{}", t!(l, "tui.submit.any_key")),
            *tone,
        );
    }
}

/// A box in the middle, as tall as its text wrapped at its width.
fn boxed(app: &App, frame: &mut Frame, area: Rect, body: &str, tone: Tone) {
    let th = &app.theme;
    let width = WIDTH.min(area.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Wrapped here, so the box is exactly as tall as its text.
    let lines: Vec<Line> = body
        .lines()
        .flat_map(|p| text::wrap(&Line::raw(p.to_string()), inner, 0))
        .collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    let style = match tone {
        Tone::Bad => th.bad(),
        Tone::Warn => th.warn(),
        Tone::Good => th.ok(),
        Tone::Info => th.strong(),
    };
    let title = format!(" {} ", t!(app.lang, "tui.submit.title"));
    let block = Block::bordered()
        .border_style(style)
        .title(Line::styled(title, th.title()));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

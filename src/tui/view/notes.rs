//! Messages from citizens, the specialist and the system; the newest at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::{App, Tone};
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let rows = usize::from(area.height.saturating_sub(2));
    let notes = &app.play.notes;
    let lines: Vec<Line> = notes[notes.len().saturating_sub(rows)..]
        .iter()
        .map(|n| {
            let (symbol, style) = match n.tone {
                Tone::Info => ("ℹ", th.label()),
                Tone::Good => ("✔", th.ok()),
                Tone::Warn => ("⚠", th.warn()),
                Tone::Bad => ("✖", th.bad()),
            };
            let at =
                n.at.map(|t| t.format("%d/%m %H:%M ").to_string())
                    .unwrap_or_default();
            Line::from(vec![
                Span::styled(format!("{symbol} {at}"), style),
                Span::raw(n.text.clone()),
            ])
        })
        .collect();
    let title = t!(app.lang, "tui.notes.title");
    let block = Block::bordered().title(format!(" {title} "));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

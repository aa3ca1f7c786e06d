//! Messages from citizens, the specialist and the system; the newest at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::{App, Mode, Tone};
use super::queue;
use crate::present::labels;
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
    let mut title = format!(" {} ", t!(app.lang, "tui.notes.title"));
    if let Some(hint) = hint(app) {
        title.push_str(&format!(
            "— {} ",
            t!(app.lang, "tui.notes.hint", step = hint)
        ));
    }
    let block = Block::bordered().title(Line::styled(title, th.strong()));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// Practice mode: the next right step on the selected dossier, by name.
fn hint(app: &App) -> Option<String> {
    if app.mode != Mode::Practice || app.play.form.is_some() {
        return None;
    }
    let s = app.session.as_ref()?;
    let code = queue::rows(app).get(app.play.queue_sel)?.clone();
    let action = s.hint(&code)?;
    Some(labels::action(app.lang, action.name()))
}

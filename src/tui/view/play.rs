//! The play screen: header, queue | open dossier, messages, keys, and a form on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::super::app::App;
use super::{document, form, header, keys, notes, queue};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    // The dossier under the cursor, found once; every pane reads it.
    let selected = app.selected_dossier();
    let notes_height = if area.height >= 40 { 8 } else { 5 };
    let [top, body, msgs, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(8),
        Constraint::Length(notes_height),
        Constraint::Length(2),
    ])
    .areas(area);
    let queue_width = match area.width {
        120.. => 56,
        100.. => 44,
        _ => 36,
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(queue_width), Constraint::Min(30)]).areas(body);
    header::render(app, frame, top);
    frame.render_widget(queue::QueueView { app }, left);
    document::render(app, selected, frame, right);
    notes::render(app, selected, frame, msgs);
    keys::render(app, selected, frame, bar);
    if app.play.log_view {
        let [log, bar] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
        notes::render_full(app, frame, log);
        frame.render_widget(ratatui::widgets::Clear, bar);
        keys::render(app, selected, frame, bar);
        return;
    }
    if let Some(f) = &app.play.form {
        form::render(app, f, frame, area);
    }
    if app.play.confirm_quit {
        form::confirm_quit(app, frame, area);
    }
}

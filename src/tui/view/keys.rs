//! The keys along the bottom: the steps that fit the selected dossier's state, then
//! the keys that always work. The full list is in the help (`?`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::App;
use super::queue;
use crate::session::Status;
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let text = if app.play.form.is_some() {
        t!(l, "tui.keys.form")
    } else {
        let context = context_key(app).map(|k| t!(l, k));
        let always = t!(l, "tui.keys.always");
        context.map_or(always.clone(), |c| format!("{c} · {always}"))
    };
    let p = Paragraph::new(Line::styled(text, app.theme.key())).wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

fn context_key(app: &App) -> Option<&'static str> {
    let s = app.session.as_ref()?;
    let codes = queue::rows(app);
    let (_, st) = s.find(codes.get(app.play.queue_sel)?)?;
    if !st.opened {
        return Some("tui.keys.open");
    }
    Some(match st.status() {
        Status::New => "tui.keys.new",
        Status::Accepted => "tui.keys.accepted",
        Status::Processing => "tui.keys.processing",
        Status::Processed | Status::FeeDue => "tui.keys.processed",
        _ => return None,
    })
}

//! The keys along the bottom: the steps that fit the selected dossier's state, then
//! the keys that always work. The full list is in the help (`?`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::App;
use super::queue;
use crate::scenario::Role;
use crate::session::Status;
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let text = if let Some(form) = &app.play.form {
        t!(l, super::form::keys_of(form))
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
    let role = s.scenario().meta.role;
    Some(match (st.status(), role) {
        (Status::New, Role::ChuyenVien) => return None,
        (Status::New, _) => "tui.keys.new",
        (Status::Accepted, Role::ChuyenVien) => return None,
        (Status::Accepted, _) => "tui.keys.accepted",
        (Status::Processing, Role::MotCua) => "tui.keys.processing_desk",
        (Status::Processing, Role::ChuyenVien) => "tui.keys.processing",
        (Status::Processing, _) => "tui.keys.processing_all",
        (Status::Processed | Status::FeeDue, Role::MotCua) => "tui.keys.processed_desk",
        (Status::Processed | Status::FeeDue, Role::ToanBo) => "tui.keys.processed",
        _ => return None,
    })
}

//! The keys along the bottom: the steps that fit the selected dossier's state, then
//! the keys that always work. The full list is in the help (`?`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::app::{App, Focus};
use super::super::text;
use crate::generate::Dossier;
use crate::scenario::Role;
use crate::session::DossierState;
use crate::session::Status;
use crate::t;

pub fn render(
    app: &App,
    selected: Option<(&Dossier, &DossierState)>,
    frame: &mut Frame,
    area: Rect,
) {
    let l = app.lang;
    let text = if app.play.log_view {
        t!(l, "tui.keys.log")
    } else if let Some(form) = &app.play.form {
        t!(l, super::form::keys_of(form))
    } else {
        let context = match app.play.focus {
            Focus::Messages => Some("tui.keys.messages"),
            _ => context_key(app, selected),
        };
        let always = t!(l, "tui.keys.always");
        context.map_or(always.clone(), |k| format!("{} · {always}", t!(l, k)))
    };
    bar(app, frame, area, &text);
}

/// A key hint ("k label · k label · …") laid out over `area`'s rows, breaking only
/// between items, so a key never sits on one row and its label on the next.
pub fn bar(app: &App, frame: &mut Frame, area: Rect, hint: &str) {
    let lines: Vec<Line> = rows(hint, usize::from(area.width))
        .into_iter()
        .take(usize::from(area.height))
        .map(|r| Line::styled(r, app.theme.key()))
        .collect();
    super::lines::render(frame, area, None, &lines);
}

/// Rows `hint` takes at `cols` columns, for a layout that gives the bar its height.
pub fn height(hint: &str, cols: u16) -> u16 {
    u16::try_from(rows(hint, usize::from(cols)).len()).unwrap_or(1)
}

fn rows(hint: &str, cols: usize) -> Vec<String> {
    // Each row with its width, added up item by item rather than measured again.
    let mut rows: Vec<(String, usize)> = Vec::new();
    for item in hint.split(" · ") {
        let item = text::truncate(item, cols);
        let width = text::width(&item);
        match rows.last_mut() {
            Some((row, used)) if *used + 3 + width <= cols => {
                row.push_str(" · ");
                row.push_str(&item);
                *used += 3 + width;
            }
            _ => rows.push((item.into_owned(), width)),
        }
    }
    rows.into_iter().map(|(row, _)| row).collect()
}

/// Whether dossier `d` is one the desk transfers to the competent commune.
fn transferable(s: &crate::session::Session, d: &Dossier) -> bool {
    s.procedure_of(d).is_some_and(|p| {
        crate::generate::competence(d, p, s.scenario()) == crate::generate::Competence::Transfer
    })
}

fn context_key(app: &App, selected: Option<(&Dossier, &DossierState)>) -> Option<&'static str> {
    let s = app.session.as_ref()?;
    let (d, st) = selected?;
    if !st.opened {
        return Some("tui.keys.open");
    }
    let role = s.scenario().meta.role;
    Some(match (st.status(), role) {
        (Status::New, Role::ChuyenVien) => return None,
        (Status::New, _) => "tui.keys.new",
        (Status::Accepted, Role::ChuyenVien) => return None,
        // `b` only where the engine would transfer: a boundary-free procedure's
        // dossier from another commune of the province (`generate::competence`).
        (Status::Accepted, _) if transferable(s, d) => "tui.keys.accepted_transfer",
        (Status::Accepted, _) => "tui.keys.accepted",
        (Status::Processing, Role::MotCua) => "tui.keys.processing_desk",
        (Status::Processing, Role::ChuyenVien) => "tui.keys.processing",
        (Status::Processing, _) => "tui.keys.processing_all",
        (Status::Processed | Status::FeeDue, Role::MotCua) => "tui.keys.processed_desk",
        (Status::Processed | Status::FeeDue, Role::ToanBo) => "tui.keys.processed",
        _ => return None,
    })
}

//! The keys along the bottom: the steps that fit the selected dossier's state, then
//! the keys that always work; on the other screens their commands. Keys and words
//! come from the key table (`tui::bindings`); this file only orders them per state.
//! The full list is in the help (`?`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::app::{App, Focus, Screen};
use super::super::bindings::{self, Cmd};
use super::super::text;
use motcua_core::generate::TraineeDossier;
use motcua_core::scenario::Role;
use motcua_core::session::DossierState;
use motcua_core::session::Status;
use motcua_i18n::Lang;
use motcua_i18n::t;

/// One item of a key hint: the catalogue's words for keys that only move, or a
/// command of the key table (its key and its words, or other words where the state
/// asks for them).
#[derive(Debug, Clone, Copy)]
pub enum Item {
    Prose(&'static str),
    Key(Cmd),
    Labelled(Cmd, &'static str),
}

use Cmd::*;
use Item::{Key as K, Labelled, Prose};

/// The footer on the library, the briefing and the debrief.
pub const LIBRARY: &[Item] = &[Prose("tui.library.keys"), K(Help), K(Quit)];
pub const BRIEFING: &[Item] = &[
    Prose("tui.briefing.keys"),
    K(NewSeed),
    Prose("tui.briefing.keys_back"),
    K(Help),
    K(Quit),
];
pub const RESULTS: &[Item] = &[
    Prose("tui.keys.scroll"),
    K(SwitchTab),
    K(Details),
    K(Submit),
    K(Retry),
    K(NextSeed),
    K(Library),
    K(Quit),
];
pub const TIMELINE: &[Item] = &[
    Prose("tui.keys.scroll"),
    Labelled(SwitchTab, "results"),
    K(Retry),
    K(NextSeed),
    K(Library),
    K(Quit),
];

/// The play screen's keys that always work, after the selected dossier's.
const ALWAYS: &[Item] = &[
    K(NextPane),
    K(Messages),
    K(Wait),
    K(NextEvent),
    K(EndDay),
    K(Help),
    K(Finish),
];
const MESSAGES: &[Item] = &[
    Prose("tui.keys.messages"),
    Labelled(Messages, "messages_full"),
];
const OPEN: &[Item] = &[K(Open)];
const NEW: &[Item] = &[K(Inspect), K(Accept), K(Supplement), K(Refuse)];
const ACCEPTED: &[Item] = &[K(Digitize), K(Reuse), K(Forward), K(RequestFee)];
const ACCEPTED_TRANSFER: &[Item] = &[
    K(Digitize),
    K(Reuse),
    K(Forward),
    K(Transfer),
    K(RequestFee),
];
const PROCESSING: &[Item] = &[K(Appraise), K(Supplement), K(Apologize)];
const PROCESSING_ALL: &[Item] = &[K(Appraise), K(Supplement), K(Stop), K(Apologize)];
const PROCESSING_DESK: &[Item] = &[
    Labelled(Supplement, "supplement_asked"),
    K(Stop),
    K(Apologize),
];
const PROCESSED: &[Item] = &[K(RequestFee), K(ConfirmPayment), K(Return), K(Sign)];
const PROCESSED_DESK: &[Item] = &[K(RequestFee), K(ConfirmPayment), K(Return)];

/// Every item list a footer of `screen` may show, for the tests.
pub fn all(screen: Screen) -> Vec<&'static [Item]> {
    match screen {
        Screen::Welcome => vec![],
        Screen::Library => vec![LIBRARY],
        Screen::Briefing => vec![BRIEFING],
        Screen::Debrief => vec![RESULTS, TIMELINE],
        Screen::Play => vec![
            ALWAYS,
            MESSAGES,
            OPEN,
            NEW,
            ACCEPTED,
            ACCEPTED_TRANSFER,
            PROCESSING,
            PROCESSING_ALL,
            PROCESSING_DESK,
            PROCESSED,
            PROCESSED_DESK,
        ],
    }
}

/// `items` as a hint: "k label · k label · …", the keys from the table.
pub fn hint(l: Lang, screen: Screen, items: &[Item]) -> String {
    items
        .iter()
        .filter_map(|item| match *item {
            Prose(key) => Some(t!(l, key)),
            K(cmd) => Some(bindings::footer_text(
                l,
                bindings::binding(screen, cmd)?,
                None,
            )),
            Labelled(cmd, label) => Some(bindings::footer_text(
                l,
                bindings::binding(screen, cmd)?,
                Some(label),
            )),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn render(
    app: &App,
    selected: Option<(TraineeDossier<'_>, &DossierState)>,
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
            Focus::Messages => Some(MESSAGES),
            _ => context_items(app, selected),
        };
        let always = hint(l, Screen::Play, ALWAYS);
        context.map_or(always.clone(), |items| {
            format!("{} · {always}", hint(l, Screen::Play, items))
        })
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

fn context_items(
    app: &App,
    selected: Option<(TraineeDossier<'_>, &DossierState)>,
) -> Option<&'static [Item]> {
    let s = app.session.as_ref()?;
    let (d, st) = selected?;
    if !st.opened {
        return Some(OPEN);
    }
    let role = s.scenario().meta.role;
    Some(match (st.status(), role) {
        (Status::New, Role::ChuyenVien) => return None,
        (Status::New, _) => NEW,
        (Status::Accepted, Role::ChuyenVien) => return None,
        // `b` only where the engine would transfer: a boundary-free procedure's
        // dossier from another commune of the province (`generate::competence`).
        (Status::Accepted, _) if s.transferable(d) => ACCEPTED_TRANSFER,
        (Status::Accepted, _) => ACCEPTED,
        (Status::Processing, Role::MotCua) => PROCESSING_DESK,
        (Status::Processing, Role::ChuyenVien) => PROCESSING,
        (Status::Processing, _) => PROCESSING_ALL,
        (Status::Processed | Status::FeeDue, Role::MotCua) => PROCESSED_DESK,
        (Status::Processed | Status::FeeDue, Role::ToanBo) => PROCESSED,
        _ => return None,
    })
}

//! The queue: every dossier that has arrived, open ones first. Each row says its
//! state by symbol and word as well as colour: ○ new, ● on track, ▲ due within two
//! office hours, ✖ overdue, ⏸ waiting for the citizen, ✔ closed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::super::app::{App, Focus};
use super::super::text;
use crate::generate::{Dossier, Planned};
use crate::present::labels;
use crate::session::{DossierState, Session, Status};
use crate::t;

/// Office minutes under which a due moment counts as close.
const SOON_MINUTES: u64 = 120;

/// Cells of the time-left column ("10 ngày", "quá hạn").
const WHEN_WIDTH: usize = 7;

/// The queue of one frame in display order (open dossiers by arrival, then closed
/// ones), built once and shared by every pane that shows it. Rows come from the plan:
/// listing a dossier draws none of its details.
pub struct Rows<'a> {
    entries: Vec<(usize, &'a Planned, &'a DossierState)>,
    open: usize,
}

impl<'a> Rows<'a> {
    pub fn of(s: &'a Session) -> Rows<'a> {
        let (mut entries, closed): (Vec<_>, Vec<_>) =
            s.arrived().partition(|(_, _, st)| !st.is_closed());
        let open = entries.len();
        entries.extend(closed);
        Rows { entries, open }
    }

    /// The app's queue; empty without a session.
    pub fn of_app(app: &'a App) -> Rows<'a> {
        match &app.session {
            Some(s) => Rows::of(s),
            None => Rows {
                entries: Vec::new(),
                open: 0,
            },
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The row under the cursor, with its details (drawn if needed).
    pub fn selected(&self, s: &'a Session, sel: usize) -> Option<(&'a Dossier, &'a DossierState)> {
        let &(i, _, st) = self.entries.get(sel)?;
        Some((s.details(i)?, st))
    }
}

/// Codes in display order.
pub fn rows(app: &App) -> Vec<String> {
    let Some(s) = &app.session else {
        return Vec::new();
    };
    Rows::of(s)
        .entries
        .iter()
        .map(|(_, p, _)| p.code.clone())
        .collect()
}

/// The dossier under the queue cursor.
pub fn selected(app: &App) -> Option<(&Dossier, &DossierState)> {
    let s = app.session.as_ref()?;
    Rows::of(s).selected(s, app.play.queue_sel)
}

pub fn render(app: &App, rows: &Rows, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let Some(s) = &app.session else { return };
    let (total, open) = (rows.len(), rows.open);
    let title = t!(l, "tui.queue.title", open = open, total = total);
    let focused = app.play.focus == Focus::Queue;
    let block = Block::bordered().title(Line::styled(
        format!(" {title} "),
        if focused { th.title() } else { th.strong() },
    ));
    let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
    let cols = usize::from(area.width.saturating_sub(2));
    let sel = app.play.queue_sel.min(total.saturating_sub(1));
    let offset = sel.saturating_sub(inner_height - 1);
    // Fixed columns sized from the catalogue's words, not from the rows; the status takes the rest.
    let channel_width = ["online", "counter", "post"]
        .iter()
        .map(|k| text::width(&t!(l, &format!("tui.channel_short.{k}"))))
        .max()
        .unwrap_or(4);
    // The three channel cells, fitted once per frame rather than once per row.
    let channel_cells: Vec<(&str, String)> = ["online", "counter", "post"]
        .iter()
        .map(|k| {
            let label = t!(l, &format!("tui.channel_short.{k}"));
            (*k, text::fit(&label, channel_width))
        })
        .collect();
    let fixed = 2 + 2 + 12 + channel_width + 1 + WHEN_WIDTH + 1;
    let status_width = cols.saturating_sub(fixed);
    let lines: Vec<Line> = rows
        .entries
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner_height)
        .map(|(i, &(_, d, st))| {
            let code = &d.code;
            let (symbol, when, style) = timing(app, s, st);
            // `260302-0001`: the unit prefix is the same on every row.
            let short = code.get(code.len().saturating_sub(11)..).unwrap_or(code);
            let status = labels::status(l, st.status());
            let channel = channel_cells
                .iter()
                .find(|(k, _)| *k == d.channel.key())
                .map_or("", |(_, cell)| cell.as_str());
            let marker = if i == sel { "▶" } else { " " };
            let row = format!(
                "{marker} {symbol} {short} {channel} {} {}",
                text::fit_right(&when, WHEN_WIDTH),
                text::truncate(&status, status_width)
            );
            let style = if i == sel { th.selected() } else { style };
            Line::from(Span::styled(text::truncate(&row, cols).into_owned(), style))
        })
        .collect();
    let body = if lines.is_empty() {
        vec![Line::styled(t!(l, "tui.queue.empty"), th.dim())]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(body).block(block), area);
}

/// Symbol, time left and style of a dossier's row.
fn timing(app: &App, s: &Session, st: &DossierState) -> (&'static str, String, Style) {
    let th = &app.theme;
    if st.is_closed() {
        return ("✔", String::new(), th.dim());
    }
    if st.status() == Status::SupplementRequested {
        return ("⏸", String::new(), th.dim());
    }
    let Some(due) = st.due else {
        return ("○", String::new(), th.strong());
    };
    if st.processed_at.is_some() {
        return ("●", String::new(), th.ok());
    }
    if s.now() > due {
        return ("✖", t!(app.lang, "tui.queue.overdue"), th.bad());
    }
    let minutes = s.calendar().office_minutes_between(s.now(), due);
    let day = labels::office_day_minutes(s.calendar());
    let left = labels::office_time(app.lang, minutes, day);
    if minutes <= SOON_MINUTES {
        ("▲", left, th.warn())
    } else {
        ("●", left, th.ok())
    }
}

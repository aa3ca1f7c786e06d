//! The queue pane: every dossier that has arrived, open ones first (the order is the
//! model's, `tui::queue`). Each row says its
//! state by symbol and word as well as colour: ○ new, ● on track, ▲ due within two
//! office hours, ✖ overdue, ⏸ waiting for the citizen, ✔ closed.

use std::borrow::Cow;
use std::cell::OnceCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::app::{App, Focus, Screen};
use super::super::bindings::{self, Cmd};
use super::super::text;
use super::boxed::Boxed;
use super::lines;
use crate::present::labels;
use motcua_core::generate::TraineePlanned;
use motcua_core::session::{DossierState, Session, Status};
use motcua_i18n::Lang;
use motcua_i18n::t;

/// Office minutes under which a due moment counts as close.
const SOON_MINUTES: u64 = 120;

/// Cells of the time-left column ("10 ngày", "quá hạn").
const WHEN_WIDTH: usize = 7;

/// The queue pane as a widget: the model's order (`App::play.queue`) and cursor,
/// drawn. Rows come from the plan: listing a dossier draws none of its details.
pub struct QueueView<'a> {
    pub app: &'a App,
}

impl Widget for QueueView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(s) = &app.session else { return };
        let th = &app.theme;
        let l = app.lang;
        let queue = &app.play.queue;
        let total = queue.len();
        let title = t!(l, "tui.queue.title", open = queue.open(), total = total);
        let focused = app.play.focus == Focus::Queue;
        let block = Boxed::bordered().title(Line::styled(
            format!(" {title} "),
            if focused { th.title() } else { th.strong() },
        ));
        let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
        let cols = usize::from(area.width.saturating_sub(2));
        let sel = app.play.queue_sel.min(total.saturating_sub(1));
        let offset = sel.saturating_sub(inner_height - 1);
        let words = Words::new(l, s, cols);
        // What the queue shows of each arrived dossier, in plan order, once: a row reads its own by index.
        let arrived: Vec<(TraineePlanned, &DossierState)> =
            s.arrived_seen().map(|(_, d, st)| (d, st)).collect();
        let lines: Vec<Line> = queue
            .order()
            .iter()
            .enumerate()
            .skip(offset)
            .take(inner_height)
            .filter_map(|(row, &i)| arrived.get(i).map(|&(d, st)| (row, i, d, st)))
            .map(|(row, i, d, st)| {
                let (symbol, when, style) = timing(app, s, st, &words);
                let style = if row == sel { th.selected() } else { style };
                let marker = if row == sel { "▶" } else { " " };
                Line::from(Span::styled(
                    words.row(marker, symbol, s.code(i), d, &when, st),
                    style,
                ))
            })
            .collect();
        let body = if lines.is_empty() {
            vec![Line::styled(
                t!(
                    l,
                    "tui.queue.empty",
                    key = bindings::name_of(Screen::Play, Cmd::NextEvent)
                ),
                th.dim(),
            )]
        } else {
            lines
        };
        lines::render_buf(buf, area, Some(block), &body);
    }
}

/// The catalogue's words every row of one frame shares, looked up and fitted once
/// per frame rather than once per row.
struct Words {
    /// Each channel's cell, padded to the widest.
    channels: [(&'static str, String); 3],
    /// Each status's label (in `Status::ALL`'s order), cut to the status column, with
    /// its width: looked up when a row in view first shows the status, since the rows
    /// in view show two or three of the ten.
    statuses: [OnceCell<(String, usize)>; Status::ALL.len()],
    status_width: usize,
    lang: Lang,
    /// Cells of every channel's cell.
    channel_width: usize,
    overdue: String,
    /// Minutes in an office day (time left turns into days from one up).
    day_minutes: u64,
    cols: usize,
}

impl Words {
    fn new(l: Lang, s: &Session, cols: usize) -> Words {
        // Fixed columns sized from the catalogue's words, not from the rows; the status takes the rest.
        let short =
            ["online", "counter", "post"].map(|k| (k, t!(l, &format!("tui.channel_short.{k}"))));
        let channel_width = short.iter().map(|(_, w)| text::width(w)).max().unwrap_or(4);
        let fixed = 2 + 2 + 12 + channel_width + 1 + WHEN_WIDTH + 1;
        let status_width = cols.saturating_sub(fixed);
        Words {
            channels: short.map(|(k, w)| (k, text::fit(&w, channel_width))),
            statuses: Default::default(),
            status_width,
            lang: l,
            channel_width,
            overdue: t!(l, "tui.queue.overdue"),
            day_minutes: labels::office_day_minutes(s.calendar()),
            cols,
        }
    }

    /// The label of `status` cut to its column, and its width.
    fn status(&self, status: Status) -> (&str, usize) {
        let Some(at) = Status::ALL.iter().position(|s| *s == status) else {
            return ("", 0);
        };
        let (label, width) = self.statuses[at].get_or_init(|| {
            let label = labels::status(self.lang, status);
            let label = text::truncate(&label, self.status_width).into_owned();
            let width = text::width(&label);
            (label, width)
        });
        (label, *width)
    }

    /// `▶ ● 260302-0001 mạng    2 ngày Được tiếp nhận`, cut to the pane.
    fn row(
        &self,
        marker: &str,
        symbol: &str,
        code: &str,
        d: TraineePlanned,
        when: &str,
        st: &DossierState,
    ) -> String {
        // `260302-0001`: the unit prefix is the same on every row.
        let short = code.get(code.len().saturating_sub(11)..).unwrap_or(code);
        let channel = self
            .channels
            .iter()
            .find(|(k, _)| *k == d.channel.key())
            .map_or("", |(_, cell)| cell.as_str());
        let (status, status_width) = self.status(st.status());
        let when = text::fit_right(when, WHEN_WIDTH);
        let mut row = String::with_capacity(self.cols * 3);
        for part in [
            marker, " ", symbol, " ", short, " ", channel, " ", &when, " ", status,
        ] {
            row.push_str(part);
        }
        // The row's width from its parts (the channel and the time are fitted to their
        // columns, the status was cut to its own): measuring the whole row again for
        // the cut was a tenth of a frame, and it only cuts in a pane too narrow for
        // the fixed columns.
        let width = text::width(marker)
            + text::width(symbol)
            + text::width(short)
            + self.channel_width
            + WHEN_WIDTH
            + status_width
            + 5; // the spaces between the six parts
        if width <= self.cols {
            return row;
        }
        match text::truncate(&row, self.cols) {
            Cow::Borrowed(_) => row,
            Cow::Owned(cut) => cut,
        }
    }
}

/// Symbol, time left and style of a dossier's row.
fn timing(
    app: &App,
    s: &Session,
    st: &DossierState,
    words: &Words,
) -> (&'static str, String, Style) {
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
        return ("✖", words.overdue.clone(), th.bad());
    }
    let minutes = s.calendar().office_minutes_between(s.now(), due);
    let left = labels::office_time(app.lang, minutes, words.day_minutes);
    if minutes <= SOON_MINUTES {
        ("▲", left, th.warn())
    } else {
        ("●", left, th.ok())
    }
}

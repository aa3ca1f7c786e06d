//! The message log: citizens, the specialist, the system and practice feedback,
//! newest at the bottom and always in view unless the trainee scrolls up. One icon
//! per message; a long message wraps under its text (a hanging indent). Feedback
//! not yet read is highlighted. `v` shows the same log over the whole screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::super::app::{App, Focus, Mode, Note, Screen, Tone};
use super::super::bindings::{self, Cmd};
use super::super::text;
use super::boxed::Boxed;
use super::pane;
use crate::present::labels;
use motcua_core::generate::TraineeDossier;
use motcua_core::session::DossierState;
use motcua_i18n::t;

/// The panel under the queue and the dossier.
pub fn render(
    app: &App,
    selected: Option<(TraineeDossier<'_>, &DossierState)>,
    frame: &mut Frame,
    area: Rect,
) {
    let th = &app.theme;
    let l = app.lang;
    let mut title = format!(" {} ", t!(l, "tui.notes.title"));
    if app.play.unread_feedback > 0 {
        let unread = t!(
            l,
            "tui.notes.unread",
            n = app.play.unread_feedback,
            pane = bindings::name_of(Screen::Play, Cmd::NextPane),
            key = bindings::name_of(Screen::Play, Cmd::Messages)
        );
        title.push_str(&format!("— {unread} "));
    }
    if let Some(hint) = hint(app, selected) {
        title.push_str(&format!("— {} ", t!(l, "tui.notes.hint", step = hint)));
    }
    // Room on the border for the "↑ more" marker.
    let title = text::truncate(&title, usize::from(area.width.saturating_sub(14)));
    let style = if app.play.focus == Focus::Messages {
        th.title()
    } else {
        th.strong()
    };
    let block = Boxed::bordered().title(Line::styled(title.into_owned(), style));
    log(app, frame, area, block);
}

/// The whole log over the screen.
pub fn render_full(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let title = format!(" {} ", t!(app.lang, "tui.notes.log_title"));
    let block = Boxed::bordered().title(Line::styled(title, th.title()));
    frame.render_widget(Clear, area);
    log(app, frame, area, block);
}

/// The log in `block`, scrolled up from the newest message by `log_scroll`. Only
/// the messages in view (and one row more) are wrapped: the cost of a frame does
/// not grow with the length of the log.
fn log(app: &App, frame: &mut Frame, area: Rect, block: Boxed) {
    let inner = block.inner(area);
    let cols = usize::from(inner.width);
    let page = usize::from(inner.height);
    let scroll = &app.play.log_scroll;
    let wanted = scroll.offset().saturating_add(page);
    let notes = &app.play.notes;
    // Rows newest first, one message at a time, until the view (and one more row) is filled.
    let mut rows: Vec<Line> = Vec::new();
    let mut oldest = notes.len();
    while oldest > 0 && rows.len() <= wanted {
        oldest -= 1;
        let unread = oldest >= app.play.read;
        let mut wrapped = note_rows(app, &notes[oldest], unread, cols);
        wrapped.reverse();
        rows.extend(wrapped);
    }
    // Every message drawn: the top of the log is known.
    let max = if oldest == 0 {
        rows.len().saturating_sub(page)
    } else {
        usize::MAX
    };
    let at = scroll.offset().min(max);
    scroll.record(at, max, page);
    let above = rows.len() > at + page;
    let visible: Vec<Line> = rows.into_iter().skip(at).take(page).rev().collect();
    let block = pane::markers(app, block, above, at > 0);
    super::lines::render(frame, area, Some(block), &visible);
}

/// A message as rows: icon, date and time, then the text wrapped under itself.
fn note_rows(app: &App, n: &Note, unread: bool, cols: usize) -> Vec<Line<'static>> {
    let th = &app.theme;
    let (symbol, style) = match n.tone {
        Tone::Info => ("ℹ", th.label()),
        Tone::Good => ("✔", th.ok()),
        Tone::Warn => ("⚠", th.warn()),
        Tone::Bad => ("✖", th.bad()),
    };
    let at =
        n.at.map(|t| t.format("%d/%m %H:%M ").to_string())
            .unwrap_or_default();
    let head = format!("{symbol} {at}");
    let body = if n.feedback && unread {
        th.bad().add_modifier(Modifier::REVERSED)
    } else {
        ratatui::style::Style::default()
    };
    let line = Line::from(vec![
        Span::styled(head.clone(), style),
        Span::styled(n.text.clone(), body),
    ]);
    text::wrap(&line, cols, text::width(&head))
}

/// Practice mode: the next right step on the selected dossier, by name.
fn hint(app: &App, selected: Option<(TraineeDossier<'_>, &DossierState)>) -> Option<String> {
    if app.mode != Mode::Practice || app.play.form.is_some() {
        return None;
    }
    let s = app.session.as_ref()?;
    let (d, _) = selected?;
    let action = s.hint(d.code)?;
    Some(labels::action(app.lang, action.name()))
}

//! One line: weekday, date and time, the working day of the period, rules, mode, outage.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::{App, Mode, Screen};
use super::super::bindings::Cmd;
use motcua_i18n::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let Some(s) = &app.session else { return };
    let now = s.now();
    let key = format!("calendar.weekday.{}", weekday_key(now.weekday()));
    let weekday = capitalized(&t!(l, &key));
    let day = working_day(s);
    let total = s.scenario().meta.working_days;
    let mode = match app.mode {
        Mode::Practice => t!(l, "tui.mode.practice"),
        Mode::Exam => t!(l, "tui.mode.exam"),
    };
    let mut spans = vec![
        Span::styled(
            format!(" {weekday} {} ", now.format("%d/%m/%Y %H:%M")),
            th.title(),
        ),
        Span::raw(t!(l, "tui.header.day", day = day, total = total)),
        Span::styled(format!("  · {mode}"), th.dim()),
    ];
    // The exam can be handed in at any moment: say how, where the clock is.
    if app.mode == Mode::Exam && !s.is_over() {
        let submit = super::keys::hint(l, Screen::Play, &[super::keys::Item::Key(Cmd::Submit)]);
        spans.push(Span::styled(format!("  · {submit}"), th.key()));
    }
    if let Some(until) = s.outage_until() {
        let text = t!(l, "tui.header.outage", until = until.format("%H:%M"));
        spans.push(Span::styled(format!("  ⚠ {text}"), th.bad()));
    }
    if s.is_over() {
        spans.push(Span::styled(
            format!("  ■ {}", t!(l, "tui.header.over")),
            th.warn(),
        ));
    }
    // Drawn as `lines` draws a line, one cell per character, instead of segmenting
    // its graphemes (the same cells: the line itself has no style).
    super::lines::render(frame, area, None, &[Line::from(spans)]);
}

/// Which working day of the period `now` falls on (1-based): the working days from
/// the start up to today, counted in one walk (asking for the n-th period day for
/// each n walked the period again for every day: quadratic in its length, every frame).
fn working_day(s: &motcua_core::session::Session) -> u32 {
    let cal = s.calendar();
    let start = s.scenario().meta.start.date();
    let today = s.now().date();
    let total = s.scenario().meta.working_days;
    let mut seen = 0;
    for d in start.iter_days().take_while(|d| *d <= today) {
        if seen >= total {
            break;
        }
        if cal.is_working_day(d) {
            seen += 1;
        }
    }
    seen.clamp(1, total.max(1))
}

pub fn weekday_key(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => "mon",
        Tue => "tue",
        Wed => "wed",
        Thu => "thu",
        Fri => "fri",
        Sat => "sat",
        Sun => "sun",
    }
}

/// `thứ Hai` → `Thứ Hai` at the start of the header.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

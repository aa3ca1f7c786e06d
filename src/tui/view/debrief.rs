//! The debrief: the training score as a bar with its grade, then one scrollable
//! list of sections (the steps, the QĐ 766 panel of the simulated desk, the
//! dossiers, the mistakes by code, and each mistake in detail when asked with `d`).
//! `t` switches the scrollable part to the timeline of the dossiers (`timeline`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::super::app::{App, DebriefTab, Screen};
use super::super::bindings::{self, Cmd};
use super::super::text;
use super::boxed::Boxed;
use super::pane;
use crate::present::debrief::{self as text_debrief, Section};
use crate::present::labels;
use motcua_i18n::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let Some(d) = &app.debrief else {
        return;
    };
    let hint = match app.debrief_tab {
        DebriefTab::Results => super::keys::hint(l, Screen::Debrief, super::keys::RESULTS),
        DebriefTab::Timeline => super::keys::hint(l, Screen::Debrief, super::keys::TIMELINE),
    };
    let [gauge, rest, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(super::keys::height(&hint, area.width)),
    ])
    .areas(area);
    let s = &d.training;
    let verdict = if !d.is_final {
        t!(l, "debrief.not_passed_unfinished", pass = s.pass_score)
    } else if s.passed {
        t!(l, "debrief.pass", pass = s.pass_score)
    } else {
        t!(l, "debrief.fail", pass = s.pass_score)
    };
    let grade = labels::grade(l, s.grade);
    let label = format!("{} /100 — {grade} — {verdict}", labels::points(l, s.total));
    let style = if s.passed { th.ok() } else { th.bad() };
    let total_block = Block::bordered().title(Line::styled(
        format!(" {} ", t!(l, "tui.debrief.title")),
        th.title(),
    ));
    // The bar and its words side by side: the text never sits on the bar.
    let room = usize::from(gauge.width.saturating_sub(2));
    let bar_width = room.saturating_sub(text::width(&label) + 1).clamp(10, 40);
    let total = Line::from(vec![
        Span::styled(bar(s.total / 100.0, bar_width), style),
        Span::styled(format!(" {label}"), th.strong()),
    ]);
    frame.render_widget(Paragraph::new(total).block(total_block), gauge);
    match app.debrief_tab {
        DebriefTab::Results => {
            let sections = sections(app);
            let body = lines(app, &sections);
            pane::render(
                app,
                frame,
                rest,
                Boxed::bordered(),
                &body,
                &app.debrief_scroll,
                None,
            );
        }
        DebriefTab::Timeline => super::timeline::render(app, frame, rest),
    }
    super::keys::bar(app, frame, keys, &hint);
}

/// What the scrollable part shows, in order. Each mistake in full only on demand.
pub fn sections(app: &App) -> Vec<Section> {
    let (Some(d), Some(s)) = (&app.debrief, &app.session) else {
        return Vec::new();
    };
    let l = app.lang;
    let mut out = Vec::new();
    // The heading beyond its first two lines (the bar shows those): unfinished notes.
    let notes: Vec<String> = text_debrief::heading(l, d).into_iter().skip(2).collect();
    if !notes.is_empty() {
        out.push(Section {
            title: t!(l, "tui.debrief.unfinished"),
            lines: notes,
        });
    }
    out.extend(text_debrief::sections(
        l,
        s.scenario(),
        d,
        app.debrief_details,
    ));
    if !app.debrief_details && !d.mistakes.is_empty() {
        out.push(Section {
            title: t!(l, "debrief.details"),
            lines: vec![t!(
                l,
                "tui.debrief.details_hint",
                key = bindings::name_of(Screen::Debrief, Cmd::Details)
            )],
        });
    }
    out
}

/// Sections as lines: a styled title, its lines indented, a blank line between.
fn lines<'a>(app: &App, sections: &'a [Section]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(s.title.as_str(), app.theme.strong()));
        out.extend(s.lines.iter().map(|l| Line::raw(format!("  {l}"))));
    }
    out
}

/// `ratio` of `width` cells filled: █ done, ░ not (readable without colour).
fn bar(ratio: f64, width: usize) -> String {
    let filled = ((ratio.clamp(0.0, 1.0)) * width as f64).round() as usize;
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(width - filled.min(width))
    )
}

//! The debrief: the total as a bar with its band, the five 766 groups as bars,
//! the dossiers, and every mistake with what was right, why and the legal basis.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::super::app::App;
use super::super::text;
use super::pane;
use crate::present::{debrief as details, labels};
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let (Some(d), Some(s)) = (&app.debrief, &app.session) else {
        return;
    };
    let [gauge, groups, rest, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(7),
        Constraint::Min(5),
        Constraint::Length(super::keys::height(&t!(l, "tui.debrief.keys"), area.width)),
    ])
    .areas(area);
    let band = labels::band(l, d.band);
    let verdict = if d.passed {
        t!(l, "debrief.pass", pass = d.pass_score)
    } else {
        t!(l, "debrief.fail", pass = d.pass_score)
    };
    let label = format!("{} /100 — {band} — {verdict}", labels::points(l, d.total));
    let style = if d.passed { th.ok() } else { th.bad() };
    let total_block = Block::bordered().title(Line::styled(
        format!(" {} ", t!(l, "tui.debrief.title")),
        th.title(),
    ));
    // The bar and its words side by side: the text never sits on the bar.
    let room = usize::from(gauge.width.saturating_sub(2));
    let bar_width = room.saturating_sub(text::width(&label) + 1).clamp(10, 40);
    let total = Line::from(vec![
        Span::styled(bar(d.total / 100.0, bar_width), style),
        Span::styled(format!(" {label}"), th.strong()),
    ]);
    frame.render_widget(Paragraph::new(total).block(total_block), gauge);
    let name_width = d
        .groups
        .iter()
        .map(|g| text::width(&labels::group(l, g.group)))
        .max()
        .unwrap_or(0)
        .min(usize::from(groups.width) / 2);
    let bar_width = usize::from(groups.width.saturating_sub(2))
        .saturating_sub(name_width + 14)
        .clamp(10, 60);
    let lines: Vec<Line> = d
        .groups
        .iter()
        .map(|g| {
            let ratio = if g.max > 0.0 { g.points / g.max } else { 0.0 };
            let score = format!(
                "{}/{}",
                labels::points(l, g.points),
                labels::points(l, g.max)
            );
            let style = if g.points >= g.max {
                th.ok()
            } else {
                th.warn()
            };
            Line::from(vec![
                Span::raw(format!(
                    "{} ",
                    text::fit(&labels::group(l, g.group), name_width)
                )),
                Span::styled(bar(ratio, bar_width), style),
                Span::raw(format!(" {score}")),
            ])
        })
        .collect();
    let block = Block::bordered().title(format!(" {} ", t!(l, "debrief.groups")));
    frame.render_widget(Paragraph::new(lines).block(block), groups);
    let body = details::details(l, s.scenario(), d);
    let body: Vec<Line> = body.lines().map(|s| Line::raw(s.to_string())).collect();
    pane::render(
        app,
        frame,
        rest,
        Block::bordered(),
        &body,
        &app.debrief_scroll,
        None,
    );
    super::keys::bar(app, frame, keys, &t!(l, "tui.debrief.keys"));
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

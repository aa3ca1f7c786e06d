//! The debrief: the total as a gauge with its band, the five 766 groups as bars,
//! the dossiers, and every mistake with what was right, why and the legal basis.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

use super::super::app::App;
use crate::present::{debrief as text, labels};
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
        Constraint::Length(1),
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
    let g = Gauge::default()
        .block(Block::bordered().title(Line::styled(
            format!(" {} ", t!(l, "tui.debrief.title")),
            th.title(),
        )))
        .gauge_style(style)
        .ratio((d.total / 100.0).clamp(0.0, 1.0))
        .label(Span::styled(label, th.strong()));
    frame.render_widget(g, gauge);
    let bar_width = usize::from(groups.width.saturating_sub(44)).clamp(10, 60);
    let lines: Vec<Line> = d
        .groups
        .iter()
        .map(|g| {
            let filled = if g.max > 0.0 {
                ((g.points / g.max) * bar_width as f64).round() as usize
            } else {
                0
            };
            let bar = format!(
                "{}{}",
                "█".repeat(filled),
                "░".repeat(bar_width - filled.min(bar_width))
            );
            let name = labels::group(l, g.group);
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
                Span::raw(format!("{name:<28} ")),
                Span::styled(bar, style),
                Span::raw(format!(" {score}")),
            ])
        })
        .collect();
    let block = Block::bordered().title(format!(" {} ", t!(l, "debrief.groups")));
    frame.render_widget(Paragraph::new(lines).block(block), groups);
    let body = text::details(l, s.scenario(), d);
    let body: Vec<Line> = body.lines().map(|s| Line::raw(s.to_string())).collect();
    let p = Paragraph::new(body)
        .block(Block::bordered())
        .wrap(Wrap { trim: false })
        .scroll((app.debrief_scroll, 0));
    frame.render_widget(p, rest);
    frame.render_widget(Line::styled(t!(l, "tui.debrief.keys"), th.key()), keys);
}

//! `?`: the keys and a glossary of the desk's words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::app::App;
use super::centered;
use crate::t;

/// Glossary entries, in the order a newcomer meets them.
const TERMS: &[&str] = &[
    "tiep-nhan",
    "bo-sung",
    "tu-choi",
    "toan-trinh",
    "mot-phan",
    "so-hoa",
    "tai-su-dung",
    "tham-dinh",
    "xin-loi",
    "dung",
    "han",
    "766",
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2),
    );
    let mut lines = vec![Line::styled(t!(l, "tui.help.keys_title"), th.strong())];
    lines.extend(
        t!(l, "tui.help.keys")
            .lines()
            .map(|s| Line::raw(s.to_string())),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.help.glossary_title"), th.strong()));
    for term in TERMS {
        lines.push(Line::raw(format!(
            "• {}",
            t!(l, &format!("tui.glossary.{term}"))
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.help.close"), th.key()));
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", t!(l, "tui.help.title")),
        th.title(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.help_scroll, 0)),
        rect,
    );
}

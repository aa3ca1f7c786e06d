//! `?`: the keys and a glossary of the desk's words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use super::super::app::{App, Screen};
use super::boxed::Boxed;
use super::{centered, pane};
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
        t!(l, keys_of(app.screen))
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
    frame.render_widget(Clear, rect);
    let block = Boxed::bordered()
        .title(Line::styled(
            format!(" {} ", t!(l, "tui.help.title")),
            th.title(),
        ))
        .title_bottom(Line::styled(
            format!(" {} ", t!(l, "tui.help.close")),
            th.key(),
        ));
    pane::render(app, frame, rect, block, &lines, &app.help_scroll, None);
}

/// The keys of the screen the help was opened on.
fn keys_of(screen: Screen) -> &'static str {
    match screen {
        Screen::Welcome => "tui.help.keys_welcome",
        Screen::Library => "tui.help.keys_library",
        Screen::Briefing => "tui.help.keys_briefing",
        Screen::Play => "tui.help.keys",
        Screen::Debrief => "tui.help.keys_debrief",
    }
}

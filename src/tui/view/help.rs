//! `?`: the keys and a glossary of the desk's words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use super::super::app::{App, Screen};
use super::super::bindings::{self, Cmd::*};
use super::boxed::Boxed;
use super::keys::Item::{self, Key as K, Labelled, Prose};
use super::{centered, pane};
use motcua_i18n::Lang;
use motcua_i18n::t;

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
    lines.extend(key_lines(l, app.screen).into_iter().map(Line::raw));
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
            format!(" {} ", close(l, app.screen)),
            th.key(),
        ));
    pane::render(app, frame, rect, block, &lines, &app.help_scroll, None);
}

/// The help's keys, line by line: the catalogue's words for keys that only move, and
/// the key table's commands with their sentences.
const PLAY: &[&[Item]] = &[
    &[K(NextPane), K(ToQueue)],
    &[Prose("tui.help.keys_move")],
    &[Prose("tui.help.keys_scroll")],
    &[K(Messages)],
    &[K(Open), K(Inspect)],
    &[K(Accept), K(Supplement), K(Refuse)],
    &[K(Digitize), K(Reuse), K(Forward)],
    &[K(Transfer)],
    &[
        K(Appraise),
        K(Sign),
        K(RequestFee),
        K(ConfirmPayment),
        K(Return),
    ],
    &[K(Apologize), K(Stop)],
    &[K(Wait), K(NextEvent), K(EndDay), K(Finish)],
    &[K(Submit)],
];
const LIBRARY: &[&[Item]] = &[&[Prose("tui.help.keys_library"), K(Quit)]];
const BRIEFING: &[&[Item]] = &[&[
    Prose("tui.help.keys_briefing"),
    K(NewSeed),
    Prose("tui.help.keys_briefing_back"),
    K(Quit),
]];
const DEBRIEF: &[&[Item]] = &[&[
    Prose("tui.help.keys_debrief"),
    K(SwitchTab),
    K(Details),
    K(Submit),
    K(Retry),
    K(NextSeed),
    K(Library),
    K(Quit),
]];

/// The help's key lines on `screen` (the welcome screen's are words only: there
/// every letter is part of the name).
pub fn key_lines(l: Lang, screen: Screen) -> Vec<String> {
    let lines = match screen {
        Screen::Welcome => {
            return t!(l, "tui.help.keys_welcome")
                .lines()
                .map(String::from)
                .collect();
        }
        Screen::Library => LIBRARY,
        Screen::Briefing => BRIEFING,
        Screen::Play => PLAY,
        Screen::Debrief => DEBRIEF,
    };
    lines
        .iter()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| match *item {
                    Prose(key) => Some(t!(l, key)),
                    K(cmd) => Some(bindings::help_text(l, bindings::binding(screen, cmd)?)),
                    Labelled(..) => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The help's bottom line: how to scroll it and close it (`?`, from the table).
pub fn close(l: Lang, screen: Screen) -> String {
    let key = bindings::name_of(screen, Help);
    t!(l, "tui.keyhelp.help", key = key)
}

//! The scenario library: title, procedures, role, difficulty, best score.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::super::app::App;
use crate::present::labels;
use crate::score::Band;
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let [table_area, detail, keys] = Layout::vertical([
        Constraint::Min(8),
        Constraint::Length(6),
        Constraint::Length(1),
    ])
    .areas(area);
    let header = Row::new(
        [
            "tui.library.title",
            "tui.library.role",
            "tui.library.level",
            "tui.library.best",
        ]
        .map(|k| Cell::from(t!(l, k))),
    )
    .style(th.strong());
    let rows: Vec<Row> = app
        .catalog
        .iter()
        .map(|e| match &e.loaded {
            Ok(s) => {
                let best = app
                    .best
                    .iter()
                    .find(|(id, _)| *id == s.meta.id)
                    .map_or_else(
                        || "—".to_string(),
                        |(_, total)| {
                            format!(
                                "{} {}",
                                labels::points(l, *total),
                                labels::band(l, Band::of(*total))
                            )
                        },
                    );
                Row::new(vec![
                    Cell::from(if is_suggested(app, &s.meta.id) {
                        format!("★ {}", e.title(l))
                    } else {
                        e.title(l)
                    }),
                    Cell::from(t!(l, &format!("tui.role.{}", role_key(s.meta.role)))),
                    Cell::from(t!(
                        l,
                        &format!("tui.level.{}", level_key(s.meta.difficulty))
                    )),
                    Cell::from(best),
                ])
            }
            Err(_) => Row::new(vec![
                Cell::from(format!("✖ {}", e.source)),
                Cell::from(t!(l, "tui.library.invalid")),
                Cell::from(""),
                Cell::from(""),
            ])
            .style(th.bad()),
        })
        .collect();
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(14),
        Constraint::Length(12),
        Constraint::Length(18),
    ];
    let title = t!(l, "tui.library.heading", name = app.welcome.name);
    let table = Table::new(rows, widths)
        .header(header)
        .block(Block::bordered().title(Line::styled(format!(" {title} "), th.title())))
        .row_highlight_style(th.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(app.library_sel));
    frame.render_stateful_widget(table, table_area, &mut state);
    let mut text = match app.selected_entry().map(|e| &e.loaded) {
        Some(Ok(s)) => {
            let procs: Vec<String> = s
                .procedures
                .iter()
                .map(|p| labels::procedure_name(l, p))
                .collect();
            vec![
                Line::raw(t!(l, "tui.library.procedures", list = procs.join("; "))),
                Line::styled(objective(l, s), th.dim()),
            ]
        }
        Some(Err(msg)) => vec![Line::styled(msg.clone(), th.bad())],
        None => vec![Line::raw(t!(l, "tui.library.empty"))],
    };
    if let Some((id, reason)) = &app.suggestion {
        let title = app
            .catalog
            .iter()
            .find(|e| e.loaded.as_ref().is_ok_and(|s| s.meta.id == *id))
            .map_or_else(|| id.clone(), |e| e.title(l));
        text.insert(
            0,
            Line::styled(
                t!(l, "tui.library.suggest", title = title, reason = reason),
                th.key(),
            ),
        );
    }
    frame.render_widget(
        Paragraph::new(text)
            .block(Block::bordered())
            .wrap(Wrap { trim: true }),
        detail,
    );
    frame.render_widget(Line::styled(t!(l, "tui.library.keys"), th.key()), keys);
}

pub fn role_key(role: crate::scenario::Role) -> &'static str {
    match role {
        crate::scenario::Role::MotCua => "mot-cua",
        crate::scenario::Role::ChuyenVien => "chuyen-vien",
        crate::scenario::Role::ToanBo => "toan-bo",
    }
}

pub fn level_key(d: crate::scenario::Difficulty) -> &'static str {
    match d {
        crate::scenario::Difficulty::CoBan => "co-ban",
        crate::scenario::Difficulty::TrungBinh => "trung-binh",
        crate::scenario::Difficulty::NangCao => "nang-cao",
    }
}

/// The scenario's first objective, in the UI language when the file has it.
fn objective(l: crate::i18n::Lang, s: &crate::scenario::Scenario) -> String {
    let list = match l {
        crate::i18n::Lang::En if !s.meta.objectives_en.is_empty() => &s.meta.objectives_en,
        _ => &s.meta.objectives,
    };
    list.first().cloned().unwrap_or_default()
}

fn is_suggested(app: &App, id: &str) -> bool {
    app.suggestion.as_ref().is_some_and(|(s, _)| s == id)
}

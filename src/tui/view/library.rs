//! The scenario library: title, procedures, role, difficulty, best score.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::super::app::{App, Screen};
use super::super::text;
use crate::present::labels;
use motcua_core::score::Grade;
use motcua_i18n::t;

/// The trainee's latest attempts of the selected scenario shown under it.
pub const ATTEMPTS_SHOWN: usize = 3;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    // A format-1 file's hint needs room beside the procedures and the objective.
    let base = match app.selected_entry() {
        Some(e) if e.format_one.is_some() => 9,
        _ => 6,
    };
    let attempts: Vec<String> = app
        .records
        .iter()
        .map(|r| crate::tui::submit::row_text(l, r))
        .collect();
    let inner = usize::from(area.width.saturating_sub(2)).max(1);
    let rows_height: usize = attempts
        .iter()
        .map(|a| text::width(a).div_ceil(inner))
        .sum();
    let detail_height = base + u16::try_from(rows_height).unwrap_or(0);
    let [table_area, detail, keys] = Layout::vertical([
        Constraint::Min(8),
        Constraint::Length(detail_height),
        Constraint::Length(super::keys::height(
            &super::keys::hint(l, Screen::Library, super::keys::LIBRARY),
            area.width,
        )),
    ])
    .areas(area);
    let header: [String; 4] = [
        "tui.library.title",
        "tui.library.role",
        "tui.library.level",
        "tui.library.best",
    ]
    .map(|k| t!(l, k));
    // Only the rows in view are measured and drawn.
    let page = usize::from(table_area.height.saturating_sub(3)).max(1);
    let offset = app.library_sel.saturating_sub(page - 1);
    let visible: Vec<([String; 4], bool)> = app
        .catalog
        .iter()
        .skip(offset)
        .take(page)
        .map(|e| cells(app, e))
        .collect();
    let mut widths = header.clone().map(|h| text::width(&h));
    for (row, _) in &visible {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text::width(cell));
        }
    }
    // The title takes what the other columns leave (highlight "▶ " and 3 gaps).
    let inner = usize::from(table_area.width.saturating_sub(2));
    widths[0] = inner.saturating_sub(2 + 3 + widths[1] + widths[2] + widths[3]);
    let row = |cells: &[String; 4]| {
        Row::new(
            cells
                .iter()
                .zip(widths)
                .map(|(c, w)| Cell::from(text::truncate(c, w).into_owned())),
        )
    };
    let rows: Vec<Row> = visible
        .iter()
        .map(|(c, ok)| if *ok { row(c) } else { row(c).style(th.bad()) })
        .collect();
    let constraints = widths.map(|w| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX)));
    let title = t!(l, "tui.library.heading", name = app.welcome.name);
    let title = text::truncate(&title, inner.saturating_sub(2));
    let table = Table::new(rows, constraints)
        .header(row(&header).style(th.strong()))
        .block(Block::bordered().title(Line::styled(format!(" {title} "), th.title())))
        .row_highlight_style(th.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(app.library_sel - offset));
    frame.render_stateful_widget(table, table_area, &mut state);
    let mut text = match app.selected_entry().map(|e| (&e.loaded, &e.format_one)) {
        Some((Ok(s), format_one)) => {
            let procs: Vec<String> = s
                .procedures
                .iter()
                .map(|p| labels::procedure_name(l, p))
                .collect();
            let mut lines = vec![
                Line::raw(t!(l, "tui.library.procedures", list = procs.join("; "))),
                Line::styled(objective(l, s), th.dim()),
            ];
            // A format-1 file runs with defaults its author may not expect: say so first.
            if let Some(hint) = format_one {
                let said = t!(l, "tui.library.format_one", hint = hint);
                lines.insert(0, Line::styled(said, th.warn()));
            }
            lines
        }
        Some((Err(msg), _)) => vec![Line::styled(msg.clone(), th.bad())],
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
    // A send that failed shows in the warning colour (its words say why).
    text.extend(app.records.iter().zip(attempts).map(|(r, a)| {
        let style = if r.failure.is_some() {
            th.warn()
        } else {
            th.dim()
        };
        Line::styled(a, style)
    }));
    frame.render_widget(
        Paragraph::new(text)
            .block(Block::bordered())
            .wrap(Wrap { trim: true }),
        detail,
    );
    super::keys::bar(
        app,
        frame,
        keys,
        &super::keys::hint(l, Screen::Library, super::keys::LIBRARY),
    );
}

/// A scenario's cells (title, role, level, best score) and whether it loaded.
fn cells(app: &App, e: &super::super::catalog::Entry) -> ([String; 4], bool) {
    let l = app.lang;
    let Ok(s) = &e.loaded else {
        let cells = [
            format!("✖ {}", e.source),
            t!(l, "tui.library.invalid"),
            String::new(),
            String::new(),
        ];
        return (cells, false);
    };
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
                    labels::grade(l, Grade::of(*total))
                )
            },
        );
    let mut title = if is_suggested(app, &s.meta.id) {
        format!("★ {}", e.title(l))
    } else {
        e.title(l)
    };
    if e.format_one.is_some() {
        title = format!("⚠ {title} {}", t!(l, "tui.library.format_one_mark"));
    }
    let cells = [
        title,
        t!(l, &format!("tui.role.{}", role_key(s.meta.role))),
        t!(l, &format!("tui.level.{}", level_key(s.meta.difficulty))),
        best,
    ];
    (cells, true)
}

pub fn role_key(role: motcua_core::scenario::Role) -> &'static str {
    match role {
        motcua_core::scenario::Role::MotCua => "mot-cua",
        motcua_core::scenario::Role::ChuyenVien => "chuyen-vien",
        motcua_core::scenario::Role::ToanBo => "toan-bo",
    }
}

pub fn level_key(d: motcua_core::scenario::Difficulty) -> &'static str {
    match d {
        motcua_core::scenario::Difficulty::CoBan => "co-ban",
        motcua_core::scenario::Difficulty::TrungBinh => "trung-binh",
        motcua_core::scenario::Difficulty::NangCao => "nang-cao",
    }
}

/// The scenario's first objective, in the UI language when the file has it.
fn objective(l: motcua_i18n::Lang, s: &motcua_core::scenario::Scenario) -> String {
    let list = match l {
        motcua_i18n::Lang::En if !s.meta.objectives_en.is_empty() => &s.meta.objectives_en,
        _ => &s.meta.objectives,
    };
    list.first().cloned().unwrap_or_default()
}

fn is_suggested(app: &App, id: &str) -> bool {
    app.suggestion.as_ref().is_some_and(|(s, _)| s == id)
}

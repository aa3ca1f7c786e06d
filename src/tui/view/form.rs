//! The forms as dialogs over the play screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::app::App;
use super::super::forms::{ChoiceKind, Form};
use super::super::text;
use super::boxed::Boxed;
use super::{centered, pane};
use motcua_i18n::t;

pub fn render(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let (title, lines) = match form {
        Form::Receipt(f) => {
            let mut lines = vec![
                Line::raw(t!(
                    l,
                    "tui.form.receipt_body",
                    procedure = f.procedure,
                    applicant = f.applicant
                )),
                Line::styled(t!(l, "tui.form.receipt_components"), th.strong()),
            ];
            lines.extend(f.components.iter().map(|c| Line::raw(format!("  • {c}"))));
            lines.push(Line::styled(
                t!(
                    l,
                    "tui.form.receipt_due",
                    due = crate::present::labels::moment(f.due)
                ),
                th.selected(),
            ));
            (t!(l, "tui.form.receipt", dossier = f.dossier), lines)
        }
        Form::Supplement(f) => {
            let lines: Vec<Line> = f
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let tick = if r.ticked { "[x]" } else { "[ ]" };
                    let problem = t!(l, &format!("tui.problem.{}", r.problems[r.problem].key()));
                    let label = if r.label.is_empty() {
                        problem.clone()
                    } else {
                        r.label.clone()
                    };
                    let text = if r.label.is_empty() {
                        format!("{tick} {label}")
                    } else {
                        format!("{tick} {label} — ◀ {problem} ▶")
                    };
                    let style = if i == f.cursor {
                        th.selected()
                    } else {
                        th.strong()
                    };
                    Line::styled(text, style)
                })
                .collect();
            (t!(l, "tui.form.supplement", dossier = f.dossier), lines)
        }
        Form::Choice(f) => {
            let key = match f.kind {
                ChoiceKind::Refuse => "tui.form.refuse",
                ChoiceKind::Stop => "tui.form.stop",
                ChoiceKind::Appraise => "tui.form.appraise",
                ChoiceKind::Return => "tui.form.return",
            };
            let lines = f
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let text = t!(l, &format!("tui.option.{o}"));
                    let style = if i == f.cursor {
                        th.selected()
                    } else {
                        th.strong()
                    };
                    Line::styled(format!("  {text}"), style)
                })
                .collect();
            (t!(l, key, dossier = f.dossier), lines)
        }
        Form::Apology(f) => {
            let due = f
                .due
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            let lines = vec![
                Line::raw(t!(l, "tui.form.apology_due", due = due)),
                Line::styled(
                    format!("◀ {} ▶", f.new_date.format("%d/%m/%Y")),
                    th.selected(),
                ),
            ];
            (t!(l, "tui.form.apology", dossier = f.dossier), lines)
        }
    };
    let selected = match form {
        Form::Supplement(f) => Some(f.cursor),
        Form::Choice(f) => Some(f.cursor),
        _ => None,
    };
    let width = area.width.saturating_sub(4).clamp(60, 92).min(area.width);
    let cols = usize::from(width.saturating_sub(2)).max(1);
    let (rows, _) = text::wrap_all(&lines, cols);
    let height = u16::try_from(rows.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let title = text::truncate(&title, cols.saturating_sub(2));
    // Room on the bottom border for the "↓ more" marker too.
    let hint = text::truncate(&t!(l, keys_of(form)), cols.saturating_sub(16)).into_owned();
    let block = Boxed::bordered()
        .title(Line::styled(format!(" {title} "), th.title()))
        .title_bottom(Line::styled(format!(" {hint} "), th.key()));
    pane::render(
        app,
        frame,
        rect,
        block,
        &lines,
        &app.play.form_scroll,
        selected,
    );
}

/// The key hint of a form.
pub fn keys_of(form: &Form) -> &'static str {
    match form {
        Form::Receipt(_) => "tui.keys.form_receipt",
        Form::Supplement(_) => "tui.keys.form",
        Form::Choice(_) => "tui.keys.form_choice",
        Form::Apology(_) => "tui.keys.form_date",
    }
}

pub fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 60, 5);
    frame.render_widget(Clear, rect);
    let text = t!(app.lang, "tui.confirm_end");
    let title = t!(app.lang, "tui.confirm_title");
    let block = Block::bordered().title(Line::styled(format!(" {title} "), app.theme.title()));
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

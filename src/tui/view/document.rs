//! The open dossier as an officer reads it: who filed what, when and how, and each
//! component with its fields, marked as inspected, digitised or reused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::{App, Focus};
use super::super::scroll::Scroll;
use super::boxed::Boxed;
use super::pane;
use crate::present::labels;
use motcua_core::generate::{Origin, TraineeDossier};
use motcua_core::scenario::{CopyKind, Procedure, ServiceLevel};
use motcua_core::session::DossierState;
use motcua_i18n::t;

pub fn render(
    app: &App,
    selected: Option<(TraineeDossier<'_>, &DossierState)>,
    frame: &mut Frame,
    area: Rect,
) {
    let th = &app.theme;
    let l = app.lang;
    let focused = app.play.focus == Focus::Document;
    let title = t!(l, "tui.document.title");
    let block = Boxed::bordered().title(Line::styled(
        format!(" {title} "),
        if focused { th.title() } else { th.strong() },
    ));
    let found = app.session.as_ref().and_then(|s| {
        let (d, st) = selected?;
        Some((d, st, s.procedure_of_seen(d)?))
    });
    // Nothing to scroll here: a fresh position, so the open dossier's stays its own.
    // Drawn through the pane, not a wrapping `Paragraph`, which restyles every cell
    // of the pane twice (a fifth of a play frame).
    let Some((d, st, p)) = found else {
        let lines = [Line::styled(t!(l, "tui.document.none"), th.dim())];
        pane::render(app, frame, area, block, &lines, &Scroll::default(), None);
        return;
    };
    if !st.opened {
        let lines = [
            Line::raw(format!("{} — {}", d.code, labels::procedure_name(l, p))),
            Line::raw(""),
            Line::styled(t!(l, "tui.document.closed_hint"), th.key()),
        ];
        pane::render(app, frame, area, block, &lines, &Scroll::default(), None);
        return;
    }
    let (lines, selected_line) = document_lines(app, d, st, p);
    let selected = focused.then_some(usize::from(selected_line));
    pane::render(
        app,
        frame,
        area,
        block,
        &lines,
        &app.play.doc_scroll,
        selected,
    );
}

fn document_lines<'a>(
    app: &App,
    d: TraineeDossier<'a>,
    st: &DossierState,
    p: &Procedure,
) -> (Vec<Line<'a>>, u16) {
    let th = &app.theme;
    let l = app.lang;
    let service = match p.service {
        ServiceLevel::ToanTrinh => t!(l, "tui.service.toan-trinh"),
        ServiceLevel::MotPhan => t!(l, "tui.service.mot-phan"),
    };
    let channel = t!(l, &format!("tui.channel.{}", d.channel.key()));
    let mut lines = vec![
        Line::styled(
            format!("{} — {}", d.code, labels::procedure_name(l, p)),
            th.strong(),
        ),
        Line::raw(t!(
            l,
            "tui.document.filed",
            at = labels::moment(d.submitted_at),
            channel = channel,
            service = service,
            result = t!(l, &format!("tui.result.{}", d.result_channel.key()))
        )),
        Line::raw(t!(
            l,
            "tui.document.status",
            status = labels::status(l, st.status())
        )),
    ];
    if let Some(due) = st.due {
        lines.push(Line::raw(t!(
            l,
            "tui.document.due",
            due = labels::moment(due)
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.document.components"), th.strong()));
    let mut selected_line = 0u16;
    for c in &p.components {
        let index = d.components.iter().position(|x| x.id == c.id);
        let is_selected =
            app.play.focus == Focus::Document && index == Some(app.play.component_sel);
        if is_selected {
            selected_line = lines.len() as u16;
        }
        let Some(sub) = index.map(|i| &d.components[i]) else {
            let text = format!("  ✗ {} — {}", c.name, t!(l, "tui.document.not_handed_in"));
            lines.push(Line::styled(text, th.warn()));
            continue;
        };
        let mut marks = Vec::new();
        if st.inspected.contains(&c.id) {
            marks.push(t!(l, "tui.document.inspected"));
        }
        match sub.origin {
            Origin::Paper if st.digitized.contains(&c.id) => {
                marks.push(t!(l, "tui.document.digitized"))
            }
            Origin::Paper => marks.push(t!(l, "tui.document.paper")),
            Origin::NationalDb if st.reused.contains(&c.id) => {
                marks.push(t!(l, "tui.document.reused"))
            }
            Origin::NationalDb => marks.push(t!(l, "tui.document.national_db")),
            Origin::Upload => marks.push(t!(l, "tui.document.upload")),
        }
        let head = format!(
            "{} {} [{}]",
            if is_selected { "▶" } else { " " },
            c.name,
            marks.join(", ")
        );
        lines.push(Line::styled(
            head,
            if is_selected {
                th.selected()
            } else {
                th.strong()
            },
        ));
        if sub.origin == Origin::NationalDb && !st.reused.contains(&c.id) {
            continue;
        }
        if !sub.legible {
            // An original shown at the desk is not a scan: it is faded or erased.
            let key = match sub.copy {
                CopyKind::BanChinh => "tui.document.illegible_original",
                CopyKind::BanSao | CopyKind::BanDienTu => "tui.document.illegible",
            };
            lines.push(Line::styled(format!("    ⚠ {}", t!(l, key)), th.warn()));
            continue;
        }
        if !sub.signed {
            lines.push(Line::styled(
                format!("    ⚠ {}", t!(l, "tui.document.unsigned")),
                th.warn(),
            ));
        }
        for f in &sub.fields {
            lines.push(Line::from(vec![
                Span::styled(format!("    {}: ", f.label), th.label()),
                Span::raw(f.value.to_string()),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.document.declared"), th.strong()));
    for (party, data) in d.parties {
        let values: Vec<String> = data
            .values
            .iter()
            .filter(|(_, v)| !v.to_string().is_empty())
            .map(|(attr, v)| format!("{}: {v}", t!(l, &format!("tui.attr.{}", attr.key()))))
            .collect();
        let who = labels::party(l, p, *party);
        lines.push(Line::from(vec![
            Span::styled(format!("{who}. "), th.strong()),
            Span::raw(values.join("; ")),
        ]));
    }
    (lines, selected_line)
}

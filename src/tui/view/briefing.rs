//! Briefing: the task, the objectives, the procedures with their time limits,
//! service level and fees, the legal bases, and the seed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::super::app::{App, Screen};
use super::super::text;
use super::boxed::Boxed;
use super::pane;
use crate::present::labels;
use motcua_core::scenario::{Deadline, ServiceLevel};
use motcua_i18n::Lang;
use motcua_i18n::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let Some(Ok(s)) = app.selected_entry().map(|e| &e.loaded) else {
        return;
    };
    let hint = super::keys::hint(l, Screen::Briefing, super::keys::BRIEFING);
    let [body, keys] = Layout::vertical([
        Constraint::Min(5),
        Constraint::Length(super::keys::height(&hint, area.width)),
    ])
    .areas(area);
    let briefing = match (l, &s.meta.briefing_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => s.meta.briefing.clone(),
    };
    let objectives = match l {
        Lang::En if !s.meta.objectives_en.is_empty() => &s.meta.objectives_en,
        _ => &s.meta.objectives,
    };
    let mut lines: Vec<Line> = briefing
        .trim()
        .lines()
        .map(|s| Line::raw(s.to_string()))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.briefing.objectives"), th.strong()));
    lines.extend(objectives.iter().map(|o| Line::raw(format!("  • {o}"))));
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.briefing.procedures"), th.strong()));
    for p in &s.procedures {
        let deadline = match p.deadline {
            Deadline::SameDay => t!(l, "tui.deadline.same_day"),
            Deadline::WorkingDays(n) => t!(l, "tui.deadline.working_days", n = n),
            Deadline::WorkingHours(n) => t!(l, "tui.deadline.working_hours", n = n),
        };
        let service = match p.service {
            ServiceLevel::ToanTrinh => t!(l, "tui.service.toan-trinh"),
            ServiceLevel::MotPhan => t!(l, "tui.service.mot-phan"),
        };
        let money = |v: u64| motcua_core::generate::Value::Money(v).to_string();
        let mut fees = Vec::new();
        if p.fee > 0 {
            fees.push(money(p.fee));
        }
        if let Some(f) = &p.fee_per_page {
            fees.push(t!(
                l,
                "tui.briefing.per_page",
                first = money(f.first),
                first_pages = f.first_pages,
                rest = money(f.rest)
            ));
            if let Some(max) = f.max {
                fees.push(t!(l, "tui.briefing.per_page_max", max = money(max)));
            }
        }
        let fee = if fees.is_empty() {
            t!(l, "tui.briefing.free")
        } else {
            fees.join(", ")
        };
        lines.push(Line::raw(format!(
            "  • {} ({}) — {deadline}; {service}; {fee}",
            labels::procedure_name(l, p),
            p.code
        )));
        lines.push(Line::styled(
            format!("    {}", p.legal_basis.join("; ")),
            th.dim(),
        ));
    }
    lines.push(Line::raw(""));
    let rules = match s.meta.rules {
        motcua_core::scenario::RuleSet::R2018 => t!(l, "tui.rules.2018"),
        // The forms of Thông tư 03/2025/TT-VPCP are cited from 2026 (references.rs).
        motcua_core::scenario::RuleSet::R2025
            if !motcua_core::score::references::circular_03_2025_forms(s.meta.start.date()) =>
        {
            t!(l, "tui.rules.2025_early")
        }
        motcua_core::scenario::RuleSet::R2025 => t!(l, "tui.rules.2025"),
    };
    lines.push(Line::raw(rules));
    lines.push(Line::styled(
        t!(
            l,
            "tui.briefing.seed",
            seed = app.seed,
            days = s.meta.working_days,
            pass = s.meta.pass_score
        ),
        th.strong(),
    ));
    let title = app.selected_entry().map(|e| e.title(l)).unwrap_or_default();
    let title = text::truncate(&title, usize::from(body.width.saturating_sub(4)));
    let block = Boxed::bordered().title(Line::styled(format!(" {title} "), th.title()));
    pane::render(app, frame, body, block, &lines, &app.briefing_scroll, None);
    super::keys::bar(app, frame, keys, &hint);
}

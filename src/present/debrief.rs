//! The debrief as titled sections of text: the training score and its steps, the
//! QĐ 766 panel of the simulated desk, the dossiers, the mistakes grouped by code,
//! and each mistake in detail. The text output prints them all; the TUI scrolls
//! through the same sections and shows the details on demand.

mod mistakes;
mod panel;
pub mod timeline;
mod training;

use std::fmt::Write;

use motcua_core::scenario::Scenario;
use motcua_core::score::Debrief;
use motcua_i18n::Lang;
use motcua_i18n::t;

use super::labels;

pub use mistakes::mistake;

/// A titled part of the debrief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub lines: Vec<String>,
}

/// The lines above the sections: the training score with its grade, pass or not,
/// and, for an unfinished log, that it is not final.
pub fn heading(lang: Lang, d: &Debrief) -> Vec<String> {
    let s = &d.training;
    let total = labels::points(lang, s.total);
    let grade = labels::grade(lang, s.grade);
    let mut out = vec![t!(lang, "debrief.heading", total = total, grade = grade)];
    out.push(if !d.is_final {
        t!(lang, "debrief.not_passed_unfinished", pass = s.pass_score)
    } else if s.passed {
        t!(lang, "debrief.pass", pass = s.pass_score)
    } else {
        t!(lang, "debrief.fail", pass = s.pass_score)
    });
    if !d.is_final {
        let (now, end) = (labels::moment(d.as_of), labels::moment(d.period_end));
        out.push(t!(lang, "debrief.unfinished", now = now, end = end));
        if d.still_to_come > 0 {
            out.push(t!(lang, "debrief.still_to_come", count = d.still_to_come));
        }
    }
    out
}

/// The sections in order; `details` adds every mistake in full.
pub fn sections(lang: Lang, scenario: &Scenario, d: &Debrief, details: bool) -> Vec<Section> {
    let mut out = vec![
        training::section(lang, d),
        panel::section(lang, &d.panel_766),
        dossiers(lang, d),
        mistakes::grouped(lang, d),
    ];
    if details && !d.mistakes.is_empty() {
        out.push(mistakes::details(lang, scenario, d));
    }
    out
}

/// The whole debrief as plain text.
pub fn render(lang: Lang, scenario: &Scenario, d: &Debrief) -> String {
    let mut out = String::new();
    for line in heading(lang, d) {
        let _ = writeln!(out, "{line}");
    }
    for s in sections(lang, scenario, d, true) {
        let _ = writeln!(out, "\n{}", s.title);
        for line in &s.lines {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// One line a dossier: its outcome, its clock, its part of the training score.
fn dossiers(lang: Lang, d: &Debrief) -> Section {
    let lines = d
        .dossiers
        .iter()
        .map(|r| {
            let timing = match r.on_time {
                Some(true) => t!(lang, "debrief.on_time"),
                Some(false) => t!(lang, "debrief.late"),
                None if r.due.is_some() => t!(lang, "debrief.running"),
                None => t!(lang, "debrief.no_clock"),
            };
            let timing = if r.apologized {
                format!("{timing} {}", t!(lang, "debrief.apologized"))
            } else {
                timing
            };
            let outcome = labels::outcome(lang, r.outcome);
            let code = &r.code;
            if r.possible > 0.0 {
                let earned = labels::points(lang, r.earned);
                let possible = labels::points(lang, r.possible);
                t!(
                    lang,
                    "debrief.dossier_line",
                    code = code,
                    outcome = outcome,
                    timing = timing,
                    earned = earned,
                    possible = possible
                )
            } else {
                t!(
                    lang,
                    "debrief.dossier_line_no_work",
                    code = code,
                    outcome = outcome,
                    timing = timing
                )
            }
        })
        .collect();
    Section {
        title: t!(lang, "debrief.dossiers"),
        lines,
    }
}

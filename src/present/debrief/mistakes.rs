//! Mistakes: one line per code with the dossiers it concerns, then each mistake in
//! full (what was right, why, and the legal basis).

use std::fmt::Write;

use motcua_core::scenario::Scenario;
use motcua_core::score::{Debrief, Mistake, MistakeCode};
use motcua_i18n::Lang;
use motcua_i18n::t;

use super::super::{labels, references};
use super::Section;

/// One line per mistake code, in the order each was first made.
pub(super) fn grouped(lang: Lang, d: &Debrief) -> Section {
    let title = t!(lang, "debrief.mistakes", count = d.mistakes.len());
    if d.mistakes.is_empty() {
        return Section {
            title,
            lines: vec![t!(lang, "debrief.no_mistakes")],
        };
    }
    let mut codes: Vec<MistakeCode> = Vec::new();
    for m in &d.mistakes {
        if !codes.contains(&m.code) {
            codes.push(m.code);
        }
    }
    let lines = codes
        .into_iter()
        .map(|code| {
            let of_code: Vec<&Mistake> = d.mistakes.iter().filter(|m| m.code == code).collect();
            let mut dossiers: Vec<String> = Vec::new();
            for m in &of_code {
                let named = with_state(lang, d, m, m.dossier.clone());
                if !dossiers.contains(&named) {
                    dossiers.push(named);
                }
            }
            let title = labels::mistake_title(lang, code);
            t!(
                lang,
                "debrief.mistake_group",
                code = code.key(),
                title = title,
                count = of_code.len(),
                dossiers = dossiers.join(", ")
            )
        })
        .collect();
    Section { title, lines }
}

/// Every mistake in full, by time.
pub(super) fn details(lang: Lang, scenario: &Scenario, d: &Debrief) -> Section {
    let mut lines = Vec::new();
    for m in &d.mistakes {
        lines.extend(mistake(lang, scenario, d, m).lines().map(str::to_string));
    }
    Section {
        title: t!(lang, "debrief.details"),
        lines,
    }
}

/// A late dossier says whether it ended after its due moment or never ended.
fn with_state(lang: Lang, d: &Debrief, m: &Mistake, text: String) -> String {
    if m.code != MistakeCode::Late {
        return text;
    }
    let ended = d
        .dossiers
        .iter()
        .any(|r| r.code == m.dossier && r.ended_at.is_some());
    let state = if ended {
        t!(lang, "debrief.late_ended")
    } else {
        t!(lang, "debrief.late_open")
    };
    format!("{text} ({state})")
}

/// One mistake, several lines.
pub fn mistake(lang: Lang, scenario: &Scenario, d: &Debrief, m: &Mistake) -> String {
    let mut out = String::new();
    let title = with_state(lang, d, m, labels::mistake_title(lang, m.code));
    let at = labels::moment(m.at);
    let head = t!(
        lang,
        "debrief.mistake_line",
        code = m.code.key(),
        dossier = m.dossier,
        at = at,
        title = title
    );
    let _ = writeln!(out, "- {head}");
    let procedure = d
        .dossiers
        .iter()
        .find(|r| r.code == m.dossier)
        .map(|r| r.procedure.as_str())
        .unwrap_or_default();
    for f in &m.flaws {
        let what = labels::flaw_explain(lang, scenario, procedure, f).unwrap_or_else(|| f.clone());
        let _ = writeln!(out, "    {}", t!(lang, "debrief.about", what = what));
    }
    if !m.components.is_empty() {
        let names: Vec<String> = m
            .components
            .iter()
            .map(|c| component_name(scenario, procedure, c))
            .collect();
        let _ = writeln!(
            out,
            "    {}",
            t!(lang, "debrief.about", what = names.join("; "))
        );
    }
    let right = labels::mistake_right(lang, m.code);
    let why = labels::mistake_why(lang, m.code);
    let _ = writeln!(out, "    {}", t!(lang, "debrief.right", text = right));
    let _ = writeln!(out, "    {}", t!(lang, "debrief.why", text = why));
    let _ = writeln!(
        out,
        "    {}",
        t!(
            lang,
            "debrief.reference",
            text = references::text(lang, &m.reference)
        )
    );
    out
}

/// A component's name (Vietnamese, as on the documents), or its id.
fn component_name(scenario: &Scenario, procedure: &str, id: &str) -> String {
    scenario
        .procedure(procedure)
        .and_then(|p| p.component(id))
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

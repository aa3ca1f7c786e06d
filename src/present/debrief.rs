//! The debrief as plain text: total and band, the five groups, the dossiers, and
//! every mistake with what was right, why, and the legal basis.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::score::{Debrief, Mistake};
use crate::t;

use super::labels;

pub fn render(lang: Lang, scenario: &Scenario, d: &Debrief) -> String {
    let mut out = String::new();
    let band = labels::band(lang, d.band);
    let total = labels::points(lang, d.total);
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "debrief.heading", total = total, band = band)
    );
    let verdict = if d.passed {
        "debrief.pass"
    } else {
        "debrief.fail"
    };
    let _ = writeln!(out, "{}\n", t!(lang, verdict, pass = d.pass_score));
    let _ = writeln!(out, "{}", t!(lang, "debrief.groups"));
    for g in &d.groups {
        let name = labels::group(lang, g.group);
        let (points, max) = (labels::points(lang, g.points), labels::points(lang, g.max));
        let line = t!(
            lang,
            "debrief.group_line",
            name = name,
            points = points,
            max = max
        );
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
    out.push_str(&details(lang, scenario, d));
    out
}

/// The dossier table and the mistakes: the part the TUI shows below its charts.
pub fn details(lang: Lang, scenario: &Scenario, d: &Debrief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", t!(lang, "debrief.dossiers"));
    for r in &d.dossiers {
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
        let line = t!(
            lang,
            "debrief.dossier_line",
            code = r.code,
            outcome = outcome,
            timing = timing
        );
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out);
    if d.mistakes.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "debrief.no_mistakes"));
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "debrief.mistakes", count = d.mistakes.len())
    );
    for m in &d.mistakes {
        out.push_str(&mistake(lang, scenario, d, m));
    }
    out
}

/// One mistake, several lines.
pub fn mistake(lang: Lang, scenario: &Scenario, d: &Debrief, m: &Mistake) -> String {
    let mut out = String::new();
    let title = labels::mistake_title(lang, m.code);
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
        t!(lang, "debrief.reference", text = m.reference)
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

//! W002: a scripted event that can never take effect. The file is valid, so this
//! runs after the meaning check, inside the loading pipeline: its warnings come
//! out with the others of the file (`Loaded::warnings`, what `motcua validate`
//! prints), as W005 does.
//!
//! Events follow the state of their dossier: a `supplement-arrives` answers only an
//! open supplement request, a `withdraw` closes only an open dossier. This finds the
//! events that, by the file alone, can never meet that state.

use super::diagnostic::DiagCode;
use super::model::{EventKind, FlawResponse, Scenario, ScriptedDossier, ScriptedEvent};
use super::raw::{RawEvent, RawFile, S};
use super::report::Report;

/// Why an event can never take effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Never {
    /// An earlier `withdraw` has closed the dossier.
    Withdrawn,
    /// A supplement at the very moment the dossier arrives: no request can be out.
    AtArrival,
    /// No planted flaw calls for a supplement: a right play never asks for one.
    NoSupplementFlaw,
}

impl Never {
    fn key(self) -> &'static str {
        match self {
            Never::Withdrawn => "@diag.never.withdrawn",
            Never::AtArrival => "@diag.never.at_arrival",
            Never::NoSupplementFlaw => "@diag.never.no_supplement_flaw",
        }
    }
}

/// W002 for every scripted event of `scenario` (built from `file`) that can never
/// take effect, at the event's `dossier` (or `at`) value.
pub(crate) fn event_warnings(report: &mut Report, file: &RawFile, scenario: &Scenario) {
    if file.events.len() != scenario.events.len() {
        return;
    }
    for (j, (event, written)) in scenario.events.iter().zip(&file.events).enumerate() {
        let Some(never) = never_takes_effect(scenario, j) else {
            continue;
        };
        let args = vec![
            ("kind", event.kind.key().to_string()),
            ("dossier", event.dossier.clone().unwrap_or_default()),
            ("reason", never.key().to_string()),
        ];
        report.push(position(written, never), DiagCode::EventNoEffect, args);
    }
}

/// The `at` value for a timing reason, the `dossier` value otherwise.
fn position(e: &S<RawEvent>, never: Never) -> usize {
    let raw = e.get_ref();
    let value = match never {
        Never::AtArrival => raw.at.as_ref(),
        Never::Withdrawn | Never::NoSupplementFlaw => raw.dossier.as_ref(),
    };
    value.map_or(e.span().start, |v| v.span().start)
}

/// Why event `j` can never change its dossier, if it cannot. Events at one moment
/// fire in file order, as the session fires them.
fn never_takes_effect(s: &Scenario, j: usize) -> Option<Never> {
    let e = &s.events[j];
    if !matches!(e.kind, EventKind::SupplementArrives | EventKind::Withdraw) {
        return None;
    }
    let id = e.dossier.as_deref()?;
    let dossier = s
        .dossiers
        .scripted
        .iter()
        .find(|d| d.id.as_deref() == Some(id))?;
    if withdrawn_before(s, j, id) {
        return Some(Never::Withdrawn);
    }
    if e.kind != EventKind::SupplementArrives {
        return None;
    }
    if e.at <= dossier.at {
        return Some(Never::AtArrival);
    }
    (!calls_for_supplement(s, dossier)).then_some(Never::NoSupplementFlaw)
}

fn withdrawn_before(s: &Scenario, j: usize, id: &str) -> bool {
    let e: &ScriptedEvent = &s.events[j];
    s.events.iter().enumerate().any(|(k, other)| {
        other.kind == EventKind::Withdraw
            && other.dossier.as_deref() == Some(id)
            && (other.at, k) < (e.at, j)
    })
}

fn calls_for_supplement(s: &Scenario, d: &ScriptedDossier) -> bool {
    let Some(p) = s.procedure(&d.procedure) else {
        return true;
    };
    d.flaws
        .iter()
        .filter_map(|id| p.flaw(id))
        .any(|f| f.response == FlawResponse::Supplement)
}

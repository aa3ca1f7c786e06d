//! What a careful officer notices, from what the dossier shows (never its truth).
//!
//! The practice-mode hints use this, and the tests use it to prove that every planted
//! flaw is visible and that an unflawed dossier shows nothing wrong.

use serde::Serialize;

use crate::scenario::{Attr, FieldRef, Flaw, FlawKind, Procedure, Scenario};

use super::area::{Competence, competence, needed};
use super::dossier::{Dossier, Origin, Value};
use super::ids;

/// One problem: its kind, the component it is on, the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    pub kind: FlawKind,
    pub component: Option<String>,
    pub field: Option<FieldRef>,
}

/// Problems in the order an officer meets them: missing components, then each handed-in
/// component (legibility, signature, fields), then the procedure's age and jurisdiction
/// rules. Jurisdiction is the one definition of `area::competence`: no deciding party
/// inside the desk's area (and, for a boundary-free procedure, none in the province).
pub fn visible_problems(
    dossier: &Dossier,
    procedure: &Procedure,
    scenario: &Scenario,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for component in &procedure.components {
        let needed = needed(component, dossier, procedure, scenario) && !component.in_national_db;
        if needed && dossier.component(&component.id).is_none() {
            out.push(problem(FlawKind::Missing, Some(&component.id), None));
        }
    }
    let today = dossier.submitted_at.date();
    for c in &dossier.components {
        if c.origin != Origin::NationalDb && !c.legible {
            out.push(problem(FlawKind::Illegible, Some(&c.id), None));
        }
        if c.origin != Origin::NationalDb && !c.signed {
            out.push(problem(FlawKind::Unsigned, Some(&c.id), None));
        }
        for f in &c.fields {
            let blank = Value::blank();
            let declared = dossier.declared(f.source).unwrap_or(&blank);
            if f.value != *declared {
                out.push(problem(FlawKind::Mismatch, Some(&c.id), Some(f.source)));
            }
            if f.source.attr == Attr::IdExpiry && f.value.as_date().is_some_and(|d| d < today) {
                out.push(problem(FlawKind::Expired, Some(&c.id), Some(f.source)));
            }
        }
    }
    let elsewhere = competence(dossier, procedure, scenario) == Competence::Elsewhere;
    for flaw in &procedure.flaws {
        let Some(field) = flaw.field else { continue };
        let seen = match flaw.kind {
            FlawKind::Underage => underage(dossier, flaw, field),
            FlawKind::OutOfJurisdiction => elsewhere,
            FlawKind::Missing
            | FlawKind::Mismatch
            | FlawKind::Expired
            | FlawKind::Illegible
            | FlawKind::Unsigned => false,
        };
        let found = problem(flaw.kind, None, Some(field));
        if seen && !out.contains(&found) {
            out.push(found);
        }
    }
    out
}

/// Younger than the procedure's minimum age for the declared gender, on the day of submission.
fn underage(dossier: &Dossier, flaw: &Flaw, field: FieldRef) -> bool {
    let (Some(min), Some(birth)) = (
        flaw.min_age,
        dossier.declared(field).and_then(Value::as_date),
    ) else {
        return false;
    };
    let gender_field = FieldRef {
        party: field.party,
        attr: Attr::Gender,
    };
    let limit = match dossier.declared(gender_field) {
        Some(Value::Gender(super::dossier::Gender::Male)) => min.male,
        Some(Value::Gender(super::dossier::Gender::Female)) => min.female,
        _ => min.male.max(min.female),
    };
    ids::age_on(birth, dossier.submitted_at.date()) < limit
}

fn problem(kind: FlawKind, component: Option<&str>, field: Option<FieldRef>) -> Problem {
    Problem {
        kind,
        component: component.map(str::to_string),
        field,
    }
}

/// Whether `flaw` accounts for `problem`. An expired card shows on every component
/// that copies its expiry date, so any of them matches.
pub fn explains(flaw: &Flaw, problem: &Problem) -> bool {
    if flaw.kind != problem.kind {
        return false;
    }
    match flaw.kind {
        FlawKind::Missing | FlawKind::Illegible | FlawKind::Unsigned => {
            flaw.component == problem.component
        }
        FlawKind::Mismatch => flaw.component == problem.component && flaw.field == problem.field,
        FlawKind::Expired | FlawKind::Underage | FlawKind::OutOfJurisdiction => {
            flaw.field == problem.field
        }
    }
}

/// The problem a planted flaw must produce: the one an officer names when asking for it.
pub fn expected_problem(flaw: &Flaw) -> Problem {
    match flaw.kind {
        FlawKind::Missing | FlawKind::Illegible | FlawKind::Unsigned => {
            problem(flaw.kind, flaw.component.as_deref(), None)
        }
        FlawKind::Mismatch | FlawKind::Expired => {
            problem(flaw.kind, flaw.component.as_deref(), flaw.field)
        }
        FlawKind::Underage | FlawKind::OutOfJurisdiction => problem(flaw.kind, None, flaw.field),
    }
}

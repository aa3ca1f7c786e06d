//! `[[procedure.flaw]]`: what the flaw needs given its kind, and that it points
//! at components and fields the procedure actually has.

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{Attr, FieldRef, Flaw, FlawKind, FlawResponse, MinAge, Stage};
use super::super::raw::{RawFlaw, RawMinAge, S};
use super::super::report::Report;
use super::component::field;
use super::index::Known;
use super::{Min, at, int, int_or, named, text};

/// The procedure's components as flaws see them.
pub(crate) struct Components {
    pub known: Known,
    pub info: BTreeMap<String, ComponentInfo>,
}

pub(crate) struct ComponentInfo {
    pub in_national_db: bool,
    /// `None` when the component's fields could not all be read (already reported).
    pub fields: Option<Vec<FieldRef>>,
}

pub(crate) fn flaw(
    r: &mut Report,
    f: &S<RawFlaw>,
    procedure: &str,
    comps: &Components,
) -> Option<Flaw> {
    let raw = f.get_ref();
    // Where the flaw's table starts, and where to point when a key is missing.
    let at = (f.span().start, at(&raw.kind, f.span().start));
    let kind = named::<FlawKind>(r, "kind", &raw.kind);
    let response = named::<FlawResponse>(r, "response", &raw.response);
    let stage = match &raw.stage {
        Some(_) => named::<Stage>(r, "stage", &raw.stage),
        None => Some(Stage::Receipt),
    };
    let weight = int_or::<u32>(r, "weight", &raw.weight, Min::Zero, 1);
    let id = text(&raw.id).unwrap_or_default();
    let mut ok = true;
    if let Some(c) = &raw.component {
        ok &= super::procedure::component_known(r, c, procedure, &comps.known);
    }
    let field_ref = match &raw.field {
        None => None,
        Some(v) => {
            let parsed = field(r, v);
            ok &= parsed.is_some();
            parsed
        }
    };
    let min_age = match kind {
        Some(kind) => {
            ok &= needs(r, raw, kind, &id, at);
            ok &= field_fits(r, raw, kind, field_ref, &id, comps);
            ok &= not_in_national_db(r, raw, kind, &id, comps);
            min_age(r, raw, kind, at)
        }
        None => None,
    };
    ok.then_some(())?;
    Some(Flaw {
        id: text(&raw.id)?,
        kind: kind?,
        component: text(&raw.component),
        field: field_ref,
        response: response?,
        stage: stage?,
        min_age: min_age?,
        reference: text(&raw.reference)?,
        explain: text(&raw.explain)?,
        explain_en: text(&raw.explain_en),
        weight: weight?,
    })
}

/// A component (E013) or a field (E014) the kind cannot do without. A key that
/// was written with a wrong type (E004 already) is not reported again as missing.
fn needs(r: &mut Report, raw: &RawFlaw, kind: FlawKind, id: &str, at: (usize, usize)) -> bool {
    let (table, kind_at) = at;
    let mut ok = true;
    let args = || vec![("flaw", id.to_string()), ("kind", kind.key().to_string())];
    if kind.needs_component() && raw.component.is_none() {
        if !r.was_dropped(table, "component") {
            r.push(kind_at, DiagCode::FlawNeedsComponent, args());
        }
        ok = false;
    }
    if kind.needs_field() && raw.field.is_none() {
        if !r.was_dropped(table, "field") {
            r.push(kind_at, DiagCode::FlawNeedsField, args());
        }
        ok = false;
    }
    ok
}

/// Expired needs a date attribute, underage a birth date (E032); a mismatch or an
/// expiry must be on a field the component shows (E026).
fn field_fits(
    r: &mut Report,
    raw: &RawFlaw,
    kind: FlawKind,
    field: Option<FieldRef>,
    id: &str,
    comps: &Components,
) -> bool {
    let (Some(field), Some(written)) = (field, &raw.field) else {
        return true;
    };
    let allowed: Option<Vec<Attr>> = match kind {
        FlawKind::Expired => Some(Attr::ALL.iter().copied().filter(|a| a.is_date()).collect()),
        FlawKind::Underage => Some(vec![Attr::BirthDate]),
        FlawKind::Missing
        | FlawKind::Mismatch
        | FlawKind::Illegible
        | FlawKind::Unsigned
        | FlawKind::OutOfJurisdiction => None,
    };
    if let Some(allowed) = allowed.filter(|a| !a.contains(&field.attr)) {
        let names: Vec<&str> = allowed.iter().map(|a| a.key()).collect();
        let args = vec![
            ("field", field.to_string()),
            ("kind", kind.key().to_string()),
            ("allowed", names.join(", ")),
        ];
        r.push(written.span().start, DiagCode::WrongFieldForKind, args);
        return false;
    }
    if !matches!(kind, FlawKind::Mismatch | FlawKind::Expired) {
        return true;
    }
    let Some(component) = &raw.component else {
        return true;
    };
    let shown = comps
        .info
        .get(component.get_ref())
        .and_then(|c| c.fields.as_ref());
    match shown {
        Some(fields) if !fields.contains(&field) => {
            let args = vec![
                ("field", field.to_string()),
                ("component", component.get_ref().clone()),
                ("flaw", id.to_string()),
            ];
            r.push(written.span().start, DiagCode::FieldNotInComponent, args);
            false
        }
        _ => true,
    }
}

/// Nobody can be missing a paper the office reads from a national database (E033).
fn not_in_national_db(
    r: &mut Report,
    raw: &RawFlaw,
    kind: FlawKind,
    id: &str,
    comps: &Components,
) -> bool {
    let Some(component) = &raw.component else {
        return true;
    };
    let in_db = comps
        .info
        .get(component.get_ref())
        .is_some_and(|c| c.in_national_db);
    if kind == FlawKind::Missing && in_db {
        let args = vec![
            ("flaw", id.to_string()),
            ("component", component.get_ref().clone()),
        ];
        r.push(
            component.span().start,
            DiagCode::MissingFromNationalDb,
            args,
        );
        return false;
    }
    true
}

/// `Some(value)` when valid: `Some(None)` when none is needed, E031 / E035 / E008 otherwise.
fn min_age(
    r: &mut Report,
    raw: &RawFlaw,
    kind: FlawKind,
    (table, kind_at): (usize, usize),
) -> Option<Option<MinAge>> {
    let underage = kind == FlawKind::Underage;
    let Some(v) = &raw.min_age else {
        if r.was_dropped(table, "min_age") {
            return None;
        }
        if underage {
            let args = vec![
                ("key", "min_age".to_string()),
                ("kind", kind.key().to_string()),
            ];
            r.push(kind_at, DiagCode::KindNeedsKey, args);
            return None;
        }
        return Some(None);
    };
    if !underage {
        let args = vec![
            ("key", "min_age".to_string()),
            ("kind", kind.key().to_string()),
        ];
        r.push(v.span().start, DiagCode::KeyNotForKind, args);
        return None;
    }
    let (male, female) = match v.get_ref() {
        RawMinAge::Both(n) => (*n, *n),
        // A missing sex was reported by the structure check (E005).
        RawMinAge::Split { male, female } => ((*male)?, (*female)?),
    };
    let age = |r: &mut Report, n: i64| int::<u32>(r, "min_age", &S::new(v.span(), n), Min::One);
    let (male, female) = (age(r, male), age(r, female));
    Some(Some(MinAge {
        male: male?,
        female: female?,
    }))
}

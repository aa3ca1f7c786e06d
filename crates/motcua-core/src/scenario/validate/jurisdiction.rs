//! `procedure.jurisdiction`, `party_labels`, `legal_form` and each component's
//! `required_if`: who decides competence, how parties are named, which papers a
//! party's residence or relationship makes necessary.

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{
    Attr, Component, Condition, FieldRef, Flaw, FlawKind, Jurisdiction, LegalForm, Level, Office,
    Party, RequiredIf,
};
use super::super::raw::{RawJurisdiction, RawProcedure, S, Str};
use super::super::report::{Report, with_suggestion};
use super::component::{component_list, field};
use super::{named, text};

/// The procedure's jurisdiction as written (format 2). `Some(None)`: none written.
pub(crate) fn written(
    r: &mut Report,
    raw: &RawProcedure,
    code: &str,
    office: Option<&Office>,
) -> Option<Option<Jurisdiction>> {
    let Some(j) = &raw.jurisdiction else {
        return Some(None);
    };
    let table = j.span().start;
    let raw_j: &RawJurisdiction = j.get_ref();
    let mut ok = true;
    let mut by = Vec::new();
    for item in raw_j
        .by
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice())
    {
        match field(r, item) {
            Some(f) if f.attr == Attr::Address => by.push(f),
            Some(_) => {
                wrong(
                    r,
                    item.span().start,
                    code,
                    "@diag.reason.jurisdiction_not_address",
                );
                ok = false;
            }
            None => ok = false,
        }
    }
    if let Some(list) = &raw_j.by
        && list.get_ref().is_empty()
    {
        wrong(
            r,
            list.span().start,
            code,
            "@diag.reason.jurisdiction_empty",
        );
        ok = false;
    }
    let level = match &raw_j.level {
        None => Some(Level::Commune),
        some => named::<Level>(r, "level", some),
    };
    let boundary_free = raw_j.boundary_free.as_ref().is_some_and(|b| *b.get_ref());
    let at = |v: &Str| v.as_ref().map_or(table, |s| s.span().start);
    if level == Some(Level::Province) && boundary_free {
        wrong(
            r,
            at(&raw_j.level),
            code,
            "@diag.reason.boundary_free_province",
        );
        ok = false;
    }
    let no_commune = office.is_some_and(|o| o.commune.is_none());
    if level == Some(Level::Commune) && no_commune {
        wrong(
            r,
            at(&raw_j.level),
            code,
            "@diag.reason.commune_level_needs_commune",
        );
        ok = false;
    }
    ok.then_some(())?;
    Some(Some(Jurisdiction {
        by,
        level: level?,
        boundary_free,
    }))
}

/// Format 1 had no jurisdiction table: the out-of-jurisdiction flaws' fields decided,
/// at the level of the province.
pub(crate) fn from_flaws(flaws: &[Flaw]) -> Option<Jurisdiction> {
    let mut by: Vec<FieldRef> = flaws
        .iter()
        .filter(|f| f.kind == FlawKind::OutOfJurisdiction)
        .filter_map(|f| f.field)
        .collect();
    by.dedup();
    (!by.is_empty()).then_some(Jurisdiction {
        by,
        level: Level::Province,
        boundary_free: false,
    })
}

/// An out-of-jurisdiction flaw needs the jurisdiction and one of its fields (E051).
pub(crate) fn flaws_fit(
    r: &mut Report,
    raw: &RawProcedure,
    code: &str,
    jurisdiction: Option<&Jurisdiction>,
) -> bool {
    let mut ok = true;
    for f in raw
        .flaw
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice())
    {
        let f = f.get_ref();
        if f.kind.as_ref().map(|k| k.get_ref().as_str()) != Some(FlawKind::OutOfJurisdiction.key())
        {
            continue;
        }
        let Some(j) = jurisdiction else {
            let at = f.kind.as_ref().map_or(0, |k| k.span().start);
            wrong(r, at, code, "@diag.reason.flaw_needs_jurisdiction");
            ok = false;
            continue;
        };
        let parsed = f.field.as_ref().and_then(|v| {
            super::super::values::field_ref(v.get_ref())
                .ok()
                .map(|p| (p, v))
        });
        if let Some((field, v)) = parsed
            && !j.by.contains(&field)
        {
            wrong(
                r,
                v.span().start,
                code,
                "@diag.reason.flaw_field_not_deciding",
            );
            ok = false;
        }
    }
    ok
}

fn wrong(r: &mut Report, at: usize, code: &str, reason: &str) {
    let args = vec![
        ("procedure", code.to_string()),
        ("reason", reason.to_string()),
    ];
    r.push(at, DiagCode::Jurisdiction, args);
}

/// `party_labels` / `party_labels_en`: parties the format knows (E015).
pub(crate) fn labels(
    r: &mut Report,
    raw: &Option<S<BTreeMap<S<String>, S<String>>>>,
) -> Option<BTreeMap<Party, String>> {
    let mut out = BTreeMap::new();
    let mut ok = true;
    for (key, label) in raw
        .as_ref()
        .map(|m| m.get_ref().iter())
        .into_iter()
        .flatten()
    {
        match Party::from_key(key.get_ref()) {
            Some(p) => {
                out.insert(p, label.get_ref().clone());
            }
            None => {
                let args = vec![
                    ("field", key.get_ref().clone()),
                    ("party", key.get_ref().clone()),
                ];
                let args = with_suggestion(args, key.get_ref(), Party::keys());
                r.push(key.span().start, DiagCode::UnknownParty, args);
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

pub(crate) fn legal_form(r: &mut Report, v: &Str) -> Option<Option<LegalForm>> {
    match v {
        None => Some(None),
        some => named::<LegalForm>(r, "legal_form", some).map(Some),
    }
}

/// Each component's `required_if`: a known party (E015) and condition (E008), not
/// with `required = true`, a person, and a jurisdiction to be resident in (E052).
pub(crate) fn required_if(
    r: &mut Report,
    raw: &RawProcedure,
    components: &mut [Component],
    jurisdiction: Option<&Jurisdiction>,
) -> bool {
    let mut ok = true;
    for c in component_list(raw) {
        let c = c.get_ref();
        let Some(cond) = &c.required_if else { continue };
        let id = text(&c.id).unwrap_or_default();
        let at = cond.span().start;
        let cond_raw = cond.get_ref();
        let party = cond_raw.party.as_ref().and_then(|p| {
            let found = Party::from_key(p.get_ref());
            if found.is_none() {
                let args = vec![
                    ("field", p.get_ref().clone()),
                    ("party", p.get_ref().clone()),
                ];
                let args = with_suggestion(args, p.get_ref(), Party::keys());
                r.push(p.span().start, DiagCode::UnknownParty, args);
            }
            found
        });
        let condition = named::<Condition>(r, "condition", &cond_raw.condition);
        let (Some(party), Some(condition)) = (party, condition) else {
            ok = false;
            continue;
        };
        let bad = |r: &mut Report, reason: &str| {
            let args = vec![("component", id.clone()), ("reason", reason.to_string())];
            r.push(at, DiagCode::RequiredIf, args);
            false
        };
        let for_business = condition == Condition::ConditionalTrade;
        if c.required.as_ref().is_some_and(|b| *b.get_ref()) {
            ok &= bad(r, "@diag.reason.required_if_with_required");
        } else if for_business && party != Party::Business {
            ok &= bad(r, "@diag.reason.required_if_business");
        } else if !for_business && party.is_organisation() {
            ok &= bad(r, "@diag.reason.required_if_person");
        } else if condition == Condition::NonResident && jurisdiction.is_none() {
            ok &= bad(r, "@diag.reason.required_if_needs_jurisdiction");
        } else if let Some(model) = components.iter_mut().find(|m| *m.id == *id) {
            model.required = false;
            model.required_if = Some(RequiredIf { party, condition });
        }
    }
    ok
}

//! Every flaw planted at receipt is visible: the trainee's view of the dossier shows
//! the problem the flaw names, the same dossier with that flaw cured shows none of it,
//! and the two differ only in the component or field the flaw names.

use std::collections::BTreeSet;

use motcua_core::generate::{
    Address, Dossier, Problem, Value, desk_area, expected_problem, explains, visible_problems,
};
use motcua_core::scenario::{
    Attr, FieldRef, Flaw, FlawKind, FlawResponse, Procedure, Scenario, Stage,
};
use motcua_core::session::{Session, supplied};

use crate::support;

const SEEDS: std::ops::RangeInclusive<u64> = 1..=50;

/// The dossier with `flaw` cured. Supplement flaws are cured as the citizen's supplement
/// cures them (`session::supplied`). Age and jurisdiction cannot be supplied; for them
/// the test writes the fact that would make the dossier sound: a birth date 30 years
/// earlier, and every deciding party at the desk's address.
fn cured(s: &Scenario, p: &Procedure, d: &Dossier, flaw: &Flaw) -> Dossier {
    match flaw.kind {
        FlawKind::Underage => {
            let field = flaw.field.expect("underage names a field");
            let mut out = d.clone();
            let older = |v: &Value| match v {
                Value::Date(b) => Value::Date(*b - chrono::Duration::days(30 * 366)),
                other => other.clone(),
            };
            rewrite(&mut out, field, older);
            out
        }
        FlawKind::OutOfJurisdiction => {
            let area = desk_area(s, d.submitted_at.date());
            let home = Address {
                house: "Số 1".into(),
                street: "Tổ dân phố 1".into(),
                commune: area
                    .commune
                    .clone()
                    .unwrap_or_else(|| "Phường 1".into())
                    .into(),
                district: area.district.clone().map(Into::into),
                province: area.province.clone().into(),
            };
            let mut out = d.clone();
            for f in &p.jurisdiction.as_ref().expect("jurisdiction").by {
                rewrite(&mut out, *f, |_| {
                    Value::Address(std::sync::Arc::new(home.clone()))
                });
            }
            out
        }
        _ => supplied(d, p, flaw),
    }
}

/// Change `field` on the declaration and on every paper that copies it.
fn rewrite(d: &mut Dossier, field: FieldRef, change: impl Fn(&Value) -> Value) {
    if let Some(v) = d
        .parties
        .get_mut(&field.party)
        .and_then(|p| p.values.get_mut(&field.attr))
    {
        *v = change(v);
    }
    for c in &mut d.components {
        for f in c.fields.iter_mut().filter(|f| f.source == field) {
            f.value = change(&f.value);
        }
    }
}

/// What differs between two dossiers, as the trainee reads them: a component handed in
/// or not, a component's legibility or signature, a field of a component, a declared value.
fn differences(a: &Dossier, b: &Dossier) -> BTreeSet<(Option<String>, Option<FieldRef>)> {
    let mut out = BTreeSet::new();
    let ids: BTreeSet<&str> = a
        .components
        .iter()
        .chain(&b.components)
        .map(|c| &*c.id)
        .collect();
    for id in ids {
        match (a.component(id), b.component(id)) {
            (Some(x), Some(y)) => {
                if x.legible != y.legible || x.signed != y.signed {
                    out.insert((Some(id.to_string()), None));
                }
                for f in &x.fields {
                    if y.field(f.source).map(|g| &g.value) != Some(&f.value) {
                        out.insert((Some(id.to_string()), Some(f.source)));
                    }
                }
            }
            _ => {
                out.insert((Some(id.to_string()), None));
            }
        }
    }
    for (party, data) in &a.parties {
        for (attr, v) in &data.values {
            let other = b.parties.get(party).and_then(|p| p.values.get(attr));
            if other != Some(v) {
                out.insert((
                    None,
                    Some(FieldRef {
                        party: *party,
                        attr: *attr,
                    }),
                ));
            }
        }
    }
    out
}

/// Whether a difference is about what `flaw` names: its component, or its field (for an
/// expired card, any copy of the card's expiry; for jurisdiction, a deciding address).
fn about(p: &Procedure, flaw: &Flaw, diff: &(Option<String>, Option<FieldRef>)) -> bool {
    let (component, field) = diff;
    let named_field = |f: &FieldRef| match flaw.kind {
        FlawKind::OutOfJurisdiction => p.jurisdiction.as_ref().is_some_and(|j| j.by.contains(f)),
        FlawKind::Expired => flaw
            .field
            .is_some_and(|g| g.party == f.party && f.attr == Attr::IdExpiry),
        _ => flaw.field == Some(*f),
    };
    match flaw.kind {
        FlawKind::Missing | FlawKind::Illegible | FlawKind::Unsigned => {
            component.is_some() && *component == flaw.component
        }
        FlawKind::Mismatch => {
            *component == flaw.component && field.as_ref().is_some_and(named_field)
        }
        FlawKind::Expired | FlawKind::Underage | FlawKind::OutOfJurisdiction => {
            field.as_ref().is_some_and(named_field)
        }
    }
}

#[test]
fn every_flaw_planted_at_receipt_shows_and_its_cure_changes_only_what_it_names() {
    let mut kinds = BTreeSet::new();
    for s in support::builtins() {
        for seed in SEEDS {
            for d in Session::new(&s, seed).all_dossiers() {
                let p = s.procedure(&d.procedure).expect("procedure");
                let before = visible_problems(d, p, &s);
                for id in &d.truth.flaws {
                    let flaw = p.flaw(id).expect("flaw");
                    if flaw.stage != Stage::Receipt {
                        continue;
                    }
                    kinds.insert(flaw.kind.key());
                    let label = format!("{} seed {seed} {} {id}", s.meta.id, d.code);
                    assert!(
                        before.contains(&expected_problem(flaw)),
                        "{label}: {before:?}"
                    );
                    let after_dossier = cured(&s, p, d, flaw);
                    let after = visible_problems(&after_dossier, p, &s);
                    let its: Vec<&Problem> = after.iter().filter(|x| explains(flaw, x)).collect();
                    assert!(its.is_empty(), "{label}: still {its:?}");
                    // The views differ only in the problems this flaw accounts for ...
                    let gone: Vec<&Problem> =
                        before.iter().filter(|x| !after.contains(x)).collect();
                    assert!(gone.iter().all(|x| explains(flaw, x)), "{label}: {gone:?}");
                    assert!(
                        after.iter().all(|x| before.contains(x)),
                        "{label}: new {after:?}"
                    );
                    // ... and the documents only in what it names.
                    for diff in differences(d, &after_dossier) {
                        assert!(about(p, flaw, &diff), "{label}: {diff:?} changed too");
                    }
                    if flaw.response == FlawResponse::Supplement {
                        assert_ne!(d, &after_dossier, "{label}: the supplement changed nothing");
                    }
                }
            }
        }
    }
    let all: BTreeSet<&str> = FlawKind::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        kinds, all,
        "flaw kinds never planted at receipt in the built-ins"
    );
}

#[test]
fn a_missing_authorisation_shows_through_the_proxys_relationship() {
    // ly-lich-tu-phap, scripted "nop-ho-khong-uy-quyen": the person filing is not the
    // requester's parent, spouse or child, so an authorisation is needed and is absent.
    let s = support::builtin("ly-lich-tu-phap");
    let session = Session::new(&s, s.meta.seed);
    let d = session
        .all_dossiers()
        .into_iter()
        .find(|d| d.scripted_id.as_deref() == Some("nop-ho-khong-uy-quyen"))
        .expect("scripted");
    let relation = d.declared(FieldRef {
        party: motcua_core::scenario::Party::Authorized,
        attr: Attr::Relation,
    });
    let Some(Value::Text(relation)) = relation else {
        panic!("no relation: {relation:?}")
    };
    assert!(
        !motcua_core::scenario::is_close_relative(relation),
        "{relation}"
    );
    let p = s.procedure(&d.procedure).expect("procedure");
    let problems = visible_problems(d, p, &s);
    assert_eq!(
        problems,
        vec![Problem {
            kind: FlawKind::Missing,
            component: Some("van-ban-uy-quyen".into()),
            field: None,
        }]
    );
    // A sound dossier filed by a close relative needs none, and shows none.
    let close = (1..=50u64)
        .flat_map(|seed| {
            let session = Session::new(&s, seed);
            session.all_dossiers().into_iter().cloned().collect::<Vec<_>>()
        })
        .find(|d| {
            d.truth.flaws.is_empty()
                && matches!(
                    d.declared(FieldRef { party: motcua_core::scenario::Party::Authorized, attr: Attr::Relation }),
                    Some(Value::Text(r)) if motcua_core::scenario::is_close_relative(r)
                )
        })
        .expect("a proxy who is a close relative");
    assert!(close.component("van-ban-uy-quyen").is_none());
    assert!(visible_problems(&close, p, &s).is_empty());
}

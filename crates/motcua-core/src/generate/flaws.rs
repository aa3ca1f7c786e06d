//! Which flaws a dossier carries, and how each changes exactly the thing it names.
//!
//! Where people live (out of jurisdiction, a non-resident party) is decided before the
//! cast is drawn (`placement.rs`). Person-level flaws (underage, expired) change the
//! person before the documents are written, so every copy agrees; component-level
//! flaws (missing, mismatch, illegible, unsigned) change one submitted component afterwards.

use std::collections::BTreeSet;

use crate::scenario::{Attr, Flaw, FlawKind, FlawResponse, Party, Procedure};

use super::cast::{Cast, Needs};
use super::dossier::{Gender, SubmittedComponent};
use super::ids::{self, CARD_AGES};
use super::people::World;
use super::rng::SimRng;
use super::typo;

/// Share of flawed dossiers that carry a second `supplement` flaw.
const SECOND_FLAW: f64 = 0.4;

/// Flaws for a generated dossier, as indexes into the procedure's `flaws`: none, a
/// `refuse` flaw alone, or one or two `supplement` flaws on different components;
/// chosen by weight among `candidates` (`plantable_of(procedure)`).
pub(crate) fn plan(
    rng: &mut SimRng,
    procedure: &Procedure,
    candidates: &[usize],
    rate: f64,
) -> Vec<usize> {
    if !rng.chance(rate) {
        return Vec::new();
    }
    let Some(first) = pick_weighted(rng, procedure, candidates) else {
        return Vec::new();
    };
    let mut chosen = vec![first];
    let a = &procedure.flaws[first];
    if a.response == FlawResponse::Supplement && rng.chance(SECOND_FLAW) {
        let seconds: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                let b = &procedure.flaws[i];
                b.response == FlawResponse::Supplement && compatible(a, b)
            })
            .collect();
        if let Some(second) = pick_weighted(rng, procedure, &seconds) {
            chosen.push(second);
        }
    }
    in_order(chosen)
}

/// The flaws a scripted dossier names, as indexes. Unknown ids are skipped, and so is
/// a flaw on a component another named flaw leaves out: it could not be seen, so it is
/// not planted.
pub(crate) fn by_ids(procedure: &Procedure, ids: &[String]) -> Vec<usize> {
    let named: Vec<usize> = ids
        .iter()
        .filter_map(|id| procedure.flaws.iter().position(|f| f.id == *id))
        .collect();
    let missing: BTreeSet<&str> = named
        .iter()
        .map(|&i| &procedure.flaws[i])
        .filter(|f| f.kind == FlawKind::Missing)
        .filter_map(|f| f.component.as_deref())
        .collect();
    let chosen = named
        .into_iter()
        .filter(|&i| {
            let f = &procedure.flaws[i];
            f.kind == FlawKind::Missing
                || f.component.as_deref().is_none_or(|c| !missing.contains(c))
        })
        .collect();
    in_order(chosen)
}

/// The procedure's flaws a generated dossier can carry, as indexes in its order.
pub(crate) fn plantable_of(procedure: &Procedure) -> Vec<usize> {
    (0..procedure.flaws.len())
        .filter(|&i| plantable(procedure, &procedure.flaws[i]))
        .collect()
}

/// In the procedure's order, each once.
fn in_order(mut chosen: Vec<usize>) -> Vec<usize> {
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

fn pick_weighted(rng: &mut SimRng, procedure: &Procedure, flaws: &[usize]) -> Option<usize> {
    // `weighted_u32` over the flaws' weights, walked in place rather than copied out.
    let weight = |i: &usize| u64::from(procedure.flaws[*i].weight);
    let total: u64 = flaws.iter().map(weight).sum();
    if total == 0 {
        return rng.index(flaws.len()).and_then(|i| flaws.get(i).copied());
    }
    let mut target = rng.below_u64(total);
    for i in flaws {
        let w = weight(i);
        if target < w {
            return Some(*i);
        }
        target -= w;
    }
    None
}

/// Whether planting `flaw` gives a problem an officer can see.
fn plantable(procedure: &Procedure, flaw: &Flaw) -> bool {
    let component = flaw
        .component
        .as_deref()
        .and_then(|c| procedure.component(c));
    let shows = |f| component.is_some_and(|c| c.fields.iter().any(|s| s.source == f));
    let person = |p: Party| !p.is_organisation() && p != Party::Child;
    match (flaw.kind, flaw.field) {
        (FlawKind::Missing, _) => component.is_some_and(|c| {
            let conditional = c
                .required_if
                .is_some_and(|r| super::placement::forcible(procedure, r.party, r.condition));
            (c.required || conditional) && !c.in_national_db
        }),
        (FlawKind::Illegible | FlawKind::Unsigned, _) => {
            component.is_some_and(|c| !c.in_national_db)
        }
        (FlawKind::Mismatch, Some(f)) => f.party.has(f.attr) && shows(f),
        (FlawKind::Expired, Some(f)) => f.attr == Attr::IdExpiry && person(f.party) && shows(f),
        // Someone younger than the minimum must still be old enough to hold a card (14).
        (FlawKind::Underage, Some(f)) => {
            f.attr == Attr::BirthDate
                && person(f.party)
                && flaw.min_age.is_some_and(|m| m.male > 14 && m.female > 14)
        }
        (FlawKind::OutOfJurisdiction, Some(f)) => {
            f.attr == Attr::Address && procedure.jurisdiction.is_some()
        }
        _ => false,
    }
}

fn person_level(kind: FlawKind) -> bool {
    matches!(
        kind,
        FlawKind::Underage | FlawKind::Expired | FlawKind::OutOfJurisdiction
    )
}

/// Two flaws go together when they touch different components and do not both
/// rewrite the same party.
fn compatible(a: &Flaw, b: &Flaw) -> bool {
    // One supplement request per dossier: a receipt flaw and an appraisal flaw
    // together would need two.
    if a.id == b.id || a.stage != b.stage {
        return false;
    }
    if a.component.is_some() && a.component == b.component {
        return false;
    }
    let party = |f: &Flaw| f.field.map(|r| r.party);
    !(person_level(a.kind) && person_level(b.kind) && party(a) == party(b))
}

/// Apply the person-level flaws to the cast, in order.
pub(crate) fn apply_to_people(
    rng: &mut SimRng,
    world: &World,
    cast: &mut Cast,
    needs: &Needs,
    procedure: &Procedure,
    planted: &[&Flaw],
) {
    for flaw in planted {
        let Some(field) = flaw.field else { continue };
        let party = field.party;
        match flaw.kind {
            FlawKind::Underage => {
                let watched = |p: Party| needs.min_age.contains_key(&p);
                if cast.same_person(party).into_iter().any(watched) {
                    cast.unalias(rng, world, needs, party);
                }
                let Some(min) = flaw.min_age else { continue };
                if let Some(person) = cast.person_mut(party) {
                    let limit = match person.gender {
                        Gender::Male => min.male,
                        Gender::Female => min.female,
                    };
                    if limit == 0 {
                        continue;
                    }
                    let lo = limit.saturating_sub(3).max(14);
                    person.birth_date = ids::birth_for_age(rng, world.today, lo, limit - 1);
                    world.reissue(rng, person);
                }
            }
            FlawKind::Expired => {
                let shown = shown_fields(procedure, Attr::IdExpiry);
                if cast.same_person(party).iter().any(|p| shown.contains(p)) {
                    cast.unalias(rng, world, needs, party);
                }
                // A change age this party plausibly has (no 60-year-old mother of a newborn).
                let gender = cast.person(party).map_or(Gender::Male, |p| p.gender);
                let (lo, hi) = Cast::age_range(needs, party, gender);
                let ages: Vec<u32> = CARD_AGES
                    .iter()
                    .copied()
                    .filter(|&a| a > 14 && a >= lo && a <= hi)
                    .collect();
                let change_age = rng.pick(&ages).copied().unwrap_or(40);
                if let Some(person) = cast.person_mut(party) {
                    world.expire_card(rng, person, change_age);
                }
            }
            FlawKind::Missing
            | FlawKind::Mismatch
            | FlawKind::Illegible
            | FlawKind::Unsigned
            | FlawKind::OutOfJurisdiction => {}
        }
    }
}

/// Parties whose `attr` appears on some component of the procedure.
fn shown_fields(procedure: &Procedure, attr: Attr) -> BTreeSet<Party> {
    procedure
        .components
        .iter()
        .flat_map(|c| &c.fields)
        .filter(|s| s.source.attr == attr)
        .map(|s| s.source.party)
        .collect()
}

/// Apply the component-level flaws to the submitted components.
pub(crate) fn apply_to_components(
    rng: &mut SimRng,
    world: &World,
    components: &mut [SubmittedComponent],
    planted: &[&Flaw],
) {
    for flaw in planted {
        let Some(target) = flaw.component.as_deref() else {
            continue;
        };
        let Some(component) = components.iter_mut().find(|c| &*c.id == target) else {
            continue;
        };
        match (flaw.kind, flaw.field) {
            (FlawKind::Illegible, _) => component.legible = false,
            (FlawKind::Unsigned, _) => component.signed = false,
            (FlawKind::Mismatch, Some(field)) => {
                if let Some(fv) = component.fields.iter_mut().find(|f| f.source == field) {
                    fv.value = typo::slip(rng, &fv.value, field, world.today);
                }
            }
            _ => {}
        }
    }
}

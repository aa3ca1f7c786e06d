//! The citizen's supplement: what was asked for rightly is put right in the dossier,
//! so the officer sees the new paper when they look again.

use chrono::Months;

use crate::generate::{Dossier, Origin, SubmittedComponent, Value, fields_of};
use crate::scenario::{Attr, Channel, FieldRef, Flaw, FlawKind, FlawResponse, Procedure, Stage};

use super::Session;
use super::action::Item;
use super::policy::covers;

/// A renewed card is valid for years; ten is the span of an adult's căn cước.
const NEW_CARD_MONTHS: u32 = 120;

impl Session {
    /// Cure the open supplement flaws `items` name; returns their ids.
    pub(super) fn cure(&mut self, i: usize, items: &[Item]) -> super::event::List<String> {
        let p = self.procedure_at(i);
        let cured: Vec<Flaw> = self.states[i]
            .open_flaws
            .iter()
            .filter_map(|id| p.flaw(id))
            .filter(|f| f.response == FlawResponse::Supplement)
            .filter(|f| items.iter().any(|item| covers(item, f)))
            .cloned()
            .collect();
        for f in &cured {
            if f.stage == Stage::Receipt {
                self.dossier(i);
                // Fields apart: the dossier to change, the procedure read in place
                // (a copy of the whole procedure per supplement cost more than the cure).
                let p = &self.scenario.procedures[self.plan.dossiers()[i].procedure];
                if let Some(d) = self.dossiers[i].get_mut() {
                    fix(d, p, f);
                }
                if let (FlawKind::Missing, Some(c)) = (f.kind, &f.component) {
                    self.states[i].supplied.insert(c.clone());
                }
            }
            let s = &mut self.states[i];
            s.open_flaws.retain(|id| *id != f.id);
            s.found.retain(|id| *id != f.id);
            if let Some(c) = &f.component {
                s.inspected.remove(c);
                s.digitized.remove(c);
            }
        }
        cured.into_iter().map(|f| f.id).collect()
    }
}

/// Put back into a freshly drawn dossier `d` what the citizen supplied to dossier `i`
/// so far: the receipt-stage flaws planted and no longer open. Each fix touches its
/// own component or field, so their order does not matter.
pub(super) fn resupply(session: &Session, i: usize, d: &mut Dossier) {
    let s = &session.states[i];
    if !s.arrived {
        return;
    }
    let p = session.procedure_at(i);
    for id in &d.truth.flaws.clone() {
        let cured = !s.open_flaws.contains(id);
        if let Some(f) = p.flaw(id).filter(|f| cured && f.stage == Stage::Receipt) {
            fix(d, p, f);
        }
    }
}

/// `d` as it reads once the citizen has supplied what a request for `f` asks: the one
/// change a supplement makes. Age and jurisdiction cannot be supplied: unchanged.
pub fn supplied(d: &Dossier, p: &Procedure, f: &Flaw) -> Dossier {
    let mut cured = d.clone();
    fix(&mut cured, p, f);
    cured
}

/// Put the documents right for one flaw.
fn fix(d: &mut Dossier, p: &Procedure, f: &Flaw) {
    let component = f.component.as_deref();
    match f.kind {
        FlawKind::Missing => {
            if let Some(c) = component.and_then(|c| p.component(c)) {
                let fields = fields_of(c, &d.parties);
                let origin = match d.channel {
                    Channel::Online => Origin::Upload,
                    Channel::Counter | Channel::Post => Origin::Paper,
                };
                let handed = SubmittedComponent {
                    id: c.id.clone(),
                    copy: c.copy,
                    origin,
                    fields,
                    legible: true,
                    signed: true,
                    pages: 1,
                };
                let order = |id: &str| p.components.iter().position(|x| &*x.id == id);
                let at = d
                    .components
                    .iter()
                    .position(|x| order(&x.id) > order(&c.id))
                    .unwrap_or(d.components.len());
                d.components.insert(at, handed);
            }
        }
        FlawKind::Illegible | FlawKind::Unsigned => {
            if let Some(c) = d.components.iter_mut().find(|c| Some(&*c.id) == component) {
                c.legible = true;
                c.signed = true;
            }
        }
        FlawKind::Mismatch => {
            if let Some(field) = f.field {
                let value = declared(d, field);
                for c in d
                    .components
                    .iter_mut()
                    .filter(|c| Some(&*c.id) == component)
                {
                    for fv in c.fields.iter_mut().filter(|fv| fv.source == field) {
                        fv.value = value.clone();
                    }
                }
            }
        }
        FlawKind::Expired => renew_card(d, f),
        FlawKind::Underage | FlawKind::OutOfJurisdiction => {}
    }
}

/// A new card: a fresh expiry on the declaration and on every copy of it.
fn renew_card(d: &mut Dossier, f: &Flaw) {
    let Some(field) = f.field else { return };
    let expiry = FieldRef {
        party: field.party,
        attr: Attr::IdExpiry,
    };
    let today = d.submitted_at.date();
    let Some(new_expiry) = today.checked_add_months(Months::new(NEW_CARD_MONTHS)) else {
        return;
    };
    let value = Value::Date(new_expiry);
    if let Some(party) = d.parties.get_mut(&field.party) {
        party.values.insert(Attr::IdExpiry, value.clone());
    }
    for c in &mut d.components {
        for fv in c.fields.iter_mut().filter(|fv| fv.source == expiry) {
            fv.value = value.clone();
        }
    }
}

fn declared(d: &Dossier, field: FieldRef) -> Value {
    d.declared(field).cloned().unwrap_or_else(Value::blank)
}

#[cfg(test)]
mod tests {
    use crate::scenario::{self, builtin};
    use crate::session::{Action, Session, solver};

    #[test]
    fn a_closed_dossier_drawn_again_reads_as_it_did_when_it_closed() {
        let (mut checked, mut supplemented) = (0, 0);
        for (file, text) in builtin::FILES {
            let s = scenario::load_str(file, text).expect("built-in loads");
            for seed in 1..=4 {
                let mut session = Session::new(&s, seed);
                while !session.is_over() {
                    let open: Vec<(usize, crate::generate::Dossier)> = (0..session.plan().len())
                        .filter(|&i| session.states[i].arrived && !session.states[i].is_closed())
                        .map(|i| (i, session.dossier(i).clone()))
                        .collect();
                    let action =
                        solver::most_urgent(&session).unwrap_or_else(Action::wait_for_next_event);
                    if session.step(action).is_err() {
                        let _ = session.step(Action::wait_for_next_event());
                    }
                    for (i, before) in open {
                        let supplied_now = session.events().last().is_some_and(|e| {
                            matches!(e.what, crate::session::Happened::SupplementReceived { .. })
                        });
                        if session.states[i].is_closed() && !supplied_now {
                            assert_eq!(*session.dossier(i), before, "{} seed {seed}", s.meta.id);
                            checked += 1;
                            let open = session.states[i].open_flaws.len();
                            supplemented += usize::from(before.truth.flaws.len() > open);
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} closed dossiers compared");
        assert!(supplemented > 10, "only {supplemented} supplemented ones");
    }
}

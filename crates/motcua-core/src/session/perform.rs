//! What an allowed action does: state changes and the events that record them.
//! The trainee and the simulated people go through the same code.

use std::cell::OnceCell;

use chrono::NaiveDateTime;

use crate::generate::Origin;
use crate::scenario::{RuleSet, Stage};

use super::Session;
use super::action::{Action, Decision, WaitUntil};
use super::costs;
use super::event::{Actor, Happened, List};
use super::policy;
use super::state::{Closure, Pending};
use super::timers::TimerKind;

impl Session {
    /// The trainee's action, already checked (`i`: the dossier it names): do it now,
    /// then let its time pass.
    pub(super) fn perform_trainee(&mut self, action: &Action, i: Option<usize>) {
        let at = self.now;
        match action {
            Action::Wait { minutes, until } => {
                let target = match (minutes, until) {
                    (_, Some(WaitUntil::NextEvent)) => self.next_event_at(),
                    (Some(m), None) => self.add_minutes(at, u64::from(*m)),
                    (None, None) => at,
                };
                let minutes = self.calendar.office_minutes_between(at, target);
                self.emit(at, Actor::Trainee, Happened::Waited { minutes });
                self.advance_to(target);
            }
            Action::EndDay => {
                self.emit(at, Actor::Trainee, Happened::DayEnded);
                let close = self.calendar.close_of(at.date());
                let next = self.opening(close);
                self.advance_to(next);
            }
            Action::Open { .. }
            | Action::Inspect { .. }
            | Action::Accept { .. }
            | Action::RequestSupplement { .. }
            | Action::Refuse { .. }
            | Action::Digitize { .. }
            | Action::Reuse { .. }
            | Action::Forward { .. }
            | Action::Transfer { .. }
            | Action::Appraise { .. }
            | Action::Sign { .. }
            | Action::RequestFee { .. }
            | Action::ConfirmPayment { .. }
            | Action::ReturnResult { .. }
            | Action::Apologize { .. }
            | Action::Stop { .. } => {
                if let Some(i) = i {
                    self.perform(i, action, Actor::Trainee, at);
                }
                let cost = costs::minutes(&self.scenario.costs, action.kind());
                let end = self.add_minutes(at, u64::from(cost));
                self.advance_to(end);
            }
        }
    }

    /// Carry out `action` on dossier `i` at `at`.
    pub(super) fn perform(&mut self, i: usize, action: &Action, actor: Actor, at: NaiveDateTime) {
        // Each arm that logs an event here copies the code into it (and only those).
        match action {
            Action::Open { .. } => {
                let dossier = self.event_code(i);
                self.states[i].opened = true;
                self.emit_on(i, at, actor, Happened::Opened { dossier });
            }
            Action::Inspect { component, .. } => {
                let dossier = self.event_code(i);
                self.states[i].inspected.insert(component.clone());
                let component = component.clone();
                self.emit_on(i, at, actor, Happened::Inspected { dossier, component });
            }
            Action::Accept { .. } => self.accept(i, actor, at),
            Action::RequestSupplement { items, .. } => {
                let dossier = self.event_code(i);
                let stage = self.states[i].stage();
                let open_flaws = self.open_at_stage(i, stage);
                let unchecked = self.unchecked(i);
                let reply_at = self.reply_moment(i, at);
                let s = &mut self.states[i];
                s.requests += 1;
                s.pending = Some(Pending {
                    stage,
                    requested_at: at,
                    items: items.clone(),
                    reply_at,
                });
                let nth = s.requests;
                let items = items.clone().into();
                if let Some(reply_at) = reply_at {
                    self.schedule(reply_at, TimerKind::Reply, i);
                }
                // Nothing to do until the citizen answers (many never do).
                self.active.remove(i);
                let what = Happened::SupplementRequested {
                    dossier,
                    stage,
                    items,
                    nth,
                    open_flaws,
                    unchecked,
                };
                self.emit_on(i, at, actor, what);
            }
            Action::Refuse { reason, .. } => {
                let dossier = self.event_code(i);
                let s = &self.states[i];
                let stage = s.stage();
                let what = Happened::Refused {
                    dossier,
                    stage,
                    reason: reason.as_str().into(),
                    open_flaws: self.open_at_stage(i, stage),
                    asked_before: s.requests > 0,
                    unchecked: if stage == Stage::Receipt {
                        self.unchecked(i)
                    } else {
                        List::new()
                    },
                    competence: self.competence(i),
                };
                self.emit_on(i, at, actor, what);
                self.close(i, Closure::Refused, at);
            }
            Action::Stop { reason, .. } => {
                let dossier = self.event_code(i);
                let what = Happened::Stopped {
                    dossier,
                    reason: reason.clone(),
                    open_flaws: self.open_at_stage(i, Stage::Appraisal),
                    asked_before: self.states[i].requests > 0,
                };
                self.emit_on(i, at, actor, what);
                self.close(i, Closure::Stopped, at);
            }
            Action::Digitize { component, .. } => {
                let dossier = self.event_code(i);
                let s = &mut self.states[i];
                s.digitized.insert(component.clone());
                let after_forward = s.forwarded_at.is_some();
                let component = component.clone();
                let what = Happened::Digitized {
                    dossier,
                    component,
                    after_forward,
                };
                self.emit_on(i, at, actor, what);
            }
            Action::Reuse { component, .. } => {
                let dossier = self.event_code(i);
                self.states[i].reused.insert(component.clone());
                let component = component.clone();
                self.emit_on(i, at, actor, Happened::Reused { dossier, component });
            }
            Action::Forward { .. } => self.forward(i, actor, at),
            Action::Transfer { .. } => self.transfer(i, actor, at),
            Action::Appraise {
                decision, reason, ..
            } => self.appraise(i, *decision, reason.clone(), actor, at),
            Action::Sign { .. } => {
                let dossier = self.event_code(i);
                self.emit_on(i, at, actor, Happened::Signed { dossier });
                self.processed(i, at);
            }
            Action::RequestFee { .. } => {
                let dossier = self.event_code(i);
                let amount = self.fee(i);
                let online = self.pays_online(i);
                let s = &mut self.states[i];
                s.fee_requested = true;
                s.fee = amount;
                if online {
                    let pay_at = at + chrono::Duration::minutes(policy::ONLINE_PAYMENT_MINUTES);
                    s.pay_at = Some(pay_at);
                    self.schedule(pay_at, TimerKind::Payment, i);
                }
                self.emit_on(i, at, actor, Happened::FeeRequested { dossier, amount });
            }
            Action::ConfirmPayment { .. } => self.paid(i, false, actor, at),
            Action::ReturnResult { channel, .. } => {
                let dossier = self.event_code(i);
                let expected = self.expected_channel(i);
                let s = &self.states[i];
                let unpaid = s.fee_requested && !s.paid || !s.fee_requested && self.fee(i) > 0;
                let what = Happened::Returned {
                    dossier,
                    channel: *channel,
                    expected,
                    unpaid,
                };
                self.emit_on(i, at, actor, what);
                self.close(i, Closure::Returned, at);
            }
            Action::Apologize { new_date, .. } => self.apologize(i, *new_date, actor, at),
            Action::Wait { .. } | Action::EndDay => {}
        }
    }

    fn accept(&mut self, i: usize, actor: Actor, at: NaiveDateTime) {
        let deadline = self.deadline_at(i);
        let due = self.calendar.due(at, &deadline);
        let open_flaws = self.open_at_stage(i, Stage::Receipt);
        let unchecked = self.unchecked(i);
        let s = &mut self.states[i];
        s.accepted_at = Some(at);
        s.rules = Some(self.rules);
        self.set_due(i, due);
        let dossier = self.event_code(i);
        let what = Happened::Accepted {
            dossier,
            due,
            open_flaws,
            unchecked,
        };
        self.emit_on(i, at, actor, what);
    }

    /// Paper components not digitised and national-database ones not reused.
    fn left_undone(&self, i: usize) -> (List<String>, List<String>) {
        let d = self.dossier(i);
        let s = &self.states[i];
        let undigitized = d
            .components
            .iter()
            .filter(|c| c.origin == Origin::Paper && !s.digitized.contains(&c.id))
            .map(|c| c.id.to_string())
            .collect();
        let unreused = d
            .components
            .iter()
            .filter(|c| c.origin == Origin::NationalDb && !s.reused.contains(&c.id))
            .map(|c| c.id.to_string())
            .collect();
        (undigitized, unreused)
    }

    /// The dossier leaves for the competent commune; this desk's part ends.
    fn transfer(&mut self, i: usize, actor: Actor, at: NaiveDateTime) {
        let (undigitized, unreused) = self.left_undone(i);
        let d = self.dossier(i);
        let to =
            crate::generate::area::transfer_target(d, self.procedure_at(i)).unwrap_or_default();
        let what = Happened::Transferred {
            dossier: self.event_code(i),
            to: to.into(),
            undigitized,
            unreused,
            competence: self.competence(i),
        };
        self.emit_on(i, at, actor, what);
        self.close(i, Closure::Transferred, at);
    }

    fn forward(&mut self, i: usize, actor: Actor, at: NaiveDateTime) {
        let (undigitized, unreused) = self.left_undone(i);
        let competence = self.competence(i);
        let verify_at = self.verification_from(i, at);
        let dossier = self.event_code(i);
        let s = &mut self.states[i];
        s.forwarded_at = Some(at);
        s.verify_at = Some(verify_at);
        self.schedule(verify_at, TimerKind::Verify, i);
        let what = Happened::Forwarded {
            dossier,
            undigitized,
            unreused,
            competence,
        };
        self.emit_on(i, at, actor, what);
        self.notice_delay(i, at);
    }

    fn appraise(
        &mut self,
        i: usize,
        decision: Decision,
        reason: Option<String>,
        actor: Actor,
        at: NaiveDateTime,
    ) {
        let open_flaws = self.open_at_stage(i, Stage::Appraisal);
        self.states[i].appraisal = Some(decision);
        let dossier = self.event_code(i);
        let what = Happened::Appraised {
            dossier: dossier.clone(),
            decision,
            reason: reason.clone(),
            open_flaws: open_flaws.clone(),
            asked_before: self.states[i].requests > 0,
        };
        self.emit_on(i, at, actor, what);
        if decision == Decision::Reject {
            // The desk issues the notice at once: form 05 under 2025, form 03 under 2018.
            let reason = reason.unwrap_or_default();
            let asked_before = self.states[i].requests > 0;
            // The notice follows the trainee's decision; the judge looks at the decision.
            let stop = self.states[i].rules.unwrap_or(self.rules) == RuleSet::R2025;
            let (what, closure) = if stop {
                let what = Happened::Stopped {
                    dossier,
                    reason,
                    open_flaws,
                    asked_before,
                };
                (what, Closure::Stopped)
            } else {
                let what = Happened::Refused {
                    dossier,
                    stage: Stage::Appraisal,
                    reason: reason.into(),
                    open_flaws,
                    asked_before,
                    unchecked: List::new(),
                    competence: self.competence(i),
                };
                (what, Closure::Refused)
            };
            self.emit_on(i, at, Actor::Desk, what);
            self.close(i, closure, at);
        }
    }

    /// Form 04: the apology with a new appointment. It does not move the due moment
    /// of indicator 2.1; `needed` records whether lateness was certain when it went out.
    fn apologize(
        &mut self,
        i: usize,
        new_date: chrono::NaiveDate,
        actor: Actor,
        at: NaiveDateTime,
    ) {
        let in_time = self.states[i].due.is_some_and(|d| at < d);
        let needed = self.lateness_certain(i, at);
        self.states[i].apology = Some(new_date);
        let dossier = self.event_code(i);
        let what = Happened::Apologized {
            dossier,
            new_date,
            in_time,
            needed,
        };
        self.emit_on(i, at, actor, what);
    }

    pub(super) fn processed(&mut self, i: usize, at: NaiveDateTime) {
        self.states[i].processed_at = Some(at);
        let dossier = self.event_code(i);
        self.emit_on(i, at, Actor::Specialist, Happened::Processed { dossier });
    }

    pub(super) fn paid(&mut self, i: usize, online: bool, actor: Actor, at: NaiveDateTime) {
        let s = &mut self.states[i];
        s.paid = true;
        s.pay_at = None;
        let dossier = self.event_code(i);
        self.emit_on(i, at, actor, Happened::Paid { dossier, online });
    }

    pub(super) fn close(&mut self, i: usize, closure: Closure, at: NaiveDateTime) {
        let s = &mut self.states[i];
        s.closure = Some(closure);
        s.pending = None;
        s.ended_at.get_or_insert(at);
        self.active.remove(i);
        // Nothing acts on a closed dossier again: its details go, and are drawn
        // anew (with the supplements it had) if someone looks at it later.
        self.dossiers[i] = OnceCell::new();
    }

    /// Open flaws of `stage` the trainee can know of: all receipt-stage ones (they
    /// are in the documents), and appraisal-stage ones once verification found them.
    pub(super) fn open_at_stage(&self, i: usize, stage: Stage) -> List<String> {
        let s = &self.states[i];
        let p = self.procedure_at(i);
        s.open_flaws
            .iter()
            .filter(|id| {
                p.flaw(id).is_some_and(|f| match stage {
                    Stage::Receipt => f.stage == Stage::Receipt,
                    Stage::Appraisal => f.stage == Stage::Receipt || s.found.contains(id),
                })
            })
            .cloned()
            .collect()
    }

    /// The first of `unchecked`, without listing the others.
    pub(super) fn first_unchecked(&self, i: usize) -> Option<String> {
        let s = &self.states[i];
        self.dossier(i)
            .components
            .iter()
            .find(|c| c.origin != Origin::NationalDb && !s.inspected.contains(&c.id))
            .map(|c| c.id.to_string())
    }

    /// Handed-in components the trainee has not inspected (national-db ones excepted).
    pub(super) fn unchecked(&self, i: usize) -> List<String> {
        let s = &self.states[i];
        self.dossier(i)
            .components
            .iter()
            .filter(|c| c.origin != Origin::NationalDb && !s.inspected.contains(&c.id))
            .map(|c| c.id.to_string())
            .collect()
    }
}

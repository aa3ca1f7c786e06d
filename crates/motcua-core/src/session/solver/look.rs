//! What the solver last saw of each dossier, kept while the dossier stands still.
//!
//! Most dossiers the solver weighs at a step are ones it weighed at the step before,
//! unchanged: waiting for the specialist or the leader, or queued behind a more
//! urgent one. A look remembers whether the trainee has a work step on it (and
//! whether that step hands the dossier on) and until when no apology can fall due,
//! so weighing it again costs a comparison instead of building its next step.
//!
//! A look holds while the dossier is not touched again: every change to a dossier
//! is logged with an event naming it, which moves its `touched` moment to the
//! event's moment, never before the clock of the look (timers fire in time order).
//! A look taken at the very moment the dossier was touched is not trusted, since a
//! second change at that moment would leave `touched` as it was.

use chrono::NaiveDateTime;

use crate::scenario::RuleSet;

use super::super::Session;
use super::super::action::Action;
use super::super::policy;
use super::super::roles::trainee_plays;
use super::super::rules::duty_of;
use super::hands_on;

#[derive(Debug, Clone)]
pub(super) struct Look {
    /// The dossier's `touched` moment and the clock when it was looked at.
    touched: NaiveDateTime,
    at: NaiveDateTime,
    /// The rules in force then (an appraisal's refusal depends on them).
    rules: RuleSet,
    /// The trainee's work step (its dossier left blank) and whether it hands the
    /// dossier on; `None` when the next work step is nobody's or a colleague's.
    work: Option<(Action, bool)>,
    /// No apology is owed up to this moment; `None` until asked.
    calm_until: Option<NaiveDateTime>,
}

impl Look {
    /// Look at dossier `i` afresh.
    pub fn take(session: &Session, i: usize) -> Look {
        let role = session.scenario.meta.role;
        let s = &session.states[i];
        let work = policy::unnamed_work_step(session, i)
            .filter(|a| trainee_plays(role, duty_of(a, s)))
            .map(|a| {
                let hands = hands_on(&a);
                (a, hands)
            });
        Look {
            touched: session.touched[i],
            at: session.now,
            rules: session.rules,
            work,
            calm_until: None,
        }
    }

    /// Whether the trainee's work step hands the dossier on; `None`: none is theirs.
    pub fn work(&self) -> Option<bool> {
        self.work.as_ref().map(|(_, hands)| *hands)
    }

    /// The trainee's work step on dossier `i`, named.
    pub fn named_work(&self, session: &Session, i: usize) -> Option<Action> {
        let mut action = self.work.as_ref()?.0.clone();
        if let Some(dossier) = action.dossier_mut() {
            *dossier = session.code(i).to_string();
        }
        Some(action)
    }

    /// Whether this look still tells how dossier `i` stands.
    pub fn holds(&self, session: &Session, i: usize) -> bool {
        self.touched == session.touched[i] && self.touched < self.at && self.rules == session.rules
    }

    /// Whether an apology may be owed now; `false` vouches that none is.
    pub fn maybe_owes(&mut self, session: &Session, i: usize) -> bool {
        if self.calm_until.is_some_and(|calm| session.now <= calm) {
            return false;
        }
        if policy::apology_owed(session, i) {
            return true;
        }
        self.calm_until = Some(calm_until(session, i));
        false
    }
}

/// Up to when dossier `i`, owing no apology now, still owes none. Lateness only
/// grows more certain as time passes (`lateness_certain` is monotone in its moment
/// while the dossier stands still), so a later moment found not certain vouches for
/// every moment before it; from the due moment on no apology is owed at all.
///
/// Only a forwarded dossier is probed: what is left of it (the trainee's appraisal
/// and signature, if theirs) is cheap to reckon. Before forwarding, the reckoning
/// crosses the verification and costs as much as asking again at each step, and
/// the trainee has work on the dossier anyway.
fn calm_until(session: &Session, i: usize) -> NaiveDateTime {
    let now = session.now;
    let s = &session.states[i];
    let Some(due) = s.due.filter(|_| s.apology.is_none()) else {
        return NaiveDateTime::MAX;
    };
    if now >= due {
        return NaiveDateTime::MAX;
    }
    if s.forwarded_at.is_none() {
        return now;
    }
    if !session.lateness_certain(i, due) {
        return NaiveDateTime::MAX;
    }
    // A guess at the last calm moment: the slack left at the earliest end.
    let probe = now + (due - session.earliest_end(i, now));
    if probe > now && !session.lateness_certain(i, probe) {
        probe
    } else {
        now
    }
}

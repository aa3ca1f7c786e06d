//! The reference solver: plays from the hidden truth, always the right next step on
//! the most urgent dossier, and waits when nothing is the trainee's to do.

use chrono::NaiveDateTime;

use crate::scenario::Scenario;

use super::Session;
use super::action::Action;
use super::policy;
use super::roles::trainee_plays;
use super::rules::duty_of;

/// A guard far above any real attempt (each dossier needs a few dozen steps).
const MAX_STEPS_PER_DOSSIER: usize = 200;

/// Play `scenario` with `seed` to the end of the period.
pub fn solve(scenario: &Scenario, seed: u64) -> Session {
    let mut session = Session::new(scenario, seed);
    let limit = MAX_STEPS_PER_DOSSIER * (session.plan().len() + 10);
    for _ in 0..limit {
        if session.is_over() {
            break;
        }
        let action = most_urgent(&session).unwrap_or_else(Action::wait_for_next_event);
        if session.apply(action).is_err() {
            // Only an outage refuses the solver's step: wait it out.
            let _ = session.apply(Action::wait_for_next_event());
        }
    }
    session
}

/// The trainee's next step on the dossier whose due moment comes first.
pub fn most_urgent(session: &Session) -> Option<Action> {
    if session.outage_until().is_some() {
        return None;
    }
    let role = session.scenario().meta.role;
    let mut best: Option<((NaiveDateTime, bool), usize, Action)> = None;
    for &i in &session.active {
        let Some(action) = policy::next_step(session, i) else {
            continue;
        };
        if !trainee_plays(role, duty_of(&action, &session.states[i])) {
            continue;
        }
        let key = (urgency(session, i), hands_on(&action));
        if best.as_ref().is_none_or(|(k, j, _)| (key, i) < (*k, *j)) {
            best = Some((key, i, action));
        }
    }
    best.map(|(_, _, a)| a)
}

/// Among dossiers due at the same moment, first the steps that hand a dossier on
/// (receipt, digitising and forwarding or transferring to the competent commune,
/// the apology): the verification then runs while the trainee appraises, signs and
/// returns the others.
fn hands_on(action: &Action) -> bool {
    !matches!(
        action,
        Action::Open { .. }
            | Action::Inspect { .. }
            | Action::Accept { .. }
            | Action::RequestSupplement { .. }
            | Action::Refuse { .. }
            | Action::Digitize { .. }
            | Action::Reuse { .. }
            | Action::Forward { .. }
            | Action::Transfer { .. }
            | Action::Apologize { .. }
    )
}

/// The due moment, or the one acceptance now would set.
fn urgency(session: &Session, i: usize) -> NaiveDateTime {
    session.states[i].due.unwrap_or_else(|| {
        let deadline = session.procedure_at(i).deadline;
        session.calendar.due(session.now, &deadline)
    })
}

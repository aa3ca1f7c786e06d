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
        if session.step(action).is_err() {
            // Only an outage refuses the solver's step: wait it out.
            let _ = session.step(Action::wait_for_next_event());
        }
    }
    session
}

/// The trainee's next step on the dossier whose due moment comes first; among those
/// due together, a step that hands a dossier on, then the lowest index.
///
/// The key of a dossier is (urgency, hands on, index), and no key is below (urgency,
/// false, index): the dossiers are visited by urgency (the index files them so) and
/// one is looked at only while that bound can beat the best so far, so a step costs
/// the dossiers as urgent as the answer, not the whole queue.
pub fn most_urgent(session: &Session) -> Option<Action> {
    if session.outage_until().is_some() {
        return None;
    }
    let mut best = Best::default();
    // Dossiers not accepted share, per time limit, the due moment acceptance now sets.
    let mut fresh: Vec<(NaiveDateTime, usize)> = session
        .active
        .fresh_groups()
        .filter_map(|g| {
            let deadline = session.deadline_at(session.active.fresh(g).next()?);
            Some((session.calendar.due(session.now, &deadline), g))
        })
        .collect();
    fresh.sort_unstable();
    let mut groups = fresh.into_iter().peekable();
    for (due, i) in session.active.by_due() {
        while let Some((urgency, g)) = groups.next_if(|(u, _)| *u <= due) {
            best.visit_all(session, urgency, session.active.fresh(g));
        }
        if best.beaten_by(due) {
            return best.named(session);
        }
        best.visit(session, due, i);
    }
    for (urgency, g) in groups {
        best.visit_all(session, urgency, session.active.fresh(g));
    }
    best.named(session)
}

/// The best step found so far, with its key.
#[derive(Default)]
struct Best {
    key: Option<(NaiveDateTime, bool, usize)>,
    action: Option<Action>,
}

impl Best {
    /// The winning step with its dossier's code filled in.
    fn named(self, session: &Session) -> Option<Action> {
        let (mut action, (_, _, i)) = self.action.zip(self.key)?;
        if let Some(dossier) = action.dossier_mut() {
            *dossier = session.code(i).to_string();
        }
        Some(action)
    }

    /// Nothing at `urgency` or later can beat it.
    fn beaten_by(&self, urgency: NaiveDateTime) -> bool {
        self.key.is_some_and(|(u, _, _)| urgency > u)
    }

    /// Whether dossier `i` at `urgency` could still beat the best.
    fn open_to(&self, urgency: NaiveDateTime, i: usize) -> bool {
        self.key.is_none_or(|best| (urgency, false, i) < best)
    }

    fn visit_all(
        &mut self,
        session: &Session,
        urgency: NaiveDateTime,
        dossiers: impl Iterator<Item = usize>,
    ) {
        for i in dossiers {
            if !self.open_to(urgency, i) {
                return;
            }
            self.visit(session, urgency, i);
        }
    }

    fn visit(&mut self, session: &Session, urgency: NaiveDateTime, i: usize) {
        if !self.open_to(urgency, i) {
            return;
        }
        let Some(action) = policy::unnamed_step(session, i) else {
            return;
        };
        let role = session.scenario().meta.role;
        if !trainee_plays(role, duty_of(&action, &session.states[i])) {
            return;
        }
        let key = (urgency, hands_on(&action), i);
        if self.key.is_none_or(|best| key < best) {
            self.key = Some(key);
            self.action = Some(action);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{self, builtin};

    /// The plain definition: every active dossier looked at, the least key wins.
    fn scan(session: &Session) -> Option<Action> {
        if session.outage_until().is_some() {
            return None;
        }
        let role = session.scenario().meta.role;
        let mut best: Option<((NaiveDateTime, bool, usize), Action)> = None;
        for i in 0..session.plan().len() {
            if !session.active.contains(i) {
                continue;
            }
            let Some(action) = policy::next_step(session, i) else {
                continue;
            };
            if !trainee_plays(role, duty_of(&action, &session.states[i])) {
                continue;
            }
            let urgency = session.states[i]
                .due
                .unwrap_or_else(|| session.calendar.due(session.now, &session.deadline_at(i)));
            let key = (urgency, hands_on(&action), i);
            if best.as_ref().is_none_or(|(k, _)| key < *k) {
                best = Some((key, action));
            }
        }
        best.map(|(_, a)| a)
    }

    #[test]
    fn the_index_finds_what_a_full_scan_finds() {
        for (file, text) in builtin::FILES {
            let mut s = scenario::load_str(file, text).expect("built-in loads");
            // Crowded: more dossiers than the desk keeps up with, so the queue grows.
            s.dossiers.count = s.dossiers.count.max(40) * 3;
            for seed in 1..=3 {
                let mut session = Session::new(&s, seed);
                let mut steps = 0;
                while !session.is_over() && steps < 20_000 {
                    let action = most_urgent(&session);
                    assert_eq!(action, scan(&session), "{} seed {seed}", s.meta.id);
                    let action = action.unwrap_or_else(Action::wait_for_next_event);
                    if session.step(action).is_err() {
                        let _ = session.step(Action::wait_for_next_event());
                    }
                    steps += 1;
                }
            }
        }
    }
}

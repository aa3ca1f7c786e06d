//! The reference solver: plays from the hidden truth, always the right next step on
//! the most urgent dossier, and waits when nothing is the trainee's to do.

mod look;

use chrono::NaiveDateTime;

use crate::scenario::Scenario;

use super::action::Action;
use super::policy;
use super::roles::trainee_plays;
use super::rules::duty_of;
use super::{Rejection, Session};
use look::Look;

/// A guard far above any real attempt (each dossier needs a few dozen steps).
const MAX_STEPS_PER_DOSSIER: usize = 200;

/// Play `scenario` with `seed` to the end of the period.
pub fn solve(scenario: &Scenario, seed: u64) -> Session {
    play(scenario, seed, Session::step)
}

/// `solve`, each action handed to `log` as it is taken rather than kept: the
/// session's `actions()` stays empty (`Session::step_unlogged`).
pub fn solve_streamed(scenario: &Scenario, seed: u64, mut log: impl FnMut(Action)) -> Session {
    play(scenario, seed, |session, action| {
        session.step_unlogged(action).map(&mut log)
    })
}

/// The solver's loop; `step` takes one action on the session.
fn play(
    scenario: &Scenario,
    seed: u64,
    mut step: impl FnMut(&mut Session, Action) -> Result<(), Rejection>,
) -> Session {
    let mut session = Session::new(scenario, seed);
    let mut solver = Solver::new(&session);
    let limit = MAX_STEPS_PER_DOSSIER * (session.plan().len() + 10);
    for _ in 0..limit {
        if session.is_over() {
            break;
        }
        let action = solver
            .most_urgent(&session)
            .unwrap_or_else(Action::wait_for_next_event);
        if step(&mut session, action).is_err() {
            // Only an outage refuses the solver's step: wait it out.
            let _ = step(&mut session, Action::wait_for_next_event());
        }
    }
    session
}

/// The trainee's next step on the dossier whose due moment comes first; among those
/// due together, a step that hands a dossier on, then the lowest index.
pub fn most_urgent(session: &Session) -> Option<Action> {
    Solver::new(session).most_urgent(session)
}

/// The solver between steps: its looks at the dossiers, kept while they stand still.
struct Solver {
    looks: Vec<Option<Look>>,
    /// Per group of one time limit with dossiers not accepted, the due moment
    /// acceptance now sets (a buffer kept across steps).
    fresh: Vec<(NaiveDateTime, usize)>,
}

impl Solver {
    fn new(session: &Session) -> Solver {
        Solver {
            looks: vec![None; session.plan().len()],
            fresh: Vec::new(),
        }
    }

    /// `most_urgent`. The key of a dossier is (urgency, hands on, index), and no key
    /// is below (urgency, false, index): the dossiers are visited by urgency (the index
    /// files them so) and one is looked at only while that bound can beat the best so
    /// far, so a step costs the dossiers as urgent as the answer, not the whole queue.
    fn most_urgent(&mut self, session: &Session) -> Option<Action> {
        if session.outage_until().is_some() {
            return None;
        }
        // Dossiers not accepted share, per time limit, the due moment acceptance now sets.
        let mut fresh = std::mem::take(&mut self.fresh);
        fresh.clear();
        fresh.extend(session.active.fresh_groups().filter_map(|g| {
            let deadline = session.deadline_at(session.active.fresh(g).next()?);
            Some((session.calendar.due(session.now, &deadline), g))
        }));
        fresh.sort_unstable();
        let mut best = Best {
            key: None,
            owes: false,
            looks: &mut self.looks,
        };
        best.search(session, &fresh);
        let (key, owes) = (best.key, best.owes);
        self.fresh = fresh;
        // Only the winner's step is built in full, with its dossier's code.
        let (_, _, i) = key?;
        if owes {
            policy::next_step(session, i)
        } else {
            self.looks.get(i)?.as_ref()?.named_work(session, i)
        }
    }
}

/// The best key found so far, whether its step is the apology, and the looks the
/// dossiers are weighed with.
struct Best<'a> {
    key: Option<(NaiveDateTime, bool, usize)>,
    owes: bool,
    looks: &'a mut [Option<Look>],
}

impl Best<'_> {
    /// Visit the accepted dossiers by due moment and the groups of fresh ones at
    /// theirs, until nothing later can beat the best.
    fn search(&mut self, session: &Session, fresh: &[(NaiveDateTime, usize)]) {
        let mut groups = fresh.iter().copied().peekable();
        for (due, i) in session.active.by_due() {
            while let Some((urgency, g)) = groups.next_if(|(u, _)| *u <= due) {
                self.visit_all(session, urgency, session.active.fresh(g));
            }
            if self.beaten_by(due) {
                return;
            }
            self.visit(session, due, i);
        }
        for (urgency, g) in groups {
            self.visit_all(session, urgency, session.active.fresh(g));
        }
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
        let Some((hands, owes)) = self.weigh(session, i) else {
            return;
        };
        let key = (urgency, hands, i);
        if self.key.is_none_or(|best| key < best) {
            self.key = Some(key);
            self.owes = owes;
        }
    }

    /// Whether the trainee's next step on dossier `i` hands it on, and whether it is
    /// the apology; `None` when the next step is not the trainee's
    /// (`policy::next_step`, read from the look).
    fn weigh(&mut self, session: &Session, i: usize) -> Option<(bool, bool)> {
        let slot = &mut self.looks[i];
        if !slot.as_ref().is_some_and(|look| look.holds(session, i)) {
            *slot = Some(Look::take(session, i));
        }
        let look = slot.as_mut()?;
        if look.maybe_owes(session, i) {
            // The apology comes first, rare enough to be weighed in full.
            let action = policy::unnamed_step(session, i)?;
            let role = session.scenario().meta.role;
            let theirs = trainee_plays(role, duty_of(&action, &session.states[i]));
            return theirs.then(|| (hands_on(&action), true));
        }
        look.work().map(|hands| (hands, false))
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

    /// The plain definition: every active dossier looked at afresh, the least key wins.
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
                // One solver throughout: its looks must follow every change.
                let mut solver = Solver::new(&session);
                let mut steps = 0;
                while !session.is_over() && steps < 20_000 {
                    let action = solver.most_urgent(&session);
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

//! Plays that commit one mistake: the solver's play with one step replaced.
#![allow(dead_code)]

use motcua_core::scenario::Scenario;
use motcua_core::score::{self, Debrief, MistakeCode};
use motcua_core::session::{Action, Session, solver};

/// What to do instead of the solver's `action`; `None` keeps it. Asked at every
/// step, so "always do X instead of Y" is one closure.
pub type Twist<'a> = dyn FnMut(&Session, &Action) -> Option<Vec<Action>> + 'a;

/// Play like the solver, except where `twist` says otherwise.
pub fn play(s: &Scenario, seed: u64, twist: &mut Twist) -> (Session, Debrief, bool) {
    let mut session = Session::new(s, seed);
    let mut twisted = false;
    for _ in 0..20_000 {
        if session.is_over() {
            break;
        }
        let next = solver::most_urgent(&session).unwrap_or_else(Action::wait_for_next_event);
        let actions = match twist(&session, &next) {
            Some(replacement) => {
                twisted = true;
                replacement
            }
            None => vec![next],
        };
        for a in actions {
            if session.apply(a).is_err() {
                let _ = session.apply(Action::wait_for_next_event());
            }
        }
    }
    let debrief = score::score(&session);
    (session, debrief, twisted)
}

/// Seeds 1..=50 until the play twisted once makes `code`; panics when none does.
pub fn commit(
    s: &Scenario,
    code: MistakeCode,
    twist: fn(&Session, &Action) -> Option<Vec<Action>>,
) -> (u64, Session, Debrief) {
    for seed in 1..=50 {
        let (session, debrief, twisted) = play(s, seed, &mut once(twist));
        if twisted && codes(&debrief).contains(&code) {
            return (seed, session, debrief);
        }
    }
    panic!("{}: no seed in 1..=50 makes {code:?}", s.meta.id);
}

pub fn codes(d: &Debrief) -> Vec<MistakeCode> {
    d.mistakes.iter().map(|m| m.code).collect()
}

/// `twist`, but only the first time it would change the play: the mistake is made once.
pub fn once(
    mut twist: impl FnMut(&Session, &Action) -> Option<Vec<Action>>,
) -> impl FnMut(&Session, &Action) -> Option<Vec<Action>> {
    let mut fired = false;
    move |s, a| {
        if fired {
            return None;
        }
        let out = twist(s, a);
        fired = out.is_some();
        out
    }
}

//! Helpers for the engine tests: built-in scenarios and solver runs.
#![allow(dead_code)]

pub mod keys;
pub mod twist;

use motcua::scenario::{self, Scenario, builtin};
use motcua::score::{self, Debrief};
use motcua::session::{Session, solver};

/// Every built-in scenario, loaded.
pub fn builtins() -> Vec<Scenario> {
    builtin::FILES
        .iter()
        .map(|(file, text)| {
            scenario::load_str(file, text).unwrap_or_else(|d| panic!("{file} does not load: {d:?}"))
        })
        .collect()
}

pub fn builtin(id: &str) -> Scenario {
    builtins()
        .into_iter()
        .find(|s| s.meta.id == id)
        .unwrap_or_else(|| panic!("no built-in scenario {id}"))
}

pub fn solved(s: &Scenario, seed: u64) -> (Session, Debrief) {
    let session = solver::solve(s, seed);
    let debrief = score::score(s, session.events());
    (session, debrief)
}

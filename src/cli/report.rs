//! The stable JSON of `solve --json` and `replay --json`:
//! `{"scenario", "seed", "actions", "total", "band", "passed", "pass_score",
//!   "groups", "dossiers", "mistakes"}` (docs/architecture.md lists every field).

use serde::Serialize;

use crate::score::Debrief;

#[derive(Serialize)]
struct Report<'a> {
    scenario: &'a str,
    seed: u64,
    actions: usize,
    #[serde(flatten)]
    debrief: &'a Debrief,
}

pub fn json(scenario: &str, seed: u64, actions: usize, debrief: &Debrief) -> String {
    let report = Report {
        scenario,
        seed,
        actions,
        debrief,
    };
    crate::sanitize::json::pretty(&report)
}

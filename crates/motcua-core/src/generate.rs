//! Seeded synthetic dossiers: people, places, ids and planted flaws.
//!
//! A scenario and a seed give the same dossiers on every machine: the period's `Plan`
//! (when each dossier arrives, its procedure, channel and flaws) comes from one stream
//! drawn up front, and each dossier's details from streams of its own, drawn when the
//! dossier is first needed. The layout is docs/generator.md's; the data tables live in
//! data/*.toml.

mod address;
pub mod area;
mod build;
mod business;
mod cast;
mod contacts;
pub mod dossier;
mod flaws;
pub mod ids;
mod names;
mod order;
mod origins;
mod people;
mod placement;
pub mod places;
pub mod plan;
mod relatives;
mod render;
mod result;
pub mod rng;
mod tables;
mod text;
mod timing;
mod trainee;
mod typo;
pub mod visible;

pub use area::{Competence, Standing, competence, desk_area, needed, standing};
pub use build::fields_of;
pub use dossier::*;
pub use plan::{Plan, Planned};
pub use render::NO_EXPIRY;
pub use rng::SimRng;
pub use tables::table_errors;
pub use trainee::{TraineeDossier, TraineePlanned};
pub use visible::{Problem, expected_problem, explains, visible_problems};

use crate::calendar::WorkCalendar;
use crate::scenario::Scenario;

/// Every dossier of an attempt, sorted by submission time, with every detail drawn.
/// Same inputs, same output.
pub fn generate(scenario: &Scenario, calendar: &WorkCalendar, seed: u64) -> Vec<Dossier> {
    let plan = Plan::new(scenario, calendar, seed);
    // Two runs: the machines this is measured on have two cores (docs/performance.md).
    let parts = if plan.len() >= PARALLEL_FROM { 2 } else { 1 };
    draw_all(&plan, scenario, parts)
}

/// From this many dossiers on, `generate` draws them on two threads (below it a
/// thread's start-up is not worth it).
const PARALLEL_FROM: usize = 1_000;

/// The plan's dossiers drawn in `parts` contiguous runs, one thread each (the first
/// on this thread), joined in plan order. Each dossier is drawn from its own streams
/// alone, so the result does not depend on `parts`; where no thread can be started
/// (a platform without threads), the run is drawn here instead.
fn draw_all(plan: &Plan, scenario: &Scenario, parts: usize) -> Vec<Dossier> {
    let draw_run = |run: std::ops::Range<usize>| -> Vec<Dossier> {
        // Room for the whole run up front: `filter_map` gives no lower bound.
        let mut out = Vec::with_capacity(run.len());
        out.extend(run.filter_map(|i| plan.draw(scenario, i)));
        out
    };
    let n = plan.len();
    let size = n.div_ceil(parts.max(1)).max(1);
    let runs: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(size)
        .map(|start| start..(start + size).min(n))
        .collect();
    std::thread::scope(|scope| {
        // Every run but the first on a thread of its own, started before the first is drawn.
        let others: Vec<_> = runs
            .iter()
            .skip(1)
            .map(|run| {
                let own = run.clone();
                let thread = std::thread::Builder::new().spawn_scoped(scope, move || draw_run(own));
                (run.clone(), thread.ok())
            })
            .collect();
        let mut out = draw_run(runs.first().cloned().unwrap_or(0..0));
        out.reserve(n.saturating_sub(out.len()));
        for (run, thread) in others {
            match thread.map(|t| t.join()) {
                Some(Ok(part)) => out.extend(part),
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => out.extend(draw_run(run)),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{self, builtin};

    #[test]
    fn the_dossiers_do_not_depend_on_how_many_threads_draw_them() {
        let (file, text) = builtin::FILES[0];
        let mut s = scenario::load_str(file, text).expect("built-in loads");
        s.dossiers.count = 61;
        s.meta.working_days = 9;
        let calendar = WorkCalendar::for_scenario(&s);
        let plan = Plan::new(&s, &calendar, 7);
        let one = format!("{:?}", draw_all(&plan, &s, 1));
        for parts in [2, 3, 61, 100] {
            let drawn = draw_all(&plan, &s, parts);
            assert_eq!(drawn.len(), plan.len(), "{parts} parts");
            assert_eq!(format!("{drawn:?}"), one, "{parts} parts");
        }
        // No parts at all still draws every dossier, as one run.
        assert_eq!(format!("{:?}", draw_all(&plan, &s, 0)), one);
    }
}

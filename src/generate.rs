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
mod typo;
pub mod visible;

pub use area::{Competence, Standing, competence, desk_area, needed, standing};
pub use build::fields_of;
pub use dossier::*;
pub use plan::{Plan, Planned};
pub use render::NO_EXPIRY;
pub use rng::SimRng;
pub use tables::table_errors;
pub use visible::{Problem, expected_problem, explains, visible_problems};

use crate::calendar::WorkCalendar;
use crate::scenario::Scenario;

/// Every dossier of an attempt, sorted by submission time, with every detail drawn.
/// Same inputs, same output.
pub fn generate(scenario: &Scenario, calendar: &WorkCalendar, seed: u64) -> Vec<Dossier> {
    let plan = Plan::new(scenario, calendar, seed);
    // Room for every dossier up front: `filter_map` gives no lower bound, and growing
    // a list of 10,000 dossiers by doubling copied them over and over.
    let mut out = Vec::with_capacity(plan.len());
    out.extend((0..plan.len()).filter_map(|i| plan.draw(scenario, i)));
    out
}

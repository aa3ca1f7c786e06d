//! Seeded synthetic dossiers: people, places, ids and planted flaws.
//!
//! PLACEHOLDER: generation is not written yet.

pub mod dossier;

pub use dossier::*;

use crate::calendar::WorkCalendar;
use crate::scenario::Scenario;

/// Every dossier of an attempt, sorted by submission time. Same inputs, same output.
pub fn generate(_scenario: &Scenario, _calendar: &WorkCalendar, _seed: u64) -> Vec<Dossier> {
    Vec::new()
}

//! Seeded synthetic dossiers: people, places, ids and planted flaws.
//!
//! `generate` draws every dossier of an attempt from one `SimRng` stream, in a fixed
//! order (generated dossiers first, then the scripted ones), so a scenario and a seed
//! give the same dossiers on every machine. The data tables live in data/*.toml.

mod address;
pub mod area;
mod build;
mod business;
mod cast;
pub mod dossier;
mod flaws;
pub mod ids;
mod names;
mod origins;
mod people;
mod placement;
pub mod places;
mod relatives;
mod render;
mod result;
pub mod rng;
mod tables;
mod timing;
mod typo;
pub mod visible;

pub use area::{Competence, Standing, competence, desk_area, needed, standing};
pub use build::fields_of;
pub use dossier::*;
pub use render::NO_EXPIRY;
pub use rng::SimRng;
pub use tables::table_errors;
pub use visible::{Problem, expected_problem, explains, visible_problems};

use crate::calendar::WorkCalendar;
use crate::scenario::{Channel, Geography, Procedure, Scenario, merger_date};

use address::Atlas;
use build::Plan;
use placement::Route;
use timing::{Period, Windows};

/// Share of sound dossiers of a boundary-free procedure that come from another
/// commune of the province (to be transferred).
const OTHER_COMMUNE_SHARE: f64 = 0.25;

/// The two maps a period can touch, each with the desk's area on it.
struct Maps {
    before: Atlas,
    after: Atlas,
}

impl Maps {
    fn new(scenario: &Scenario) -> Maps {
        let merger = merger_date();
        let eve = merger.pred_opt().unwrap_or(merger);
        Maps {
            before: Atlas::new(Geography::ThreeLevels, &area::desk_area(scenario, eve)),
            after: Atlas::new(Geography::TwoLevels, &area::desk_area(scenario, merger)),
        }
    }

    fn on(&self, date: chrono::NaiveDate) -> &Atlas {
        match Geography::on(date) {
            Geography::ThreeLevels => &self.before,
            Geography::TwoLevels => &self.after,
        }
    }
}

/// Every dossier of an attempt, sorted by submission time. Same inputs, same output.
pub fn generate(scenario: &Scenario, calendar: &WorkCalendar, seed: u64) -> Vec<Dossier> {
    let mut rng = SimRng::new(seed);
    let maps = Maps::new(scenario);
    let period = Period {
        calendar,
        hours: &scenario.office.hours,
        start: scenario.meta.start,
        working_days: scenario.meta.working_days,
    };
    let windows = period.windows();
    let mut choices = SimRng::stream(seed, result::RESULT_STREAM);
    let by_post = scenario.dossiers.result_by_post;
    let mut dossiers = Vec::new();
    if !scenario.procedures.is_empty() {
        for _ in 0..scenario.dossiers.count {
            let plan = plan_generated(&mut rng, scenario, &period, &windows);
            let (service, filed) = (plan.procedure.service, plan.channel);
            let atlas = maps.on(plan.submitted_at.date());
            let mut d = build::dossier(&mut rng, atlas, plan);
            d.result_channel = result::choose(&mut choices, service, filed, by_post);
            dossiers.push(d);
        }
    }
    for scripted in &scenario.dossiers.scripted {
        let Some(procedure) = scenario.procedure(&scripted.procedure) else {
            continue;
        };
        let plan = Plan {
            procedure,
            channel: scripted.channel,
            submitted_at: period.scripted(scripted.at),
            flaws: flaws::by_ids(procedure, &scripted.flaws),
            scripted_id: scripted.id.clone(),
            route: if scripted.other_commune {
                Route::Transfer
            } else {
                Route::Here
            },
        };
        let atlas = maps.on(plan.submitted_at.date());
        let mut d = build::dossier(&mut rng, atlas, plan);
        // Drawn even when the file names it, so the dossiers after it keep theirs.
        let drawn = result::choose(&mut choices, procedure.service, scripted.channel, by_post);
        d.result_channel = scripted.result_channel.unwrap_or(drawn);
        dossiers.push(d);
    }
    // Stable: dossiers submitted at the same minute keep their drawing order.
    dossiers.sort_by_key(|d| d.submitted_at);
    number(&mut dossiers, &scenario.office.unit_code);
    dossiers
}

/// Procedure by `dossiers.mix` (equal shares when empty), channel by `dossiers.channels`,
/// a time in the period, and the flaws.
fn plan_generated<'s>(
    rng: &mut SimRng,
    scenario: &'s Scenario,
    period: &Period,
    windows: &Windows,
) -> Plan<'s> {
    let mix = &scenario.dossiers.mix;
    let weights: Vec<f64> = scenario
        .procedures
        .iter()
        .map(|p| {
            if mix.is_empty() {
                1.0
            } else {
                mix.get(&p.code).copied().unwrap_or(0.0)
            }
        })
        .collect();
    let index = rng.weighted(&weights).unwrap_or(0);
    let procedure: &Procedure = &scenario.procedures[index.min(scenario.procedures.len() - 1)];
    let shares = scenario.dossiers.channels;
    let channel = match rng.weighted(&[shares.online, shares.counter, shares.post]) {
        Some(1) => Channel::Counter,
        Some(2) => Channel::Post,
        _ => Channel::Online,
    };
    let submitted_at = period.draw(rng, channel, windows);
    let flaws = flaws::plan(rng, procedure, scenario.dossiers.flaw_rate);
    let free = procedure
        .jurisdiction
        .as_ref()
        .is_some_and(|j| j.boundary_free)
        && Geography::on(submitted_at.date()) == Geography::TwoLevels;
    let route = if free && flaws.is_empty() && rng.chance(OTHER_COMMUNE_SHARE) {
        Route::Transfer
    } else {
        Route::Here
    };
    Plan {
        procedure,
        channel,
        submitted_at,
        flaws,
        scripted_id: None,
        route,
    }
}

/// Dossier codes `unit-YYMMDD-NNNN`, numbered from 0001 each day in submission order.
fn number(dossiers: &mut [Dossier], unit: &str) {
    let mut day = None;
    let mut seq = 0u32;
    for d in dossiers {
        let date = d.submitted_at.date();
        if day != Some(date) {
            day = Some(date);
            seq = 0;
        }
        seq += 1;
        d.code = ids::dossier_code(unit, date, seq);
    }
}

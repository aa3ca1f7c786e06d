//! The plan of a period: what is decided up front for every dossier (when it arrives,
//! its procedure, channel, planted flaws and route) from the plan stream, cheaply.
//! Each dossier's details come later from streams of its own (`Plan::draw`), so a
//! dossier reads the same whichever others were drawn first (docs/generator.md).

use chrono::NaiveDateTime;

use crate::calendar::WorkCalendar;
use crate::scenario::{Channel, Geography, Scenario, merger_date};

use super::address::Atlas;
use super::build::{self, Brief};
use super::dossier::Dossier;
use super::placement::Route;
use super::rng::{self, SimRng};
use super::timing::{Period, Windows};
use super::{area, flaws, ids, order, result};

/// Share of sound dossiers of a boundary-free procedure that come from another
/// commune of the province (to be transferred).
const OTHER_COMMUNE_SHARE: f64 = 0.25;

/// One dossier as planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// Drawing index: generated dossiers 0.., then the scripted ones in file order.
    /// It keys the dossier's own streams.
    pub k: u32,
    /// Its number on the day it was submitted, from 1, in submission order: the
    /// `NNNN` of its code (`Plan::code`), which is written only when asked for.
    pub seq: u32,
    /// Index into `scenario.procedures`.
    pub procedure: usize,
    pub channel: Channel,
    pub submitted_at: NaiveDateTime,
    /// Indexes into the procedure's `flaws`, in its order.
    pub flaws: Vec<usize>,
    /// A boundary-free dossier from another commune of the province.
    pub transfer: bool,
    /// Index into `scenario.dossiers.scripted`.
    pub scripted: Option<usize>,
}

/// The two maps a period can touch, each with the desk's area on it.
#[derive(Debug, Clone)]
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

/// Every dossier of an attempt, planned and sorted by submission time.
#[derive(Debug, Clone)]
pub struct Plan {
    seed: u64,
    /// The office's unit code, which every dossier code starts with.
    unit: Box<str>,
    maps: Maps,
    dossiers: Vec<Planned>,
    /// Words the plan stream gave.
    plan_words: u64,
}

impl Plan {
    /// Plan `scenario` for `seed`: the generated dossiers from the plan stream, then
    /// the scripted ones as written; sorted (stably) by submission time and numbered.
    pub fn new(scenario: &Scenario, calendar: &WorkCalendar, seed: u64) -> Plan {
        let period = Period {
            calendar,
            hours: &scenario.office.hours,
            start: scenario.meta.start,
            working_days: scenario.meta.working_days,
        };
        let mut dossiers = Vec::new();
        let mut rng = SimRng::plan(seed);
        if !scenario.procedures.is_empty() {
            let windows = period.windows();
            let tables = Tables::new(scenario);
            // Validation caps the count (`limits::DOSSIERS`); the capacity is capped again.
            let count = planned_count(scenario);
            dossiers.reserve(count as usize);
            for k in 0..count {
                dossiers.push(plan_one(&mut rng, scenario, &period, &windows, &tables, k));
            }
        }
        let first = u32::try_from(dossiers.len()).unwrap_or(u32::MAX);
        for (j, scripted) in scenario.dossiers.scripted.iter().enumerate() {
            let k = first.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            let Some(procedure) = scenario
                .procedures
                .iter()
                .position(|p| *p.code == *scripted.procedure)
            else {
                continue;
            };
            let p = &scenario.procedures[procedure];
            dossiers.push(Planned {
                k,
                seq: 0,
                procedure,
                channel: scripted.channel,
                submitted_at: period.scripted(scripted.at),
                flaws: flaws::by_ids(p, &scripted.flaws),
                transfer: scripted.other_commune,
                scripted: Some(j),
            });
        }
        let mut dossiers = order::by_moment(dossiers);
        number(&mut dossiers);
        Plan {
            seed,
            unit: scenario.office.unit_code.as_str().into(),
            maps: Maps::new(scenario),
            dossiers,
            plan_words: rng.words(),
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The code of dossier `i` (`unit-YYMMDD-NNNN`); `None` past the end.
    pub fn code(&self, i: usize) -> Option<String> {
        let d = self.dossiers.get(i)?;
        Some(ids::dossier_code(&self.unit, d.submitted_at.date(), d.seq))
    }

    /// The index of the dossier whose code is `code`, by a walk over the plan (a
    /// session keeps an index for its look-ups).
    pub fn position(&self, code: &str) -> Option<usize> {
        (0..self.dossiers.len()).find(|&i| self.code(i).as_deref() == Some(code))
    }

    /// The planned dossiers, by submission time.
    pub fn dossiers(&self) -> &[Planned] {
        &self.dossiers
    }

    pub fn len(&self) -> usize {
        self.dossiers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }

    /// Dossier `i` (in submission order) with every detail, from its own streams.
    /// `None` past the end.
    pub fn draw(&self, scenario: &Scenario, i: usize) -> Option<Dossier> {
        self.draw_counted(scenario, i).map(|(d, _)| d)
    }

    /// Every stream the attempt reads when each dossier is drawn once, with the words
    /// it gives: what the benchmarks' floor draws (the same words, nothing else).
    pub fn streams(&self, scenario: &Scenario) -> Vec<(u64, u64)> {
        let mut out = vec![(rng::PLAN_STREAM, self.plan_words)];
        for (i, planned) in self.dossiers.iter().enumerate() {
            if let Some((_, [documents, choices])) = self.draw_counted(scenario, i) {
                out.push((rng::documents_stream(planned.k), documents));
                out.push((rng::choices_stream(planned.k), choices));
            }
        }
        out
    }

    fn draw_counted(&self, scenario: &Scenario, i: usize) -> Option<(Dossier, [u64; 2])> {
        let planned = self.dossiers.get(i)?;
        let procedure = scenario.procedures.get(planned.procedure)?;
        let scripted = planned
            .scripted
            .and_then(|j| scenario.dossiers.scripted.get(j));
        let brief = Brief {
            procedure,
            channel: planned.channel,
            submitted_at: planned.submitted_at,
            flaws: planned
                .flaws
                .iter()
                .filter_map(|&f| procedure.flaws.get(f))
                .collect(),
            scripted_id: scripted.and_then(|s| s.id.clone()),
            route: if planned.transfer {
                Route::Transfer
            } else {
                Route::Here
            },
        };
        let atlas = self.maps.on(planned.submitted_at.date());
        let mut documents = SimRng::documents(self.seed, planned.k);
        let mut choices = SimRng::choices(self.seed, planned.k);
        let by_post = scenario.dossiers.result_by_post;
        // Drawn even when the file names it, so the choices stream reads the same.
        let drawn = result::choose(&mut choices, procedure.service, planned.channel, by_post);
        let mut d = build::dossier(&mut documents, &mut choices, atlas, brief);
        d.result_channel = scripted.and_then(|s| s.result_channel).unwrap_or(drawn);
        d.code = self.code(i)?;
        Some((d, [documents.words(), choices.words()]))
    }
}

/// `dossiers.count`, capped again at `limits::DOSSIERS` (validation caps it first).
fn planned_count(scenario: &Scenario) -> u32 {
    let cap = u32::try_from(crate::limits::DOSSIERS).unwrap_or(u32::MAX);
    scenario.dossiers.count.min(cap)
}

/// What every planned dossier reads from the scenario, worked out once per plan.
struct Tables {
    /// `dossiers.mix` in the order of the procedures.
    weights: Vec<f64>,
    /// Each procedure's flaws that can be planted (`flaws::plantable_of`).
    plantable: Vec<Vec<usize>>,
}

impl Tables {
    fn new(scenario: &Scenario) -> Tables {
        Tables {
            weights: mix_weights(scenario),
            plantable: scenario
                .procedures
                .iter()
                .map(flaws::plantable_of)
                .collect(),
        }
    }
}

/// `dossiers.mix` as weights in the order of the procedures (equal when empty).
fn mix_weights(scenario: &Scenario) -> Vec<f64> {
    let mix = &scenario.dossiers.mix;
    scenario
        .procedures
        .iter()
        .map(|p| {
            if mix.is_empty() {
                1.0
            } else {
                mix.get(&*p.code).copied().unwrap_or(0.0)
            }
        })
        .collect()
}

/// One generated dossier from the plan stream: procedure by the mix, channel by the
/// shares, the moment, the flaws, and (boundary-free, sound) whether it is to transfer.
fn plan_one(
    rng: &mut SimRng,
    scenario: &Scenario,
    period: &Period,
    windows: &Windows,
    tables: &Tables,
    k: u32,
) -> Planned {
    let last = scenario.procedures.len() - 1;
    let procedure = rng.weighted(&tables.weights).unwrap_or(0).min(last);
    let p = &scenario.procedures[procedure];
    let shares = scenario.dossiers.channels;
    let channel = match rng.weighted(&[shares.online, shares.counter, shares.post]) {
        Some(1) => Channel::Counter,
        Some(2) => Channel::Post,
        _ => Channel::Online,
    };
    let submitted_at = period.draw(rng, channel, windows);
    let rate = scenario.dossiers.flaw_rate;
    let flaws = flaws::plan(rng, p, &tables.plantable[procedure], rate);
    let free = p.jurisdiction.as_ref().is_some_and(|j| j.boundary_free)
        && Geography::on(submitted_at.date()) == Geography::TwoLevels;
    let transfer = free && flaws.is_empty() && rng.chance(OTHER_COMMUNE_SHARE);
    Planned {
        k,
        seq: 0,
        procedure,
        channel,
        submitted_at,
        flaws,
        transfer,
        scripted: None,
    }
}

/// Each dossier's number on its day (the `NNNN` of `unit-YYMMDD-NNNN`), from 1 in
/// submission order.
fn number(dossiers: &mut [Planned]) {
    let mut day = None;
    let mut seq = 0u32;
    for d in dossiers {
        let date = d.submitted_at.date();
        if day != Some(date) {
            day = Some(date);
            seq = 0;
        }
        seq += 1;
        d.seq = seq;
    }
}

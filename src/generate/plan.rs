//! The plan of a period: what is decided up front for every dossier (when it arrives,
//! its procedure, channel, planted flaws and route) from the plan stream, cheaply.
//! Each dossier's details come later from streams of its own (`Plan::draw`), so a
//! dossier reads the same whichever others were drawn first (docs/generator.md).

use chrono::{Datelike, NaiveDateTime, Timelike};

use crate::calendar::WorkCalendar;
use crate::scenario::{Channel, Geography, Scenario, merger_date};

use super::address::Atlas;
use super::build::{self, Brief};
use super::dossier::Dossier;
use super::placement::Route;
use super::rng::{self, SimRng};
use super::timing::{Period, Windows};
use super::{area, flaws, ids, result};

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
        let mut dossiers = by_moment(dossiers);
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
        d.code = ids::dossier_code(&self.unit, planned.submitted_at.date(), planned.seq);
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

/// The dossiers sorted by submission time; those submitted at the same minute keep
/// their drawing order (a stable sort, done on small keys rather than moving whole
/// dossiers about, then the dossiers put in place by swaps: no second list of them).
fn by_moment(mut dossiers: Vec<Planned>) -> Vec<Planned> {
    let mut order = sorted_order(&dossiers);
    // Slot `to` takes the dossier that was at `order[to]`. Follow each cycle of the
    // permutation, swapping along it; `order[to] = to` marks a slot as done.
    for start in 0..order.len() {
        let mut to = start;
        loop {
            let from = std::mem::replace(&mut order[to], to);
            if from == start {
                break;
            }
            dossiers.swap(to, from);
            to = from;
        }
    }
    dossiers
}

/// Bits of a packed key that hold the dossier's position (`limits::DOSSIERS` fits).
const POSITION_BITS: u32 = 20;
/// Bits that hold the second of the day (86,400 fits in 17).
const SECOND_BITS: u32 = 17;

/// The positions of `dossiers` in submission order, ties in position order.
fn sorted_order(dossiers: &[Planned]) -> Vec<usize> {
    if let Some(mut keys) = packed_keys(dossiers) {
        // One u64 a dossier sorts about four times faster than (u128, usize) pairs.
        keys.sort_unstable();
        let mask = (1u64 << POSITION_BITS) - 1;
        return keys.iter().map(|&k| (k & mask) as usize).collect();
    }
    let mut pairs: Vec<(u128, usize)> = dossiers
        .iter()
        .enumerate()
        .map(|(n, d)| (moment_key(d.submitted_at), n))
        .collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, n)| n).collect()
}

/// (day from the first, second of the day, position) packed in one u64 that orders
/// as the (moment, position) pairs do; `None` when a moment has a fraction of a
/// second or the period or the count is too long for the bits (then the wide keys).
fn packed_keys(dossiers: &[Planned]) -> Option<Vec<u64>> {
    if dossiers.len() >= 1 << POSITION_BITS {
        return None;
    }
    let days = dossiers
        .iter()
        .map(|d| d.submitted_at.date().num_days_from_ce());
    let first = days.min()?;
    let day_bits = 64 - POSITION_BITS - SECOND_BITS;
    dossiers
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let time = d.submitted_at.time();
            let day = u64::try_from(d.submitted_at.date().num_days_from_ce() - first).ok()?;
            let fits = time.nanosecond() == 0 && day < 1 << day_bits;
            fits.then(|| {
                let second = u64::from(time.num_seconds_from_midnight());
                (day << SECOND_BITS | second) << POSITION_BITS | n as u64
            })
        })
        .collect()
}

/// `at` as one number that orders as `at` does (day, second, fraction): cheaper to
/// compare while sorting than the date and time apart.
fn moment_key(at: NaiveDateTime) -> u128 {
    // The day count flips its sign bit so that earlier days stay smaller as unsigned.
    let day = u128::from(at.date().num_days_from_ce().cast_unsigned() ^ (1 << 31));
    let time = at.time();
    day << 64 | u128::from(time.num_seconds_from_midnight()) << 32 | u128::from(time.nanosecond())
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// A planned dossier submitted at `at`, nothing else set.
    fn planned_at(at: NaiveDateTime) -> Planned {
        Planned {
            k: 0,
            seq: 0,
            procedure: 0,
            channel: Channel::Online,
            submitted_at: at,
            flaws: Vec::new(),
            transfer: false,
            scripted: None,
        }
    }

    #[test]
    fn dossiers_sort_by_moment_and_keep_drawing_order_at_the_same_minute() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let at = |d, s, ns| {
            NaiveDateTime::new(
                day(d),
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, ns).unwrap(),
            )
        };
        // Worked by hand: (moment, drawing position) pairs in order.
        let moments = [
            at(3, 600, 0),
            at(2, 900, 0),
            at(3, 600, 0),
            at(2, 60, 0),
            at(9, 0, 0),
        ];
        let whole: Vec<Planned> = moments.iter().map(|&m| planned_at(m)).collect();
        assert!(
            packed_keys(&whole).is_some(),
            "whole minutes take the packed keys"
        );
        assert_eq!(sorted_order(&whole), [3, 1, 0, 2, 4]);
        // A fraction of a second sends every dossier through the wide keys: same rule.
        let mut fractional = whole.clone();
        fractional.push(planned_at(at(2, 60, 5)));
        assert!(packed_keys(&fractional).is_none());
        assert_eq!(sorted_order(&fractional), [3, 5, 1, 0, 2, 4]);
        let sorted = by_moment(whole);
        assert!(
            sorted
                .windows(2)
                .all(|w| w[0].submitted_at <= w[1].submitted_at)
        );
    }

    #[test]
    fn moment_keys_order_as_the_moments_do() {
        let at = |y, m, d, s, ns| {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            NaiveDateTime::new(
                day,
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, ns).unwrap(),
            )
        };
        let moments = [
            at(-5, 1, 1, 0, 0),
            at(1, 1, 1, 0, 0),
            at(2026, 3, 2, 3600, 0),
            at(2026, 3, 2, 3600, 1),
            at(2026, 3, 2, 3601, 0),
            at(2026, 3, 2, 86_399, 1_999_999_999),
            at(2026, 3, 3, 0, 0),
        ];
        for a in moments {
            for b in moments {
                assert_eq!(moment_key(a).cmp(&moment_key(b)), a.cmp(&b), "{a} {b}");
            }
        }
    }
}

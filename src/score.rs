//! The score of an attempt, from its event log alone: every mistake with its code
//! and legal reference, the five QĐ 766 groups, a total of 0..100 and its band.

pub mod index;
pub mod judge;
pub mod mistake;
pub mod references;
pub mod timeliness;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde::Serialize;

pub use index::{Band, Group, GroupScore};
pub use mistake::{Mistake, MistakeCode};

use crate::scenario::{Channel, Scenario};
use crate::session::{Event, Happened};

use timeliness::Clock;

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub total: f64,
    pub band: Band,
    pub passed: bool,
    pub pass_score: u32,
    pub groups: Vec<GroupScore>,
    pub dossiers: Vec<DossierResult>,
    pub mistakes: Vec<Mistake>,
}

/// One line of the dossier table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierResult {
    pub code: String,
    pub procedure: String,
    pub channel: Channel,
    pub outcome: Outcome,
    pub due: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    /// `None` when no clock ran or it is still running.
    pub on_time: Option<bool>,
    pub apologized: bool,
    pub mistakes: usize,
}

/// Where a dossier stood at the end of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Returned,
    Processed,
    Refused,
    Stopped,
    Withdrawn,
    Processing,
    /// Sent to the competent commune of the province.
    Transferred,
    AwaitingSupplement,
    Waiting,
}

/// Score the attempt the events record.
pub fn score(scenario: &Scenario, events: &[Event]) -> Debrief {
    let mistakes = judge::mistakes(scenario, events);
    let clock = Clock::read(events);
    let dossiers = table(events, &clock, &mistakes);
    let total_dossiers = dossiers.len();
    let clean = |g: Group| {
        let hit: BTreeSet<&str> = mistakes
            .iter()
            .filter(|m| m.code.groups().contains(&g))
            .map(|m| m.dossier.as_str())
            .collect();
        total_dossiers - hit.len().min(total_dossiers)
    };
    let groups = index::groups(&scenario.scoring.weights, clean, total_dossiers);
    let total = index::round1(groups.iter().map(|g| g.points).sum());
    let pass_score = scenario.meta.pass_score;
    Debrief {
        total,
        band: Band::of(total),
        passed: total >= f64::from(pass_score),
        pass_score,
        groups,
        dossiers,
        mistakes,
    }
}

fn table(events: &[Event], clock: &Clock, mistakes: &[Mistake]) -> Vec<DossierResult> {
    let now = clock.last.unwrap_or_default();
    let mut rows: Vec<DossierResult> = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for e in events {
        if let Happened::Arrived {
            dossier,
            procedure,
            channel,
            ..
        } = &e.what
        {
            at.insert(dossier.clone(), rows.len());
            rows.push(DossierResult {
                code: dossier.clone(),
                procedure: procedure.clone(),
                channel: *channel,
                outcome: Outcome::Waiting,
                due: None,
                ended_at: None,
                on_time: None,
                apologized: false,
                mistakes: 0,
            });
            continue;
        }
        let Some(row) = e
            .what
            .dossier()
            .and_then(|d| at.get(d))
            .map(|&i| &mut rows[i])
        else {
            continue;
        };
        row.outcome = match (&e.what, row.outcome) {
            (Happened::Returned { .. }, _) => Outcome::Returned,
            (Happened::Refused { .. }, _) => Outcome::Refused,
            (Happened::Stopped { .. }, _) => Outcome::Stopped,
            (Happened::Withdrawn { .. }, _) => Outcome::Withdrawn,
            (Happened::Processed { .. }, _) => Outcome::Processed,
            (Happened::SupplementRequested { .. }, _) => Outcome::AwaitingSupplement,
            (Happened::SupplementReceived { .. }, Outcome::AwaitingSupplement) => Outcome::Waiting,
            (Happened::Forwarded { .. }, _) => Outcome::Processing,
            (Happened::Transferred { .. }, _) => Outcome::Transferred,
            (_, o) => o,
        };
    }
    for row in &mut rows {
        if let Some(t) = clock.dossiers.get(&row.code) {
            row.due = t.due;
            row.ended_at = t.ended_at;
            row.on_time = t.on_time(now);
            row.apologized = t.apologized_in_time;
        }
        row.mistakes = mistakes.iter().filter(|m| m.dossier == row.code).count();
    }
    rows
}

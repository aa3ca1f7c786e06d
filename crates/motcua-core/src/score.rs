//! The score of an attempt: every mistake with its code and legal reference, the
//! training score (điểm luyện tập) of the trainee's own work, and, apart from it, the
//! QĐ 766 indicators of the simulated desk (docs/engine.md, "Which number is which").
//! Read from the session: its event log, and each dossier's correct path.

pub mod grade;
pub mod judge;
pub mod mistake;
pub mod panel;
pub mod references;
pub mod steps;
pub mod timeliness;
pub mod trail;
pub mod training;
pub mod weights;

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

pub use grade::Grade;
pub use mistake::{Mistake, MistakeCode};
pub use panel::{Indicator, IndicatorId, Panel766};
pub use steps::{DossierSteps, StepMark};
pub use training::TrainingScore;

use crate::scenario::Channel;
use crate::session::{Event, Happened, Session};

use timeliness::Clock;

/// Everything the debrief shows. Not `Serialize`: a mistake's reference is a code
/// the shell puts in words (`cli::report` writes the JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    /// The period is over: the score is final. An unfinished log is scored as it
    /// stands, its remaining work counted as not done, and never kept as a result.
    pub is_final: bool,
    pub training: TrainingScore,
    pub panel_766: Panel766,
    pub dossiers: Vec<DossierResult>,
    pub mistakes: Vec<Mistake>,
    /// Dossiers of the period not arrived yet when an unfinished log stops.
    pub still_to_come: usize,
    /// Where the log stops (the period's end once it is over) and where the period ends.
    pub as_of: NaiveDateTime,
    pub period_end: NaiveDateTime,
}

impl Debrief {
    /// The training score, 0..100.
    pub fn total(&self) -> f64 {
        self.training.total
    }
    pub fn grade(&self) -> Grade {
        self.training.grade
    }
    pub fn passed(&self) -> bool {
        self.training.passed
    }
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
    /// Its part of the training score.
    pub earned: f64,
    pub possible: f64,
    pub steps: Vec<StepMark>,
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

/// Score the attempt the session has played: final once its period is over, else
/// as it stands.
pub fn score(session: &Session) -> Debrief {
    let scenario = session.scenario();
    let events = session.events();
    let is_final = session.is_over();
    let mistakes = judge::mistakes(scenario, events);
    let clock = Clock::read(events);
    let trails = trail::read(events);
    let weights = weights::Weights::of(&scenario.scoring);
    let empty = trail::Trail::default();
    let cutoff = session.period_end();
    // Each correct path is walked and dropped in turn (its dossier's details with
    // it): only its steps and its fee are kept, by the code the plan holds.
    let mut parts = Parts::default();
    let mut reached: usize = 0;
    for i in session.reachable() {
        reached += 1;
        let r = session.reach(i);
        let code = session.code(i);
        let own: Vec<&Mistake> = mistakes.iter().filter(|m| m.dossier == r.dossier).collect();
        let facts = steps::Facts {
            role: scenario.meta.role,
            period_end: session.period_end(),
            cutoff,
            weights: &weights,
            reach: &r,
            trail: trails.get(r.dossier.as_str()).unwrap_or(&empty),
            timing: clock.dossiers.get(r.dossier.as_str()),
            mistakes: &own,
        };
        parts.0.push((code, steps::evaluate(&facts), r.fee));
    }
    parts.sort();
    let all: Vec<&DossierSteps> = parts.0.iter().map(|(_, steps, _)| steps).collect();
    let training = TrainingScore::of(&all, &weights, scenario.meta.pass_score, is_final);
    let as_of = if is_final {
        session.period_end()
    } else {
        session.now()
    };
    let fee = |code: &str| parts.get(code).is_some_and(|(_, _, fee)| *fee);
    let panel_766 = panel::count::from_read(&trails, &clock, fee, as_of);
    drop(trails);
    let dossiers = table(events, &clock, &mistakes, parts);
    let still_to_come = reached.saturating_sub(dossiers.len());
    Debrief {
        is_final,
        training,
        panel_766,
        dossiers,
        mistakes,
        still_to_come,
        as_of,
        period_end: session.period_end(),
    }
}

fn table(
    events: &[Event],
    clock: &Clock,
    mistakes: &[Mistake],
    mut parts: Parts,
) -> Vec<DossierResult> {
    let now = clock.last.unwrap_or_default();
    // Exactly one row per arrival: growing by doubling would hold two tables at once.
    let arrivals = events
        .iter()
        .filter(|e| matches!(e.what, Happened::Arrived { .. }))
        .count();
    let mut rows: Vec<DossierResult> = Vec::with_capacity(arrivals);
    let mut at: BTreeMap<&str, usize> = BTreeMap::new();
    for e in events {
        if let Happened::Arrived {
            dossier,
            procedure,
            channel,
            ..
        } = &e.what
        {
            at.insert(dossier, rows.len());
            rows.push(DossierResult {
                code: dossier.to_string(),
                procedure: procedure.clone(),
                channel: *channel,
                outcome: Outcome::Waiting,
                due: None,
                ended_at: None,
                on_time: None,
                apologized: false,
                mistakes: 0,
                earned: 0.0,
                possible: 0.0,
                steps: Vec::new(),
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
        if let Some(t) = clock.dossiers.get(row.code.as_str()) {
            row.due = t.due;
            row.ended_at = t.ended_at;
            row.on_time = t.on_time(now);
            row.apologized = t.apologized_in_time;
        }
        row.mistakes = mistakes.iter().filter(|m| m.dossier == row.code).count();
        if let Some((_, p, _)) = parts.get_mut(row.code.as_str()) {
            row.earned = p.earned;
            row.possible = p.possible;
            row.steps = std::mem::take(&mut p.steps);
        }
    }
    rows
}

/// Each dossier's part of the training score and whether it is charged a fee, by
/// code: a list sorted once, half the memory of a map (its nodes filled in order
/// stay half empty), in the same order.
#[derive(Default)]
struct Parts<'a>(Vec<(&'a str, DossierSteps, bool)>);

impl<'a> Parts<'a> {
    fn sort(&mut self) {
        self.0.sort_unstable_by_key(|(code, _, _)| *code);
    }

    fn at(&self, code: &str) -> Option<usize> {
        self.0.binary_search_by_key(&code, |(c, _, _)| *c).ok()
    }

    fn get(&self, code: &str) -> Option<&(&'a str, DossierSteps, bool)> {
        self.at(code).map(|k| &self.0[k])
    }

    fn get_mut(&mut self, code: &str) -> Option<&mut (&'a str, DossierSteps, bool)> {
        self.at(code).map(|k| &mut self.0[k])
    }
}

//! A trainee's progress: per scenario the best and latest score, the attempts, the
//! mistakes made most often, and which scenario to practise next.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use motcua_core::scenario::model::keyed_enum;

use super::attempts::{AttemptInfo, Filter, Status, normalize_name};
use super::{Result, Store};
use motcua_core::score::Grade;

/// How many mistake codes `Progress::mistakes` keeps.
pub const TOP_MISTAKES: usize = 5;

/// A latest score under this is worth improving even when passed (the `xuat-sac` band).
pub const IMPROVE_BELOW: f64 = 90.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub total: f64,
    pub band: Grade,
    pub passed: bool,
    pub at: DateTime<Utc>,
    /// The simulated world it was scored in (`session::WORLD_VERSION` then).
    pub world_version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioProgress {
    pub scenario: String,
    /// Every attempt, finished or not.
    pub attempts: usize,
    pub finished: usize,
    pub best: Option<Score>,
    pub latest: Option<Score>,
    pub passed_ever: bool,
    /// An open attempt of this motcua's world waits to be resumed.
    pub unfinished: bool,
    /// An open attempt of another world: it cannot be resumed, only abandoned.
    pub unfinished_other_world: bool,
    pub last_played: DateTime<Utc>,
}

keyed_enum!(
    /// Why a scenario is suggested next.
    SuggestionReason {
        /// An attempt was left unfinished.
        Continue = "continue",
        /// Played, never passed.
        Retry = "retry",
        /// The next scenario of the curriculum not played yet.
        Next = "next",
        /// Passed, but the latest score is below the top band.
        Improve = "improve",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub scenario: String,
    pub reason: SuggestionReason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub trainee: String,
    /// In the curriculum's order, then any other scenario by id.
    pub scenarios: Vec<ScenarioProgress>,
    /// Mistake codes over every finished attempt, most frequent first (ties by code).
    pub mistakes: Vec<(String, u32)>,
    pub suggestion: Option<Suggestion>,
}

impl Store {
    /// The trainee's progress. `curriculum` lists the scenario ids on offer, easiest
    /// first (the built-in order); it orders the table and drives the suggestion.
    pub fn progress(&self, trainee: &str, curriculum: &[&str]) -> Result<Progress> {
        let name = normalize_name(trainee);
        let attempts = self.attempts(&Filter {
            trainees: vec![name.clone()],
            ..Filter::default()
        })?;
        Ok(summarize(&name, &attempts, curriculum))
    }
}

/// Progress from a trainee's attempts (oldest first).
pub fn summarize(trainee: &str, attempts: &[AttemptInfo], curriculum: &[&str]) -> Progress {
    let mut by_scenario: BTreeMap<&str, Vec<&AttemptInfo>> = BTreeMap::new();
    let mut mistakes: BTreeMap<&str, u32> = BTreeMap::new();
    for a in attempts {
        by_scenario.entry(a.scenario.as_str()).or_default().push(a);
        if a.status == Status::Finished {
            for (code, n) in &a.mistakes {
                *mistakes.entry(code.as_str()).or_default() += n;
            }
        }
    }
    let rank = |id: &str| {
        curriculum
            .iter()
            .position(|c| *c == id)
            .unwrap_or(usize::MAX)
    };
    let mut scenarios: Vec<ScenarioProgress> = by_scenario
        .iter()
        .map(|(id, list)| scenario_progress(id, list))
        .collect();
    scenarios.sort_by(|a, b| {
        rank(&a.scenario)
            .cmp(&rank(&b.scenario))
            .then_with(|| a.scenario.cmp(&b.scenario))
    });
    let mut top: Vec<(String, u32)> = mistakes
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(TOP_MISTAKES);
    // Only an attempt of this world can be continued.
    let open = attempts
        .iter()
        .rev()
        .find(|a| a.status == Status::Open && a.is_current_world())
        .map(|a| a.scenario.as_str());
    Progress {
        trainee: trainee.to_string(),
        suggestion: suggest(&scenarios, open, curriculum),
        scenarios,
        mistakes: top,
    }
}

fn scenario_progress(id: &str, list: &[&AttemptInfo]) -> ScenarioProgress {
    let scored: Vec<Score> = list
        .iter()
        .filter(|a| a.status == Status::Finished)
        .filter_map(|a| {
            Some(Score {
                total: a.total?,
                band: a.band.unwrap_or(Grade::of(a.total?)),
                passed: a.passed.unwrap_or(false),
                at: a.ended_at.unwrap_or(a.started_at),
                world_version: a.world_version,
            })
        })
        .collect();
    let best = scored
        .iter()
        .max_by(|a, b| a.total.total_cmp(&b.total).then_with(|| b.at.cmp(&a.at)))
        .cloned();
    let latest = scored.iter().max_by_key(|s| s.at).cloned();
    ScenarioProgress {
        scenario: id.to_string(),
        attempts: list.len(),
        finished: scored.len(),
        passed_ever: scored.iter().any(|s| s.passed),
        best,
        latest,
        unfinished: list
            .iter()
            .any(|a| a.status == Status::Open && a.is_current_world()),
        unfinished_other_world: list
            .iter()
            .any(|a| a.status == Status::Open && !a.is_current_world()),
        last_played: list
            .iter()
            .map(|a| a.ended_at.unwrap_or(a.started_at))
            .max()
            .unwrap_or_default(),
    }
}

/// Which scenario next: the one left unfinished; else the played-but-never-passed one
/// with the lowest best score; else the first of the curriculum never finished; else
/// the passed one with the lowest latest score under 90.
pub fn suggest(
    scenarios: &[ScenarioProgress],
    open: Option<&str>,
    curriculum: &[&str],
) -> Option<Suggestion> {
    let pick = |scenario: &str, reason| {
        Some(Suggestion {
            scenario: scenario.to_string(),
            reason,
        })
    };
    if let Some(id) = open {
        return pick(id, SuggestionReason::Continue);
    }
    let total = |s: &ScenarioProgress, which: fn(&ScenarioProgress) -> &Option<Score>| {
        which(s).as_ref().map_or(0.0, |x| x.total)
    };
    if let Some(s) = scenarios
        .iter()
        .filter(|s| s.finished > 0 && !s.passed_ever)
        .min_by(|a, b| total(a, |s| &s.best).total_cmp(&total(b, |s| &s.best)))
    {
        return pick(&s.scenario, SuggestionReason::Retry);
    }
    if let Some(id) = curriculum.iter().find(|id| {
        !scenarios
            .iter()
            .any(|s| s.scenario == **id && s.finished > 0)
    }) {
        return pick(id, SuggestionReason::Next);
    }
    scenarios
        .iter()
        .filter(|s| total(s, |s| &s.latest) < IMPROVE_BELOW && s.finished > 0)
        .min_by(|a, b| total(a, |s| &s.latest).total_cmp(&total(b, |s| &s.latest)))
        .and_then(|s| pick(&s.scenario, SuggestionReason::Improve))
}

//! Claims from a Learning Record Store: motcua's statements grouped into attempts by
//! their registration (`xapi::read`); the log the end statement carries is replayed,
//! the pace of an exam is read from the LRS's own `stored` times. A claim's `origin`
//! is the id of its `completed` statement (the registration for an unfinished one).

use serde_json::Value;

use super::claim::{Claim, Claimed, Evidence, Pace};
use crate::export::stream::Actions;
use crate::export::xapi::read::{self, End, Recorded};
use crate::store::{Mode, parse_timestamp};

/// The attempts among `statements`, and how many statements were not motcua's.
pub fn claims(statements: &[Value]) -> (Vec<Claim>, usize) {
    let (recorded, skipped) = read::attempts(statements);
    (recorded.into_iter().flat_map(claims_of).collect(), skipped)
}

/// One claim per distinct `completed` statement of the attempt (an edited copy is a
/// claim of its own, refused when the replay disagrees), or one unfinished claim when
/// it was never completed.
fn claims_of(r: Recorded) -> Vec<Claim> {
    let mut completed: Vec<&End> = Vec::new();
    for end in r.ends.iter().filter(|e| e.completed) {
        let same =
            |o: &&End| (o.score, o.success, &o.actions) == (end.score, end.success, &end.actions);
        if !completed.iter().any(same) {
            completed.push(end);
        }
    }
    if completed.is_empty() {
        // Given up, or still going: the longest log known, never scored.
        let last = r.ends.iter().max_by_key(|e| e.actions.len());
        return vec![claim(&r, last, r.registration.clone())];
    }
    completed
        .into_iter()
        .map(|end| claim(&r, Some(end), end.id.clone()))
        .collect()
}

fn claim(r: &Recorded, end: Option<&End>, origin: String) -> Claim {
    let started_at = parse_timestamp(&r.started_at).unwrap_or_default();
    let (log, claimed, laptop_end) = match end {
        Some(end) => {
            let claimed = end.completed.then(|| Claimed {
                // A completed statement stripped of its score claims nothing a
                // replay can match: it is refused as edited.
                total: end.score.unwrap_or(f64::NEG_INFINITY),
                passed: end.success.unwrap_or(false),
            });
            let ended = end.ended_at.as_deref().and_then(parse_timestamp);
            (Actions::from_values(&end.actions), claimed, ended)
        }
        None => (Actions::Read(Vec::new()), None, None),
    };
    let actions = match &log {
        Actions::Read(a) => a.len() as u64,
        Actions::Bad { .. } => 0,
    };
    let pace = (r.mode == Mode::Exam)
        .then(|| stored_pace(r))
        .flatten()
        .or_else(|| Pace::laptop(started_at, laptop_end, actions));
    Claim {
        origin,
        trainee: r.trainee.clone(),
        scenario: r.scenario.clone(),
        scenario_sha256: r.scenario_sha256.clone(),
        seed: r.seed,
        mode: r.mode,
        started_at,
        world_version: r.world_version,
        played_via: r.played_via,
        log,
        claimed,
        pace,
    }
}

/// From the first to the last `interacted` statement the LRS stored.
fn stored_pace(r: &Recorded) -> Option<Pace> {
    let times: Vec<_> = r
        .interactions
        .iter()
        .filter_map(|(_, s)| s.stored)
        .collect();
    let first = times.iter().min()?;
    let last = times.iter().max()?;
    (times.len() >= 2).then(|| Pace {
        evidence: Evidence::LrsStored,
        seconds: (*last - *first).num_milliseconds().max(0) as f64 / 1000.0,
        steps: times.len() as u64 - 1,
    })
}

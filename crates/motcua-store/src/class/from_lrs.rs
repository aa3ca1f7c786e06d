//! Claims from a Learning Record Store: motcua's statements grouped into attempts by
//! their registration (`xapi::read`); the log the end statement carries is replayed,
//! the pace of an exam is read from the LRS's own `stored` times (and, to tell a late
//! batch from a script, from the laptop's `timestamp`s of the same statements). A claim's `origin`
//! is the id of its `completed` statement (the registration for an unfinished one).

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::claim::{Claim, Claimed, Evidence, Pace};
use crate::export::stream::Actions;
use crate::export::xapi::read::{self, End, Recorded, Stamp};
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
    let stored = (r.mode == Mode::Exam)
        .then(|| interaction_pace(r))
        .flatten();
    let laptop_pace =
        stored.and_then(|_| interaction_pace_by(r, |s| s.timestamp, Evidence::LaptopActions));
    let pace = stored.or_else(|| Pace::laptop(started_at, laptop_end, actions));
    Claim {
        origin,
        trainee: r.trainee.clone(),
        trainee_id: r.trainee_id.clone(),
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
        laptop_pace,
        workshop: r.workshop.clone(),
    }
}

/// From the first to the last `interacted` statement the LRS stored.
fn interaction_pace(r: &Recorded) -> Option<Pace> {
    interaction_pace_by(r, |s| s.stored, Evidence::LrsStored)
}

/// From the first to the last `interacted` statement, by one clock: the LRS's `stored`
/// or the laptop's `timestamp`.
fn interaction_pace_by(
    r: &Recorded,
    clock: impl Fn(&Stamp) -> Option<DateTime<Utc>>,
    evidence: Evidence,
) -> Option<Pace> {
    let times: Vec<_> = r
        .interactions
        .iter()
        .filter_map(|(_, s)| clock(s))
        .collect();
    let first = times.iter().min()?;
    let last = times.iter().max()?;
    (times.len() >= 2).then(|| Pace {
        evidence,
        seconds: (*last - *first).num_milliseconds().max(0) as f64 / 1000.0,
        steps: times.len() as u64 - 1,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::class::suspect::{self, FlagKind};
    use crate::export::xapi::profile::{ext, scenario_iri, verb_iri};

    const T0: i64 = 1_772_413_200; // 2026-03-02T01:00:00Z

    fn at(millis: i64) -> String {
        let t = DateTime::from_timestamp_millis(T0 * 1000 + millis).unwrap();
        t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    fn statement(verb: &str, mode: &str, timestamp: String, stored: String) -> Value {
        json!({
            "id": format!("{verb}-{timestamp}"),
            "actor": {"name": "An"},
            "verb": {"id": verb_iri(verb)},
            "object": {"id": scenario_iri("x"), "definition": {"extensions": {
                ext("scenario-sha256"): "ab", ext("seed"): 1}}},
            "context": {"registration": "r1", "extensions": {
                ext("mode"): mode, ext("started-at"): at(0), ext("world-version"): 5}},
            "timestamp": timestamp,
            "stored": stored,
        })
    }

    /// An attempt of 12 actions: the LRS stored action i at `stored(i)` ms after T0, the
    /// laptop stamped it `laptop(i)` ms after T0.
    fn attempt(mode: &str, stored: impl Fn(i64) -> i64, laptop: impl Fn(i64) -> i64) -> Claim {
        let mut all = Vec::new();
        let mut log = Vec::new();
        for i in 0..12 {
            let mut s = statement("interacted", mode, at(laptop(i)), at(stored(i)));
            s["result"] =
                json!({"extensions": {ext("action"): {"seq": i + 1, "action": "end-day"}}});
            all.push(s);
            log.push(json!({"seq": i + 1, "action": "end-day"}));
        }
        let mut end = statement("completed", mode, at(laptop(11)), at(stored(11)));
        end["result"] = json!({"score": {"raw": 10.0}, "success": false,
            "extensions": {ext("actions"): log, ext("ended-at"): at(laptop(11))}});
        all.push(end);
        let (claims, skipped) = claims(&all);
        assert_eq!((claims.len(), skipped), (1, 0));
        claims.into_iter().next().unwrap()
    }

    #[test]
    fn an_exam_sent_late_in_one_batch_is_not_called_too_fast() {
        // Stored 100 ms apart: 11 gaps over 1.1 s = 0.10 s per action (bunched). The
        // laptop stamped them 30 s apart: 11 gaps over 330 s = 30.00 s per action.
        let late = attempt("exam", |i| 3_600_000 + i * 100, |i| i * 30_000);
        let flags = suspect::flags(&late, None);
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].kind, FlagKind::LateBatch);
        assert_eq!(flags[0].evidence, "laptop-actions");
        assert_eq!(flags[0].seconds_per_action, Some(30.0));
        assert_eq!(flags[0].stored_seconds_per_action, Some(0.1));
    }

    #[test]
    fn bunched_by_both_clocks_is_too_fast_by_the_lrs_clock() {
        // Both clocks 100 ms apart: 0.10 s per action, a script, judged by the LRS.
        let fast = attempt("exam", |i| i * 100, |i| i * 100);
        let flags = suspect::flags(&fast, None);
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].kind, FlagKind::Fast);
        assert_eq!(flags[0].evidence, "lrs-stored");
        assert_eq!(flags[0].seconds_per_action, Some(0.1));
        // A laptop 0.9 s per action (11 gaps over 9.9 s) is not a person's pace either.
        let fast = attempt("exam", |i| i * 100, |i| i * 900);
        assert_eq!(suspect::flags(&fast, None)[0].kind, FlagKind::Fast);
    }

    #[test]
    fn practice_has_no_stored_pace_and_is_judged_by_the_laptop() {
        // Practice sends no interacted statements when not asked; here it did, but the
        // pace of practice is the laptop's start to end: 330 s over 12 actions = 27.5 s.
        let practice = attempt("practice", |i| i * 100, |i| i * 30_000);
        assert_eq!(
            practice.pace.map(|p| p.evidence),
            Some(Evidence::LaptopClock)
        );
        assert!(practice.laptop_pace.is_none());
        assert!(suspect::flags(&practice, None).is_empty());
    }
}

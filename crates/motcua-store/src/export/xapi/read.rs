//! Statements back from an LRS, grouped into attempts for the class view: whatever an
//! attempt's statements say is a claim to check (the class replays the log and
//! re-scores it); what the LRS added itself (`stored`) is the evidence of pace.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::profile::{self, ext, verb_name};
use crate::store::{Mode, PlayedVia, parse_timestamp};

/// When a statement was made (the laptop's clock) and stored (the LRS's clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub timestamp: Option<DateTime<Utc>>,
    pub stored: Option<DateTime<Utc>>,
}

/// How an attempt's statements end it.
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    /// The statement's own id.
    pub id: String,
    /// `completed` (the period was played out) rather than `terminated`.
    pub completed: bool,
    /// The action log the statement carries, as JSON (`{"seq":1,"action":…}`).
    pub actions: Vec<Value>,
    /// `result.score.raw` and `result.success` as recorded (a completed attempt).
    pub score: Option<f64>,
    pub success: Option<bool>,
    pub ended_at: Option<String>,
    pub stamp: Stamp,
}

/// One attempt as its statements tell it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub registration: String,
    pub trainee: String,
    /// The trainee's roster id, from the `trainee-id` context extension only.
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub scenario_sha256: String,
    pub seed: u64,
    pub mode: Mode,
    pub started_at: String,
    pub played_via: Option<PlayedVia>,
    pub world_version: u32,
    pub engine_version: String,
    /// The workshop grouping, when there is one.
    pub workshop: Option<String>,
    /// Every end statement of the attempt, in the order read. One attempt has one
    /// `completed` (or a `terminated` when given up, then resumed and completed); a
    /// second `completed` that says something else is a copy someone edited, and the
    /// class checks each.
    pub ends: Vec<End>,
    /// `interacted` statements: (seq, stamp), in seq order.
    pub interactions: Vec<(u64, Stamp)>,
}

/// Every attempt of motcua's statements among `statements`; others are not counted.
/// Returns the attempts (by registration) and how many statements were not motcua's
/// or did not read.
pub fn attempts(statements: &[Value]) -> (Vec<Recorded>, usize) {
    let mut by: BTreeMap<String, Recorded> = BTreeMap::new();
    let mut skipped = 0;
    for s in statements {
        if read_one(s, &mut by).is_none() {
            skipped += 1;
        }
    }
    for r in by.values_mut() {
        r.interactions.sort_by_key(|(seq, _)| *seq);
        r.interactions.dedup_by_key(|(seq, _)| *seq);
    }
    (by.into_values().collect(), skipped)
}

fn read_one(s: &Value, by: &mut BTreeMap<String, Recorded>) -> Option<()> {
    let verb = verb_name(s.pointer("/verb/id")?.as_str()?)?;
    let scenario = profile::scenario_of(s.pointer("/object/id")?.as_str()?)?.to_string();
    let context = s.get("context")?;
    let registration = context.get("registration")?.as_str()?.to_string();
    let cx = |name: &str| context.pointer(&format!("/extensions/{}", escape(&ext(name))));
    let ox = |name: &str| {
        s.pointer(&format!(
            "/object/definition/extensions/{}",
            escape(&ext(name))
        ))
    };
    let stamp = Stamp {
        timestamp: time(s.get("timestamp")),
        stored: time(s.get("stored")),
    };
    let entry = match by.entry(registration.clone()) {
        std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::btree_map::Entry::Vacant(v) => v.insert(Recorded {
            registration,
            trainee: s
                .pointer("/actor/name")
                .or_else(|| s.pointer("/actor/account/name"))?
                .as_str()?
                .to_string(),
            trainee_id: cx("trainee-id")
                .and_then(Value::as_str)
                .map(crate::store::attempts::normalize_name)
                .filter(|id| !id.is_empty()),
            scenario,
            scenario_sha256: ox("scenario-sha256")?.as_str()?.to_string(),
            seed: ox("seed")?.as_u64()?,
            mode: Mode::from_key(cx("mode")?.as_str()?)?,
            started_at: cx("started-at")?.as_str()?.to_string(),
            played_via: cx("played-via")
                .and_then(Value::as_str)
                .and_then(PlayedVia::from_key),
            world_version: cx("world-version")
                .and_then(Value::as_u64)
                .and_then(|w| u32::try_from(w).ok())
                .unwrap_or(1),
            engine_version: cx("engine-version")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            workshop: s
                .pointer("/context/contextActivities/grouping/0/id")
                .and_then(Value::as_str)
                .map(String::from),
            ends: Vec::new(),
            interactions: Vec::new(),
        }),
    };
    match verb {
        "interacted" => {
            let seq = s
                .pointer(&format!(
                    "/result/extensions/{}/seq",
                    escape(&ext("action"))
                ))?
                .as_u64()?;
            entry.interactions.push((seq, stamp));
        }
        "completed" | "terminated" => {
            entry.ends.push(end_of(s, verb == "completed", stamp)?);
        }
        _ => {}
    }
    Some(())
}

/// Whether `s` names `activity` among its context activities' groupings: what an LRS
/// asked for `activity` with `related_activities=true` returns, checked again here in
/// case an LRS ignores the filter and answers everything.
pub fn grouped_under(s: &Value, activity: &str) -> bool {
    s.pointer("/context/contextActivities/grouping")
        .and_then(Value::as_array)
        .is_some_and(|g| {
            g.iter()
                .any(|a| a.get("id").and_then(Value::as_str) == Some(activity))
        })
}

fn end_of(s: &Value, completed: bool, stamp: Stamp) -> Option<End> {
    let rx = |name: &str| s.pointer(&format!("/result/extensions/{}", escape(&ext(name))));
    Some(End {
        id: s.get("id")?.as_str()?.to_string(),
        completed,
        actions: rx("actions")?.as_array()?.clone(),
        score: s.pointer("/result/score/raw").and_then(Value::as_f64),
        success: s.pointer("/result/success").and_then(Value::as_bool),
        ended_at: rx("ended-at").and_then(Value::as_str).map(String::from),
        stamp,
    })
}

fn time(v: Option<&Value>) -> Option<DateTime<Utc>> {
    parse_timestamp(v?.as_str()?)
}

/// A JSON pointer token: `~` and `/` escaped (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

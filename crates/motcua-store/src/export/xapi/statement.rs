//! The statements of one attempt (docs/workshop.md has an example of each):
//! `initialized` when it starts, `interacted` per committed action (always in an exam,
//! in practice when the workshop asks), `completed` with `passed` or `failed` when its
//! period is over, `terminated` when it ends unfinished (given up, or handed in before
//! its period was over). All share the actor, the object (the scenario) and the context
//! (registration, mode, language, engine); the end carries the action log so the
//! receiver can re-score it by replay.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::ids;
use super::profile::{self, Profile, ext, language_tag, verb_iri};
use super::result::AttemptResult;
use crate::store::outbox::OpenedIn;
use crate::store::{AttemptInfo, Mode, Outgoing, timestamp};
use motcua_core::scenario::Scenario;
use motcua_core::session::action::{Action, LoggedAction};

/// Everything the statements of one attempt share.
#[derive(Debug, Clone)]
pub struct AttemptStatements {
    pub registration: Uuid,
    actor: Value,
    object: Value,
    context: Value,
    started_at: DateTime<Utc>,
    /// Send an `interacted` statement per committed action.
    interactions: bool,
}

impl AttemptStatements {
    pub fn new(profile: &Profile, info: &AttemptInfo, scenario: &Scenario) -> AttemptStatements {
        let started = timestamp(info.started_at);
        let registration = ids::of_attempt(info);
        // The roster id, when the trainee has one, is the account's name: two
        // namesakes are two agents for the LRS. `actor.name` stays the name.
        let account = info.roster_id.as_deref().unwrap_or(&info.trainee);
        let actor = json!({
            "objectType": "Agent",
            "name": info.trainee,
            "account": {"homePage": profile.home_page, "name": account},
        });
        let title_en = scenario
            .meta
            .title_en
            .as_deref()
            .unwrap_or(&scenario.meta.title);
        let object = json!({
            "objectType": "Activity",
            "id": profile::scenario_iri(&info.scenario),
            "definition": {
                "type": profile::SIMULATION,
                "name": {"vi-VN": scenario.meta.title, "en-US": title_en},
                "extensions": {
                    ext("scenario-sha256"): info.scenario_sha256,
                    ext("seed"): info.seed,
                },
            },
        });
        let mut context = json!({
            "registration": registration.to_string(),
            "platform": "motcua",
            "language": language_tag(profile.lang),
            "extensions": {
                ext("mode"): info.mode.key(),
                ext("engine-version"): info.engine_version,
                ext("world-version"): info.world_version,
                ext("played-via"): info.played_via.map(|v| v.key()),
                ext("started-at"): started,
                ext("pass-score"): scenario.meta.pass_score,
            },
        });
        // The id again where nothing else is: the one place the class report reads it
        // from (an account name alone cannot say whether it is an id or a name).
        if let Some(id) = &info.roster_id {
            context["extensions"][ext("trainee-id")] = json!(id);
        }
        // The attempt's own workshop once it has one on record, so a resumed attempt
        // keeps the grouping it opened with (`OpenedIn`).
        let workshop = match &info.workshop {
            OpenedIn::NotRecorded => profile.workshop.as_deref(),
            opened => opened.name(),
        };
        if let Some(name) = workshop {
            context["contextActivities"] = grouping(name);
        }
        AttemptStatements {
            registration,
            actor,
            object,
            context,
            started_at: info.started_at,
            interactions: info.mode == Mode::Exam || profile.practice_actions,
        }
    }

    /// `initialized`, at the attempt's start.
    pub fn initialized(&self) -> Vec<Outgoing> {
        vec![self.statement("initialized", 0, self.started_at, None)]
    }

    /// `interacted` for the `seq`-th action, committed at `at`; nothing when this
    /// attempt does not send its actions.
    pub fn interacted(&self, seq: u64, action: &Action, at: DateTime<Utc>) -> Vec<Outgoing> {
        if !self.interactions {
            return Vec::new();
        }
        let logged = LoggedAction {
            seq,
            action: action.clone(),
        };
        let result = json!({"extensions": {
            ext("action"): serde_json::to_value(&logged).unwrap_or(Value::Null),
        }});
        vec![self.statement("interacted", seq, at, Some(result))]
    }

    /// The end of an attempt whose score is final: `completed` with the whole result,
    /// then `passed` or `failed`.
    pub fn finished(
        &self,
        result: &AttemptResult,
        actions: &[Action],
        ended_at: DateTime<Utc>,
    ) -> Vec<Outgoing> {
        let seq = actions.len() as u64;
        let full = self.result(Some(result), actions, ended_at, true);
        let verdict = if result.passed { "passed" } else { "failed" };
        let short = json!({
            "score": score(result),
            "success": result.passed,
            "completion": true,
            "duration": full["duration"].clone(),
        });
        vec![
            self.statement("completed", seq, ended_at, Some(full)),
            self.statement(verdict, seq, ended_at, Some(short)),
        ]
    }

    /// The end of an attempt left unfinished: `terminated`, `completion: false`, with
    /// the log and its score as it stands (labelled not final; `None` when the log
    /// cannot be scored by this motcua, an attempt of an older world).
    pub fn terminated(
        &self,
        as_it_stands: Option<&AttemptResult>,
        actions: &[Action],
        ended_at: DateTime<Utc>,
    ) -> Vec<Outgoing> {
        let seq = actions.len() as u64;
        let result = self.result(as_it_stands, actions, ended_at, false);
        vec![self.statement("terminated", seq, ended_at, Some(result))]
    }

    fn result(
        &self,
        r: Option<&AttemptResult>,
        actions: &[Action],
        ended_at: DateTime<Utc>,
        completion: bool,
    ) -> Value {
        let log: Vec<LoggedAction> = actions
            .iter()
            .enumerate()
            .map(|(i, a)| LoggedAction {
                seq: i as u64 + 1,
                action: a.clone(),
            })
            .collect();
        let mut result = json!({
            "completion": completion,
            "duration": duration(ended_at - self.started_at),
            "extensions": {
                ext("actions"): log,
                ext("ended-at"): timestamp(ended_at),
            },
        });
        let Some(r) = r else { return result };
        let extensions = &mut result["extensions"];
        extensions[ext("final")] = json!(r.finished);
        extensions[ext("grade")] = json!(r.grade);
        extensions[ext("panel-766")] = r.panel.clone();
        extensions[ext("mistakes")] = json!(r.mistakes);
        if completion {
            result["score"] = score(r);
            result["success"] = json!(r.passed);
        } else {
            // Not a final score: kept apart from `result.score`, so no LMS takes it for one.
            extensions[ext("score-as-it-stands")] = json!(r.training_score);
        }
        result
    }

    fn statement(
        &self,
        verb: &str,
        seq: u64,
        at: DateTime<Utc>,
        result: Option<Value>,
    ) -> Outgoing {
        let id = ids::statement(self.registration, verb, seq);
        let display = profile::VERBS
            .iter()
            .find(|v| v.0 == verb)
            .map_or_else(|| json!({}), |v| json!({"vi-VN": v.1, "en-US": v.2}));
        let mut s = json!({
            "id": id.to_string(),
            "actor": self.actor,
            "verb": {"id": verb_iri(verb), "display": display},
            "object": self.object,
            "context": self.context,
            "timestamp": timestamp(at),
        });
        if let Some(r) = result {
            s["result"] = r;
        }
        Outgoing {
            statement_id: id.to_string(),
            verb: verb.to_string(),
            body: s.to_string(),
        }
    }
}

/// The workshop as the statements' grouping activity (xAPI 1.0.3, 2.4.6.2: an activity
/// with an indirect relation to the statement's object, the scenario). Its name is
/// the workshop's own, the same in both languages; its description is the catalogue's
/// words for a workshop.
fn grouping(name: &str) -> Value {
    use motcua_i18n::Lang;
    let describe = |lang| motcua_i18n::t!(lang, "class.workshop.activity");
    json!({"grouping": [{
        "objectType": "Activity",
        "id": profile::workshop_iri(name),
        "definition": {
            "name": {"vi-VN": name, "en-US": name},
            "description": {"vi-VN": describe(Lang::Vi), "en-US": describe(Lang::En)},
        },
    }]})
}

/// `result.score`: scaled 0..1, raw, min 0, max 100.
fn score(r: &AttemptResult) -> Value {
    let raw = r.training_score.clamp(0.0, 100.0);
    json!({"scaled": (raw / 100.0 * 1000.0).round() / 1000.0, "raw": raw, "min": 0, "max": 100})
}

/// An ISO 8601 duration in whole seconds: `PT1H2M3S`, `PT0S`.
pub fn duration(d: chrono::Duration) -> String {
    let total = d.num_seconds().max(0);
    let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_is_scaled_to_three_decimals_and_kept_within_0_100() {
        let mut r = AttemptResult {
            training_score: 73.46,
            passed: true,
            pass_score: 70,
            grade: "kha".into(),
            panel: Value::Null,
            mistakes: Vec::new(),
            flaws: Default::default(),
            finished: true,
        };
        // 73.46 / 100 = 0.7346, to three decimals 0.735.
        assert_eq!(
            score(&r),
            json!({"scaled": 0.735, "raw": 73.46, "min": 0, "max": 100})
        );
        r.training_score = 100.4;
        assert_eq!(score(&r)["raw"], 100.0);
        assert_eq!(score(&r)["scaled"], 1.0);
    }

    #[test]
    fn durations_read_as_iso_8601() {
        let secs = chrono::Duration::seconds;
        assert_eq!(duration(secs(0)), "PT0S");
        assert_eq!(duration(secs(59)), "PT59S");
        assert_eq!(duration(secs(3600)), "PT1H");
        assert_eq!(duration(secs(3723)), "PT1H2M3S");
        assert_eq!(duration(secs(-5)), "PT0S");
    }
}

//! One attempt of a streamed bundle: its fields as small values, its action log parsed
//! action by action straight into `Action`s (`super` reads the list of attempts).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::{Actions, BadField, ReadAttempt};
use crate::export::bundle::{BundleAttempt, WORLD_ONE};
use motcua_core::limits;
use motcua_core::session::action::{Action, LoggedAction};

impl Actions {
    /// A log held as JSON values (a bundle in memory), read as a streamed one is.
    pub fn from_values(values: &[Value]) -> Actions {
        let mut actions = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            match action(i as u64 + 1, LoggedAction::deserialize(value)) {
                Ok(a) => actions.push(a),
                Err(bad) => return bad,
            }
        }
        Actions::Read(actions)
    }
}

/// Action `expected` of a log as parsed: the action, or `Actions::Bad`.
fn action(expected: u64, parsed: serde_json::Result<LoggedAction>) -> Result<Action, Actions> {
    match parsed {
        Ok(logged) if logged.seq == expected => Ok(logged.action),
        Ok(logged) => Err(Actions::Bad {
            seq: expected,
            detail: format!("seq {}, expected {expected}", logged.seq),
        }),
        Err(e) => Err(Actions::Bad {
            seq: expected,
            detail: e.to_string(),
        }),
    }
}

/// An attempt's fields as read: small values, and its log already typed.
#[derive(Default)]
pub(super) struct Fields {
    values: Vec<(&'static str, Value)>,
    actions: Option<Result<Actions, BadField>>,
}

/// The fields of an attempt, in the order they are checked.
const FIELDS: [&str; 15] = [
    "trainee",
    "trainee_id",
    "scenario",
    "scenario_sha256",
    "seed",
    "mode",
    "engine_version",
    "world_version",
    "started_at",
    "ended_at",
    "total",
    "band",
    "passed",
    "played_via",
    "unfinished",
];

impl Fields {
    /// Each field to its type; the first that does not convert is the `BadField`.
    pub(super) fn into_attempt(mut self) -> ReadAttempt {
        let actions = self.actions.take().unwrap_or_else(|| {
            Err(BadField {
                field: "actions",
                value: "null".into(),
            })
        })?;
        // Absent in a layout-1 bundle, written before world versions existed.
        let written_world = self.values.iter().any(|(k, _)| *k == "world_version");
        let mut take = |field: &'static str| -> Value {
            let at = self.values.iter().rposition(|(k, _)| *k == field);
            at.map_or(Value::Null, |i| self.values.swap_remove(i).1)
        };
        let attempt = BundleAttempt {
            trainee: typed(&mut take, "trainee")?,
            // Optional: null or absent is "no id".
            trainee_id: typed(&mut take, "trainee_id")?,
            scenario: typed(&mut take, "scenario")?,
            scenario_sha256: typed(&mut take, "scenario_sha256")?,
            seed: typed(&mut take, "seed")?,
            mode: typed(&mut take, "mode")?,
            engine_version: typed(&mut take, "engine_version")?,
            world_version: if written_world {
                typed(&mut take, "world_version")?
            } else {
                WORLD_ONE
            },
            started_at: typed(&mut take, "started_at")?,
            ended_at: typed(&mut take, "ended_at")?,
            total: typed(&mut take, "total")?,
            band: typed(&mut take, "band")?,
            passed: typed(&mut take, "passed")?,
            // Optional: null or absent is "not known".
            played_via: typed(&mut take, "played_via")?,
            // Absent: a finished attempt (every bundle before "Submit" existed).
            unfinished: typed::<Option<bool>>(&mut take, "unfinished")?.unwrap_or(false),
            actions,
        };
        Ok(attempt)
    }
}

fn typed<T: serde::de::DeserializeOwned>(
    take: &mut impl FnMut(&'static str) -> Value,
    field: &'static str,
) -> Result<T, BadField> {
    let value = take(field);
    let shown: String = value.to_string().chars().take(80).collect();
    serde_json::from_value(value).map_err(|_| BadField {
        field,
        value: shown,
    })
}

/// One attempt: `Err(found)` when it is not an object.
pub(super) struct AttemptSeed;

impl<'de> DeserializeSeed<'de> for AttemptSeed {
    type Value = Result<Fields, String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(AttemptVisitor)
    }
}

struct AttemptVisitor;

impl<'de> Visitor<'de> for AttemptVisitor {
    type Value = Result<Fields, String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an attempt (a JSON object)")
    }
    other_types!(Fields);
    fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<Self::Value, S::Error> {
        IgnoredAny.visit_seq(seq)?;
        Ok(Err("[…]".into()))
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == "actions" {
                fields.actions = Some(map.next_value_seed(ActionsSeed)?);
            } else if let Some(name) = FIELDS.iter().find(|f| **f == key) {
                let value: Value = map.next_value()?;
                fields.values.push((name, value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Ok(fields))
    }
}

/// An action log: each action parsed as it is read; after the first bad one, and
/// past `limits::LOG_ACTIONS`, the rest is skipped unread.
struct ActionsSeed;

impl<'de> DeserializeSeed<'de> for ActionsSeed {
    type Value = Result<Actions, BadField>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let read = d.deserialize_any(ActionsVisitor)?;
        Ok(read.map_err(|value| BadField {
            field: "actions",
            value,
        }))
    }
}

struct ActionsVisitor;

impl<'de> Visitor<'de> for ActionsVisitor {
    type Value = Result<Actions, String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of actions")
    }
    other_types!(Actions);
    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        IgnoredAny.visit_map(map)?;
        Ok(Err("{…}".into()))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let mut actions = Vec::new();
        let mut bad = None;
        let mut n: u64 = 0;
        loop {
            let more = if bad.is_some() || n >= limits::LOG_ACTIONS as u64 {
                seq.next_element::<IgnoredAny>()?.is_some()
            } else if let Some(raw) = seq.next_element::<Box<RawValue>>()? {
                match action(n + 1, serde_json::from_str(raw.get())) {
                    Ok(a) => actions.push(a),
                    Err(b) => {
                        // Refused whatever follows: nothing more is kept.
                        actions = Vec::new();
                        bad = Some(b);
                    }
                }
                true
            } else {
                false
            };
            if !more {
                break;
            }
            n += 1;
        }
        if n > limits::LOG_ACTIONS as u64 {
            return Ok(Err(n.to_string()));
        }
        Ok(Ok(bad.unwrap_or(Actions::Read(actions))))
    }
}

//! The results bundle: finished attempts with their action logs, scenario hashes and
//! seeds, as one JSON document. The instructor's `motcua import` replays every
//! attempt; nothing in the bundle is trusted.

use serde::{Deserialize, Serialize};

use crate::limits;
use crate::session::action;
use crate::store::{self, AttemptInfo, Filter, Mode, Store, StoreError, timestamp};

/// `format` of a bundle.
pub const FORMAT: &str = "motcua-results";
/// `version` of the bundle layout this motcua writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    /// motcua version that wrote the bundle.
    pub engine_version: String,
    pub exported_at: String,
    pub attempts: Vec<BundleAttempt>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleAttempt {
    pub trainee: String,
    pub scenario: String,
    pub scenario_sha256: String,
    pub seed: u64,
    pub mode: Mode,
    /// motcua version the attempt was played with.
    pub engine_version: String,
    pub started_at: String,
    pub ended_at: String,
    pub total: f64,
    pub band: String,
    pub passed: bool,
    /// The action log, one object per action as in a `.jsonl` log (`seq` from 1).
    /// Kept as raw JSON so one bad line refuses its attempt, not the whole bundle.
    pub actions: Vec<serde_json::Value>,
}

/// Every finished attempt the filter takes.
pub fn build(store: &Store, filter: &Filter) -> Result<Bundle, StoreError> {
    let filter = Filter {
        finished_only: true,
        ..filter.clone()
    };
    let mut attempts = Vec::new();
    for info in store.attempts(&filter)? {
        let actions = store.actions(info.id)?;
        attempts.push(bundle_attempt(&info, &actions));
    }
    Ok(Bundle {
        format: FORMAT.to_string(),
        version: VERSION,
        engine_version: store::ENGINE_VERSION.to_string(),
        exported_at: timestamp(std::time::SystemTime::now().into()),
        attempts,
    })
}

fn bundle_attempt(info: &AttemptInfo, actions: &[action::Action]) -> BundleAttempt {
    BundleAttempt {
        trainee: info.trainee.clone(),
        scenario: info.scenario.clone(),
        scenario_sha256: info.scenario_sha256.clone(),
        seed: info.seed,
        mode: info.mode,
        engine_version: info.engine_version.clone(),
        started_at: timestamp(info.started_at),
        ended_at: info.ended_at.map(timestamp).unwrap_or_default(),
        total: info.total.unwrap_or_default(),
        band: info.band.map(|b| b.key().to_string()).unwrap_or_default(),
        passed: info.passed.unwrap_or(false),
        actions: actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                serde_json::to_value(action::LoggedAction {
                    seq: i as u64 + 1,
                    action: a.clone(),
                })
                .unwrap_or_default()
            })
            .collect(),
    }
}

/// The bundle as pretty JSON with a final newline.
pub fn to_json(bundle: &Bundle) -> String {
    let mut text = serde_json::to_string_pretty(bundle).unwrap_or_default();
    text.push('\n');
    text
}

/// Why a file is not a bundle at all.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// Not JSON, or not the shape of a bundle.
    Malformed(String),
    /// `format` is not `motcua-results`.
    NotABundle,
    /// A later bundle layout.
    TooNew { found: u32, supported: u32 },
    /// `version` missing, 0 or not a number: no layout motcua ever wrote.
    BadVersion { found: String },
    /// More attempts than `limits::BUNDLE_ATTEMPTS`.
    TooMany { count: usize, limit: usize },
}

/// A bundle whose attempts are still raw JSON text: each is read, checked and kept
/// on its own (`attempt`), so one malformed attempt refuses only itself and only one
/// attempt at a time is held as a JSON tree.
#[derive(Debug, Deserialize)]
pub struct RawBundle {
    pub format: String,
    pub version: serde_json::Value,
    #[serde(default)]
    pub engine_version: serde_json::Value,
    #[serde(default)]
    pub exported_at: serde_json::Value,
    pub attempts: Vec<Box<serde_json::value::RawValue>>,
}

/// The header checked: `format`, a `version` from 1 to `VERSION`, the attempt count.
pub fn parse_raw(text: &str) -> Result<RawBundle, BundleError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    #[derive(Deserialize)]
    struct Format {
        format: Option<serde_json::Value>,
    }
    let head: Format =
        serde_json::from_str(text).map_err(|e| BundleError::Malformed(e.to_string()))?;
    if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BundleError::NotABundle);
    }
    let raw: RawBundle =
        serde_json::from_str(text).map_err(|e| BundleError::Malformed(e.to_string()))?;
    match raw.version.as_u64() {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => {}
        Some(found) if found > u64::from(VERSION) => {
            return Err(BundleError::TooNew {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: VERSION,
            });
        }
        _ => {
            return Err(BundleError::BadVersion {
                found: raw.version.to_string(),
            });
        }
    }
    if raw.attempts.len() > limits::BUNDLE_ATTEMPTS {
        return Err(BundleError::TooMany {
            count: raw.attempts.len(),
            limit: limits::BUNDLE_ATTEMPTS,
        });
    }
    Ok(raw)
}

/// A field of an attempt that is missing or of the wrong type, with what was there.
#[derive(Debug, Clone, PartialEq)]
pub struct BadField {
    pub field: &'static str,
    pub value: String,
}

/// One attempt from its raw JSON, field by field, so the refusal names the field.
pub fn attempt(raw: &serde_json::value::RawValue) -> Result<BundleAttempt, BadField> {
    let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(raw.get())
        .map_err(|e| BadField {
            field: "attempt",
            value: e.to_string(),
        })?;
    fn take<T: serde::de::DeserializeOwned>(
        map: &mut serde_json::Map<String, serde_json::Value>,
        field: &'static str,
    ) -> Result<T, BadField> {
        let value = map.remove(field).unwrap_or(serde_json::Value::Null);
        serde_json::from_value(value.clone()).map_err(|_| BadField {
            field,
            value: value.to_string().chars().take(80).collect(),
        })
    }
    let actions: Vec<serde_json::Value> = take(&mut map, "actions")?;
    if actions.len() > limits::LOG_ACTIONS {
        return Err(BadField {
            field: "actions",
            value: actions.len().to_string(),
        });
    }
    Ok(BundleAttempt {
        trainee: take(&mut map, "trainee")?,
        scenario: take(&mut map, "scenario")?,
        scenario_sha256: take(&mut map, "scenario_sha256")?,
        seed: take(&mut map, "seed")?,
        mode: take(&mut map, "mode")?,
        engine_version: take(&mut map, "engine_version")?,
        started_at: take(&mut map, "started_at")?,
        ended_at: take(&mut map, "ended_at")?,
        total: take(&mut map, "total")?,
        band: take(&mut map, "band")?,
        passed: take(&mut map, "passed")?,
        actions,
    })
}

/// The whole bundle at once (tests, small files); an unreadable attempt fails it.
pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    let raw = parse_raw(text)?;
    let attempts = raw
        .attempts
        .iter()
        .map(|a| attempt(a))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|b| BundleError::Malformed(format!("{}: {}", b.field, b.value)))?;
    Ok(Bundle {
        format: raw.format,
        version: u32::try_from(raw.version.as_u64().unwrap_or(0)).unwrap_or(0),
        engine_version: raw.engine_version.as_str().unwrap_or_default().to_string(),
        exported_at: raw.exported_at.as_str().unwrap_or_default().to_string(),
        attempts,
    })
}

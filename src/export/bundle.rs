//! The results bundle: finished attempts with their action logs, scenario hashes and
//! seeds, as one JSON document. The instructor's `motcua import` replays every
//! attempt; nothing in the bundle is trusted.

use serde::{Deserialize, Serialize};

use crate::session::{WORLD_VERSION, action};
use crate::store::{self, AttemptInfo, Filter, Mode, Store, StoreError, timestamp};

/// `format` of a bundle.
pub const FORMAT: &str = "motcua-results";
/// `version` of the bundle layout this motcua writes; it reads this one and every
/// earlier one. 2 added `world_version`; a layout-1 bundle is of world version 1.
pub const VERSION: u32 = 2;

/// The world version of whatever was recorded before world versions existed.
fn world_one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    /// motcua version that wrote the bundle.
    pub engine_version: String,
    /// The world version of the motcua that wrote the bundle.
    #[serde(default = "world_one")]
    pub world_version: u32,
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
    /// The world version the attempt was played in: only this motcua's own is
    /// replayed on import; an older one is kept with its recorded score.
    #[serde(default = "world_one")]
    pub world_version: u32,
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
        world_version: WORLD_VERSION,
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
        world_version: info.world_version,
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
}

pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BundleError::Malformed(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BundleError::NotABundle);
    }
    if let Some(found) = value.get("version").and_then(|v| v.as_u64())
        && found > u64::from(VERSION)
    {
        return Err(BundleError::TooNew {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported: VERSION,
        });
    }
    serde_json::from_value(value).map_err(|e| BundleError::Malformed(e.to_string()))
}

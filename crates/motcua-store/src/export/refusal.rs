//! Why an attempt of a bundle is not kept: codes and facts, said in words by the CLI.

use serde::Serialize;

use motcua_core::session::Rejection;

/// Why an attempt was refused. Codes and facts; the CLI says it in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Refusal {
    /// No scenario with this id on this machine (give the file with `--scenario`).
    UnknownScenario { scenario: String },
    /// The scenario on this machine is another version of the one played.
    ScenarioDiffers {
        scenario: String,
        recorded: String,
        local: Vec<String>,
    },
    /// A field of the attempt is missing or wrong (empty trainee, bad time, unknown band).
    BadField { field: &'static str, value: String },
    /// An action line does not parse, or `seq` does not count 1, 2, 3 ...
    BadAction { seq: u64, detail: String },
    /// The rules refuse an action: the log was edited or belongs to another attempt.
    Rejected {
        seq: u64,
        action: &'static str,
        rejection: Rejection,
    },
    /// The log stops before the end of the period: not a finished attempt.
    NotFinished,
    /// Played in a newer world than this motcua's: update motcua to check it.
    WorldTooNew { found: u32, supported: u32 },
    /// Said to be played in a newer world than that of the motcua that wrote its
    /// bundle: the attempt was edited.
    WorldAfterBundle { found: u32, bundle: u32 },
    /// The recorded score is not the replay's.
    ScoreDiffers {
        recorded_total: f64,
        recorded_band: String,
        recorded_passed: bool,
        replay_total: f64,
        replay_band: String,
        replay_passed: bool,
    },
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownScenario { .. } => "unknown-scenario",
            Refusal::ScenarioDiffers { .. } => "scenario-differs",
            Refusal::BadField { .. } => "bad-field",
            Refusal::BadAction { .. } => "bad-action",
            Refusal::Rejected { .. } => "rejected",
            Refusal::NotFinished => "not-finished",
            Refusal::WorldTooNew { .. } => "world-too-new",
            Refusal::WorldAfterBundle { .. } => "world-after-bundle",
            Refusal::ScoreDiffers { .. } => "score-differs",
        }
    }
}

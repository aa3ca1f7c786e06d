//! An attempt as a source tells it: who, what, the log, and the score it says it
//! earned. Everything here is a claim; `verify` replays the log before a score counts.

use chrono::{DateTime, Utc};

use crate::export::stream::Actions;
use crate::store::{Mode, PlayedVia};

/// The score an attempt says it earned (a finished one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claimed {
    pub total: f64,
    pub passed: bool,
}

/// Whose clock the pace of an attempt is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// The LRS's own `stored` times of the `interacted` statements (exam mode): the
    /// laptop cannot set them.
    LrsStored,
    /// The attempt's start and end as the laptop reported them: it can be edited.
    LaptopClock,
    /// The laptop's own `timestamp` on each `interacted` statement: it can be edited.
    LaptopActions,
}

impl Evidence {
    pub fn key(self) -> &'static str {
        match self {
            Evidence::LrsStored => "lrs-stored",
            Evidence::LaptopClock => "laptop-clock",
            Evidence::LaptopActions => "laptop-actions",
        }
    }
}

/// How long the actions of an attempt took: `seconds` over `steps` gaps between
/// moments (actions, or the start and the end).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub evidence: Evidence,
    pub seconds: f64,
    pub steps: u64,
}

impl Pace {
    /// From the laptop's start and end of an attempt of `actions` actions.
    pub fn laptop(
        started: DateTime<Utc>,
        ended: Option<DateTime<Utc>>,
        actions: u64,
    ) -> Option<Pace> {
        let ended = ended?;
        Some(Pace {
            evidence: Evidence::LaptopClock,
            seconds: (ended - started).num_milliseconds().max(0) as f64 / 1000.0,
            steps: actions,
        })
    }

    /// Seconds per action (`None` without a gap).
    pub fn per_action(&self) -> Option<f64> {
        (self.steps > 0).then(|| self.seconds / self.steps as f64)
    }
}

/// One attempt as a source holds it.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Where it came from, to name it in the report: `attempt 12` (the store) or the
    /// registration UUID (the LRS).
    pub origin: String,
    pub trainee: String,
    /// The trainee's id on the class list, when the attempt carries one (picked from
    /// the roster on the training screen, `record --trainee-id`).
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub scenario_sha256: String,
    pub seed: u64,
    pub mode: Mode,
    pub started_at: DateTime<Utc>,
    pub world_version: u32,
    pub played_via: Option<PlayedVia>,
    pub log: Actions,
    /// `None`: not finished (still open, given up, or no end statement).
    pub claimed: Option<Claimed>,
    pub pace: Option<Pace>,
    /// With a pace from the LRS's `stored` times: the same actions' pace by the laptop's
    /// own `timestamp`s. A laptop offline during an exam sends them late in one batch,
    /// bunching the stored times; its clock then is the only witness of the pace.
    pub laptop_pace: Option<Pace>,
    /// The workshop the attempt was made in (its grouping activity's IRI), when known.
    pub workshop: Option<String>,
}

impl Claim {
    pub fn actions_len(&self) -> usize {
        match &self.log {
            Actions::Read(a) => a.len(),
            Actions::Bad { .. } => 0,
        }
    }
}

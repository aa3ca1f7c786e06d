//! Re-scoring a claim by replay: the score a class counts is the one the log earns
//! on this machine, never the one a laptop or an LRS copy says.

use serde::Serialize;

use super::claim::Claim;
use crate::export::library::Library;
use crate::export::stream::Actions;
use crate::export::xapi::AttemptResult;
use motcua_core::session::WORLD_VERSION;

/// Scores closer than this are the same (both are rounded to 0.1).
const SAME_SCORE: f64 = 0.05;

/// Why an attempt does not count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Refusal {
    /// No scenario text with that hash on this machine (`--scenarios DIR` adds files).
    UnknownScenario { sha256: String },
    /// Played in another simulated world: this motcua cannot replay it.
    OtherWorld { world: u32 },
    /// Action `seq` of the log does not read.
    BadLog { seq: u64, detail: String },
    /// Action `seq` is not allowed at that point of the replay.
    NotAllowed {
        seq: u64,
        action: String,
        rejection: String,
    },
    /// Said finished, but the log stops before the period's end.
    NotFinal,
    /// The score recorded is not the one the log earns: the record was edited.
    ScoreMismatch { claimed: f64, replayed: f64 },
}

impl Refusal {
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::UnknownScenario { .. } => "unknown-scenario",
            Refusal::OtherWorld { .. } => "other-world",
            Refusal::BadLog { .. } => "bad-log",
            Refusal::NotAllowed { .. } => "not-allowed",
            Refusal::NotFinal => "not-final",
            Refusal::ScoreMismatch { .. } => "score-mismatch",
        }
    }
}

/// What the class makes of one claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Finished, and the replay earns the score it claims.
    Counted(AttemptResult),
    /// Not finished: it counts as an attempt, with no score.
    Unfinished,
    Refused(Refusal),
}

/// Replay a finished claim's log on the scenario text it names and compare.
pub fn verify(claim: &Claim, library: &Library) -> Verdict {
    let Some(claimed) = claim.claimed else {
        return Verdict::Unfinished;
    };
    match rescore(claim, library) {
        Err(r) => Verdict::Refused(r),
        Ok(result) if !result.finished => Verdict::Refused(Refusal::NotFinal),
        Ok(result)
            if (result.training_score - claimed.total).abs() >= SAME_SCORE
                || result.passed != claimed.passed =>
        {
            Verdict::Refused(Refusal::ScoreMismatch {
                claimed: claimed.total,
                replayed: result.training_score,
            })
        }
        Ok(result) => Verdict::Counted(result),
    }
}

fn rescore(claim: &Claim, library: &Library) -> Result<AttemptResult, Refusal> {
    if claim.world_version != WORLD_VERSION {
        return Err(Refusal::OtherWorld {
            world: claim.world_version,
        });
    }
    let known = library
        .by_sha(&claim.scenario_sha256)
        .ok_or_else(|| Refusal::UnknownScenario {
            sha256: claim.scenario_sha256.clone(),
        })?;
    let actions = match &claim.log {
        Actions::Read(a) => a,
        Actions::Bad { seq, detail } => {
            return Err(Refusal::BadLog {
                seq: *seq,
                detail: detail.clone(),
            });
        }
    };
    AttemptResult::replay(&known.scenario, claim.seed, actions).map_err(|(seq, action, r)| {
        Refusal::NotAllowed {
            seq,
            action: action.to_string(),
            rejection: r.code().to_string(),
        }
    })
}

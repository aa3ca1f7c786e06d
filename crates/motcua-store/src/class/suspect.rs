//! What makes an attempt suspect, each flag with the evidence it rests on: actions
//! faster than a person acts (or, weaker, stored by the LRS in one late batch while the
//! laptop's clock has them at a person's pace), a log played from standard input (a script) rather
//! than the training screen, or an exam played on another scenario text or seed than
//! the workshop's. A flag is for the instructor to weigh, not a verdict.

use serde::Serialize;

use super::claim::{Claim, Evidence};
use super::workshop::Exam;
use crate::store::{Mode, PlayedVia};
use motcua_core::scenario::model::keyed_enum;

/// Below this many seconds per action on average a person is not reading the
/// dossiers: even a "wait" is a key pressed after looking at the screen, and an
/// attempt mixes those with opening, checking and deciding on dossiers.
pub const MIN_SECONDS_PER_ACTION: f64 = 1.0;

/// Fewer actions say too little about a pace (a short attempt can be quick).
pub const MIN_ACTIONS: u64 = 10;

keyed_enum!(
    /// Why an attempt is flagged.
    FlagKind {
        /// Faster than `MIN_SECONDS_PER_ACTION`.
        Fast = "fast",
        /// The LRS stored the actions faster than a person acts, but the laptop's own
        /// clock has them at a person's pace: sent late in one batch (a laptop offline
        /// during the exam, then `motcua sync`). Weaker than `Fast`: the pace rests on the
        /// laptop's clock only, which can be edited.
        LateBatch = "late-batch",
        /// Played from standard input (`motcua record`).
        Stdin = "stdin",
        /// An exam not on the workshop's scenario text and seed.
        OtherExam = "other-exam",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// `lrs-stored`, `laptop-clock` (pace) or `laptop-report` (how it was played).
    pub evidence: &'static str,
    /// The pace measured, for `fast`; for `late-batch` the laptop clock's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_per_action: Option<f64>,
    /// For `late-batch`: the pace of the LRS's stored times, bunched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored_seconds_per_action: Option<f64>,
    /// What differs from the workshop's exam, for `other-exam`: `scenario`, `seed`, `text`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<&'static str>,
}

/// The flags of an attempt; `exam`: the workshop's exam, when a workshop file is given.
pub fn flags(claim: &Claim, exam: Option<&Exam>) -> Vec<Flag> {
    let mut out: Vec<Flag> = pace_flag(claim).into_iter().collect();
    if claim.played_via == Some(PlayedVia::Stdin) {
        out.push(Flag::new(FlagKind::Stdin, "laptop-report"));
    }
    if let Some(exam) = exam
        && claim.mode == Mode::Exam
    {
        let differs: Vec<&'static str> = [
            (claim.scenario != exam.scenario, "scenario"),
            (claim.seed != exam.seed, "seed"),
            (claim.scenario_sha256 != exam.sha256, "text"),
        ]
        .into_iter()
        .filter_map(|(d, what)| d.then_some(what))
        .collect();
        if !differs.is_empty() {
            // The replay checked the log on the text and seed the attempt names:
            // what differs is what was played.
            out.push(Flag {
                differs,
                ..Flag::new(FlagKind::OtherExam, "workshop")
            });
        }
    }
    out
}

impl Flag {
    fn new(kind: FlagKind, evidence: &'static str) -> Flag {
        Flag {
            kind,
            evidence,
            seconds_per_action: None,
            stored_seconds_per_action: None,
            differs: Vec::new(),
        }
    }
}

/// `fast`, or `late-batch` when only the LRS's stored times are fast and the laptop's
/// clock has the same actions at a person's pace.
fn pace_flag(claim: &Claim) -> Option<Flag> {
    let pace = claim.pace?;
    let per = pace.per_action()?;
    let enough = pace.steps >= MIN_ACTIONS.saturating_sub(1).max(1)
        && claim.actions_len() as u64 >= MIN_ACTIONS;
    if !enough || per >= MIN_SECONDS_PER_ACTION {
        return None;
    }
    let laptop = (pace.evidence == Evidence::LrsStored)
        .then(|| claim.laptop_pace.and_then(|p| p.per_action()))
        .flatten()
        .filter(|l| *l >= MIN_SECONDS_PER_ACTION);
    Some(match laptop {
        Some(l) => Flag {
            seconds_per_action: Some(hundredths(l)),
            stored_seconds_per_action: Some(hundredths(per)),
            ..Flag::new(FlagKind::LateBatch, Evidence::LaptopActions.key())
        },
        None => Flag {
            seconds_per_action: Some(hundredths(per)),
            ..Flag::new(FlagKind::Fast, pace.evidence.key())
        },
    })
}

fn hundredths(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

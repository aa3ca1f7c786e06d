//! Where each dossier stands: what the trainee and the simulated people have done.

mod names;
pub use names::Names;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::scenario::{RuleSet, Stage};

use super::action::{Decision, Item};
use super::status::Status;

/// An outstanding supplement request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pending {
    pub stage: Stage,
    pub requested_at: NaiveDateTime,
    pub items: Vec<Item>,
    /// When the citizen hands it in; `None`: not within the attempt.
    pub reply_at: Option<NaiveDateTime>,
}

/// How a dossier ended before its result was returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Closure {
    Refused,
    Stopped,
    Withdrawn,
    Returned,
    /// Sent to the competent commune (boundary-free receipt): decided elsewhere.
    Transferred,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DossierState {
    pub arrived: bool,
    pub opened: bool,
    pub inspected: Names,
    /// Planted flaws not cured yet (both stages).
    pub open_flaws: Vec<String>,
    /// Appraisal-stage flaws the verification has found.
    pub found: Vec<String>,
    pub requests: u32,
    pub pending: Option<Pending>,
    /// Rules in force when the dossier was received.
    pub rules: Option<RuleSet>,
    pub accepted_at: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub digitized: Names,
    pub reused: Names,
    /// Components the citizen handed in with a supplement (missing at first).
    pub supplied: Names,
    pub forwarded_at: Option<NaiveDateTime>,
    /// When the specialist's verification ends.
    pub verify_at: Option<NaiveDateTime>,
    pub examined: bool,
    pub delay_noticed: bool,
    pub appraisal: Option<Decision>,
    pub processed_at: Option<NaiveDateTime>,
    pub fee: u64,
    pub fee_requested: bool,
    pub pay_at: Option<NaiveDateTime>,
    pub paid: bool,
    pub apology: Option<NaiveDate>,
    pub closure: Option<Closure>,
    pub ended_at: Option<NaiveDateTime>,
}

impl DossierState {
    /// The portal status this state shows.
    pub fn status(&self) -> Status {
        match self.closure {
            Some(Closure::Refused) => return Status::Refused,
            Some(Closure::Stopped) => return Status::Stopped,
            Some(Closure::Withdrawn) => return Status::Withdrawn,
            Some(Closure::Returned) => return Status::Returned,
            // The competent commune is processing it (status 4 on the Portal).
            Some(Closure::Transferred) => return Status::Processing,
            None => {}
        }
        let fee_due = self.fee_requested && !self.paid;
        if self.pending.is_some() {
            Status::SupplementRequested
        } else if self.processed_at.is_some() {
            if fee_due {
                Status::FeeDue
            } else {
                Status::Processed
            }
        } else if self.forwarded_at.is_some() {
            Status::Processing
        } else if self.accepted_at.is_some() {
            if fee_due {
                Status::FeeDue
            } else {
                Status::Accepted
            }
        } else {
            Status::New
        }
    }

    pub fn is_closed(&self) -> bool {
        self.closure.is_some()
    }

    pub fn is_accepted(&self) -> bool {
        self.accepted_at.is_some()
    }

    /// The stage a decision on this dossier is taken at.
    pub fn stage(&self) -> Stage {
        if self.is_accepted() {
            Stage::Appraisal
        } else {
            Stage::Receipt
        }
    }
}

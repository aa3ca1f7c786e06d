//! What happened, in order: the event log the score reads and the debrief explains.
//!
//! Decision events carry the facts the judge needs (the flaws still open, the
//! components not yet inspected), so the score is a pure function of the log.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::generate::Competence;
use crate::scenario::{Channel, EventKind, RuleSet, Stage};

use super::action::{Decision, Item, ResultChannel};

mod list;
pub use list::{Code, List};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub at: NaiveDateTime,
    pub actor: Actor,
    #[serde(flatten)]
    pub what: Happened,
}

/// Who did it. The trainee is judged; the simulated people act correctly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    Trainee,
    Desk,
    Specialist,
    Leader,
    Citizen,
    System,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Happened {
    Arrived {
        dossier: Code,
        procedure: String,
        channel: Channel,
        /// Every planted flaw, receipt and appraisal stage.
        flaws: List<String>,
    },
    Opened {
        dossier: Code,
    },
    Inspected {
        dossier: Code,
        component: String,
    },
    Accepted {
        dossier: Code,
        due: NaiveDateTime,
        open_flaws: List<String>,
        unchecked: List<String>,
    },
    SupplementRequested {
        dossier: Code,
        stage: Stage,
        items: List<Item>,
        /// 1 for the first request of the dossier, 2 for a second ...
        nth: u32,
        open_flaws: List<String>,
        unchecked: List<String>,
    },
    SupplementReceived {
        dossier: Code,
        cured: List<String>,
    },
    Refused {
        dossier: Code,
        stage: Stage,
        /// Boxed (exactly its text, two words): keeps every event at 72 bytes.
        reason: Box<str>,
        open_flaws: List<String>,
        /// Whether a supplement was asked for before.
        asked_before: bool,
        unchecked: List<String>,
        /// Where the dossier belongs (a boundary-free one from another commune is transferred).
        competence: Competence,
    },
    Digitized {
        dossier: Code,
        component: String,
        after_forward: bool,
    },
    Reused {
        dossier: Code,
        component: String,
    },
    Forwarded {
        dossier: Code,
        undigitized: List<String>,
        unreused: List<String>,
        competence: Competence,
    },
    /// Sent to the competent commune of the province; the desk's part ends here.
    Transferred {
        dossier: Code,
        /// The commune it went to (boxed, as a refusal's reason).
        to: Box<str>,
        undigitized: List<String>,
        unreused: List<String>,
        competence: Competence,
    },
    /// The specialist's verification is done; `findings` are the open flaws it found
    /// (appraisal-stage ones, and any the desk let through).
    Examined {
        dossier: Code,
        findings: List<String>,
    },
    /// Verification will end after the due moment: an apology is needed before it.
    DelayNotice {
        dossier: Code,
        due: NaiveDateTime,
        expected: NaiveDateTime,
        /// The verification alone outlasts the time limit: forwarded the moment it
        /// was accepted, the dossier would still be late. The lateness is not the
        /// desk's; the apology is still owed.
        unavoidable: bool,
    },
    Appraised {
        dossier: Code,
        decision: Decision,
        reason: Option<String>,
        open_flaws: List<String>,
        asked_before: bool,
    },
    Signed {
        dossier: Code,
    },
    /// Status 9: the result is ready at the desk.
    Processed {
        dossier: Code,
    },
    FeeRequested {
        dossier: Code,
        amount: u64,
    },
    Paid {
        dossier: Code,
        online: bool,
    },
    Returned {
        dossier: Code,
        channel: ResultChannel,
        expected: ResultChannel,
        unpaid: bool,
    },
    Apologized {
        dossier: Code,
        new_date: NaiveDate,
        /// Sent before the due moment, as the rule asks.
        in_time: bool,
        /// Lateness was certain from what the desk could see when it went out.
        needed: bool,
    },
    /// The due moment moved: a pause for a supplement asked after acceptance.
    DueSet {
        dossier: Code,
        due: NaiveDateTime,
    },
    Stopped {
        dossier: Code,
        reason: String,
        open_flaws: List<String>,
        asked_before: bool,
    },
    Withdrawn {
        dossier: Code,
    },
    Scripted {
        kind: EventKind,
        dossier: Option<Code>,
        message: Option<Box<str>>,
        message_en: Option<Box<str>>,
        /// The event does not fit the dossier's state and changes nothing: a
        /// `supplement-arrives` with no supplement request open, a `withdraw` of a
        /// closed dossier. It is only a citizen's message then.
        ignored: bool,
    },
    OutageEnded,
    RulesChanged {
        rules: RuleSet,
    },
    Waited {
        minutes: u64,
    },
    DayEnded,
    /// The simulated period is over; `unfinished` were left waiting on the trainee.
    PeriodEnded {
        unfinished: List<String>,
    },
}

impl Happened {
    pub fn dossier(&self) -> Option<&str> {
        self.code().map(|c| &**c)
    }

    /// The dossier's code as the event holds it: a copy shares it (nothing allocated).
    pub fn code(&self) -> Option<&Code> {
        use Happened::*;
        match self {
            Arrived { dossier, .. }
            | Opened { dossier }
            | Inspected { dossier, .. }
            | Accepted { dossier, .. }
            | SupplementRequested { dossier, .. }
            | SupplementReceived { dossier, .. }
            | Refused { dossier, .. }
            | Digitized { dossier, .. }
            | Reused { dossier, .. }
            | Forwarded { dossier, .. }
            | Transferred { dossier, .. }
            | Examined { dossier, .. }
            | DelayNotice { dossier, .. }
            | Appraised { dossier, .. }
            | Signed { dossier }
            | Processed { dossier }
            | FeeRequested { dossier, .. }
            | Paid { dossier, .. }
            | Returned { dossier, .. }
            | Apologized { dossier, .. }
            | DueSet { dossier, .. }
            | Stopped { dossier, .. }
            | Withdrawn { dossier } => Some(dossier),
            Scripted { dossier, .. } => dossier.as_ref(),
            OutageEnded | RulesChanged { .. } | Waited { .. } | DayEnded | PeriodEnded { .. } => {
                None
            }
        }
    }
}

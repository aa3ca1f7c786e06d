//! Why the rules refuse an action. Codes only; the catalogue says it in words.

use serde::Serialize;
use thiserror::Error;

use super::status::Status;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "kebab-case", tag = "rejection")]
pub enum Rejection {
    #[error("the simulated period is over")]
    PeriodOver,
    #[error("no dossier with this code")]
    UnknownDossier,
    #[error("the dossier has not arrived yet")]
    NotArrived,
    #[error("the system is down (outage)")]
    SystemDown,
    #[error("the dossier is closed")]
    Closed,
    #[error("another role takes this step")]
    NotYourRole,
    #[error("open the dossier first")]
    NotOpened,
    #[error("the procedure has no such component")]
    UnknownComponent,
    #[error("the component was not handed in")]
    NotHandedIn,
    #[error("already done")]
    AlreadyDone,
    #[error("not possible in status {0:?}")]
    WrongStatus(Status),
    #[error("waiting for the citizen's supplement")]
    AwaitingSupplement,
    #[error("the component is not on paper")]
    NotPaper,
    #[error("the component is not held in a national database")]
    NotInNationalDb,
    #[error("the dossier has not been accepted")]
    NotAccepted,
    #[error("the specialist's verification is not done")]
    NotExamined,
    #[error("the dossier has not been approved")]
    NotApproved,
    #[error("the result is not ready")]
    NotProcessed,
    #[error("the procedure has no fee")]
    NoFee,
    #[error("no fee was requested")]
    FeeNotRequested,
    #[error("the fee is paid online by the applicant")]
    PaidOnline,
    #[error("the stop notice (form 05) exists only under the 2025 rules")]
    NotInRules,
    #[error("the new date must be after the due date")]
    BadNewDate,
    #[error("a supplement request must list at least one item")]
    EmptyRequest,
    #[error("a reason is required")]
    EmptyReason,
    #[error("wait needs minutes > 0 or until = next-event")]
    BadWait,
    #[error("the procedure is not received regardless of administrative boundary")]
    NotBoundaryFree,
    #[error("the dossier was already forwarded")]
    AlreadyForwarded,
}

impl Rejection {
    /// Stable code, also the catalogue key suffix (`rejection.<code>`).
    pub fn code(&self) -> &'static str {
        use Rejection::*;
        match self {
            PeriodOver => "period-over",
            UnknownDossier => "unknown-dossier",
            NotArrived => "not-arrived",
            SystemDown => "system-down",
            Closed => "closed",
            NotYourRole => "not-your-role",
            NotOpened => "not-opened",
            UnknownComponent => "unknown-component",
            NotHandedIn => "not-handed-in",
            AlreadyDone => "already-done",
            WrongStatus(_) => "wrong-status",
            AwaitingSupplement => "awaiting-supplement",
            NotPaper => "not-paper",
            NotInNationalDb => "not-in-national-db",
            NotAccepted => "not-accepted",
            NotExamined => "not-examined",
            NotApproved => "not-approved",
            NotProcessed => "not-processed",
            NoFee => "no-fee",
            FeeNotRequested => "fee-not-requested",
            PaidOnline => "paid-online",
            NotInRules => "not-in-rules",
            BadNewDate => "bad-new-date",
            EmptyRequest => "empty-request",
            EmptyReason => "empty-reason",
            BadWait => "bad-wait",
            NotBoundaryFree => "not-boundary-free",
            AlreadyForwarded => "already-forwarded",
        }
    }

    pub const CODES: &'static [&'static str] = &[
        "period-over",
        "unknown-dossier",
        "not-arrived",
        "system-down",
        "closed",
        "not-your-role",
        "not-opened",
        "unknown-component",
        "not-handed-in",
        "already-done",
        "wrong-status",
        "awaiting-supplement",
        "not-paper",
        "not-in-national-db",
        "not-accepted",
        "not-examined",
        "not-approved",
        "not-processed",
        "no-fee",
        "fee-not-requested",
        "paid-online",
        "not-in-rules",
        "bad-new-date",
        "empty-request",
        "empty-reason",
        "bad-wait",
        "not-boundary-free",
        "already-forwarded",
    ];
}

//! Why the rules refuse an action. Codes only; the catalogue says it in words.

use serde::Serialize;
use thiserror::Error;

use super::status::Status;
use crate::scenario::model::keyed_enum;

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
    /// Which rejection, without its argument.
    pub fn kind(&self) -> RejectionCode {
        use Rejection::*;
        match self {
            PeriodOver => RejectionCode::PeriodOver,
            UnknownDossier => RejectionCode::UnknownDossier,
            NotArrived => RejectionCode::NotArrived,
            SystemDown => RejectionCode::SystemDown,
            Closed => RejectionCode::Closed,
            NotYourRole => RejectionCode::NotYourRole,
            NotOpened => RejectionCode::NotOpened,
            UnknownComponent => RejectionCode::UnknownComponent,
            NotHandedIn => RejectionCode::NotHandedIn,
            AlreadyDone => RejectionCode::AlreadyDone,
            WrongStatus(_) => RejectionCode::WrongStatus,
            AwaitingSupplement => RejectionCode::AwaitingSupplement,
            NotPaper => RejectionCode::NotPaper,
            NotInNationalDb => RejectionCode::NotInNationalDb,
            NotAccepted => RejectionCode::NotAccepted,
            NotExamined => RejectionCode::NotExamined,
            NotApproved => RejectionCode::NotApproved,
            NotProcessed => RejectionCode::NotProcessed,
            NoFee => RejectionCode::NoFee,
            FeeNotRequested => RejectionCode::FeeNotRequested,
            PaidOnline => RejectionCode::PaidOnline,
            NotInRules => RejectionCode::NotInRules,
            BadNewDate => RejectionCode::BadNewDate,
            EmptyRequest => RejectionCode::EmptyRequest,
            EmptyReason => RejectionCode::EmptyReason,
            BadWait => RejectionCode::BadWait,
            NotBoundaryFree => RejectionCode::NotBoundaryFree,
            AlreadyForwarded => RejectionCode::AlreadyForwarded,
        }
    }

    /// Stable code, also the catalogue key suffix (`rejection.<code>`).
    pub fn code(&self) -> &'static str {
        self.kind().key()
    }
}

keyed_enum!(
    /// The stable code of each `Rejection`: what the action log, the store and the
    /// catalogue (`rejection.<code>`) name it by.
    RejectionCode {
        PeriodOver = "period-over",
        UnknownDossier = "unknown-dossier",
        NotArrived = "not-arrived",
        SystemDown = "system-down",
        Closed = "closed",
        NotYourRole = "not-your-role",
        NotOpened = "not-opened",
        UnknownComponent = "unknown-component",
        NotHandedIn = "not-handed-in",
        AlreadyDone = "already-done",
        WrongStatus = "wrong-status",
        AwaitingSupplement = "awaiting-supplement",
        NotPaper = "not-paper",
        NotInNationalDb = "not-in-national-db",
        NotAccepted = "not-accepted",
        NotExamined = "not-examined",
        NotApproved = "not-approved",
        NotProcessed = "not-processed",
        NoFee = "no-fee",
        FeeNotRequested = "fee-not-requested",
        PaidOnline = "paid-online",
        NotInRules = "not-in-rules",
        BadNewDate = "bad-new-date",
        EmptyRequest = "empty-request",
        EmptyReason = "empty-reason",
        BadWait = "bad-wait",
        NotBoundaryFree = "not-boundary-free",
        AlreadyForwarded = "already-forwarded",
    }
);

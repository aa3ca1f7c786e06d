//! Mistakes: a stable code, the dossier, what it concerns, and the legal reference.
//! Codes only; the catalogue (`mistake.<code>.*`) says what was done, what was right and why.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::scenario::model::keyed_enum;
use crate::scenario::{Deduction, StepKind};

use super::references::Reference;

keyed_enum!(
    /// Every kind of mistake the judge knows. The keys are stable: reports and
    /// exported results use them.
    MistakeCode {
        AcceptedIncomplete = "accepted-incomplete",
        FailedToRefuse = "failed-to-refuse",
        SupplementNotNeeded = "supplement-not-needed",
        SupplementIncomplete = "supplement-incomplete",
        SupplementTwice = "supplement-twice",
        RefusedWithoutGround = "refused-without-ground",
        AskedNationalDb = "asked-national-db",
        OutOfOrder = "out-of-order",
        ApprovedFlawed = "approved-flawed",
        NotDigitized = "not-digitized",
        NotReused = "not-reused",
        Late = "late",
        LateWithoutApology = "late-without-apology",
        ApologyNotNeeded = "apology-not-needed",
        ResultBeforePayment = "result-before-payment",
        WrongResultChannel = "wrong-result-channel",
        Unfinished = "unfinished",
        NotTransferred = "not-transferred",
        TransferredWrongly = "transferred-wrongly",
    }
);

impl MistakeCode {
    /// The steps of the training score this mistake spoils; `after_acceptance` tells
    /// a decision on the verified dossier from one at receipt. Empty for the mistakes
    /// that cost points of their own (`deduction`) and for `unfinished`, whose cost
    /// is the steps left undone.
    pub fn spoils(self, after_acceptance: bool) -> &'static [StepKind] {
        use MistakeCode::*;
        use StepKind as K;
        let decision: &'static [StepKind] = if after_acceptance {
            &[K::Appraisal]
        } else {
            &[K::Receipt]
        };
        match self {
            AcceptedIncomplete => &[K::Receipt],
            FailedToRefuse | SupplementIncomplete | SupplementTwice | RefusedWithoutGround => {
                decision
            }
            // The routing of a dossier is part of its receipt decision.
            NotTransferred | TransferredWrongly => &[K::Receipt, K::Forward],
            ApprovedFlawed => &[K::Appraisal],
            AskedNationalDb | NotReused => &[K::NationalData],
            NotDigitized => &[K::Digitize],
            Late => &[K::OnTime],
            LateWithoutApology => &[K::Apology],
            ResultBeforePayment => &[K::FeeBeforeResult],
            WrongResultChannel => &[K::ResultChannel],
            SupplementNotNeeded | OutOfOrder | ApologyNotNeeded | Unfinished => &[],
        }
    }

    /// The cost of its own, for a mistake that spoils no step.
    pub fn deduction(self) -> Option<Deduction> {
        match self {
            MistakeCode::SupplementNotNeeded => Some(Deduction::SupplementNotNeeded),
            MistakeCode::OutOfOrder => Some(Deduction::OutOfOrder),
            MistakeCode::ApologyNotNeeded => Some(Deduction::ApologyNotNeeded),
            MistakeCode::AcceptedIncomplete
            | MistakeCode::FailedToRefuse
            | MistakeCode::SupplementIncomplete
            | MistakeCode::SupplementTwice
            | MistakeCode::RefusedWithoutGround
            | MistakeCode::AskedNationalDb
            | MistakeCode::ApprovedFlawed
            | MistakeCode::NotDigitized
            | MistakeCode::NotReused
            | MistakeCode::Late
            | MistakeCode::LateWithoutApology
            | MistakeCode::ResultBeforePayment
            | MistakeCode::WrongResultChannel
            | MistakeCode::Unfinished
            | MistakeCode::NotTransferred
            | MistakeCode::TransferredWrongly => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    pub code: MistakeCode,
    pub dossier: String,
    pub at: NaiveDateTime,
    /// Flaws the mistake is about (left out of a request, let through, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flaws: Vec<String>,
    /// Components it is about (asked for needlessly, not digitised, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<String>,
    /// The legal instrument that sets the rule. Not serialised here: the shell
    /// writes it in words (`present::references`), the JSON field included.
    #[serde(skip)]
    pub reference: Reference,
}

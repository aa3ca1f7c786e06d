//! Mistakes: a stable code, the dossier, what it concerns, and the legal reference.
//! Codes only; the catalogue (`mistake.<code>.*`) says what was done, what was right and why.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::scenario::model::keyed_enum;

use super::index::Group;

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
    /// The 766 groups a mistake of this kind costs points in.
    pub fn groups(self) -> &'static [Group] {
        use Group::*;
        use MistakeCode::*;
        match self {
            AcceptedIncomplete | FailedToRefuse | SupplementIncomplete | OutOfOrder
            | ApprovedFlawed => &[Transparency],
            SupplementNotNeeded | RefusedWithoutGround | NotTransferred | TransferredWrongly => {
                &[Transparency, Satisfaction]
            }
            SupplementTwice => &[Transparency, Progress, Satisfaction],
            LateWithoutApology => &[Transparency, Satisfaction],
            // Small: telling a citizen of a delay that is not coming misinforms them.
            ApologyNotNeeded => &[Transparency],
            AskedNationalDb => &[Digitization, Satisfaction],
            NotDigitized | NotReused => &[Digitization],
            Late | Unfinished => &[Progress, Satisfaction],
            ResultBeforePayment => &[Online],
            WrongResultChannel => &[Online, Satisfaction],
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
    /// The legal instrument that sets the rule.
    pub reference: String,
}

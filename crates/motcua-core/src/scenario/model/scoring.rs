//! `[scoring]`: the weights of the training score's steps and deductions, as a
//! scenario may set them. Only what the file sets is kept; the defaults and their
//! reasons live with the score (`score::weights`, docs/engine.md).

use std::collections::BTreeMap;

use serde::Serialize;

use super::keyed::keyed_enum;

keyed_enum!(
    /// A step of a dossier's correct handling that the training score counts. The
    /// keys are the ones of `[scoring] steps` and of the JSON output.
    StepKind {
        /// The receipt decision: accept a sound dossier, ask once for a complete
        /// supplement, refuse with the right reason, or take in and transfer.
        Receipt = "receipt",
        /// The decision on the verified dossier: approve, reject, or ask (through the
        /// desk) for a supplement; a desk officer relays the request or the stop.
        Appraisal = "appraisal",
        /// The dossier ends by its due moment (QĐ 766 indicator 2.1's rule).
        OnTime = "on-time",
        /// The apology letter (form 04) before the due moment of a late dossier.
        Apology = "apology",
        /// National data reused, never asked of the citizen.
        NationalData = "national-data",
        /// Paper digitised before the hand-over.
        Digitize = "digitize",
        /// Forwarded to the specialist, or transferred to the competent commune.
        Forward = "forward",
        /// The leader's signature (the whole-chain role).
        Sign = "sign",
        /// The fee collected before the result goes out.
        FeeBeforeResult = "fee-before-result",
        /// The result returned the way the applicant chose.
        ResultChannel = "result-channel",
    }
);

keyed_enum!(
    /// Mistakes that spoil no step but still cost points: keys of `[scoring] deductions`
    /// (the same as their mistake codes).
    Deduction {
        SupplementNotNeeded = "supplement-not-needed",
        OutOfOrder = "out-of-order",
        ApologyNotNeeded = "apology-not-needed",
    }
);

/// What `[scoring]` sets; a step or deduction not listed keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scoring {
    pub steps: BTreeMap<StepKind, f64>,
    pub deductions: BTreeMap<Deduction, f64>,
}

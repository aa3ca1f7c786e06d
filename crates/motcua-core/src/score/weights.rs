//! The weights of the training score: points per step of a dossier's correct
//! handling, in proportion to what a mistake there costs the citizen, and the small
//! costs of mistakes that spoil no step. Data, not code: a scenario may change any
//! of them under `[scoring]` (docs/engine.md gives each reason).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::scenario::{Deduction, Scoring, StepKind};

/// Default points per step, with why.
pub const STEPS: &[(StepKind, f64)] = &[
    // A wrong receipt decision sends the citizen away for nothing, lets a dossier
    // through that comes back at appraisal, or refuses what the law grants.
    (StepKind::Receipt, 30.0),
    // The decision on the verified dossier grants or denies the citizen's right.
    (StepKind::Appraisal, 30.0),
    // A late result is the complaint citizens make most; QĐ 766 indicator 2.1.
    (StepKind::OnTime, 20.0),
    // Warned in time, the citizen can plan around the delay (form 04).
    (StepKind::Apology, 10.0),
    // Asking for papers the state already holds costs the citizen a trip.
    (StepKind::NationalData, 5.0),
    // An undigitised paper cannot be reused; the citizen brings it again next time.
    (StepKind::Digitize, 5.0),
    // Sent to the wrong place, the dossier waits or goes round.
    (StepKind::Forward, 5.0),
    // Signing is a formality once the appraisal is right.
    (StepKind::Sign, 5.0),
    // A result returned unpaid is revenue the office must chase.
    (StepKind::FeeBeforeResult, 5.0),
    // The result reaches the citizen another way than they asked.
    (StepKind::ResultChannel, 5.0),
];

/// Default points a mistake that spoils no step costs, with why.
pub const DEDUCTIONS: &[(Deduction, f64)] = &[
    // A needless request is one more trip for the citizen.
    (Deduction::SupplementNotNeeded, 5.0),
    // Deciding before looking is how flaws are missed, even when the guess was right.
    (Deduction::OutOfOrder, 3.0),
    // Telling a citizen of a delay that is not coming misinforms them.
    (Deduction::ApologyNotNeeded, 3.0),
];

/// The weights in force for one scenario: the defaults, then what `[scoring]` sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weights {
    pub steps: BTreeMap<StepKind, f64>,
    pub deductions: BTreeMap<Deduction, f64>,
}

impl Weights {
    pub fn of(scoring: &Scoring) -> Weights {
        let mut steps: BTreeMap<StepKind, f64> = STEPS.iter().copied().collect();
        steps.extend(scoring.steps.iter().map(|(k, w)| (*k, *w)));
        let mut deductions: BTreeMap<Deduction, f64> = DEDUCTIONS.iter().copied().collect();
        deductions.extend(scoring.deductions.iter().map(|(k, w)| (*k, *w)));
        Weights { steps, deductions }
    }

    pub fn step(&self, kind: StepKind) -> f64 {
        self.steps.get(&kind).copied().unwrap_or(0.0)
    }

    pub fn deduction(&self, kind: Deduction) -> f64 {
        self.deductions.get(&kind).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_and_deduction_has_a_default() {
        let w = Weights::of(&Scoring::default());
        for k in StepKind::ALL {
            assert!(w.step(*k) > 0.0, "{k:?}");
        }
        for d in Deduction::ALL {
            assert!(w.deduction(*d) > 0.0, "{d:?}");
        }
    }

    #[test]
    fn a_wrong_decision_weighs_more_than_a_paper_step() {
        let w = Weights::of(&Scoring::default());
        assert!(w.step(StepKind::Receipt) > w.step(StepKind::Digitize));
        assert!(w.step(StepKind::Appraisal) > w.step(StepKind::NationalData));
    }

    #[test]
    fn a_scenario_overrides_only_what_it_sets() {
        let mut scoring = Scoring::default();
        scoring.steps.insert(StepKind::Digitize, 12.0);
        let w = Weights::of(&scoring);
        assert_eq!(w.step(StepKind::Digitize), 12.0);
        assert_eq!(w.step(StepKind::Receipt), 30.0);
    }
}

//! The training score (điểm luyện tập): the share of the attempt's possible work
//! that was done right, 0..100 with one decimal. It drives `total`, `passed`, the
//! store's progress and best, reports, bundles and learning records.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::scenario::StepKind;

use super::grade::{Grade, round1};
use super::mistake::MistakeCode;
use super::steps::DossierSteps;
use super::weights::Weights;

/// One step kind over all dossiers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepTotal {
    pub step: StepKind,
    pub weight: f64,
    /// Dossiers where it counts, and where it was done right.
    pub counted: u32,
    pub done: u32,
}

/// What the mistakes of one code cost beyond their steps, over all dossiers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostTotal {
    pub code: MistakeCode,
    pub count: u32,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingScore {
    pub total: f64,
    /// The training score's grade (xếp loại điểm luyện tập).
    pub grade: Grade,
    /// A final score at or above the pass mark; never for an unfinished attempt.
    pub passed: bool,
    pub pass_score: u32,
    /// Points earned (less the costs) and possible, over every dossier.
    pub earned: f64,
    pub possible: f64,
    pub steps: Vec<StepTotal>,
    pub costs: Vec<CostTotal>,
}

impl TrainingScore {
    /// Sum the dossiers' parts. Nothing possible (no work reached the trainee) scores
    /// 100: nothing was missed.
    pub fn of(
        dossiers: &[&DossierSteps],
        weights: &Weights,
        pass_score: u32,
        is_final: bool,
    ) -> TrainingScore {
        let earned: f64 = dossiers.iter().map(|d| d.earned).sum();
        let possible: f64 = dossiers.iter().map(|d| d.possible).sum();
        let total = if possible > 0.0 {
            round1(100.0 * earned / possible)
        } else {
            100.0
        };
        let mut steps: BTreeMap<StepKind, StepTotal> = BTreeMap::new();
        let mut costs: BTreeMap<MistakeCode, CostTotal> = BTreeMap::new();
        for d in dossiers {
            for s in &d.steps {
                let line = steps.entry(s.step).or_insert_with(|| StepTotal {
                    step: s.step,
                    weight: weights.step(s.step),
                    counted: 0,
                    done: 0,
                });
                line.counted += 1;
                line.done += u32::from(s.done);
            }
            for c in &d.costs {
                let line = costs.entry(c.code).or_insert_with(|| CostTotal {
                    code: c.code,
                    count: 0,
                    points: 0.0,
                });
                line.count += 1;
                line.points += c.points;
            }
        }
        TrainingScore {
            total,
            grade: Grade::of(total),
            passed: is_final && total >= f64::from(pass_score),
            pass_score,
            earned: round1(earned),
            possible: round1(possible),
            steps: steps.into_values().collect(),
            costs: costs.into_values().collect(),
        }
    }
}

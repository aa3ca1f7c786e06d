//! One dossier's part of the training score: which steps of its correct path are
//! the trainee's, which count (possible within the period, or taken anyway), which
//! were done right, and what its mistakes cost (docs/engine.md, "The training score").

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::scenario::{Role, StepKind};
use crate::session::reach::{Ending, Reach};
use crate::session::roles::{Step, trainee_plays};

use super::mistake::{Mistake, MistakeCode};
use super::timeliness::Timing;
use super::trail::Trail;
use super::weights::Weights;

/// A step that counts for this dossier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StepMark {
    pub step: StepKind,
    /// Done, and right.
    pub done: bool,
    /// Its correct path reaches it within the period (else it counts only because
    /// the trainee took it).
    pub in_reach: bool,
}

/// What the dossier's mistakes cost beyond its steps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cost {
    pub code: MistakeCode,
    pub points: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DossierSteps {
    pub steps: Vec<StepMark>,
    pub costs: Vec<Cost>,
    /// Points of the steps done right, less the costs, never below 0.
    pub earned: f64,
    /// Points of the steps that count.
    pub possible: f64,
}

/// What a dossier's evaluation reads.
pub struct Facts<'a> {
    pub role: Role,
    pub period_end: NaiveDateTime,
    /// Work whose earliest moment comes after this is not expected: an office hour
    /// before the period's end, as for `unfinished` (`session::UNFINISHED_GRACE_MINUTES`).
    pub cutoff: NaiveDateTime,
    pub weights: &'a Weights,
    pub reach: &'a Reach,
    pub trail: &'a Trail,
    pub timing: Option<&'a Timing>,
    pub mistakes: &'a [&'a Mistake],
}

pub fn evaluate(f: &Facts) -> DossierSteps {
    let mut out = DossierSteps::default();
    let work = StepKind::ALL
        .iter()
        .filter(|k| !matches!(k, StepKind::OnTime | StepKind::Apology))
        .any(|&k| applicable(f, k));
    for &kind in StepKind::ALL {
        let timely = matches!(kind, StepKind::OnTime | StepKind::Apology);
        if !applicable(f, kind) || (timely && !work) {
            continue;
        }
        let spoiled = spoiled(f, kind);
        let in_reach = in_reach(f, kind);
        let done = done(f, kind) && !spoiled;
        if !(in_reach || attempted(f, kind) || done) {
            continue;
        }
        let w = f.weights.step(kind);
        out.possible += w;
        if done {
            out.earned += w;
        }
        out.steps.push(StepMark {
            step: kind,
            done,
            in_reach,
        });
    }
    for m in f.mistakes {
        let own = m.code.deduction().map(|d| f.weights.deduction(d));
        // A spoilt step that does not count for this dossier still costs its weight.
        let lost = m
            .code
            .spoils(after_acceptance(f, m))
            .iter()
            .filter(|k| !matches!(k, StepKind::OnTime | StepKind::Apology))
            .filter(|k| !out.steps.iter().any(|s| s.step == **k))
            .map(|k| f.weights.step(*k))
            .sum::<f64>();
        let points = own.unwrap_or(0.0) + lost;
        if points > 0.0 {
            out.costs.push(Cost {
                code: m.code,
                points,
            });
        }
    }
    let costs: f64 = out.costs.iter().map(|c| c.points).sum();
    out.earned = (out.earned - costs).max(0.0);
    out
}

/// Whether `kind` is a step of this dossier's correct path that the trainee takes.
fn applicable(f: &Facts, kind: StepKind) -> bool {
    let r = f.reach;
    let plays = |step| trainee_plays(f.role, step);
    let accepted = !matches!(
        r.ending,
        Ending::RefusedAtReceipt | Ending::AwaitsReceiptSupplement
    );
    let verified = accepted && r.ending != Ending::Transferred;
    let returned = r.ending == Ending::Returned;
    match kind {
        StepKind::Receipt => plays(Step::Receipt),
        StepKind::Forward => accepted && plays(Step::Transfer),
        StepKind::Digitize => accepted && r.paper && plays(Step::Transfer),
        StepKind::NationalData => accepted && r.national_db && plays(Step::Transfer),
        StepKind::Appraisal => {
            verified
                && (plays(Step::Appraise)
                    || (r.verdict_relayed && plays(Step::LateSupplement) && plays(Step::Stop)))
        }
        StepKind::Sign => returned && plays(Step::Sign),
        StepKind::FeeBeforeResult => returned && r.fee && plays(Step::Return),
        StepKind::ResultChannel => returned && plays(Step::Return),
        StepKind::OnTime => accepted,
        // Owed whenever the dossier ran late, also when the lateness was announced as
        // unavoidable (then there is no `late`, only the letter to send).
        StepKind::Apology => {
            f.mistakes
                .iter()
                .any(|m| matches!(m.code, MistakeCode::Late | MistakeCode::LateWithoutApology))
                || f.timing
                    .is_some_and(|t| t.unavoidable && t.apologized_in_time)
        }
    }
}

/// Whether the correct path gets this step done before the period ends.
fn in_reach(f: &Facts, kind: StepKind) -> bool {
    let r = f.reach;
    let fits = |m| r.fits(m, f.cutoff);
    match kind {
        StepKind::Receipt => fits(r.receipt),
        StepKind::Forward | StepKind::Digitize | StepKind::NationalData => fits(r.handover),
        StepKind::Appraisal => fits(r.verdict),
        StepKind::Sign => fits(r.signed),
        StepKind::FeeBeforeResult | StepKind::ResultChannel => fits(r.returned),
        // Judged only when the due moment falls within the period: a dossier due
        // after it may still end on time.
        StepKind::OnTime => {
            let due = f.timing.and_then(|t| t.due).or(r.due);
            fits(r.end)
                && r.end.zip(r.due).is_some_and(|(e, d)| e <= d)
                && due.is_some_and(|d| d <= f.period_end)
        }
        // Counted whenever the dossier ran late: the letter could go out before.
        StepKind::Apology => true,
    }
}

/// Whether the trainee took the step at all (right or wrong).
fn attempted(f: &Facts, kind: StepKind) -> bool {
    let t = f.trail;
    let handed = t.handover.is_some_and(|h| h.by_trainee);
    let returned = t.returned.is_some_and(|r| r.by_trainee);
    match kind {
        StepKind::Receipt => t.receipt_attempted,
        StepKind::Forward | StepKind::Digitize => handed,
        StepKind::NationalData => {
            handed
                || f.mistakes
                    .iter()
                    .any(|m| m.code == MistakeCode::AskedNationalDb)
        }
        StepKind::Appraisal => t.verdict_attempted,
        StepKind::Sign => t.trainee_signed,
        StepKind::FeeBeforeResult | StepKind::ResultChannel => returned,
        StepKind::OnTime | StepKind::Apology => false,
    }
}

/// Whether the step was taken as the correct path takes it (mistakes aside).
fn done(f: &Facts, kind: StepKind) -> bool {
    let t = f.trail;
    let handover = t.handover.filter(|h| h.by_trainee);
    let returned = t.returned.filter(|r| r.by_trainee);
    match kind {
        // A right request is the receipt so far; after the answer comes, accepting
        // is the trainee's, unless the period ended before an hour went by (as for
        // `unfinished`).
        StepKind::Receipt => {
            t.trainee_accepted
                || t.trainee_refused_at_receipt
                || (t.trainee_requested_at_receipt && !left_unfinished(f))
        }
        StepKind::Forward => handover.is_some(),
        StepKind::Digitize => handover.is_some_and(|h| h.all_digitized),
        StepKind::NationalData => handover.is_some_and(|h| h.all_reused),
        StepKind::Appraisal if trainee_plays(f.role, Step::Appraise) => {
            t.trainee_appraised || (t.trainee_relayed && !left_unfinished(f))
        }
        StepKind::Appraisal => t.trainee_relayed,
        StepKind::Sign => t.trainee_signed,
        StepKind::FeeBeforeResult => returned.is_some_and(|r| r.paid),
        StepKind::ResultChannel => returned.is_some_and(|r| r.right_channel),
        StepKind::OnTime => on_time(f),
        StepKind::Apology => f.timing.is_some_and(|t| t.apologized_in_time),
    }
}

/// Ended by its due moment through the desk's own work (a withdrawal is the
/// citizen's), or waiting for a supplement asked for in time; never after a second
/// supplement request.
fn on_time(f: &Facts) -> bool {
    let Some(t) = f.timing else { return false };
    // QĐ 766 counts a dossier asked for a supplement more than once as overdue.
    if f.trail.requests > 1 {
        return false;
    }
    let end = if f.trail.ended_by_citizen {
        t.waiting_since
    } else {
        t.ended_at.or(t.waiting_since)
    };
    end.zip(t.due).is_some_and(|(end, due)| end <= due)
}

fn left_unfinished(f: &Facts) -> bool {
    f.mistakes.iter().any(|m| m.code == MistakeCode::Unfinished)
}

fn spoiled(f: &Facts, kind: StepKind) -> bool {
    f.mistakes
        .iter()
        .any(|m| m.code.spoils(after_acceptance(f, m)).contains(&kind))
}

/// A mistake made after the dossier was accepted concerns the verified dossier
/// (a request, refusal or stop then is the verdict, not the receipt).
fn after_acceptance(f: &Facts, m: &Mistake) -> bool {
    f.trail.accepted_at.is_some_and(|a| m.at > a)
}

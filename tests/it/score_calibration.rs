//! Calibration: each mistake code, committed once on a built-in scenario (the
//! solver's play with one step changed, `support::plans`), costs the points
//! docs/engine.md documents for it, within the documented range. The solver's own
//! play loses nothing, so the points lost (possible − earned) are the mistake's.
//! The least is what the mistake itself spoils (its steps' weights, or its
//! deduction); the most adds what it drags along on the same dossier (a refused
//! dossier loses its later steps, a delay its deadline, a day ended early the work
//! of the dossiers left).

use motcua_core::score::{Debrief, MistakeCode};

use crate::support;
use crate::support::plans::plan;
use crate::support::twist::{once, play};

/// Committing seeds checked per code (of 1..=50).
const SEEDS_PER_CODE: usize = 5;

/// Least and most points one commitment costs, as docs/engine.md gives them.
fn documented(code: MistakeCode) -> (f64, f64) {
    use MistakeCode::*;
    match code {
        // The receipt decision (30); the flaw let through may then make it late (20 + 10).
        AcceptedIncomplete | FailedToRefuse => (30.0, 60.0),
        // The receipt (30) and, by QĐ 766, on time (20); a needless line costs 5 more
        // and a dossier never accepted loses the rest of its steps.
        SupplementIncomplete | SupplementTwice => (30.0, 75.0),
        // The receipt (30) and the steps of a dossier that is gone.
        RefusedWithoutGround => (30.0, 75.0),
        // Its own 5, and the steps a needless wait for the citizen delays.
        SupplementNotNeeded => (5.0, 75.0),
        // The decision on the verified dossier (30), and its deadline.
        ApprovedFlawed => (30.0, 60.0),
        AskedNationalDb | NotReused => (5.0, 5.0),
        // Digitising (5); the plan's early hand-over also skips a reuse (5).
        NotDigitized => (5.0, 10.0),
        OutOfOrder | ApologyNotNeeded => (3.0, 3.0),
        ResultBeforePayment | WrongResultChannel => (5.0, 5.0),
        // On time (20) and the apology it lacks (10); the day lost delays others too.
        Late => (20.0, 120.0),
        LateWithoutApology => (10.0, 120.0),
        // Receipt and hand-over (30 + 5); sent away, the dossier's later steps too.
        NotTransferred => (35.0, 35.0),
        TransferredWrongly => (35.0, 105.0),
        // The steps left undone that were within reach: a day ended early leaves several.
        Unfinished => (5.0, 210.0),
    }
}

/// Up to `SEEDS_PER_CODE` plays that commit `code` exactly where the plan says, once.
fn committed(code: MistakeCode) -> Vec<(u64, Debrief)> {
    let (id, twist) = plan(code);
    let s = support::builtin(id);
    let mut out = Vec::new();
    for seed in 1..=50 {
        let (_, d, twisted) = play(&s, seed, &mut once(twist));
        if twisted && d.mistakes.iter().any(|m| m.code == code) {
            out.push((seed, d));
        }
        if out.len() == SEEDS_PER_CODE {
            break;
        }
    }
    assert!(!out.is_empty(), "{code:?} never committed");
    out
}

fn lost(d: &Debrief) -> f64 {
    d.training.possible - d.training.earned
}

#[test]
fn every_mistake_code_costs_its_documented_points_once_committed() {
    for &code in MistakeCode::ALL {
        let (least, most) = documented(code);
        for (seed, d) in committed(code) {
            let lost = lost(&d);
            assert!(
                (least..=most).contains(&lost),
                "{code:?} seed {seed}: {lost} points lost, documented {least}–{most}: {:?}",
                d.mistakes.iter().map(|m| m.code).collect::<Vec<_>>()
            );
            assert!(d.total() < 100.0, "{code:?} seed {seed} cost nothing");
        }
    }
}

#[test]
fn a_wrong_receipt_decision_costs_more_than_a_missed_digitisation() {
    let most = |code| {
        committed(code)
            .iter()
            .map(|(_, d)| lost(d))
            .fold(0.0, f64::max)
    };
    let least = |code| {
        committed(code)
            .iter()
            .map(|(_, d)| lost(d))
            .fold(f64::INFINITY, f64::min)
    };
    let digitisation = most(MistakeCode::NotDigitized);
    for wrong in [
        MistakeCode::AcceptedIncomplete,
        MistakeCode::RefusedWithoutGround,
        MistakeCode::FailedToRefuse,
    ] {
        assert!(
            least(wrong) > digitisation,
            "{wrong:?} ({}) vs not-digitized ({digitisation})",
            least(wrong)
        );
    }
}

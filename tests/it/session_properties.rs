//! Properties over random play on every built-in scenario: nothing panics, time
//! never runs backwards, a rejected action changes nothing, replay is exact, random
//! play played to the period's end scores below the solver, and its median is below
//! the pass mark. `MOTCUA_RANDOM_PLAYS` sets how many plays per scenario the median
//! test makes (default 15).

use motcua_core::scenario::{FlawKind, Scenario};
use motcua_core::score;
use motcua_core::session::{Action, Decision, Item, ResultChannel, Session, replay};
use proptest::prelude::*;

use crate::support;

/// A random action, resolved against the session: the dossier, component and
/// options are picked by index among what exists, so most actions are plausible.
fn pick(session: &Session, (kind, d, c, x): (u8, usize, usize, u8)) -> Action {
    let codes: Vec<String> = session.queue().map(|(d, _)| d.code.clone()).collect();
    if codes.is_empty() || kind % 20 == 0 {
        return Action::wait(u32::from(x) + 1);
    }
    let dossier = codes[d % codes.len()].clone();
    let (doc, _) = session.find(&dossier).expect("queued dossier");
    let component = doc
        .components
        .get(c % doc.components.len().max(1))
        .map_or_else(|| "x".to_string(), |c| c.id.to_string());
    let problem = FlawKind::ALL[usize::from(x) % FlawKind::ALL.len()];
    let channel = [
        ResultChannel::Online,
        ResultChannel::Post,
        ResultChannel::Counter,
    ][usize::from(x) % 3];
    match kind % 19 {
        0 => Action::Open { dossier },
        1 => Action::Inspect { dossier, component },
        2 => Action::Accept { dossier },
        3 => Action::RequestSupplement {
            dossier,
            items: vec![Item {
                component: Some(component),
                problem,
                field: None,
            }],
        },
        4 => Action::Refuse {
            dossier,
            reason: problem.key().to_string(),
        },
        5 => Action::Digitize { dossier, component },
        6 => Action::Reuse { dossier, component },
        7 => Action::Forward { dossier },
        8 => Action::Appraise {
            dossier,
            decision: if x % 2 == 0 {
                Decision::Approve
            } else {
                Decision::Reject
            },
            reason: Some(problem.key().to_string()),
        },
        9 => Action::Sign { dossier },
        10 => Action::RequestFee { dossier },
        11 => Action::ConfirmPayment { dossier },
        12 => Action::ReturnResult { dossier, channel },
        13 => Action::Apologize {
            dossier,
            new_date: session.now().date() + chrono::Duration::days(i64::from(x % 5)),
        },
        14 => Action::Stop {
            dossier,
            reason: "not-supplemented".into(),
        },
        15 => Action::EndDay,
        16 => Action::wait_for_next_event(),
        _ => Action::Open { dossier },
    }
}

fn play(
    s: &Scenario,
    seed: u64,
    moves: &[(u8, usize, usize, u8)],
) -> Result<Session, TestCaseError> {
    let mut session = Session::new(s, seed);
    for &m in moves {
        let action = pick(&session, m);
        let before = (
            session.now(),
            session.events().len(),
            session.actions().len(),
        );
        match session.apply(action) {
            Ok(_) => prop_assert!(session.now() >= before.0, "time ran backwards"),
            Err(_) => prop_assert_eq!(
                before,
                (
                    session.now(),
                    session.events().len(),
                    session.actions().len()
                )
            ),
        }
    }
    let times: Vec<_> = session.events().iter().map(|e| e.at).collect();
    prop_assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "events out of order"
    );
    Ok(session)
}

/// Random moves, then the days ended until the period is over: a finished attempt.
fn play_to_the_end(
    s: &Scenario,
    seed: u64,
    moves: &[(u8, usize, usize, u8)],
) -> Result<Session, TestCaseError> {
    let mut session = play(s, seed, moves)?;
    while !session.is_over() {
        session.apply(Action::EndDay).expect("a day can always end");
    }
    Ok(session)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_play_is_safe_exact_and_scores_below_the_solver(
        which in 0usize..9,
        seed in 1u64..1000,
        moves in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<u8>()), 0..120),
    ) {
        let scenarios = support::builtins();
        prop_assert_eq!(scenarios.len(), 9);
        let s = &scenarios[which % scenarios.len()];
        let session = play_to_the_end(s, seed, &moves)?;
        let result = score::score(&session);
        prop_assert!(result.is_final);
        prop_assert!((0.0..=100.0).contains(&result.total()));
        let again = replay(s, seed, session.actions()).expect("a played log replays");
        prop_assert_eq!(again.events(), session.events());
        prop_assert_eq!(score::score(&again), result.clone());
        let (_, best) = support::solved(s, seed);
        prop_assert!(result.total() < best.total(), "{}: {}", s.meta.id, result.total());
    }
}

/// xorshift64: the moves of the median test, the same on every machine.
fn moves(seed: u64, count: usize) -> Vec<(u8, usize, usize, u8)> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let b = x.to_le_bytes();
            (b[0], usize::from(b[1]), usize::from(b[2]), b[3])
        })
        .collect()
}

#[test]
fn random_play_has_a_median_below_the_pass_mark_on_every_builtin() {
    let plays: u64 = std::env::var("MOTCUA_RANDOM_PLAYS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    for s in support::builtins() {
        let mut totals: Vec<f64> = (1..=plays)
            .map(|seed| {
                let count = 40 + (seed as usize * 37) % 160;
                let session = play_to_the_end(&s, seed, &moves(seed, count)).expect("safe");
                score::score(&session).total()
            })
            .collect();
        totals.sort_by(f64::total_cmp);
        let median = totals[totals.len() / 2];
        let pass = f64::from(s.meta.pass_score);
        assert!(
            median < pass,
            "{}: median {median} ≥ {pass}: {totals:?}",
            s.meta.id
        );
    }
}

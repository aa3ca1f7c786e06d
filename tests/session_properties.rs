//! Properties over random play: nothing panics, time never runs backwards, a
//! rejected action changes nothing, replay is exact, and no play beats the solver.

mod support;

use motcua::scenario::{FlawKind, Scenario};
use motcua::score;
use motcua::session::{Action, Decision, Item, ResultChannel, Session, replay};
use proptest::prelude::*;

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
        .map_or_else(|| "x".to_string(), |c| c.id.clone());
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_play_is_safe_exact_and_never_beats_the_solver(
        which in 0usize..4,
        seed in 1u64..1000,
        moves in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<u8>()), 0..120),
    ) {
        let scenarios = support::builtins();
        let s = &scenarios[which % scenarios.len()];
        let session = play(s, seed, &moves)?;
        let result = score::score(s, session.events());
        prop_assert!((0.0..=100.0).contains(&result.total));
        let again = replay(s, seed, session.actions()).expect("a played log replays");
        prop_assert_eq!(again.events(), session.events());
        prop_assert_eq!(score::score(s, again.events()), result.clone());
        let (_, best) = support::solved(s, seed);
        prop_assert!(result.total <= best.total);
    }
}

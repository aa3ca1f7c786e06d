//! The reference solver wins every built-in scenario at 100, for seeds 1..=50; a
//! trainee who only waits or ends the days earns (next to) nothing.

use motcua_core::score::{self, Grade};
use motcua_core::session::{Action, Happened, Session, Status};

use crate::support;

#[test]
fn every_builtin_scenario_is_won_at_100_for_seeds_1_to_50() {
    for s in support::builtins() {
        for seed in 1..=50 {
            let (session, debrief) = support::solved(&s, seed);
            assert!(session.is_over(), "{} seed {seed}: not over", s.meta.id);
            assert_eq!(
                debrief.total(),
                100.0,
                "{} seed {seed}: {:#?}\n{:#?}",
                s.meta.id,
                debrief.mistakes,
                debrief.dossiers
            );
            assert_eq!(debrief.grade(), Grade::XuatSac);
        }
    }
}

#[test]
fn the_solver_closes_every_dossier_that_can_be_closed() {
    let s = support::builtin("khai-sinh-co-ban");
    let (session, debrief) = support::solved(&s, s.meta.seed);
    let returned = session
        .queue()
        .filter(|(_, st)| st.status() == Status::Returned)
        .count();
    assert!(returned >= 3, "only {returned} returned");
    assert!(debrief.dossiers.iter().all(|d| d.on_time != Some(false)));
    let ended = session
        .events()
        .iter()
        .filter(|e| matches!(e.what, Happened::PeriodEnded { .. }))
        .count();
    assert_eq!(ended, 1);
}

#[test]
fn a_log_of_only_waits_or_ended_days_scores_at_most_10() {
    for s in support::builtins() {
        for seed in 1..=20 {
            for idle in [Action::EndDay, Action::wait_for_next_event()] {
                let mut session = Session::new(&s, seed);
                while !session.is_over() {
                    session
                        .apply(idle.clone())
                        .expect("waiting is always allowed");
                }
                let d = score::score(&session);
                assert!(d.is_final);
                assert!(
                    d.total() <= 10.0,
                    "{} seed {seed} {idle:?}: {}",
                    s.meta.id,
                    d.total()
                );
                assert!(d.training.possible > 0.0, "{} had work to do", s.meta.id);
                assert!(!d.passed());
            }
        }
    }
}

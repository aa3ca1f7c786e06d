//! state = replay(scenario, seed, actions): the same log gives the same attempt,
//! and a rejected action changes nothing.

use motcua_core::score;
use motcua_core::session::{Action, Rejection, Session, action, replay};

use crate::support;

#[test]
fn replaying_the_solver_log_gives_the_same_events_and_score() {
    for s in support::builtins() {
        let (played, result) = support::solved(&s, 7);
        let log = action::write_log(played.actions());
        let parsed: Vec<Action> = action::parse_log(&log)
            .expect("own log parses")
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        let again = replay(&s, 7, &parsed).expect("own log replays");
        assert_eq!(again.events(), played.events(), "{}", s.meta.id);
        assert_eq!(score::score(&again), result);
    }
}

#[test]
fn a_log_for_another_seed_is_refused_at_the_first_unknown_dossier() {
    let s = support::builtin("khai-sinh-co-ban");
    let (played, _) = support::solved(&s, 3);
    let err = replay(&s, 4, played.actions()).expect_err("other seed");
    assert!(matches!(
        err.rejection,
        Rejection::UnknownDossier | Rejection::NotArrived | Rejection::NotHandedIn
    ));
}

#[test]
fn a_rejected_action_changes_nothing() {
    let s = support::builtin("khai-sinh-co-ban");
    let mut session = Session::new(&s, 1);
    session.apply(Action::wait_for_next_event()).expect("wait");
    let (code, _) = session
        .queue()
        .next()
        .map(|(d, st)| (d.code.clone(), st.clone()))
        .expect("a dossier");
    let before = (
        session.now(),
        session.events().len(),
        session.actions().len(),
    );
    let err = session
        .apply(Action::Accept {
            dossier: code.clone(),
        })
        .expect_err("not opened");
    assert_eq!(err, Rejection::NotOpened);
    assert_eq!(
        before,
        (
            session.now(),
            session.events().len(),
            session.actions().len()
        )
    );
    assert_eq!(
        session.find(&code).expect("dossier").1.status(),
        motcua_core::session::Status::New
    );
}

#[test]
fn malformed_lines_are_named() {
    let err =
        action::parse_log("{\"seq\":1,\"action\":\"end-day\"}\n{\"seq\":2,\"action\":\"fly\"}\n")
            .expect_err("bad line");
    assert_eq!(err.line(), 2);
    let err = action::parse_log("{\"seq\":2,\"action\":\"end-day\"}\n").expect_err("bad seq");
    assert_eq!(err.line(), 1);
}

#[test]
fn a_wait_for_no_time_is_refused_and_a_real_wait_or_the_end_of_the_day_is_not() {
    let s = support::builtin("khai-sinh-co-ban");
    let session = Session::new(&s, 1);
    let nothing = Action::Wait {
        minutes: Some(0),
        until: None,
    };
    assert_eq!(session.check(&nothing), Err(Rejection::BadWait));
    let unsaid = Action::Wait {
        minutes: None,
        until: None,
    };
    assert_eq!(session.check(&unsaid), Err(Rejection::BadWait));
    assert_eq!(session.check(&Action::wait(15)), Ok(()));
    assert_eq!(session.check(&Action::EndDay), Ok(()));
}

//! A one-dossier desk for hand-worked tests: the minimal birth registration
//! (tests/fixtures/valid/minimal.toml: toàn trình, same day, one component, desk
//! role) with one scripted dossier, and the steps to receive it.
#![allow(dead_code)]

use motcua_core::scenario::{self, Scenario};
use motcua_core::score::{self, Debrief};
use motcua_core::session::{Action, Session};

const MINIMAL: &str = include_str!("../../fixtures/valid/minimal.toml");

/// The minimal scenario with no generated dossier and one scripted dossier `id`
/// whose other keys (`at`, `channel`, ...) are `keys`, one `key = value` a line.
pub fn one_dossier(id: &str, keys: &str) -> Scenario {
    let scripted = format!(
        "[dossiers]\ncount = 0\n\n[[dossiers.scripted]]\nid = \"{id}\"\nprocedure = \"1.001193\"\n{keys}"
    );
    let text = MINIMAL.replace("[dossiers]\ncount = 2", &scripted);
    scenario::load_str(&format!("{id}.toml"), &text).expect("the scenario loads")
}

/// Apply an action the rules must allow.
pub fn apply(session: &mut Session, action: Action) {
    let name = action.name();
    session
        .apply(action)
        .unwrap_or_else(|r| panic!("{name} refused: {r:?}"));
}

/// Wait for the one dossier, open it, inspect its paper and accept it; its code.
pub fn receive(session: &mut Session) -> String {
    apply(session, Action::wait_for_next_event());
    let code = session.all_dossiers()[0].code.clone();
    let dossier = || code.clone();
    apply(session, Action::Open { dossier: dossier() });
    let component = "giay-chung-sinh".to_string();
    let inspect = Action::Inspect {
        dossier: dossier(),
        component,
    };
    apply(session, inspect);
    apply(session, Action::Accept { dossier: dossier() });
    code
}

/// Digitise the dossier's paper (its birth certificate) and forward it to the specialist.
pub fn digitize_and_forward(session: &mut Session, code: &str) {
    let dossier = || code.to_string();
    let component = "giay-chung-sinh".to_string();
    apply(
        session,
        Action::Digitize {
            dossier: dossier(),
            component,
        },
    );
    apply(session, Action::Forward { dossier: dossier() });
}

/// Wait until the result of `code` is ready (status 9).
pub fn until_processed(session: &mut Session, code: &str) {
    while session
        .find(code)
        .is_some_and(|(_, st)| st.processed_at.is_none())
    {
        apply(session, Action::wait_for_next_event());
    }
}

/// End the days until the period is over.
pub fn to_the_end(session: &mut Session) {
    while !session.is_over() {
        apply(session, Action::EndDay);
    }
}

/// Wait for the result of `code`, return it the way the applicant chose (the
/// practice hint), let the period run out; the session and its score.
pub fn return_to_the_end(mut session: Session, code: &str) -> (Session, Debrief) {
    until_processed(&mut session, code);
    let hint = session.hint(code).expect("the return is the trainee's");
    assert!(matches!(hint, Action::ReturnResult { .. }), "{hint:?}");
    apply(&mut session, hint);
    to_the_end(&mut session);
    let debrief = score::score(&session);
    (session, debrief)
}

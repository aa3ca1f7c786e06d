//! Export and import: a bundle re-scored by replay on the instructor's machine. An
//! edited score, an edited action, a cut log or another version of the scenario is
//! refused with its reason; the rest is kept, once.

use motcua_core::scenario;
use motcua_core::session::{Rejection, Session};
use motcua_store::export::bundle::{self, Bundle};
use motcua_store::export::import::{self, Library, Outcome, Refusal};
use motcua_store::store::{Filter, Mode, Store, sha256_hex};

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

/// A trainee's machine with two finished attempts (one perfect, one sloppy) and one
/// unfinished; its bundle.
fn trainee_bundle(tmp: &Temp) -> Bundle {
    let mut store = Store::open(&tmp.path("trainee.db")).unwrap();
    let (s, _) = builtin_source(ID);
    play(&mut store, "Đặng Minh Giang", ID, 4, &solver_log(&s, 4));
    play(&mut store, "Đặng Minh Giang", ID, 6, &sloppy_log(&s, 6, 8));
    play(
        &mut store,
        "Đặng Minh Giang",
        ID,
        8,
        &solver_log(&s, 8)[..5],
    );
    bundle::build(&store, &Filter::default()).unwrap()
}

fn outcomes(store: &mut Store, b: &Bundle, lib: &Library) -> Vec<Outcome> {
    import::import(store, b, lib)
        .unwrap()
        .into_iter()
        .map(|l| l.outcome)
        .collect()
}

#[track_caller]
fn refusal(o: &Outcome) -> &Refusal {
    match o {
        Outcome::Refused(r) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_bundle_holds_the_finished_attempts_and_imports_once() {
    let tmp = Temp::new();
    let b = trainee_bundle(&tmp);
    assert_eq!(b.format, "motcua-results");
    assert_eq!(b.attempts.len(), 2, "the unfinished attempt stays home");
    let (_, source) = builtin_source(ID);
    assert_eq!(b.attempts[0].scenario_sha256, sha256_hex(&source));
    assert_eq!(b.attempts[0].total, 100.0);
    assert!(b.attempts[1].total < 100.0);
    // Through JSON text and back, as a file would carry it.
    let b = bundle::parse(&bundle::to_json(&b)).unwrap();

    let mut instructor = Store::open(&tmp.path("instructor.db")).unwrap();
    let lib = Library::builtin();
    let first = outcomes(&mut instructor, &b, &lib);
    assert!(
        first.iter().all(|o| matches!(o, Outcome::Imported { .. })),
        "{first:?}"
    );
    let kept = instructor.attempts(&Filter::default()).unwrap();
    assert_eq!(kept.len(), 2);
    for (k, a) in kept.iter().zip(&b.attempts) {
        assert!(k.imported);
        assert_eq!(k.total, Some(a.total));
        assert_eq!(k.seed, a.seed);
        assert_eq!(k.trainee, "Đặng Minh Giang");
        assert_eq!(instructor.actions(k.id).unwrap().len(), a.actions.len());
    }
    // Importing the same bundle again keeps nothing twice.
    let again = outcomes(&mut instructor, &b, &lib);
    assert!(
        again.iter().all(|o| matches!(o, Outcome::Duplicate { .. })),
        "{again:?}"
    );
    assert_eq!(instructor.attempts(&Filter::default()).unwrap().len(), 2);
}

#[test]
fn an_edited_score_is_refused() {
    let tmp = Temp::new();
    let mut b = trainee_bundle(&tmp);
    let honest = b.attempts[1].total;
    b.attempts[1].total = 100.0;
    b.attempts[1].band = "xuat-sac".into();
    b.attempts[1].passed = true;
    let mut store = Store::open(&tmp.path("i.db")).unwrap();
    let got = outcomes(&mut store, &b, &Library::builtin());
    assert!(matches!(got[0], Outcome::Imported { .. }));
    match refusal(&got[1]) {
        Refusal::ScoreDiffers {
            recorded_total,
            replay_total,
            ..
        } => {
            assert_eq!(*recorded_total, 100.0);
            assert_eq!(*replay_total, honest);
        }
        other => panic!("{other:?}"),
    }
    // Only the pass flag or only the band edited: refused too.
    let tmp = Temp::new();
    let mut b = trainee_bundle(&tmp);
    b.attempts[1].passed = !b.attempts[1].passed;
    b.attempts[0].band = "tot".into();
    let got = outcomes(
        &mut Store::open(&tmp.path("j.db")).unwrap(),
        &b,
        &Library::builtin(),
    );
    assert!(matches!(refusal(&got[0]), Refusal::ScoreDiffers { .. }));
    assert!(matches!(refusal(&got[1]), Refusal::ScoreDiffers { .. }));
    // Nothing refused was stored.
    let store = Store::open(&tmp.path("j.db")).unwrap();
    assert!(store.attempts(&Filter::default()).unwrap().is_empty());
}

/// A bundle of one attempt of `b`, edited by `edit`.
fn one(
    b: &Bundle,
    k: usize,
    edit: impl FnOnce(&mut motcua_store::export::BundleAttempt),
) -> Bundle {
    let mut out = b.clone();
    out.attempts = vec![b.attempts[k].clone()];
    edit(&mut out.attempts[0]);
    out
}

#[test]
fn an_edited_action_is_refused() {
    let tmp = Temp::new();
    let b = trainee_bundle(&tmp);
    let lib = Library::builtin();
    let mut store = Store::open(&tmp.path("i.db")).unwrap();
    let mut first = |b: &Bundle| outcomes(&mut store, b, &lib).remove(0);

    // An action about a dossier that does not exist: the rules refuse it on replay.
    let i = b.attempts[0]
        .actions
        .iter()
        .position(|a| a.get("dossier").is_some())
        .unwrap();
    let edited = one(&b, 0, |a| {
        a.actions[i]["dossier"] = "000.00.12.H12-260302-9999".into();
    });
    match refusal(&first(&edited)) {
        Refusal::Rejected { seq, rejection, .. } => {
            assert_eq!(*seq, i as u64 + 1);
            assert_eq!(*rejection, Rejection::UnknownDossier);
        }
        other => panic!("{other:?}"),
    }

    // An allowed but different step (the result sent by another channel): the replay
    // scores the edited log below the 100 recorded.
    let edited = one(&b, 0, |a| {
        let r = a
            .actions
            .iter_mut()
            .find(|x| x["action"] == "return-result")
            .expect("a result is returned");
        r["channel"] = if r["channel"] == "post" {
            "counter"
        } else {
            "post"
        }
        .into();
    });
    match refusal(&first(&edited)) {
        Refusal::ScoreDiffers {
            recorded_total,
            replay_total,
            ..
        } => {
            assert_eq!(*recorded_total, 100.0);
            assert!(*replay_total < 100.0);
        }
        other => panic!("{other:?}"),
    }

    // A line that is not an action, or a seq out of order.
    let edited = one(&b, 0, |a| {
        a.actions[2] = serde_json::json!({"seq": 3, "action": "teleport"});
    });
    assert!(matches!(
        refusal(&first(&edited)),
        Refusal::BadAction { seq: 3, .. }
    ));
    let edited = one(&b, 0, |a| a.actions.swap(1, 2));
    assert!(matches!(
        refusal(&first(&edited)),
        Refusal::BadAction { seq: 2, .. }
    ));

    // A log cut short (with the score of the cut log) is not a finished attempt.
    let (s, _) = builtin_source(ID);
    let mut session = Session::new(&s, 4);
    for a in solver_log(&s, 4).into_iter().take(10) {
        session.apply(a).unwrap();
    }
    let d = motcua_core::score::score(&session);
    let edited = one(&b, 0, |a| {
        a.actions.truncate(10);
        a.total = d.total();
        a.band = d.grade().key().into();
        a.passed = d.passed();
    });
    assert_eq!(refusal(&first(&edited)), &Refusal::NotFinished);

    // Equivalent logs are not edits: days ended by `end-day` or by one long `wait`
    // give the same events, so the same score, and the attempt is kept.
    let edited = one(&b, 1, |a| {
        a.actions.retain(|x| x["action"] != "end-day");
        a.actions
            .push(serde_json::json!({"action": "wait", "minutes": 100000}));
        for (k, x) in a.actions.iter_mut().enumerate() {
            x["seq"] = (k as u64 + 1).into();
        }
    });
    assert!(matches!(first(&edited), Outcome::Imported { .. }));
    // Nothing refused was stored.
    assert_eq!(store.attempts(&Filter::default()).unwrap().len(), 1);
}

/// The built-in text with one more objective: the same id, another version.
fn other_version() -> (scenario::Scenario, Vec<u8>) {
    let (_, source) = builtin_source(ID);
    let text = String::from_utf8(source).unwrap();
    let changed = text.replacen("pass_score = ", "# edited by the trainee\npass_score = ", 1);
    assert_ne!(changed, text);
    let s = scenario::load_str("edited.toml", &changed).expect("still valid");
    (s, changed.into_bytes())
}

#[test]
fn an_attempt_on_another_version_of_the_scenario_is_refused() {
    let tmp = Temp::new();
    let (s, source) = other_version();
    let mut store = Store::open(&tmp.path("trainee.db")).unwrap();
    let a = store
        .open_attempt("Hồ Thị Hạnh", &s, &source, 2, Mode::Exam)
        .unwrap();
    let mut session = Session::new(&s, 2);
    for (i, act) in solver_log(&s, 2).into_iter().enumerate() {
        store.append_action(a, i as u64 + 1, &act).unwrap();
        session.apply(act).unwrap();
    }
    store
        .finish_attempt(a, &motcua_core::score::score(&session))
        .unwrap();
    let b = bundle::build(&store, &Filter::default()).unwrap();
    assert_eq!(b.attempts[0].mode, Mode::Exam);

    let mut instructor = Store::open(&tmp.path("i.db")).unwrap();
    match refusal(&outcomes(&mut instructor, &b, &Library::builtin())[0]) {
        Refusal::ScenarioDiffers {
            scenario,
            recorded,
            local,
        } => {
            assert_eq!(scenario, ID);
            assert_eq!(recorded, &sha256_hex(&source));
            let (_, builtin) = builtin_source(ID);
            assert_eq!(local, &vec![sha256_hex(&builtin)]);
        }
        other => panic!("{other:?}"),
    }
    // An id this machine does not know at all.
    let mut unknown = b.clone();
    unknown.attempts[0].scenario = "khong-co".into();
    assert!(matches!(
        refusal(&outcomes(&mut instructor, &unknown, &Library::builtin())[0]),
        Refusal::UnknownScenario { .. }
    ));
    // Given that exact version (`--scenario FILE`), the attempt is re-scored and kept.
    let mut lib = Library::builtin();
    lib.add(s, source);
    assert!(matches!(
        outcomes(&mut instructor, &b, &lib)[0],
        Outcome::Imported { .. }
    ));
}

#[test]
fn files_that_are_not_bundles_are_told_apart() {
    use motcua_store::export::bundle::BundleError;
    assert!(matches!(bundle::parse("{"), Err(BundleError::Malformed(_))));
    assert_eq!(
        bundle::parse(r#"{"format":"something-else"}"#),
        Err(BundleError::NotABundle)
    );
    assert!(matches!(
        bundle::parse(r#"{"format":"motcua-results","version":99,"attempts":[]}"#),
        Err(BundleError::TooNew { found: 99, .. })
    ));
}

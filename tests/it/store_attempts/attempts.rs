//! Attempts as the TUI keeps them: each action committed, resume, finish, names,
//! progress and filters, two stores writing at once.

use motcua_core::score::{self, Grade};
use motcua_core::session::{self, Action};
use motcua_store::store::{Filter, Mode, Status, Store, StoreError, SuggestionReason, schema};
use rusqlite::Connection;

use crate::support::store::*;

use super::ID;

#[test]
fn a_new_database_is_wal_with_foreign_keys_and_the_current_schema() {
    let tmp = Temp::new();
    let path = tmp.path("nested/folder/motcua.db");
    let store = Store::open(&path).expect("opens and creates folders");
    assert_eq!(store.schema_version().unwrap(), schema::SCHEMA_VERSION);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, schema::APPLICATION_ID);
    // Opening again is a no-op migration.
    let store = Store::open(&path).expect("reopens");
    assert_eq!(store.schema_version().unwrap(), schema::SCHEMA_VERSION);
}

#[test]
fn actions_are_committed_one_by_one_and_an_unfinished_attempt_resumes_exactly() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, 3);
    let (attempt, live) = {
        let mut store = Store::open(&path).unwrap();
        play(&mut store, "Trần Thị Bình", ID, 3, &log[..20])
    };
    // A new program (after a crash) finds the attempt and every action.
    let store = Store::open(&path).unwrap();
    let resume = store
        .unfinished_attempt("Trần Thị Bình", None)
        .unwrap()
        .expect("an unfinished attempt");
    assert_eq!(resume.info.id, attempt);
    assert_eq!(resume.info.status, Status::Open);
    assert_eq!(resume.info.seed, 3);
    assert_eq!(resume.actions, log[..20].to_vec());
    let scenario = motcua_core::scenario::load_bytes("stored", &resume.source).unwrap();
    let again = session::replay(&scenario, resume.info.seed, &resume.actions).unwrap();
    assert_eq!(again.now(), live.now());
    assert_eq!(again.events(), live.events());
    // Another scenario has no unfinished attempt.
    assert!(
        store
            .unfinished_attempt("Trần Thị Bình", Some("ly-lich-tu-phap"))
            .unwrap()
            .is_none()
    );
}

#[test]
fn out_of_sequence_and_closed_attempts_are_refused() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let (s, source) = builtin_source(ID);
    let a = store
        .open_attempt("An", &s, &source, 1, Mode::Exam)
        .unwrap();
    let wait = Action::wait(5);
    store.append_action(a, 1, &wait).unwrap();
    // A second window playing the same attempt would write seq 1 again.
    assert!(matches!(
        store.append_action(a, 1, &wait),
        Err(StoreError::OutOfSequence {
            expected: 2,
            found: 1,
            ..
        })
    ));
    assert!(matches!(
        store.append_action(a, 3, &wait),
        Err(StoreError::OutOfSequence { .. })
    ));
    store.abandon_attempt(a).unwrap();
    assert!(matches!(
        store.append_action(a, 2, &wait),
        Err(StoreError::AttemptClosed(_))
    ));
    assert!(store.unfinished_attempt("An", None).unwrap().is_none());
    assert_eq!(store.attempt(a).unwrap().status, Status::Abandoned);
    assert_eq!(store.attempt(a).unwrap().mode, Mode::Exam);
}

#[test]
fn finishing_records_score_band_pass_and_mistakes() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let (s, _) = builtin_source(ID);
    let log = sloppy_log(&s, 5, 10);
    let (attempt, session) = play(&mut store, "Lê Văn Cường", ID, 5, &log);
    let debrief = score::score(&session);
    let info = store.attempt(attempt).unwrap();
    assert_eq!(info.status, Status::Finished);
    assert_eq!(info.total, Some(debrief.total()));
    assert_eq!(info.band, Some(debrief.grade()));
    assert_eq!(info.passed, Some(debrief.passed()));
    assert_eq!(info.actions, log.len() as u64);
    assert_eq!(info.engine_version, env!("CARGO_PKG_VERSION"));
    assert!(info.ended_at.is_some());
    let listed = store.attempts(&Filter::default()).unwrap();
    let counted: u32 = listed[0].mistakes.values().sum();
    assert_eq!(counted as usize, debrief.mistakes.len());
    assert!(debrief.total() < 100.0, "a sloppy log loses points");
    // Finished means closed.
    assert!(matches!(
        store.finish_attempt(attempt, &debrief),
        Err(StoreError::AttemptClosed(_))
    ));
}

#[test]
fn trainee_names_are_the_same_whatever_the_accent_encoding_and_spacing() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let composed = "Nguyễn Văn An";
    let decomposed = "Nguye\u{302}\u{303}n  Va\u{306}n An ";
    let a = store.trainee_id(composed).unwrap();
    let b = store.trainee_id(decomposed).unwrap();
    assert_eq!(a, b);
    assert_eq!(store.trainees().unwrap(), vec![composed.to_string()]);
    assert!(matches!(
        store.trainee_id("   "),
        Err(StoreError::EmptyTrainee)
    ));
}

#[test]
fn progress_gives_best_latest_frequent_mistakes_and_what_next() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let (s, _) = builtin_source(ID);
    let curriculum = ["khai-sinh-co-ban", "ly-lich-tu-phap", "ket-hon-2018"];
    let t = "Phạm Thu Dung";
    // Nothing yet: start at the beginning.
    let p = store.progress(t, &curriculum).unwrap();
    assert!(p.scenarios.is_empty());
    let next = p.suggestion.expect("a suggestion");
    assert_eq!(
        (next.scenario.as_str(), next.reason),
        (ID, SuggestionReason::Next)
    );
    // A failed attempt: retry it.
    store.set_clock(|| at(2026, 3, 2, 1, 0));
    play(&mut store, t, ID, 1, &sloppy_log(&s, 1, 0));
    let p = store.progress(t, &curriculum).unwrap();
    let row = &p.scenarios[0];
    assert_eq!(row.attempts, 1);
    assert!(!row.passed_ever);
    assert_eq!(p.suggestion.unwrap().reason, SuggestionReason::Retry);
    assert!(!p.mistakes.is_empty());
    assert!(p.mistakes.windows(2).all(|w| w[0].1 >= w[1].1));
    // Then a perfect one, later: best and latest are 100; go on to the next scenario.
    store.set_clock(|| at(2026, 3, 3, 1, 0));
    play(&mut store, t, ID, 2, &solver_log(&s, 2));
    let p = store.progress(t, &curriculum).unwrap();
    let row = &p.scenarios[0];
    assert_eq!(row.attempts, 2);
    assert_eq!(row.finished, 2);
    assert_eq!(row.best.as_ref().unwrap().total, 100.0);
    assert_eq!(row.latest.as_ref().unwrap().band, Grade::XuatSac);
    assert!(row.passed_ever);
    let next = p.suggestion.unwrap();
    assert_eq!(
        (next.scenario.as_str(), next.reason),
        ("ly-lich-tu-phap", SuggestionReason::Next)
    );
    // An attempt left open comes first.
    let (l, _) = builtin_source("ket-hon-2018");
    play(&mut store, t, "ket-hon-2018", 1, &solver_log(&l, 1)[..3]);
    let p = store.progress(t, &curriculum).unwrap();
    let next = p.suggestion.unwrap();
    assert_eq!(
        (next.scenario.as_str(), next.reason),
        ("ket-hon-2018", SuggestionReason::Continue)
    );
    assert!(p.scenarios.iter().any(|r| r.unfinished));
}

#[test]
fn filters_take_trainees_scenarios_and_dates() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, 1);
    store.set_clock(|| at(2026, 3, 1, 20, 0)); // 2 March, 03:00 in Vietnam
    play(&mut store, "An", ID, 1, &log);
    store.set_clock(|| at(2026, 3, 5, 2, 0));
    play(&mut store, "Bình", ID, 1, &log);
    let all = store.attempts(&Filter::default()).unwrap();
    assert_eq!(all.len(), 2);
    let only_binh = store
        .attempts(&Filter {
            trainees: vec!["Bình".into()],
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(only_binh.len(), 1);
    let from_march_2 = store
        .attempts(&Filter {
            from: Some(at(2026, 3, 1, 17, 0)),
            until: Some(at(2026, 3, 2, 17, 0)),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(from_march_2.len(), 1);
    assert_eq!(from_march_2[0].trainee, "An");
    let other = store
        .attempts(&Filter {
            scenarios: vec!["ket-hon-2018".into()],
            ..Filter::default()
        })
        .unwrap();
    assert!(other.is_empty());
}

#[test]
fn two_stores_writing_at_once_lose_nothing() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    Store::open(&path).unwrap();
    let (s, source) = builtin_source(ID);
    let handles: Vec<_> = (0..4)
        .map(|k| {
            let path = path.clone();
            let (s, source) = (s.clone(), source.clone());
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                let a = store
                    .open_attempt(&format!("T{k}"), &s, &source, k, Mode::Practice)
                    .unwrap();
                for seq in 1..=150 {
                    store.append_action(a, seq, &Action::wait(1)).unwrap();
                }
                a
            })
        })
        .collect();
    let ids: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let store = Store::open(&path).unwrap();
    for id in ids {
        assert_eq!(store.actions(id).unwrap().len(), 150);
    }
}

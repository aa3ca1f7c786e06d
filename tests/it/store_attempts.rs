//! The store as the TUI uses it: attempts, their logs, resume, finish, progress, and
//! the bad states of a database file (locked, read-only, newer, damaged, foreign).

use std::time::Duration;

use motcua::score::{self, Grade};
use motcua::session::{self, Action};
use motcua::store::{Filter, Mode, Options, Status, Store, StoreError, SuggestionReason, schema};
use rusqlite::Connection;

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

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
    let scenario = motcua::scenario::load_bytes("stored", &resume.source).unwrap();
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

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_database_from_a_newer_motcua_is_refused_and_left_untouched() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    Store::open(&path).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&path);
    match Store::open(&path) {
        Err(StoreError::TooNew {
            found, supported, ..
        }) => {
            assert_eq!(found, 99);
            assert_eq!(supported, schema::SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    std::fs::write(
        &path,
        b"this is not a database, just some bytes of a file\n".repeat(100),
    )
    .unwrap();
    let before = file_bytes(&path);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotSqlite { .. })
    ));
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn another_programs_database_is_not_touched() {
    let tmp = Temp::new();
    let path = tmp.path("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('a');")
            .unwrap();
    }
    let before = file_bytes(&path);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Foreign { .. })
    ));
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_database_held_by_another_program_is_locked_not_lost() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, source) = builtin_source(ID);
    let mut store = Store::open_with(
        &path,
        &Options {
            busy_timeout: Duration::from_millis(200),
            ..Options::default()
        },
    )
    .unwrap();
    let a = store
        .open_attempt("An", &s, &source, 1, Mode::Practice)
        .unwrap();
    store.append_action(a, 1, &Action::wait(1)).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    assert!(matches!(
        store.append_action(a, 2, &Action::wait(1)),
        Err(StoreError::Locked { .. })
    ));
    other.execute_batch("COMMIT").unwrap();
    // Once the other program lets go, the same action goes in.
    store.append_action(a, 2, &Action::wait(1)).unwrap();
    assert_eq!(store.actions(a).unwrap().len(), 2);
}

#[test]
fn a_read_only_database_says_so_on_write_and_keeps_its_data() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, source) = builtin_source(ID);
    let a = {
        let mut store = Store::open(&path).unwrap();
        let a = store
            .open_attempt("An", &s, &source, 1, Mode::Practice)
            .unwrap();
        store.append_action(a, 1, &Action::wait(1)).unwrap();
        a
    };
    let mut ro = Store::open_with(
        &path,
        &Options {
            read_only: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(ro.actions(a).unwrap().len(), 1);
    assert!(matches!(
        ro.append_action(a, 2, &Action::wait(1)),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        ro.open_attempt("An", &s, &source, 1, Mode::Practice),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(ro.actions(a).unwrap().len(), 1);
}

#[test]
fn reading_commands_do_not_create_a_database() {
    let tmp = Temp::new();
    let path = tmp.path("none.db");
    let opts = Options {
        must_exist: true,
        ..Options::default()
    };
    assert!(matches!(
        Store::open_with(&path, &opts),
        Err(StoreError::Missing { .. })
    ));
    assert!(!path.exists());
}

#[test]
fn the_recorder_commits_allowed_actions_only_and_scores_at_the_end() {
    use motcua::store::Recorder;
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, source) = builtin_source(ID);
    let log = solver_log(&s, 9);
    let mut rec = Recorder::start(
        Store::open(&path).unwrap(),
        "Mai",
        &s,
        &source,
        9,
        Mode::Practice,
    )
    .unwrap();
    let refused = rec
        .apply(Action::Accept {
            dossier: "không-có".into(),
        })
        .unwrap();
    assert!(refused.is_err());
    for a in &log[..log.len() - 1] {
        rec.apply(a.clone()).unwrap().expect("allowed");
    }
    let attempt = rec.attempt();
    assert_eq!(rec.store().actions(attempt).unwrap(), log[..log.len() - 1]);
    assert!(rec.debrief().is_none());
    // The last action is committed, then the program dies before scoring: simulate by
    // committing it through the store alone.
    let mut store = rec.into_store();
    store
        .append_action(attempt, log.len() as u64, log.last().unwrap())
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let resume = store.unfinished_attempt("Mai", Some(ID)).unwrap().unwrap();
    let rec = Recorder::resume(store, resume).unwrap();
    assert_eq!(rec.debrief().map(|d| d.total()), Some(100.0));
    let info = rec.store().attempt(attempt).unwrap();
    assert_eq!(info.status, Status::Finished);
    assert_eq!(info.total, Some(100.0));
}

/// Replace stored action 2 of `attempt` by an action the rules refuse; with
/// `with_checksum`, also write the checksum of the edited log, as a careful editor would.
fn edit_second_action(path: &std::path::Path, attempt: i64, with_checksum: bool) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "UPDATE action SET line = ?1 WHERE attempt_id = ?2 AND seq = 2",
        rusqlite::params![
            r#"{"seq":2,"action":"accept","dossier":"không-có"}"#,
            attempt
        ],
    )
    .unwrap();
    if with_checksum {
        let mut stmt = conn
            .prepare("SELECT line FROM action WHERE attempt_id = ?1 ORDER BY seq")
            .unwrap();
        let lines: Vec<String> = stmt
            .query_map([attempt], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let sum = motcua::store::checksum::of(lines.iter().map(String::as_str));
        conn.execute(
            "UPDATE attempt SET log_checksum = ?1 WHERE id = ?2",
            rusqlite::params![sum, attempt],
        )
        .unwrap();
    }
}

#[test]
fn a_stored_log_changed_outside_motcua_is_damaged_not_edited() {
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, _) = builtin_source(ID);
    let log = &solver_log(&s, 9)[..4];
    let (attempt, _) = play(&mut Store::open(&path).unwrap(), "Mai", ID, 9, log);
    edit_second_action(&path, attempt.0, false);
    let store = Store::open(&path).unwrap();
    assert!(matches!(
        store.actions(attempt),
        Err(StoreError::Damaged { attempt: a }) if a == attempt.0
    ));
    assert!(matches!(
        store.unfinished_attempt("Mai", None),
        Err(StoreError::Damaged { .. })
    ));
}

#[test]
fn a_stored_log_that_no_longer_replays_is_reported_not_lost() {
    use motcua::store::Recorder;
    let tmp = Temp::new();
    let path = tmp.path("r.db");
    let (s, _) = builtin_source(ID);
    let (attempt, _) = play(
        &mut Store::open(&path).unwrap(),
        "Mai",
        ID,
        9,
        &solver_log(&s, 9)[..4],
    );
    edit_second_action(&path, attempt.0, true);
    let store = Store::open(&path).unwrap();
    let resume = store.unfinished_attempt("Mai", None).unwrap().unwrap();
    assert!(matches!(
        Recorder::resume(store, resume),
        Err(StoreError::Unreplayable { .. })
    ));
    let store = Store::open(&path).unwrap();
    assert_eq!(store.actions(attempt).unwrap().len(), 4);
}

#[test]
fn an_unfinished_attempt_never_shows_a_partial_score_as_a_result() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("r.db")).unwrap();
    let (s, _) = builtin_source(ID);
    let half = &solver_log(&s, 4)[..25];
    let (attempt, session) = play(&mut store, "Phạm Thu", ID, 4, half);
    // Scored as it stands, the attempt has a training score, but not a final one ...
    let as_it_stands = score::score(&session);
    assert!(!as_it_stands.is_final && !as_it_stands.passed());
    assert!(as_it_stands.total() > 0.0);
    // ... which the store refuses to keep.
    assert!(matches!(
        store.finish_attempt(attempt, &as_it_stands),
        Err(StoreError::NotFinal(id)) if id == attempt.0
    ));
    let info = store.attempt(attempt).unwrap();
    assert_eq!(
        (info.status, info.total, info.band),
        (Status::Open, None, None)
    );
    let p = store.progress("Phạm Thu", &[ID]).unwrap();
    let row = &p.scenarios[0];
    assert!(row.unfinished && row.best.is_none() && row.latest.is_none());
    assert_eq!(row.finished, 0);
    let listed = store
        .attempts(&Filter {
            finished_only: true,
            ..Filter::default()
        })
        .unwrap();
    assert!(
        listed.is_empty(),
        "a report of results lists no unfinished attempt"
    );
}

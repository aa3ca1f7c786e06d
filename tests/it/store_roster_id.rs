//! Schema 5 keeps the trainee's roster id with each attempt (`attempt.roster_id`): a
//! schema-4 database with attempts migrates and keeps them, each without an id; one
//! written by a motcua newer than 5 is refused as before; an attempt started with an
//! id keeps it, and the id is what tells two namesakes' attempts apart.

use motcua_core::session::action;
use motcua_store::store::{
    Filter, Mode, Recorder, Start, Status, Store, StoreError, schema, sha256_hex,
};
use rusqlite::Connection;

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";
const NAME: &str = "Nguyễn Văn An";

/// A database as motcua 4 wrote it: one finished attempt of `NAME` with its log.
fn schema_4(path: &std::path::Path) -> usize {
    let conn = Connection::open(path).expect("creates");
    for step in &schema::MIGRATIONS[..4] {
        conn.execute_batch(step).expect("step");
    }
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .expect("id");
    conn.pragma_update(None, "user_version", 4)
        .expect("version");
    let (s, source) = builtin_source(ID);
    conn.execute(
        "INSERT INTO trainee (id, name, created_at) VALUES (1, ?1, '2026-03-02T01:00:00Z')",
        [NAME],
    )
    .expect("trainee");
    conn.execute(
        "INSERT INTO scenario (sha256, id, source) VALUES (?1, ?2, ?3)",
        rusqlite::params![sha256_hex(&source), ID, source],
    )
    .expect("scenario");
    conn.execute(
        "INSERT INTO attempt (id, trainee_id, scenario_id, scenario_sha256, seed, mode,
             engine_version, world_version, status, started_at, ended_at, total, band,
             passed, played_via)
         VALUES (1, 1, ?1, ?2, ?3, 'exam', '0.1.0', ?4, 'finished', '2026-03-02T01:00:00Z',
             '2026-03-02T02:00:00Z', 100.0, 'xuat-sac', 1, 'screen')",
        rusqlite::params![
            ID,
            sha256_hex(&source),
            s.meta.seed as i64,
            motcua_core::session::WORLD_VERSION
        ],
    )
    .expect("attempt");
    let log = solver_log(&s, s.meta.seed);
    for (i, a) in log.iter().enumerate() {
        let seq = i as u64 + 1;
        conn.execute(
            "INSERT INTO action (attempt_id, seq, line) VALUES (1, ?1, ?2)",
            rusqlite::params![seq as i64, action::log_line(seq, a)],
        )
        .expect("action");
    }
    log.len()
}

#[test]
fn a_schema_4_database_migrates_and_keeps_its_attempts_without_an_id() {
    let tmp = Temp::new();
    let path = tmp.path("v4.db");
    let actions = schema_4(&path);
    let store = Store::open(&path).expect("migrates");
    assert_eq!(store.schema_version().expect("version"), 5);
    assert_eq!(schema::SCHEMA_VERSION, 5);
    let list = store.attempts(&Filter::default()).expect("attempts");
    assert_eq!(list.len(), 1);
    let a = &list[0];
    assert_eq!(
        (a.trainee.as_str(), a.status, a.total),
        (NAME, Status::Finished, Some(100.0))
    );
    assert_eq!(a.actions, actions as u64);
    assert_eq!(a.roster_id, None);
    assert_eq!(store.actions(a.id).expect("log").len(), actions);
    drop(store);
    let conn = Connection::open(&path).expect("reads");
    let id: Option<String> = conn
        .query_row("SELECT roster_id FROM attempt WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("the new column");
    assert_eq!(id, None);
}

#[test]
fn a_database_of_schema_6_is_refused() {
    let tmp = Temp::new();
    let path = tmp.path("v6.db");
    Store::open(&path).expect("creates");
    Connection::open(&path)
        .expect("opens")
        .pragma_update(None, "user_version", 6)
        .expect("version");
    match Store::open(&path) {
        Err(StoreError::TooNew {
            found: 6,
            supported: 5,
            ..
        }) => {}
        other => panic!("expected TooNew, got {other:?}"),
    }
}

#[test]
fn an_attempt_keeps_the_id_it_was_started_with() {
    let tmp = Temp::new();
    let (s, source) = builtin_source(ID);
    let store = Store::open(&tmp.path("m.db")).expect("opens");
    let start = |id| Start {
        trainee: NAME,
        scenario: &s,
        source: &source,
        seed: s.meta.seed,
        mode: Mode::Exam,
        roster_id: id,
    };
    let rec =
        Recorder::start_with(store, &start(Some(" HV02 ")), Default::default()).expect("starts");
    let mut store = rec.into_store();
    // An empty id is no id.
    let other = store
        .open_attempt_via(
            &start(Some("")),
            motcua_store::store::PlayedVia::Screen,
            |_| Vec::new(),
        )
        .expect("opens");
    let list = store.attempts(&Filter::default()).expect("attempts");
    let ids: Vec<Option<&str>> = list.iter().map(|a| a.roster_id.as_deref()).collect();
    assert_eq!(ids, [Some("HV02"), None]);
    assert_eq!(list[1].id, other);
}

//! The bad states of a database file: newer, not SQLite, another program's, locked,
//! read-only, and no file at all for a reading command.

use std::time::Duration;

use motcua_core::session::Action;
use motcua_store::store::{Mode, Options, Store, StoreError, schema};
use rusqlite::Connection;

use crate::support::store::*;

use super::ID;

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

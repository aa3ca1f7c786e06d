//! A `-wal` file removed while motcua writes: no acknowledged action is lost, and the
//! store says so rather than writing on into the removed file (docs/results.md,
//! "A lost -wal file").

use std::path::{Path, PathBuf};
use std::process::Stdio;

use motcua::cli::exit::Exit;
use motcua_core::session::action;
use motcua_store::store::{Mode, Store, StoreError};

use crate::support::store::recorder::Recorder;
use crate::support::store::*;

const ID: &str = "ly-lich-tu-phap";
const SEED: u64 = 5;

fn wal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

#[test]
fn the_store_notices_a_removed_wal_and_keeps_every_commit() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    let (s, source) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    let mut store = Store::open(&db).unwrap();
    let attempt = store
        .open_attempt("Phan Thị Quế", &s, &source, SEED, Mode::Practice)
        .unwrap();
    for (i, a) in log.iter().take(5).enumerate() {
        store.append_action(attempt, i as u64 + 1, a).unwrap();
    }
    std::fs::remove_file(wal(&db)).expect("the WAL file is there while writing");
    match store.append_action(attempt, 6, &log[5]) {
        Err(StoreError::WalLost { path }) => assert_eq!(path, db),
        other => panic!("expected WalLost, got {other:?}"),
    }
    drop(store);
    // The five commits were copied into the database file: all there, nothing more.
    let store = Store::open(&db).unwrap();
    let resume = store
        .unfinished_attempt("Phan Thị Quế", Some(ID))
        .unwrap()
        .expect("unfinished");
    assert_eq!(resume.actions, log[..5]);
}

/// `record` with `answered` actions acknowledged, then its WAL file removed.
fn record_then_remove_wal(
    db: &Path,
    trainee: &str,
    log: &[action::Action],
    answered: usize,
) -> Recorder {
    let mut rec = Recorder::start_with(db, ID, SEED, trainee, Stdio::piped());
    assert_eq!(rec.read()["actions"], 0);
    for (i, a) in log.iter().take(answered).enumerate() {
        rec.send(&action::log_line(i as u64 + 1, a));
        assert_eq!(rec.read()["seq"], i as u64 + 1);
    }
    std::fs::remove_file(wal(db)).expect("WAL present mid-attempt");
    rec
}

/// The rerun resumes with exactly the acknowledged actions and plays on to the score.
fn rerun_resumes_with(db: &Path, trainee: &str, log: &[action::Action], answered: usize) {
    let mut rec = Recorder::start(db, ID, SEED, trainee);
    let head = rec.read();
    assert_eq!(head["resumed"], true, "{head}");
    assert_eq!(head["actions"], answered, "no acknowledged action lost");
    for (i, a) in log.iter().enumerate().skip(answered) {
        rec.send(&action::log_line(i as u64 + 1, a));
    }
    let (last, status) = rec.finish();
    assert!(status.success(), "{last}");
    assert_eq!(last["total"], 100.0, "{last}");
    let store = Store::open(db).unwrap();
    let info = store.attempts(&Default::default()).unwrap();
    let mine = info.iter().find(|i| i.trainee == trainee).unwrap();
    assert_eq!(store.actions(mine.id).unwrap(), log);
}

#[test]
fn record_stops_with_wal_lost_and_exit_1_when_its_wal_is_removed() {
    let tmp = Temp::new();
    let db = tmp.path("w.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    let mut rec = record_then_remove_wal(&db, "Trịnh Văn Sơn", &log, 12);
    // The next action cannot be committed: it is not acknowledged, and record stops.
    rec.send(&action::log_line(13, &log[12]));
    let (last, status) = rec.finish();
    assert_eq!(last, serde_json::Value::Null, "nothing more acknowledged");
    assert_eq!(status.code(), Some(i32::from(Exit::Failed.code())));
    let mut err = String::new();
    use std::io::Read;
    rec.child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("-wal was removed"), "{err}");
    assert!(
        err.contains("Every action acknowledged so far is in"),
        "{err}"
    );
    rerun_resumes_with(&db, "Trịnh Văn Sơn", &log, 12);
}

#[test]
fn a_removed_wal_then_sigkill_loses_no_acknowledged_action() {
    let tmp = Temp::new();
    let db = tmp.path("k.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    let mut rec = record_then_remove_wal(&db, "Ông Thị Tâm", &log, 20);
    assert!(!rec.kill9().success());
    rerun_resumes_with(&db, "Ông Thị Tâm", &log, 20);
}

//! Stored action logs: the recorder commits allowed actions only, a log changed outside
//! motcua is damaged (not edited), one that no longer replays is reported, and an
//! unfinished attempt never shows a partial score.

use motcua_core::score;
use motcua_core::session::Action;
use motcua_store::store::{Filter, Mode, Status, Store, StoreError};
use rusqlite::Connection;

use crate::support::store::*;

use super::ID;

#[test]
fn the_recorder_commits_allowed_actions_only_and_scores_at_the_end() {
    use motcua_store::store::Recorder;
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
        let sum = motcua_store::store::checksum::of(lines.iter().map(String::as_str));
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
    use motcua_store::store::Recorder;
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

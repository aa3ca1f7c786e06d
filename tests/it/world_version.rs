//! The world version in the store: attempts made before the bump (version 1, before
//! the store recorded one; a schema-1 database migrated through both steps) are
//! listed as of that version with their stored score, are never replayed or
//! re-scored, and an unfinished one does not block the training screen: it is
//! offered to be given up. Bundles: `world_version_bundle.rs`.

use motcua::tui::persist::Persist;
use motcua::tui::run::{Options, app};
use motcua::tui::{App, Effect, Msg, Screen};
use motcua_core::score::Grade;
use motcua_core::session::{Action, WORLD_VERSION, action};
use motcua_i18n::Lang;
use motcua_store::store::{Filter, Recorder, Status, Store, StoreError, schema, sha256_hex};
use ratatui::{Terminal, backend::TestBackend};

use crate::support;
use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";
const NAME: &str = "Lê Văn Tám";
/// A score the replay today would not give (before the bump the apology letter
/// made late dossiers on time): stored, it must stay as it was.
const OLD_TOTAL: f64 = 87.5;

/// A database as motcua wrote it before the bump (schema 1, no world version):
/// one finished attempt scored 87.5 (`tot`, one `late`) and one unfinished.
fn old_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("creates");
    conn.execute_batch(schema::MIGRATIONS[0]).expect("schema 1");
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .expect("id");
    conn.pragma_update(None, "user_version", 1)
        .expect("version");
    let (s, source) = builtin_source(ID);
    let sha = sha256_hex(&source);
    conn.execute(
        "INSERT INTO trainee (id, name, created_at) VALUES (1, ?1, '2026-01-05T02:00:00Z')",
        [NAME],
    )
    .expect("trainee");
    conn.execute(
        "INSERT INTO scenario (sha256, id, source) VALUES (?1, ?2, ?3)",
        rusqlite::params![sha, ID, source],
    )
    .expect("scenario");
    let insert = |id: i64, seed: u64, status: &str, scored: bool| {
        let (total, band, passed) = if scored {
            (Some(OLD_TOTAL), Some("tot"), Some(true))
        } else {
            (None, None, None)
        };
        conn.execute(
            "INSERT INTO attempt (id, trainee_id, scenario_id, scenario_sha256, seed, mode,
                 engine_version, status, started_at, ended_at, total, band, passed)
             VALUES (?1, 1, ?2, ?3, ?4, 'practice', '0.1.0', ?5, '2026-01-05T02:00:00Z',
                 ?6, ?7, ?8, ?9)",
            rusqlite::params![
                id,
                ID,
                sha,
                seed as i64,
                status,
                scored.then_some("2026-01-05T03:00:00Z"),
                total,
                band,
                passed
            ],
        )
        .expect("attempt");
        let log = solver_log(&s, seed);
        let keep = if scored { log.len() } else { 5 };
        for (i, a) in log.iter().take(keep).enumerate() {
            let seq = i as u64 + 1;
            conn.execute(
                "INSERT INTO action (attempt_id, seq, line) VALUES (?1, ?2, ?3)",
                rusqlite::params![id, seq as i64, action::log_line(seq, a)],
            )
            .expect("action");
        }
    };
    insert(1, 4, "finished", true);
    insert(2, 6, "open", false);
    conn.execute(
        "INSERT INTO mistake (attempt_id, code, count) VALUES (1, 'late', 1)",
        [],
    )
    .expect("mistake");
}

#[test]
fn attempts_made_before_the_bump_are_of_world_1_and_keep_their_stored_score() {
    let tmp = Temp::new();
    let path = tmp.path("old.db");
    old_database(&path);
    let store = Store::open(&path).expect("migrates");
    // Through every step: 1 → 2 the log checksum, 2 → 3 the world version, 3 → 4 the
    // learning records (how it was played, the outbox), 4 → 5 the roster id.
    assert_eq!(store.schema_version().expect("version"), 5);
    assert_eq!(schema::SCHEMA_VERSION, 5);
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("reads");
    let (checksum, world): (Option<String>, i64) = conn
        .query_row(
            "SELECT log_checksum, world_version FROM attempt WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("both columns");
    assert_eq!(
        (checksum, world),
        (None, 1),
        "old attempts: no checksum, world 1"
    );
    drop(conn);
    let store = Store::open(&path).expect("opens again, nothing to migrate");
    let list = store.attempts(&Filter::default()).expect("attempts");
    let worlds: Vec<u32> = list.iter().map(|a| a.world_version).collect();
    assert_eq!(worlds, [1, 1]);
    assert_eq!(list[0].total, Some(OLD_TOTAL));
    assert_eq!(list[0].band, Some(Grade::Tot));
    assert_eq!(list[0].mistakes.get("late"), Some(&1));
    assert!(!list[0].is_current_world());
    // Progress lists the old score as it was; the old unfinished attempt is not one
    // to continue (so it is not suggested), only to give up.
    let progress = store.progress(NAME, &[ID]).expect("progress");
    let p = &progress.scenarios[0];
    assert!(!p.unfinished && p.unfinished_other_world);
    assert_ne!(
        progress.suggestion.map(|s| s.reason),
        Some(motcua_store::store::SuggestionReason::Continue)
    );
    drop(store);
    let db = path.to_string_lossy().into_owned();
    let (code, out, err) = support::motcua(&[
        "--lang", "en", "--db", &db, "report", "--by", "attempt", "--format", "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let first = &doc["rows"][0];
    assert_eq!(first["world_version"], 1);
    assert_eq!(first["total"], OLD_TOTAL);
    let (code, out, err) =
        support::motcua(&["--lang", "en", "--db", &db, "progress", "--trainee", NAME]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("87.5"), "{out}");
    assert!(
        out.contains("(simulation version 1, score as recorded)"),
        "{out}"
    );
    assert!(
        out.contains("older simulation version is unfinished"),
        "{out}"
    );
    // A new attempt records this motcua's world.
    let mut store = Store::open(&path).expect("reopens");
    let (s, _) = builtin_source(ID);
    let (new, _) = play(&mut store, NAME, ID, 9, &solver_log(&s, 9));
    assert_eq!(
        store.attempt(new).expect("new").world_version,
        WORLD_VERSION
    );
}

#[test]
fn an_old_unfinished_attempt_is_never_resumed_and_record_gives_it_up() {
    let tmp = Temp::new();
    let path = tmp.path("old.db");
    old_database(&path);
    let store = Store::open(&path).expect("migrates");
    let old = store
        .unfinished_attempt(NAME, Some(ID))
        .expect("query")
        .expect("the old open attempt");
    assert_eq!(old.info.world_version, 1);
    let refused = Recorder::resume(store, old).expect_err("not replayed");
    assert!(
        matches!(refused, StoreError::Unreplayable { attempt: 2, .. }),
        "{refused:?}"
    );
    let db = path.to_string_lossy().into_owned();
    let (code, out, err) =
        support::motcua(&["--lang", "en", "--db", &db, "record", ID, "--trainee", NAME]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("simulation version 1"), "{err}");
    assert!(out.contains("\"resumed\":false"), "{out}");
    let store = Store::open(&path).expect("reads");
    let old = store
        .attempt(motcua_store::store::AttemptId(2))
        .expect("kept");
    assert_eq!(old.status, Status::Abandoned);
    assert_eq!(old.actions, 5, "its actions are kept");
    let new = store
        .unfinished_attempt(NAME, Some(ID))
        .expect("query")
        .expect("a new attempt");
    assert_eq!(new.info.world_version, WORLD_VERSION);
}

fn key(app: &mut App, persist: &mut Persist, msg: Msg) {
    let effect = app.handle(msg, &mut |app, action| persist.before(app, action).is_ok());
    match effect {
        Some(Effect::Started) => persist.started(),
        Some(Effect::Resume) => persist.resume(app).expect("store answers"),
        _ => {}
    }
    persist.after(app).expect("store keeps up");
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| motcua::tui::view::render(app, f))
        .expect("draws");
    terminal.backend().to_string()
}

#[test]
fn the_training_screen_offers_to_give_up_an_old_unfinished_attempt_and_plays_on() {
    let tmp = Temp::new();
    let path = tmp.path("old.db");
    old_database(&path);
    let mut persist = Persist::new(Store::open(&path).expect("migrates"));
    let mut a = app(&Options {
        lang: Lang::En,
        ..Options::default()
    });
    support::keys::type_text(&mut a, NAME);
    key(&mut a, &mut persist, Msg::Enter);
    assert_eq!(a.screen, Screen::Library);
    let offer = a.resume.clone().expect("the old attempt is shown");
    assert_eq!((offer.other_world, offer.actions), (Some(1), 5));
    let screen = draw(&a);
    assert!(screen.contains("cannot be continued"), "{screen}");
    assert!(screen.contains("Enter: give"), "{screen}");
    assert!(
        screen.contains("87.5"),
        "the old best score is listed: {screen}"
    );
    // Enter gives it up: nothing is replayed, the library stays.
    key(&mut a, &mut persist, Msg::Enter);
    assert_eq!(a.screen, Screen::Library);
    assert!(a.session.is_none() && a.resume.is_none());
    // The library works as usual: a new attempt starts and is recorded.
    key(&mut a, &mut persist, Msg::Enter); // briefing
    key(&mut a, &mut persist, Msg::Enter); // play
    assert_eq!(a.screen, Screen::Play);
    key(&mut a, &mut persist, Msg::Char('n'));
    let store = Store::open(&path).expect("reads");
    let old = store
        .attempt(motcua_store::store::AttemptId(2))
        .expect("kept");
    assert_eq!(old.status, Status::Abandoned);
    let new = store
        .unfinished_attempt(NAME, None)
        .expect("query")
        .expect("the new attempt");
    assert_eq!(new.info.world_version, WORLD_VERSION);
    assert_eq!(new.actions, [Action::wait_for_next_event()]);
}

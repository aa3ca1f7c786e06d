//! "Nộp bài" (Submit) in the training screen, without a terminal: an exam handed in at
//! any moment (after a confirmation) ends there and its bundle lands in the submit
//! folder marked unfinished, which import keeps and the class lists as unfinished; a
//! debrief is submitted at once; a second submit writes nothing new; the library says
//! where each attempt's learning records and file stand.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use motcua::tui::persist::Persist;
use motcua::tui::run::{Options, app};
use motcua::tui::theme::Theme;
use motcua::tui::{App, Effect, Msg, Screen};
use motcua_i18n::Lang;
use motcua_store::class::{from_store, tally, verify};
use motcua_store::export::bundle;
use motcua_store::export::import::{self, Library, Outcome};
use motcua_store::export::xapi::{Journal, Profile};
use motcua_store::store::{Filter, Mode, Status, Store};

use crate::support;

/// One key, as the terminal loop handles it (Submit included).
fn key(app: &mut App, persist: &mut Persist, msg: Msg) {
    let effect = app.handle(msg, &mut |app, action| persist.before(app, action).is_ok());
    match effect {
        Some(Effect::Started) => persist.started(),
        Some(Effect::Submit) => persist.submit(app),
        _ => {}
    }
    persist.after(app).expect("store keeps up");
}

/// A store whose clock stands still (file names and times are then the same each run).
fn store(path: &Path) -> Store {
    let mut store = Store::open(path).expect("opens");
    store.set_clock(|| Utc.with_ymd_and_hms(2026, 3, 2, 1, 30, 0).unwrap());
    store
}

fn fresh_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-tui-submit-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn exam_app(lang: Lang, folder: &Path) -> App {
    let mut a = app(&Options {
        lang,
        mode: Some(Mode::Exam),
        submit_folder: Some(folder.to_path_buf()),
        ..Options::default()
    });
    a.theme = Theme { color: false };
    a
}

fn to_play(a: &mut App, persist: &mut Persist, name: &str) {
    support::keys::type_text(a, name);
    for _ in 0..3 {
        key(a, persist, Msg::Enter); // library, briefing, play
    }
    assert_eq!(a.screen, Screen::Play);
}

fn files(folder: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn an_exam_handed_in_midway_ends_and_its_bundle_is_marked_unfinished() {
    let dir = fresh_dir("exam");
    let folder = dir.join("nop-bai"); // not there yet: made on the first submit
    let mut persist = Persist::new(store(&dir.join("m.db")));
    let mut a = exam_app(Lang::Vi, &folder);
    to_play(&mut a, &mut persist, "Nguyễn Văn An");
    for msg in [Msg::Char('n'), Msg::Enter, Msg::Char('i')] {
        key(&mut a, &mut persist, msg);
    }
    let played = a.session.as_ref().expect("session").actions().to_vec();
    assert!(!played.is_empty());

    // N asks first; any other key goes on working, nothing is written.
    key(&mut a, &mut persist, Msg::Char('N'));
    assert!(a.submit.confirm);
    key(&mut a, &mut persist, Msg::Back);
    assert!(!a.submit.confirm);
    assert_eq!(a.screen, Screen::Play);
    assert!(files(&folder).is_empty());

    key(&mut a, &mut persist, Msg::Char('N'));
    key(&mut a, &mut persist, Msg::Char('y'));
    // The attempt ended where it stood: the debrief says so, no more actions.
    assert_eq!(a.screen, Screen::Debrief);
    assert!(!a.debrief.as_ref().expect("debrief").is_final);
    let (tone, said) = a
        .submit
        .said
        .clone()
        .expect("the screen says what happened");
    assert_eq!(tone, motcua::tui::app::Tone::Good, "{said}");
    let written = files(&folder);
    assert_eq!(written.len(), 1, "{written:?}");
    let name = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("nguyen-van-an-khai-sinh-co-ban-1-") && name.ends_with(".json"),
        "{name}"
    );
    assert!(said.contains(&name), "{said}");

    let text = std::fs::read_to_string(&written[0]).expect("reads");
    let b = bundle::parse(&text).expect("a bundle `motcua import` reads");
    assert_eq!(b.attempts.len(), 1);
    let got = &b.attempts[0];
    assert!(got.unfinished, "marked unfinished");
    assert_eq!(
        (got.mode, got.trainee.as_str()),
        (Mode::Exam, "Nguyễn Văn An")
    );
    assert_eq!(got.actions.len(), played.len(), "the whole log as it stood");
    assert!(
        b.scenarios.contains_key(&got.scenario_sha256),
        "the scenario text travels with it"
    );
    let store_now = Store::open(&dir.join("m.db")).expect("reads");
    let kept = store_now.attempts(&Filter::default()).expect("attempts");
    assert_eq!(
        kept[0].status,
        Status::Abandoned,
        "closed: it cannot resume"
    );
    assert!(
        store_now
            .unfinished_attempt("Nguyễn Văn An", None)
            .expect("query")
            .is_none(),
        "never offered to continue"
    );

    // Submitted again from the debrief: the same file, not a second one.
    key(&mut a, &mut persist, Msg::Char('N'));
    assert_eq!(files(&folder), written);
    let (_, again) = a.submit.said.clone().expect("said");
    assert!(again.contains("đã được nộp rồi"), "{again}");
    assert!(again.contains(&name), "{again}");
    assert_eq!(std::fs::read_to_string(&written[0]).expect("reads"), text);

    // The instructor imports it: kept without a score, and the class counts it as
    // an unfinished attempt of this trainee instead of dropping them.
    let (mut class_db, outcome) = imported(dir.as_path(), &b);
    assert!(
        matches!(
            outcome,
            Outcome::Imported {
                unfinished: true,
                ..
            }
        ),
        "{outcome:?}"
    );
    let again = import::import(&mut class_db, &b, &Library::builtin()).expect("imports");
    assert!(
        matches!(again[0].outcome, Outcome::Duplicate { .. }),
        "{again:?}"
    );
    let mut library = Library::builtin();
    let claims = from_store::claims(&class_db, &mut library).expect("claims");
    let verdicts = claims.iter().map(|c| verify::verify(c, &library)).collect();
    let report = tally::build(&claims, verdicts, &tally::Selection::default(), None);
    let row = &report.trainees[0];
    assert_eq!(
        (
            row.trainee.as_str(),
            row.attempts,
            row.unfinished,
            row.finished
        ),
        ("Nguyễn Văn An", 1, 1, 0)
    );
}

#[test]
fn a_practice_debrief_is_submitted_once_and_imports_as_finished() {
    let dir = fresh_dir("practice");
    let folder = dir.join("nop-bai");
    let mut persist = Persist::new(store(&dir.join("m.db")));
    let mut a = exam_app(Lang::En, &folder);
    a.mode = Mode::Practice;
    to_play(&mut a, &mut persist, "Trần Thị Bình");
    // In practice, N is not a hand-in: the messages say where it is.
    key(&mut a, &mut persist, Msg::Char('N'));
    assert!(!a.submit.confirm);
    assert_eq!(a.screen, Screen::Play);
    key(&mut a, &mut persist, Msg::Char('q'));
    key(&mut a, &mut persist, Msg::Char('y')); // the rest of the period runs out
    assert_eq!(a.screen, Screen::Debrief);
    assert!(a.debrief.as_ref().expect("debrief").is_final);
    key(&mut a, &mut persist, Msg::Char('N'));
    key(&mut a, &mut persist, Msg::Char('N'));
    let written = files(&folder);
    assert_eq!(written.len(), 1, "{written:?}");
    let b = bundle::parse(&std::fs::read_to_string(&written[0]).expect("reads")).expect("bundle");
    assert!(!b.attempts[0].unfinished);
    let (_, outcome) = imported(dir.as_path(), &b);
    assert!(
        matches!(
            outcome,
            Outcome::Imported {
                unfinished: false,
                replayed: true,
                ..
            }
        ),
        "{outcome:?}"
    );
}

/// The bundle imported into a fresh class database: the database, and what became of
/// its one attempt.
fn imported(dir: &Path, b: &bundle::Bundle) -> (Store, Outcome) {
    let mut class_db = Store::open(&dir.join("class.db")).expect("opens");
    let lines = import::import(&mut class_db, b, &Library::builtin()).expect("imports");
    let outcome = lines[0].outcome.clone();
    (class_db, outcome)
}

/// An exam attempt under way with learning records on (no sender: they wait).
fn exam_with_records(lang: Lang, dir: &Path, folder: &Path) -> (App, Persist) {
    let journal = Journal::new(Some(Profile::plain(lang)));
    let mut persist = Persist::new(store(&dir.join("m.db"))).with_records(journal, None);
    let mut a = exam_app(lang, folder);
    a.submit.lrs = true;
    to_play(&mut a, &mut persist, "Nguyễn Văn An");
    key(&mut a, &mut persist, Msg::Char('n'));
    (a, persist)
}

/// An exam attempt handed in with learning records on.
fn submitted_with_records(lang: Lang, dir: &Path, folder: &Path) -> (App, Persist) {
    let (mut a, mut persist) = exam_with_records(lang, dir, folder);
    key(&mut a, &mut persist, Msg::Char('N'));
    key(&mut a, &mut persist, Msg::Enter);
    assert_eq!(a.screen, Screen::Debrief);
    (a, persist)
}

#[test]
fn the_library_says_where_each_attempts_records_and_file_stand() {
    let dir = fresh_dir("library");
    let folder = dir.join("nop-bai");
    let (mut a, mut persist) = submitted_with_records(Lang::Vi, &dir, &folder);
    key(&mut a, &mut persist, Msg::Char('l'));
    assert_eq!(a.screen, Screen::Library);
    assert_eq!(a.records.len(), 1);
    let row = a.records[0].clone();
    // initialized, interacted (the exam sends each action), terminated.
    assert_eq!((row.waiting, row.sent, row.submitted), (3, 0, true));
    let text = |a: &App| motcua::tui::submit::row_text(Lang::Vi, &a.records[0]);
    assert!(
        text(&a).contains("LRS: 3 bản ghi chờ gửi (đang gửi)"),
        "{}",
        text(&a)
    );
    assert!(text(&a).contains("đã nộp vào thư mục"), "{}", text(&a));

    // The sender (another connection) could not reach the LRS: said in plain words.
    let mut sender = Store::open(&dir.join("m.db")).expect("opens");
    let rows: Vec<i64> = sender
        .waiting(10)
        .expect("waiting")
        .iter()
        .map(|w| w.row)
        .collect();
    sender
        .mark_failed(&rows, "unreachable", "connection refused")
        .expect("marks");
    key(&mut a, &mut persist, Msg::Resize(80, 24)); // any tick reads again
    assert!(
        text(&a).contains("3 bản ghi chờ gửi (không kết nối được LRS)"),
        "{}",
        text(&a)
    );
    sender.mark_sent(&rows).expect("marks");
    key(&mut a, &mut persist, Msg::Resize(80, 24));
    assert!(text(&a).contains("LRS: đã gửi"), "{}", text(&a));
}

#[test]
fn the_new_screens_at_80_by_24() {
    for lang in [Lang::Vi, Lang::En] {
        let tag = match lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        };
        // A folder path that reads the same on every machine: relative to the crate.
        let folder = PathBuf::from(format!("target/tui-submit-snapshots-{tag}"));
        let _ = std::fs::remove_dir_all(&folder);
        let dir = fresh_dir(&format!("snap-{tag}"));
        let (mut a, mut persist) = exam_with_records(lang, &dir, &folder);
        key(&mut a, &mut persist, Msg::Char('N'));
        insta::assert_snapshot!(
            format!("submit-confirm-{tag}"),
            support::screen::draw(&a, 80, 24)
        );
        key(&mut a, &mut persist, Msg::Enter);
        insta::assert_snapshot!(
            format!("submit-done-{tag}"),
            support::screen::draw(&a, 80, 24)
        );
        key(&mut a, &mut persist, Msg::Char('l'));
        insta::assert_snapshot!(
            format!("library-records-{tag}"),
            support::screen::draw(&a, 80, 24)
        );
        let _ = std::fs::remove_dir_all(&folder);
    }
}

#[test]
fn the_workshops_exam_starts_on_its_seed_in_exam_mode_only() {
    let text = motcua_core::scenario::builtin::FILES
        .iter()
        .find(|(file, _)| file.starts_with("khai-sinh-co-ban"))
        .map(|(_, text)| *text)
        .expect("built in");
    let exam = |sha256: String| motcua_store::class::Exam {
        scenario: "khai-sinh-co-ban".into(),
        seed: 777,
        sha256,
    };
    let seed_at_briefing = |mode: Mode, sha256: String| {
        let mut a = app(&Options {
            lang: Lang::En,
            mode: Some(mode),
            exam: Some(exam(sha256)),
            ..Options::default()
        });
        press_all(&mut a, &[Msg::Enter, Msg::Enter]); // library, briefing
        assert_eq!(a.screen, Screen::Briefing);
        a.seed
    };
    let own = support::builtin("khai-sinh-co-ban").meta.seed;
    let sha = motcua_store::store::sha256_hex(text.as_bytes());
    assert_eq!(seed_at_briefing(Mode::Exam, sha.clone()), 777);
    assert_eq!(seed_at_briefing(Mode::Practice, sha), own);
    // Another text of the scenario is not the workshop's exam.
    assert_eq!(seed_at_briefing(Mode::Exam, "0".repeat(64)), own);
    // `motcua play khai-sinh-co-ban --mode exam` too, unless --seed says otherwise.
    let direct = |seed: Option<u64>| {
        let a = app(&Options {
            lang: Lang::En,
            mode: Some(Mode::Exam),
            scenario: Some("khai-sinh-co-ban".into()),
            seed,
            exam: Some(exam(motcua_store::store::sha256_hex(text.as_bytes()))),
            ..Options::default()
        });
        a.session.as_ref().expect("playing").seed()
    };
    assert_eq!((direct(None), direct(Some(5))), (777, 5));
}

fn press_all(a: &mut App, keys: &[Msg]) {
    for k in keys {
        support::keys::press(a, k.clone());
    }
}

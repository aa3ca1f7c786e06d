//! An exam attempt handed in on the training screen (the TUI model, no terminal) with
//! the sending thread on: its records reach the real LRS once, `terminated` with
//! `completion: false`, and handing it in again sends nothing new.

use std::path::Path;
use std::time::{Duration, Instant};

use motcua::tui::persist::Persist;
use motcua::tui::run::{Options, app};
use motcua::tui::{App, Effect, Msg, Screen};
use motcua_i18n::Lang;
use motcua_store::export::xapi::{Journal, Profile};
use motcua_store::lrs::LrsConfig;
use motcua_store::lrs::background::Background;
use motcua_store::store::{Mode, Store};

use crate::support;

fn key(app: &mut App, persist: &mut Persist, msg: Msg) {
    let effect = app.handle(msg, &mut |app, action| persist.before(app, action).is_ok());
    match effect {
        Some(Effect::Started) => persist.started(),
        Some(Effect::Submit) => persist.submit(app),
        _ => {}
    }
    persist.after(app).expect("store keeps up");
}

/// Wait (at most a minute) until the sending thread has sent everything.
fn drained(db: &Path) {
    let start = Instant::now();
    while super::waiting(db) > 0 {
        assert!(start.elapsed() < Duration::from_secs(60), "still waiting");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn an_exam_submitted_on_the_training_screen_arrives_in_the_lrs_once() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let config = LrsConfig::new(
        &ralph.endpoint(),
        support::lrs::USER,
        support::lrs::PASSWORD,
    )
    .expect("url");
    let store = Store::open(&db).expect("opens");
    let sender = Background::start(db.clone(), config);
    let journal = Journal::new(Some(Profile::plain(Lang::Vi)));
    let mut persist = Persist::new(store).with_records(journal, Some(sender));
    let mut a = app(&Options {
        lang: Lang::Vi,
        mode: Some(Mode::Exam),
        submit_folder: Some(dir.path().join("nop-bai")),
        ..Options::default()
    });
    for c in "Lê Thị Hoa".chars() {
        key(
            &mut a,
            &mut persist,
            if c == ' ' { Msg::Space } else { Msg::Char(c) },
        );
    }
    for msg in [
        Msg::Enter,
        Msg::Enter,
        Msg::Enter,
        Msg::Char('n'),
        Msg::Enter,
    ] {
        key(&mut a, &mut persist, msg);
    }
    key(&mut a, &mut persist, Msg::Char('N'));
    key(&mut a, &mut persist, Msg::Char('y'));
    assert_eq!(a.screen, Screen::Debrief);
    drained(&db);

    let registration = super::registration(&db);
    let got = ralph.statements_of(&registration);
    let mut verbs = super::verbs(&got);
    verbs.sort();
    // initialized, one interacted per action (an exam sends each), terminated.
    let actions = a.session.as_ref().expect("session").actions().len();
    let mut expected = vec!["initialized".to_string(), "terminated".to_string()];
    expected.extend(std::iter::repeat_n("interacted".to_string(), actions));
    expected.sort();
    assert_eq!(verbs, expected);
    assert!(super::ids_are_unique(&got));
    let end = got
        .iter()
        .find(|s| super::verbs(std::slice::from_ref(s)) == ["terminated"])
        .expect("terminated");
    assert_eq!(end["result"]["completion"], false);
    assert_eq!(end["actor"]["name"], "Lê Thị Hoa");
    assert!(
        end["result"].get("score").is_none(),
        "no score for an unfinished attempt"
    );

    // The class read from the LRS lists her attempt as unfinished, not dropped.
    let lrs = super::Lrs {
        url: &ralph.endpoint(),
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let out = super::motcua(&db, Some(&lrs), &["class", "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let row = report["trainees"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["trainee"] == "Lê Thị Hoa"))
        .unwrap_or_else(|| panic!("listed: {report}"));
    assert_eq!(
        (&row["unfinished"], &row["finished"]),
        (&1.into(), &0.into())
    );

    // Handed in again: the same file, nothing new in the LRS.
    key(&mut a, &mut persist, Msg::Char('N'));
    drained(&db);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(ralph.statements_of(&registration).len(), got.len());
}

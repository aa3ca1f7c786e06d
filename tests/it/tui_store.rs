//! The TUI and the results store together: each action is committed before it is
//! applied, a lost window resumes exactly where it stopped, the library shows the
//! trainee's best score, and names seen before are offered.

use motcua::tui::persist::Persist;
use motcua::tui::run::{Options, app};
use motcua::tui::{App, Effect, Msg, Screen};
use motcua_core::session::{Action, solver};
use motcua_i18n::Lang;
use motcua_store::store::Store;

use crate::support;

fn db(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-tui-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// One key, as the terminal loop handles it.
fn key(app: &mut App, persist: &mut Persist, msg: Msg) {
    let effect = app.handle(msg, &mut |app, action| persist.before(app, action).is_ok());
    match effect {
        Some(Effect::Started) => persist.started(),
        Some(Effect::Resume) => persist.resume(app).expect("resumes"),
        _ => {}
    }
    persist.after(app).expect("store keeps up");
}

fn welcome_to_play(app: &mut App, persist: &mut Persist, name: &str) {
    support::keys::type_text(app, name);
    key(app, persist, Msg::Enter); // library
    key(app, persist, Msg::Enter); // briefing
    key(app, persist, Msg::Enter); // play
    assert_eq!(app.screen, Screen::Play);
}

#[test]
fn a_lost_window_resumes_with_every_action_and_the_best_score_is_kept() {
    let path = db("resume.db");
    let mut persist = Persist::new(Store::open(&path).expect("opens"));
    let mut a = app(&Options {
        lang: Lang::Vi,
        ..Options::default()
    });
    welcome_to_play(&mut a, &mut persist, "Đỗ Thu Hà");
    for msg in [
        Msg::Char('n'),
        Msg::Enter,
        Msg::Char('i'),
        Msg::Char('a'),
        Msg::Enter,
    ] {
        key(&mut a, &mut persist, msg);
    }
    let played = a.session.as_ref().expect("session").events().to_vec();
    let actions = a.session.as_ref().expect("session").actions().len();
    // The window is gone: nothing is closed, nothing more is written.
    drop(a);
    drop(persist);

    let mut persist = Persist::new(Store::open(&path).expect("reopens"));
    let mut b = app(&Options {
        lang: Lang::Vi,
        ..Options::default()
    });
    persist.fill_welcome(&mut b);
    assert_eq!(b.welcome.known, ["Đỗ Thu Hà"]);
    key(&mut b, &mut persist, Msg::Right); // pick the known name
    key(&mut b, &mut persist, Msg::Enter);
    let offer = b.resume.clone().expect("the unfinished attempt is offered");
    assert_eq!(offer.actions, actions);
    key(&mut b, &mut persist, Msg::Enter);
    assert_eq!(b.screen, Screen::Play);
    let session = b.session.as_ref().expect("resumed");
    assert_eq!(
        session.events(),
        played.as_slice(),
        "exactly where it stopped"
    );

    // Finish it perfectly: the score is kept and the library shows it.
    for _ in 0..2_000 {
        if b.screen != Screen::Play {
            break;
        }
        let Some(s) = b.session.as_ref() else { break };
        let next = solver::most_urgent(s).unwrap_or_else(Action::wait_for_next_event);
        support::keys::play_with(&mut b, &next, &mut |app, msg| key(app, &mut persist, msg));
    }
    assert_eq!(b.screen, Screen::Debrief);
    let total = b.debrief.as_ref().expect("debrief").total();
    key(&mut b, &mut persist, Msg::Char('l'));
    assert_eq!(b.screen, Screen::Library);
    assert_eq!(
        b.best,
        [("khai-sinh-co-ban".to_string(), total)],
        "the new best shows at once"
    );
    // Progress suggests the next scenario of the curriculum, and the cursor is on it.
    let next = motcua_core::scenario::builtin::FILES[1]
        .0
        .trim_end_matches(".toml");
    assert_eq!(b.suggestion.as_ref().map(|(id, _)| id.as_str()), Some(next));
    let selected = b
        .selected_entry()
        .and_then(|e| e.loaded.as_ref().ok())
        .map(|s| s.meta.id.clone());
    assert_eq!(selected.as_deref(), Some(next));
    let store = Store::open(&path).expect("reads");
    assert!(
        store
            .unfinished_attempt("Đỗ Thu Hà", None)
            .expect("query")
            .is_none()
    );
    let kept = store
        .attempts(&motcua_store::store::Filter::default())
        .expect("attempts");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].total,
        Some(total),
        "the kept score is the played one"
    );
    let log = store.actions(kept[0].id).expect("log");
    let scenario = support::builtin("khai-sinh-co-ban");
    let replayed = motcua_core::session::replay(&scenario, kept[0].seed, &log)
        .expect("the stored log replays");
    assert_eq!(
        motcua_core::score::score(&replayed).total(),
        total,
        "every action was stored"
    );
    let mut c = app(&Options {
        lang: Lang::Vi,
        ..Options::default()
    });
    let mut persist = Persist::new(store);
    c.welcome.name = "Đỗ Thu Hà".into();
    key(&mut c, &mut persist, Msg::Enter);
    assert_eq!(c.best, [("khai-sinh-co-ban".to_string(), total)]);
}

#[test]
fn a_refused_action_is_not_stored() {
    let path = db("refused.db");
    let mut persist = Persist::new(Store::open(&path).expect("opens"));
    let mut a = app(&Options {
        lang: Lang::En,
        ..Options::default()
    });
    welcome_to_play(&mut a, &mut persist, "Tester");
    key(&mut a, &mut persist, Msg::Char('n'));
    key(&mut a, &mut persist, Msg::Char('a'));
    key(&mut a, &mut persist, Msg::Enter); // not opened: refused
    let store = Store::open(&path).expect("reads");
    let resume = store
        .unfinished_attempt("Tester", None)
        .expect("query")
        .expect("open attempt");
    assert_eq!(resume.actions, [Action::wait_for_next_event()]);
}

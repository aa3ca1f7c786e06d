//! Picking one's name from the workshop's class list on the welcome screen, without a
//! terminal: typing filters, two people of one name are told apart by their id, a name
//! typed without diacritics is only suggested (never replaced unasked), a name not on
//! the list is allowed and marked, and the id picked is kept with the attempt and
//! becomes the learning records' account name.

use motcua::tui::persist::Persist;
use motcua::tui::roster_pick::{Kind, Standing};
use motcua::tui::run::{Options, app};
use motcua::tui::theme::Theme;
use motcua::tui::{App, Msg, Screen};
use motcua_i18n::Lang;
use motcua_store::class::Roster;
use motcua_store::export::xapi::{Journal, Profile};
use motcua_store::store::Store;

use crate::support;
use crate::support::keys::{press, type_text};

const CLASS: &str = "Mã;Họ và tên\r\nHV01;Nguyễn Văn An\r\nHV02;Nguyễn Văn An\r\nHV03;Trần Thị Bình\r\nHV04;Lê Hoàng Nam\r\n";

fn with_roster(lang: Lang) -> App {
    let roster = Roster::parse(CLASS.as_bytes()).expect("the class list reads");
    let mut a = app(&Options {
        lang,
        roster: Some(roster),
        ..Options::default()
    });
    a.theme = Theme { color: false };
    a
}

fn shown(a: &App) -> Vec<(String, Kind)> {
    let p = &a.welcome.roster;
    p.matches(&a.welcome.name)
        .into_iter()
        .map(|(i, k)| (p.label(i), k))
        .collect()
}

#[test]
fn typing_filters_and_namesakes_show_their_ids() {
    let mut a = with_roster(Lang::Vi);
    type_text(&mut a, "bình");
    assert_eq!(shown(&a), [("Trần Thị Bình".to_string(), Kind::Direct)]);
    assert_eq!(
        a.welcome.roster.standing(&a.welcome.name),
        Standing::NotListed
    );
    for _ in 0..4 {
        press(&mut a, Msg::Backspace);
    }
    type_text(&mut a, "Nguyễn");
    assert_eq!(
        shown(&a),
        [
            ("Nguyễn Văn An (HV01)".to_string(), Kind::Direct),
            ("Nguyễn Văn An (HV02)".to_string(), Kind::Direct)
        ]
    );
    // The second An: ↓ ↓ Enter takes that name and that id, and stays to show it.
    press(&mut a, Msg::Down);
    press(&mut a, Msg::Down);
    press(&mut a, Msg::Enter);
    assert_eq!(a.screen, Screen::Welcome);
    assert_eq!(a.welcome.name, "Nguyễn Văn An");
    let p = &a.welcome.roster;
    assert_eq!(p.chosen_id(&a.welcome.name).as_deref(), Some("HV02"));
    press(&mut a, Msg::Enter);
    assert_eq!(a.screen, Screen::Library);
}

#[test]
fn a_name_typed_without_diacritics_is_only_a_suggestion() {
    let mut a = with_roster(Lang::Vi);
    type_text(&mut a, "le hoang nam");
    assert_eq!(shown(&a), [("Lê Hoàng Nam".to_string(), Kind::Suggestion)]);
    assert_eq!(
        a.welcome.roster.standing(&a.welcome.name),
        Standing::NotListed
    );
    // Enter without picking: the name stays as typed, off the list, no id.
    press(&mut a, Msg::Enter);
    assert_eq!(a.screen, Screen::Library);
    assert_eq!(a.welcome.name, "le hoang nam");
    assert_eq!(a.welcome.roster.chosen_id(&a.welcome.name), None);

    // Picking the suggestion is the trainee's own choice.
    let mut b = with_roster(Lang::Vi);
    type_text(&mut b, "le hoang nam");
    press(&mut b, Msg::Down);
    press(&mut b, Msg::Enter);
    assert_eq!(b.welcome.name, "Lê Hoàng Nam");
    assert_eq!(
        b.welcome.roster.chosen_id(&b.welcome.name).as_deref(),
        Some("HV04")
    );
    // Editing the name again drops the pick.
    press(&mut b, Msg::Backspace);
    assert_eq!(b.welcome.roster.chosen_id(&b.welcome.name), None);
}

#[test]
fn an_exact_name_shared_by_two_needs_the_id_and_up_goes_back_to_typing() {
    let mut a = with_roster(Lang::En);
    type_text(&mut a, "Nguyễn Văn An");
    assert_eq!(
        a.welcome.roster.standing(&a.welcome.name),
        Standing::Ambiguous(2)
    );
    assert_eq!(a.welcome.roster.chosen_id(&a.welcome.name), None);
    press(&mut a, Msg::Down);
    assert_eq!(a.welcome.roster.cursor, Some(0));
    press(&mut a, Msg::Up);
    assert_eq!(a.welcome.roster.cursor, None);
    assert_eq!(a.welcome.field, 0, "still on the name line");
    // A unique exact name is on the list as typed.
    let mut b = with_roster(Lang::En);
    type_text(&mut b, "trần thị bình");
    assert_eq!(
        b.welcome.roster.standing(&b.welcome.name),
        Standing::Listed(2)
    );
    assert_eq!(
        b.welcome.roster.chosen_id(&b.welcome.name).as_deref(),
        Some("HV03")
    );
}

#[test]
fn the_id_picked_is_kept_with_the_attempt_and_is_the_learning_records_account_name() {
    let dir = std::env::temp_dir().join(format!("motcua-tui-roster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("m.db");
    let _ = std::fs::remove_file(&path);
    let journal = Journal::new(Some(Profile::plain(Lang::Vi)));
    let mut persist = Persist::new(Store::open(&path).expect("opens")).with_records(journal, None);
    let mut a = with_roster(Lang::Vi);
    type_text(&mut a, "nguyễn");
    press(&mut a, Msg::Down);
    press(&mut a, Msg::Down);
    for _ in 0..4 {
        // pick, library, briefing, play
        let _ = a.handle(Msg::Enter, &mut |app, action| {
            persist.before(app, action).is_ok()
        });
        persist.after(&mut a).expect("store keeps up");
    }
    assert_eq!(a.screen, Screen::Play);
    let store = Store::open(&path).expect("reads");
    let waiting = store.waiting(10).expect("waiting");
    let initialized: serde_json::Value =
        serde_json::from_str(&waiting[0].body).expect("a statement");
    assert_eq!(initialized["actor"]["name"], "Nguyễn Văn An");
    assert_eq!(initialized["actor"]["account"]["name"], "HV02");
    let ext = motcua_store::export::xapi::profile::ext("trainee-id");
    assert_eq!(initialized["context"]["extensions"][ext], "HV02");
    // The results database keeps it too: the bundle and the class report read it there.
    let attempts = store
        .attempts(&motcua_store::store::Filter::default())
        .expect("attempts");
    assert_eq!(attempts[0].roster_id.as_deref(), Some("HV02"));
}

#[test]
fn the_welcome_screen_with_a_class_list_at_80_by_24() {
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut a = with_roster(lang);
        insta::assert_snapshot!(
            format!("welcome-roster-empty-{tag}"),
            support::screen::draw(&a, 80, 24)
        );
        type_text(&mut a, "nguyen van");
        press(&mut a, Msg::Down);
        insta::assert_snapshot!(
            format!("welcome-roster-pick-{tag}"),
            support::screen::draw(&a, 80, 24)
        );
    }
}

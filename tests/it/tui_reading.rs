//! The play screen a trainee can read: the newest message always in view, every
//! long pane reachable to its end, tables cut with "…", no key acting unseen, focus
//! following the trainee, and a name field that takes every character as text.

use motcua::tui::app::Focus;
use motcua::tui::update::NAME_MAX;
use motcua::tui::{Effect, Msg, Screen};
use motcua_core::session::Action;
use motcua_i18n::Lang;

use crate::support::keys::{press, type_text};
use crate::support::screen::{draw, fresh, playing};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn tag(lang: Lang, (w, h): (u16, u16)) -> String {
    format!("{}-{w}x{h}", lang.code())
}

/// `ly-lich-tu-phap` with at least 12 messages: wait for each dossier, open it and
/// accept it uninspected (practice feedback each time).
fn twelve_messages(lang: Lang) -> motcua::tui::App {
    let mut a = playing(lang, "ly-lich-tu-phap");
    while a.play.notes.len() < 12 && a.screen == Screen::Play {
        press(&mut a, Msg::Char('n'));
        // The newest arrival is the last open row.
        for _ in 0..10 {
            press(&mut a, Msg::Down);
        }
        press(&mut a, Msg::Enter);
        press(&mut a, Msg::Char('a'));
        press(&mut a, Msg::Enter);
    }
    assert!(a.play.notes.len() >= 12, "{} notes", a.play.notes.len());
    a
}

#[test]
fn the_newest_message_is_always_in_view() {
    for lang in [Lang::Vi, Lang::En] {
        let a = twelve_messages(lang);
        let newest = a.play.notes.last().expect("a note").text.clone();
        // The first words of the newest message (before any wrap) are on screen.
        let start: String = newest.chars().take(12).collect();
        for size in SIZES {
            let screen = draw(&a, size.0, size.1);
            assert!(screen.contains(&start), "{start:?} not in view:\n{screen}");
            // Older ones are above, and the border says so.
            let above = if lang == Lang::Vi {
                "↑ còn nữa"
            } else {
                "↑ more"
            };
            assert!(screen.contains(above), "{screen}");
            insta::assert_snapshot!(format!("messages-{}", tag(lang, size)), screen);
        }
    }
}

#[test]
fn one_icon_per_message_and_the_log_scrolls_and_opens_full_screen() {
    let mut a = twelve_messages(Lang::Vi);
    let screen = draw(&a, 200, 40);
    // The feedback used to repeat its icon after the time: "✖ 14/07 08:25 ✖ Tiếp nhận…".
    for line in screen.lines() {
        assert!(line.matches('✖').count() <= 1, "{line}");
    }
    // Tab to the messages panel reads them: the feedback is no longer new.
    assert!(a.play.unread_feedback > 0);
    press(&mut a, Msg::Tab);
    press(&mut a, Msg::Tab);
    assert_eq!(a.play.focus, Focus::Messages);
    assert_eq!(a.play.unread_feedback, 0);
    // Scrolling up to the oldest shows the first arrival; End returns to the newest.
    let first = a.play.notes[0].text.chars().take(12).collect::<String>();
    draw(&a, 80, 24);
    press(&mut a, Msg::Home);
    assert!(draw(&a, 80, 24).contains(&first));
    press(&mut a, Msg::End);
    let newest: String = a
        .play
        .notes
        .last()
        .expect("a note")
        .text
        .chars()
        .take(12)
        .collect();
    assert!(draw(&a, 80, 24).contains(&newest));
    // `v`: every message over the whole screen; Esc closes.
    press(&mut a, Msg::Char('v'));
    let full = draw(&a, 120, 40);
    assert!(full.contains("Tất cả tin nhắn"), "{full}");
    press(&mut a, Msg::Back);
    assert!(!a.play.log_view);
}

/// Open the first dossier of `ly-lich-tu-phap`: its declared data is long.
fn long_dossier(lang: Lang) -> motcua::tui::App {
    let mut a = playing(lang, "ly-lich-tu-phap");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Enter);
    a
}

#[test]
fn a_long_dossier_scrolls_to_its_end() {
    for lang in [Lang::Vi, Lang::En] {
        for size in SIZES {
            let mut a = long_dossier(lang);
            draw(&a, size.0, size.1);
            press(&mut a, Msg::End);
            let screen = draw(&a, size.0, size.1);
            // The last declared value of the last party: the end is reachable.
            let session = a.session.as_ref().expect("session");
            let code = &session.queue().next().expect("a dossier").0.code;
            let (d, _) = session.find(code).expect("found");
            let last = d
                .parties
                .values()
                .next_back()
                .and_then(|data| {
                    data.values
                        .iter()
                        .rev()
                        .find(|(_, v)| !v.to_string().is_empty())
                })
                .map(|(_, v)| v.to_string())
                .expect("a declared value");
            let tail: String = last
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert!(screen.contains(&tail), "{tail:?} not reached:\n{screen}");
            insta::assert_snapshot!(format!("dossier-end-{}", tag(lang, size)), screen);
        }
    }
}

#[test]
fn the_library_at_80_columns_cuts_titles_with_an_ellipsis() {
    for lang in [Lang::Vi, Lang::En] {
        let mut a = fresh(lang);
        type_text(&mut a, "Trần Thị Bình");
        press(&mut a, Msg::Enter);
        let screen = draw(&a, 80, 24);
        assert!(screen.contains('…'), "{screen}");
        // Every role and level is whole: only the title gives way.
        for word in ["Chuyên viên", "Trung bình", "Nâng cao"] {
            let word = if lang == Lang::En {
                match word {
                    "Chuyên viên" => "Specialist",
                    "Trung bình" => "Intermediate",
                    _ => "Advanced",
                }
            } else {
                word
            };
            assert!(screen.contains(word), "{word:?}:\n{screen}");
        }
        insta::assert_snapshot!(format!("library-80-{}", lang.code()), screen);
    }
}

#[test]
fn no_key_but_quit_acts_while_the_window_is_too_small() {
    let mut a = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Resize(70, 20));
    let now = a.session.as_ref().map(|s| s.now());
    let actions = a.session.as_ref().map(|s| s.actions().len());
    let keys = [
        Msg::Char('n'),
        Msg::Char('w'),
        Msg::Char('e'),
        Msg::Enter,
        Msg::Char('a'),
        Msg::Char('i'),
        Msg::Char('v'),
        Msg::Char('?'),
        Msg::Help,
        Msg::Tab,
        Msg::Down,
        Msg::Up,
        Msg::PageDown,
        Msg::End,
        Msg::Back,
        Msg::Space,
        Msg::Paste("q".into()),
    ];
    for key in keys {
        let effect = a.handle(key.clone(), &mut |_, _| true);
        assert_eq!(effect, None, "{key:?} did something");
    }
    assert_eq!(
        a.session.as_ref().map(|s| s.now()),
        now,
        "the clock moved unseen"
    );
    assert_eq!(a.session.as_ref().map(|s| s.actions().len()), actions);
    assert!(!a.help && !a.play.log_view && a.play.form.is_none());
    assert_eq!(a.play.focus, Focus::Queue);
    assert_eq!(a.screen, Screen::Play);
    assert!(draw(&a, 70, 20).contains("trừ q (thoát)"));
    assert_eq!(
        a.handle(Msg::Char('q'), &mut |_, _| true),
        Some(Effect::Quit)
    );
    // Big enough again: keys work.
    press(&mut a, Msg::Resize(80, 24));
    press(&mut a, Msg::Char('n'));
    assert_ne!(a.session.as_ref().map(|s| s.now()), now);
}

#[test]
fn after_a_dialog_or_the_clock_focus_is_back_on_the_queue_on_the_same_dossier() {
    let mut a = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Enter);
    assert_eq!(a.play.focus, Focus::Document);
    press(&mut a, Msg::Char('a'));
    press(&mut a, Msg::Enter);
    assert_eq!(a.play.focus, Focus::Queue);
    let screen = draw(&a, 100, 30);
    assert!(
        screen.contains("│▶ "),
        "the queue marks its selection:\n{screen}"
    );
    press(&mut a, Msg::Tab);
    press(&mut a, Msg::Char('n'));
    assert_eq!(a.play.focus, Focus::Queue);
}

#[test]
fn inspecting_an_inspected_component_again_costs_nothing_and_says_so() {
    let mut a = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Enter);
    press(&mut a, Msg::Char('i'));
    let session = a.session.as_ref().expect("session");
    let (now, actions) = (session.now(), session.actions().len());
    press(&mut a, Msg::Char('i'));
    let session = a.session.as_ref().expect("session");
    assert_eq!((session.now(), session.actions().len()), (now, actions));
    assert!(matches!(
        session.actions().last(),
        Some(Action::Inspect { .. })
    ));
    let note = &a.play.notes.last().expect("a note").text;
    assert!(note.contains("Đã kiểm tra"), "{note}");
}

#[test]
fn the_name_field_takes_every_character_as_text_up_to_the_limit() {
    let mut a = fresh(Lang::Vi);
    // 'q' and '?' are letters here, also past the limit: never quit or help.
    let long: String = "Nguyễn Thị Quỳnh q? "
        .chars()
        .cycle()
        .take(NAME_MAX + 20)
        .collect();
    type_text(&mut a, &long);
    assert_eq!(a.screen, Screen::Welcome);
    assert!(!a.help);
    assert_eq!(a.welcome.name.chars().count(), NAME_MAX);
    assert_eq!(
        a.welcome.name,
        long.chars().take(NAME_MAX).collect::<String>()
    );
    assert!(draw(&a, 80, 24).contains("tối đa 100 ký tự · đã gõ 100"));
    // A paste is text too; a line break becomes a space, other controls go.
    let mut b = fresh(Lang::Vi);
    press(&mut b, Msg::Paste("Lê\u{1b}[2J Văn\nAn".into()));
    assert_eq!(b.welcome.name, "Lê[2J Văn An");
}

#[test]
fn overdue_says_so_instead_of_zero_time_left() {
    let mut a = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Enter);
    press(&mut a, Msg::Char('a'));
    press(&mut a, Msg::Enter);
    // khai-sinh-co-ban is due the same day: the next day it is overdue.
    press(&mut a, Msg::Char('e'));
    let screen = draw(&a, 100, 30);
    assert!(screen.contains("✖ 260302-0001"), "{screen}");
    assert!(screen.contains("quá hạn"), "{screen}");
    assert!(!screen.contains("0g00"), "{screen}");
}

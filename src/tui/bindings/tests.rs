//! The key table against the screens: every row is in its screen's help and footer in
//! both languages, no two rows take one key in one state, and pressing a row's keys
//! where it works does something a trainee sees. Driven from the table, so a new key
//! cannot skip the help.

use super::{Binding, Cmd, Key, On, TABLE, command};
use crate::tui::app::{App, DebriefTab, Mode, Screen};
use crate::tui::msg::{Effect, Msg};
use crate::tui::run::{Options, app};
use crate::tui::view::{help, keys};
use motcua_i18n::Lang;

const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

/// An app on the play screen of the first built-in scenario, a dossier in the queue.
fn playing(lang: Lang) -> App {
    let mut a = app(&Options {
        lang,
        scenario: Some("khai-sinh-co-ban".into()),
        trainee: Some("Học viên".into()),
        ..Options::default()
    });
    if a.screen != Screen::Play {
        a.screen = Screen::Library;
        a.start();
    }
    for _ in 0..20 {
        if !a.play.queue.is_empty() {
            break;
        }
        a.apply(motcua_core::session::Action::wait_for_next_event());
    }
    assert!(!a.play.queue.is_empty(), "a dossier arrived");
    a
}

/// An app in a state where `on` holds.
fn where_it_works(lang: Lang, on: On) -> App {
    let mut a = playing(lang);
    match on {
        On::Anywhere => {}
        // On the dossier pane, so that every pane key moves something.
        On::Play => a.play.focus = crate::tui::app::Focus::Document,
        On::Library => {
            a.session = None;
            a.screen = Screen::Library;
        }
        On::Briefing => a.screen = Screen::Briefing,
        On::Debrief | On::Results => {
            a.finish();
            a.debrief_tab = DebriefTab::Results;
        }
    }
    assert!(on.holds(&a), "{on:?} holds");
    a
}

fn keys_of(b: &Binding) -> impl Iterator<Item = Key> + '_ {
    std::iter::once(b.key).chain(b.also.iter().copied())
}

/// What a trainee can see change after a key.
fn seen(a: &App) -> String {
    format!(
        "{:?} {} {:?} {} {} {} {} {:?} {} {} {}",
        a.screen,
        a.help,
        a.play.focus,
        a.play.log_view,
        a.play.confirm_quit,
        a.play.form.is_some(),
        a.seed,
        a.debrief_tab,
        a.debrief_details,
        a.play.notes.len(),
        a.submit.confirm,
    )
}

#[test]
fn no_two_rows_take_one_key_in_one_state() {
    for on in [On::Library, On::Briefing, On::Play, On::Results] {
        let a = where_it_works(Lang::Vi, on);
        let mut taken: Vec<(Key, Cmd)> = Vec::new();
        for b in TABLE.iter().filter(|b| b.on.holds(&a)) {
            for k in keys_of(b) {
                assert!(
                    !taken.iter().any(|(t, c)| *t == k && *c != b.cmd),
                    "{k:?} is taken twice in {on:?}"
                );
                taken.push((k, b.cmd));
            }
        }
    }
}

#[test]
fn every_row_is_in_the_help_in_both_languages() {
    for l in LANGS {
        for b in TABLE {
            match b.on.screen() {
                Some(screen) => {
                    let text = help::key_lines(l, screen).join("\n");
                    let sentence = super::help_text(l, b);
                    assert!(
                        text.contains(&sentence),
                        "{l:?} help of {screen:?} lacks {sentence}"
                    );
                    assert!(sentence.contains(&super::keys_text(l, b)), "{sentence}");
                }
                // The help key is in every help's closing line.
                None => {
                    for screen in [
                        Screen::Library,
                        Screen::Briefing,
                        Screen::Play,
                        Screen::Debrief,
                    ] {
                        assert!(help::close(l, screen).contains(&b.key.name()));
                    }
                }
            }
        }
    }
}

/// Rows the footer leaves to the help, on purpose: Esc back to the queue (the
/// footer's room goes to the steps; Esc is the usual way back everywhere).
const HELP_ONLY: &[Cmd] = &[Cmd::ToQueue];

#[test]
fn every_row_is_in_a_footer_in_both_languages() {
    for l in LANGS {
        for b in TABLE.iter().filter(|b| !HELP_ONLY.contains(&b.cmd)) {
            let screens = match b.on.screen() {
                Some(s) => vec![s],
                None => vec![Screen::Library, Screen::Briefing, Screen::Play],
            };
            for screen in screens {
                let hints: Vec<String> = keys::all(screen)
                    .into_iter()
                    .map(|items| keys::hint(l, screen, items))
                    .collect();
                // The exam's submit key sits in the header, drawn with the same hint.
                let header = (screen == Screen::Play && b.cmd == Cmd::Submit)
                    .then(|| keys::hint(l, screen, &[keys::Item::Key(Cmd::Submit)]));
                // Its key and words, or its key with the words its state asks for.
                let own = super::footer_text(l, b, None);
                let want = format!("{} ", b.key.name());
                let shown = hints.iter().chain(&header).any(|h| {
                    h.split(" · ")
                        .any(|item| item == own || item.starts_with(&want))
                });
                assert!(shown, "{l:?}: {:?} on {screen:?} is in no footer", b.cmd);
            }
        }
    }
}

#[test]
fn the_exam_header_shows_the_submit_key() {
    let mut a = playing(Lang::Vi);
    a.mode = Mode::Exam;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| crate::tui::view::render(&a, f))
        .expect("draws");
    let screen = terminal.backend().to_string();
    let b = super::binding(Screen::Play, Cmd::Submit).expect("a row");
    assert!(screen.contains(&super::footer_text(Lang::Vi, b, None)));
}

#[test]
fn pressing_each_key_where_it_works_does_its_command() {
    for b in TABLE {
        for k in keys_of(b) {
            let mut a = where_it_works(Lang::En, b.on);
            assert_eq!(command(&a, &k.msg()), Some(b.cmd), "{k:?} in {:?}", b.on);
            let before = seen(&a);
            let effect = crate::tui::update::update(&mut a, k.msg());
            let acted = effect.is_some() || seen(&a) != before;
            assert!(acted, "{k:?} ({:?}) did nothing in {:?}", b.cmd, b.on);
            if b.cmd == Cmd::Quit {
                assert_eq!(effect, Some(Effect::Quit));
            }
            if b.cmd == Cmd::Help {
                assert!(a.help, "{k:?} opens the help");
            }
        }
    }
}

#[test]
fn a_key_outside_its_state_is_not_its_command() {
    // `d` shows each mistake on the results only, not on the timeline tab.
    let mut a = where_it_works(Lang::Vi, On::Results);
    a.debrief_tab = DebriefTab::Timeline;
    let d = super::binding(Screen::Debrief, Cmd::Details).expect("a row");
    assert_ne!(command(&a, &d.key.msg()), Some(Cmd::Details));
    // A form takes the letters: `i` there is not "inspect".
    let mut a = playing(Lang::Vi);
    crate::tui::update::update(
        &mut a,
        super::key_of(Screen::Play, Cmd::Accept).expect("a").msg(),
    );
    assert!(a.play.form.is_some());
    assert_eq!(command(&a, &Msg::Char('i')), None);
}

/// The key table of docs/trainee-guide.md (section 11, in each language): the keys
/// of each "where" group, as the guide writes them (`a`).
fn guide_keys(section: &str, place: &str) -> String {
    let guide = include_str!("../../../docs/trainee-guide.md");
    let table = guide
        .split(section)
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("the guide has its key table");
    let mut current = String::new();
    let mut keys = String::new();
    for row in table.lines().filter(|r| r.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        if !cells[1].is_empty() {
            current = cells[1].to_string();
        }
        if current == place {
            keys.push_str(cells[2]);
            keys.push(' ');
        }
    }
    keys
}

#[test]
fn the_trainee_guide_lists_every_key_of_the_table() {
    let places = [
        (
            "### 11. Bảng phím",
            ["Mọi nơi", "Thư viện", "Nhiệm vụ", "Làm việc", "Kết quả"],
        ),
        (
            "### 11. Key table",
            ["Everywhere", "Library", "Briefing", "Play", "Debrief"],
        ),
    ];
    for (section, [anywhere, library, briefing, play, debrief]) in places {
        for b in TABLE {
            let place = match b.on {
                On::Anywhere => anywhere,
                On::Library => library,
                On::Briefing => briefing,
                On::Play => play,
                On::Debrief | On::Results => debrief,
            };
            let listed = guide_keys(section, place);
            for k in keys_of(b) {
                let key = format!("`{}`", k.name());
                assert!(
                    listed.contains(&key),
                    "{section}: {place} lacks {key} ({:?})",
                    b.cmd
                );
            }
        }
    }
}

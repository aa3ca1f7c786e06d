//! Every screen of the TUI, in Vietnamese and English, driven by the keys a user
//! types and drawn through ratatui's TestBackend; and a whole scenario played to
//! its debrief by keyboard alone.

use motcua::tui::run::{Options, app};
use motcua::tui::theme::Theme;
use motcua::tui::{Msg, Screen};
use motcua_core::session::{Action, solver};
use motcua_i18n::Lang;

use crate::support;
use crate::support::keys::{play, press, type_text};
use crate::support::screen::{draw, fresh, playing};

fn tag(lang: Lang) -> &'static str {
    lang.code()
}

#[test]
fn welcome_library_and_briefing_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        let mut a = fresh(lang);
        type_text(&mut a, "Trần Thị Bình");
        insta::assert_snapshot!(format!("welcome-{}", tag(lang)), draw(&a, 80, 24));
        press(&mut a, Msg::Enter);
        assert_eq!(a.screen, Screen::Library);
        press(&mut a, Msg::Down);
        insta::assert_snapshot!(format!("library-{}", tag(lang)), draw(&a, 100, 30));
        press(&mut a, Msg::Enter);
        assert_eq!(a.screen, Screen::Briefing);
        insta::assert_snapshot!(format!("briefing-{}", tag(lang)), draw(&a, 100, 40));
        press(&mut a, Msg::Enter);
        assert_eq!(a.screen, Screen::Play);
    }
}

#[test]
fn the_welcome_screen_switches_language_and_mode_with_the_arrows() {
    let mut a = fresh(Lang::Vi);
    press(&mut a, Msg::Down);
    press(&mut a, Msg::Right);
    assert_eq!(a.lang, Lang::En);
    press(&mut a, Msg::Down);
    press(&mut a, Msg::Right);
    assert_eq!(a.mode, motcua::tui::Mode::Exam);
    assert!(draw(&a, 80, 24).contains("Exam"));
}

#[test]
fn play_screen_with_an_open_dossier_and_each_form() {
    for lang in [Lang::Vi, Lang::En] {
        let mut a = playing(lang, "khai-sinh-co-ban");
        press(&mut a, Msg::Char('n'));
        press(&mut a, Msg::Enter);
        press(&mut a, Msg::Char('i'));
        insta::assert_snapshot!(format!("play-{}", tag(lang)), draw(&a, 100, 30));
        press(&mut a, Msg::Char('a'));
        insta::assert_snapshot!(format!("form-receipt-{}", tag(lang)), draw(&a, 100, 30));
        press(&mut a, Msg::Back);
        press(&mut a, Msg::Char('s'));
        press(&mut a, Msg::Down);
        press(&mut a, Msg::Right);
        insta::assert_snapshot!(format!("form-supplement-{}", tag(lang)), draw(&a, 100, 30));
        press(&mut a, Msg::Back);
        press(&mut a, Msg::Char('x'));
        insta::assert_snapshot!(format!("form-refuse-{}", tag(lang)), draw(&a, 100, 30));
        press(&mut a, Msg::Back);
        press(&mut a, Msg::Char('?'));
        insta::assert_snapshot!(format!("help-{}", tag(lang)), draw(&a, 100, 40));
        press(&mut a, Msg::Back);
        assert!(!a.help);
    }
}

#[test]
fn a_rejected_key_says_why_in_the_messages() {
    let mut a = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut a, Msg::Char('n'));
    press(&mut a, Msg::Char('a'));
    press(&mut a, Msg::Enter);
    let screen = draw(&a, 100, 30);
    assert!(screen.contains("Hãy mở hồ sơ trước."), "{screen}");
}

#[test]
fn a_whole_scenario_played_by_keyboard_reaches_100_and_the_debrief() {
    for id in ["khai-sinh-co-ban", "giay-phep-xay-dung"] {
        for lang in [Lang::Vi, Lang::En] {
            let mut a = playing(lang, id);
            for _ in 0..2_000 {
                if a.screen != Screen::Play {
                    break;
                }
                let Some(session) = a.session.as_ref() else {
                    break;
                };
                let action =
                    solver::most_urgent(session).unwrap_or_else(Action::wait_for_next_event);
                play(&mut a, &action);
            }
            assert_eq!(a.screen, Screen::Debrief, "{id}");
            let d = a.debrief.as_ref().expect("debrief");
            assert_eq!(d.total(), 100.0, "{id}: {:#?}", d.mistakes);
            if id == "khai-sinh-co-ban" {
                insta::assert_snapshot!(format!("debrief-{}", tag(lang)), draw(&a, 100, 40));
            }
        }
    }
}

#[test]
fn a_careless_attempt_ends_in_a_debrief_with_its_mistakes() {
    for lang in [Lang::Vi, Lang::En] {
        let mut a = playing(lang, "khai-sinh-co-ban");
        press(&mut a, Msg::Char('n'));
        press(&mut a, Msg::Enter);
        press(&mut a, Msg::Char('a'));
        press(&mut a, Msg::Enter);
        press(&mut a, Msg::Char('q'));
        press(&mut a, Msg::Char('y'));
        assert_eq!(a.screen, Screen::Debrief);
        let d = a.debrief.as_ref().expect("debrief");
        let codes: Vec<_> = d.mistakes.iter().map(|m| m.code).collect();
        assert!(
            codes.contains(&motcua_core::score::MistakeCode::Unfinished),
            "ending early leaves work unfinished: {codes:?}"
        );
        assert!(d.total() < 100.0);
        insta::assert_snapshot!(format!("debrief-careless-{}", tag(lang)), draw(&a, 80, 24));
        // Mistakes are grouped by code; each one in full on `d`, at the end of the list.
        let basis = match lang {
            Lang::Vi => "Căn cứ:",
            Lang::En => "Legal basis:",
        };
        press(&mut a, Msg::End);
        let grouped = draw(&a, 100, 40);
        assert!(
            grouped.contains("[unfinished]") && !grouped.contains(basis),
            "{grouped}"
        );
        // The dossier accepted and then left never ended: never "ended after its due moment".
        let (open, ended) = match lang {
            Lang::Vi => ("chưa xong khi đến hạn", "kết thúc sau hạn"),
            Lang::En => (
                "not finished by its due moment",
                "ended after its due moment",
            ),
        };
        assert!(
            grouped.contains(open) && !grouped.contains(ended),
            "{grouped}"
        );
        press(&mut a, Msg::Char('d'));
        draw(&a, 100, 40); // the terminal redraws after each key
        press(&mut a, Msg::End);
        let details = draw(&a, 100, 40);
        assert!(details.contains(basis), "{details}");
        insta::assert_snapshot!(format!("debrief-details-{}", tag(lang)), details);
        press(&mut a, Msg::Char('r'));
        assert_eq!(a.screen, Screen::Play, "retry with the same seed");
    }
}

#[test]
fn a_small_terminal_is_told_so_and_a_large_one_is_used() {
    let a = playing(Lang::Vi, "khai-sinh-co-ban");
    let small = draw(&a, 60, 20);
    assert!(small.contains("Cửa sổ quá nhỏ (60×20)"), "{small}");
    let large = draw(&a, 160, 50);
    assert!(
        large
            .lines()
            .next()
            .is_some_and(|l| l.contains("Ngày làm việc 1/2"))
    );
}

#[test]
fn practice_mode_hints_the_next_step_and_exam_mode_does_not() {
    let mut practice = playing(Lang::Vi, "khai-sinh-co-ban");
    press(&mut practice, Msg::Char('n'));
    assert!(draw(&practice, 100, 30).contains("Gợi ý: Mở hồ sơ"));
    let mut exam = app(&Options {
        lang: Lang::Vi,
        scenario: Some("khai-sinh-co-ban".into()),
        trainee: Some("An".into()),
        mode: Some(motcua::tui::Mode::Exam),
        ..Options::default()
    });
    press(&mut exam, Msg::Char('n'));
    press(&mut exam, Msg::Enter);
    press(&mut exam, Msg::Char('a'));
    press(&mut exam, Msg::Enter);
    let screen = draw(&exam, 100, 30);
    assert!(!screen.contains("Gợi ý"), "{screen}");
    assert!(
        !screen.contains("Tiếp nhận hồ sơ chưa đầy đủ"),
        "no feedback in exam mode"
    );
}

/// A fresh folder of this test run holding copies of `files` (`(from, name)`).
fn scenario_folder(tag: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (from, name) in files {
        std::fs::copy(from, dir.join(name)).expect("copy");
    }
    dir
}

/// The app with `dir` added to its library (`--scenarios DIR`), without colours.
fn with_folder(lang: Lang, dir: &std::path::Path) -> motcua::tui::App {
    let mut a = app(&Options {
        lang,
        scenarios_dir: Some(dir.to_path_buf()),
        ..Options::default()
    });
    a.theme = Theme { color: false };
    a
}

#[test]
fn a_scenario_folder_joins_the_library_and_a_broken_file_says_why() {
    let dir = scenario_folder(
        "lib",
        &[("tests/fixtures/valid/minimal.toml", "a-minimal.toml")],
    );
    std::fs::write(dir.join("b-broken.toml"), "format = 1\n[scenario\n").expect("write");
    let mut a = with_folder(Lang::En, &dir);
    let builtins = motcua_core::scenario::builtin::FILES.len();
    assert_eq!(a.catalog.len(), builtins + 2);
    assert!(a.catalog[builtins].loaded.is_ok());
    assert!(a.catalog[builtins + 1].loaded.is_err());
    press(&mut a, Msg::Enter);
    for _ in 0..=builtins {
        press(&mut a, Msg::Down);
    }
    let screen = draw(&a, 120, 30);
    assert!(
        screen.contains("b-broken.toml") && screen.contains("invalid file"),
        "{screen}"
    );
    assert!(
        screen.contains("b-broken.toml:2:"),
        "the error names line and column: {screen}"
    );
}

#[test]
fn a_format_1_file_in_the_library_is_marked_in_vietnamese_too() {
    let one = [(
        "tests/fixtures/warn/W005-format-one.toml",
        "phien-ban-mot.toml",
    )];
    let dir = scenario_folder("lib-v1", &one);
    let mut a = with_folder(Lang::Vi, &dir);
    let builtins = motcua_core::scenario::builtin::FILES.len();
    assert!(a.catalog[..builtins].iter().all(|e| e.format_one.is_none()));
    assert!(a.catalog[builtins].format_one.is_some());
    press(&mut a, Msg::Enter);
    // Up from the first row: the last one.
    press(&mut a, Msg::Up);
    let screen = draw(&a, 120, 30);
    assert!(
        screen.contains("⚠ Kết hôn, định dạng phiên bản 1 (định dạng 1)"),
        "{screen}"
    );
    assert!(screen.contains("Cảnh báo W005"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The footer offers `b` (transfer to the competent commune) only on a dossier the
/// desk transfers: a boundary-free procedure's, filed from another commune of the
/// province. The help still lists the key. Played through the keys, following the
/// reference solver on `ho-kinh-doanh` (whose scripted `dia-diem-phuong-khac` is such
/// a dossier) up to its first transfer, then up to its first forward.
#[test]
fn the_transfer_key_shows_only_on_a_dossier_to_transfer() {
    let id = "ho-kinh-doanh";
    let s = support::builtin(id);
    let solved = solver::solve(&s, s.meta.seed);
    let actions = solved.actions();
    let first = |pred: fn(&Action) -> bool| actions.iter().position(pred).expect("in the log");
    let transfer = first(|a| matches!(a, Action::Transfer { .. }));
    let forward = first(|a| matches!(a, Action::Forward { .. }));
    let footer_at = |upto: usize| {
        let mut a = playing(Lang::En, id);
        for action in &actions[..upto] {
            play(&mut a, action);
        }
        // Select the dossier of the next step (the transfer or the forward).
        let code = actions[upto].dossier().expect("a dossier step");
        let target = a.queue_row_of(code).expect("listed");
        press(&mut a, Msg::Back);
        while a.play.queue_sel > target {
            press(&mut a, Msg::Up);
        }
        while a.play.queue_sel < target {
            press(&mut a, Msg::Down);
        }
        let screen = draw(&a, 160, 40);
        press(&mut a, Msg::Char('?'));
        let help = draw(&a, 160, 60);
        (screen, help)
    };
    let (screen, help) = footer_at(transfer);
    assert!(
        screen.contains("b transfer to the competent commune"),
        "{screen}"
    );
    assert!(help.contains("b: transfer a dossier"), "{help}");
    let (screen, help) = footer_at(forward);
    assert!(screen.contains("f forward"), "{screen}");
    assert!(!screen.contains("b transfer"), "{screen}");
    assert!(
        help.contains("b: transfer a dossier"),
        "the help lists every key: {help}"
    );
}

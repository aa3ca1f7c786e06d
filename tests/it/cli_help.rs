//! `motcua --help` and every subcommand's help speak the chosen language: Vietnamese
//! by default, English with `--lang en` or MOTCUA_LANG=en.

use motcua::cli::help;
use motcua_i18n::Lang;

use crate::support;

#[test]
fn every_description_and_argument_has_text_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        assert_eq!(help::missing(lang), Vec::<String>::new(), "{lang:?}");
        // clap's own consistency checks on the localized tree.
        help::command(lang).debug_assert();
    }
}

#[test]
fn the_language_is_known_before_parsing() {
    let args = |v: &[&str]| {
        v.iter()
            .map(Into::into)
            .collect::<Vec<std::ffi::OsString>>()
    };
    assert_eq!(
        help::prescan_lang(&args(&["motcua", "--help"]), None),
        Lang::Vi
    );
    assert_eq!(
        help::prescan_lang(&args(&["motcua", "--lang", "en", "-h"]), None),
        Lang::En
    );
    assert_eq!(
        help::prescan_lang(&args(&["motcua", "play", "--lang=en"]), None),
        Lang::En
    );
    assert_eq!(
        help::prescan_lang(&args(&["motcua", "-h"]), Some("en")),
        Lang::En
    );
    // The flag wins over the environment, as for everything else.
    assert_eq!(
        help::prescan_lang(&args(&["motcua", "--lang", "vi"]), Some("en")),
        Lang::Vi
    );
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let (code, vi, _) = support::motcua(&["--help"]);
    assert_eq!(code, 0);
    for text in [
        "Cách dùng: motcua",
        "Lệnh:",
        "Tùy chọn:",
        "Màn hình luyện tập",
        "In trợ giúp này",
    ] {
        assert!(vi.contains(text), "{text:?} missing:\n{vi}");
    }
    assert!(!vi.contains("Usage:") && !vi.contains("Print help"), "{vi}");
    for sub in [
        "play", "validate", "preview", "solve", "replay", "new", "due", "calendar", "record",
        "progress", "report", "export", "import", "sync", "class",
    ] {
        let (code, vi, _) = support::motcua(&[sub, "--help"]);
        assert_eq!(code, 0, "{sub}");
        assert!(
            vi.contains("Cách dùng:") && vi.contains("In trợ giúp này"),
            "{sub}:\n{vi}"
        );
        let (_, en, _) = support::motcua(&[sub, "--help", "--lang", "en"]);
        assert!(
            en.contains("Usage:") && en.contains("Print this help"),
            "{sub}:\n{en}"
        );
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["play", "--help"])
        .env("MOTCUA_LANG", "en")
        .output()
        .expect("runs");
    let en = String::from_utf8_lossy(&out.stdout);
    assert!(
        en.contains("The training screen, straight into a scenario"),
        "{en}"
    );
}

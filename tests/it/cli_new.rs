//! `motcua new`: the starter scenario validates, is won by the solver, and is
//! never written over an existing file.

use motcua::cli::new::{DEFAULT_ID, starter, valid_id};
use motcua_core::scenario;

use crate::support;
use crate::support::motcua;

fn temp(name: &str) -> std::path::PathBuf {
    support::temp_path("new", name)
}

#[test]
fn the_starter_loads_with_its_id_and_is_won_for_seeds_1_to_20() {
    let s = scenario::load_str("starter.toml", &starter("mau-thu"))
        .unwrap_or_else(|d| panic!("the starter does not load: {d:#?}"));
    assert_eq!(s.meta.id, "mau-thu");
    assert!(s.meta.title_en.is_some() && s.meta.briefing_en.is_some());
    for seed in std::iter::once(s.meta.seed).chain(1..=20) {
        let (session, debrief) = support::solved(&s, seed);
        assert!(session.is_over());
        assert_eq!(
            debrief.total(),
            100.0,
            "seed {seed}: {:#?}",
            debrief.mistakes
        );
    }
}

#[test]
fn new_writes_a_file_that_validates_without_warning_and_solve_wins() {
    let path = temp("mau-cua-toi.toml");
    let file = path.to_str().expect("utf-8");
    let (code, out, err) = motcua(&["new", "mau-cua-toi", "--output", file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.is_empty(),
        "the scenario goes to the file, not stdout: {out}"
    );
    assert!(err.contains("mau-cua-toi") && err.contains(file), "{err}");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("id = \"mau-cua-toi\""));

    let (code, out, err) = motcua(&["validate", file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("W001"), "{err}");

    let (code, out, err) = motcua(&["solve", file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("100/100"), "{out}");
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let path = temp("da-co.toml");
    std::fs::write(&path, "keep me").expect("write");
    let file = path.to_str().expect("utf-8");
    for lang in ["vi", "en"] {
        let (code, out, err) = motcua(&["--lang", lang, "new", "x", "-o", file]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(err.contains(file), "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "keep me"
    );
}

#[test]
fn new_prints_to_stdout_with_the_default_id_and_rejects_bad_ids() {
    let (code, out, _) = motcua(&["new"]);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("id = \"{DEFAULT_ID}\"")), "{out}");
    assert!(!out.contains("__ID__"));
    let (code, out, err) = motcua(&["new", "Khai Sinh"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty());
    for good in ["a", "khai-sinh-2", "ngay-thi"] {
        assert!(valid_id(good), "{good}");
    }
    for bad in [
        "",
        "-a",
        "a-",
        "a--b",
        "Khai",
        "khai sinh",
        "khai_sinh",
        "đăng-ký",
    ] {
        assert!(!valid_id(bad), "{bad}");
    }
}

#[test]
fn the_authoring_guide_shows_the_starter_in_full() {
    let guide = std::fs::read_to_string("docs/scenario-authoring.md").expect("guide");
    let example = format!("```toml\n{}```\n", starter(DEFAULT_ID));
    assert!(
        guide.contains(&example),
        "docs/scenario-authoring.md must show `motcua new`'s output verbatim (src/cli/new_template.toml)"
    );
    assert!(guide.contains("motcua new"));
}

//! The trainee's own commands never show the hidden truth while an attempt is being
//! played: `record` prints its events without the planted flaws (nor the other
//! judge's answers), and the TUI before the debrief shows no planted flaw. The
//! instructor's `preview` keeps them.

use std::collections::BTreeSet;
use std::io::Write;

use motcua::present::trainee_view::HIDDEN_KEYS;
use motcua::tui::{Mode, Msg, Screen};
use motcua_core::session::{Session, action};
use motcua_i18n::Lang;

use crate::support;
use crate::support::store::{Temp, builtin_source, clean_command, solver_log};

const ID: &str = "khai-sinh-co-ban";
/// A seed whose first dossiers carry planted flaws (checked below).
const SEED: u64 = 3;
/// The solver's first actions: receipts, requests, hand-overs, not the end.
const STEPS: usize = 40;

/// Every planted flaw id of the attempt, and the explanations of those flaws.
fn planted() -> (BTreeSet<String>, BTreeSet<String>) {
    let (s, _) = builtin_source(ID);
    let session = Session::new(&s, SEED);
    let mut ids = BTreeSet::new();
    let mut explained = BTreeSet::new();
    for d in session.all_dossiers() {
        let p = s.procedure(&d.procedure).expect("procedure");
        for id in &d.truth.flaws {
            ids.insert(id.clone());
            if let Some(f) = p.flaw(id) {
                explained.insert(f.explain.clone());
            }
        }
    }
    assert!(ids.len() >= 2, "the seed plants flaws: {ids:?}");
    (ids, explained)
}

#[test]
fn record_prints_no_planted_flaw_and_no_hidden_key() {
    let tmp = Temp::new();
    let db = tmp.path("h.db");
    let (s, _) = builtin_source(ID);
    let log: Vec<_> = solver_log(&s, SEED).into_iter().take(STEPS).collect();
    let mut child = clean_command(env!("CARGO_BIN_EXE_motcua"))
        .arg("--db")
        .arg(&db)
        .args(["record", ID, "--trainee", "An", "--seed", &SEED.to_string()])
        .spawn()
        .expect("runs");
    let input = action::write_log(&log);
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let (ids, _) = planted();
    let mut arrivals = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON lines");
        for e in v["events"].as_array().into_iter().flatten() {
            arrivals += usize::from(e["event"] == "arrived");
            for key in HIDDEN_KEYS {
                assert!(e.get(*key).is_none(), "{key} in {e}");
            }
        }
        for id in &ids {
            assert!(
                !line.contains(id.as_str()),
                "planted flaw {id} printed: {line}"
            );
        }
    }
    assert!(arrivals >= 3, "dossiers arrived while recording: {stdout}");
    // The instructor's preview keeps the truth.
    let preview = clean_command(env!("CARGO_BIN_EXE_motcua"))
        .args(["preview", ID, "--seed", &SEED.to_string(), "--json"])
        .output()
        .expect("runs");
    let preview = String::from_utf8_lossy(&preview.stdout);
    assert!(
        ids.iter().any(|id| preview.contains(id.as_str())),
        "{preview}"
    );
}

#[test]
fn the_training_screen_shows_no_planted_flaw_before_the_debrief() {
    let (_, explained) = planted();
    let mut a = support::screen::playing(Lang::Vi, ID);
    a.mode = Mode::Exam;
    a.seed = SEED;
    assert!(a.start(), "the scenario starts with the seed");
    let (s, _) = builtin_source(ID);
    for step in solver_log(&s, SEED).into_iter().take(STEPS) {
        support::keys::play(&mut a, &step);
        assert_eq!(a.screen, Screen::Play);
        for (w, h) in [(120, 40), (80, 24)] {
            let frame = support::screen::draw(&a, w, h);
            for text in &explained {
                assert!(!frame.contains(text.as_str()), "{text} shown:\n{frame}");
            }
        }
    }
    // The debrief of the finished attempt names them.
    support::keys::press(&mut a, Msg::Char('q'));
    support::keys::press(&mut a, Msg::Char('y'));
    assert_eq!(a.screen, Screen::Debrief);
}

/// The play screen gets dossiers only as `TraineeDossier`, which has no truth to
/// read; this keeps the TUI from going around it to the whole `Dossier`.
#[test]
fn the_tui_reads_dossiers_only_through_the_trainee_view() {
    const AROUND: &[&str] = &[
        "&Dossier",
        "generate::Dossier",
        "generate::{Dossier",
        " Dossier,",
        ".truth",
        ".find(code)",
        ".procedure_of(",
        ".deadline_of(",
        ".all_dossiers(",
        ".arrived()",
        ".plan()",
        "Planned",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = Vec::new();
    support::rust_files(&root, &mut files);
    assert!(
        files.len() >= 20,
        "TUI sources not found under {}",
        root.display()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for pattern in AROUND.iter().filter(|p| names(code, p)) {
                found.push(format!("{}:{}: `{pattern}`", file.display(), i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the TUI reaches the whole dossier:\n{}",
        found.join("\n")
    );
}

/// Whether `code` contains `pattern` as a whole name (`&Dossier` is not `&DossierState`).
fn names(code: &str, pattern: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(pattern).any(|(at, _)| {
        let next = code[at + pattern.len()..].chars().next();
        let before = code[..at].chars().next_back();
        (!pattern.ends_with(word) || !next.is_some_and(word))
            && (!pattern.starts_with(word) || !before.is_some_and(word))
    })
}

#[test]
fn the_scan_matches_whole_names_only() {
    assert!(names("fn f(d: &Dossier) {}", "&Dossier"));
    assert!(!names("fn f(s: &DossierState) {}", "&Dossier"));
    assert!(names("let f = d.truth.flaws;", ".truth"));
    assert!(names("fn row(d: &Planned)", "Planned"));
    assert!(!names("fn row(d: TraineePlanned)", "Planned"));
}

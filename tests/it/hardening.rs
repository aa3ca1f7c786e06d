//! Issue 13's defects, each with the smallest input that showed it, through the
//! real binary; exit statuses from the one table (`motcua::cli::exit::Exit`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use motcua::cli::exit::Exit;
use motcua_core::session::action;

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

/// Run the binary with `stdin`: status, stdout, stderr.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = clean_command(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .spawn()
        .expect("runs");
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("waits");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn code(e: Exit) -> i32 {
    i32::from(e.code())
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn builtin_text() -> String {
    String::from_utf8(builtin_source(ID).1).expect("utf-8")
}

/// The built-in scenario with one line replaced.
fn scenario_with(tmp: &Temp, from: &str, to: &str) -> std::path::PathBuf {
    let text = builtin_text();
    let line = text
        .lines()
        .find(|l| l.starts_with(from))
        .expect("line exists");
    let path = tmp.path("s.toml");
    std::fs::write(&path, text.replacen(line, to, 1)).unwrap();
    path
}

// 1. Sizes past their limits are refused with the limit, before anything is allocated.
#[test]
fn a_period_past_u32_is_too_large_with_its_limit() {
    let tmp = Temp::new();
    let path = scenario_with(&tmp, "working_days", "working_days = 4294967296");
    let (status, _, err) = run(&["--lang", "en", "validate", s(&path)], b"");
    assert_eq!(status, code(Exit::Failed));
    assert!(err.contains("error[E041]"), "{err}");
    assert!(
        err.contains("4294967296 is too large: the limit is 10000"),
        "{err}"
    );
    assert!(!err.contains("positive"), "{err}");
}

#[test]
fn a_billion_dossiers_are_refused_at_once() {
    let tmp = Temp::new();
    let path = scenario_with(&tmp, "count =", "count = 1000000000");
    let (status, _, err) = run(&["validate", s(&path)], b"");
    assert_eq!(status, code(Exit::Failed));
    assert!(err.contains("error[E041]: `count` = 1000000000"), "{err}");
}

// 2 and 3. Names with formulas or control characters.
#[test]
fn a_formula_name_is_quoted_in_csv() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    let name = r#"=HYPERLINK("http://x","click")"#;
    let (status, _, err) = run(&["--db", s(&db), "record", ID, "--trainee", name], b"");
    assert_eq!(status, code(Exit::Done), "{err}");
    let (status, csv, _) = run(&["--db", s(&db), "report", "--format", "csv"], b"");
    assert_eq!(status, code(Exit::Done));
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://x"",""click"")""#),
        "{csv}"
    );
}

#[test]
fn a_name_with_escape_or_c1_is_refused_and_nothing_is_written() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    for name in ["An\u{1b}]0;pwned\u{7}", "An\u{9b}2J", "A\u{8}\u{7f}"] {
        let (status, out, err) = run(&["--db", s(&db), "record", ID, "--trainee", name], b"");
        assert_eq!(status, code(Exit::Failed), "{name:?}");
        assert!(out.is_empty());
        assert!(err.contains("--trainee") && err.contains("U+"), "{err}");
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{9b}'),
            "{err:?}"
        );
    }
    assert!(!db.exists(), "no database made for a refused name");
}

// 4. A damaged database is reported, exit 1, never written.
#[test]
fn a_damaged_database_is_reported_and_left_as_it_was() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    let (s_, _) = builtin_source(ID);
    let log = action::write_log(&solver_log(&s_, s_.meta.seed));
    let (status, _, _) = run(
        &["--db", s(&db), "record", ID, "--trainee", "An"],
        log.as_bytes(),
    );
    assert_eq!(status, code(Exit::Done));
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4 * 4096, "several pages");
    // Page 3 onwards: b-tree pages of the tables, overwritten with noise.
    for (i, b) in bytes[2 * 4096..3 * 4096].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    for args in [
        &["report"][..],
        &["export"],
        &["progress", "--trainee", "An"],
    ] {
        let mut all = vec!["--lang", "en", "--db", s(&db)];
        all.extend_from_slice(args);
        let (status, out, err) = run(&all, b"");
        assert_eq!(status, code(Exit::Failed), "{args:?}: {out}");
        assert!(err.contains("is damaged"), "{args:?}: {err}");
        assert!(!err.contains("edited"), "{err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "never written");
}

// 5. Read commands neither convert another file nor create a database.
#[test]
fn read_commands_refuse_a_foreign_file_and_leave_an_empty_one_empty() {
    let tmp = Temp::new();
    let x = tmp.path("x.db");
    std::fs::write(&x, b"x").unwrap();
    let empty = tmp.path("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for args in [
        &["report"][..],
        &["export"],
        &["progress", "--trainee", "An"],
    ] {
        let mut foreign = vec!["--lang", "en", "--db", s(&x)];
        foreign.extend_from_slice(args);
        let (status, _, err) = run(&foreign, b"");
        assert_eq!(status, code(Exit::Failed), "{args:?}");
        assert!(err.contains("not an SQLite database"), "{err}");
        let mut none = vec!["--lang", "en", "--db", s(&empty)];
        none.extend_from_slice(args);
        let (status, _, err) = run(&none, b"");
        assert_eq!(status, code(Exit::Failed), "{args:?}");
        assert!(err.contains("no results database"), "{err}");
    }
    let (status, _, _) = run(&["--db", s(&x), "record", ID, "--trainee", "An"], b"");
    assert_eq!(
        status,
        code(Exit::Failed),
        "record does not convert it either"
    );
    assert_eq!(std::fs::read(&x).unwrap(), b"x");
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

// 6. Action logs: a bad line is named, record goes on and says so, a BOM is fine.
#[test]
fn record_skips_a_non_utf8_line_keeps_the_rest_and_exits_1() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    let (s_, _) = builtin_source(ID);
    let log = action::write_log(&solver_log(&s_, s_.meta.seed));
    let mut input = b"\xEF\xBB\xBF".to_vec();
    let lines: Vec<&str> = log.lines().collect();
    input.extend_from_slice(lines[0].as_bytes());
    input.extend_from_slice(b"\n{\"seq\":2,\xFF}\n");
    for l in &lines[1..] {
        input.extend_from_slice(l.as_bytes());
        input.push(b'\n');
    }
    let (status, out, err) = run(
        &[
            "--lang",
            "en",
            "--db",
            s(&db),
            "record",
            ID,
            "--trainee",
            "An",
        ],
        &input,
    );
    assert_eq!(status, code(Exit::Failed), "{err}");
    assert!(
        err.contains("Line 2: not an action (this line is not UTF-8"),
        "{err}"
    );
    assert!(err.contains("1 input lines were not actions"), "{err}");
    let last = out.lines().last().unwrap_or_default();
    assert!(
        last.contains("\"finished\":true") && last.contains("\"skipped\":1"),
        "{last}"
    );
    assert!(
        last.contains(&format!("\"actions\":{}", lines.len())),
        "{last}"
    );
}

#[test]
fn replay_names_the_non_utf8_line_and_accepts_a_bom() {
    let tmp = Temp::new();
    let (s_, _) = builtin_source(ID);
    let log = action::write_log(&solver_log(&s_, s_.meta.seed));
    let bom = tmp.path("bom.jsonl");
    std::fs::write(&bom, format!("\u{feff}{log}")).unwrap();
    let (status, _, err) = run(&["replay", ID, "--actions", s(&bom), "--json"], b"");
    assert_eq!(status, code(Exit::Done), "{err}");
    let bad = tmp.path("bad.jsonl");
    let mut bytes = log.into_bytes();
    let third = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0;
    bytes.insert(third + 5, 0xC3);
    std::fs::write(&bad, &bytes).unwrap();
    let (status, _, err) = run(&["--lang", "en", "replay", ID, "--actions", s(&bad)], b"");
    assert_eq!(status, code(Exit::Failed));
    assert!(
        err.contains("bad.jsonl:3:") && err.contains("not UTF-8"),
        "{err}"
    );
}

// 8. Bundles: one bad attempt refuses only itself; version 0 and impossible times refused.
#[test]
fn a_bundle_attempt_of_the_wrong_type_is_refused_alone() {
    let tmp = Temp::new();
    let home = tmp.path("home.db");
    let (s_, _) = builtin_source(ID);
    let log = action::write_log(&solver_log(&s_, s_.meta.seed));
    for name in ["An", "Binh"] {
        let args = ["--db", s(&home), "record", ID, "--trainee", name];
        assert_eq!(run(&args, log.as_bytes()).0, code(Exit::Done));
    }
    let (_, bundle, _) = run(&["--db", s(&home), "export"], b"");
    let mut doc: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    doc["attempts"][0]["mode"] = "Exam".into();
    let file = tmp.path("b.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let office = tmp.path("office.db");
    let (status, out, _) = run(
        &["--lang", "en", "--db", s(&office), "import", s(&file)],
        b"",
    );
    assert_eq!(status, code(Exit::Refused), "{out}");
    assert!(out.contains("field “mode” is invalid: “\"Exam\"”"), "{out}");
    assert!(
        out.contains("Imported 1, already here 0, refused 1."),
        "{out}"
    );

    doc["attempts"][0]["mode"] = "practice".into();
    doc["attempts"][0]["ended_at"] = "2000-01-01T00:00:00Z".into();
    doc["attempts"][1]["started_at"] = "9999-01-01T00:00:00Z".into();
    std::fs::write(&file, doc.to_string()).unwrap();
    let (status, out, _) = run(
        &["--lang", "en", "--db", s(&office), "import", s(&file)],
        b"",
    );
    assert_eq!(status, code(Exit::Refused), "{out}");
    assert!(out.contains("refused 2."), "{out}");

    doc["version"] = 0.into();
    std::fs::write(&file, doc.to_string()).unwrap();
    let (status, _, err) = run(
        &["--lang", "en", "--db", s(&office), "import", s(&file)],
        b"",
    );
    assert_eq!(status, code(Exit::Failed));
    assert!(err.contains("\"version\" is 0"), "{err}");
}

// 9. A BOM does not shift line-1 columns.
#[test]
fn a_bom_does_not_shift_columns() {
    let tmp = Temp::new();
    let path = tmp.path("bom.toml");
    std::fs::write(&path, "\u{feff}format = \"x\"\n").unwrap();
    let (_, _, err) = run(&["validate", s(&path)], b"");
    assert!(err.contains("bom.toml:1:10: error[E004]"), "{err}");
}

// 10. A closed stdout ends the command quietly with 141.
#[test]
fn a_closed_pipe_ends_quietly_with_141() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["calendar", "2030", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(code(Exit::ClosedPipe)));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// 11. Errors say what to write instead, in the chosen language.
#[test]
fn a_bad_date_is_explained_in_vietnamese_without_parser_english() {
    let tmp = Temp::new();
    let path = scenario_with(&tmp, "start =", "start = 2026-03-32T07:30:00+07:00");
    let (status, _, err) = run(&["validate", s(&path)], b"");
    assert_eq!(status, code(Exit::Failed));
    assert!(
        err.contains("error[E043]") && err.contains("ngày phải từ 01 đến 31"),
        "{err}"
    );
    assert!(
        !err.contains("expected") && !err.contains("invalid"),
        "{err}"
    );
}

#[test]
fn an_id_with_diacritics_gets_the_rule_and_a_suggestion() {
    let (status, _, err) = run(&["new", "Thường Trú"], b"");
    assert_eq!(status, code(Exit::Usage));
    assert!(err.contains("a-z") && err.contains("thuong-tru"), "{err}");
}

// 3 (JSON). A value with DEL, C1 and ESC reaches `--json` output escaped, same value.
#[test]
fn json_output_escapes_del_c1_and_esc_and_keeps_the_value() {
    let tmp = Temp::new();
    let path = scenario_with(
        &tmp,
        "commune =",
        r#"commune = "Phường\u009B2J\u007FHà\u001BĐông""#,
    );
    let (status, out, err) = run(&["preview", s(&path), "--json"], b"");
    assert_eq!(status, code(Exit::Done), "{err}");
    assert!(
        !out.contains(['\u{9b}', '\u{7f}', '\u{1b}']),
        "raw control characters on stdout"
    );
    assert!(
        out.contains(r#""Phường\u009b2J\u007fHà\u001bĐông""#),
        "{out}"
    );
    let doc: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
    fn holds(v: &serde_json::Value, text: &str) -> bool {
        match v {
            serde_json::Value::String(s) => s == text,
            serde_json::Value::Array(a) => a.iter().any(|x| holds(x, text)),
            serde_json::Value::Object(o) => o.values().any(|x| holds(x, text)),
            _ => false,
        }
    }
    assert!(
        holds(&doc, "Phường\u{9b}2J\u{7f}Hà\u{1b}Đông"),
        "the same value, read back"
    );
}

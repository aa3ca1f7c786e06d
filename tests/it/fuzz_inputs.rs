//! Fuzz-style properties over mutated inputs (issue 13): built-in scenarios, action
//! logs written by `motcua solve --actions-out` and results bundles written by
//! `motcua export`, mutated by bytes and lines (flips, invalid UTF-8, a BOM, lines
//! deleted, duplicated or swapped, a cut), numbers replaced by huge, negative or odd
//! values, and strings replaced (empty, over-long, control characters). Every run of
//! the real binary ends with a status from the exit table (`cli::exit::Exit`), never a
//! panic (101) or a signal, inside a wall-clock limit and an address-space limit
//! (`ulimit -v`); every scenario diagnostic names `path:line:col` inside the file.
//!
//! Case counts are small by default so CI stays fast; `MOTCUA_FUZZ_CASES=2000 cargo
//! test --release --test it fuzz_inputs::` runs 2,000 cases of each property
//! (docs/results.md, "Testing").

use std::path::Path;
use std::sync::OnceLock;

use motcua::cli::exit::Exit;
use motcua_core::scenario::{self, builtin};
use proptest::prelude::*;

use crate::support::fuzz::bounded::{assert_bounded, run_bounded};
use crate::support::fuzz::mutate::{lines, mutated, mutations};
use crate::support::store::*;

/// Cases of each property: `MOTCUA_FUZZ_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("MOTCUA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `line` and `col` (1-based; the column in characters, as diagnostics count) lie in
/// `bytes`: at most one past the last line or the end of the line.
fn inside(bytes: &[u8], line: usize, col: usize) -> bool {
    // The loader drops a leading BOM before counting columns.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let ls = lines(bytes);
    if line == 0 || col == 0 || line > ls.len() {
        return false;
    }
    let (s, e) = ls[line - 1];
    let chars = String::from_utf8_lossy(&bytes[s..e]).chars().count();
    col <= chars + 1
}

/// Every `PATH:LINE:COL: error[…]` line of `stderr` points inside the file; returns
/// how many there were.
fn diagnostics_inside(path: &str, bytes: &[u8], stderr: &str) -> usize {
    let mut seen = 0;
    for l in stderr.lines() {
        let Some(rest) = l.strip_prefix(path).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().and_then(|n| n.parse::<usize>().ok());
        let col = parts.next().and_then(|n| n.parse::<usize>().ok());
        let (Some(line), Some(col)) = (line, col) else {
            panic!("a diagnostic without line:col: {l}");
        };
        assert!(
            inside(bytes, line, col),
            "{line}:{col} is outside the file: {l}"
        );
        seen += 1;
    }
    seen
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

proptest! {
    #![proptest_config(config(24))]

    /// Through the binary: `validate` of a mutated built-in scenario.
    #[test]
    fn mutated_scenarios_through_the_binary(file in 0..builtin::FILES.len(), ms in mutations()) {
        let (name, text) = builtin::FILES[file];
        let bytes = mutated(text.as_bytes(), &ms);
        let tmp = Temp::new();
        let path = tmp.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let ran = run_bounded(&["--lang", "en", "validate", utf8(&path)], Vec::new());
        assert_bounded(&format!("validate {name} {ms:?}"), &ran);
        let seen = diagnostics_inside(utf8(&path), &bytes, &ran.stderr);
        let code = ran.status.code();
        if code == Some(i32::from(Exit::Failed.code())) {
            prop_assert!(seen > 0, "exit 1 without a diagnostic: {}", ran.stderr);
        }
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// In process (the loader `validate` calls): many more mutations, the same promise.
    #[test]
    fn mutated_scenarios_in_process(file in 0..builtin::FILES.len(), ms in mutations()) {
        let (name, text) = builtin::FILES[file];
        let bytes = mutated(text.as_bytes(), &ms);
        if let Err(diags) = scenario::load_bytes(name, &bytes) {
            prop_assert!(!diags.is_empty());
            for d in &diags {
                prop_assert!(inside(&bytes, d.line, d.col), "{d:?} outside, after {ms:?}");
            }
        }
    }
}

/// The log `motcua solve --actions-out` writes for the built-in scenario (made once).
fn solver_log_file() -> &'static [u8] {
    static LOG: OnceLock<Vec<u8>> = OnceLock::new();
    LOG.get_or_init(|| {
        let tmp = Temp::new();
        let path = tmp.path("solve.jsonl");
        let args = ["solve", LOG_SCENARIO, "--actions-out", utf8(&path)];
        let ran = run_bounded(&args, Vec::new());
        assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        std::fs::read(&path).unwrap()
    })
}

const LOG_SCENARIO: &str = "khai-sinh-co-ban";

proptest! {
    #![proptest_config(config(12))]

    /// `replay` and `record` of a mutated action log; the database stays readable.
    #[test]
    fn mutated_action_logs_through_the_binary(ms in mutations()) {
        let tmp = Temp::new();
        let log = mutated(solver_log_file(), &ms);
        let path = tmp.path("log.jsonl");
        std::fs::write(&path, &log).unwrap();
        let ran = run_bounded(&["replay", LOG_SCENARIO, "--actions", utf8(&path)], Vec::new());
        assert_bounded(&format!("replay {ms:?}"), &ran);

        let db = tmp.path("r.db");
        let record = ["--db", utf8(&db), "record", LOG_SCENARIO, "--trainee", "Fuzz"];
        let ran = run_bounded(&record, log.clone());
        assert_bounded(&format!("record {ms:?}"), &ran);
        let ran = run_bounded(&["--db", utf8(&db), "report", "--by", "attempt", "--format", "json"], Vec::new());
        assert_bounded(&format!("report after record {ms:?}"), &ran);
    }
}

/// The bundle `motcua export` writes for two finished attempts recorded by `motcua
/// record` from the solver's log, by two trainees (made once).
fn exported_bundle() -> &'static [u8] {
    static BUNDLE: OnceLock<Vec<u8>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let tmp = Temp::new();
        let db = tmp.path("home.db");
        for trainee in ["An", "Bình"] {
            let args = [
                "--db",
                utf8(&db),
                "record",
                LOG_SCENARIO,
                "--trainee",
                trainee,
            ];
            let ran = run_bounded(&args, solver_log_file().to_vec());
            assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        }
        let ran = run_bounded(&["--db", utf8(&db), "export"], Vec::new());
        assert_eq!(ran.status.code(), Some(0), "{}", ran.stderr);
        assert!(ran.stdout.contains("motcua-results"));
        ran.stdout.into_bytes()
    })
}

proptest! {
    #![proptest_config(config(12))]

    /// `import` of a mutated bundle, then `report` of the database.
    #[test]
    fn mutated_bundles_through_the_binary(ms in mutations()) {
        let tmp = Temp::new();
        let bundle = mutated(exported_bundle(), &ms);
        let path = tmp.path("bundle.json");
        std::fs::write(&path, &bundle).unwrap();
        let db = tmp.path("office.db");
        let ran = run_bounded(&["--db", utf8(&db), "import", utf8(&path), "--json"], Vec::new());
        assert_bounded(&format!("import {ms:?}"), &ran);
        if ran.status.code() != Some(i32::from(Exit::Failed.code())) {
            let doc: Result<serde_json::Value, _> = serde_json::from_str(&ran.stdout);
            prop_assert!(doc.is_ok(), "--json is JSON: {}", ran.stdout);
        }
        let ran = run_bounded(&["--db", utf8(&db), "report"], Vec::new());
        assert_bounded(&format!("report after import {ms:?}"), &ran);
    }
}

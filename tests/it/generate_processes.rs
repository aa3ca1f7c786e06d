//! Determinism across processes: the same scenario and seed give byte-identical
//! `preview --json` and solver logs in two runs of the real binary, and a dossier
//! previewed alone reads exactly as its entry in the full preview (its details do not
//! depend on which other dossiers were drawn first).

use std::process::{Command, Output};

use motcua_core::scenario::builtin;

fn motcua(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env_remove("MOTCUA_LANG")
        .env(
            "MOTCUA_DB",
            std::env::temp_dir().join(format!("motcua-processes-unused-{}.db", std::process::id())),
        )
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ids() -> Vec<String> {
    builtin::FILES
        .iter()
        .map(|(file, _)| file.trim_end_matches(".toml").to_string())
        .collect()
}

#[test]
fn preview_json_and_solver_log_are_byte_identical_across_processes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for id in ids() {
        for seed in ["1", "77"] {
            let a = motcua(&["preview", &id, "--seed", seed, "--json"]);
            let b = motcua(&["preview", &id, "--seed", seed, "--json"]);
            assert_eq!(a.stdout, b.stdout, "{id} seed {seed}");
            let logs: Vec<Vec<u8>> = ["a", "b"]
                .iter()
                .map(|run| {
                    let path = dir.path().join(format!("{id}-{seed}-{run}.jsonl"));
                    let path = path.to_str().expect("a UTF-8 path");
                    motcua(&["solve", &id, "--seed", seed, "--actions-out", path]);
                    std::fs::read(path).expect("the log was written")
                })
                .collect();
            assert!(!logs[0].is_empty(), "{id}");
            assert_eq!(logs[0], logs[1], "{id} seed {seed}");
        }
    }
}

#[test]
fn a_dossier_previewed_alone_is_its_entry_in_the_full_preview() {
    let mut compared = 0;
    for id in ids() {
        let full = motcua(&["preview", &id, "--seed", "5", "--json"]);
        let full: serde_json::Value = serde_json::from_slice(&full.stdout).expect("JSON");
        let dossiers = full["dossiers"].as_array().expect("dossiers");
        // The last ones too: they are drawn last in a full preview.
        for d in dossiers.iter().rev().take(4) {
            let code = d["code"].as_str().expect("a code");
            let one = motcua(&["preview", &id, "--seed", "5", "--json", "--dossier", code]);
            let one: serde_json::Value = serde_json::from_slice(&one.stdout).expect("JSON");
            assert_eq!(one["dossiers"].as_array().map(Vec::len), Some(1));
            assert_eq!(one["dossiers"][0], *d, "{id} {code}");
            compared += 1;
        }
    }
    assert!(compared >= 20, "{compared}");
}

#[test]
fn an_unknown_dossier_code_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args([
            "preview",
            "khai-sinh-co-ban",
            "--dossier",
            "000-000000-0000",
        ])
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("000-000000-0000"));
}

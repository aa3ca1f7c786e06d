//! A results bundle carries the text of every scenario its attempts used
//! (docs/results.md, "The results bundle"): an attempt of a custom scenario imports on
//! a fresh database with no `--scenario`, and a text edited after export (its hash no
//! longer its own) is not used, so its attempt is refused rather than re-scored on a
//! text the trainee never played.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn motcua(db: &Path, args: &[&str], stdin: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_motcua"));
    cmd.args(["--lang", "en"]).args(args).env("MOTCUA_DB", db);
    cmd.env_remove("MOTCUA_LRS_URL");
    cmd.stdin(match stdin {
        Some(p) => Stdio::from(std::fs::File::open(p).expect("opens")),
        None => Stdio::null(),
    });
    cmd.output().expect("runs")
}

/// A bundle of one attempt of a custom scenario (a built-in one with a comment more:
/// another text, another hash), played by the solver.
fn custom_bundle(dir: &Path) -> std::path::PathBuf {
    let builtin = include_str!("../../scenarios/khai-sinh-co-ban.toml");
    let custom = dir.join("custom.toml");
    std::fs::write(&custom, format!("# A copy for the workshop.\n{builtin}")).expect("writes");
    let custom = custom.to_str().expect("utf-8");
    let log = dir.join("log.jsonl");
    let db = dir.join("laptop.db");
    let solved = motcua(
        &db,
        &["solve", custom, "--actions-out", log.to_str().unwrap()],
        None,
    );
    assert!(solved.status.success(), "{solved:?}");
    let recorded = motcua(
        &db,
        &["record", custom, "--trainee", "Lý Tùy Chỉnh"],
        Some(&log),
    );
    assert!(recorded.status.success(), "{recorded:?}");
    let bundle = dir.join("bundle.json");
    let exported = motcua(&db, &["export", "-o", bundle.to_str().unwrap()], None);
    assert!(exported.status.success(), "{exported:?}");
    // The file is gone: only the bundle travels.
    std::fs::remove_file(dir.join("custom.toml")).expect("removes");
    bundle
}

#[test]
fn a_custom_scenario_bundle_imports_on_a_fresh_database_without_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    let bundle = custom_bundle(dir.path());
    let fresh = dir.path().join("instructor.db");
    let out = motcua(&fresh, &["import", bundle.to_str().unwrap()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("imported (attempt 1)"), "{text}");
    let report = motcua(&fresh, &["report", "--format", "json"], None);
    let doc: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    assert!(doc.to_string().contains("Lý Tùy Chỉnh"), "{doc}");
}

#[test]
fn a_scenario_text_edited_after_export_is_not_used_and_its_attempt_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let bundle = custom_bundle(dir.path());
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).expect("reads")).expect("JSON");
    let texts = doc["scenarios"].as_object_mut().expect("scenarios carried");
    assert_eq!(texts.len(), 1);
    for text in texts.values_mut() {
        // A longer period would let a different log score: the edit is what matters,
        // whatever it says.
        *text = serde_json::Value::String(format!("{}\n# edited\n", text.as_str().unwrap()));
    }
    std::fs::write(&bundle, doc.to_string()).expect("writes");
    let fresh = dir.path().join("instructor.db");
    let out = motcua(&fresh, &["import", bundle.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(3), "refused: {out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not have that hash"), "{stderr}");
}

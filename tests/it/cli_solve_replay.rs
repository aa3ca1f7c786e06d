//! `motcua solve`, `motcua replay` and W001 through the real binary.

use crate::support;
use crate::support::motcua;

fn temp(name: &str) -> std::path::PathBuf {
    support::temp_path("cli", name)
}

#[test]
fn every_scenario_file_is_won_by_solve_and_exits_0() {
    for entry in std::fs::read_dir("scenarios").expect("scenarios/") {
        let path = entry.expect("entry").path();
        let (code, out, err) = motcua(&["solve", path.to_str().expect("utf-8")]);
        assert_eq!(code, 0, "{}: {out}{err}", path.display());
        assert!(out.contains("100/100"), "{out}");
    }
}

#[test]
fn solve_writes_a_log_that_replay_scores_the_same() {
    let log = temp("solve.jsonl");
    let log_arg = log.to_str().expect("utf-8");
    let (code, solved, _) = motcua(&[
        "solve",
        "ly-lich-tu-phap",
        "--seed",
        "9",
        "--json",
        "--actions-out",
        log_arg,
    ]);
    assert_eq!(code, 0);
    let (code, replayed, err) = motcua(&[
        "replay",
        "ly-lich-tu-phap",
        "--seed",
        "9",
        "--json",
        "--actions",
        log_arg,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(solved, replayed);
    let json: serde_json::Value = serde_json::from_str(&replayed).expect("json");
    assert_eq!(json["scenario"], "ly-lich-tu-phap");
    assert_eq!(json["seed"], 9);
    assert_eq!(json["final"], true);
    assert_eq!(json["training"]["total"], 100.0);
    assert_eq!(json["training"]["grade"], "xuat-sac");
    assert_eq!(json["training"]["passed"], true);
    let ids: Vec<&str> = json["panel_766"]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["1.4", "2.1", "3.3", "3.6", "4.1", "4.2", "4.3", "5.4"]
    );
    // Syncing is not simulated: 1.4 is not assessed, never full.
    let synced = &json["panel_766"]["indicators"][0];
    assert_eq!(synced["not_assessed"], "not-simulated");
    assert_eq!(synced["full"], false);
}

#[test]
fn replay_names_the_malformed_line() {
    let log = temp("bad.jsonl");
    std::fs::write(
        &log,
        "{\"seq\":1,\"action\":\"end-day\"}\n{\"seq\":2,\"action\":\"accept\"}\n",
    )
    .expect("write");
    let (code, _, err) = motcua(&[
        "replay",
        "khai-sinh-co-ban",
        "--lang",
        "en",
        "--actions",
        log.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.jsonl:2: malformed action log"), "{err}");
    assert!(err.contains("dossier"), "says what is missing: {err}");
}

#[test]
fn replay_names_the_line_of_an_unknown_dossier() {
    let log = temp("unknown.jsonl");
    std::fs::write(
        &log,
        "{\"seq\":1,\"action\":\"wait\",\"minutes\":5}\n{\"seq\":2,\"action\":\"open\",\"dossier\":\"000.00.12.H12-990101-0001\"}\n",
    )
    .expect("write");
    let (code, _, err) = motcua(&[
        "replay",
        "khai-sinh-co-ban",
        "--actions",
        log.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown.jsonl:2:"), "{err}");
    assert!(err.contains("Không có hồ sơ mang mã này"), "{err}");
}

#[test]
fn replay_of_a_careless_log_explains_the_mistakes() {
    let log = temp("careless.jsonl");
    std::fs::write(
        &log,
        "{\"seq\":1,\"action\":\"end-day\"}\n{\"seq\":2,\"action\":\"end-day\"}\n",
    )
    .expect("write");
    let (code, out, _) = motcua(&[
        "replay",
        "khai-sinh-co-ban",
        "--actions",
        log.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("[unfinished]"), "{out}");
    assert!(out.contains("Căn cứ: QĐ 766/QĐ-TTg"), "{out}");
}

#[test]
fn validate_warns_about_an_unwinnable_scenario_but_accepts_it() {
    let (code, _, err) = motcua(&[
        "validate",
        "--lang",
        "en",
        "tests/fixtures/warn/W001-unwinnable.toml",
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("W001-unwinnable.toml:1:1: warning[W001]"),
        "{err}"
    );
    let (_, _, err) = motcua(&["validate", "scenarios"]);
    assert!(!err.contains("W001"), "built-ins are winnable: {err}");
}

#[test]
fn solve_exits_1_when_it_cannot_win() {
    let (code, out, _) = motcua(&[
        "solve",
        "tests/fixtures/warn/W001-unwinnable.toml",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot reach 100"), "{out}");
}

/// The first `n` lines of the solver's log of `khai-sinh-co-ban` (its own seed).
fn solver_log_head(name: &str, n: usize) -> std::path::PathBuf {
    let full = temp(&format!("{name}-full.jsonl"));
    let (code, _, _) = motcua(&[
        "solve",
        "khai-sinh-co-ban",
        "--actions-out",
        full.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&full).expect("log");
    let head: Vec<&str> = text.lines().take(n).collect();
    let path = temp(&format!("{name}.jsonl"));
    std::fs::write(&path, head.join("\n")).expect("write");
    path
}

#[test]
fn replay_of_an_empty_or_half_log_is_not_a_final_score_and_exits_4() {
    let empty = temp("empty.jsonl");
    std::fs::write(&empty, "").expect("write");
    let half = solver_log_head("half", 20);
    for log in [&empty, &half] {
        let log = log.to_str().expect("utf-8");
        let (code, out, err) = motcua(&[
            "replay",
            "khai-sinh-co-ban",
            "--lang",
            "en",
            "--actions",
            log,
        ]);
        assert_eq!(code, 4, "{out}{err}");
        assert!(out.contains("there is no final score"), "{out}");
        assert!(
            !out.contains("/100"),
            "no score without --as-it-stands: {out}"
        );
        let (code, json, _) = motcua(&["replay", "khai-sinh-co-ban", "--json", "--actions", log]);
        assert_eq!(code, 4);
        let json: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(json["final"], false);
        assert!(json.get("training").is_none(), "{json}");
        assert_eq!(json["period_end"], "2026-03-03T17:00:00");
    }
}

#[test]
fn as_it_stands_scores_an_unfinished_log_labelled_unfinished_still_exit_4() {
    let half = solver_log_head("stands", 20);
    let log = half.to_str().expect("utf-8");
    let args = [
        "replay",
        "khai-sinh-co-ban",
        "--lang",
        "en",
        "--as-it-stands",
    ];
    let (code, out, _) = motcua(&[&args[..], &["--actions", log]].concat());
    assert_eq!(code, 4);
    assert!(out.contains("Not a final score"), "{out}");
    assert!(
        out.contains("Unfinished attempt: no pass or fail yet"),
        "{out}"
    );
    let (code, json, _) = motcua(&[&args[..], &["--json", "--actions", log]].concat());
    assert_eq!(code, 4);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json["final"], false);
    assert_eq!(json["training"]["passed"], false);
    // The solver's first 20 steps are right, but the work left counts as not done.
    let total = json["training"]["total"].as_f64().expect("a total");
    assert!(total > 0.0 && total < 100.0, "{total}");
}

/// A format-1 file runs, but `preview`, `solve` and `replay` say once on stderr that
/// it is format 1 (W005, with its hint); a format-2 file gets no such line. The
/// JSON on stdout stays clean.
#[test]
fn preview_solve_and_replay_say_once_that_a_file_is_format_1() {
    let old = "tests/fixtures/warn/W005-format-one.toml";
    let log = temp("format-one.jsonl");
    let log_arg = log.to_str().expect("utf-8");
    let runs: [&[&str]; 3] = [
        &["--lang", "en", "preview", old, "--json"],
        &[
            "--lang",
            "en",
            "solve",
            old,
            "--json",
            "--actions-out",
            log_arg,
        ],
        &[
            "--lang",
            "en",
            "replay",
            old,
            "--actions",
            log_arg,
            "--json",
        ],
    ];
    for args in runs {
        let (code, out, err) = motcua(args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        assert_eq!(err.matches("warning[W005]").count(), 1, "{args:?}: {err}");
        assert!(err.contains(&format!("{old}:7:10: warning[W005]")), "{err}");
        assert!(err.contains("Change to `format = 2`"), "{err}");
        serde_json::from_str::<serde_json::Value>(&out).expect("stdout is only the JSON");
    }
    let (_, _, err) = motcua(&["preview", "tests/fixtures/valid/minimal.toml"]);
    assert!(!err.contains("W005"), "{err}");
    // In Vietnamese by default.
    let (_, _, err) = motcua(&["preview", old]);
    assert!(err.contains("định dạng phiên bản 1"), "{err}");
}

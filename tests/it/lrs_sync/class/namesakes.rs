//! Two trainees of the same name, told apart by the class list's id: the id a laptop
//! records with (`record --trainee-id`, as the training screen does when the trainee
//! picks their line of the roster) reaches the LRS as the `trainee-id` context
//! extension and the account name, and `motcua class` reads it back: when only HV02
//! played, HV01 is listed as missing, from the LRS and from the same attempts' bundles
//! alike. An attempt of that name without an id is ambiguous, never counted for both.

use std::path::Path;

use motcua_store::export::xapi::profile::ext;
use serde_json::Value;

use super::super::{Lrs, motcua, registration};
use super::log_of_scenario;

use crate::support;

/// Not the scenario of the other class tests of this binary: the LRS is shared.
const SCENARIO: &str = "ly-lich-tu-phap";
const NAME: &str = "Nguyễn Văn Trùng";

fn record(db: &Path, lrs: &Lrs, id: Option<&str>, log: &str) {
    let mut args = vec!["record", SCENARIO, "--trainee", NAME, "--mode", "exam"];
    if let Some(id) = id {
        args.extend(["--trainee-id", id]);
    }
    let out = motcua(db, Some(lrs), &args, Some(log.as_bytes()));
    assert!(out.status.success(), "{out:?}");
}

fn class(db: &Path, lrs: Option<&Lrs>, roster: &Path) -> Value {
    let args = [
        "class",
        "--scenario",
        SCENARIO,
        "--format",
        "json",
        "--roster",
        roster.to_str().unwrap(),
    ];
    let out = motcua(db, lrs, &args, None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The roster ids of a list of entries.
fn ids(v: &Value) -> Vec<String> {
    let list = v.as_array().expect("a list");
    list.iter()
        .map(|e| e["id"].as_str().expect("an id").to_string())
        .collect()
}

/// Export `db`'s attempts and import them on `teacher`.
fn hand_in(db: &Path, teacher: &Path, bundle: &Path) {
    let out = motcua(db, None, &["export", "-o", bundle.to_str().unwrap()], None);
    assert!(out.status.success(), "{out:?}");
    let out = motcua(teacher, None, &["import", bundle.to_str().unwrap()], None);
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn namesakes_are_told_apart_by_the_id_when_only_hv02_played_hv01_is_missing() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp");
    let (solver, _) = log_of_scenario(dir.path(), SCENARIO);
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let roster = dir.path().join("lop.csv");
    let text = format!("Mã,Họ và tên\r\nHV01,{NAME}\r\nHV02,{NAME}\r\n");
    std::fs::write(&roster, text).expect("roster");
    // HV02's laptop: the exam, played by the solver, with the id.
    let hv02 = dir.path().join("hv02.db");
    record(&hv02, &lrs, Some("HV02"), &solver);
    let statements = ralph.statements_of(&registration(&hv02));
    assert!(!statements.is_empty());
    for s in &statements {
        assert_eq!(s["actor"]["name"], NAME);
        assert_eq!(s["actor"]["account"]["name"], "HV02");
        assert_eq!(s["context"]["extensions"][ext("trainee-id")], "HV02");
    }
    let teacher = dir.path().join("teacher.db");
    hand_in(&hv02, &teacher, &dir.path().join("hv02.json"));
    let from_lrs = class(&dir.path().join("empty.db"), Some(&lrs), &roster);
    let from_bundles = class(&teacher, None, &roster);
    for v in [&from_lrs, &from_bundles] {
        // By hand: one attempt, carrying HV02; the roster's HV01 has none.
        assert_eq!(ids(&v["missing"]), ["HV01"], "{v}");
        let rows = v["trainees"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "{v}");
        assert_eq!(
            (rows[0]["trainee"].as_str(), rows[0]["trainee_id"].as_str()),
            (Some(NAME), Some("HV02"))
        );
        assert_eq!(rows[0]["submitted"].as_f64(), Some(100.0));
        assert_eq!(v["ambiguous"], serde_json::json!([]));
    }
    // Another laptop records the name without an id: it may be HV01 or HV02. Neither
    // is now called missing; the report names both ids and says why.
    let bare = dir.path().join("bare.db");
    record(&bare, &lrs, None, &solver);
    hand_in(&bare, &teacher, &dir.path().join("bare.json"));
    let from_lrs = class(&dir.path().join("empty.db"), Some(&lrs), &roster);
    let from_bundles = class(&teacher, None, &roster);
    for part in ["trainees", "missing", "not_on_roster", "ambiguous"] {
        assert_eq!(from_lrs[part], from_bundles[part], "{part}");
    }
    assert_eq!(from_lrs["missing"], serde_json::json!([]));
    let ambiguous = &from_lrs["ambiguous"][0];
    assert_eq!(
        (
            ambiguous["trainee"].as_str(),
            ambiguous["attempts"].as_u64()
        ),
        (Some(NAME), Some(1))
    );
    assert_eq!(ids(&ambiguous["candidates"]), ["HV01", "HV02"]);
    // Two rows: HV02's and the one without an id, never merged.
    let rows = from_lrs["trainees"].as_array().expect("rows");
    let who: Vec<Option<&str>> = rows.iter().map(|r| r["trainee_id"].as_str()).collect();
    assert_eq!(who, [None, Some("HV02")]);
}

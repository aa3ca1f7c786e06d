//! Two workshops' statements in one LRS: every statement of an attempt made with a
//! workshop file carries the workshop as its grouping activity (also the statements
//! sent after the attempt was resumed without the file), and `motcua --workshop FILE
//! class` reads only that workshop's statements from the LRS.

use std::path::{Path, PathBuf};

use motcua_store::export::xapi::profile::workshop_iri;
use serde_json::Value;

use super::super::{Lrs, motcua, registration};
use super::log_of_scenario;

use crate::support;

/// Not the scenario of the other class test of this binary: the LRS is shared.
const SCENARIO: &str = "tam-tru";

fn workshop_file(dir: &Path, file: &str, name: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, format!("name = \"{name}\"\n")).expect("workshop file");
    path
}

/// `record` on `db`, with the workshop file when one is given.
fn record(db: &Path, lrs: &Lrs, workshop: Option<&Path>, who: &str, mode: &str, log: &str) {
    let mut args = Vec::new();
    if let Some(w) = workshop {
        args.extend(["--workshop", w.to_str().unwrap()]);
    }
    args.extend(["record", SCENARIO, "--trainee", who, "--mode", mode]);
    let out = motcua(db, Some(lrs), &args, Some(log.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `motcua [--workshop FILE] class --scenario SCENARIO --format json` from the LRS.
fn class(db: &Path, lrs: &Lrs, workshop: Option<&Path>) -> Value {
    let mut args = Vec::new();
    if let Some(w) = workshop {
        args.extend(["--workshop", w.to_str().unwrap()]);
    }
    args.extend(["class", "--scenario", SCENARIO, "--format", "json"]);
    let out = motcua(db, Some(lrs), &args, None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn trainees(v: &Value) -> Vec<String> {
    let rows = v["trainees"].as_array().expect("rows");
    rows.iter()
        .map(|r| r["trainee"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn class_with_a_workshop_file_reads_only_that_workshops_statements() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp");
    let (solver, sloppy) = log_of_scenario(dir.path(), SCENARIO);
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let morning = workshop_file(dir.path(), "sang.toml", "Lớp sáng 02/03");
    let afternoon = workshop_file(dir.path(), "chieu.toml", "Lớp chiều 02/03");
    let a = dir.path().join("a.db");
    record(&a, &lrs, Some(&morning), "Sáng An", "exam", &solver);
    // Bình's laptop: 10 actions in the afternoon workshop, then the rest resumed by a
    // run given no workshop file; the attempt keeps the workshop it was opened in.
    let b = dir.path().join("b.db");
    let (first, rest) = sloppy.split_at(sloppy.match_indices('\n').nth(9).unwrap().0 + 1);
    record(&b, &lrs, Some(&afternoon), "Chiều Bình", "practice", first);
    record(&b, &lrs, None, "Chiều Bình", "practice", rest);
    let c = dir.path().join("c.db");
    record(&c, &lrs, None, "Không Lớp Chi", "practice", &sloppy);

    let statements = ralph.statements_of(&registration(&b));
    assert!(statements.len() >= 3, "{statements:?}");
    for s in &statements {
        let g = &s["context"]["contextActivities"]["grouping"][0];
        assert_eq!(g["id"], workshop_iri("Lớp chiều 02/03"), "{s}");
        assert_eq!(g["definition"]["name"]["vi-VN"], "Lớp chiều 02/03");
    }
    assert!(
        statements
            .iter()
            .any(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"),
        "the resumed run completed it"
    );
    let ungrouped = ralph.statements_of(&registration(&c));
    assert!(ungrouped[0]["context"].get("contextActivities").is_none());

    let teacher = dir.path().join("teacher.db");
    assert_eq!(
        trainees(&class(&teacher, &lrs, Some(&morning))),
        ["Sáng An"]
    );
    assert_eq!(
        trainees(&class(&teacher, &lrs, Some(&afternoon))),
        ["Chiều Bình"]
    );
    // Without the file, the LRS's whole class.
    assert_eq!(
        trainees(&class(&teacher, &lrs, None)),
        ["Chiều Bình", "Không Lớp Chi", "Sáng An"]
    );
}

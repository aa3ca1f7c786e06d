//! Two trainees of the same name on the class list, told apart by its id column, in
//! the results database and through bundles: the id `record --trainee-id` keeps goes
//! into the bundle and back, and `motcua class --roster` counts HV01 and HV02 as two
//! people. The same through a real LRS: `tests/it/lrs_sync/class/namesakes.rs`.

use std::path::Path;

use motcua_core::session::action;
use serde_json::{Value, json};

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";
const NAME: &str = "Nguyễn Văn An";

/// `record` NAME with `id`, playing `log` to the end.
fn record(db: &Path, id: Option<&str>, log: &str) {
    let mut args = vec!["record", ID, "--trainee", NAME];
    if let Some(id) = id {
        args.extend(["--trainee-id", id]);
    }
    let (code, _, err) = motcua(db, &args, log);
    assert_eq!(code, 0, "{err}");
}

fn roster(tmp: &Temp) -> String {
    let path = tmp.path("lop.csv");
    let text = format!("\u{feff}Mã;Họ và tên\r\nHV01;{NAME}\r\nHV02;{NAME}\r\nHV03;Trần Bình\r\n");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn class_json(db: &Path, roster: &str, extra: &[&str]) -> Value {
    let mut args = vec!["class", "--format", "json", "--roster", roster];
    args.extend_from_slice(extra);
    let (code, out, err) = motcua(db, &args, "");
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect()
}

/// Each per-trainee row as (name, id, attempts).
fn rows(v: &Value) -> Vec<(String, Option<String>, u64)> {
    let list = v["trainees"].as_array().unwrap();
    list.iter()
        .map(|r| {
            let id = r["trainee_id"].as_str().map(String::from);
            (
                r["trainee"].as_str().unwrap().into(),
                id,
                r["attempts"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn only_hv02_played_so_hv01_is_missing_here_and_after_a_bundle_round_trip() {
    let tmp = Temp::new();
    let db = tmp.path("laptop.db");
    let (s, _) = builtin_source(ID);
    let solver = action::write_log(&solver_log(&s, s.meta.seed));
    // HV02 plays twice (two logs: two identical plays started in the same second are
    // one attempt to `import`); HV01, of the same name, never does.
    record(&db, Some("HV02"), &solver);
    let sloppy = action::write_log(&sloppy_log(&s, s.meta.seed, 6));
    record(&db, Some("HV02"), &sloppy);
    let roster = roster(&tmp);
    let here = class_json(&db, &roster, &[]);
    // By hand: the two attempts carry HV02; HV01 and HV03 (Trần Bình) have none.
    assert_eq!(ids(&here["missing"]), ["HV01", "HV03"]);
    assert_eq!(rows(&here), [(NAME.into(), Some("HV02".into()), 2)]);
    assert_eq!(here["ambiguous"], json!([]));
    // The bundle carries the id; imported on the instructor's machine, the same class.
    let bundle = tmp.path("hv02.json");
    let (code, _, err) = motcua(&db, &["export", "-o", bundle.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    let written: Value = serde_json::from_slice(&std::fs::read(&bundle).unwrap()).unwrap();
    assert_eq!(written["attempts"][0]["trainee_id"], "HV02");
    let teacher = tmp.path("teacher.db");
    let (code, _, err) = motcua(&teacher, &["import", bundle.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    let there = class_json(&teacher, &roster, &[]);
    for part in [
        "trainees",
        "missing",
        "not_on_roster",
        "ambiguous",
        "misconceptions",
    ] {
        assert_eq!(there[part], here[part], "{part}");
    }
    // id:HV01 asks for HV01 only: no attempt of theirs, and they are the one missing.
    let hv01 = class_json(&teacher, &roster, &["--trainee", "id:HV01"]);
    assert_eq!(rows(&hv01), []);
    assert_eq!(ids(&hv01["missing"]), ["HV01"]);
    let hv02 = class_json(&teacher, &roster, &["--trainee", "id:HV02"]);
    assert_eq!(rows(&hv02).len(), 1);
    assert_eq!(hv02["missing"], json!([]));
}

#[test]
fn a_namesake_without_an_id_is_ambiguous_and_the_id_column_shows_in_table_and_csv() {
    let tmp = Temp::new();
    let db = tmp.path("laptop.db");
    let (s, _) = builtin_source(ID);
    let solver = action::write_log(&solver_log(&s, s.meta.seed));
    record(&db, Some("HV02"), &solver);
    // An attempt of the same name without an id (typed, not picked from the list).
    record(&db, None, &solver);
    let roster = roster(&tmp);
    let v = class_json(&db, &roster, &[]);
    // Not both present, not both missing: HV03 alone is missing, and the attempt
    // without an id names the two it may be.
    assert_eq!(ids(&v["missing"]), ["HV03"]);
    assert_eq!(v["ambiguous"][0]["trainee"], NAME);
    assert_eq!(ids(&v["ambiguous"][0]["candidates"]), ["HV01", "HV02"]);
    assert_eq!(
        rows(&v),
        [
            (NAME.into(), None, 1),
            (NAME.into(), Some("HV02".into()), 1)
        ]
    );
    let (_, table, _) = motcua(&db, &["--lang", "en", "class", "--roster", &roster], "");
    assert!(
        table.contains(
            "cannot tell which of HV01, HV02 played: the attempt carries no class-list id"
        ),
        "{table}"
    );
    let (_, table, _) = motcua(&db, &["class", "--roster", &roster], "");
    assert!(
        table.contains("không biết ai trong số HV01, HV02 đã làm"),
        "{table}"
    );
    let (_, csv, _) = motcua(&db, &["--lang", "en", "class", "--format", "csv"], "");
    let head = csv.lines().nth(1).unwrap();
    assert!(head.starts_with("Trainee,Id,Scenario"), "{head}");
    assert!(csv.contains(&format!("{NAME},HV02,{ID}")), "{csv}");
}

#[test]
fn without_any_id_the_table_has_no_id_column() {
    let tmp = Temp::new();
    let db = tmp.path("laptop.db");
    let (s, _) = builtin_source(ID);
    record(&db, None, &action::write_log(&solver_log(&s, s.meta.seed)));
    let (_, csv, _) = motcua(&db, &["--lang", "en", "class", "--format", "csv"], "");
    let head = csv.lines().nth(1).unwrap();
    assert!(head.starts_with("Trainee,Scenario"), "{head}");
}

#[test]
fn record_never_resumes_a_namesakes_unfinished_attempt() {
    let tmp = Temp::new();
    let db = tmp.path("shared-laptop.db");
    let (s, _) = builtin_source(ID);
    // HV02 stops after 5 actions: an unfinished attempt of the name on this laptop.
    let first = action::write_log(&sloppy_log(&s, s.meta.seed, 5)[..5]);
    let resumed = |id: &str, log: &str| {
        let args = ["record", ID, "--trainee", NAME, "--trainee-id", id];
        let (code, out, err) = motcua(&db, &args, log);
        assert_eq!(code, 0, "{err}");
        let head: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        (
            head["resumed"].as_bool().unwrap(),
            head["actions"].as_u64().unwrap(),
        )
    };
    assert_eq!(resumed("HV02", &first), (false, 0));
    // HV01, same name: a new attempt of their own, not HV02's 5 actions.
    assert_eq!(resumed("HV01", ""), (false, 0));
    // HV02 again: their own attempt, where it stopped.
    assert_eq!(resumed("HV02", ""), (true, 5));
}

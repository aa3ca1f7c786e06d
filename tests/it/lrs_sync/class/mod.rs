//! `motcua class` against the real Ralph of `lrs_sync` (one LRS for the whole test
//! binary): the class built from the LRS equals the class built from the same
//! attempts' bundles imported on the instructor's machine; a roster's missing trainee
//! is listed; an attempt played by `solve | record` is flagged with its evidence; a
//! statement whose score was edited in the LRS (posted again under a new id) is refused
//! by re-scoring. Other tests of the binary send khai-sinh-co-ban attempts to the same
//! LRS: these use their own scenario and filter on it.

mod namesakes;
mod workshop;

use std::path::Path;

use serde_json::Value;

use super::{Lrs, motcua, registration};

use crate::support;

const CLASS_SCENARIO: &str = "chung-thuc-ban-sao";

fn log_of(dir: &Path) -> (String, String) {
    log_of_scenario(dir, CLASS_SCENARIO)
}

/// The solver's log of `scenario`, and a sloppy one: its first 10 actions, then days ended.
fn log_of_scenario(dir: &Path, scenario: &str) -> (String, String) {
    let path = dir.join(format!("{scenario}-solver.jsonl"));
    let out = motcua(
        &dir.join("solve.db"),
        None,
        &["solve", scenario, "--actions-out", path.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{out:?}");
    let solver = std::fs::read_to_string(path).expect("log");
    // The solver's first 10 actions, then the days ended one after another: the
    // dossiers left open are the mistake the class should see.
    let mut sloppy: Vec<String> = solver.lines().take(10).map(String::from).collect();
    for seq in 11..=60 {
        sloppy.push(format!("{{\"seq\":{seq},\"action\":\"end-day\"}}"));
    }
    (solver, sloppy.join("\n") + "\n")
}

fn record(db: &Path, lrs: &Lrs, who: &str, mode: &str, log: &str) {
    let args = ["record", CLASS_SCENARIO, "--trainee", who, "--mode", mode];
    let out = motcua(db, Some(lrs), &args, Some(log.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn class(db: &Path, lrs: Option<&Lrs>, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["class", "--scenario", CLASS_SCENARIO, "--format", "json"];
    args.extend_from_slice(extra);
    let out = motcua(db, lrs, &args, None);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().expect("exit code"), v)
}

/// A flag as (kind, evidence).
type Flag = (String, String);

/// Each suspect as (trainee, mode, its flags).
fn suspects(v: &Value) -> Vec<(String, String, Vec<Flag>)> {
    v["suspects"]
        .as_array()
        .expect("suspects")
        .iter()
        .map(|s| {
            let flags = s["flags"].as_array().expect("flags").iter();
            let flags = flags.map(|f| {
                (
                    f["kind"].as_str().unwrap().into(),
                    f["evidence"].as_str().unwrap().into(),
                )
            });
            (
                s["trainee"].as_str().unwrap().into(),
                s["mode"].as_str().unwrap().into(),
                flags.collect(),
            )
        })
        .collect()
}

fn post(ralph: &support::lrs::Ralph, statement: &Value) -> u16 {
    use base64::Engine;
    let token = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        support::lrs::USER,
        support::lrs::PASSWORD
    ));
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build(),
    );
    agent
        .post(format!("{}/statements", ralph.endpoint()))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", format!("Basic {token}"))
        .content_type("application/json")
        .send(statement.to_string().as_bytes())
        .expect("posts")
        .status()
        .as_u16()
}

#[test]
fn class_from_the_lrs_equals_class_from_bundles_and_refuses_an_edited_score() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp");
    let (solver, sloppy) = log_of(dir.path());
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    // Two laptops, each sending to the LRS as it records.
    let laptop_a = dir.path().join("a.db");
    let laptop_b = dir.path().join("b.db");
    record(&laptop_a, &lrs, "Lớp An", "exam", &solver);
    record(&laptop_b, &lrs, "Lớp Bình", "practice", &sloppy);
    // The same attempts by bundle, imported on the instructor's machine.
    let teacher = dir.path().join("teacher.db");
    for (db, file) in [(&laptop_a, "a.json"), (&laptop_b, "b.json")] {
        let bundle = dir.path().join(file);
        let out = motcua(db, None, &["export", "-o", bundle.to_str().unwrap()], None);
        assert!(out.status.success(), "{out:?}");
        let out = motcua(&teacher, None, &["import", bundle.to_str().unwrap()], None);
        assert!(out.status.success(), "{out:?}");
    }
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "\u{feff}Họ và tên;Mã\r\nLớp An;1\r\nLớp Bình;2\r\nLớp Chi;3\r\n",
    )
    .expect("roster");
    let with_roster = ["--roster", roster.to_str().unwrap()];
    let (code, from_bundles) = class(&teacher, None, &with_roster);
    assert_eq!(code, 0, "{from_bundles}");
    let (code, from_lrs) = class(&dir.path().join("empty.db"), Some(&lrs), &with_roster);
    assert_eq!(code, 0, "{from_lrs}");
    for part in [
        "trainees",
        "scenarios",
        "misconceptions",
        "missing",
        "not_on_roster",
        "refused",
    ] {
        assert_eq!(from_lrs[part], from_bundles[part], "{part}");
    }
    // Worked by hand: An's exam is the solver's (100, passed, submitted); Bình's
    // practice stops after 10 actions (below the pass mark) with dossiers left open.
    let rows = from_lrs["trainees"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[0]["trainee"].as_str(), rows[0]["submitted"].as_f64()),
        (Some("Lớp An"), Some(100.0))
    );
    assert_eq!(rows[1]["passed"], false);
    assert_eq!(from_lrs["missing"][0]["name"], "Lớp Chi");
    assert_eq!(from_lrs["missing"][0]["line"], 4);
    let unfinished = from_lrs["misconceptions"]
        .as_array()
        .expect("misconceptions")
        .iter()
        .find(|m| m["code"] == "unfinished")
        .expect("dossiers left open");
    assert_eq!(unfinished["trainees"], 1);
    // solve | record: played from standard input, both ways; the pace of the exam
    // from the LRS's own stored times, of the bundle from the laptop's clock.
    let stdin = |e: &str| ("stdin".to_string(), e.to_string());
    let fast = |e: &str| ("fast".to_string(), e.to_string());
    let an = |v: &Value| {
        suspects(v)
            .into_iter()
            .find(|s| s.0 == "Lớp An")
            .expect("An flagged")
            .2
    };
    assert_eq!(
        an(&from_lrs),
        vec![fast("lrs-stored"), stdin("laptop-report")]
    );
    assert_eq!(
        an(&from_bundles),
        vec![fast("laptop-clock"), stdin("laptop-report")]
    );
    // The table says it in words.
    let mut args = vec!["class", "--scenario", CLASS_SCENARIO];
    args.extend_from_slice(&with_roster);
    let out = motcua(&teacher, Some(&lrs), &args, None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ON THE ROSTER WITH NO ATTEMPT"), "{text}");
    assert!(
        text.contains("from the times the LRS stored the action statements"),
        "{text}"
    );
    assert!(text.contains("Lớp Chi"), "{text}");

    // Bình's completed statement, its score edited to a pass and posted again.
    let reg = registration(&laptop_b);
    let honest = ralph
        .statements_of(&reg)
        .into_iter()
        .find(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .expect("completed");
    let mut edited = honest.clone();
    let obj = edited.as_object_mut().expect("object");
    for key in ["stored", "authority"] {
        obj.remove(key);
    }
    let id = honest["id"].as_str().expect("id");
    obj.insert("id".into(), Value::from(format!("dddddddd{}", &id[8..])));
    edited["result"]["score"]["raw"] = Value::from(100.0);
    edited["result"]["score"]["scaled"] = Value::from(1.0);
    edited["result"]["success"] = Value::from(true);
    assert_eq!(post(ralph, &edited), 200);
    let (code, after) = class(&teacher, Some(&lrs), &[]);
    assert_eq!(code, 3, "a refused attempt: exit 3 as import: {after}");
    let refused = after["refused"].as_array().expect("refused");
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0]["trainee"], "Lớp Bình");
    assert_eq!(refused[0]["reason"], "score-mismatch");
    assert_eq!(refused[0]["claimed"], 100.0);
    // The honest record still counts, unchanged.
    assert_eq!(
        after["trainees"],
        from_lrs["trainees"]
            .as_array()
            .map(|r| {
                let mut r = r.clone();
                r[1]["refused"] = Value::from(1);
                r[1]["attempts"] = Value::from(2);
                // Read without the roster: the rows carry no roster id (with it, each
                // name listed once took its entry's id).
                for row in &mut r {
                    row.as_object_mut().expect("row").remove("trainee_id");
                }
                Value::from(r)
            })
            .unwrap()
    );
    let out = motcua(
        &teacher,
        Some(&lrs),
        &["class", "--scenario", CLASS_SCENARIO],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("recorded score 100, but replaying the log earns"),
        "{text}"
    );
}

//! `motcua record`, `progress`, `report`, `export` and `import` through the real
//! binary, and the messages for a database that cannot be used.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use motcua_core::session::action;

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

fn motcua(db: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = clean_command(env!("CARGO_BIN_EXE_motcua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Record a perfect and a sloppy attempt for two trainees; the database path.
fn recorded(tmp: &Temp) -> std::path::PathBuf {
    let db = tmp.path("r.db");
    let (s, _) = builtin_source(ID);
    let perfect = action::write_log(&solver_log(&s, 3));
    let sloppy = action::write_log(&sloppy_log(&s, 3, 6));
    for (who, log) in [("Nguyễn Văn An", &perfect), ("Trần Thị Bình", &sloppy)] {
        let (code, out, err) = motcua(&db, &["record", ID, "--trainee", who, "--seed", "3"], log);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.lines().last().unwrap().contains("\"finished\":true"),
            "{out}"
        );
    }
    db
}

#[test]
fn record_reports_rejections_and_skips_bad_lines_without_storing_them() {
    let tmp = Temp::new();
    let db = tmp.path("r.db");
    let input = "{\"action\":\"accept\",\"dossier\":\"nope\"}\nnot json\n{\"seq\":5,\"action\":\"end-day\"}\n{\"action\":\"wait\",\"minutes\":10}\n";
    let (code, out, err) = motcua(&db, &["record", ID, "--trainee", "An"], input);
    // Two lines were not actions: the log was bad, though the good action was kept.
    assert_eq!(code, 1, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["resumed"], false);
    assert_eq!(lines[1]["rejected"], "unknown-dossier");
    assert_eq!(lines[2]["error"], "malformed");
    assert_eq!(lines[3]["error"], "seq");
    assert_eq!(lines[4]["seq"], 1);
    assert_eq!(lines[5]["finished"], false);
    assert_eq!(lines[5]["skipped"], 2);
    assert!(err.contains("Không có hồ sơ mang mã này"), "{err}");
    // Only the allowed action was stored; the next run resumes after it.
    let (_, out, err) = motcua(&db, &["--lang", "en", "record", ID, "--trainee", "An"], "");
    assert!(
        out.starts_with('{') && out.contains("\"resumed\":true"),
        "{out}"
    );
    assert!(out.contains("\"actions\":1"), "{out}");
    assert!(err.contains("Continuing unfinished attempt"), "{err}");
    // --new abandons it and starts again.
    let (_, out, _) = motcua(&db, &["record", ID, "--trainee", "An", "--new"], "");
    assert!(out.contains("\"resumed\":false"), "{out}");
}

#[test]
fn progress_and_report_show_the_recorded_attempts() {
    let tmp = Temp::new();
    let db = recorded(&tmp);
    let (code, out, _) = motcua(&db, &["progress", "--trainee", "Trần Thị Bình"], "");
    assert_eq!(code, 0);
    assert!(out.contains("Tiến bộ của Trần Thị Bình"), "{out}");
    assert!(out.contains("Lỗi hay mắc nhất"), "{out}");
    assert!(out.contains("Nên luyện tiếp: khai-sinh-co-ban"), "{out}");
    // Names in the chosen language, the code in brackets: the sloppy log leaves
    // dossiers open at the period's end (catalogue: mistake.unfinished.title) and
    // Nguyễn Văn An's solver log is graded xuất sắc (100 points).
    assert!(
        out.contains("Bỏ dở hồ sơ khi hết thời gian [unfinished]"),
        "{out}"
    );
    let (_, out, _) = motcua(
        &db,
        &["--lang", "en", "progress", "--trainee", "Nguyễn Văn An"],
        "",
    );
    // The next built-in in curriculum order after the one played.
    assert!(out.contains("Practise next: chung-thuc-ban-sao"), "{out}");
    assert!(out.contains("100 Excellent (xuất sắc) [xuat-sac]"), "{out}");

    let (code, table, _) = motcua(&db, &["report"], "");
    assert_eq!(code, 0);
    assert!(table.starts_with("Học viên"), "{table}");
    assert!(table.contains("Nguyễn Văn An") && table.contains("Trần Thị Bình"));
    assert!(table.contains("Xuất sắc [xuat-sac]"), "{table}");
    assert!(
        table.contains("Bỏ dở hồ sơ khi hết thời gian [unfinished]×"),
        "{table}"
    );
    // The spreadsheet keeps the codes alone.
    let (_, csv, _) = motcua(&db, &["report", "--format", "csv"], "");
    assert!(csv.contains(",unfinished×"), "{csv}");
    assert!(!csv.contains("[unfinished]"), "{csv}");

    let (_, csv, _) = motcua(&db, &["report", "--format", "csv", "--by", "attempt"], "");
    assert!(csv.starts_with('\u{feff}'), "CSV starts with the BOM");
    let mut rows = csv.trim_start_matches('\u{feff}').split("\r\n");
    assert!(
        rows.next()
            .unwrap()
            .starts_with("Lượt,Học viên,Kịch bản,Hạt giống")
    );
    assert_eq!(rows.filter(|r| !r.is_empty()).count(), 2);

    let (_, json, _) = motcua(
        &db,
        &["report", "--format", "json", "--trainee", "Trần Thị Bình"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["view"], "trainee");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    // Keys come in column order in the text (serde_json::Value would sort them).
    let at = |k: &str| json.find(&format!("\"{k}\":")).unwrap();
    assert!(at("trainee") < at("scenario") && at("scenario") < at("attempts"));
    assert!(at("last_played") < at("mistakes"));
    assert_eq!(row["trainee"], "Trần Thị Bình");
    assert_eq!(row["passed"], false);
    assert!(row["best"].as_f64().unwrap() < 100.0);
    assert!(row["mistakes"][0]["count"].as_u64().unwrap() >= 1);

    let (_, json, _) = motcua(&db, &["report", "--format", "json", "--by", "scenario"], "");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["rows"][0]["trainees"], 2);
    assert_eq!(v["rows"][0]["passed_trainees"], 1);
    assert_eq!(v["rows"][0]["top_score"], 100.0);
}

#[test]
fn export_then_import_keeps_scores_and_refuses_an_edited_one_with_exit_3() {
    let tmp = Temp::new();
    let db = recorded(&tmp);
    let bundle = tmp.path("ket-qua.json");
    let (code, _, err) = motcua(&db, &["export", "-o", bundle.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Đã ghi 2 lượt làm"), "{err}");

    let instructor = tmp.path("gv.db");
    let b = bundle.to_str().unwrap();
    let (code, out, err) = motcua(&instructor, &["import", b], "");
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Đã nhận 2, đã có từ trước 0, bị từ chối 0."),
        "{out}"
    );
    let (code, out, _) = motcua(&instructor, &["--lang", "en", "import", b], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("Imported 0, already here 2, refused 0."),
        "{out}"
    );

    // The sloppy trainee hands in 100.
    let text = std::fs::read_to_string(&bundle).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let a = v["attempts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["trainee"] == "Trần Thị Bình")
        .unwrap();
    a["total"] = 100.0.into();
    a["band"] = "xuat-sac".into();
    a["passed"] = true.into();
    let forged = tmp.path("forged.json");
    std::fs::write(&forged, serde_json::to_string(&v).unwrap()).unwrap();
    let other = tmp.path("gv2.db");
    let (code, out, _) = motcua(&other, &["import", forged.to_str().unwrap()], "");
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("TỪ CHỐI: điểm ghi trong gói là 100"), "{out}");
    let (code, out, _) = motcua(
        &other,
        &["--lang", "en", "import", "--json", forged.to_str().unwrap()],
        "",
    );
    assert_eq!(code, 3);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["imported"], 0, "Nguyễn Văn An's attempt is already there");
    assert_eq!(v["duplicates"], 1);
    assert_eq!(v["refused"], 1);
    let refused = v["files"][0]["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["outcome"] == "refused")
        .unwrap();
    assert_eq!(refused["reason"], "score-differs");
    assert_eq!(refused["recorded_total"], 100.0);

    // Not a bundle: exit 1, the file named.
    let junk = tmp.path("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").unwrap();
    let (code, _, err) = motcua(&other, &["import", junk.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(err.contains("không phải gói kết quả của motcua"), "{err}");
}

#[test]
fn report_filters_by_date_in_vietnam_time() {
    let tmp = Temp::new();
    let db = recorded(&tmp);
    let bundle = tmp.path("b.json");
    motcua(&db, &["export", "-o", bundle.to_str().unwrap()], "");
    // Move the two attempts to known days (the start time is not part of the score).
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let days = ["2026-03-01T18:00:00Z", "2026-03-04T02:00:00Z"]; // 2 and 4 March in Vietnam
    for (a, day) in v["attempts"].as_array_mut().unwrap().iter_mut().zip(days) {
        a["started_at"] = day.into();
        a["ended_at"] = day.into();
    }
    std::fs::write(&bundle, v.to_string()).unwrap();
    let gv = tmp.path("gv.db");
    let (code, _, _) = motcua(&gv, &["import", bundle.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let rows = |args: &[&str]| {
        let mut all = vec!["report", "--format", "json", "--by", "attempt"];
        all.extend_from_slice(args);
        let (_, out, _) = motcua(&gv, &all, "");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["trainee"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows(&["--from", "2026-03-02", "--to", "2026-03-02"]),
        ["Nguyễn Văn An"]
    );
    assert_eq!(rows(&["--from", "2026-03-03"]), ["Trần Thị Bình"]);
    assert_eq!(rows(&["--to", "2026-03-01"]), Vec::<String>::new());
    assert_eq!(rows(&["--scenario", "ket-hon-2018"]), Vec::<String>::new());
    let (_, out, _) = motcua(&gv, &["report", "--format", "json", "--by", "attempt"], "");
    assert!(
        out.contains("\"started_at\": \"2026-03-02T01:00:00+07:00\""),
        "{out}"
    );
}

#[test]
fn unusable_databases_get_clear_messages_and_are_not_changed() {
    let tmp = Temp::new();
    // Missing: the reading commands do not create it.
    let none = tmp.path("none.db");
    let (code, _, err) = motcua(&none, &["report"], "");
    assert_eq!(code, 1);
    assert!(err.contains("Chưa có cơ sở dữ liệu kết quả"), "{err}");
    assert!(!none.exists());
    // Not SQLite: refused, never converted.
    let bad = tmp.path("bad.db");
    std::fs::write(&bad, "garbage ".repeat(1000)).unwrap();
    let (code, _, err) = motcua(&bad, &["--lang", "en", "record", ID, "--trainee", "An"], "");
    assert_eq!(code, 1);
    assert!(err.contains("is not an SQLite database"), "{err}");
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        "garbage ".repeat(1000).as_bytes()
    );
    // From a newer motcua.
    let newer = tmp.path("newer.db");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 7).unwrap();
    }
    let (code, _, err) = motcua(&newer, &["report"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("do phiên bản motcua mới hơn tạo ra (lược đồ 7"),
        "{err}"
    );
}

#[test]
fn the_database_comes_from_motcua_db_when_no_flag_is_given() {
    let tmp = Temp::new();
    let db = tmp.path("env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["record", ID, "--trainee", "An"])
        .env("MOTCUA_DB", &db)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

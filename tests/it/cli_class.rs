//! `motcua class` on the results database (no LRS): an exam counts the submitted
//! attempt (the first finished one), not the best; a roster's missing trainee is
//! listed; a bad roster is refused with its line and what to fix. The LRS side is in
//! `lrs_sync` (`tests/it/lrs_sync/class`), beside the one Ralph of the test binary.

use std::path::Path;

use motcua_core::session::action;

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

/// The score `record` printed on its last line.
fn recorded_total(db: &Path, who: &str, log: &str) -> f64 {
    let args = [
        "record",
        ID,
        "--trainee",
        who,
        "--seed",
        "3",
        "--mode",
        "exam",
    ];
    let (code, out, err) = motcua(db, &args, log);
    assert_eq!(code, 0, "{err}");
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    last["total"].as_f64().expect("finished")
}

#[test]
fn an_exam_counts_the_submitted_attempt_and_the_roster_names_who_is_missing() {
    let tmp = Temp::new();
    let db = tmp.path("c.db");
    let (s, _) = builtin_source(ID);
    let sloppy = recorded_total(&db, "Lê Văn Nộp", &action::write_log(&sloppy_log(&s, 3, 6)));
    let perfect = recorded_total(&db, "Lê Văn Nộp", &action::write_log(&solver_log(&s, 3)));
    assert!(sloppy < 50.0 && perfect == 100.0, "{sloppy} {perfect}");
    let roster = tmp.path("lop.csv");
    std::fs::write(&roster, "Họ và tên,Mã\nLê Văn Nộp,1\nPhạm Thị Vắng,2\n").unwrap();
    let args = [
        "class",
        "--mode",
        "exam",
        "--format",
        "json",
        "--roster",
        roster.to_str().unwrap(),
    ];
    let (code, out, err) = motcua(&db, &args, "");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let row = &v["trainees"][0];
    // The first finished exam is the one handed in: its score counts, not the 100
    // of the second try.
    assert_eq!(row["submitted"].as_f64(), Some(sloppy));
    assert_eq!(row["best"], 100.0);
    assert_eq!(row["passed"], false);
    assert_eq!(v["scenarios"][0]["mean"].as_f64(), Some(sloppy));
    assert_eq!(v["scenarios"][0]["pass_rate"], 0.0);
    assert_eq!(v["missing"][0]["name"], "Phạm Thị Vắng");
    // Both were played by `record`: flagged as from standard input.
    assert_eq!(v["suspects"].as_array().unwrap().len(), 2);
    // Practice only: nothing (the two attempts were exams).
    let (_, out, _) = motcua(
        &db,
        &["class", "--mode", "practice", "--format", "json"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["trainees"], serde_json::json!([]));
    // The table, in Vietnamese, with mistake names and their codes.
    let (_, table, _) = motcua(&db, &["class", "--roster", roster.to_str().unwrap()], "");
    assert!(
        table.contains("CÓ TRONG DANH SÁCH LỚP NHƯNG CHƯA CÓ LƯỢT LÀM NÀO"),
        "{table}"
    );
    assert!(
        table.contains("Bỏ dở hồ sơ khi hết thời gian [unfinished]"),
        "{table}"
    );
    assert!(
        table.contains("làm từ đầu vào chuẩn (motcua record)"),
        "{table}"
    );
    // CSV for Excel: BOM, CRLF, the codes.
    let (_, csv, _) = motcua(&db, &["class", "--format", "csv"], "");
    assert!(
        csv.starts_with('\u{feff}') && csv.contains("\r\n"),
        "{csv:?}"
    );
    assert!(csv.contains(",unfinished,"), "{csv}");
}

#[test]
fn a_bad_roster_is_refused_with_its_line_and_what_to_fix() {
    let tmp = Temp::new();
    let db = tmp.path("c.db");
    let (code, _, err) = motcua(&db, &["record", ID, "--trainee", "An"], "");
    assert_eq!(code, 0, "{err}");
    let cases: [(&[u8], &str); 4] = [
        (
            b"Ho va ten;Ma\r\nAn;1\r\n;2\r\n",
            ":3: dòng này không có họ tên",
        ),
        (
            b"name,id\nAn,7\nB\xc3\xacnh,7\n",
            ":3: mã 7 đã dùng ở dòng 2",
        ),
        (
            b"An\n\xff\xfe\n",
            ":2: danh sách lớp không phải văn bản UTF-8",
        ),
        (b"\xef\xbb\xbf\r\n", "danh sách lớp không có tên nào"),
    ];
    for (text, said) in cases {
        let roster = tmp.path("bad.csv");
        std::fs::write(&roster, text).unwrap();
        let (code, out, err) = motcua(&db, &["class", "--roster", roster.to_str().unwrap()], "");
        assert_eq!(code, 1, "{err}");
        assert!(
            out.is_empty(),
            "nothing printed before the roster is fixed: {out}"
        );
        assert!(err.contains(said), "{said}: {err}");
    }
    let roster = tmp.path("bad.csv");
    std::fs::write(&roster, "name,id\nAn,7\nBình,7\n").unwrap();
    let args = [
        "--lang",
        "en",
        "class",
        "--roster",
        roster.to_str().unwrap(),
    ];
    let (_, _, err) = motcua(&db, &args, "");
    assert!(
        err.contains("bad.csv:3: the id 7 is already used on line 2"),
        "{err}"
    );
}

#[test]
fn the_workshop_file_gives_the_roster_and_flags_an_exam_on_another_seed() {
    let tmp = Temp::new();
    let db = tmp.path("c.db");
    std::fs::write(tmp.path("lop.csv"), "Tên\nĐúng Đề\nKhác Đề\nVắng Mặt\n").unwrap();
    let file = tmp.path("buoi-hoc.toml");
    let init = [
        "class",
        "init",
        "--name",
        "Lớp sáng",
        "--exam",
        ID,
        "--seed",
        "3",
        "--roster",
        "lop.csv",
        "-o",
        file.to_str().unwrap(),
    ];
    let (code, _, err) = motcua(&db, &init, "");
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("seed = 3") && written.contains("sha256 = "),
        "{written}"
    );
    // Never overwritten.
    let (code, _, err) = motcua(&db, &init, "");
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);

    let (s, _) = builtin_source(ID);
    for (who, seed) in [("Đúng Đề", 3), ("Khác Đề", 4)] {
        let log = action::write_log(&sloppy_log(&s, seed, 4));
        let seed = seed.to_string();
        let args = [
            "record",
            ID,
            "--trainee",
            who,
            "--seed",
            &seed,
            "--mode",
            "exam",
        ];
        assert_eq!(motcua(&db, &args, &log).0, 0);
    }
    let args = [
        "--workshop",
        file.to_str().unwrap(),
        "class",
        "--format",
        "json",
    ];
    let (code, out, err) = motcua(&db, &args, "");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // The roster came from the workshop file, beside it.
    assert_eq!(v["missing"][0]["name"], "Vắng Mặt");
    let other = |who: &str| {
        v["suspects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["trainee"] == who)
            .unwrap()["flags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "other-exam")
            .cloned()
    };
    assert_eq!(
        other("Khác Đề").unwrap()["differs"],
        serde_json::json!(["seed"])
    );
    assert_eq!(other("Đúng Đề"), None);
    let args = ["--workshop", file.to_str().unwrap(), "class"];
    let (_, table, _) = motcua(&db, &args, "");
    assert!(
        table.contains("không phải đề kiểm tra của buổi học: hạt giống khác"),
        "{table}"
    );

    std::fs::write(&file, "name = \"x\"\nrooster = \"lop.csv\"\n").unwrap();
    let (code, _, err) = motcua(&db, &args, "");
    assert_eq!(code, 1);
    assert!(
        err.contains("tệp buổi học không đọc được") && err.contains("rooster"),
        "{err}"
    );
}

#[test]
fn an_lrs_that_cannot_be_read_is_said_plainly() {
    let tmp = Temp::new();
    // A port nothing listens on: just released by the system.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/xAPI");
    let args = [
        "--lang",
        "en",
        "class",
        "--lrs-url",
        &url,
        "--lrs-user",
        "u",
    ];
    let (code, out, err) = motcua(&tmp.path("none.db"), &args, "");
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("Could not read the learning records from {url}"))
            && err.contains("the LRS is not running")
            && !err.contains("queued"),
        "{err}"
    );
}

#[test]
fn trainee_picks_exact_names_or_roster_ids_and_never_guesses_a_folded_one() {
    let tmp = Temp::new();
    let db = tmp.path("c.db");
    for who in ["Nguyễn Văn An", "Nguyễn Văn Ân", "Trần Bình"] {
        let (code, _, err) = motcua(&db, &["record", ID, "--trainee", who], "");
        assert_eq!(code, 0, "{err}");
    }
    let roster = tmp.path("lop.csv");
    let text =
        "Mã,Họ và tên\nHV01,Nguyễn Văn An\nHV02,Nguyễn Văn Ân\nHV03,Trần Bình\nHV04,Lê Chi\n";
    std::fs::write(&roster, text).unwrap();
    let roster = roster.to_str().unwrap();
    let rows = |args: &[&str]| {
        let mut all = vec!["class", "--format", "json", "--roster", roster];
        all.extend_from_slice(args);
        let (code, out, err) = motcua(&db, &all, "");
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let names: Vec<String> = v["trainees"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["trainee"].as_str().unwrap().to_string())
            .collect();
        (names, v["missing"].clone())
    };
    let (names, missing) = rows(&["--trainee", "Trần  Bình", "--trainee", "id:HV02"]);
    assert_eq!(names, ["Nguyễn Văn Ân", "Trần Bình"]);
    // Lê Chi has no attempt, but was not asked for.
    assert_eq!(missing, serde_json::json!([]));
    let (names, missing) = rows(&["--trainee", "Lê Chi"]);
    assert!(names.is_empty());
    assert_eq!(missing[0]["id"], "HV04");
    // Typed without diacritics: two trainees fold alike; said, not guessed.
    let args = ["class", "--roster", roster, "--trainee", "nguyen van an"];
    let (code, out, err) = motcua(&db, &args, "");
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("Có phải ý bạn là: Nguyễn Văn An; Nguyễn Văn Ân?"),
        "{err}"
    );
    let args = ["--lang", "en", "class", "--trainee", "tran binh"];
    let (code, _, err) = motcua(&db, &args, "");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Did you mean: Trần Bình?"), "{err}");
    let args = ["--lang", "en", "class", "--trainee", "id:HV03"];
    let (code, _, err) = motcua(&db, &args, "");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--trainee id:HV03 needs a roster"), "{err}");
}

#[test]
fn local_reads_this_machine_even_when_the_workshop_names_an_lrs() {
    let tmp = Temp::new();
    let db = tmp.path("c.db");
    let (code, _, err) = motcua(&db, &["record", ID, "--trainee", "Ở Đây"], "");
    assert_eq!(code, 0, "{err}");
    // The workshop's LRS is not running (a port just released by the system).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let file = tmp.path("buoi.toml");
    let text = format!("name = \"Lớp chiều\"\n[lrs]\nurl = \"http://127.0.0.1:{port}/xAPI\"\n");
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    let (code, _, err) = motcua(&db, &["--workshop", file, "class"], "");
    assert_eq!(code, 1, "the workshop's LRS is asked: {err}");
    let args = ["--workshop", file, "class", "--local", "--format", "json"];
    let (code, out, err) = motcua(&db, &args, "");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["trainees"][0]["trainee"], "Ở Đây");
}

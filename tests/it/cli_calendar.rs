//! `motcua calendar YEAR` through the real binary: one day per line, date
//! first, with its name and where it comes from; JSON on request.

use std::process::{Command, Output};

fn motcua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("the binary runs")
}

#[track_caller]
fn ok(args: &[&str]) -> String {
    let o = motcua(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn lists_2026_in_vietnamese() {
    let out = ok(&["calendar", "2026"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 15, "{out}");
    assert_eq!(
        lines[0],
        "2026-01-01\tthứ Năm\tTết Dương lịch\tlịch chính thức"
    );
    for expected in [
        "2026-01-10\tthứ Bảy\tLàm bù cho ngày 2026-01-02 (dịp Tết Dương lịch)\tlịch chính thức",
        "2026-02-17\tthứ Ba\tTết Nguyên Đán\tlịch chính thức",
        "2026-04-27\tthứ Hai\tNghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)\tlịch chính thức",
        "2026-04-30\tthứ Năm\tNgày Giải phóng miền Nam, thống nhất đất nước\tlịch chính thức",
        "2026-05-01\tthứ Sáu\tNgày Quốc tế Lao động\tlịch chính thức",
        "2026-08-31\tthứ Hai\tNghỉ hoán đổi dịp Quốc khánh, làm bù ngày 2026-08-22\tlịch chính thức",
        "2026-09-02\tthứ Tư\tQuốc khánh\tlịch chính thức",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in\n{out}");
    }
    // Sorted by date, every line starts with an ISO date.
    let dates: Vec<&str> = lines.iter().map(|l| &l[..10]).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn a_year_without_a_schedule_says_it_is_derived() {
    let out = ok(&["--lang", "en", "calendar", "2027"]);
    assert!(
        out.contains(
            "2027-02-10\tWednesday\tDay off in lieu of Lunar New Year (Tết Nguyên Đán)\tby rule"
        ),
        "{out}"
    );
    assert!(out.lines().all(|l| l.ends_with("\tby rule")), "{out}");
}

#[test]
fn json_lists_codes_and_names() {
    let out = ok(&["calendar", "2025", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["year"], 2025);
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.len(), 13);
    let make_up = days
        .iter()
        .find(|d| d["date"] == "2025-04-26")
        .expect("the make-up Saturday is listed");
    assert_eq!(make_up["kind"], "make-up");
    assert_eq!(make_up["instead_of"], "2025-05-02");
    assert_eq!(make_up["weekday"], "sat");
    assert_eq!(make_up["source"], "official");
    let gio_to = days
        .iter()
        .find(|d| d["date"] == "2025-04-07")
        .expect("Giỗ Tổ");
    assert_eq!(gio_to["holiday"], "gio-to-hung-vuong");
    assert_eq!(gio_to["source"], "rule");
    assert_eq!(gio_to["name"], "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
}

#[test]
fn years_without_holiday_data_are_refused() {
    let o = motcua(&["calendar", "1850"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1900–2199"), "{err}");
    assert_eq!(motcua(&["calendar", "hai-nghìn"]).status.code(), Some(2));
}

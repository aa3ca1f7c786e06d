//! `motcua due` through the real binary: the due moment on stdout as ISO 8601
//! at +07:00, clear errors in the user's language with exit 2.

use std::process::{Command, Output};

fn motcua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[track_caller]
fn due(args: &[&str]) -> String {
    let o = motcua(args);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn prints_only_the_due_moment() {
    // Same-day procedure accepted Mon 2/3/2026 16:20, after the 15:00 cutoff:
    // received Tue 3/3 07:30, due Tue 3/3 17:00.
    assert_eq!(
        due(&["due", "2026-03-02T16:20", "--same-day"]),
        "2026-03-03T17:00:00+07:00\n"
    );
}

#[test]
fn accepts_every_documented_form_of_the_received_moment() {
    for received in [
        "2026-03-02T16:20",
        "2026-03-02T16:20:00",
        "2026-03-02 16:20",
        "2026-03-02T16:20:00+07:00",
        // The same instant written in UTC and at +09:00 is converted to UTC+7.
        "2026-03-02T09:20:00Z",
        "2026-03-02T18:20:00+09:00",
    ] {
        assert_eq!(
            due(&["due", received, "--working-days", "3"]),
            "2026-03-05T17:00:00+07:00\n",
            "{received}"
        );
    }
}

#[test]
fn working_days_skip_the_tet_break() {
    // Thu 12/2/2026: Fri 13 = 1, then Tết 14–22/2, Mon 23 = 2, Tue 24 = 3.
    assert_eq!(
        due(&["due", "2026-02-12T09:00", "--working-days", "3"]),
        "2026-02-24T17:00:00+07:00\n"
    );
}

#[test]
fn working_hours_run_through_the_night() {
    // Mon 2/3 16:00 + 8 h: 60 min Monday, 420 min Tuesday → Tue 16:30.
    assert_eq!(
        due(&["due", "2026-03-02T16:00", "--working-hours", "8"]),
        "2026-03-03T16:30:00+07:00\n"
    );
}

#[test]
fn a_bad_date_is_explained_in_vietnamese_by_default() {
    let o = motcua(&["due", "2026-02-30T10:00", "--same-day"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("«2026-02-30T10:00» không phải ngày giờ hợp lệ"),
        "{err}"
    );
    assert!(
        err.contains("2026-03-02T16:20:00+07:00"),
        "the message shows a valid form: {err}"
    );
}

#[test]
fn a_bad_date_is_explained_in_english_on_request() {
    for o in [
        motcua(&["--lang", "en", "due", "yesterday", "--same-day"]),
        Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(["due", "yesterday", "--same-day"])
            .env("MOTCUA_LANG", "en")
            .output()
            .expect("the binary runs"),
    ] {
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(
            err.contains("«yesterday» is not a valid date and time"),
            "{err}"
        );
    }
}

#[test]
fn a_year_without_holiday_data_is_refused_with_the_range() {
    let o = motcua(&["due", "1850-03-02T10:00", "--same-day"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("1900–2199"), "{}", stderr(&o));
}

#[test]
fn a_time_limit_is_required_and_must_be_sensible() {
    assert_eq!(motcua(&["due", "2026-03-02T10:00"]).status.code(), Some(2));
    let both = motcua(&[
        "due",
        "2026-03-02T10:00",
        "--same-day",
        "--working-days",
        "2",
    ]);
    assert_eq!(both.status.code(), Some(2));
    let zero = motcua(&["due", "2026-03-02T10:00", "--working-days", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(
        stderr(&zero).contains("0 nằm ngoài khoảng cho phép"),
        "{}",
        stderr(&zero)
    );
    let huge = motcua(&[
        "--lang",
        "en",
        "due",
        "2026-03-02T10:00",
        "--working-hours",
        "99999999",
    ]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(
        stderr(&huge).contains("outside the allowed range"),
        "{}",
        stderr(&huge)
    );
}

#[test]
fn explain_shows_why_in_vietnamese() {
    let out = due(&[
        "due",
        "2026-02-12T09:00",
        "--working-days",
        "3",
        "--explain",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.contains(&"2026-02-13 (thứ Sáu): ngày làm việc thứ 1"),
        "{out}"
    );
    assert!(
        lines.contains(&"2026-02-16 (thứ Hai): không tính, Tết Nguyên Đán [lịch chính thức]"),
        "{out}"
    );
    assert!(
        lines.contains(&"2026-02-14 (thứ Bảy): không tính, nghỉ cuối tuần"),
        "{out}"
    );
    assert!(
        out.contains("không tính ngày nhận hồ sơ (Bộ luật Dân sự 2015, Điều 147)"),
        "{out}"
    );
    assert_eq!(
        lines.last().copied(),
        Some("Hạn giải quyết: 2026-02-24T17:00:00+07:00 (thứ Ba).")
    );
}

#[test]
fn explain_shows_why_in_english() {
    // Filed online Fri 24/4/2026 22:00: Sat, Sun (Giỗ Tổ) and Mon (day in lieu)
    // come before the receipt on Tue 28/4.
    let out = due(&[
        "--lang",
        "en",
        "due",
        "2026-04-24T22:00",
        "--working-days",
        "1",
        "--explain",
    ]);
    assert!(
        out.contains(
            "2026-04-27 (Monday): not counted, Day off in lieu of Hùng Kings' Commemoration"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Counts as received at 2026-04-28T07:30:00+07:00: accepted outside office hours"
        ),
        "{out}"
    );
    assert!(
        out.contains("2026-04-29 (Wednesday): working day 1"),
        "{out}"
    );
    assert!(
        out.ends_with("Due: 2026-04-29T17:00:00+07:00 (Wednesday).\n"),
        "{out}"
    );
}

#[test]
fn explain_names_the_cutoff_and_the_make_up_saturday() {
    let cutoff = due(&["due", "2026-01-09T15:30", "--same-day", "--explain"]);
    assert!(
        cutoff.contains("tiếp nhận sau 15:00 thì chuyển sang ngày làm việc kế tiếp"),
        "{cutoff}"
    );
    // The next working day after Friday 9/1 is the make-up Saturday 10/1.
    assert!(
        cutoff.contains("Tính là đã nhận lúc 2026-01-10T07:30:00+07:00"),
        "{cutoff}"
    );
    let days = due(&[
        "due",
        "2026-01-09T10:00",
        "--working-days",
        "1",
        "--explain",
    ]);
    assert!(
        days.contains("2026-01-10 (thứ Bảy): ngày làm việc thứ 1 (ngày làm bù)"),
        "{days}"
    );
}

#[test]
fn json_carries_the_moments_and_every_day() {
    let out = due(&["due", "2026-04-24T16:00", "--working-days", "2", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["received"], "2026-04-24T16:00:00+07:00");
    assert_eq!(v["receipt"], "2026-04-24T16:00:00+07:00");
    assert_eq!(v["receipt_reason"], "in-office-hours");
    assert_eq!(v["deadline"]["working_days"], 2);
    assert_eq!(v["due"], "2026-04-29T17:00:00+07:00");
    let days = v["days"].as_array().expect("days");
    let statuses: Vec<&str> = days.iter().filter_map(|d| d["status"].as_str()).collect();
    assert_eq!(
        statuses,
        ["skipped", "skipped", "skipped", "counted", "counted"]
    );
    assert_eq!(days[1]["holiday"], "gio-to-hung-vuong");
    assert_eq!(days[1]["off"], "holiday");
    assert_eq!(days[2]["off"], "compensatory");
    assert_eq!(days[2]["source"], "official");
    assert_eq!(days[4]["n"], 2);
}

#[test]
fn scenario_flag_reports_a_missing_scenario() {
    let o = motcua(&[
        "due",
        "2026-03-02T10:00",
        "--same-day",
        "--scenario",
        "no-such-scenario",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-scenario"), "{}", stderr(&o));
}

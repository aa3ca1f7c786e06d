//! `--scenario F` on `due` and `calendar`: the scenario's office hours, cutoff
//! and extra days replace the defaults. Needs the scenario loader, which is
//! written on another branch; enable these after the merge.

use std::process::{Command, Output};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/valid/calendar-extras.toml"
);

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

fn calendar_lists_the_scenario_days() {
    let out = ok(&["calendar", "2026", "--scenario", FIXTURE]);
    assert!(
        out.contains("2026-03-04\tthứ Tư\tNgày nghỉ thêm của kịch bản\tkịch bản"),
        "{out}"
    );
    assert!(
        out.contains("2026-03-07\tthứ Bảy\tNgày làm việc theo kịch bản\tkịch bản"),
        "{out}"
    );
    // The built-in days are still there.
    assert!(
        out.contains("2026-01-01\tthứ Năm\tTết Dương lịch\tlịch chính thức"),
        "{out}"
    );
}

#[test]

fn due_uses_the_scenario_days_and_hours() {
    // Mon 2/3/2026 10:00, 4 working days: Tue 3 = 1, Wed 4 skipped (extra day
    // off), Thu 5 = 2, Fri 6 = 3, Sat 7 (worked) = 4; the office closes at 17:30.
    assert_eq!(
        ok(&[
            "due",
            "2026-03-02T10:00",
            "--working-days",
            "4",
            "--scenario",
            FIXTURE
        ]),
        "2026-03-07T17:30:00+07:00\n"
    );
    // Same-day at 15:30 is before this office's 16:00 cutoff.
    assert_eq!(
        ok(&[
            "due",
            "2026-03-02T15:30",
            "--same-day",
            "--scenario",
            FIXTURE
        ]),
        "2026-03-02T17:30:00+07:00\n"
    );
    let en = ok(&[
        "--lang",
        "en",
        "due",
        "2026-03-02T10:00",
        "--working-days",
        "2",
        "--explain",
        "--scenario",
        FIXTURE,
    ]);
    assert!(
        en.contains(
            "2026-03-04 (Wednesday): not counted, Extra day off of the scenario [scenario]"
        ),
        "{en}"
    );
}

#[test]

fn saturday_morning_desk_of_the_scenario() {
    // Sat 14/3/2026 09:00 at the Saturday desk, same day: received Mon 16/3 08:00.
    let out = ok(&[
        "due",
        "2026-03-14T09:00",
        "--same-day",
        "--explain",
        "--scenario",
        FIXTURE,
    ]);
    assert!(
        out.contains("Bộ phận Một cửa có tiếp nhận sáng thứ Bảy"),
        "{out}"
    );
    assert!(
        out.ends_with("Hạn giải quyết: 2026-03-16T17:30:00+07:00 (thứ Hai).\n"),
        "{out}"
    );
}

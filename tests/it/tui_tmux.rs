//! The real binary in a real terminal (tmux): start, play a built-in scenario to the
//! debrief, quit, and find the terminal restored. `.ci/run` installs tmux when missing;
//! without tmux these tests fail, unless `MOTCUA_ALLOW_SKIP=tmux` (`support::skip`).

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::support;

/// Whether tmux runs on this machine. Missing, the test fails saying how to install it,
/// unless the environment allows skipping (then it says so and the test returns).
fn tmux_here() -> bool {
    let runs = Command::new("tmux").arg("-V").output();
    if runs.is_ok_and(|out| out.status.success()) {
        return true;
    }
    support::skip::missing(
        "tmux",
        "tmux is not installed: these tests drive the real binary in it (apt-get install tmux)",
    );
    false
}

struct Pane(String);

impl Pane {
    fn start(tag: &str, command: &str) -> Pane {
        let name = format!("motcua-{tag}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                "100",
                "-y",
                "30",
                command,
            ])
            .env("LANG", "C.UTF-8")
            .env_remove("MOTCUA_LANG")
            .status()
            .expect("tmux runs (install it: apt-get install tmux)")
            .success();
        assert!(ok, "tmux new-session failed");
        Pane(name)
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            Command::new("tmux")
                .args(["send-keys", "-t", &self.0, k])
                .status()
                .expect("send-keys");
            sleep(Duration::from_millis(150));
        }
    }

    fn capture(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.0])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows `text`; panic with the screen after 10 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no {text:?} on screen:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Pane {
    /// The process the pane runs (the program itself when started with `exec`).
    fn pid(&self) -> String {
        let out = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.0, "#{pane_pid}"])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// A results database of this test run only.
fn temp_db(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("motcua-tmux-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path.display().to_string()
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .status();
    }
}

#[test]
fn a_scenario_played_in_a_real_terminal_reaches_the_debrief_and_quits_cleanly() {
    if !tmux_here() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_motcua");
    let db = temp_db("play.db");
    let pane = Pane::start(
        "play",
        &format!(
            "MOTCUA_DB={db} {bin} play khai-sinh-co-ban --trainee 'Lê Thị Hoa'; echo MOTCUA-EXIT=$?; sleep 30"
        ),
    );
    pane.wait_for("Ngày làm việc 1/2");
    // Wait for the first dossier, open it, inspect both papers, issue the receipt.
    pane.send(&["n", "Enter", "i", "j", "i", "a", "Enter"]);
    pane.wait_for("Đã tiếp nhận");
    // End both working days: the period is over and the debrief opens.
    pane.send(&["e", "e"]);
    let debrief = pane.wait_for("Điểm luyện tập theo bước");
    for text in [
        "Điểm luyện tập",
        "Quyết định tiếp nhận",
        "Chỉ số QĐ 766 của bộ phận (mô phỏng)",
        "2.1 Hồ sơ xử lý trước hạn, đúng hạn",
    ] {
        assert!(debrief.contains(text), "{text:?} missing:\n{debrief}");
    }
    pane.send(&["q"]);
    let after = pane.wait_for("MOTCUA-EXIT=0");
    assert!(
        !after.contains("Điểm luyện tập theo bước"),
        "the alternate screen was left:\n{after}"
    );
}

#[test]
fn the_help_and_the_english_ui_work_in_a_real_terminal() {
    if !tmux_here() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_motcua");
    let db = temp_db("help.db");
    let pane = Pane::start(
        "help",
        &format!("MOTCUA_DB={db} {bin} --lang en; echo MOTCUA-EXIT=$?; sleep 30"),
    );
    pane.wait_for("Full name");
    pane.send(&["F1"]);
    pane.wait_for("Glossary");
    pane.send(&["Escape", "Escape"]);
    pane.wait_for("MOTCUA-EXIT=0");
}

#[test]
fn a_killed_program_resumes_where_it_stopped() {
    if !tmux_here() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_motcua");
    let db = temp_db("killed.db");
    let first = Pane::start(
        "kill",
        &format!("MOTCUA_DB={db} exec {bin} play khai-sinh-co-ban --trainee 'Vũ Minh'"),
    );
    first.wait_for("Ngày làm việc 1/2");
    first.send(&["n", "Enter", "i", "j", "i", "a", "Enter"]);
    first.wait_for("Đã tiếp nhận");
    let killed = Command::new("kill")
        .args(["-9", &first.pid()])
        .status()
        .expect("kill");
    assert!(killed.success());
    drop(first);
    let second = Pane::start(
        "resume",
        &format!("MOTCUA_DB={db} {bin}; echo MOTCUA-EXIT=$?; sleep 30"),
    );
    second.wait_for("Vũ Minh");
    second.send(&["Right", "Enter"]);
    second.wait_for("Lượt luyện tập dở dang");
    second.wait_for("5 thao tác");
    second.send(&["Enter"]);
    let resumed = second.wait_for("Đã tiếp nhận");
    assert!(resumed.contains("Ngày làm việc 1/2"), "{resumed}");
    second.send(&["q", "y"]);
    second.wait_for("Điểm luyện tập theo bước");
    second.send(&["q"]);
    second.wait_for("MOTCUA-EXIT=0");
}

#[test]
fn a_pasted_100_character_name_is_kept_and_never_read_as_commands() {
    if !tmux_here() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_motcua");
    let db = temp_db("paste.db");
    let pane = Pane::start(
        "paste",
        &format!("MOTCUA_DB={db} {bin}; echo MOTCUA-EXIT=$?; sleep 30"),
    );
    pane.wait_for("Họ và tên");
    // 100 characters with q and ? in them: as keys they would quit or open the help.
    let name: String = "Nguyễn Thị Quỳnh Như q? "
        .chars()
        .cycle()
        .take(100)
        .collect();
    let buffer = format!("motcua-paste-{}", std::process::id());
    let set = Command::new("tmux")
        .args(["set-buffer", "-b", &buffer, &name])
        .status()
        .expect("set-buffer");
    assert!(set.success());
    // -p: bracketed, as a terminal pastes when the program asked for it.
    let pasted = Command::new("tmux")
        .args(["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &pane.0])
        .status()
        .expect("paste-buffer");
    assert!(pasted.success());
    pane.wait_for("đã gõ 100");
    // The 101st character is not a command either.
    pane.send(&["q"]);
    let screen = pane.wait_for("đã gõ 100");
    assert!(!screen.contains("MOTCUA-EXIT"), "{screen}");
    pane.send(&["Enter"]);
    let library = pane.wait_for("Chọn kịch bản");
    let start: String = name.chars().take(30).collect();
    assert!(library.contains(&start), "{start:?}:\n{library}");
    // Start an attempt: the store keeps it under the whole name.
    pane.send(&["Enter", "Enter"]);
    pane.wait_for("Ngày làm việc 1/");
    pane.send(&["q", "y"]);
    pane.wait_for("Điểm luyện tập theo bước");
    pane.send(&["q"]);
    pane.wait_for("MOTCUA-EXIT=0");
    let store = motcua_store::store::Store::open(std::path::Path::new(&db)).expect("opens");
    let trainees = store.trainees().expect("trainees");
    assert_eq!(trainees, vec![name]);
}

#[test]
fn a_format_1_file_in_the_library_is_marked_with_the_hint() {
    if !tmux_here() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_motcua");
    let db = temp_db("format-one.db");
    let dir = std::env::temp_dir().join(format!("motcua-tmux-lib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy(
        "tests/fixtures/warn/W005-format-one.toml",
        dir.join("phien-ban-mot.toml"),
    )
    .expect("copy");
    let pane = Pane::start(
        "format-one",
        &format!(
            "MOTCUA_DB={db} {bin} --lang en --scenarios {}; echo MOTCUA-EXIT=$?; sleep 30",
            dir.display()
        ),
    );
    pane.wait_for("Full name");
    pane.send(&["Lan", "Enter"]);
    pane.wait_for("Choose a scenario");
    // Up from the first row: the last one, after the built-ins.
    pane.send(&["Up"]);
    let screen = pane.wait_for("Warning W005");
    assert!(screen.contains("⚠ "), "{screen}");
    assert!(screen.contains("(format 1)"), "{screen}");
    assert!(screen.contains("format version 1"), "{screen}");
    // A built-in (format 2) has no mark.
    pane.send(&["Down"]);
    let first = pane.wait_for("Birth registration");
    assert!(!first.contains("Warning W005"), "{first}");
    pane.send(&["Escape", "Escape"]);
    pane.wait_for("MOTCUA-EXIT=0");
    let _ = std::fs::remove_dir_all(&dir);
}

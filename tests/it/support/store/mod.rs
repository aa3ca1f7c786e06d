//! Helpers for the store, export and import tests: temporary databases and attempts
//! played into a store the way the TUI and `motcua record` do.
#![allow(dead_code)]

pub mod recorder;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use chrono::{DateTime, TimeZone, Utc};
use motcua_core::scenario::{self, Scenario, builtin};
use motcua_core::score;
use motcua_core::session::{Action, Session, solver};
use motcua_store::store::{AttemptId, Mode, Store};

/// `program` with motcua's environment variables removed (`MOTCUA_LANG`, `MOTCUA_DB`)
/// and its three streams piped: the binary tests run it as a user's shell would.
pub fn clean_command(program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    use std::process::Stdio;
    let mut cmd = std::process::Command::new(program);
    cmd.env_remove("MOTCUA_LANG")
        .env_remove("MOTCUA_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A fresh folder for one test's database; removed when dropped.
pub struct Temp {
    pub dir: tempfile::TempDir,
}

impl Temp {
    pub fn new() -> Temp {
        Temp {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// A built-in scenario with its exact text.
pub fn builtin_source(id: &str) -> (Scenario, Vec<u8>) {
    let (file, text) = builtin::FILES
        .iter()
        .find(|(f, _)| f.trim_end_matches(".toml") == id)
        .unwrap_or_else(|| panic!("no built-in {id}"));
    let s = scenario::load_str(file, text).expect("built-in loads");
    (s, text.as_bytes().to_vec())
}

/// The reference solver's log for a seed.
pub fn solver_log(s: &Scenario, seed: u64) -> Vec<Action> {
    solver::solve(s, seed).actions().to_vec()
}

/// The first `keep` actions of the solver's log, then `end-day` until the period is
/// over: a worse score, with mistakes.
pub fn sloppy_log(s: &Scenario, seed: u64, keep: usize) -> Vec<Action> {
    let mut session = Session::new(s, seed);
    for a in solver_log(s, seed).into_iter().take(keep) {
        session.apply(a).expect("solver action");
    }
    while !session.is_over() {
        session.apply(Action::EndDay).expect("end-day");
    }
    session.actions().to_vec()
}

/// Play `actions` into the store as the TUI does: check, commit, apply; finish when over.
pub fn play(
    store: &mut Store,
    trainee: &str,
    id: &str,
    seed: u64,
    actions: &[Action],
) -> (AttemptId, Session) {
    let (s, source) = builtin_source(id);
    let attempt = store
        .open_attempt(trainee, &s, &source, seed, Mode::Practice)
        .expect("open attempt");
    let mut session = Session::new(&s, seed);
    for (i, a) in actions.iter().enumerate() {
        session.check(a).expect("allowed");
        store
            .append_action(attempt, i as u64 + 1, a)
            .expect("commit");
        session.apply(a.clone()).expect("apply");
    }
    if session.is_over() {
        let debrief = score::score(&session);
        store.finish_attempt(attempt, &debrief).expect("finish");
    }
    (attempt, session)
}

/// A fixed wall clock for the store.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid moment")
}

/// Run motcua on the database `db` with `args`, `stdin` fed to it: (exit code, stdout,
/// stderr).
pub fn motcua(db: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = clean_command(env!("CARGO_BIN_EXE_motcua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("writes");
    drop(input);
    let out = child.wait_with_output().expect("ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

//! Learning records reach a real LRS (Ralph, started once for the test binary by
//! `support::lrs`): an attempt recorded with the LRS up arrives once with the right
//! actor, score, success and mode; recorded with it down it stays queued, survives
//! kill -9 and `motcua sync` sends it exactly once; wrong credentials, an unreachable
//! address, an address that is no LRS and a statement the LRS rejects each give a clear
//! message and lose nothing; `motcua class` reads the LRS (`class`); an exam handed in
//! on the training screen arrives once (`submit`). docs/workshop.md describes what is
//! checked here.

mod class;
mod failures;
mod sending;
mod submit;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use motcua_store::export::xapi::ids;
use motcua_store::store::{AttemptId, Store};
use serde_json::Value;

use crate::support;

const SCENARIO: &str = "khai-sinh-co-ban";

struct Lrs<'a> {
    url: &'a str,
    user: &'a str,
    password: &'a str,
}

fn motcua(db: &Path, lrs: Option<&Lrs>, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_motcua"));
    cmd.args(["--lang", "en"]).args(args).env("MOTCUA_DB", db);
    for var in [
        "MOTCUA_LRS_URL",
        "MOTCUA_LRS_USER",
        "MOTCUA_LRS_PASSWORD",
        "MOTCUA_LRS_HOME",
    ] {
        cmd.env_remove(var);
    }
    if let Some(l) = lrs {
        cmd.env("MOTCUA_LRS_URL", l.url)
            .env("MOTCUA_LRS_USER", l.user)
            .env("MOTCUA_LRS_PASSWORD", l.password);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("motcua runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("writes");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("motcua ends")
}

/// The reference solver's action log of the scenario (83 actions, 100 points).
fn solver_log(dir: &Path) -> Vec<u8> {
    let path = dir.join("solver.jsonl");
    let out = motcua(
        &dir.join("solve.db"),
        None,
        &["solve", SCENARIO, "--actions-out", path.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{out:?}");
    std::fs::read(path).expect("log")
}

fn sync(db: &Path, lrs: &Lrs) -> (i32, Value) {
    let out = motcua(db, Some(lrs), &["sync", "--json"], None);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().expect("exit code"), report)
}

/// The registration of the database's first attempt, as its statements carry it.
fn registration(db: &Path) -> String {
    let store = Store::open(db).expect("opens");
    let info = store.attempt(AttemptId(1)).expect("attempt 1");
    let started = motcua_store::store::timestamp(info.started_at);
    ids::registration(
        &info.trainee,
        info.roster_id.as_deref(),
        &info.scenario_sha256,
        info.seed,
        info.mode,
        &started,
    )
    .to_string()
}

fn waiting(db: &Path) -> u64 {
    Store::open(db)
        .expect("opens")
        .outbox_counts(None)
        .expect("counts")
        .waiting
}

fn verbs(statements: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    v.sort();
    v
}

fn ext<'a>(v: &'a Value, name: &str) -> &'a Value {
    &v["urn:motcua:xapi:ext:".to_string() + name]
}

fn ids_are_unique(statements: &[Value]) -> bool {
    let mut ids: Vec<&str> = statements.iter().filter_map(|s| s["id"].as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    ids.len() == n
}

struct Case {
    _dir: tempfile::TempDir,
    db: PathBuf,
    log: Vec<u8>,
}

fn case() -> Case {
    let dir = tempfile::tempdir().expect("temp");
    let log = solver_log(dir.path());
    Case {
        db: dir.path().join("motcua.db"),
        _dir: dir,
        log,
    }
}

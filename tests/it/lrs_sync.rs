//! Learning records reach a real LRS (Ralph, started once for the test binary by
//! `support::lrs`): an attempt recorded with the LRS up arrives once with the right
//! actor, score, success and mode; recorded with it down it stays queued, survives
//! kill -9 and `motcua sync` sends it exactly once; wrong credentials, an unreachable
//! address, an address that is no LRS and a statement the LRS rejects each give a clear
//! message and lose nothing; `motcua class` reads the LRS (`class`); an exam handed in
//! on the training screen arrives once (`submit`). docs/workshop.md describes what is
//! checked here.

mod class;
mod submit;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use motcua::export::xapi::ids;
use motcua::store::{AttemptId, Store};
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
    let started = motcua::store::timestamp(info.started_at);
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

#[test]
fn an_exam_recorded_with_the_lrs_up_arrives_once_with_actor_score_success_and_mode() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let args = [
        "record",
        SCENARIO,
        "--trainee",
        "Trần Thị Lên Mạng",
        "--mode",
        "exam",
    ];
    let out = motcua(&c.db, Some(&lrs), &args, Some(&c.log));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 1 initialized + 83 interacted (an exam sends every action) + completed + passed.
    assert!(stderr.contains("Sent 86 learning records"), "{stderr}");
    assert_eq!(waiting(&c.db), 0);

    let got = ralph.statements_of(&registration(&c.db));
    assert_eq!(got.len(), 86);
    assert!(ids_are_unique(&got));
    let v = verbs(&got);
    assert_eq!(v.iter().filter(|v| *v == "interacted").count(), 83);
    for once in ["initialized", "completed", "passed"] {
        assert_eq!(v.iter().filter(|v| *v == once).count(), 1, "{once}");
    }
    let completed = got
        .iter()
        .find(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .expect("completed");
    assert_eq!(completed["actor"]["account"]["name"], "Trần Thị Lên Mạng");
    assert_eq!(
        completed["actor"]["account"]["homePage"],
        "urn:motcua:xapi:trainee"
    );
    // The solver's log scores 100 (docs/engine.md): raw 100, scaled 1.
    assert_eq!(completed["result"]["score"]["raw"], 100.0);
    assert_eq!(completed["result"]["score"]["scaled"], 1.0);
    assert_eq!(completed["result"]["success"], true);
    assert_eq!(*ext(&completed["context"]["extensions"], "mode"), "exam");
    assert_eq!(
        *ext(&completed["context"]["extensions"], "played-via"),
        "stdin"
    );
    let actions = ext(&completed["result"]["extensions"], "actions");
    assert_eq!(actions.as_array().map(Vec::len), Some(83));
    // The LRS keeps its own time of arrival: the evidence the class view reads.
    assert!(completed["stored"].is_string());
    let id = completed["id"].as_str().expect("id");
    assert_eq!(ralph.statement(id).expect("GET by id")["id"], id);

    // Nothing waits: a second sync sends nothing.
    let (code, report) = sync(&c.db, &lrs);
    assert_eq!(
        (code, &report["sent"], &report["waiting"]),
        (0, &Value::from(0), &Value::from(0))
    );
}

#[test]
fn a_statement_sent_again_is_recognised_as_already_stored_never_doubled() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let args = ["record", SCENARIO, "--trainee", "Lê Gửi Lại"];
    let out = motcua(&c.db, Some(&lrs), &args, Some(&c.log));
    assert!(out.status.success());
    // As if the answer to the first send had been lost: every record waits again.
    let conn = rusqlite::Connection::open(&c.db).expect("opens");
    conn.execute("UPDATE outbox SET sent_at = NULL", [])
        .expect("resets");
    drop(conn);
    // Practice: initialized, completed, passed (no action is sent in practice).
    assert_eq!(waiting(&c.db), 3);
    let (code, report) = sync(&c.db, &lrs);
    assert_eq!(code, 0, "{report}");
    // Ralph drops a statement it holds identically (answering 204); an LRS that
    // answers 409 for it is counted the same way.
    assert_eq!(report["sent"], 0);
    assert_eq!(report["already_there"], 3);
    assert_eq!(report["waiting"], 0);
    let got = ralph.statements_of(&registration(&c.db));
    assert_eq!(verbs(&got), ["completed", "initialized", "passed"]);
}

#[test]
fn recorded_with_the_lrs_down_it_survives_kill_9_and_sync_sends_it_exactly_once() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let down = format!("http://127.0.0.1:{}/xAPI", support::lrs::free_port());
    let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args([
            "--lang",
            "en",
            "record",
            SCENARIO,
            "--trainee",
            "Phạm Mất Mạng",
            "--mode",
            "exam",
        ])
        .env("MOTCUA_DB", &c.db)
        .env("MOTCUA_LRS_URL", &down)
        .env("MOTCUA_LRS_USER", support::lrs::USER)
        .env("MOTCUA_LRS_PASSWORD", support::lrs::PASSWORD)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("record runs");
    let mut input = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    lines.next().expect("first line").expect("reads");
    for line in c.log.split(|b| *b == b'\n').take(5) {
        input
            .write_all(line)
            .and_then(|()| input.write_all(b"\n"))
            .expect("writes");
        input.flush().expect("flush");
        // Each action's line comes once it is committed.
        lines.next().expect("action line").expect("reads");
    }
    child.kill().expect("kill -9");
    child.wait().expect("reaped");

    // initialized + 5 interacted, kept across the kill.
    assert_eq!(waiting(&c.db), 6);
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let (code, report) = sync(&c.db, &lrs);
    assert_eq!(
        (code, &report["sent"], &report["waiting"]),
        (0, &Value::from(6), &Value::from(0)),
        "{report}"
    );
    let (code, again) = sync(&c.db, &lrs);
    assert_eq!(
        (code, &again["sent"], &again["already_there"]),
        (0, &Value::from(0), &Value::from(0))
    );
    let reg = registration(&c.db);
    assert_eq!(ralph.statements_of(&reg).len(), 6);

    // The attempt is resumed and finished: the rest arrives, each record once.
    let rest: Vec<&[u8]> = c.log.split(|b| *b == b'\n').skip(5).collect();
    let out = motcua(
        &c.db,
        Some(&lrs),
        &["record", SCENARIO, "--trainee", "Phạm Mất Mạng"],
        Some(&rest.join(&b'\n')),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = ralph.statements_of(&reg);
    assert_eq!(got.len(), 86);
    assert!(ids_are_unique(&got));
}

#[test]
fn wrong_credentials_say_so_and_keep_the_queue() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let url = ralph.endpoint();
    let wrong = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: "not-the-password",
    };
    let out = motcua(
        &c.db,
        Some(&wrong),
        &["record", SCENARIO, "--trainee", "Vũ Sai Mật Khẩu"],
        Some(&c.log),
    );
    // The attempt itself is kept and scored: a failed send is not a failed attempt.
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refused the user name or password (HTTP 401)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 learning records are still queued"),
        "{stderr}"
    );
    let (code, report) = sync(&c.db, &wrong);
    assert_eq!(code, 1);
    assert_eq!(report["stopped"]["failure"], "credentials");
    assert_eq!(report["waiting"], 3);
    assert!(ralph.statements_of(&registration(&c.db)).is_empty());

    let right = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let (code, report) = sync(&c.db, &right);
    assert_eq!((code, &report["sent"]), (0, &Value::from(3)));
}

#[test]
fn an_unreachable_address_or_one_that_is_no_lrs_loses_nothing() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let down = format!("http://127.0.0.1:{}/xAPI", support::lrs::free_port());
    let unreachable = Lrs {
        url: &down,
        user: "u",
        password: "p",
    };
    let out = motcua(
        &c.db,
        Some(&unreachable),
        &["record", SCENARIO, "--trainee", "Đỗ Không Mạng"],
        Some(&c.log),
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("No answer from {down}")),
        "{stderr}"
    );
    assert_eq!(waiting(&c.db), 3);

    // Ralph answers at its root, but no xAPI lives there.
    let root = format!("http://127.0.0.1:{}/nothing-here", ralph.port);
    let not_lrs = Lrs {
        url: &root,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let out = motcua(&c.db, Some(&not_lrs), &["sync"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("but not as an xAPI Learning Record Store does"),
        "{text}"
    );
    assert_eq!(waiting(&c.db), 3);

    let bad = Lrs {
        url: "ftp://127.0.0.1/xAPI",
        user: "u",
        password: "p",
    };
    let out = motcua(&c.db, Some(&bad), &["sync"], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a URL that is not http(s) is a usage error"
    );
    assert_eq!(waiting(&c.db), 3);
}

#[test]
fn a_statement_the_lrs_rejects_is_named_kept_and_holds_back_nothing_else() {
    let Some(ralph) = support::lrs::ralph() else {
        return;
    };
    let c = case();
    let down = format!("http://127.0.0.1:{}/xAPI", support::lrs::free_port());
    let unreachable = Lrs {
        url: &down,
        user: "u",
        password: "p",
    };
    let args = ["record", SCENARIO, "--trainee", "Hồ Bị Từ Chối"];
    assert!(
        motcua(&c.db, Some(&unreachable), &args, Some(&c.log))
            .status
            .success()
    );
    // A record the LRS cannot take (no actor: xAPI requires one), queued first, as an
    // outbox edited by hand or a stricter LRS would make it.
    let conn = rusqlite::Connection::open(&c.db).expect("opens");
    let bad = r#"{"id":"0b7c2d3e-1f4a-5b6c-8d7e-9f0a1b2c3d4e","verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"urn:motcua:xapi:scenario:x"}}"#;
    conn.execute(
        "INSERT INTO outbox (id, statement_id, verb, body, queued_at)
         VALUES (0, '0b7c2d3e-1f4a-5b6c-8d7e-9f0a1b2c3d4e', 'completed', ?1, '2026-03-02T00:00:00Z')",
        [bad],
    )
    .expect("queues");
    drop(conn);
    let url = ralph.endpoint();
    let lrs = Lrs {
        url: &url,
        user: support::lrs::USER,
        password: support::lrs::PASSWORD,
    };
    let (code, report) = sync(&c.db, &lrs);
    assert_eq!(code, 1, "something still waits: {report}");
    assert_eq!(
        report["sent"], 3,
        "the attempt's own records went through: {report}"
    );
    assert_eq!(
        report["rejected"][0]["statement"],
        "0b7c2d3e-1f4a-5b6c-8d7e-9f0a1b2c3d4e"
    );
    assert_eq!(report["waiting"], 1);
    let out = motcua(&c.db, Some(&lrs), &["sync"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("The LRS refused the statement completed 0b7c2d3e"),
        "{text}"
    );
    assert!(
        text.contains("sending it again will not change the answer"),
        "{text}"
    );
    assert_eq!(waiting(&c.db), 1);
}

//! Sending: an attempt recorded with the LRS up arrives once with the right actor,
//! score, success and mode; sent again it is not doubled; recorded with the LRS down it
//! stays queued, survives kill -9, and `motcua sync` sends it exactly once.

use super::*;

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

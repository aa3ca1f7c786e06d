//! Failures that lose nothing: wrong credentials, an unreachable address, an address
//! that is no LRS, and a statement the LRS rejects each give a clear message and keep
//! the queue.

use super::*;

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

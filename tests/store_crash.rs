//! Through the real binary: a `motcua record` killed with SIGKILL mid-attempt loses no
//! committed action and resumes at the same state; two `motcua record` processes on
//! one database at once lose no write.

mod storekit;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use motcua::session::{self, action};
use motcua::store::Store;
use serde_json::Value;
use storekit::*;

const ID: &str = "ly-lich-tu-phap";
const SEED: u64 = 11;

struct Recorder {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Recorder {
    fn start(db: &Path, trainee: &str) -> Recorder {
        let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args([
                "record",
                ID,
                "--trainee",
                trainee,
                "--seed",
                &SEED.to_string(),
            ])
            .arg("--db")
            .arg(db)
            .env_remove("MOTCUA_LANG")
            .env_remove("MOTCUA_DB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("motcua record starts");
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Recorder {
            child,
            stdin,
            stdout,
        }
    }

    fn read(&mut self) -> Value {
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("reads a line");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }

    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("writes");
        stdin.flush().expect("flushes");
    }
}

#[test]
fn sigkill_mid_attempt_loses_no_committed_action_and_resumes_at_the_same_state() {
    let tmp = Temp::new();
    let db = tmp.path("results.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    assert!(log.len() > 40, "the solver's log is long enough");
    let answered = 30;

    let mut first = Recorder::start(&db, "Võ Thị Em");
    let head = first.read();
    assert_eq!(head["resumed"], false);
    for (i, a) in log.iter().take(answered).enumerate() {
        // With and without `seq`: both are accepted.
        if i % 2 == 0 {
            first.send(&action::log_line(i as u64 + 1, a));
        } else {
            first.send(&serde_json::to_string(a).unwrap());
        }
        let reply = first.read();
        assert_eq!(reply["seq"], i as u64 + 1, "{reply}");
    }
    // One more action sent, then the power goes: SIGKILL without waiting for the reply.
    first.send(&action::log_line(answered as u64 + 1, &log[answered]));
    // `Child::kill` is SIGKILL on Unix: no destructor, no flush, no clean-up runs.
    first.child.kill().expect("SIGKILL");
    let status = first.child.wait().expect("reaped");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL");
    }
    assert!(!status.success());

    // Every answered action is in the database; the one in flight may or may not be.
    let stored = {
        let store = Store::open(&db).unwrap();
        let resume = store
            .unfinished_attempt("Võ Thị Em", Some(ID))
            .unwrap()
            .expect("the attempt is unfinished");
        resume.actions
    };
    assert!(
        stored.len() == answered || stored.len() == answered + 1,
        "{} stored",
        stored.len()
    );
    assert_eq!(
        stored[..],
        log[..stored.len()],
        "stored actions are the prefix played"
    );
    let expected = session::replay(&s, SEED, &stored).unwrap();

    // The next start offers the attempt where it stopped and plays on to the end.
    let mut second = Recorder::start(&db, "Võ Thị Em");
    let head = second.read();
    assert_eq!(head["resumed"], true);
    assert_eq!(head["actions"], stored.len());
    assert_eq!(
        head["now"],
        serde_json::to_value(expected.now()).unwrap(),
        "resumed at the same simulated moment"
    );
    drop(stored);
    let from = head["actions"].as_u64().unwrap() as usize;
    for a in &log[from..] {
        second.send(&serde_json::to_string(a).unwrap());
    }
    drop(second.stdin.take());
    let mut last = Value::Null;
    loop {
        let mut line = String::new();
        if second.stdout.read_line(&mut line).unwrap() == 0 {
            break;
        }
        last = serde_json::from_str(&line).unwrap();
    }
    assert!(second.child.wait().unwrap().success());
    assert_eq!(last["finished"], true, "{last}");
    assert_eq!(
        last["total"], 100.0,
        "the whole solver log, resumed, still wins"
    );
    assert_eq!(last["actions"], log.len());
    let store = Store::open(&db).unwrap();
    let attempts = store.attempts(&Default::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(store.actions(attempts[0].id).unwrap(), log);
}

#[test]
fn two_record_processes_on_one_database_lose_no_write() {
    let tmp = Temp::new();
    let db = tmp.path("shared.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    let mut a = Recorder::start(&db, "Trainee A");
    let mut b = Recorder::start(&db, "Trainee B");
    // Both write as fast as they can, interleaved, without waiting for replies.
    for act in &log {
        let line = serde_json::to_string(act).unwrap();
        a.send(&line);
        b.send(&line);
    }
    drop(a.stdin.take());
    drop(b.stdin.take());
    let finish = |r: &mut Recorder| {
        let mut last = Value::Null;
        let mut line = String::new();
        while {
            line.clear();
            r.stdout.read_line(&mut line).unwrap() > 0
        } {
            last = serde_json::from_str(&line).unwrap();
        }
        assert!(r.child.wait().unwrap().success());
        last
    };
    let (la, lb) = (finish(&mut a), finish(&mut b));
    for last in [la, lb] {
        assert_eq!(last["finished"], true, "{last}");
        assert_eq!(last["total"], 100.0);
    }
    let store = Store::open(&db).unwrap();
    let attempts = store.attempts(&Default::default()).unwrap();
    assert_eq!(attempts.len(), 2);
    for info in attempts {
        assert_eq!(store.actions(info.id).unwrap(), log, "{}", info.trainee);
        assert_eq!(info.total, Some(100.0));
    }
}

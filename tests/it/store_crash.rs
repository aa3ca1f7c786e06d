//! Through the real binary: a `motcua record` killed with SIGKILL mid-attempt loses no
//! committed action and resumes at the same state; two `motcua record` processes on
//! one database at once lose no write.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use motcua_core::session::{self, action};
use motcua_store::store::Store;
use serde_json::Value;

use crate::support::store::recorder::Recorder;
use crate::support::store::*;

const ID: &str = "ly-lich-tu-phap";
const SEED: u64 = 11;

fn start(db: &Path, trainee: &str) -> Recorder {
    Recorder::start(db, ID, SEED, trainee)
}

#[test]
fn sigkill_mid_attempt_loses_no_committed_action_and_resumes_at_the_same_state() {
    let tmp = Temp::new();
    let db = tmp.path("results.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    assert!(log.len() > 40, "the solver's log is long enough");
    let answered = 30;

    let mut first = start(&db, "Võ Thị Em");
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
    assert!(!first.kill9().success());

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
    let mut second = start(&db, "Võ Thị Em");
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
    let (last, status) = second.finish();
    assert!(status.success());
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
    // Standard error kept: a failure says why (a lock held too long, a bad header).
    let piped = |name| Recorder::start_with(&db, ID, SEED, name, Stdio::piped());
    let mut a = piped("Trainee A");
    let mut b = piped("Trainee B");
    // Both write as fast as they can, interleaved, without waiting for replies.
    for act in &log {
        let line = serde_json::to_string(act).unwrap();
        a.send(&line);
        b.send(&line);
    }
    drop(a.stdin.take());
    drop(b.stdin.take());
    let finish = |r: &mut Recorder| {
        let (last, status) = r.finish();
        let mut err = String::new();
        if let Some(mut e) = r.child.stderr.take() {
            e.read_to_string(&mut err).expect("reads stderr");
        }
        assert!(status.success(), "{status}: {err}");
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

/// A small deterministic generator (SplitMix64): the kill points are the same on
/// every run of a seed.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one killed run showed: the actions stored before it started, and the `seq`
/// of every action it acknowledged (printed) before it died.
struct Killed {
    stored_before: usize,
    acknowledged: Vec<u64>,
}

/// Start `record` on the trainee's attempt, pour the rest of `log` into its stdin from
/// another thread (a pipe, as `record < log.jsonl` gets it), read `after` replies, wait
/// `micros`, SIGKILL it, then read what it had printed.
fn run_and_kill(
    db: &Path,
    trainee: &str,
    log: &[action::Action],
    after: u64,
    micros: u64,
) -> Killed {
    let mut rec = start(db, trainee);
    let head = rec.read();
    let stored_before = head["actions"].as_u64().expect("count") as usize;
    let lines: Vec<String> = log
        .iter()
        .enumerate()
        .skip(stored_before)
        .map(|(i, a)| action::log_line(i as u64 + 1, a))
        .collect();
    let mut stdin = rec.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        for line in lines {
            // The pipe breaks when the child is killed: that is the point.
            if writeln!(stdin, "{line}").is_err() {
                break;
            }
        }
    });
    let mut acknowledged = Vec::new();
    while (acknowledged.len() as u64) < after {
        match rec.next() {
            Some(v) if v.get("seq").is_some() => acknowledged.push(v["seq"].as_u64().unwrap()),
            Some(v) if v.get("finished").is_some() => break,
            Some(v) => panic!("unexpected line {v}"),
            None => break,
        }
    }
    std::thread::sleep(std::time::Duration::from_micros(micros));
    // The child may have finished the log already; SIGKILL or not, it is reaped.
    let _ = rec.child.kill();
    let _ = rec.child.wait();
    // Lines it printed before it died are acknowledged too.
    while let Some(v) = rec.next() {
        if let Some(seq) = v.get("seq").and_then(Value::as_u64) {
            acknowledged.push(seq);
        }
    }
    let _ = writer.join();
    Killed {
        stored_before,
        acknowledged,
    }
}

/// Kill points drawn from a seed (`MOTCUA_CRASH_SEED`), `MOTCUA_CRASH_KILLS` of them
/// (20 by default; e.g. `MOTCUA_CRASH_KILLS=300 cargo test --test it store_crash::`): after
/// each kill the database holds exactly the actions acknowledged (and at most the one
/// in flight, committed but not yet printed), in order; the attempt then resumes, and
/// played to its end it has the score of an uninterrupted run.
#[test]
fn sigkill_at_random_points_resumes_exactly_from_the_acknowledged_actions() {
    let kills = env_number("MOTCUA_CRASH_KILLS", 20);
    let seed = env_number("MOTCUA_CRASH_SEED", 13);
    let mut draw = Draw(seed);
    let tmp = Temp::new();
    let db = tmp.path("kills.db");
    let (s, _) = builtin_source(ID);
    let log = solver_log(&s, SEED);
    let uninterrupted = motcua_core::score::score(&session::replay(&s, SEED, &log).unwrap());
    let mut attempt = 0;
    let mut trainee = format!("Học viên {attempt}");
    for kill in 0..kills {
        let stored = unfinished(&db, &trainee);
        let left = (log.len() - stored) as u64;
        let (after, micros) = (draw.below(left + 1), draw.below(3000));
        let run = run_and_kill(&db, &trainee, &log, after, micros);
        let context = format!("seed {seed}, kill {kill}: after {after} replies + {micros} µs");
        assert_eq!(run.stored_before, stored, "{context}");
        let expected: Vec<u64> = (stored as u64 + 1..).take(run.acknowledged.len()).collect();
        assert_eq!(run.acknowledged, expected, "{context}: replies in order");
        let acked = stored + run.acknowledged.len();
        let store = Store::open(&db).unwrap();
        let now = match store.unfinished_attempt(&trainee, Some(ID)).unwrap() {
            Some(r) => r.actions,
            // Finished before the kill: the whole log is stored, the score kept.
            None => {
                let info = store.attempts(&Default::default()).unwrap();
                let done = info.iter().find(|i| i.trainee == trainee).expect("kept");
                assert_eq!(done.total, Some(uninterrupted.total()), "{context}");
                assert_eq!(store.actions(done.id).unwrap(), log, "{context}");
                attempt += 1;
                trainee = format!("Học viên {attempt}");
                continue;
            }
        };
        assert!(
            now.len() == acked || now.len() == acked + 1,
            "{context}: {acked} acknowledged, {} stored",
            now.len()
        );
        assert_eq!(now[..], log[..now.len()], "{context}: a prefix of the log");
    }
    // The last attempt, resumed and played to its end without a kill.
    let mut rec = start(&db, &trainee);
    let head = rec.read();
    let from = head["actions"].as_u64().unwrap() as usize;
    for (i, a) in log.iter().enumerate().skip(from) {
        rec.send(&action::log_line(i as u64 + 1, a));
    }
    let (last, status) = rec.finish();
    assert!(status.success(), "{last}");
    assert_eq!(last["total"], uninterrupted.total(), "{last}");
    let store = Store::open(&db).unwrap();
    let all = store.attempts(&Default::default()).unwrap();
    assert_eq!(all.len(), attempt + 1);
    for info in all {
        assert_eq!(info.total, Some(uninterrupted.total()), "{}", info.trainee);
        assert_eq!(store.actions(info.id).unwrap(), log, "{}", info.trainee);
    }
}

/// Actions stored in the trainee's unfinished attempt (0 when there is none).
fn unfinished(db: &Path, trainee: &str) -> usize {
    if !db.exists() {
        return 0;
    }
    let store = Store::open(db).unwrap();
    let resume = store.unfinished_attempt(trainee, Some(ID)).unwrap();
    resume.map_or(0, |r| r.actions.len())
}

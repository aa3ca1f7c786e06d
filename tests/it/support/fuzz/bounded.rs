//! The binary run as a user's shell would, but bounded: an address-space limit
//! (`ulimit -v`) and a wall-clock limit, and the checks every fuzz run must pass.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use motcua::cli::exit::Exit;

use crate::support::store::clean_command;

/// Address space a child may map (`ulimit -v`, KiB): 2 GiB, a small fraction of
/// the machine; the defects this guards against took 8 to 24 GB.
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// Wall-clock time a child may take; a debug build checks a file in well under 1 s.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// How a bounded run of the binary ended.
pub struct Ran {
    pub status: std::process::ExitStatus,
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
}

/// The binary with `args` and `stdin`, under `ulimit -v` and killed after `TIME_LIMIT`.
pub fn run_bounded(args: &[&str], stdin: Vec<u8>) -> Ran {
    let mut child = clean_command("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .spawn()
        .expect("sh runs");
    let mut input = child.stdin.take().expect("stdin");
    // The child may stop reading early (an error): a broken pipe here is fine.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break (status, false);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            break (child.wait().expect("reaped"), true);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = feeder.join();
    Ran {
        status,
        timed_out,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// The run ended on its own, in time, within memory, with a status from the table.
pub fn assert_bounded(what: &str, ran: &Ran) {
    let shown = || {
        let tail: String = ran.stderr.chars().take(2000).collect();
        format!("{what}: {:?}\nstderr: {tail}", ran.status)
    };
    assert!(!ran.timed_out, "over {TIME_LIMIT:?}: {}", shown());
    let code = ran.status.code();
    // No code: a signal (an abort when the address space ran out, a crash).
    assert!(code.is_some(), "ended by a signal: {}", shown());
    assert_ne!(code, Some(101), "panicked: {}", shown());
    let known: Vec<i32> = Exit::ALL.iter().map(|e| i32::from(e.code())).collect();
    assert!(
        known.contains(&code.unwrap_or(-1)),
        "status not in the table: {}",
        shown()
    );
    assert!(!ran.stderr.contains("panicked"), "{}", shown());
}

//! `motcua record` as a child process fed through a pipe, for the crash tests.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};

use serde_json::Value;

pub struct Recorder {
    pub child: Child,
    pub stdin: Option<ChildStdin>,
    pub stdout: BufReader<ChildStdout>,
}

impl Recorder {
    /// `motcua record ID --trainee NAME --seed SEED --db DB`, standard error dropped.
    pub fn start(db: &Path, id: &str, seed: u64, trainee: &str) -> Recorder {
        Recorder::start_with(db, id, seed, trainee, Stdio::null())
    }

    pub fn start_with(db: &Path, id: &str, seed: u64, trainee: &str, stderr: Stdio) -> Recorder {
        let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(["--lang", "en", "record", id, "--trainee", trainee])
            .args(["--seed", &seed.to_string()])
            .arg("--db")
            .arg(db)
            .env_remove("MOTCUA_LANG")
            .env_remove("MOTCUA_DB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
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

    /// The next JSON line on stdout; `None` at its end.
    pub fn next(&mut self) -> Option<Value> {
        let mut line = String::new();
        match self.stdout.read_line(&mut line).expect("reads a line") {
            0 => None,
            _ => Some(serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))),
        }
    }

    pub fn read(&mut self) -> Value {
        self.next().expect("one more line")
    }

    pub fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("writes");
        stdin.flush().expect("flushes");
    }

    /// SIGKILL (`Child::kill` on Unix): no destructor, no flush, no clean-up runs.
    pub fn kill9(&mut self) -> ExitStatus {
        self.child.kill().expect("SIGKILL");
        let status = self.child.wait().expect("reaped");
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "killed by SIGKILL");
        }
        status
    }

    /// Close stdin, read every line left, wait: the last line and the status.
    pub fn finish(&mut self) -> (Value, ExitStatus) {
        drop(self.stdin.take());
        let mut last = Value::Null;
        while let Some(v) = self.next() {
            last = v;
        }
        (last, self.child.wait().expect("waits"))
    }
}

//! A real Learning Record Store for the tests: Ralph (ralph-malph), started once for
//! the test binary on 127.0.0.1 with its filesystem backend (`scripts/ralph_lrs.py`), with
//! one user that may do everything and answers read back over HTTP.
//!
//! Where Ralph is: `MOTCUA_RALPH`, the `ralph` program of a venv where
//! `pip install "ralph-malph[cli,lrs]" requests` ran; unset, the repository's own
//! `.ci/venv`, made by `scripts/ralph-venv.sh` on first use. When that cannot be made
//! the tests FAIL, unless `MOTCUA_ALLOW_SKIP` names `lrs` (`MOTCUA_ALLOW_SKIP=lrs`,
//! for a machine without Python): then they pass without checking anything and say
//! so. `.ci/run` never sets it.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

pub const USER: &str = "motcua-test";
pub const PASSWORD: &str = "s3cret-test";

pub struct Ralph {
    pub port: u16,
    /// Kept so the server's folders outlive every test of the binary.
    _dir: tempfile::TempDir,
    _child: Child,
}

impl Ralph {
    /// `http://127.0.0.1:PORT/xAPI`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI", self.port)
    }

    /// Every statement of `registration`, as the LRS gives them back.
    pub fn statements_of(&self, registration: &str) -> Vec<Value> {
        self.get(&format!(
            "statements?registration={registration}&limit=1000"
        ))
        .get("statements")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    }

    /// One statement by its id, when the LRS holds it. (xAPI answers the statement
    /// itself; Ralph 5.1 wraps it in a `statements` list: both are read.)
    pub fn statement(&self, id: &str) -> Option<Value> {
        let v = self.get(&format!("statements?statementId={id}"));
        let one = match v.get("statements").and_then(Value::as_array) {
            Some(list) => list.first().cloned()?,
            None => v,
        };
        one.get("id").is_some().then_some(one)
    }

    /// GET `<endpoint>/<path>` with the test user's credentials, as JSON.
    pub fn get(&self, path: &str) -> Value {
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
        let text = ureq::get(format!("{}/{path}", self.endpoint()))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", format!("Basic {token}"))
            .call()
            .and_then(|r| r.into_body().read_to_string())
            .unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }
}

/// The binary's one Ralph, started on first use; `None`: not available and the
/// environment allows skipping (the caller returns).
pub fn ralph() -> Option<&'static Ralph> {
    static RALPH: OnceLock<Option<Ralph>> = OnceLock::new();
    RALPH.get_or_init(start).as_ref()
}

fn start() -> Option<Ralph> {
    let ralph = match std::env::var_os("MOTCUA_RALPH") {
        Some(path) => PathBuf::from(path),
        None if super::skip::allowed("lrs") => {
            eprintln!("SKIPPED: no LRS (MOTCUA_RALPH unset, MOTCUA_ALLOW_SKIP=lrs)");
            return None;
        }
        None => own_venv(),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let app = dir.path().join("app");
    let cwd = dir.path().join("cwd");
    std::fs::create_dir_all(&cwd).expect("cwd");
    let auth = Command::new(&ralph)
        .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all"])
        .args(["-M", "mailto:motcua-test@example.org", "-w"])
        .env("RALPH_RUNSERVER_BACKEND", "fs")
        .env("RALPH_APP_DIR", &app)
        .current_dir(&cwd)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", ralph.display()));
    assert!(auth.status.success(), "ralph auth: {auth:?}");
    let python = ralph.with_file_name("python");
    let port = free_port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/ralph_lrs.py");
    let child = Command::new(&python)
        .arg(&script)
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["--port", &port.to_string(), "--exit-with-parent"])
        .env("RALPH_APP_DIR", &app)
        .current_dir(&cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", python.display()));
    let server = Ralph {
        port,
        _dir: dir,
        _child: child,
    };
    wait_ready(port);
    Some(server)
}

/// The repository's own `.ci/venv`, made by `scripts/ralph-venv.sh` the first time
/// (python3 and the network needed once), so `cargo test` needs no setup step.
fn own_venv() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let made = Command::new("bash")
        .arg(root.join("scripts/ralph-venv.sh"))
        .status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "these tests need a real LRS and scripts/ralph-venv.sh could not make .ci/venv \
         with ralph-malph (python3 with its venv module and the network are needed once; \
         on Debian: apt-get install python3-venv). Or set MOTCUA_RALPH to a ralph \
         program; MOTCUA_ALLOW_SKIP=lrs skips these tests explicitly"
    );
    root.join(".ci/venv/bin/ralph")
}

/// A port nothing listens on (just released by the system).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn wait_ready(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let url = format!("http://127.0.0.1:{port}/__heartbeat__");
    while Instant::now() < deadline {
        if ureq::get(&url).call().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("Ralph did not answer on {url} within 60 s");
}

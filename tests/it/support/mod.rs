//! The helpers of every test module: built-in scenarios and solver runs, the binary
//! run as a user would (here); a desk played by hand (`desk`), keys for the TUI
//! (`keys`, `screen`), rule and plan builders (`rules`, `plans`, `twist`), hand-built
//! scenarios for the generator (`handmade`), the generator's layout written again from
//! its documentation (`layout`), temporary stores and played attempts (`store`), input
//! mutations (`fuzz`), a real LRS (`lrs`) and when a missing program may be skipped
//! (`skip`).
#![allow(dead_code)]

pub mod desk;
pub mod fuzz;
pub mod handmade;
pub mod keys;
pub mod layout;
pub mod lrs;
pub mod plans;
pub mod rules;
pub mod screen;
pub mod skip;
pub mod store;
pub mod twist;

use motcua_core::scenario::{self, Scenario, builtin};
use motcua_core::score::{self, Debrief};
use motcua_core::session::{Session, solver};

/// Every built-in scenario, loaded.
pub fn builtins() -> Vec<Scenario> {
    builtin::FILES
        .iter()
        .map(|(file, text)| {
            scenario::load_str(file, text).unwrap_or_else(|d| panic!("{file} does not load: {d:?}"))
        })
        .collect()
}

pub fn builtin(id: &str) -> Scenario {
    builtins()
        .into_iter()
        .find(|s| s.meta.id == id)
        .unwrap_or_else(|| panic!("no built-in scenario {id}"))
}

pub fn solved(s: &Scenario, seed: u64) -> (Session, Debrief) {
    let session = solver::solve(s, seed);
    let debrief = score::score(&session);
    (session, debrief)
}

/// Run the real binary (Vietnamese unless `--lang` says otherwise): exit code, stdout, stderr.
pub fn motcua(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh path in this test run's temporary folder.
pub fn temp_path(tag: &str, name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("motcua-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Every `.rs` file under `root`, depth first (for the source scans).
pub fn rust_files(root: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

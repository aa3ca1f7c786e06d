//! The core (`motcua-core`) stays pure: no terminal, database, network or file I/O, no
//! wall clock, no global RNG. A replay is only exact if nothing outside the action log
//! can leak in, and a web front-end or an LMS plug-in can embed the core without
//! dragging in the shell.
//!
//! Cargo enforces the crate boundary; `cargo metadata` proves it here. A scan of the
//! core's sources catches what a dependency list cannot: the standard library's I/O,
//! clock and environment.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support;

/// Crates the core must never depend on, directly or through another crate.
const SHELL_CRATES: &[&str] = &[
    "motcua",
    "motcua-store",
    "motcua-i18n",
    "clap",
    "ratatui",
    "crossterm",
    "rusqlite",
    "libsqlite3-sys",
    "dirs",
    "ureq",
    "mimalloc",
];

/// The workspace's resolved graph.
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// Names of every package `root` needs to build (normal dependencies, transitively;
/// build scripts included, dev-dependencies not: tests may use anything).
fn normal_closure(meta: &Value, root: &str) -> BTreeSet<String> {
    let packages: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap_or(""),
                p["name"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve.nodes")
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or(""), n))
        .collect();
    let start = packages
        .iter()
        .find(|(_, name)| **name == root)
        .map(|(id, _)| *id)
        .expect("the root package is in the workspace");
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(id) = todo.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            let dep_id = dep["pkg"].as_str().unwrap_or("");
            if normal && seen.insert(packages[dep_id].to_string()) {
                todo.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_shell_crate() {
    let deps = normal_closure(&metadata(), "motcua-core");
    // The graph was read: the core's own dependencies are there.
    assert!(deps.contains("chrono") && deps.contains("toml"), "{deps:?}");
    let shell: Vec<&&str> = SHELL_CRATES.iter().filter(|c| deps.contains(**c)).collect();
    assert!(
        shell.is_empty(),
        "motcua-core depends on shell crates {shell:?}; move that code out of crates/motcua-core"
    );
}

/// The records crate keeps SQLite and the LRS client but no terminal or command line:
/// a web front-end can use the store without them.
#[test]
fn the_store_depends_on_no_terminal_or_command_line_crate() {
    let deps = normal_closure(&metadata(), "motcua-store");
    assert!(
        deps.contains("rusqlite") && deps.contains("motcua-core"),
        "{deps:?}"
    );
    let ui: Vec<&str> = ["motcua", "clap", "ratatui", "crossterm", "mimalloc"]
        .into_iter()
        .filter(|c| deps.contains(*c))
        .collect();
    assert!(
        ui.is_empty(),
        "motcua-store depends on {ui:?}; that belongs in the program (src/)"
    );
}

#[test]
fn the_closure_sees_the_shell_in_the_program() {
    // The same walk over the program finds the shell: the check above can fail.
    let deps = normal_closure(&metadata(), "motcua");
    for c in ["clap", "ratatui", "rusqlite", "motcua-core", "motcua-store"] {
        assert!(deps.contains(c), "{c} missing from {deps:?}");
    }
}

/// Text that must not appear in core code, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        "std::fs",
        "file I/O: the shell reads files (src/scenario_file.rs)",
    ),
    ("std::io", "I/O: the core returns values"),
    ("std::net", "network"),
    ("std::process", "processes"),
    ("std::env", "environment"),
    ("std::time", "wall clock"),
    ("println!", "printing: the shell prints"),
    ("print!", "printing: the shell prints"),
    ("eprintln!", "printing: the shell prints"),
    ("dbg!", "printing"),
    ("SystemTime", "wall clock"),
    ("Instant::now", "wall clock"),
    ("Utc::now", "wall clock"),
    ("Local::now", "wall clock"),
    ("thread_rng", "global RNG"),
    ("rand::rng(", "global RNG"),
    ("rand::random", "global RNG"),
    ("OsRng", "OS entropy"),
    ("SysRng", "OS entropy"),
    ("getrandom", "OS entropy"),
];

/// `use std::{fs, io::Write};` written out as `std::fs`, `std::io::Write`, so that a
/// grouped import cannot hide a forbidden path.
fn ungroup(code: &str) -> String {
    let mut out = code.to_string();
    let mut rest = code;
    while let Some(at) = rest.find("std::{") {
        let inner = &rest[at + "std::{".len()..];
        let end = inner.find('}').unwrap_or(inner.len());
        for name in inner[..end].split(',') {
            out.push_str(&format!(" std::{} ", name.trim()));
        }
        rest = &inner[end..];
    }
    out
}

/// Offending `(line number, pattern, reason)` in one file's text; comments are skipped.
/// Grouped imports spread over lines are joined first.
fn violations(text: &str) -> Vec<(usize, &'static str, &'static str)> {
    let mut found = Vec::new();
    let code: Vec<&str> = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect();
    for (i, line) in code.iter().enumerate() {
        // A grouped import may run to the next lines: scan up to its closing brace.
        let joined = if line.contains("std::{") && !line.contains('}') {
            let end = (i..code.len())
                .find(|&j| code[j].contains('}'))
                .unwrap_or(i);
            code[i..=end].join(" ")
        } else {
            line.to_string()
        };
        let expanded = ungroup(&joined);
        for (pattern, why) in FORBIDDEN {
            if expanded.contains(pattern) {
                found.push((i + 1, *pattern, *why));
            }
        }
    }
    found
}

#[test]
fn the_scanner_catches_planted_violations() {
    let planted = "use std::time::SystemTime;\n// Utc::now in a comment is fine\nuse std::{\n    collections::HashMap,\n    fs,\n};\n    println!(\"x\");\n";
    let patterns: Vec<&str> = violations(planted).iter().map(|(_, p, _)| *p).collect();
    assert_eq!(
        patterns,
        vec!["std::time", "SystemTime", "std::fs", "println!"]
    );
}

#[test]
fn core_sources_do_no_io_read_no_clock_and_draw_no_global_randomness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/motcua-core/src");
    let mut files = Vec::new();
    support::rust_files(&root, &mut files);
    assert!(
        files.len() >= 50,
        "core sources not found under {}",
        root.display()
    );
    let mut report = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("core source is readable");
        for (line, pattern, why) in violations(&text) {
            report.push(format!("{}:{line}: `{pattern}` ({why})", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "core purity violated:\n{}",
        report.join("\n")
    );
}

//! The core (scenario, calendar, generate, session, score) stays pure:
//! no terminal, no database, no shell module, no wall clock, no global RNG.
//! A replay is only exact if nothing outside the action log can leak in.

use std::fs;
use std::path::{Path, PathBuf};

const CORE: &[&str] = &["scenario", "calendar", "generate", "session", "score"];

/// Text that must not appear in core code, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("ratatui", "terminal UI crate"),
    ("crossterm", "terminal crate"),
    ("rusqlite", "database crate"),
    ("crate::tui", "shell module"),
    ("crate::cli", "shell module"),
    ("crate::store", "shell module"),
    ("crate::export", "shell module"),
    (
        "crate::i18n",
        "shell module: the core returns codes, not prose",
    ),
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
    ("std::env", "environment"),
];

fn rust_files(root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(root) else {
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

fn core_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in CORE {
        let file = src.join(format!("{module}.rs"));
        if file.exists() {
            files.push(file);
        }
        rust_files(&src.join(module), &mut files);
    }
    files
}

/// Offending `(line number, pattern, reason)` in one file's text; comments are skipped.
fn violations(text: &str) -> Vec<(usize, &'static str, &'static str)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (pattern, why) in FORBIDDEN {
            if code.contains(pattern) {
                found.push((i + 1, *pattern, *why));
            }
        }
    }
    found
}

#[test]
fn the_scanner_catches_a_planted_violation() {
    let planted = "use ratatui::Frame;\nlet t = std::time::SystemTime::now();\n// Utc::now in a comment is fine\n";
    let found = violations(planted);
    let patterns: Vec<&str> = found.iter().map(|(_, p, _)| *p).collect();
    assert_eq!(patterns, vec!["ratatui", "SystemTime"]);
}

#[test]
fn core_modules_import_no_shell_clock_or_global_rng() {
    let files = core_files();
    assert!(files.len() >= 3, "core sources not found: {files:?}");
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

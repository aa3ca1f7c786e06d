//! The docs name only files that exist: every repository path written as code
//! (`` `crates/motcua-core/src/session.rs` ``) in README.md, CONTRIBUTING.md and
//! docs/*.md is looked up, so a file moved or renamed without its docs fails here
//! with the doc's file and line. Patterns (`*`, `<module>`, `{vi,en}`) are not paths
//! and are skipped; so are paths under what .gitignore names as a folder (made by a
//! run, such as `.ci/venv`, never in a fresh clone).

use std::fs;
use std::path::{Path, PathBuf};

/// Where repository paths start; anything else in backticks is not taken for one.
const ROOTS: &[&str] = &[
    "src/",
    "crates/",
    "tests/",
    "docs/",
    "scenarios/",
    "locales/",
    "data/",
    "scripts/",
    "benches/",
    "examples/",
    ".ci/",
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, CONTRIBUTING.md and every docs/*.md, sorted.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = fs::read_dir(repo().join("docs"))
        .expect("docs/ is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    docs.insert(0, repo().join("CONTRIBUTING.md"));
    docs.insert(0, repo().join("README.md"));
    docs
}

/// The folders .gitignore names (`.ci/venv/`), without slashes at either end.
fn ignored_folders() -> Vec<String> {
    let text = fs::read_to_string(repo().join(".gitignore")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| l.ends_with('/') || l.starts_with('/'))
        .map(|l| l.trim_matches('/').to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The repository path a backticked span names, if it names one: the span up to the
/// first space, `:` (a line number) or `#` (an anchor); `None` for anything that is
/// not a path under [`ROOTS`] or is a pattern.
fn path_in(span: &str) -> Option<&str> {
    let path = span.split([' ', ':', '#']).next().unwrap_or("");
    let rooted = ROOTS.iter().any(|r| path.starts_with(r));
    let pattern = path.contains(['*', '<', '{']);
    (rooted && !pattern).then_some(path)
}

/// The code spans of a Markdown text with the line each starts on. A span may run over
/// a line break (Markdown allows it); a blank line or a fence ends an unclosed one, as
/// in Markdown, and fenced blocks are not read (they hold commands and layouts, not
/// code spans).
fn code_spans(text: &str) -> Vec<(usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            open = None;
            continue;
        }
        if fenced || line.trim().is_empty() {
            open = None;
            continue;
        }
        if let Some((_, span)) = open.as_mut() {
            span.push(' ');
        }
        for c in line.chars() {
            match (c, open.take()) {
                ('`', None) => open = Some((i + 1, String::new())),
                ('`', Some(done)) => spans.push(done),
                (c, Some((at, mut span))) => {
                    span.push(c);
                    open = Some((at, span));
                }
                (_, None) => {}
            }
        }
    }
    spans
}

/// `(line, path)` of every backticked repository path in `text` that `exists` denies.
fn missing_in(text: &str, exists: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
    code_spans(text)
        .into_iter()
        .filter_map(|(line, span)| {
            let path = path_in(&span)?;
            (!exists(path)).then(|| (line, path.to_string()))
        })
        .collect()
}

fn exists_in_repo(path: &str, ignored: &[String]) -> bool {
    let under_ignored = ignored
        .iter()
        .any(|dir| path == dir || path.starts_with(&format!("{dir}/")));
    under_ignored || repo().join(path.trim_end_matches('/')).exists()
}

#[test]
fn every_path_the_docs_name_exists() {
    let ignored = ignored_folders();
    let mut report = Vec::new();
    for doc in documents() {
        let text = fs::read_to_string(&doc)
            .unwrap_or_else(|e| panic!("{} is not readable: {e}", doc.display()));
        let name = doc
            .strip_prefix(repo())
            .unwrap_or(&doc)
            .display()
            .to_string();
        for (line, path) in missing_in(&text, |p| exists_in_repo(p, &ignored)) {
            report.push(format!("{name}:{line}: `{path}` does not exist"));
        }
    }
    assert!(
        report.is_empty(),
        "the docs name {} path(s) that are not in the repository (moved? fix the doc):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_check_finds_a_planted_path_and_skips_patterns() {
    let text = "One `src/main.rs` here.\n\
                A moved one: `src/session/rules.rs:31`, and `crates/motcua-core/src/nowhere.rs#top`.\n\
                Patterns: `locales/{vi,en}/*.toml`, `tests/it/snapshots/it__<module>__<name>.snap`.\n\
                Not paths: `motcua validate`, `session/rules.rs`, `a src/x.rs`.\n\
                Generated: `.ci/venv/bin/ralph`. Over a line break: `the\n\
                src/nowhere.rs`, then `tests/it/gone.rs\n\
                ` too.\n\
                ```sh\n\
                cargo run -- validate `src/in-a-fence.rs`\n\
                ```\n\
                An unclosed `src/unclosed.rs\n\
                \n\
                `src/after-a-blank.rs` is read.";
    let ignored = vec![".ci/venv".to_string()];
    let missing = missing_in(text, |p| exists_in_repo(p, &ignored));
    assert_eq!(
        missing,
        vec![
            (2, "src/session/rules.rs".to_string()),
            (2, "crates/motcua-core/src/nowhere.rs".to_string()),
            (6, "tests/it/gone.rs".to_string()),
            (13, "src/after-a-blank.rs".to_string()),
        ]
    );
}

#[test]
fn gitignore_folders_are_read() {
    assert!(
        ignored_folders().iter().any(|d| d == ".ci/venv"),
        "{:?}",
        ignored_folders()
    );
}

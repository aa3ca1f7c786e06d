//! Every catalogue key the code names literally (`t!(lang, "key", …)`) is in both
//! catalogues: a missing one would show on screen as the raw key. Keys built from
//! enums (`mistake.<code>.title`, …) are tests/it/recipes.rs's.

use std::path::Path;

use motcua_i18n::{Lang, has_key};

use crate::support;

/// The string literal given as `t!`'s second argument, at each call in `text`.
fn literal_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (at, _) in text.match_indices("t!(") {
        // `t!(` as a whole name, not the end of `format!(` or `assert!(`.
        if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let args = &text[at + 3..];
        let Some(comma) = first_comma(args) else {
            continue;
        };
        let rest = args[comma + 1..].trim_start();
        if let Some(body) = rest.strip_prefix('"')
            && let Some(end) = body.find('"')
        {
            keys.push(body[..end].to_string());
        }
    }
    keys
}

/// The first comma outside brackets.
fn first_comma(args: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in args.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

#[test]
fn the_scan_finds_the_key_of_each_call() {
    let code = "let a = t!(lang, \"tui.title\");\nformat!(\"x\", \"y\");\nt!(f(a, b), \"cli.done\", n = 3)";
    assert_eq!(literal_keys(code), ["tui.title", "cli.done"]);
}

#[test]
fn every_literal_key_is_in_both_catalogues() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates/motcua-store/src", "crates/motcua-i18n/src"] {
        support::rust_files(&root.join(dir), &mut files);
    }
    let mut seen = 0;
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        // Comment lines (doc examples such as `t!(lang, "key")`) are not calls.
        let code: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        for key in literal_keys(&code.join("\n")) {
            seen += 1;
            for lang in [Lang::Vi, Lang::En] {
                if !has_key(lang, &key) {
                    missing.push(format!(
                        "{}: `{key}` not in locales/{}/",
                        file.display(),
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(
        seen >= 200,
        "only {seen} literal keys found: the scan is broken"
    );
    assert!(
        missing.is_empty(),
        "keys missing from the catalogue:\n{}",
        missing.join("\n")
    );
}

//! Bad input never crashes the loader: every prefix of every built-in scenario
//! and random byte mutations of them load to `Ok` or to a non-empty list of
//! diagnostics with sane positions, never a panic.

use motcua_core::scenario::{self, Diagnostic, builtin};
use proptest::prelude::*;

/// Every diagnostic points inside the text (lines and columns are 1-based).
fn assert_sane(label: &str, bytes: &[u8], diags: &[Diagnostic]) {
    assert!(!diags.is_empty(), "{label}: rejected without a reason");
    let lines = bytes.split(|b| *b == b'\n').count();
    for d in diags {
        assert!(d.line >= 1 && d.col >= 1, "{label}: {d:?}");
        assert!(
            d.line <= lines.max(1),
            "{label}: line beyond the text: {d:?}"
        );
        assert_eq!(d.path, label);
        // The loader's last-resort diagnostic means a check forgot to say why.
        assert_ne!(
            d.arg("detail"),
            Some("incomplete scenario"),
            "{label}: {d:?}"
        );
    }
}

fn load(label: &str, bytes: &[u8]) {
    if let Err(diags) = scenario::load_bytes(label, bytes) {
        assert_sane(label, bytes, &diags);
    }
}

#[test]
fn every_prefix_of_every_built_in_scenario_loads_without_panic() {
    for (name, text) in builtin::FILES {
        let bytes = text.as_bytes();
        // Every length up to the whole file; cutting inside a multi-byte letter
        // gives invalid UTF-8 on purpose.
        for len in 0..=bytes.len() {
            load(name, &bytes[..len]);
        }
    }
}

#[test]
fn the_whole_built_in_scenarios_load() {
    for (name, text) in builtin::FILES {
        let result = scenario::load_bytes(name, text.as_bytes());
        assert!(result.is_ok(), "{name}: {result:?}");
    }
}

/// One edit of a file: overwrite, insert or delete a byte at a position.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let n = bytes.len().max(1);
    match *edit {
        Edit::Set(i, b) => {
            if let Some(slot) = bytes.get_mut(i % n) {
                *slot = b;
            }
        }
        Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
        Edit::Delete(i) => {
            if !bytes.is_empty() {
                bytes.remove(i % n);
            }
        }
    }
}

/// Bytes that matter to TOML and to the format, plus arbitrary ones.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(b"[]{}\"'=,.#\n\\ 0123456789-:_TZabcdefghijklmnopqrstuvwxyz".to_vec()),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), interesting_byte()).prop_map(|(i, b)| Edit::Set(i, b)),
        (any::<usize>(), interesting_byte()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_mutations_never_panic(
        file in 0..builtin::FILES.len(),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let (name, text) = builtin::FILES[file];
        let mut bytes = text.as_bytes().to_vec();
        for e in &edits {
            apply(&mut bytes, e);
        }
        load(name, &bytes);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let text = include_str!("../fixtures/valid/every-key.toml");
        let mut bytes = text.as_bytes().to_vec();
        for e in &edits {
            apply(&mut bytes, e);
        }
        load("every-key.toml", &bytes);
    }
}

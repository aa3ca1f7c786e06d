//! `motcua preview` through the real binary.

use std::process::Command;

fn motcua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(args)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("the binary runs")
}

#[test]
fn an_unknown_scenario_is_a_usage_error() {
    let out = motcua(&["preview", "khong-co-kich-ban-nay"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("khong-co-kich-ban-nay"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn json_is_byte_identical_across_runs() {
    let a = motcua(&["preview", "khai-sinh-co-ban", "--json"]);
    let b = motcua(&["preview", "khai-sinh-co-ban", "--json"]);
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    let doc: serde_json::Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert_eq!(doc["scenario"], "khai-sinh-co-ban");
    assert!(!doc["dossiers"].as_array().expect("dossiers").is_empty());
}

#[test]
fn another_seed_gives_other_json() {
    let a = motcua(&["preview", "khai-sinh-co-ban", "--json", "--seed", "1"]);
    let b = motcua(&["preview", "khai-sinh-co-ban", "--json", "--seed", "2"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(b.status.code(), Some(0));
    assert_ne!(a.stdout, b.stdout);
    let doc: serde_json::Value = serde_json::from_slice(&b.stdout).expect("JSON");
    assert_eq!(doc["seed"], 2);
}

#[test]
fn listing_is_vietnamese_by_default_and_english_on_request() {
    let vi = motcua(&["preview", "khai-sinh-co-ban"]);
    assert_eq!(vi.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&vi.stdout).contains("hồ sơ"));
    let en = motcua(&["--lang", "en", "preview", "khai-sinh-co-ban"]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("dossiers"));
}

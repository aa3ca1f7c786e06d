//! The validation-rule tests' scenario texts: `minimal.toml` with one change, and
//! what `scenario::load_str` says of it.

use motcua_core::scenario::{self, DiagCode, Diagnostic};

pub const MINIMAL: &str = include_str!("../../fixtures/valid/minimal.toml");
pub const EVERY_KEY: &str = include_str!("../../fixtures/valid/every-key.toml");

/// `MINIMAL` with `old` replaced by `new` (which must be there).
pub fn with(old: &str, new: &str) -> String {
    assert!(MINIMAL.contains(old), "fixture lacks {old:?}");
    MINIMAL.replacen(old, new, 1)
}

pub fn plus(extra: &str) -> String {
    format!("{MINIMAL}\n{extra}")
}

pub fn diags(text: &str) -> Vec<Diagnostic> {
    match scenario::load_str("t.toml", text) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    }
}

pub fn codes(text: &str) -> Vec<DiagCode> {
    diags(text).iter().map(|d| d.code).collect()
}

#[track_caller]
pub fn only(text: &str, code: DiagCode) -> Diagnostic {
    let d = diags(text);
    assert_eq!(d.len(), 1, "expected only {code:?}, got {d:#?}");
    assert_eq!(d[0].code, code, "{d:#?}");
    d[0].clone()
}

#[track_caller]
pub fn valid(text: &str) {
    let d = diags(text);
    assert!(d.is_empty(), "expected valid, got {d:#?}");
}

pub const SCRIPTED: &str = "[[dossiers.scripted]]\nid = \"hs-1\"\nprocedure = \"1.001193\"\n";

/// `MINIMAL` with one scripted dossier at `at`, filed by `channel`.
pub fn scripted(at: &str, channel: &str) -> String {
    plus(&format!(
        "{SCRIPTED}at = \"{at}\"\nchannel = \"{channel}\"\n"
    ))
}

/// `MINIMAL` with one scripted dossier and an event of `body`.
pub fn event(body: &str) -> String {
    plus(&format!(
        "{SCRIPTED}at = \"day1 08:00\"\n\n[[event]]\n{body}\n"
    ))
}

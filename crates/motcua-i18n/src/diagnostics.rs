//! Renders scenario diagnostics in the user's language.
//!
//! Shape (the contract of `motcua validate`):
//! `path:line:col: error[E006]: <message>` then `  = <hint>` lines.
//! `error` / `warning` stay English in both languages so scripts can grep them.

use std::fmt::Display;

use super::{Lang, has_key, template};
use motcua_core::scenario::diagnostic::{Diagnostic, Severity};

/// Argument values written `@some.key` are catalogue keys, translated before use
/// (the core names a type or a kind; the catalogue says it in the user's language).
fn resolve_arg(lang: Lang, value: &str) -> String {
    match value.strip_prefix('@') {
        Some(key) if has_key(lang, key) => template(lang, key).to_string(),
        _ => value.to_string(),
    }
}

fn fill_args(lang: Lang, template_text: &str, d: &Diagnostic) -> String {
    let values: Vec<(&str, String)> = d
        .args
        .iter()
        .map(|(k, v)| (*k, resolve_arg(lang, v)))
        .collect();
    let refs: Vec<(&str, &dyn Display)> = values
        .iter()
        .map(|(k, v)| (*k, v as &dyn Display))
        .collect();
    super::fill(template_text, &refs)
}

/// The message alone, without position or hint.
pub fn message(lang: Lang, d: &Diagnostic) -> String {
    let key = format!("diag.{}.message", d.code.key());
    fill_args(lang, template(lang, &key), d)
}

/// The plain-language hint how to fix it.
pub fn hint(lang: Lang, d: &Diagnostic) -> String {
    let key = format!("diag.{}.hint", d.code.key());
    fill_args(lang, template(lang, &key), d)
}

/// Full text block for one diagnostic, ending without a newline.
pub fn render(lang: Lang, d: &Diagnostic) -> String {
    let level = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!(
        "{}:{}:{}: {}[{}]: {}",
        d.path,
        d.line,
        d.col,
        level,
        d.code.key(),
        message(lang, d)
    );
    let label = template(lang, "diag.hint_label");
    out.push_str(&format!("\n  = {label}: {}", hint(lang, d)));
    if let Some(s) = d.arg("suggestion") {
        let line = super::format(lang, "diag.did_you_mean", &[("suggestion", &s)]);
        out.push_str(&format!("\n  = {line}"));
    }
    out
}

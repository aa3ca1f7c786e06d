//! The one catalogue of user-facing strings, Vietnamese and English.
//!
//! Strings live in `locales/<lang>/<area>.toml`, compiled into the binary.
//! Nested tables flatten to dotted keys (`[diag.E006] message = ...` is
//! `diag.E006.message`). Placeholders are `{name}`. A test checks that both
//! languages have the same keys and the same placeholders per key.

pub mod diagnostics;

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vi_vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" | "en_us" | "en_gb" => Some(Lang::En),
            _ => None,
        }
    }
    /// `--lang` if given, else `MOTCUA_LANG`, else Vietnamese.
    pub fn resolve(flag: Option<&str>, env: Option<&str>) -> Lang {
        flag.and_then(Lang::from_code)
            .or_else(|| env.and_then(Lang::from_code))
            .unwrap_or_default()
    }
}

/// Catalogue files of one language, in a fixed order. Add an area here and in both folders.
macro_rules! locale_files {
    ($lang:literal) => {
        &[
            (
                "common",
                include_str!(concat!("../../../locales/", $lang, "/common.toml")),
            ),
            (
                "cli",
                include_str!(concat!("../../../locales/", $lang, "/cli.toml")),
            ),
            (
                "cli_help",
                include_str!(concat!("../../../locales/", $lang, "/cli_help.toml")),
            ),
            (
                "diagnostics",
                include_str!(concat!("../../../locales/", $lang, "/diagnostics.toml")),
            ),
            (
                "calendar",
                include_str!(concat!("../../../locales/", $lang, "/calendar.toml")),
            ),
            (
                "generate",
                include_str!(concat!("../../../locales/", $lang, "/generate.toml")),
            ),
            (
                "session",
                include_str!(concat!("../../../locales/", $lang, "/session.toml")),
            ),
            (
                "score",
                include_str!(concat!("../../../locales/", $lang, "/score.toml")),
            ),
            (
                "tui",
                include_str!(concat!("../../../locales/", $lang, "/tui.toml")),
            ),
            (
                "store",
                include_str!(concat!("../../../locales/", $lang, "/store.toml")),
            ),
            (
                "input",
                include_str!(concat!("../../../locales/", $lang, "/input.toml")),
            ),
            (
                "lrs",
                include_str!(concat!("../../../locales/", $lang, "/lrs.toml")),
            ),
            (
                "class",
                include_str!(concat!("../../../locales/", $lang, "/class.toml")),
            ),
        ]
    };
}

pub const VI_FILES: &[(&str, &str)] = locale_files!("vi");
pub const EN_FILES: &[(&str, &str)] = locale_files!("en");

/// Parse catalogue files into a flat key → template map.
pub fn parse_catalogue(files: &[(&str, &str)]) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
    for (area, text) in files {
        let table: toml::Table = toml::from_str(text).map_err(|e| format!("{area}: {e}"))?;
        flatten("", &table, &mut map).map_err(|e| format!("{area}: {e}"))?;
    }
    Ok(map)
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut HashMap<String, String>,
) -> Result<(), String> {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(s) => {
                if out.insert(full.clone(), s.clone()).is_some() {
                    return Err(format!("duplicate key {full}"));
                }
            }
            toml::Value::Table(t) => flatten(&full, t, out)?,
            _ => return Err(format!("{full} is not a string")),
        }
    }
    Ok(())
}

fn catalogue(lang: Lang) -> &'static HashMap<String, String> {
    static VI: OnceLock<HashMap<String, String>> = OnceLock::new();
    static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, files) = match lang {
        Lang::Vi => (&VI, VI_FILES),
        Lang::En => (&EN, EN_FILES),
    };
    // The catalogue is compiled in and checked by tests/it/i18n_catalogue.rs; a broken
    // file is a build defect, so an empty map (every key shows as itself) is enough.
    cell.get_or_init(|| parse_catalogue(files).unwrap_or_default())
}

/// The template for `key`, or the key itself when it is missing (visible, never a crash).
pub fn template(lang: Lang, key: &str) -> &str {
    catalogue(lang).get(key).map_or(key, String::as_str)
}

pub fn has_key(lang: Lang, key: &str) -> bool {
    catalogue(lang).contains_key(key)
}

/// Fill `{name}` placeholders of `key`'s template.
pub fn format(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(template(lang, key), args)
}

/// Replace `{name}` with its argument; unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholder names in a template, sorted, for the catalogue consistency test.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(after[..close].to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names.sort();
    names.dedup();
    names
}

/// `t!(lang, "key")` or `t!(lang, "key", name = value, ...)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:expr) => {
        $crate::template($lang, $key).to_string()
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::format($lang, $key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        let s = fill("{a} và {b} {", &[("a", &1)]);
        assert_eq!(s, "1 và {b} {");
    }

    #[test]
    fn language_resolution_order() {
        assert_eq!(Lang::resolve(Some("en"), Some("vi")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("EN")), Lang::En);
        assert_eq!(Lang::resolve(None, None), Lang::Vi);
        assert_eq!(Lang::resolve(Some("fr"), None), Lang::Vi);
    }
}

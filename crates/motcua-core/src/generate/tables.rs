//! The data tables under data/, compiled in and parsed once.
//!
//! A table that fails to parse becomes empty and the generator falls back to plain
//! defaults instead of crashing; `table_errors` (run by the tests) makes sure the
//! shipped tables never need that fallback.

use serde::Deserialize;
use serde::de::DeserializeOwned;

pub(crate) const NAMES: &str = include_str!("../../../../data/names.toml");
pub(crate) const PLACES: &str = include_str!("../../../../data/places.toml");
pub(crate) const BUSINESS: &str = include_str!("../../../../data/business.toml");

/// A name with a relative weight.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Weighted {
    pub name: String,
    #[serde(default = "one")]
    pub weight: u32,
}

impl AsRef<str> for Weighted {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

fn one() -> u32 {
    1
}

/// Parse a table, or its default when the text is broken.
pub(crate) fn parse_or_default<T: DeserializeOwned + Default>(text: &str) -> T {
    toml::from_str(text).unwrap_or_default()
}

/// Parse a table strictly: the error says what is wrong.
pub(crate) fn parse_strict<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{file}: {e}"))
}

/// Every problem found in the shipped tables; empty when they are sound.
pub fn table_errors() -> Vec<String> {
    let mut errors = Vec::new();
    errors.extend(super::names::check_table());
    errors.extend(super::places::check_table());
    errors.extend(super::business::check_table());
    for (file, text) in [
        ("names.toml", NAMES),
        ("places.toml", PLACES),
        ("business.toml", BUSINESS),
    ] {
        if !is_nfc(text) {
            errors.push(format!("data/{file} is not in NFC"));
        }
    }
    errors
}

pub(crate) fn is_nfc(text: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().eq(text.chars())
}

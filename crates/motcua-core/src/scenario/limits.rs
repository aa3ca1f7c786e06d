//! Sizes a scenario file may set, checked as the file is read (`crate::limits` has
//! the values): text and list lengths here, during the structure check (E042); numbers
//! through `validate::int_upto` (E041). Past a limit the value is dropped, so nothing
//! later allocates or loops from it.

use toml::de::DeValue;

use crate::limits;

/// Keys whose strings are prose rather than names.
const LONG_TEXT_KEYS: &[&str] = &[
    "briefing",
    "briefing_en",
    "objectives",
    "objectives_en",
    "message",
    "message_en",
    "explain",
    "explain_en",
    "legal_basis",
];

/// A length past its limit: `(length, limit, unit)` with `unit` a catalogue key.
pub(crate) fn oversize(key: &str, value: &DeValue) -> Option<(usize, usize, &'static str)> {
    let (length, limit, unit) = match value {
        DeValue::String(s) => {
            let limit = if LONG_TEXT_KEYS.contains(&key) {
                limits::LONG_TEXT
            } else {
                limits::SHORT_TEXT
            };
            // Counting stops past the limit: a huge string costs no more than that.
            let chars = s.chars().take(limit + 1).count();
            (chars, limit, "@diag.unit.chars")
        }
        DeValue::Array(items) => (items.len(), limits::LIST_ITEMS, "@diag.unit.items"),
        DeValue::Table(t) => (t.len(), limits::LIST_ITEMS, "@diag.unit.items"),
        DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {
            return None;
        }
    };
    (length > limit).then_some((length, limit, unit))
}

/// A file larger than `limits::SCENARIO_BYTES`.
pub fn file_too_large(bytes: u64) -> bool {
    bytes > limits::SCENARIO_BYTES
}

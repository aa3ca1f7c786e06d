//! Scenarios compiled into the binary (files under scenarios/).

/// `(file name, text)` of every built-in scenario, in curriculum order.
pub const FILES: &[(&str, &str)] = &[];

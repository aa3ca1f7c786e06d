//! Helpers for `tests/it/fuzz_inputs.rs`.
#![allow(dead_code)]

pub mod bounded;
pub mod mutate;

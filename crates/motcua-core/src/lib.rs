//! The pure core of motcua: state = replay(scenario, seed, action log).
//!
//! No file, terminal or database I/O, no wall clock, no global random numbers and no
//! prose: the core returns codes and catalogue keys; `motcua-i18n` holds the words.
//! Cargo enforces the boundary: this crate depends on no shell crate (a test reads
//! `cargo metadata`).

pub mod calendar;
pub mod generate;
pub mod limits;
pub mod scenario;
pub mod score;
pub mod session;

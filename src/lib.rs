//! motcua: a training sandbox for Vietnamese one-stop desks.
//!
//! Core (pure, headless): `scenario`, `calendar`, `generate`, `session`, `score`.
//! Shells: `cli`, `tui`, `i18n`, `present` (words for the core's codes), `store` (SQLite),
//! `export` (report tables, CSV, result bundles and their import).

#[deny(clippy::wildcard_enum_match_arm)]
pub mod calendar;
pub mod class;
pub mod cli;
pub mod export;
#[deny(clippy::wildcard_enum_match_arm)]
pub mod generate;
pub mod i18n;
#[deny(clippy::wildcard_enum_match_arm)]
pub mod limits;
pub mod lrs;
pub mod present;
pub mod sanitize;
#[deny(clippy::wildcard_enum_match_arm)]
pub mod scenario;
#[deny(clippy::wildcard_enum_match_arm)]
pub mod score;
#[deny(clippy::wildcard_enum_match_arm)]
pub mod session;
pub mod store;
pub mod tui;

//! motcua: a training sandbox for Vietnamese one-stop desks.
//!
//! Core (pure, headless): `scenario`, `calendar`, `generate`, `session`, `score`.
//! Shells: `cli`, `tui`, `i18n`, `present` (words for the core's codes), `store` (SQLite),
//! `export` (report tables, CSV, result bundles and their import).

pub mod calendar;
pub mod cli;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod limits;
pub mod lrs;
pub mod present;
pub mod sanitize;
pub mod scenario;
pub mod score;
pub mod session;
pub mod store;
pub mod tui;

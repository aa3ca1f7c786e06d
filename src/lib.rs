//! motcua, the program: the command line (`cli`), the training screen (`tui`) and
//! the words for the core's codes (`present`).
//!
//! The engine is `motcua-core` (pure), the records `motcua-store`, the catalogue
//! `motcua-i18n`; docs/architecture.md draws how they fit.

pub mod cli;
pub mod present;
pub mod scenario_file;
pub mod tui;

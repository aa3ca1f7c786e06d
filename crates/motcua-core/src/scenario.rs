//! Scenario files: parse with spans, check structure and meaning, report every
//! error of a file at once, and build the validated `Scenario` model.
//!
//! Layout: `load` (the pipeline), `schema` (allowed keys and types per table),
//! `structure` (unknown keys, types, required keys), `raw` (serde structs with
//! spans), `validate/` (meaning, one file per section), `lint` (W002 on a valid
//! file), `values` (small textual values), `report` (positions and suggestions),
//! `diagnostic` (the codes).

pub mod builtin;
mod dates;
pub mod diagnostic;
mod limits;
mod lint;
mod load;
pub mod model;
mod raw;
mod report;
mod schema;
mod structure;
mod validate;
mod values;

pub use diagnostic::{DiagCode, Diagnostic, Severity};
pub use limits::file_too_large;
pub use load::{Loaded, check_bytes, check_str, load_bytes, load_str, too_large, unreadable};
pub use model::*;

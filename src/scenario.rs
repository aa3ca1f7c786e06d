//! Scenario files: parse with spans, check structure and meaning, report every
//! error of a file at once, and build the validated `Scenario` model.
//!
//! Layout: `load` (the pipeline), `schema` (allowed keys and types per table),
//! `structure` (unknown keys, types, required keys), `raw` (serde structs with
//! spans), `validate/` (meaning, one file per section), `values` (small textual
//! values), `report` (positions and suggestions), `diagnostic` (the codes).

pub mod builtin;
pub mod diagnostic;
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
pub use lint::event_warnings;
pub use load::{load_bytes, load_file, load_str};
pub use model::*;

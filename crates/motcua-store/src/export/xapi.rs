//! Learning records: an attempt as xAPI 1.0.3 statements (docs/workshop.md, "The xAPI
//! profile"), for a Learning Record Store. `statement` makes them, `journal` hands them
//! to the store with each commit, `result` is the one place that reads a score.
//!
//! Every id is derived from the attempt (`ids`): sending a statement twice never makes
//! two records.

pub mod ids;
pub mod journal;
pub mod profile;
pub mod read;
pub mod result;
pub mod statement;

pub use journal::Journal;
pub use profile::Profile;
pub use result::AttemptResult;
pub use statement::AttemptStatements;

//! Results out of the store: report tables (text, CSV, JSON), result bundles, and the
//! import that re-scores every attempt of a bundle by replay before keeping it, and the
//! xAPI statements of an attempt for a Learning Record Store (`xapi`).

pub mod bundle;
pub mod csv;
pub mod import;
pub mod library;
pub mod other_world;
pub mod refusal;
pub mod stream;
pub mod summary;
pub mod xapi;

pub use bundle::{Bundle, BundleAttempt};
pub use import::{Library, Outcome, Refusal};
pub use summary::{Cell, Table, View};

//! Words for what the core returns as codes: labels, the debrief as text. Shared by
//! the CLI and the TUI; every string comes from the catalogue.

pub mod debrief;
pub mod labels;
pub mod references;
pub mod store_error;
pub mod trainee_view;

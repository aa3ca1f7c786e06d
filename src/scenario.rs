//! Scenario files: parse with spans, validate the meaning, report every error.
//!
//! PLACEHOLDER: the loader is not written yet.

pub mod builtin;
pub mod diagnostic;
pub mod model;

pub use diagnostic::{DiagCode, Diagnostic, Severity};
pub use model::*;

/// Parse and validate scenario text. `path` is only used in diagnostics.
pub fn load_str(path: &str, _text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    Err(vec![Diagnostic {
        path: path.to_string(),
        line: 1,
        col: 1,
        code: DiagCode::Syntax,
        args: vec![("detail", "loader not written".to_string())],
    }])
}

//! SCENARIO arguments: a path to a file, or the id of a built-in scenario.

use std::path::Path;

use super::CliError;
use crate::scenario::{self, Scenario, builtin};

/// Load the scenario a user named, by path or by built-in id.
pub fn scenario(name: &str) -> Result<Scenario, CliError> {
    let path = Path::new(name);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|source| CliError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        return scenario::load_bytes(name, &bytes).map_err(CliError::Scenario);
    }
    for (file, text) in builtin::FILES {
        let id = file.trim_end_matches(".toml");
        if id == name {
            let label = format!("scenarios/{file}");
            return scenario::load_str(&label, text).map_err(CliError::Scenario);
        }
    }
    Err(CliError::UnknownScenario(name.to_string()))
}

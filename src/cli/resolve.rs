//! SCENARIO arguments: a path to a file, or the id of a built-in scenario.

use std::path::Path;

use super::CliError;
use motcua_core::scenario::{self, DiagCode, Loaded, Scenario, builtin};
use motcua_i18n::{Lang, diagnostics};

/// Load the scenario a user named, by path or by built-in id.
pub fn scenario(name: &str) -> Result<Scenario, CliError> {
    scenario_with_source(name).map(|(s, _)| s)
}

/// The scenario and the exact bytes it was loaded from (the store keeps them and
/// identifies the scenario by their SHA-256).
pub fn scenario_with_source(name: &str) -> Result<(Scenario, Vec<u8>), CliError> {
    checked(name).map(|(l, bytes)| (l.scenario, bytes))
}

/// The scenario with its file's warnings, and the bytes it was loaded from.
fn checked(name: &str) -> Result<(Loaded, Vec<u8>), CliError> {
    let path = Path::new(name);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|source| CliError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let loaded = scenario::check_bytes(name, &bytes).map_err(CliError::Scenario)?;
        return Ok((loaded, bytes));
    }
    for (file, text) in builtin::FILES {
        let id = file.trim_end_matches(".toml");
        if id == name {
            let label = format!("scenarios/{file}");
            let loaded = scenario::check_str(&label, text).map_err(CliError::Scenario)?;
            return Ok((loaded, text.as_bytes().to_vec()));
        }
    }
    Err(CliError::UnknownScenario(name.to_string()))
}

/// Say on stderr, once, that a file is written in format version 1 (W005): it runs
/// with the defaults of the later keys, which the author may not expect. The other
/// warnings are `validate`'s.
fn warn_format_one(lang: Lang, loaded: &Loaded) {
    for d in loaded
        .warnings
        .iter()
        .filter(|d| d.code == DiagCode::FormatOne)
    {
        eprintln!("{}", diagnostics::render(lang, d));
    }
}

/// The built-in scenario ids, easiest first: the curriculum progress follows.
pub fn curriculum() -> Vec<&'static str> {
    builtin::FILES
        .iter()
        .map(|(file, _)| file.trim_end_matches(".toml"))
        .collect()
}

/// `SCENARIO [--seed N]`: what `preview`, `solve` and `replay` play.
#[derive(Debug, clap::Args)]
pub struct Target {
    /// Scenario file, or the id of a built-in scenario.
    pub scenario: String,
    /// Seed of the attempt (default: the scenario's own seed).
    #[arg(long)]
    pub seed: Option<u64>,
}

impl Target {
    /// The scenario and the seed to play it with; a format-1 file is said on stderr.
    pub fn load(&self, lang: Lang) -> Result<(Scenario, u64), CliError> {
        let (loaded, _) = checked(&self.scenario)?;
        warn_format_one(lang, &loaded);
        let s = loaded.scenario;
        let seed = self.seed.unwrap_or(s.meta.seed);
        Ok((s, seed))
    }
}

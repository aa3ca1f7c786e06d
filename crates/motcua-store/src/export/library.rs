//! The scenarios an import can re-score with: the built-in ones and the files given
//! with `--scenario`, each known by the SHA-256 of its exact bytes.

use std::collections::HashMap;

use crate::store::sha256_hex;
use motcua_core::scenario::{self, Scenario, builtin};

/// One scenario text known on this machine.
#[derive(Debug, Clone)]
pub struct Known {
    pub scenario: Scenario,
    pub source: Vec<u8>,
    pub sha256: String,
}

/// The scenarios this machine can re-score with: the built-in ones and any files given.
#[derive(Debug, Clone, Default)]
pub struct Library {
    by_sha: HashMap<String, Known>,
    ids: HashMap<String, Vec<String>>,
}

impl Library {
    /// The built-in scenarios.
    pub fn builtin() -> Library {
        let mut lib = Library::default();
        for (file, text) in builtin::FILES {
            let label = format!("scenarios/{file}");
            if let Ok(s) = scenario::load_str(&label, text) {
                lib.add(s, text.as_bytes().to_vec());
            }
        }
        lib
    }

    pub fn add(&mut self, scenario: Scenario, source: Vec<u8>) {
        let sha256 = sha256_hex(&source);
        let shas = self.ids.entry(scenario.meta.id.clone()).or_default();
        if !shas.contains(&sha256) {
            shas.push(sha256.clone());
        }
        self.by_sha.insert(
            sha256.clone(),
            Known {
                scenario,
                source,
                sha256,
            },
        );
    }

    pub fn by_sha(&self, sha: &str) -> Option<&Known> {
        self.by_sha.get(sha)
    }

    /// Hashes of the texts known under `id`.
    pub fn hashes_of(&self, id: &str) -> &[String] {
        self.ids.get(id).map_or(&[], Vec::as_slice)
    }
}

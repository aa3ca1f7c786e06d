//! The workshop file (TOML), written by `motcua class init` and handed to every laptop
//! (`--workshop FILE` or `MOTCUA_WORKSHOP`): the workshop's name, its LRS and the
//! trainees' credentials, the submit folder, the roster, and the exam scenario with its
//! seed and the SHA-256 of its text. docs/workshop.md has an annotated example.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Fields in the order TOML needs them: plain values before tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub name: String,
    /// Where the training screen writes submitted bundles (a shared or USB folder);
    /// relative to the workshop file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_folder: Option<PathBuf>,
    /// The class list (CSV, `class::roster`); relative to the workshop file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lrs: Option<WorkshopLrs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam: Option<Exam>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopLrs {
    pub url: String,
    /// The trainees' account: give it write-only rights where the LRS has scopes
    /// (Ralph: `-s statements/write`); the instructor reads with an account of their own.
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<String>,
}

/// The exam of the workshop: which scenario text, with which seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exam {
    pub scenario: String,
    pub seed: u64,
    pub sha256: String,
}

#[derive(Debug, Error)]
pub enum WorkshopError {
    #[error("{0}")]
    Read(std::io::Error),
    /// Not TOML, or not a workshop: the parser's message names the line and column.
    #[error("{0}")]
    Invalid(String),
}

impl Workshop {
    /// Read a workshop file; its relative paths are made relative to its folder.
    pub fn load(path: &Path) -> Result<Workshop, WorkshopError> {
        let text = std::fs::read_to_string(path).map_err(WorkshopError::Read)?;
        let mut w: Workshop = toml::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| WorkshopError::Invalid(e.to_string().trim_end().to_string()))?;
        let base = path.parent().unwrap_or(Path::new(""));
        for p in [&mut w.submit_folder, &mut w.roster].into_iter().flatten() {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(w)
    }

    pub fn to_toml(&self) -> Result<String, WorkshopError> {
        toml::to_string(self).map_err(|e| WorkshopError::Invalid(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_then_read_back_with_paths_beside_the_file() {
        let w = Workshop {
            name: "Lớp sáng".into(),
            submit_folder: Some("nop-bai".into()),
            roster: Some("lop.csv".into()),
            lrs: Some(WorkshopLrs {
                url: "http://10.0.0.1:8100/xAPI".into(),
                user: "hv".into(),
                password: "p".into(),
                home: None,
            }),
            exam: Some(Exam {
                scenario: "khai-sinh-co-ban".into(),
                seed: 20260302,
                sha256: "ab".repeat(32),
            }),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("buoi-hoc.toml");
        std::fs::write(&path, w.to_toml().unwrap()).unwrap();
        let back = Workshop::load(&path).unwrap();
        assert_eq!(back.roster, Some(dir.path().join("lop.csv")));
        assert_eq!(back.exam, w.exam);
        assert_eq!(back.lrs, w.lrs);
    }

    #[test]
    fn an_unknown_key_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.toml");
        std::fs::write(&path, "name = \"x\"\nrooster = \"lop.csv\"\n").unwrap();
        let e = Workshop::load(&path).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("rooster"), "{e}");
    }
}

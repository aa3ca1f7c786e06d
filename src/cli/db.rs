//! Which results database a command uses: `--db PATH`, else `MOTCUA_DB`, else
//! `<data dir>/motcua/motcua.db`.

use std::path::{Path, PathBuf};

use super::CliError;
use motcua_store::store::{self, Options, Store, StoreError};

pub fn path(flag: Option<&Path>) -> Result<PathBuf, CliError> {
    match flag {
        Some(p) if !p.as_os_str().is_empty() => Ok(p.to_path_buf()),
        _ => store::default_path().map_err(CliError::Store),
    }
}

/// Open for playing or importing: created (with its folders) when missing.
pub fn open(flag: Option<&Path>) -> Result<Store, CliError> {
    Store::open(&path(flag)?).map_err(CliError::Store)
}

/// Open an existing database to read (`report`, `export`, `progress`). A database on
/// read-only media is read as it is.
pub fn open_existing(flag: Option<&Path>) -> Result<Store, CliError> {
    let path = path(flag)?;
    let options = Options {
        must_exist: true,
        ..Options::default()
    };
    match Store::open_with(&path, &options) {
        Err(StoreError::ReadOnly { .. }) => {
            let read_only = Options {
                read_only: true,
                ..options
            };
            Store::open_with(&path, &read_only).map_err(CliError::Store)
        }
        other => other.map_err(CliError::Store),
    }
}

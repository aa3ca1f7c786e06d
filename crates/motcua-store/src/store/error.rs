//! What can go wrong with the results database. Codes and facts only; the CLI (and
//! later the TUI) say it in words through the catalogue (`store.error.*`).

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// Another program (another motcua) held the database longer than the busy timeout.
    #[error("{path}: the database is locked by another program")]
    Locked { path: PathBuf },
    /// The file or its folder cannot be written.
    #[error("{path}: the database is read-only")]
    ReadOnly { path: PathBuf },
    /// Written by a newer motcua: this one does not know its schema and will not touch it.
    #[error("{path}: schema version {found} is newer than {supported}")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Not an SQLite database, or a damaged one.
    #[error("{path}: the database is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    /// Not an SQLite file at all: refused, never converted.
    #[error("{path}: not an SQLite database")]
    NotSqlite { path: PathBuf },
    /// The WAL file was removed while this program wrote to the database.
    #[error("{path}: the WAL file was removed")]
    WalLost { path: PathBuf },
    /// An attempt's stored log does not match its checksum: rows lost or changed
    /// outside motcua.
    #[error("attempt {attempt}: the stored log does not match its checksum")]
    Damaged { attempt: i64 },
    /// An SQLite database of some other program.
    #[error("{path}: not a motcua database")]
    Foreign { path: PathBuf },
    /// `report` and `export` read an existing database; they do not create one.
    #[error("{path}: no database")]
    Missing { path: PathBuf },
    /// No `--db`, no `MOTCUA_DB` and the system names no data folder.
    #[error("no data folder")]
    NoDataDir,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The disk is full.
    #[error("{path}: the disk is full")]
    Full { path: PathBuf },
    /// Any other SQLite failure.
    #[error("{path}: {detail}")]
    Sqlite { path: PathBuf, detail: String },
    #[error("no attempt {0}")]
    NoSuchAttempt(i64),
    /// The attempt is finished or abandoned: nothing more can be logged in it.
    #[error("attempt {0} is closed")]
    AttemptClosed(i64),
    /// Only a finished attempt's score is kept: its period is not over.
    #[error("attempt {0} is not finished: its score is not final")]
    NotFinal(i64),
    /// Someone else (another window) logged into the same attempt meanwhile.
    #[error("attempt {attempt}: action {found} out of sequence, expected {expected}")]
    OutOfSequence {
        attempt: i64,
        expected: u64,
        found: u64,
    },
    /// A stored action line that no longer parses (the database was edited).
    #[error("attempt {attempt}: stored action {seq} is unreadable: {detail}")]
    BadAction {
        attempt: i64,
        seq: u64,
        detail: String,
    },
    /// The stored log of an unfinished attempt no longer replays (the database was
    /// edited, or the engine changed the rules since).
    #[error("attempt {attempt} cannot be resumed: {detail}")]
    Unreplayable { attempt: i64, detail: String },
    /// A trainee needs a name.
    #[error("empty trainee name")]
    EmptyTrainee,
    /// A name with a control character, or too long (`sanitize::check_name`).
    #[error("trainee name refused: {0:?}")]
    BadName(crate::sanitize::NameProblem),
}

impl StoreError {
    /// Turn an SQLite error into the state the user must hear about.
    pub fn from_sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        if let rusqlite::Error::SqliteFailure(failure, ref message) = e {
            let detail = message.clone().unwrap_or_else(|| failure.to_string());
            return match failure.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::Locked { path },
                ErrorCode::ReadOnly => StoreError::ReadOnly { path },
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                    StoreError::Corrupt { path, detail }
                }
                ErrorCode::DiskFull => StoreError::Full { path },
                ErrorCode::PermissionDenied | ErrorCode::CannotOpen => StoreError::Io {
                    path,
                    source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, detail),
                },
                _ => StoreError::Sqlite { path, detail },
            };
        }
        StoreError::Sqlite {
            path,
            detail: e.to_string(),
        }
    }

    /// A stable key for the catalogue and for tests.
    pub fn key(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "locked",
            StoreError::ReadOnly { .. } => "read_only",
            StoreError::TooNew { .. } => "too_new",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::Foreign { .. } => "foreign",
            StoreError::NotSqlite { .. } => "not_sqlite",
            StoreError::WalLost { .. } => "wal_lost",
            StoreError::Damaged { .. } => "damaged",
            StoreError::Missing { .. } => "missing",
            StoreError::NoDataDir => "no_data_dir",
            StoreError::Io { .. } => "io",
            StoreError::Full { .. } => "full",
            StoreError::Sqlite { .. } => "sqlite",
            StoreError::NoSuchAttempt(_) => "no_such_attempt",
            StoreError::AttemptClosed(_) => "attempt_closed",
            StoreError::NotFinal(_) => "not_final",
            StoreError::OutOfSequence { .. } => "out_of_sequence",
            StoreError::BadAction { .. } => "bad_action",
            StoreError::Unreplayable { .. } => "unreplayable",
            StoreError::EmptyTrainee => "empty_trainee",
            StoreError::BadName(_) => "bad_name",
        }
    }
}

//! Results that last: trainees, attempts and their action logs in SQLite.
//!
//! A shell around the core: the session never sees the database. The caller (the TUI,
//! `motcua record`) asks the session whether an action is allowed (`Session::check`),
//! commits it here with [`Store::append_action`], and only then applies it, so a
//! killed program loses no action: [`Store::unfinished_attempt`] gives the log back
//! and `session::replay` rebuilds the exact state.
//!
//! The database: WAL journal, `synchronous = FULL` (a commit survives a power cut),
//! foreign keys on, a busy timeout so two motcua processes writing at once both
//! succeed, migrations on `PRAGMA user_version` (see `schema`). Every write runs in
//! its own `BEGIN IMMEDIATE` transaction.

pub mod attempts;
pub mod checksum;
pub mod error;
pub mod guard;
pub mod imported;
pub mod outbox;
pub mod progress;
mod read;
pub mod recorder;
pub mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use attempts::{AttemptId, AttemptInfo, Filter, PlayedVia, Resume, Start, Status};
pub use error::StoreError;
pub use outbox::{OutboxCounts, Outgoing};
pub use progress::{Progress, ScenarioProgress, Suggestion, SuggestionReason};
pub use recorder::Recorder;

use guard::FileState;
use schema::Found;

/// How long a write waits for another program's write before giving up (`Locked`).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The engine that plays and scores: recorded with every attempt.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

pub type Result<T> = std::result::Result<T, StoreError>;

/// Practice shows hints (in the TUI); an exam does not. Recorded with the attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Practice,
    Exam,
}

impl Mode {
    pub fn key(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
        }
    }
    pub fn from_key(key: &str) -> Option<Mode> {
        match key {
            "practice" => Some(Mode::Practice),
            "exam" => Some(Mode::Exam),
            _ => None,
        }
    }
}

/// How to open the database.
#[derive(Debug, Clone)]
pub struct Options {
    pub busy_timeout: Duration,
    /// Open an existing database without writing (`report`, `export`).
    pub read_only: bool,
    /// Fail with `Missing` instead of creating a new database.
    pub must_exist: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            busy_timeout: BUSY_TIMEOUT,
            read_only: false,
            must_exist: false,
        }
    }
}

type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    /// The WAL file was there after a commit: from then on it must stay (`guard`).
    wal_seen: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// `<data dir>/motcua/motcua.db` (`~/.local/share` on Linux, `%APPDATA%` on Windows,
/// `~/Library/Application Support` on macOS).
pub fn default_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("motcua").join("motcua.db"))
        .ok_or(StoreError::NoDataDir)
}

/// Lower-case hex SHA-256 of a scenario file's bytes: the scenario's identity in the
/// store and in exported bundles.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    // By table, not `format!` per byte: every stored action chains a checksum.
    for &b in digest.iter() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

/// The store's timestamp text: UTC, whole seconds, `2026-03-02T01:30:00Z`. Sorts as it reads.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn wall_clock() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

impl Store {
    /// Open (or create, with its folders) the database at `path` and bring its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &Options::default())
    }

    pub fn open_with(path: &Path, options: &Options) -> Result<Store> {
        let reading = options.must_exist || options.read_only;
        let missing = || StoreError::Missing {
            path: path.to_path_buf(),
        };
        let state = guard::file_state(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        match state {
            // A read command never creates a database, not even in an empty file.
            FileState::Missing | FileState::Empty if reading => return Err(missing()),
            FileState::NotSqlite => {
                return Err(StoreError::NotSqlite {
                    path: path.to_path_buf(),
                });
            }
            FileState::Missing => create_parent(path)?,
            FileState::Empty | FileState::Sqlite => {}
        }
        let sql = |e| StoreError::from_sqlite(path, e);
        let flags = if options.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(sql)?;
        conn.busy_timeout(options.busy_timeout).map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        let found = schema::check(&conn).map_err(sql)?;
        refuse(path, found, options)?;
        if state == FileState::Sqlite
            && let Err(detail) = guard::integrity_check(&conn).map_err(sql)?
        {
            // Damaged: reported, never written (no WAL switch, no migration).
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail,
            });
        }
        if !options.read_only {
            writable(&mut conn, path, found, options.busy_timeout)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            clock: Box::new(wall_clock),
            wal_seen: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replace the wall clock (tests, benchmarks).
    pub fn set_clock(&mut self, clock: impl Fn() -> DateTime<Utc> + Send + 'static) {
        self.clock = Box::new(clock);
    }

    /// A write transaction that takes the write lock at once (waiting up to the busy
    /// timeout), with the path its errors name. Refused when the WAL file this
    /// connection writes to was removed: what it held since the last commit is gone.
    fn begin_write(&mut self) -> Result<(Transaction<'_>, PathBuf)> {
        let path = self.path.clone();
        if self.wal_seen && !guard::wal_path(&path).exists() {
            return Err(StoreError::WalLost { path });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(&path, e))?;
        Ok((tx, path))
    }

    /// After a commit: copy it from the WAL into the database file, so losing the
    /// WAL file cannot lose it, and remember the WAL is there.
    fn after_commit(&mut self) -> Result<()> {
        guard::checkpoint(&self.conn).map_err(|e| self.sql(e))?;
        self.wal_seen = guard::wal_path(&self.path).exists();
        Ok(())
    }

    fn now(&self) -> String {
        timestamp(self.now_time())
    }

    /// The store's clock, to whole seconds as it keeps times.
    fn now_time(&self) -> DateTime<Utc> {
        let t = (self.clock)();
        parse_timestamp(&timestamp(t)).unwrap_or(t)
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.sql(e))
    }
}

fn create_parent(path: &Path) -> Result<()> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        }),
        None => Ok(()),
    }
}

/// What the schema check found that stops the open: a newer schema, another
/// program's tables, an empty database for a read command, an old one on read-only
/// media.
fn refuse(path: &Path, found: Found, options: &Options) -> Result<()> {
    let path = path.to_path_buf();
    match found {
        Found::TooNew(found) => Err(StoreError::TooNew {
            path,
            found,
            supported: schema::SCHEMA_VERSION,
        }),
        Found::Foreign => Err(StoreError::Foreign { path }),
        Found::Behind(0) if options.must_exist || options.read_only => {
            Err(StoreError::Missing { path })
        }
        Found::Behind(_) if options.read_only => Err(StoreError::ReadOnly { path }),
        Found::Current | Found::Behind(_) => Ok(()),
    }
}

/// Ready to write: WAL journal, `synchronous = FULL`, the schema brought up to date.
fn writable(
    conn: &mut Connection,
    path: &Path,
    found: Found,
    busy_timeout: Duration,
) -> Result<()> {
    let sql = |e| StoreError::from_sqlite(path, e);
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(sql)? {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let mode = wal_mode(conn, busy_timeout).map_err(sql)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Sqlite {
            path: path.to_path_buf(),
            detail: format!("journal_mode is {mode}, not wal"),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    if let Found::Behind(_) = found {
        schema::migrate(conn).map_err(sql)?;
    }
    Ok(())
}

/// Switch to WAL. On a new file two programs may both hold a read lock and both need
/// the exclusive one: SQLite then answers "busy" at once to one of them, without
/// waiting (its deadlock rule), so that one waits here and tries again.
fn wal_mode(conn: &Connection, busy_timeout: Duration) -> rusqlite::Result<String> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && started.elapsed() < busy_timeout =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_hex_is_the_standard_digest_in_lower_case() {
        // FIPS 180-2 example "abc".
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

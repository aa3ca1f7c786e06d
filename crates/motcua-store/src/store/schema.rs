//! The schema and its migrations, numbered by `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes the database from version `i` to `i + 1`, in one transaction.
//! A database at a version above `SCHEMA_VERSION` was written by a newer motcua: it is
//! left untouched. `PRAGMA application_id` marks the file as motcua's.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// `PRAGMA application_id` of a motcua database: "MCUA".
pub const APPLICATION_ID: i64 = 0x4D43_5541;

/// Steps from version i to i + 1.
pub const MIGRATIONS: &[&str] = &[
    // 0 → 1: trainees, scenarios by hash, attempts, their actions and mistakes.
    r#"
CREATE TABLE trainee (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
CREATE TABLE scenario (
    sha256      TEXT PRIMARY KEY,
    id          TEXT NOT NULL,
    source      BLOB NOT NULL
);
CREATE TABLE attempt (
    id              INTEGER PRIMARY KEY,
    trainee_id      INTEGER NOT NULL REFERENCES trainee(id),
    scenario_id     TEXT NOT NULL,
    scenario_sha256 TEXT NOT NULL REFERENCES scenario(sha256),
    seed            INTEGER NOT NULL,
    mode            TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
    engine_version  TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'finished', 'abandoned')),
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    total           REAL,
    band            TEXT,
    passed          INTEGER,
    origin          TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported')),
    fingerprint     TEXT UNIQUE
);
CREATE INDEX attempt_by_trainee ON attempt (trainee_id, status);
CREATE INDEX attempt_by_scenario ON attempt (scenario_id);
CREATE TABLE action (
    attempt_id  INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    line        TEXT NOT NULL,
    PRIMARY KEY (attempt_id, seq)
) WITHOUT ROWID;
CREATE TABLE mistake (
    attempt_id  INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, code)
) WITHOUT ROWID;
"#,
    // 1 → 2: the log checksum, the chain of `store::checksum` over the attempt's
    // action lines, kept with every append. NULL for attempts stored before it:
    // those are not checked.
    r#"
ALTER TABLE attempt ADD COLUMN log_checksum TEXT;
"#,
    // 2 → 3: the world version each attempt was played in (`session::WORLD_VERSION`);
    // every attempt recorded before is of version 1.
    r#"
ALTER TABLE attempt ADD COLUMN world_version INTEGER NOT NULL DEFAULT 1 CHECK (world_version >= 1);
"#,
    // 3 → 4: learning records (docs/workshop.md). How an attempt was played (`screen`: the
    // training screen, `stdin`: `motcua record`; NULL: not known, before this version or
    // imported without it), and the outbox of xAPI statements waiting for the LRS, each
    // written in the transaction that records what it says (`store::outbox`).
    r#"
ALTER TABLE attempt ADD COLUMN played_via TEXT CHECK (played_via IN ('screen', 'stdin'));
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    statement_id  TEXT NOT NULL UNIQUE,
    attempt_id    INTEGER REFERENCES attempt(id) ON DELETE CASCADE,
    verb          TEXT NOT NULL,
    body          TEXT NOT NULL,
    queued_at     TEXT NOT NULL,
    sent_at       TEXT,
    tries         INTEGER NOT NULL DEFAULT 0,
    failure       TEXT,
    detail        TEXT
);
CREATE INDEX outbox_waiting ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_by_attempt ON outbox (attempt_id);
"#,
    // 4 → 5: the trainee's id on the class list (the roster's id column), when they
    // picked their name from it or `record --trainee-id` gave one: two namesakes are
    // two trainees (docs/workshop.md). `roster_id`, since `trainee_id` already names the
    // row of the `trainee` table; NULL: no id (before this version, or none given).
    r#"
ALTER TABLE attempt ADD COLUMN roster_id TEXT CHECK (roster_id IS NULL OR length(roster_id) > 0);
"#,
];

/// The version this motcua writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What `check` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// At `SCHEMA_VERSION`: nothing to do.
    Current,
    /// Older (0 = empty): migrations to run.
    Behind(i64),
    TooNew(i64),
    /// Some other program's database.
    Foreign,
}

/// Read the version and the owner mark without writing anything, in one read
/// transaction: another program may be creating the schema at this moment, and
/// separate reads could see its version before and its tables after (and call the
/// file another program's).
pub fn check(conn: &Connection) -> rusqlite::Result<Found> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
    let found = read_marks(&tx);
    tx.rollback()?;
    found
}

fn read_marks(conn: &Connection) -> rusqlite::Result<Found> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app != 0 && app != APPLICATION_ID {
        return Ok(Found::Foreign);
    }
    if version > SCHEMA_VERSION {
        return Ok(Found::TooNew(version));
    }
    if version == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Ok(Found::Foreign);
        }
    }
    Ok(if version == SCHEMA_VERSION {
        Found::Current
    } else {
        Found::Behind(version)
    })
}

/// Run the migrations from the database's version up to `SCHEMA_VERSION`. Each step
/// re-reads the version inside its write transaction, so two programs starting at
/// once do not both run it.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version >= SCHEMA_VERSION {
            return Ok(());
        }
        // `version` is between 0 and SCHEMA_VERSION - 1 here.
        let step = MIGRATIONS[usize::try_from(version).unwrap_or(0)];
        tx.execute_batch(step)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

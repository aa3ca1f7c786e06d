//! The outbox: learning records (xAPI statements) waiting for the LRS. A statement is
//! written in the same transaction as what it reports (an attempt opened, an action
//! committed, a score kept, an attempt left unfinished), so a statement is never lost
//! nor sent for something the database does not hold; `lrs::send` sends what waits
//! and marks it sent, or keeps it with the reason it could not be sent.
//!
//! The store knows statements only as opaque text under an id: `export::xapi` makes
//! them. One exception, `OpenedIn`: the workshop an attempt's `initialized` statement
//! names, so the statements of an attempt resumed later carry the same grouping. An id is derived from the attempt, so queuing the same statement twice keeps
//! one row, and an LRS that already holds it says so instead of keeping a second.

use std::collections::BTreeMap;

use rusqlite::{params, params_from_iter};
use serde::Serialize;

use super::attempts::normalize_name;
use super::{AttemptId, Result, Store, StoreError};

/// One statement to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The statement's own `id` (a UUID).
    pub statement_id: String,
    /// The verb's short name (`initialized`, `interacted`, `completed`, ...).
    pub verb: String,
    /// The statement as JSON.
    pub body: String,
}

/// The workshop an attempt was opened in, as its queued `initialized` statement names it
/// (`context.contextActivities.grouping`, docs/workshop.md). Fixed when the attempt
/// opens: every statement of an attempt carries the same grouping, whatever workshop
/// file the run that resumes it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum OpenedIn {
    /// No statement was queued when it opened (no LRS then, or imported): the run that
    /// sends its next statements decides.
    #[default]
    NotRecorded,
    /// Opened outside any workshop.
    NoWorkshop,
    /// The workshop's name.
    Workshop(String),
}

impl OpenedIn {
    /// From `opened_in_sql`'s column: NULL, '' or the name.
    pub(super) fn from_column(name: Option<String>) -> OpenedIn {
        match name {
            None => OpenedIn::NotRecorded,
            Some(n) if n.is_empty() => OpenedIn::NoWorkshop,
            Some(n) => OpenedIn::Workshop(n),
        }
    }

    pub fn name(&self) -> Option<&str> {
        match self {
            OpenedIn::Workshop(n) => Some(n),
            _ => None,
        }
    }
}

/// The SQL expression of `OpenedIn` for the attempt `a`: NULL without an `initialized`
/// statement, '' when it has no grouping, else the grouping's name.
pub(super) const OPENED_IN_SQL: &str = "(SELECT coalesce(json_extract(o.body,
        '$.context.contextActivities.grouping[0].definition.name.\"vi-VN\"'), '')
    FROM outbox o WHERE o.attempt_id = a.id AND o.verb = 'initialized' LIMIT 1)";

/// A queued statement, as `lrs::send` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub row: i64,
    pub statement_id: String,
    pub attempt: Option<i64>,
    pub verb: String,
    pub body: String,
    /// Sends tried before.
    pub tries: u32,
}

/// Why a statement is still waiting: a stable key (`lrs::Failure::key`) and the detail
/// the LRS or the network gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LastFailure {
    pub failure: String,
    pub detail: String,
}

/// How many statements are sent and waiting (of one trainee, or all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutboxCounts {
    pub waiting: u64,
    pub sent: u64,
    /// Why the most recent failed send failed, while something waits.
    pub last_failure: Option<LastFailure>,
}

/// Waiting and sent statements of one attempt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AttemptRecords {
    pub waiting: u64,
    pub sent: u64,
}

/// Queue statements in the caller's transaction; one already queued (same id) stays as it is.
pub(super) fn queue_in(
    tx: &rusqlite::Transaction<'_>,
    attempt: Option<i64>,
    rows: &[Outgoing],
    now: &str,
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO outbox (statement_id, attempt_id, verb, body, queued_at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (statement_id) DO NOTHING",
    )?;
    for r in rows {
        stmt.execute(params![r.statement_id, attempt, r.verb, r.body, now])?;
    }
    Ok(())
}

impl Store {
    /// Queue statements on their own (an attempt's records queued again on demand).
    pub fn queue(&mut self, attempt: Option<AttemptId>, rows: &[Outgoing]) -> Result<()> {
        let now = self.now();
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        queue_in(&tx, attempt.map(|a| a.0), rows, &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()
    }

    /// Up to `limit` waiting statements, oldest first.
    pub fn waiting(&self, limit: usize) -> Result<Vec<Waiting>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, statement_id, attempt_id, verb, body, tries FROM outbox
                 WHERE sent_at IS NULL ORDER BY id LIMIT ?1",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(Waiting {
                    row: r.get(0)?,
                    statement_id: r.get(1)?,
                    attempt: r.get(2)?,
                    verb: r.get(3)?,
                    body: r.get(4)?,
                    tries: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// The LRS holds these statements now.
    pub fn mark_sent(&mut self, rows: &[i64]) -> Result<()> {
        self.mark(rows, "UPDATE outbox SET sent_at = ?1, tries = tries + 1, failure = NULL, detail = NULL WHERE id = ?2", None)
    }

    /// A send of these statements failed: they stay queued, with why.
    pub fn mark_failed(&mut self, rows: &[i64], failure: &str, detail: &str) -> Result<()> {
        self.mark(
            rows,
            "UPDATE outbox SET tries = tries + 1, failure = ?1, detail = ?3 WHERE id = ?2",
            Some((failure, detail)),
        )
    }

    fn mark(&mut self, rows: &[i64], sql_text: &str, failed: Option<(&str, &str)>) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let now = self.now();
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        {
            let mut stmt = tx.prepare(sql_text).map_err(sql)?;
            for row in rows {
                match failed {
                    None => stmt.execute(params![now, row]),
                    Some((failure, detail)) => stmt.execute(params![failure, row, detail]),
                }
                .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)?;
        self.after_commit()
    }

    /// Sent and waiting statements, of one trainee's attempts or of every one.
    pub fn outbox_counts(&self, trainee: Option<&str>) -> Result<OutboxCounts> {
        let name = trainee.map(normalize_name);
        let filter = "(?1 IS NULL OR o.attempt_id IN (SELECT a.id FROM attempt a
                        JOIN trainee t ON t.id = a.trainee_id WHERE t.name = ?1))";
        let (waiting, sent): (i64, i64) = self
            .conn
            .query_row(
                &format!(
                    "SELECT coalesce(sum(o.sent_at IS NULL), 0), coalesce(sum(o.sent_at IS NOT NULL), 0)
                     FROM outbox o WHERE {filter}"
                ),
                params_from_iter([&name]),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.sql(e))?;
        let last_failure = self
            .conn
            .query_row(
                &format!(
                    "SELECT o.failure, coalesce(o.detail, '') FROM outbox o
                     WHERE o.sent_at IS NULL AND o.failure IS NOT NULL AND {filter}
                     ORDER BY o.id DESC LIMIT 1"
                ),
                params_from_iter([&name]),
                |r| {
                    Ok(LastFailure {
                        failure: r.get(0)?,
                        detail: r.get(1)?,
                    })
                },
            )
            .ok();
        Ok(OutboxCounts {
            waiting: waiting as u64,
            sent: sent as u64,
            last_failure,
        })
    }

    /// Sent and waiting statements per attempt of one trainee (the library's marks).
    pub fn records_by_attempt(&self, trainee: &str) -> Result<BTreeMap<i64, AttemptRecords>> {
        let name = normalize_name(trainee);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT o.attempt_id, sum(o.sent_at IS NULL), sum(o.sent_at IS NOT NULL)
                 FROM outbox o JOIN attempt a ON a.id = o.attempt_id
                 JOIN trainee t ON t.id = a.trainee_id
                 WHERE t.name = ?1 GROUP BY o.attempt_id",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([name], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    AttemptRecords {
                        waiting: r.get::<_, i64>(1)? as u64,
                        sent: r.get::<_, i64>(2)? as u64,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<BTreeMap<_, _>>>())
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }
}

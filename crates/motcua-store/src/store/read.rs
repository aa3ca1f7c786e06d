//! Reading attempts back: one, its log, the scenario text it was played on, the
//! unfinished one to resume, and the list a report or an export takes.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params, params_from_iter};

use super::attempts::{
    AttemptId, AttemptInfo, Filter, PlayedVia, Resume, Status, band_from_key, normalize_name,
};
use super::outbox::{OPENED_IN_SQL, OpenedIn};
use super::{Mode, Result, Store, StoreError, checksum, parse_timestamp};
use motcua_core::session::action::{self, Action};

fn select() -> String {
    format!(
        "SELECT a.id, t.name, a.scenario_id, a.scenario_sha256, a.seed, a.mode,
            a.engine_version, a.status, a.started_at, a.ended_at, a.total, a.band, a.passed,
            a.origin, (SELECT count(*) FROM action x WHERE x.attempt_id = a.id),
            a.world_version, a.played_via, {OPENED_IN_SQL}, a.roster_id
        FROM attempt a JOIN trainee t ON t.id = a.trainee_id"
    )
}

fn row_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<AttemptInfo> {
    let mode: String = r.get(5)?;
    let status: String = r.get(7)?;
    let started: String = r.get(8)?;
    let ended: Option<String> = r.get(9)?;
    let band: Option<String> = r.get(11)?;
    let origin: String = r.get(13)?;
    let via: Option<String> = r.get(16)?;
    Ok(AttemptInfo {
        id: AttemptId(r.get(0)?),
        trainee: r.get(1)?,
        scenario: r.get(2)?,
        scenario_sha256: r.get(3)?,
        // Seeds are u64; SQLite keeps the same 64 bits as a signed integer.
        seed: r.get::<_, i64>(4)? as u64,
        mode: Mode::from_key(&mode).unwrap_or(Mode::Practice),
        engine_version: r.get(6)?,
        world_version: r.get(15)?,
        // A status this build does not know reads as open, as it always has.
        status: Status::from_key(&status).unwrap_or(Status::Open),
        started_at: parse_timestamp(&started).unwrap_or_default(),
        ended_at: ended.as_deref().and_then(parse_timestamp),
        total: r.get(10)?,
        band: band.as_deref().and_then(band_from_key),
        passed: r.get::<_, Option<bool>>(12)?,
        imported: origin == "imported",
        actions: r.get::<_, i64>(14)? as u64,
        mistakes: BTreeMap::new(),
        played_via: via.as_deref().and_then(PlayedVia::from_key),
        workshop: OpenedIn::from_column(r.get(17)?),
        roster_id: r.get(18)?,
    })
}

/// One attempt, read inside a transaction.
pub(super) fn info_in(conn: &rusqlite::Connection, id: i64) -> rusqlite::Result<AttemptInfo> {
    conn.query_row(&format!("{} WHERE a.id = ?1", select()), [id], row_info)
}

impl Store {
    /// One attempt.
    pub fn attempt(&self, attempt: AttemptId) -> Result<AttemptInfo> {
        let sql = format!("{} WHERE a.id = ?1", select());
        let info = self
            .conn
            .query_row(&sql, [attempt.0], row_info)
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or(StoreError::NoSuchAttempt(attempt.0))?;
        Ok(info)
    }

    /// The action log of an attempt, in order, checked against its checksum:
    /// `Damaged` when rows were lost or changed outside motcua.
    pub fn actions(&self, attempt: AttemptId) -> Result<Vec<Action>> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT log_checksum FROM attempt WHERE id = ?1",
                [attempt.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .flatten();
        let mut stmt = self
            .conn
            .prepare("SELECT seq, line FROM action WHERE attempt_id = ?1 ORDER BY seq")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([attempt.0], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql(e))?;
        if let Some(stored) = stored
            && checksum::of(rows.iter().map(|(_, line)| line.as_str())) != stored
        {
            return Err(StoreError::Damaged { attempt: attempt.0 });
        }
        rows.into_iter()
            .map(|(seq, line)| {
                serde_json::from_str::<action::LoggedAction>(&line)
                    .map(|l| l.action)
                    .map_err(|e| StoreError::BadAction {
                        attempt: attempt.0,
                        seq: seq as u64,
                        detail: e.to_string(),
                    })
            })
            .collect()
    }

    /// The scenario text an attempt was started with, by its hash.
    pub fn scenario_source(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row(
                "SELECT source FROM scenario WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// The trainee's most recent open attempt (of `scenario`, if given), with what is
    /// needed to rebuild its session.
    pub fn unfinished_attempt(
        &self,
        trainee: &str,
        scenario: Option<&str>,
    ) -> Result<Option<Resume>> {
        self.unfinished_attempt_of(trainee, None, scenario)
    }

    /// `unfinished_attempt` of the trainee with roster id `roster_id`: never one of a
    /// namesake with another id. An attempt without an id, or no id
    /// asked for: the name alone tells.
    pub fn unfinished_attempt_of(
        &self,
        trainee: &str,
        roster_id: Option<&str>,
        scenario: Option<&str>,
    ) -> Result<Option<Resume>> {
        let name = normalize_name(trainee);
        let sql = format!(
            "{} WHERE t.name = ?1 AND a.status = 'open' AND (?2 IS NULL OR a.scenario_id = ?2)
                 AND (?3 IS NULL OR a.roster_id IS NULL OR a.roster_id = ?3)
             ORDER BY a.started_at DESC, a.id DESC LIMIT 1",
            select()
        );
        let roster_id = roster_id.map(normalize_name);
        let Some(info) = self
            .conn
            .query_row(&sql, params![name, scenario, roster_id], row_info)
            .optional()
            .map_err(|e| self.sql(e))?
        else {
            return Ok(None);
        };
        let actions = self.actions(info.id)?;
        let source = self
            .scenario_source(&info.scenario_sha256)?
            .unwrap_or_default();
        Ok(Some(Resume {
            info,
            source,
            actions,
        }))
    }

    /// Attempts the filter takes, oldest first, each with its mistake counts.
    pub fn attempts(&self, filter: &Filter) -> Result<Vec<AttemptInfo>> {
        let (clause, args) = where_clause(filter);
        let sql = format!("{} {clause} ORDER BY a.started_at, a.id", select());
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let mut list = stmt
            .query_map(params_from_iter(args.iter()), row_info)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql(e))?;
        let sql = format!(
            "SELECT m.attempt_id, m.code, m.count FROM mistake m
             JOIN attempt a ON a.id = m.attempt_id JOIN trainee t ON t.id = a.trainee_id {clause}"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let mistakes = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql(e))?;
        let mut by_attempt: BTreeMap<i64, BTreeMap<String, u32>> = BTreeMap::new();
        for (id, code, count) in mistakes {
            by_attempt.entry(id).or_default().insert(code, count);
        }
        for info in &mut list {
            if let Some(m) = by_attempt.remove(&info.id.0) {
                info.mistakes = m;
            }
        }
        Ok(list)
    }
}

/// `WHERE ...` for a filter and its string arguments, in order.
fn where_clause(filter: &Filter) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut args: Vec<String> = Vec::new();
    let mut list = |column: &str, values: &[String], args: &mut Vec<String>| {
        if values.is_empty() {
            return;
        }
        let marks: Vec<String> = values
            .iter()
            .map(|v| {
                args.push(v.clone());
                format!("?{}", args.len())
            })
            .collect();
        parts.push(format!("{column} IN ({})", marks.join(", ")));
    };
    let trainees: Vec<String> = filter.trainees.iter().map(|n| normalize_name(n)).collect();
    list("t.name", &trainees, &mut args);
    list("a.scenario_id", &filter.scenarios, &mut args);
    if let Some(from) = filter.from {
        args.push(super::timestamp(from));
        parts.push(format!("a.started_at >= ?{}", args.len()));
    }
    if let Some(until) = filter.until {
        args.push(super::timestamp(until));
        parts.push(format!("a.started_at < ?{}", args.len()));
    }
    if filter.finished_only {
        parts.push("a.status = 'finished'".to_string());
    }
    if parts.is_empty() {
        (String::new(), args)
    } else {
        (format!("WHERE {}", parts.join(" AND ")), args)
    }
}

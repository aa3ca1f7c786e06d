//! Trainees, attempts and their action logs.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params, params_from_iter};
use serde::Serialize;

use super::{ENGINE_VERSION, Mode, Result, Store, StoreError, parse_timestamp, sha256_hex};
use crate::scenario::Scenario;
use crate::score::{Band, Debrief};
use crate::session::action::{self, Action};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AttemptId(pub i64);

/// Where an attempt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Being played (or the program stopped): it can be resumed.
    Open,
    /// The period ended; the score is recorded.
    Finished,
    /// The trainee started over instead of resuming.
    Abandoned,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Finished => "finished",
            Status::Abandoned => "abandoned",
        }
    }
    fn from_key(key: &str) -> Status {
        match key {
            "finished" => Status::Finished,
            "abandoned" => Status::Abandoned,
            _ => Status::Open,
        }
    }
}

/// One attempt as the store keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptInfo {
    pub id: AttemptId,
    pub trainee: String,
    pub scenario: String,
    pub scenario_sha256: String,
    pub seed: u64,
    pub mode: Mode,
    pub engine_version: String,
    pub status: Status,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub total: Option<f64>,
    pub band: Option<Band>,
    pub passed: Option<bool>,
    /// Brought in by `motcua import` rather than played here.
    pub imported: bool,
    /// Actions logged.
    pub actions: u64,
    /// Mistake code → how many times (finished attempts).
    pub mistakes: BTreeMap<String, u32>,
}

/// An unfinished attempt, ready to be replayed: `session::replay(&scenario, seed, &actions)`
/// with the scenario loaded from `source` (the exact text it was started with).
#[derive(Debug, Clone)]
pub struct Resume {
    pub info: AttemptInfo,
    pub source: Vec<u8>,
    pub actions: Vec<Action>,
}

/// Which attempts a report or an export takes. Empty lists take everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub trainees: Vec<String>,
    pub scenarios: Vec<String>,
    /// Started at or after (UTC).
    pub from: Option<DateTime<Utc>>,
    /// Started before (UTC).
    pub until: Option<DateTime<Utc>>,
    /// Only attempts with a score.
    pub finished_only: bool,
}

pub fn band_from_key(key: &str) -> Option<Band> {
    [
        Band::Yeu,
        Band::TrungBinh,
        Band::Kha,
        Band::Tot,
        Band::XuatSac,
    ]
    .into_iter()
    .find(|b| b.key() == key)
}

/// Trainee names are compared as typed, after NFC normalisation (a name typed with
/// combining accents is the same trainee) and with runs of spaces made one.
pub fn normalize_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Identity of a finished attempt: the same play imported twice is kept once. (Two
/// identical plays finished here in the same second are both kept; the second has no
/// fingerprint.)
pub fn fingerprint(
    trainee: &str,
    scenario_sha256: &str,
    seed: u64,
    mode: Mode,
    started_at: &str,
    actions: &[Action],
) -> String {
    let text = format!(
        "{trainee}\n{scenario_sha256}\n{seed}\n{}\n{started_at}\n{}",
        mode.key(),
        action::write_log(actions)
    );
    sha256_hex(text.as_bytes())
}

const SELECT: &str = "SELECT a.id, t.name, a.scenario_id, a.scenario_sha256, a.seed, a.mode,
        a.engine_version, a.status, a.started_at, a.ended_at, a.total, a.band, a.passed,
        a.origin, (SELECT count(*) FROM action x WHERE x.attempt_id = a.id)
    FROM attempt a JOIN trainee t ON t.id = a.trainee_id";

fn row_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<AttemptInfo> {
    let mode: String = r.get(5)?;
    let status: String = r.get(7)?;
    let started: String = r.get(8)?;
    let ended: Option<String> = r.get(9)?;
    let band: Option<String> = r.get(11)?;
    let origin: String = r.get(13)?;
    Ok(AttemptInfo {
        id: AttemptId(r.get(0)?),
        trainee: r.get(1)?,
        scenario: r.get(2)?,
        scenario_sha256: r.get(3)?,
        // Seeds are u64; SQLite keeps the same 64 bits as a signed integer.
        seed: r.get::<_, i64>(4)? as u64,
        mode: Mode::from_key(&mode).unwrap_or(Mode::Practice),
        engine_version: r.get(6)?,
        status: Status::from_key(&status),
        started_at: parse_timestamp(&started).unwrap_or_default(),
        ended_at: ended.as_deref().and_then(parse_timestamp),
        total: r.get(10)?,
        band: band.as_deref().and_then(band_from_key),
        passed: r.get::<_, Option<bool>>(12)?,
        imported: origin == "imported",
        actions: r.get::<_, i64>(14)? as u64,
        mistakes: BTreeMap::new(),
    })
}

/// Data of a finished attempt played elsewhere, checked by `export::import`.
#[derive(Debug, Clone)]
pub struct ImportedAttempt<'a> {
    pub trainee: &'a str,
    pub scenario: &'a Scenario,
    pub source: &'a [u8],
    pub seed: u64,
    pub mode: Mode,
    pub engine_version: &'a str,
    pub started_at: &'a str,
    pub ended_at: &'a str,
    pub actions: &'a [Action],
    pub debrief: &'a Debrief,
}

/// What importing one attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    New(AttemptId),
    /// The same attempt (same fingerprint) was already here.
    Duplicate(AttemptId),
}

impl Store {
    /// The trainee's id, creating the trainee on first use.
    pub fn trainee_id(&mut self, name: &str) -> Result<i64> {
        let name = normalize_name(name);
        if name.is_empty() {
            return Err(StoreError::EmptyTrainee);
        }
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(&self.path, e))?;
        let id =
            trainee_in(&tx, &name, &now).map_err(|e| StoreError::from_sqlite(&self.path, e))?;
        tx.commit()
            .map_err(|e| StoreError::from_sqlite(&self.path, e))?;
        Ok(id)
    }

    /// Every trainee's name, sorted.
    pub fn trainees(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM trainee ORDER BY name")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// Start an attempt. `source` is the scenario file's bytes: kept (once per hash)
    /// so the attempt can be resumed and re-scored with exactly that text.
    pub fn open_attempt(
        &mut self,
        trainee: &str,
        scenario: &Scenario,
        source: &[u8],
        seed: u64,
        mode: Mode,
    ) -> Result<AttemptId> {
        let name = normalize_name(trainee);
        if name.is_empty() {
            return Err(StoreError::EmptyTrainee);
        }
        let now = self.now();
        let sha = sha256_hex(source);
        let path = self.path.clone();
        let sql = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let trainee_id = trainee_in(&tx, &name, &now).map_err(sql)?;
        keep_scenario(&tx, &sha, &scenario.meta.id, source).map_err(sql)?;
        tx.execute(
            "INSERT INTO attempt (trainee_id, scenario_id, scenario_sha256, seed, mode,
                 engine_version, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                trainee_id,
                scenario.meta.id,
                sha,
                seed as i64,
                mode.key(),
                ENGINE_VERSION,
                now
            ],
        )
        .map_err(sql)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(sql)?;
        Ok(AttemptId(id))
    }

    /// Commit the `seq`-th action (1-based) of an open attempt, in its own transaction.
    /// Call it after `Session::check` allowed the action and before `Session::apply`.
    /// `OutOfSequence` means another window is playing the same attempt.
    pub fn append_action(&mut self, attempt: AttemptId, seq: u64, action: &Action) -> Result<()> {
        let line = action::log_line(seq, action);
        let path = self.path.clone();
        let sql = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let status: Option<String> = tx
            .query_row(
                "SELECT status FROM attempt WHERE id = ?1",
                [attempt.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        match status.as_deref() {
            None => return Err(StoreError::NoSuchAttempt(attempt.0)),
            Some("open") => {}
            Some(_) => return Err(StoreError::AttemptClosed(attempt.0)),
        }
        let last: i64 = tx
            .query_row(
                "SELECT coalesce(max(seq), 0) FROM action WHERE attempt_id = ?1",
                [attempt.0],
                |r| r.get(0),
            )
            .map_err(sql)?;
        let expected = last as u64 + 1;
        if seq != expected {
            return Err(StoreError::OutOfSequence {
                attempt: attempt.0,
                expected,
                found: seq,
            });
        }
        tx.execute(
            "INSERT INTO action (attempt_id, seq, line) VALUES (?1, ?2, ?3)",
            params![attempt.0, seq as i64, line],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Record the score of an attempt whose period is over.
    pub fn finish_attempt(&mut self, attempt: AttemptId, debrief: &Debrief) -> Result<()> {
        let info = self.attempt(attempt)?;
        if info.status != Status::Open {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        let actions = self.actions(attempt)?;
        let fp = fingerprint(
            &info.trainee,
            &info.scenario_sha256,
            info.seed,
            info.mode,
            &super::timestamp(info.started_at),
            &actions,
        );
        let now = self.now();
        let path = self.path.clone();
        let sql = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let changed = tx
            .execute(
                "UPDATE attempt SET status = 'finished', ended_at = ?2, total = ?3, band = ?4,
                     passed = ?5,
                     fingerprint = CASE WHEN EXISTS (SELECT 1 FROM attempt WHERE fingerprint = ?6)
                                   THEN NULL ELSE ?6 END
                 WHERE id = ?1 AND status = 'open'",
                params![
                    attempt.0,
                    now,
                    debrief.total,
                    debrief.band.key(),
                    debrief.passed,
                    fp
                ],
            )
            .map_err(sql)?;
        if changed == 0 {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        insert_mistakes(&tx, attempt.0, debrief).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Give up an open attempt (the trainee starts over). Its actions stay.
    pub fn abandon_attempt(&mut self, attempt: AttemptId) -> Result<()> {
        let now = self.now();
        let changed = self
            .conn
            .execute(
                "UPDATE attempt SET status = 'abandoned', ended_at = ?2
                 WHERE id = ?1 AND status = 'open'",
                params![attempt.0, now],
            )
            .map_err(|e| self.sql(e))?;
        if changed == 0 {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        Ok(())
    }

    /// One attempt.
    pub fn attempt(&self, attempt: AttemptId) -> Result<AttemptInfo> {
        let sql = format!("{SELECT} WHERE a.id = ?1");
        let info = self
            .conn
            .query_row(&sql, [attempt.0], row_info)
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or(StoreError::NoSuchAttempt(attempt.0))?;
        Ok(info)
    }

    /// The action log of an attempt, in order.
    pub fn actions(&self, attempt: AttemptId) -> Result<Vec<Action>> {
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
        let name = normalize_name(trainee);
        let sql = format!(
            "{SELECT} WHERE t.name = ?1 AND a.status = 'open' AND (?2 IS NULL OR a.scenario_id = ?2)
             ORDER BY a.started_at DESC, a.id DESC LIMIT 1"
        );
        let Some(info) = self
            .conn
            .query_row(&sql, params![name, scenario], row_info)
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
        let sql = format!("{SELECT} {clause} ORDER BY a.started_at, a.id");
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

    /// Store attempts played elsewhere, already verified by replay, in one transaction.
    pub fn import_attempts(&mut self, list: &[ImportedAttempt<'_>]) -> Result<Vec<Imported>> {
        let now = self.now();
        let path = self.path.clone();
        let sql = |e| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut out = Vec::with_capacity(list.len());
        for a in list {
            let name = normalize_name(a.trainee);
            if name.is_empty() {
                return Err(StoreError::EmptyTrainee);
            }
            let sha = sha256_hex(a.source);
            let fp = fingerprint(&name, &sha, a.seed, a.mode, a.started_at, a.actions);
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM attempt WHERE fingerprint = ?1",
                    [&fp],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql)?;
            if let Some(id) = existing {
                out.push(Imported::Duplicate(AttemptId(id)));
                continue;
            }
            let trainee_id = trainee_in(&tx, &name, &now).map_err(sql)?;
            keep_scenario(&tx, &sha, &a.scenario.meta.id, a.source).map_err(sql)?;
            tx.execute(
                "INSERT INTO attempt (trainee_id, scenario_id, scenario_sha256, seed, mode,
                     engine_version, status, started_at, ended_at, total, band, passed, origin,
                     fingerprint)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'finished', ?7, ?8, ?9, ?10, ?11, 'imported', ?12)",
                params![
                    trainee_id,
                    a.scenario.meta.id,
                    sha,
                    a.seed as i64,
                    a.mode.key(),
                    a.engine_version,
                    a.started_at,
                    a.ended_at,
                    a.debrief.total,
                    a.debrief.band.key(),
                    a.debrief.passed,
                    fp
                ],
            )
            .map_err(sql)?;
            let id = tx.last_insert_rowid();
            {
                let mut stmt = tx
                    .prepare_cached(
                        "INSERT INTO action (attempt_id, seq, line) VALUES (?1, ?2, ?3)",
                    )
                    .map_err(sql)?;
                for (i, action) in a.actions.iter().enumerate() {
                    let seq = i as u64 + 1;
                    stmt.execute(params![id, seq as i64, action::log_line(seq, action)])
                        .map_err(sql)?;
                }
            }
            insert_mistakes(&tx, id, a.debrief).map_err(sql)?;
            out.push(Imported::New(AttemptId(id)));
        }
        tx.commit().map_err(sql)?;
        Ok(out)
    }
}

fn trainee_in(tx: &rusqlite::Transaction<'_>, name: &str, now: &str) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO trainee (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        params![name, now],
    )?;
    tx.query_row("SELECT id FROM trainee WHERE name = ?1", [name], |r| {
        r.get(0)
    })
}

fn keep_scenario(
    tx: &rusqlite::Transaction<'_>,
    sha: &str,
    id: &str,
    source: &[u8],
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO scenario (sha256, id, source) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO NOTHING",
        params![sha, id, source],
    )?;
    Ok(())
}

fn insert_mistakes(
    tx: &rusqlite::Transaction<'_>,
    attempt: i64,
    debrief: &Debrief,
) -> rusqlite::Result<()> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for m in &debrief.mistakes {
        *counts.entry(m.code.key()).or_default() += 1;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO mistake (attempt_id, code, count) VALUES (?1, ?2, ?3)")?;
    for (code, count) in counts {
        stmt.execute(params![attempt, code, count])?;
    }
    Ok(())
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

//! Trainees, attempts and their action logs.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::checksum;
use super::imported::fingerprint;
use super::outbox::{Outgoing, queue_in};
use super::{ENGINE_VERSION, Mode, Result, Store, StoreError, sha256_hex};
use motcua_core::scenario::Scenario;
use motcua_core::scenario::model::keyed_enum;
use motcua_core::score::{Debrief, Grade};
use motcua_core::session::WORLD_VERSION;
use motcua_core::session::action::{self, Action};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AttemptId(pub i64);

keyed_enum!(
    /// Where an attempt stands (its `status` column).
    Status {
        /// Being played (or the program stopped): it can be resumed.
        Open = "open",
        /// The period ended; the score is recorded.
        Finished = "finished",
        /// The trainee started over instead of resuming.
        Abandoned = "abandoned",
    }
);

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
    /// The simulated world it was played in (`session::WORLD_VERSION` then).
    pub world_version: u32,
    pub status: Status,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub total: Option<f64>,
    pub band: Option<Grade>,
    pub passed: Option<bool>,
    /// Brought in by `motcua import` rather than played here.
    pub imported: bool,
    /// Actions logged.
    pub actions: u64,
    /// Mistake code → how many times (finished attempts).
    pub mistakes: BTreeMap<String, u32>,
    /// The training screen or `motcua record`; `None`: not known (recorded before
    /// motcua kept it, or imported from a bundle that does not say).
    pub played_via: Option<PlayedVia>,
    /// The trainee's id on the class list, when they had one (`Start::roster_id`).
    pub roster_id: Option<String>,
    /// The workshop it was opened in, as its learning records say (`OpenedIn`).
    #[serde(skip)]
    pub workshop: super::outbox::OpenedIn,
}

keyed_enum!(
    /// How an attempt was played: what the laptop reports about itself (docs/workshop.md:
    /// a report an instructor can weigh, not proof).
    PlayedVia {
        /// The training screen (`motcua`, `motcua play`).
        Screen = "screen",
        /// Actions read from standard input (`motcua record`), as a script plays.
        Stdin = "stdin",
    }
);

impl AttemptInfo {
    /// Played in this motcua's world: it can be replayed, resumed and re-scored.
    /// One of another world keeps its stored score and is never replayed.
    pub fn is_current_world(&self) -> bool {
        self.world_version == WORLD_VERSION
    }
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

/// The grade a stored `band` key names (the training score's grade).
pub fn band_from_key(key: &str) -> Option<Grade> {
    Grade::from_key(key)
}

/// A name that may be kept: the sanitiser's check (no control character, not too
/// long), then normalised.
pub fn checked_name(name: &str) -> Result<String> {
    use crate::sanitize::{NameProblem, check_name};
    match check_name(name) {
        Ok(()) => Ok(normalize_name(name)),
        Err(NameProblem::Empty) => Err(StoreError::EmptyTrainee),
        Err(problem) => Err(StoreError::BadName(problem)),
    }
}

/// Trainee names are compared as typed, after NFC normalisation (a name typed with
/// combining accents is the same trainee) and with runs of spaces made one.
pub fn normalize_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Store {
    /// The trainee's id, creating the trainee on first use.
    pub fn trainee_id(&mut self, name: &str) -> Result<i64> {
        let name = checked_name(name)?;
        let now = self.now();
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        let id = trainee_in(&tx, &name, &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()?;
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

    /// Start an attempt on the training screen. `source` is the scenario file's bytes:
    /// kept (once per hash) so the attempt can be resumed and re-scored with exactly that text.
    pub fn open_attempt(
        &mut self,
        trainee: &str,
        scenario: &Scenario,
        source: &[u8],
        seed: u64,
        mode: Mode,
    ) -> Result<AttemptId> {
        let start = Start {
            trainee,
            scenario,
            source,
            seed,
            mode,
            roster_id: None,
        };
        self.open_attempt_via(&start, PlayedVia::Screen, |_| Vec::new())
    }

    /// Start an attempt played `via` the screen or standard input, queuing the
    /// statements `records` makes of it (its learning record "initialized") in the
    /// same transaction.
    pub fn open_attempt_via(
        &mut self,
        start: &Start<'_>,
        via: PlayedVia,
        records: impl FnOnce(&AttemptInfo) -> Vec<Outgoing>,
    ) -> Result<AttemptId> {
        let Start {
            trainee,
            scenario,
            source,
            seed,
            mode,
            roster_id,
        } = *start;
        let name = checked_name(trainee)?;
        let roster_id = checked_roster_id(roster_id)?;
        let now = self.now();
        let sha = sha256_hex(source);
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        let trainee_id = trainee_in(&tx, &name, &now).map_err(sql)?;
        keep_scenario(&tx, &sha, &scenario.meta.id, source).map_err(sql)?;
        tx.execute(
            "INSERT INTO attempt (trainee_id, scenario_id, scenario_sha256, seed, mode,
                 engine_version, world_version, started_at, played_via, roster_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                trainee_id,
                scenario.meta.id,
                sha,
                seed as i64,
                mode.key(),
                ENGINE_VERSION,
                WORLD_VERSION,
                now,
                via.key(),
                roster_id
            ],
        )
        .map_err(sql)?;
        let id = tx.last_insert_rowid();
        let info = super::read::info_in(&tx, id).map_err(sql)?;
        queue_in(&tx, Some(id), &records(&info), &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()?;
        Ok(AttemptId(id))
    }

    /// Commit the `seq`-th action (1-based) of an open attempt, in its own transaction.
    /// Call it after `Session::check` allowed the action and before `Session::apply`.
    /// `OutOfSequence` means another window is playing the same attempt.
    pub fn append_action(&mut self, attempt: AttemptId, seq: u64, action: &Action) -> Result<()> {
        self.append_action_queued(attempt, seq, action, |_| Vec::new())
    }

    /// `append_action`, queuing the statements `records` makes of it (given the
    /// moment it is committed) in the same transaction.
    pub fn append_action_queued(
        &mut self,
        attempt: AttemptId,
        seq: u64,
        action: &Action,
        records: impl FnOnce(DateTime<Utc>) -> Vec<Outgoing>,
    ) -> Result<()> {
        let line = action::log_line(seq, action);
        let at = self.now_time();
        let now = super::timestamp(at);
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        let found: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT status, log_checksum FROM attempt WHERE id = ?1",
                [attempt.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql)?;
        let checksum = match found {
            None => return Err(StoreError::NoSuchAttempt(attempt.0)),
            Some((status, sum)) if status == "open" => sum,
            Some(_) => return Err(StoreError::AttemptClosed(attempt.0)),
        };
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
        // An attempt from before the checksum (NULL) and with actions stays unchecked.
        let chained = match checksum {
            Some(sum) => Some(checksum::next(&sum, &line)),
            None if last == 0 => Some(checksum::next("", &line)),
            None => None,
        };
        tx.execute(
            "UPDATE attempt SET log_checksum = ?2 WHERE id = ?1",
            params![attempt.0, chained],
        )
        .map_err(sql)?;
        queue_in(&tx, Some(attempt.0), &records(at), &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()
    }

    /// Record the score of an attempt whose period is over; an unfinished attempt's
    /// score as it stands is never kept as a result.
    pub fn finish_attempt(&mut self, attempt: AttemptId, debrief: &Debrief) -> Result<()> {
        self.finish_attempt_queued(attempt, debrief, |_| Vec::new())
    }

    /// `finish_attempt`, queuing the statements `records` makes of the finished
    /// attempt (given its end time) in the same transaction as its score.
    pub fn finish_attempt_queued(
        &mut self,
        attempt: AttemptId,
        debrief: &Debrief,
        records: impl FnOnce(DateTime<Utc>) -> Vec<Outgoing>,
    ) -> Result<()> {
        if !debrief.is_final {
            return Err(StoreError::NotFinal(attempt.0));
        }
        let info = self.attempt(attempt)?;
        if info.status != Status::Open {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        let actions = self.actions(attempt)?;
        let fp = fingerprint(
            &info.trainee,
            info.roster_id.as_deref(),
            &info.scenario_sha256,
            info.seed,
            info.mode,
            &super::timestamp(info.started_at),
            &actions,
        );
        let at = self.now_time();
        let now = super::timestamp(at);
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
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
                    debrief.total(),
                    debrief.grade().key(),
                    debrief.passed(),
                    fp
                ],
            )
            .map_err(sql)?;
        if changed == 0 {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        insert_mistakes(&tx, attempt.0, &mistake_counts(debrief)).map_err(sql)?;
        queue_in(&tx, Some(attempt.0), &records(at), &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()
    }

    /// Give up an open attempt (the trainee starts over). Its actions stay.
    pub fn abandon_attempt(&mut self, attempt: AttemptId) -> Result<()> {
        self.abandon_attempt_queued(attempt, |_| Vec::new())
    }

    /// `abandon_attempt`, queuing the statements `records` makes of it (given its end
    /// time: the learning record "terminated") in the same transaction.
    pub fn abandon_attempt_queued(
        &mut self,
        attempt: AttemptId,
        records: impl FnOnce(DateTime<Utc>) -> Vec<Outgoing>,
    ) -> Result<()> {
        let at = self.now_time();
        let now = super::timestamp(at);
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        let changed = tx
            .execute(
                "UPDATE attempt SET status = 'abandoned', ended_at = ?2
                 WHERE id = ?1 AND status = 'open'",
                params![attempt.0, now],
            )
            .map_err(sql)?;
        if changed == 0 {
            return Err(StoreError::AttemptClosed(attempt.0));
        }
        queue_in(&tx, Some(attempt.0), &records(at), &now).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.after_commit()
    }
}

/// What an attempt starts with.
#[derive(Debug, Clone, Copy)]
pub struct Start<'a> {
    pub trainee: &'a str,
    pub scenario: &'a Scenario,
    /// The scenario file's exact bytes.
    pub source: &'a [u8],
    pub seed: u64,
    pub mode: Mode,
    /// The trainee's id on the class list (the roster's id column), when known.
    pub roster_id: Option<&'a str>,
}

/// A roster id that may be kept: trimmed, empty is none, checked like a name (no
/// control character, not too long).
pub fn checked_roster_id(id: Option<&str>) -> Result<Option<String>> {
    match id.map(str::trim).filter(|id| !id.is_empty()) {
        None => Ok(None),
        Some(id) => match crate::sanitize::check_name(id) {
            Ok(()) => Ok(Some(normalize_name(id))),
            Err(problem) => Err(StoreError::BadName(problem)),
        },
    }
}

pub(super) fn trainee_in(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    now: &str,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO trainee (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        params![name, now],
    )?;
    tx.query_row("SELECT id FROM trainee WHERE name = ?1", [name], |r| {
        r.get(0)
    })
}

/// Keep a scenario text once per hash. An attempt of an older world imported without
/// its text leaves an empty source under its hash; the real text replaces it.
pub(super) fn keep_scenario(
    tx: &rusqlite::Transaction<'_>,
    sha: &str,
    id: &str,
    source: &[u8],
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO scenario (sha256, id, source) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO UPDATE SET source = excluded.source
         WHERE length(scenario.source) = 0 AND length(excluded.source) > 0",
        params![sha, id, source],
    )?;
    Ok(())
}

/// Mistake code → how many times, as the `mistake` table keeps them.
pub fn mistake_counts(debrief: &Debrief) -> BTreeMap<String, u32> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for m in &debrief.mistakes {
        *counts.entry(m.code.key().to_string()).or_default() += 1;
    }
    counts
}

pub(super) fn insert_mistakes(
    tx: &rusqlite::Transaction<'_>,
    attempt: i64,
    counts: &BTreeMap<String, u32>,
) -> rusqlite::Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO mistake (attempt_id, code, count) VALUES (?1, ?2, ?3)")?;
    for (code, count) in counts {
        stmt.execute(params![attempt, code, count])?;
    }
    Ok(())
}

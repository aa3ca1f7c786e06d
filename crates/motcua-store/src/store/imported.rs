//! Attempts played elsewhere: their identity (fingerprint) and storing them after
//! `export::import` verified them by replay.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use super::attempts::{
    AttemptId, PlayedVia, checked_name, checked_roster_id, insert_mistakes, keep_scenario,
    mistake_counts, trainee_in,
};
use super::{Mode, Result, Store, StoreError, checksum, sha256_hex};
use motcua_core::score::{Debrief, Grade};
use motcua_core::session::action::{self, Action};

/// Identity of a finished attempt: the same play imported twice is kept once. (Two
/// identical plays finished here in the same second are both kept; the second has no
/// fingerprint.)
pub fn fingerprint(
    trainee: &str,
    roster_id: Option<&str>,
    scenario_sha256: &str,
    seed: u64,
    mode: Mode,
    started_at: &str,
    actions: &[Action],
) -> String {
    // A roster id tells two namesakes' plays apart; without one the text is as it
    // was before ids were kept, so attempts imported then are still recognised.
    let who = match roster_id {
        Some(id) => format!("{trainee}\nid:{id}"),
        None => trainee.to_string(),
    };
    let text = format!(
        "{who}\n{scenario_sha256}\n{seed}\n{}\n{started_at}\n{}",
        mode.key(),
        action::write_log(actions)
    );
    sha256_hex(text.as_bytes())
}

/// The score an imported attempt is kept with: the replay's, or for an attempt of
/// an older world the one its bundle recorded (mistakes unknown then).
#[derive(Debug, Clone, PartialEq)]
pub struct KeptScore {
    pub total: f64,
    pub band: Grade,
    pub passed: bool,
    /// Mistake code → count.
    pub mistakes: BTreeMap<String, u32>,
}

impl KeptScore {
    pub fn of(debrief: &Debrief) -> KeptScore {
        KeptScore {
            total: debrief.total(),
            band: debrief.grade(),
            passed: debrief.passed(),
            mistakes: mistake_counts(debrief),
        }
    }
}

/// Data of a finished attempt played elsewhere, checked by `export::import`.
#[derive(Debug, Clone)]
pub struct ImportedAttempt<'a> {
    pub trainee: &'a str,
    pub scenario_id: &'a str,
    pub scenario_sha256: &'a str,
    /// The scenario text; empty when this machine does not have it (an attempt of
    /// an older world, kept with its stored score and never replayed).
    pub source: &'a [u8],
    pub seed: u64,
    pub mode: Mode,
    pub engine_version: &'a str,
    pub world_version: u32,
    pub started_at: &'a str,
    pub ended_at: &'a str,
    pub played_via: Option<PlayedVia>,
    /// The trainee's id on the class list, as the bundle says (none when absent).
    pub roster_id: Option<&'a str>,
    pub actions: &'a [Action],
    /// `None`: handed in unfinished; kept as an attempt that ended without a score.
    pub score: Option<KeptScore>,
}

/// What importing one attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    New(AttemptId),
    /// The same attempt (same fingerprint) was already here.
    Duplicate(AttemptId),
}

impl Store {
    /// Store attempts played elsewhere, already verified by replay, in one transaction.
    pub fn import_attempts(&mut self, list: &[ImportedAttempt<'_>]) -> Result<Vec<Imported>> {
        let now = self.now();
        let (tx, path) = self.begin_write()?;
        let sql = |e| StoreError::from_sqlite(&path, e);
        let mut out = Vec::with_capacity(list.len());
        for a in list {
            let name = checked_name(a.trainee)?;
            let roster_id = checked_roster_id(a.roster_id)?;
            let sha = a.scenario_sha256;
            let fp = fingerprint(
                &name,
                roster_id.as_deref(),
                sha,
                a.seed,
                a.mode,
                a.started_at,
                a.actions,
            );
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
            keep_scenario(&tx, sha, a.scenario_id, a.source).map_err(sql)?;
            tx.execute(
                "INSERT INTO attempt (trainee_id, scenario_id, scenario_sha256, seed, mode,
                     engine_version, world_version, status, started_at, ended_at, total, band,
                     passed, origin, fingerprint, played_via, roster_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?15, ?8, ?9, ?10, ?11, ?12,
                     'imported', ?13, ?14, ?16)",
                params![
                    trainee_id,
                    a.scenario_id,
                    sha,
                    a.seed as i64,
                    a.mode.key(),
                    a.engine_version,
                    a.world_version,
                    a.started_at,
                    a.ended_at,
                    a.score.as_ref().map(|s| s.total),
                    a.score.as_ref().map(|s| s.band.key()),
                    a.score.as_ref().map(|s| s.passed),
                    fp,
                    a.played_via.map(PlayedVia::key),
                    // Handed in unfinished: ended, never to be resumed, no score.
                    if a.score.is_some() {
                        "finished"
                    } else {
                        "abandoned"
                    },
                    roster_id
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
                let mut sum = String::new();
                for (i, action) in a.actions.iter().enumerate() {
                    let seq = i as u64 + 1;
                    let line = action::log_line(seq, action);
                    sum = checksum::next(&sum, &line);
                    stmt.execute(params![id, seq as i64, line]).map_err(sql)?;
                }
                tx.execute(
                    "UPDATE attempt SET log_checksum = ?2 WHERE id = ?1",
                    params![id, sum],
                )
                .map_err(sql)?;
            }
            if let Some(score) = &a.score {
                insert_mistakes(&tx, id, &score.mistakes).map_err(sql)?;
            }
            out.push(Imported::New(AttemptId(id)));
        }
        tx.commit().map_err(sql)?;
        self.after_commit()?;
        Ok(out)
    }
}

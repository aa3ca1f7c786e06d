//! The one way to play an attempt that lasts: every allowed action is committed to the
//! store before the session applies it, a refused action is never stored, and the
//! attempt is scored and closed when the period ends. `motcua record` plays through it;
//! the TUI keeps the same order in `tui::persist` (check, commit, apply).

use super::{AttemptId, Mode, PlayedVia, Result, Resume, Start, Store, StoreError};
use crate::export::xapi::Journal;
use motcua_core::scenario::{self, Scenario};
use motcua_core::score::{self, Debrief};
use motcua_core::session::{self, Action, Event, Rejection, Session};

pub struct Recorder {
    store: Store,
    attempt: AttemptId,
    session: Session,
    debrief: Option<Debrief>,
    /// The attempt's learning records, queued with each commit when an LRS is set.
    journal: Journal,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("attempt", &self.attempt)
            .field("actions", &self.session.actions().len())
            .finish()
    }
}

impl Recorder {
    /// A new attempt, without learning records. `source` is the scenario file's exact bytes.
    pub fn start(
        store: Store,
        trainee: &str,
        scenario: &Scenario,
        source: &[u8],
        seed: u64,
        mode: Mode,
    ) -> Result<Recorder> {
        let start = Start {
            trainee,
            scenario,
            source,
            seed,
            mode,
            roster_id: None,
        };
        Recorder::start_with(store, &start, Journal::default())
    }

    /// A new attempt played from standard input, its learning records kept by `journal`.
    pub fn start_with(
        mut store: Store,
        start: &Start<'_>,
        mut journal: Journal,
    ) -> Result<Recorder> {
        let attempt = store.open_attempt_via(start, PlayedVia::Stdin, |info| {
            journal.opened(info, start.scenario)
        })?;
        Ok(Recorder {
            store,
            attempt,
            session: Session::new(start.scenario, start.seed),
            debrief: None,
            journal,
        })
    }

    /// Rebuild an unfinished attempt (from `Store::unfinished_attempt`) by replaying its
    /// log on the scenario text it was started with. If the program stopped after the
    /// last action of the period but before the score was kept, it is kept now.
    pub fn resume(store: Store, resume: Resume) -> Result<Recorder> {
        Recorder::resume_with(store, resume, Journal::default())
    }

    /// `resume`, its learning records kept by `journal`.
    pub fn resume_with(store: Store, resume: Resume, mut journal: Journal) -> Result<Recorder> {
        let attempt = resume.info.id;
        let unreplayable = |detail: String| StoreError::Unreplayable {
            attempt: attempt.0,
            detail,
        };
        if !resume.info.is_current_world() {
            let detail = format!(
                "simulation version {}, this motcua plays version {}",
                resume.info.world_version,
                motcua_core::session::WORLD_VERSION
            );
            return Err(unreplayable(detail));
        }
        let label = format!("{} (attempt {})", resume.info.scenario, attempt.0);
        let scenario = scenario::load_bytes(&label, &resume.source)
            .map_err(|d| unreplayable(format!("{} scenario diagnostics", d.len())))?;
        let session = session::replay(&scenario, resume.info.seed, &resume.actions)
            .map_err(|e| unreplayable(e.to_string()))?;
        journal.follow(&resume.info, &scenario);
        let mut recorder = Recorder {
            store,
            attempt,
            session,
            debrief: None,
            journal,
        };
        recorder.finish_if_over()?;
        Ok(recorder)
    }

    /// Check `action`; if the rules allow it, commit it, then apply it. `Ok(Err(_))`:
    /// refused by the rules, nothing stored, nothing changed. `Err(_)`: the store could
    /// not commit it, so it was not applied either.
    pub fn apply(&mut self, action: Action) -> Result<std::result::Result<Vec<Event>, Rejection>> {
        if let Err(rejection) = self.session.check(&action) {
            return Ok(Err(rejection));
        }
        let seq = self.session.actions().len() as u64 + 1;
        let journal = &self.journal;
        self.store
            .append_action_queued(self.attempt, seq, &action, |at| {
                journal.interacted(seq, &action, at)
            })?;
        let events = self.session.apply(action);
        self.finish_if_over()?;
        Ok(events)
    }

    fn finish_if_over(&mut self) -> Result<()> {
        if self.session.is_over() && self.debrief.is_none() {
            let debrief = score::score(&self.session);
            let (journal, actions) = (&self.journal, self.session.actions());
            self.store
                .finish_attempt_queued(self.attempt, &debrief, |at| {
                    journal.finished(&debrief, actions, at)
                })?;
            self.debrief = Some(debrief);
        }
        Ok(())
    }

    pub fn attempt(&self) -> AttemptId {
        self.attempt
    }
    pub fn session(&self) -> &Session {
        &self.session
    }
    /// The score, once the period is over (and kept in the store).
    pub fn debrief(&self) -> Option<&Debrief> {
        self.debrief.as_ref()
    }
    pub fn store(&self) -> &Store {
        &self.store
    }
    pub fn into_store(self) -> Store {
        self.store
    }
}

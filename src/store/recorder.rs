//! The one way to play an attempt that lasts: every allowed action is committed to the
//! store before the session applies it, a refused action is never stored, and the
//! attempt is scored and closed when the period ends. `motcua record` plays through it;
//! the TUI keeps the same order in `tui::persist` (check, commit, apply).

use super::{AttemptId, Mode, Result, Resume, Store, StoreError};
use crate::scenario::{self, Scenario};
use crate::score::{self, Debrief};
use crate::session::{self, Action, Event, Rejection, Session};

pub struct Recorder {
    store: Store,
    attempt: AttemptId,
    session: Session,
    debrief: Option<Debrief>,
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
    /// A new attempt. `source` is the scenario file's exact bytes.
    pub fn start(
        mut store: Store,
        trainee: &str,
        scenario: &Scenario,
        source: &[u8],
        seed: u64,
        mode: Mode,
    ) -> Result<Recorder> {
        let attempt = store.open_attempt(trainee, scenario, source, seed, mode)?;
        Ok(Recorder {
            store,
            attempt,
            session: Session::new(scenario, seed),
            debrief: None,
        })
    }

    /// Rebuild an unfinished attempt (from `Store::unfinished_attempt`) by replaying its
    /// log on the scenario text it was started with. If the program stopped after the
    /// last action of the period but before the score was kept, it is kept now.
    pub fn resume(store: Store, resume: Resume) -> Result<Recorder> {
        let attempt = resume.info.id;
        let unreplayable = |detail: String| StoreError::Unreplayable {
            attempt: attempt.0,
            detail,
        };
        if !resume.info.is_current_world() {
            let detail = format!(
                "simulation version {}, this motcua plays version {}",
                resume.info.world_version,
                crate::session::WORLD_VERSION
            );
            return Err(unreplayable(detail));
        }
        let label = format!("{} (attempt {})", resume.info.scenario, attempt.0);
        let scenario = scenario::load_bytes(&label, &resume.source)
            .map_err(|d| unreplayable(format!("{} scenario diagnostics", d.len())))?;
        let session = session::replay(&scenario, resume.info.seed, &resume.actions)
            .map_err(|e| unreplayable(e.to_string()))?;
        let mut recorder = Recorder {
            store,
            attempt,
            session,
            debrief: None,
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
        self.store.append_action(self.attempt, seq, &action)?;
        let events = self.session.apply(action);
        self.finish_if_over()?;
        Ok(events)
    }

    fn finish_if_over(&mut self) -> Result<()> {
        if self.session.is_over() && self.debrief.is_none() {
            let debrief = score::score(&self.session);
            self.store.finish_attempt(self.attempt, &debrief)?;
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

//! The learning records of the attempt being played: what `record` and the training
//! screen hand the store to queue with each commit (`Store::open_attempt_via`,
//! `append_action_queued`, `finish_attempt_queued`, `abandon_attempt_queued`). Off
//! (no LRS configured): nothing is queued, and nothing accumulates for an LRS that
//! does not exist.

use chrono::{DateTime, Utc};

use super::profile::Profile;
use super::result::AttemptResult;
use super::statement::AttemptStatements;
use crate::store::{AttemptInfo, Outgoing, Resume};
use motcua_core::scenario::{self, Scenario};
use motcua_core::score::Debrief;
use motcua_core::session::{self, Action, Session};

#[derive(Debug, Clone, Default)]
pub struct Journal {
    profile: Option<Profile>,
    current: Option<AttemptStatements>,
}

impl Journal {
    /// Records for `profile`; `None`: off.
    pub fn new(profile: Option<Profile>) -> Journal {
        Journal {
            profile,
            current: None,
        }
    }

    pub fn is_on(&self) -> bool {
        self.profile.is_some()
    }

    /// The attempt just opened: its statements from now on, and `initialized`.
    pub fn opened(&mut self, info: &AttemptInfo, scenario: &Scenario) -> Vec<Outgoing> {
        self.follow(info, scenario);
        self.current
            .as_ref()
            .map(AttemptStatements::initialized)
            .unwrap_or_default()
    }

    /// Follow an attempt resumed (or opened) elsewhere: nothing to queue yet. The
    /// trainee's roster id is the attempt's own (`AttemptInfo::roster_id`).
    pub fn follow(&mut self, info: &AttemptInfo, scenario: &Scenario) {
        self.current = self
            .profile
            .as_ref()
            .map(|p| AttemptStatements::new(p, info, scenario));
    }

    /// The `seq`-th action, committed at `at`.
    pub fn interacted(&self, seq: u64, action: &Action, at: DateTime<Utc>) -> Vec<Outgoing> {
        self.current
            .as_ref()
            .map(|s| s.interacted(seq, action, at))
            .unwrap_or_default()
    }

    /// The period is over: `completed` and `passed`/`failed`.
    pub fn finished(
        &self,
        debrief: &Debrief,
        actions: &[Action],
        at: DateTime<Utc>,
    ) -> Vec<Outgoing> {
        self.current
            .as_ref()
            .map(|s| s.finished(&AttemptResult::of(debrief), actions, at))
            .unwrap_or_default()
    }

    /// The attempt of `session` ends unfinished (handed in, given up): `terminated`
    /// with its score as it stands.
    pub fn terminated(&self, session: &Session, at: DateTime<Utc>) -> Vec<Outgoing> {
        self.current
            .as_ref()
            .map(|s| {
                let result = AttemptResult::of_session(session);
                s.terminated(Some(&result), session.actions(), at)
            })
            .unwrap_or_default()
    }

    /// An unfinished attempt given up before it was resumed (`record --new`, an older
    /// world): `terminated`, with its score as it stands when its log still replays.
    pub fn abandoned(&self, resume: &Resume, at: DateTime<Utc>) -> Vec<Outgoing> {
        let Some(profile) = &self.profile else {
            return Vec::new();
        };
        let label = format!("{} (#{})", resume.info.scenario, resume.info.id.0);
        let Ok(scenario) = scenario::load_bytes(&label, &resume.source) else {
            return Vec::new();
        };
        let statements = AttemptStatements::new(profile, &resume.info, &scenario);
        let result = resume
            .info
            .is_current_world()
            .then(|| session::replay(&scenario, resume.info.seed, &resume.actions).ok())
            .flatten()
            .map(|s| AttemptResult::of_session(&s));
        statements.terminated(result.as_ref(), &resume.actions, at)
    }
}

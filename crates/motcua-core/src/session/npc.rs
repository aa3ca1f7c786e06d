//! The simulated people: the citizen who answers (or not), the specialist who
//! verifies, the desk or the leader when the trainee does not play them, and the
//! scripted events of the scenario.

use chrono::{Duration, NaiveDateTime};

use crate::generate::Dossier;
use crate::scenario::{ActionKind, EventKind, Procedure, Stage};

use super::Session;
use super::action::ResultChannel;
use super::event::{Actor, Happened, List};
use super::policy;
use super::roles::{Step, trainee_plays};
use super::rules::duty_of;
use super::state::Closure;
use super::timers::TimerKind;

/// Office minutes the specialist needs to look again at a supplemented dossier.
pub const REVERIFY_MINUTES: u64 = 30;

/// Most steps a simulated person takes on one dossier at one moment (a guard).
const MAX_NPC_STEPS: usize = 32;

impl Session {
    pub(super) fn procedure_at(&self, i: usize) -> &Procedure {
        // The plan only names procedures of the session's own scenario.
        let p = self.plan.dossiers()[i].procedure;
        &self.scenario.procedures[p]
    }

    /// The time limit of dossier `i` (`deadline_of`).
    pub(super) fn deadline_at(&self, i: usize) -> crate::scenario::Deadline {
        self.scripted_at(i)
            .and_then(|s| s.deadline)
            .unwrap_or(self.procedure_at(i).deadline)
    }

    /// Where dossier `i` belongs, by the one definition of the desk's area.
    pub(super) fn competence(&self, i: usize) -> crate::generate::Competence {
        // Looked up first: a dossier whose competence is known is not drawn again.
        match self.competence[i].get() {
            Some(c) => *c,
            None => self.competence_of(i, self.dossier(i)),
        }
    }

    /// `competence` of dossier `i` read from `d`, its details (kept or not).
    pub(super) fn competence_of(&self, i: usize, d: &Dossier) -> crate::generate::Competence {
        *self.competence[i]
            .get_or_init(|| crate::generate::competence(d, self.procedure_at(i), &self.scenario))
    }

    pub(super) fn fee(&self, i: usize) -> u64 {
        self.fee_of(i, self.dossier(i))
    }

    pub(super) fn fee_of(&self, i: usize, d: &Dossier) -> u64 {
        policy::fee_of(self.procedure_at(i), d)
    }

    pub(super) fn pays_online(&self, i: usize) -> bool {
        self.pays_online_of(i, self.dossier(i))
    }

    pub(super) fn pays_online_of(&self, i: usize, d: &Dossier) -> bool {
        policy::pays_online(self.procedure_at(i), d)
    }

    pub(super) fn expected_channel(&self, i: usize) -> ResultChannel {
        policy::result_channel(self.dossier(i))
    }

    /// When the citizen answers a request made at `at` on their own. A dossier that a
    /// scripted `supplement-arrives` still to come names answers through that event
    /// alone, so the event does what its message says; once it has fired, as drawn.
    pub(super) fn reply_moment(&self, i: usize, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.reply_moment_of(i, self.dossier(i), at)
    }

    /// `reply_moment` of dossier `i` read from `d`, its details (kept or not).
    pub(super) fn reply_moment_of(
        &self,
        i: usize,
        d: &Dossier,
        at: NaiveDateTime,
    ) -> Option<NaiveDateTime> {
        if self.scripted_supplement_ahead(i) {
            return None;
        }
        let minutes = d.truth.citizen_reply_minutes?;
        Some(at + Duration::minutes(i64::from(minutes)))
    }

    /// Whether a `supplement-arrives` event about dossier `i` has not fired yet.
    fn scripted_supplement_ahead(&self, i: usize) -> bool {
        let Some(id) = self.scripted_at(i).and_then(|s| s.id.as_deref()) else {
            return false;
        };
        self.timers.iter().any(|t| {
            t.kind == TimerKind::Scripted
                && self.scenario.events.get(t.index).is_some_and(|e| {
                    e.kind == EventKind::SupplementArrives && e.dossier.as_deref() == Some(id)
                })
        })
    }

    /// The citizen hands in the supplement: what was asked for rightly is cured.
    pub(super) fn reply(&mut self, i: usize, at: NaiveDateTime) {
        let Some(pending) = self.states[i].pending.take() else {
            return;
        };
        self.activate(i);
        let cured = self.cure(i, &pending.items);
        let dossier = self.event_code(i);
        let what = Happened::SupplementReceived {
            dossier: dossier.clone(),
            cured,
        };
        self.emit_on(i, at, Actor::Citizen, what);
        if pending.stage == Stage::Appraisal {
            // QĐ 766: time waiting for the applicant does not count.
            let paused = self
                .calendar
                .office_minutes_between(pending.requested_at, at);
            if let Some(due) = self.states[i].due {
                let due = self.add_minutes(due, paused);
                self.set_due(i, due);
                self.emit_on(i, at, Actor::System, Happened::DueSet { dossier, due });
            }
            let from = self.opening(at);
            let verify_at = self.verification_end(i, from, REVERIFY_MINUTES);
            let s = &mut self.states[i];
            s.examined = false;
            s.delay_noticed = false;
            s.verify_at = Some(verify_at);
            self.schedule(verify_at, TimerKind::Verify, i);
            self.notice_delay(i, at);
        }
    }

    /// The specialist's verification ends: it finds the first open flaw not yet found.
    pub(super) fn verify(&mut self, i: usize, at: NaiveDateTime) {
        let s = &self.states[i];
        if s.is_closed() || s.examined || s.pending.is_some() || s.verify_at != Some(at) {
            return;
        }
        let findings: List<String> = s
            .open_flaws
            .iter()
            .filter(|f| !s.found.contains(f))
            .cloned()
            .collect();
        let s = &mut self.states[i];
        s.examined = true;
        s.found.extend(findings.iter().cloned());
        let dossier = self.event_code(i);
        self.emit_on(
            i,
            at,
            Actor::Specialist,
            Happened::Examined { dossier, findings },
        );
    }

    /// Tell the desk, at forwarding, when the result will come after the due moment.
    pub(super) fn notice_delay(&mut self, i: usize, at: NaiveDateTime) {
        let s = &self.states[i];
        let (Some(due), Some(verify_at)) = (s.due, s.verify_at) else {
            return;
        };
        if s.delay_noticed {
            return;
        }
        let expected = self.expected_result(verify_at);
        if expected > due {
            // Late even had the dossier been forwarded the moment it was accepted: the
            // verification itself outlasts the time limit, not the desk's pace.
            let unavoidable = s.accepted_at.is_some_and(|accepted| {
                self.expected_result(self.verification_from(i, accepted)) > due
            });
            self.states[i].delay_noticed = true;
            let dossier = self.event_code(i);
            let what = Happened::DelayNotice {
                dossier,
                due,
                expected,
                unavoidable,
            };
            self.emit_on(i, at, Actor::Specialist, what);
        }
    }

    /// When the result is ready if everyone works without delay after verification.
    /// Colleagues act at the next opening: a verification that ends exactly at the
    /// close is taken up the next working day.
    pub(super) fn expected_result(&self, verify_at: NaiveDateTime) -> NaiveDateTime {
        let minutes = self.trainee_minutes(Step::Appraise, ActionKind::Appraise)
            + self.trainee_minutes(Step::Sign, ActionKind::Sign);
        let from = self.opening(verify_at);
        self.add_minutes(from, minutes)
    }

    /// A scripted event fires. Events follow state: a supplement comes in only for
    /// an open request, a withdrawal only of a dossier still open; otherwise the
    /// event is a message that changes nothing (`ignored`).
    pub(super) fn scripted_event(&mut self, j: usize, at: NaiveDateTime) {
        let e = self.scenario.events[j].clone();
        let scripted = &self.scenario.dossiers.scripted;
        let i = e.dossier.as_deref().and_then(|id| {
            self.plan.dossiers().iter().position(|d| {
                d.scripted
                    .and_then(|j| scripted.get(j))
                    .is_some_and(|s| s.id.as_deref() == Some(id))
            })
        });
        let applies = match e.kind {
            EventKind::SupplementArrives => i.filter(|&i| self.states[i].pending.is_some()),
            EventKind::Withdraw => i.filter(|&i| !self.states[i].is_closed()),
            EventKind::Outage | EventKind::RuleChange | EventKind::CitizenCall => i,
        };
        let ignored = matches!(e.kind, EventKind::SupplementArrives | EventKind::Withdraw)
            && applies.is_none();
        let what = Happened::Scripted {
            kind: e.kind,
            dossier: i.map(|i| self.event_code(i)),
            message: e.message.as_deref().map(Box::from),
            message_en: e.message_en.as_deref().map(Box::from),
            ignored,
        };
        match i {
            Some(i) => self.emit_on(i, at, Actor::System, what),
            None => self.emit(at, Actor::System, what),
        }
        match e.kind {
            EventKind::Outage => {
                let until = self
                    .calendar
                    .add_office_minutes(at, u64::from(e.minutes.unwrap_or(0)));
                self.outage_until = Some(until);
                self.schedule(until, TimerKind::OutageEnd, 0);
            }
            EventKind::SupplementArrives => {
                if let Some(i) = applies {
                    self.reply(i, at);
                }
            }
            EventKind::RuleChange => {
                if let Some(rules) = e.rules {
                    self.rules = rules;
                    self.emit(at, Actor::System, Happened::RulesChanged { rules });
                }
            }
            EventKind::Withdraw => {
                if let Some(i) = applies {
                    let dossier = self.event_code(i);
                    self.emit_on(i, at, Actor::Citizen, Happened::Withdrawn { dossier });
                    self.close(i, Closure::Withdrawn, at);
                }
            }
            EventKind::CitizenCall => {}
        }
    }

    /// Whether the right next step on dossier `i` is the trainee's.
    pub(super) fn trainee_owes(&self, i: usize) -> bool {
        // Unnamed: whose step it is does not depend on the code.
        policy::unnamed_step(self, i)
            .is_some_and(|a| trainee_plays(self.scenario.meta.role, duty_of(&a, &self.states[i])))
    }

    /// The simulated colleagues take every step that is theirs, at `at`.
    pub(super) fn npc_turn(&mut self, i: usize, at: NaiveDateTime) {
        for _ in 0..MAX_NPC_STEPS {
            // The apology letter is the trainee's; colleagues do not wait for it.
            let Some(action) = policy::colleague_step(self, i) else {
                return;
            };
            // Whose step it is, `colleague_step` has decided; the rules still may refuse it.
            if self.check_rules_only(i, &action).is_err() {
                return;
            }
            let step = duty_of(&action, &self.states[i]);
            let actor = match step {
                Step::Appraise => Actor::Specialist,
                Step::Sign => Actor::Leader,
                Step::Look
                | Step::Receipt
                | Step::Transfer
                | Step::LateSupplement
                | Step::Stop
                | Step::Return
                | Step::Apologize => Actor::Desk,
            };
            self.perform(i, &action, actor, at);
        }
    }

    /// After something happened to dossier `i`, let colleagues act when the office is open.
    /// Not when its stage is wholly the trainee's: that wake-up would find nothing to do
    /// whenever it came, for the event that moves the dossier on wakes them again, no
    /// later than this one would have (events are logged at the moment they happen, and
    /// every state change of a stage comes before its event: `colleague_may_act`).
    pub(super) fn wake_colleagues(&mut self, i: usize, at: NaiveDateTime) {
        if policy::colleague_may_act(self, i) {
            let when = self.opening(at);
            self.schedule(when, TimerKind::Npc, i);
        }
    }
}

//! The simulation: state = replay(scenario, seed, action log).
//!
//! `Session::new` draws the dossiers; `apply` checks an action against the rules of
//! the desk, performs it, moves simulated time by its cost and lets the simulated
//! people (citizen, specialist, leader, desk, post) act on their timers. A rejected
//! action changes nothing. Pure: no wall clock, no I/O, no global RNG.

pub mod action;
pub mod costs;
mod cure;
pub mod event;
mod lateness;
mod npc;
mod perform;
pub mod policy;
pub mod reach;
mod rejection;
pub mod replay;
pub mod roles;
mod rules;
pub mod solver;
pub mod state;
pub mod status;
mod timers;

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDateTime;

pub use action::{Action, Decision, Item, ResultChannel, WaitUntil};
pub use cure::supplied;
pub use event::{Actor, Event, Happened};
pub use rejection::Rejection;
pub use replay::{ReplayError, replay};
pub use state::{Closure, DossierState, Pending};
pub use status::Status;

use crate::calendar::WorkCalendar;
use crate::generate::{self, Dossier};
use crate::scenario::{Deadline, Procedure, RuleSet, Scenario, ScriptedDossier};

/// The version of the simulated world: which dossiers a seed gives, what the
/// simulated people do and how an attempt is scored. An action log replays to the
/// same score only in the world version it was played in, so every attempt and
/// results bundle records it. Version 1 is everything recorded before it existed.
///
/// Bump it (this one line) with any change that makes a recorded log replay or score
/// differently: the generator's draws or tables, the rules, the simulated people,
/// the judge or the score. Attempts of another version are then kept and listed with
/// their stored score, never replayed, re-scored or resumed (docs/architecture.md).
pub const WORLD_VERSION: u32 = 4;

/// Grace before the period's end: a dossier that became the trainee's work in the
/// last hour is not counted as left unfinished.
pub const UNFINISHED_GRACE_MINUTES: u64 = 60;

#[derive(Debug, Clone)]
pub struct Session {
    scenario: Scenario,
    calendar: WorkCalendar,
    seed: u64,
    dossiers: Vec<Dossier>,
    by_code: HashMap<String, usize>,
    states: Vec<DossierState>,
    /// Arrived, not closed and not waiting for the citizen: where the work can be.
    active: BTreeSet<usize>,
    /// When each dossier last changed (for the unfinished grace).
    touched: Vec<NaiveDateTime>,
    now: NaiveDateTime,
    period_end: NaiveDateTime,
    rules: RuleSet,
    outage_until: Option<NaiveDateTime>,
    /// Scripted events not fired yet, by moment.
    timers: BTreeSet<timers::Timer>,
    events: Vec<Event>,
    actions: Vec<Action>,
    ended: bool,
}

impl Session {
    /// A fresh attempt: the dossiers of `seed`, the clock at the period's start.
    pub fn new(scenario: &Scenario, seed: u64) -> Session {
        let calendar = WorkCalendar::for_scenario(scenario);
        let dossiers = generate::generate(scenario, &calendar, seed);
        let start = calendar.next_opening(scenario.meta.start);
        let last_day = calendar.period_day(
            scenario.meta.start.date(),
            scenario.meta.working_days.max(1),
        );
        let period_end = calendar.close_of(last_day);
        let n = dossiers.len();
        let mut session = Session {
            rules: scenario.meta.rules,
            scenario: scenario.clone(),
            calendar,
            seed,
            states: vec![DossierState::default(); n],
            active: BTreeSet::new(),
            touched: vec![start; n],
            by_code: dossiers
                .iter()
                .enumerate()
                .map(|(i, d)| (d.code.clone(), i))
                .collect(),
            dossiers,
            now: start,
            period_end,
            outage_until: None,
            timers: BTreeSet::new(),
            events: Vec::new(),
            actions: Vec::new(),
            ended: false,
        };
        session.schedule_start();
        session.settle();
        session
    }

    /// Check, perform and log one action. On `Err` nothing changed.
    pub fn apply(&mut self, action: Action) -> Result<Vec<Event>, Rejection> {
        let before = self.events.len();
        self.check(&action)?;
        self.actions.push(action.clone());
        self.perform_trainee(&action);
        self.settle();
        Ok(self.events[before..].to_vec())
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn now(&self) -> NaiveDateTime {
        self.now
    }
    pub fn period_end(&self) -> NaiveDateTime {
        self.period_end
    }
    /// The period is over: no more actions.
    pub fn is_over(&self) -> bool {
        self.ended
    }
    pub fn rules(&self) -> RuleSet {
        self.rules
    }
    pub fn outage_until(&self) -> Option<NaiveDateTime> {
        self.outage_until
    }
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }
    /// Every dossier of the attempt, also those not arrived yet (with their truth).
    pub fn all_dossiers(&self) -> &[Dossier] {
        &self.dossiers
    }
    /// Dossiers that have arrived, with their state, in arrival order.
    pub fn queue(&self) -> impl Iterator<Item = (&Dossier, &DossierState)> {
        self.dossiers
            .iter()
            .zip(&self.states)
            .filter(|(_, s)| s.arrived)
    }
    pub fn find(&self, code: &str) -> Option<(&Dossier, &DossierState)> {
        let i = self.index(code)?;
        Some((&self.dossiers[i], &self.states[i]))
    }
    pub fn procedure_of(&self, dossier: &Dossier) -> Option<&Procedure> {
        self.scenario.procedure(&dossier.procedure)
    }
    /// The time limit acceptance sets for `dossier`: its scripted own one (a case the
    /// law gives longer), or its procedure's.
    pub fn deadline_of(&self, dossier: &Dossier) -> Option<Deadline> {
        self.scripted_of(dossier)
            .and_then(|s| s.deadline)
            .or_else(|| self.procedure_of(dossier).map(|p| p.deadline))
    }
    /// The scenario's entry for a scripted dossier.
    pub fn scripted_of(&self, dossier: &Dossier) -> Option<&ScriptedDossier> {
        let id = dossier.scripted_id.as_deref()?;
        self.scenario
            .dossiers
            .scripted
            .iter()
            .find(|s| s.id.as_deref() == Some(id))
    }
    /// The next moment something happens without the trainee: an arrival, a reply,
    /// a finished verification, a scripted event, or the end of the period.
    pub fn next_event_at(&self) -> NaiveDateTime {
        self.next_timer()
            .filter(|t| *t < self.period_end)
            .unwrap_or(self.period_end)
    }

    /// The right next step on dossier `code` when it is the trainee's to take: the
    /// practice-mode hint. Derived from the truth, so exam mode never shows it.
    pub fn hint(&self, code: &str) -> Option<Action> {
        let i = self.index(code)?;
        let action = policy::next_step(self, i)?;
        let duty = rules::duty_of(&action, &self.states[i]);
        roles::trainee_plays(self.scenario.meta.role, duty).then_some(action)
    }

    fn index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    fn emit(&mut self, at: NaiveDateTime, actor: Actor, what: Happened) {
        let i = what.dossier().and_then(|code| self.index(code));
        self.events.push(Event { at, actor, what });
        if let Some(i) = i {
            self.touched[i] = at;
            self.wake_colleagues(i, at);
        }
    }
}

//! The simulation: state = replay(scenario, seed, action log).
//!
//! `Session::new` draws the dossiers; `apply` checks an action against the rules of
//! the desk, performs it, moves simulated time by its cost and lets the simulated
//! people (citizen, specialist, leader, desk, post) act on their timers. A rejected
//! action changes nothing. Pure: no wall clock, no I/O, no global RNG.

pub mod action;
mod clock;
mod codes;
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
mod seen;
pub mod solver;
pub mod state;
pub mod status;
mod timers;
mod urgency;

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::collections::BTreeSet;

use chrono::NaiveDateTime;

pub use action::{Action, Decision, Item, ResultChannel, WaitUntil};
pub use cure::supplied;
pub use event::{Actor, Code, Event, Happened, List};
pub use rejection::{Rejection, RejectionCode};
pub use replay::{ReplayError, replay};
pub use state::{Closure, DossierState, Pending};
pub use status::Status;

use crate::calendar::WorkCalendar;
use crate::generate::{Competence, Dossier, Plan, Planned};
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
pub const WORLD_VERSION: u32 = 5;

/// Grace before the period's end: a dossier that became the trainee's work in the
/// last hour is not counted as left unfinished.
pub const UNFINISHED_GRACE_MINUTES: u64 = 60;

/// Room reserved up front in the event and action logs, per planned dossier: a
/// little more than a complete attempt logs (about 14.5 events and 9.2 actions a
/// dossier for the reference solver). Growing a log by doubling copies it and, at the
/// moment of the copy, holds both buffers; pages reserved and never written cost no
/// memory (docs/performance.md).
const EVENTS_PER_DOSSIER: usize = 16;
const ACTIONS_PER_DOSSIER: usize = 10;

#[derive(Debug, Clone)]
pub struct Session {
    scenario: Scenario,
    calendar: WorkCalendar,
    seed: u64,
    /// Every dossier as planned, by submission time; its details are drawn into
    /// `dossiers` the first time they are needed.
    plan: Plan,
    /// Boxed: one word a dossier while its details are not held (most of the period's
    /// dossiers at any moment) instead of a whole `Dossier` (docs/performance.md).
    dossiers: Vec<OnceCell<Box<Dossier>>>,
    /// Each dossier's code as its events share it, made at its first event.
    codes: Vec<OnceCell<event::Code>>,
    by_code: codes::ByCode,
    /// Where each dossier belongs, worked out once (a supplement cannot change it).
    competence: Vec<OnceCell<Competence>>,
    states: Vec<DossierState>,
    /// Arrived, not closed and not waiting for the citizen: where the work can be,
    /// filed by urgency.
    active: urgency::Active,
    /// When each dossier last changed (for the unfinished grace).
    touched: Vec<NaiveDateTime>,
    now: NaiveDateTime,
    period_end: NaiveDateTime,
    rules: RuleSet,
    outage_until: Option<NaiveDateTime>,
    /// Timers not fired yet, by moment (arrivals excepted).
    timers: BTreeSet<timers::Timer>,
    /// The next dossier to arrive: arrivals come in plan order.
    next_arrival: usize,
    events: Vec<Event>,
    actions: Vec<Action>,
    ended: bool,
    /// The office span of a working day the clock last stood in (`clock.rs`).
    open_span: Cell<Option<(NaiveDateTime, NaiveDateTime)>>,
    /// The dossier the last look-up by code found: actions on one dossier come in
    /// runs (open, inspect each component, accept), so it is tried first.
    last_found: Cell<Option<usize>>,
}

impl Session {
    /// A fresh attempt: the dossiers of `seed`, the clock at the period's start.
    pub fn new(scenario: &Scenario, seed: u64) -> Session {
        let calendar = WorkCalendar::for_scenario(scenario);
        let plan = Plan::new(scenario, &calendar, seed);
        let start = calendar.next_opening(scenario.meta.start);
        let last_day = calendar.period_day(
            scenario.meta.start.date(),
            scenario.meta.working_days.max(1),
        );
        let period_end = calendar.close_of(last_day);
        let n = plan.len();
        let mut session = Session {
            rules: scenario.meta.rules,
            scenario: scenario.clone(),
            calendar,
            seed,
            states: fresh(n),
            active: urgency::Active::new(
                n,
                scenario.procedures.len() + scenario.dossiers.scripted.len(),
            ),
            touched: vec![start; n],
            by_code: codes::ByCode::new(plan.dossiers()),
            dossiers: fresh(n),
            codes: fresh(n),
            competence: fresh(n),
            plan,
            now: start,
            period_end,
            outage_until: None,
            timers: BTreeSet::new(),
            next_arrival: 0,
            events: Vec::with_capacity(n.saturating_mul(EVENTS_PER_DOSSIER)),
            actions: Vec::with_capacity(n.saturating_mul(ACTIONS_PER_DOSSIER)),
            ended: false,
            open_span: Cell::new(None),
            last_found: Cell::new(None),
        };
        session.schedule_start();
        session.settle();
        session
    }

    /// Check, perform and log one action; returns a copy of the events it caused.
    /// On `Err` nothing changed.
    pub fn apply(&mut self, action: Action) -> Result<Vec<Event>, Rejection> {
        let before = self.events.len();
        self.step(action)?;
        Ok(self.events[before..].to_vec())
    }

    /// `apply` without copying the events out (they are in `events()`): what a
    /// replay, the solver and the screens use.
    pub fn step(&mut self, action: Action) -> Result<(), Rejection> {
        let action = self.step_unlogged(action)?;
        self.actions.push(action);
        Ok(())
    }

    /// `step` without keeping the action in the session's log: it is handed back to
    /// a caller that writes the log as it goes (`motcua solve`, so the log of a large
    /// period is never held whole), and `actions()` lacks it.
    pub fn step_unlogged(&mut self, action: Action) -> Result<Action, Rejection> {
        let i = self.checked_index(&action)?;
        self.perform_trainee(&action, i);
        self.settle();
        Ok(action)
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
    /// Every dossier of the attempt, also those not arrived yet (with their truth):
    /// draws the details of any not drawn yet.
    pub fn all_dossiers(&self) -> Vec<&Dossier> {
        (0..self.plan.len()).map(|i| self.dossier(i)).collect()
    }
    /// The plan of the period: every dossier's moment, number of the day, procedure
    /// and flaws (its code: `Session::code`).
    pub fn plan(&self) -> &[Planned] {
        self.plan.dossiers()
    }
    /// Dossiers that have arrived, with their state, in arrival order.
    pub fn queue(&self) -> impl Iterator<Item = (&Dossier, &DossierState)> {
        self.states[..self.next_arrival]
            .iter()
            .enumerate()
            .map(|(i, s)| (self.dossier(i), s))
    }
    /// Dossiers that have arrived as planned, with their index and state, in arrival
    /// order: what a listing needs, without drawing any details.
    pub fn arrived(&self) -> impl Iterator<Item = (usize, &Planned, &DossierState)> {
        let plan = &self.plan.dossiers()[..self.next_arrival];
        plan.iter()
            .zip(&self.states)
            .enumerate()
            .map(|(i, (p, s))| (i, p, s))
    }
    /// Dossier `i` (in plan order) with every detail; `None` past the end.
    pub fn details(&self, i: usize) -> Option<&Dossier> {
        (i < self.plan.len()).then(|| self.dossier(i))
    }
    pub fn find(&self, code: &str) -> Option<(&Dossier, &DossierState)> {
        let i = self.index(code)?;
        Some((self.dossier(i), &self.states[i]))
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
    /// `scripted_of` dossier `i`, read from the plan: no details drawn.
    pub(super) fn scripted_at(&self, i: usize) -> Option<&ScriptedDossier> {
        let scripted = &self.scenario.dossiers.scripted;
        let id = scripted
            .get(self.plan.dossiers()[i].scripted?)?
            .id
            .as_deref()?;
        scripted.iter().find(|s| s.id.as_deref() == Some(id))
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
        if let Some(last) = self.last_found.get()
            && self.code(last) == code
        {
            return Some(last);
        }
        let found =
            self.by_code
                .index(self.plan.dossiers(), &self.scenario.office.unit_code, code)?;
        self.last_found.set(Some(found));
        Some(found)
    }

    /// Dossier `i` with every detail, drawn the first time it is asked for.
    fn dossier(&self, i: usize) -> &Dossier {
        self.dossiers[i].get_or_init(|| Box::new(self.draw(i)))
    }

    /// Dossier `i` with every detail, without keeping it: the one kept when it was
    /// drawn before, else drawn now and dropped by the caller. The score walks every
    /// dossier once; keeping them all would hold the whole period's details at once.
    fn drawn(&self, i: usize) -> Cow<'_, Dossier> {
        match self.dossiers[i].get() {
            Some(d) => Cow::Borrowed(&**d),
            None => Cow::Owned(self.draw(i)),
        }
    }

    /// Dossier `i` as drawn now: as generated, with what the citizen supplied so far.
    fn draw(&self, i: usize) -> Dossier {
        // The plan and the scenario are the session's own: every index draws.
        let mut d = self
            .plan
            .draw(&self.scenario, i)
            .unwrap_or_else(|| placeholder(&self.plan.dossiers()[i], self.code(i)));
        cure::resupply(self, i, &mut d);
        d
    }

    /// File dossier `i` among the active ones, by its due moment once accepted.
    fn activate(&mut self, i: usize) {
        let slot = match self.states[i].due {
            Some(due) => urgency::Slot::Due(due),
            None => urgency::Slot::Fresh(self.fresh_group(i)),
        };
        self.active.insert(i, slot);
    }

    /// The group of one time limit dossier `i` is filed in before acceptance: its
    /// procedure's, or its own when it is scripted (it may carry a time limit of its own).
    fn fresh_group(&self, i: usize) -> usize {
        let planned = &self.plan.dossiers()[i];
        match planned.scripted {
            Some(j) => self.scenario.procedures.len() + j,
            None => planned.procedure,
        }
    }

    /// Dossier `i`'s due moment is `due` now.
    fn set_due(&mut self, i: usize, due: NaiveDateTime) {
        self.states[i].due = Some(due);
        if self.active.contains(i) {
            self.activate(i);
        }
    }

    /// The code of dossier `i`, from the plan (no details drawn); written the first
    /// time it is asked for, then shared by the dossier's events.
    pub fn code(&self, i: usize) -> &str {
        self.shared_code(i)
    }

    /// The code of dossier `i`, to put in an event (one copy shared by its events).
    fn event_code(&self, i: usize) -> event::Code {
        self.shared_code(i).clone()
    }

    fn shared_code(&self, i: usize) -> &event::Code {
        self.codes[i].get_or_init(|| self.plan.code(i).unwrap_or_default().into())
    }

    /// Log an event about no dossier.
    fn emit(&mut self, at: NaiveDateTime, actor: Actor, what: Happened) {
        debug_assert!(
            what.dossier().is_none(),
            "an event about a dossier: emit_on"
        );
        self.events.push(Event { at, actor, what });
    }

    /// Log an event about dossier `i` (the one its code names: the caller knows the
    /// index, so no look-up by code), and let the colleagues act on it.
    fn emit_on(&mut self, i: usize, at: NaiveDateTime, actor: Actor, what: Happened) {
        debug_assert_eq!(what.dossier(), Some(self.code(i)));
        self.events.push(Event { at, actor, what });
        self.touched[i] = at;
        self.wake_colleagues(i, at);
    }
}

/// `n` default values, each made in place: `vec![x; n]` clones `x` field by field,
/// which cost more than building it for a dossier state.
fn fresh<T: Default>(n: usize) -> Vec<T> {
    std::iter::repeat_with(T::default).take(n).collect()
}

/// What stands for a dossier whose procedure is gone: never, since the plan only
/// names procedures of the session's own scenario.
fn placeholder(p: &Planned, code: &str) -> Dossier {
    Dossier {
        code: code.to_string(),
        procedure: "".into(),
        channel: p.channel,
        result_channel: crate::scenario::ResultChannel::Counter,
        submitted_at: p.submitted_at,
        scripted_id: None,
        parties: Default::default(),
        components: Vec::new(),
        truth: Default::default(),
    }
}

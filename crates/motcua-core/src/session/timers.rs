//! Simulated time: moving the clock and firing what was due on the way, in order.
//!
//! Arrivals come in plan order (the plan is sorted by moment), so one cursor stands
//! for all of them; the other timers sit in one ordered set. At the same moment an
//! arrival fires first, as the set's order (`TimerKind::Arrival` first) would have it.
//! A timer may go stale (a withdrawn dossier's reply); firing checks it still applies.

use chrono::NaiveDateTime;

use crate::calendar::WorkCalendar;
use crate::scenario::{DayTime, Scenario};

use super::Session;
use super::event::{Actor, Happened};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum TimerKind {
    Arrival,
    Scripted,
    Reply,
    Verify,
    Payment,
    Npc,
    OutageEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Timer {
    pub at: NaiveDateTime,
    pub kind: TimerKind,
    /// Dossier index, or scripted-event index.
    pub index: usize,
}

/// `dayN HH:MM` of the scenario as a moment.
pub(super) fn day_time(calendar: &WorkCalendar, s: &Scenario, at: DayTime) -> NaiveDateTime {
    calendar
        .period_day(s.meta.start.date(), at.day)
        .and_time(at.time)
}

impl Session {
    pub(super) fn schedule(&mut self, at: NaiveDateTime, kind: TimerKind, index: usize) {
        self.timers.insert(Timer { at, kind, index });
    }

    /// Scripted events, known from the start (arrivals follow the plan).
    pub(super) fn schedule_start(&mut self) {
        for j in 0..self.scenario.events.len() {
            let at = day_time(&self.calendar, &self.scenario, self.scenario.events[j].at);
            self.schedule(at, TimerKind::Scripted, j);
        }
    }

    pub(super) fn next_timer(&self) -> Option<NaiveDateTime> {
        let first = match (self.next_arrival_timer(), self.timers.first()) {
            (Some(a), Some(t)) => Some(a.min(*t)),
            (a, t) => a.or(t.copied()),
        };
        first.map(|t| t.at.max(self.now))
    }

    /// The arrival of the next dossier, as a timer.
    fn next_arrival_timer(&self) -> Option<Timer> {
        let d = self.plan.dossiers().get(self.next_arrival)?;
        Some(Timer {
            at: d.submitted_at,
            kind: TimerKind::Arrival,
            index: self.next_arrival,
        })
    }

    /// The first timer of all, taken out of its place.
    fn pop_timer(&mut self, due: impl Fn(&Timer) -> bool) -> Option<Timer> {
        let arrival = self.next_arrival_timer().filter(&due);
        let other = self.timers.first().copied().filter(&due);
        match (arrival, other) {
            (Some(a), Some(t)) if t < a => self.timers.pop_first(),
            (Some(a), _) => {
                self.next_arrival += 1;
                Some(a)
            }
            (None, Some(_)) => self.timers.pop_first(),
            (None, None) => None,
        }
    }

    /// Move the clock to `target` (never past the period's end) and fire what is due.
    pub(super) fn advance_to(&mut self, target: NaiveDateTime) {
        // The desk acts only in office time: a wait that ends at 17:00 resumes at the next opening.
        let target = self.opening(target.max(self.now));
        self.now = target.min(self.period_end);
        self.settle();
    }

    /// Fire every timer up to now, in time order; end the period when it is over.
    pub(super) fn settle(&mut self) {
        let (now, end) = (self.now, self.period_end);
        while let Some(t) = self.pop_timer(|t| t.at <= now && t.at < end) {
            self.fire(t);
        }
        if self.now >= self.period_end && !self.ended {
            self.end_period();
        }
    }

    fn fire(&mut self, t: Timer) {
        match t.kind {
            TimerKind::Arrival => self.arrive(t.index),
            TimerKind::Scripted => self.scripted_event(t.index, t.at),
            TimerKind::Reply => {
                let due = self.states[t.index]
                    .pending
                    .as_ref()
                    .and_then(|p| p.reply_at);
                if due == Some(t.at) {
                    self.reply(t.index, t.at);
                }
            }
            TimerKind::Verify => self.verify(t.index, t.at),
            TimerKind::Payment => {
                let s = &self.states[t.index];
                if !s.paid && s.pay_at == Some(t.at) && !s.is_closed() {
                    self.paid(t.index, true, Actor::Citizen, t.at);
                }
            }
            TimerKind::Npc => self.npc_turn(t.index, t.at),
            TimerKind::OutageEnd => {
                if self.outage_until == Some(t.at) {
                    self.outage_until = None;
                    self.emit(t.at, Actor::System, Happened::OutageEnded);
                }
            }
        }
    }

    fn arrive(&mut self, i: usize) {
        let dossier = self.event_code(i);
        let d = self.dossier(i);
        let what = Happened::Arrived {
            dossier,
            procedure: d.procedure.to_string(),
            channel: d.channel,
            flaws: d.truth.flaws.clone().into(),
        };
        let at = d.submitted_at;
        let flaws = d.truth.flaws.clone();
        self.states[i].arrived = true;
        self.activate(i);
        self.states[i].open_flaws = flaws;
        self.emit_on(i, at, Actor::Citizen, what);
    }

    fn end_period(&mut self) {
        self.ended = true;
        let end = self.period_end;
        let unfinished = (0..self.plan.len())
            .filter(|&i| self.left_unfinished(i))
            .map(|i| self.code(i).to_string())
            .collect();
        self.emit(end, Actor::System, Happened::PeriodEnded { unfinished });
    }

    /// Waiting on the trainee at the end, and for longer than the grace.
    fn left_unfinished(&self, i: usize) -> bool {
        let s = &self.states[i];
        if !s.arrived || s.is_closed() || !self.trainee_owes(i) {
            return false;
        }
        let since = self.touched[i].max(self.dossier(i).submitted_at);
        let waited = self.calendar.office_minutes_between(since, self.period_end);
        waited >= super::UNFINISHED_GRACE_MINUTES
    }
}

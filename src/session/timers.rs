//! Simulated time: moving the clock and firing what was due on the way, in order.
//!
//! Timers sit in one ordered set. A timer may go stale (a withdrawn dossier's
//! reply); firing checks it still applies.

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

    /// Arrivals and scripted events, known from the start.
    pub(super) fn schedule_start(&mut self) {
        for i in 0..self.dossiers.len() {
            self.schedule(self.dossiers[i].submitted_at, TimerKind::Arrival, i);
        }
        for j in 0..self.scenario.events.len() {
            let at = day_time(&self.calendar, &self.scenario, self.scenario.events[j].at);
            self.schedule(at, TimerKind::Scripted, j);
        }
    }

    pub(super) fn next_timer(&self) -> Option<NaiveDateTime> {
        self.timers.first().map(|t| t.at.max(self.now))
    }

    /// Move the clock to `target` (never past the period's end) and fire what is due.
    pub(super) fn advance_to(&mut self, target: NaiveDateTime) {
        // The desk acts only in office time: a wait that ends at 17:00 resumes at the next opening.
        let target = self.calendar.next_opening(target.max(self.now));
        self.now = target.min(self.period_end);
        self.settle();
    }

    /// Fire every timer up to now, in time order; end the period when it is over.
    pub(super) fn settle(&mut self) {
        while let Some(t) = self.timers.first().copied() {
            if t.at > self.now || t.at >= self.period_end {
                break;
            }
            self.timers.pop_first();
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
        let d = &self.dossiers[i];
        let what = Happened::Arrived {
            dossier: d.code.clone(),
            procedure: d.procedure.clone(),
            channel: d.channel,
            flaws: d.truth.flaws.clone(),
        };
        let at = d.submitted_at;
        self.states[i].arrived = true;
        self.active.insert(i);
        self.states[i].open_flaws = d.truth.flaws.clone();
        self.emit(at, Actor::Citizen, what);
    }

    fn end_period(&mut self) {
        self.ended = true;
        let end = self.period_end;
        let unfinished = (0..self.dossiers.len())
            .filter(|&i| self.left_unfinished(i))
            .map(|i| self.dossiers[i].code.clone())
            .collect();
        self.emit(end, Actor::System, Happened::PeriodEnded { unfinished });
    }

    /// Waiting on the trainee at the end, and for longer than the grace.
    fn left_unfinished(&self, i: usize) -> bool {
        let s = &self.states[i];
        if !s.arrived || s.is_closed() || !self.trainee_owes(i) {
            return false;
        }
        let since = self.touched[i].max(self.dossiers[i].submitted_at);
        let waited = self.calendar.office_minutes_between(since, self.period_end);
        waited >= super::UNFINISHED_GRACE_MINUTES
    }
}

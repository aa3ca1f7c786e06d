//! Deadline arithmetic (docs/calendar.md): when a dossier counts as received, when it
//! is due, and the day-by-day explanation of both.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{DayOff, EntryKind, WorkCalendar, days_from};
use crate::scenario::Deadline;

/// Why the receipt moment is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "reason")]
pub enum ReceiptReason {
    /// Inside office hours of a working day: received at once.
    InOfficeHours,
    /// A working day outside office hours (before opening, at lunch, after closing).
    OutsideOfficeHours,
    /// A same-day procedure accepted after the cutoff: received the next working day.
    AfterCutoff,
    /// The Saturday-morning desk: open, but Saturday is not a working day.
    SaturdayDesk,
    /// A day off.
    DayOff { off: DayOff },
}

/// One day of the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum DayStep {
    /// The n-th working day of the period; `make_up` for a make-up workday.
    Counted {
        date: NaiveDate,
        n: u32,
        make_up: bool,
    },
    /// Not counted, and why.
    Skipped { date: NaiveDate, off: DayOff },
    /// Minutes of office time used on this day (working-hours deadlines).
    Hours { date: NaiveDate, minutes: u64 },
}

/// Everything the `due --explain` command shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub accepted_at: NaiveDateTime,
    pub receipt: NaiveDateTime,
    pub reason: ReceiptReason,
    /// Days off between acceptance and the receipt day (acceptance day included
    /// when it is off): why the clock started later.
    pub before_receipt: Vec<DayStep>,
    /// Days of the period: after the receipt day for working days, from the
    /// receipt day for working hours, none for same-day.
    pub days: Vec<DayStep>,
    pub due: NaiveDateTime,
}

impl WorkCalendar {
    fn after_cutoff(&self, t: NaiveDateTime, deadline: &Deadline) -> bool {
        matches!(deadline, Deadline::SameDay)
            && self.is_working_day(t.date())
            && t.time() > self.hours.same_day_cutoff
    }

    /// When a dossier accepted at `accepted_at` counts as received: at once
    /// inside office hours of a working day, otherwise at the next opening on
    /// a working day. A same-day procedure accepted after the cutoff counts
    /// from the next working day's opening.
    pub fn receipt_moment(&self, accepted_at: NaiveDateTime, deadline: &Deadline) -> NaiveDateTime {
        if self.after_cutoff(accepted_at, deadline) {
            return self.opening_after(accepted_at.date());
        }
        self.next_opening(accepted_at)
    }

    /// Why `receipt_moment` gives what it gives.
    pub fn receipt_reason(&self, accepted_at: NaiveDateTime, deadline: &Deadline) -> ReceiptReason {
        let date = accepted_at.date();
        if let Some(off) = self.day_off(date) {
            return if self.is_saturday_desk(accepted_at) {
                ReceiptReason::SaturdayDesk
            } else {
                ReceiptReason::DayOff { off }
            };
        }
        if self.after_cutoff(accepted_at, deadline) && accepted_at < self.close_of(date) {
            ReceiptReason::AfterCutoff
        } else if self.is_office_time(accepted_at) {
            ReceiptReason::InOfficeHours
        } else {
            ReceiptReason::OutsideOfficeHours
        }
    }

    /// The due moment of a dossier accepted at `accepted_at`:
    /// - `working_days = N`: close of office hours on the N-th working day
    ///   after the receipt day, the receipt day not counted;
    /// - `same_day`: close of office hours on the receipt day;
    /// - `working_hours = H`: H hours of office time after the receipt moment.
    pub fn due(&self, accepted_at: NaiveDateTime, deadline: &Deadline) -> NaiveDateTime {
        let receipt = self.receipt_moment(accepted_at, deadline);
        match *deadline {
            Deadline::SameDay => self.close_of(receipt.date()),
            Deadline::WorkingDays(n) => {
                self.close_of(self.nth_working_day_after(receipt.date(), n))
            }
            Deadline::WorkingHours(h) => self.add_office_minutes(receipt, u64::from(h) * 60),
        }
    }

    /// The receipt moment, the due moment, and every day in between: counted,
    /// skipped (with the reason), or the office minutes it contributed.
    pub fn explain(&self, accepted_at: NaiveDateTime, deadline: &Deadline) -> Explanation {
        let receipt = self.receipt_moment(accepted_at, deadline);
        let due = self.due(accepted_at, deadline);
        let days = match *deadline {
            Deadline::SameDay => Vec::new(),
            Deadline::WorkingDays(_) => self.counted_days(receipt.date(), due.date()),
            Deadline::WorkingHours(_) => self.hour_days(receipt, due),
        };
        Explanation {
            accepted_at,
            receipt,
            reason: self.receipt_reason(accepted_at, deadline),
            before_receipt: self.skipped_days(accepted_at.date(), receipt.date()),
            days,
            due,
        }
    }

    /// Days off from `from` up to, not including, `until`.
    fn skipped_days(&self, from: NaiveDate, until: NaiveDate) -> Vec<DayStep> {
        days_from(from)
            .take_while(|d| *d < until)
            .filter_map(|date| {
                Some(DayStep::Skipped {
                    date,
                    off: self.day_off(date)?,
                })
            })
            .collect()
    }

    /// Days after `receipt_day` up to `due_day`, counted or skipped.
    fn counted_days(&self, receipt_day: NaiveDate, due_day: NaiveDate) -> Vec<DayStep> {
        let mut n = 0;
        let mut steps = Vec::new();
        for date in days_from(receipt_day).skip(1).take_while(|d| *d <= due_day) {
            match self.day_off(date) {
                Some(off) => steps.push(DayStep::Skipped { date, off }),
                None => {
                    n += 1;
                    let make_up = self
                        .entry(date)
                        .is_some_and(|e| matches!(e.kind, EntryKind::MakeUp { .. }));
                    steps.push(DayStep::Counted { date, n, make_up });
                }
            }
        }
        steps
    }

    /// Days from the receipt moment to the due moment with the office minutes each gave.
    fn hour_days(&self, receipt: NaiveDateTime, due: NaiveDateTime) -> Vec<DayStep> {
        let mut steps = Vec::new();
        for date in days_from(receipt.date()).take_while(|d| *d <= due.date()) {
            match self.day_off(date) {
                Some(off) => steps.push(DayStep::Skipped { date, off }),
                None => {
                    let start = receipt.max(date.and_time(chrono::NaiveTime::MIN));
                    let end = due.min(self.close_of(date));
                    let minutes = self.office_minutes_between(start, end);
                    steps.push(DayStep::Hours { date, minutes });
                }
            }
        }
        steps
    }
}

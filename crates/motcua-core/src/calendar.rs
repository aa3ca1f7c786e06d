//! Working days, office hours and deadline arithmetic for Vietnamese offices (docs/calendar.md).
//!
//! Pure: no wall clock, no prose. Times are Vietnam local time (UTC+7) as
//! `NaiveDateTime`. A date is a working day unless it is a weekly rest day
//! (Saturday, Sunday), a built-in public holiday of Bộ luật Lao động 2019
//! Điều 112 (with days in lieu and the year's swapped days), or an extra
//! holiday of the scenario. Make-up workdays (làm bù) are full working days.
//! The scenario's lists win over the built-in calendar.
//!
//! - `lunar`: the Vietnamese lunar calendar (Tết, Giỗ Tổ).
//! - `official`: the yearly schedules in data/holidays.toml.
//! - `holidays`: statutory days by schedule or rule, days in lieu, swaps.
//! - `hours`: office hours and office-time arithmetic.
//! - `deadline`: receipt moment, due moment, and the explanation of both.

pub mod day;
pub mod deadline;
pub mod holidays;
pub mod hours;
pub mod lunar;
pub mod official;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

pub use day::{CalendarEntry, DayOff, DayOffKind, EntryKind, HolidayName, Source};
pub use deadline::{DayStep, Explanation, ReceiptReason};
pub use holidays::YEARS;
pub use hours::OfficeHours;

use crate::scenario::Scenario;

/// Longest walk over the calendar, in days (about 400 years): every search
/// stops here, so absurd inputs give a clamped answer instead of a hang.
const MAX_WALK_DAYS: usize = 366 * 400;

#[derive(Debug, Clone)]
pub struct WorkCalendar {
    /// Normalised by `new`: spans sorted, overlaps merged, never empty.
    pub hours: OfficeHours,
    extra_holidays: BTreeSet<NaiveDate>,
    extra_workdays: BTreeSet<NaiveDate>,
}

impl Default for WorkCalendar {
    /// The built-in calendar with the default office hours.
    fn default() -> Self {
        WorkCalendar::new(OfficeHours::default(), &[], &[])
    }
}

impl WorkCalendar {
    /// The built-in Vietnamese calendar plus extra days off and make-up workdays.
    /// A date in `extra_workdays` is a working day whatever else it is.
    pub fn new(
        hours: OfficeHours,
        extra_holidays: &[NaiveDate],
        extra_workdays: &[NaiveDate],
    ) -> Self {
        WorkCalendar {
            hours: hours.normalized(),
            extra_holidays: extra_holidays.iter().copied().collect(),
            extra_workdays: extra_workdays.iter().copied().collect(),
        }
    }

    /// The calendar a scenario runs on: its office hours and extra days.
    pub fn for_scenario(s: &Scenario) -> Self {
        let hours = OfficeHours {
            spans: s.office.hours.clone(),
            same_day_cutoff: s.office.same_day_cutoff,
            saturday_morning: s.office.saturday_morning,
        };
        Self::new(hours, &s.calendar.holidays, &s.calendar.workdays)
    }

    /// How `date` differs from an ordinary week, if it does: a weekday off, a
    /// make-up workday, or a holiday (also one on a weekend). `None` for an
    /// ordinary weekday or weekend day.
    pub fn entry(&self, date: NaiveDate) -> Option<CalendarEntry> {
        let built_in = holidays::built_in(date);
        if self.extra_workdays.contains(&date) {
            // Already a built-in make-up day: keep its name and source.
            if let Some(e) = built_in.filter(|e| e.day_off().is_none()) {
                return Some(e);
            }
            let otherwise_off = holidays::is_weekend(date) || built_in.is_some();
            return otherwise_off.then_some(CalendarEntry {
                date,
                kind: EntryKind::MakeUp {
                    holiday: None,
                    instead_of: None,
                },
                source: Source::Scenario,
            });
        }
        if self.extra_holidays.contains(&date) {
            return Some(CalendarEntry {
                date,
                kind: EntryKind::Off {
                    off: DayOffKind::ScenarioHoliday,
                },
                source: Source::Scenario,
            });
        }
        built_in
    }

    /// Why `date` is not a working day, or `None` when it is one.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        match self.entry(date) {
            Some(e) => e.day_off(),
            None if holidays::is_weekend(date) => Some(DayOff {
                kind: DayOffKind::Weekend,
                source: Source::Rule,
            }),
            None => None,
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.day_off(d).is_none()
    }

    /// The n-th working day (1-based) counting `start` itself when it is one.
    pub fn period_day(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let n = n.max(1);
        let mut seen = 0;
        let mut last = start;
        for d in days_from(start) {
            last = d;
            if self.is_working_day(d) {
                seen += 1;
                if seen >= n {
                    return d;
                }
            }
        }
        last
    }

    /// The n-th working day after `date`, `date` itself not counted
    /// (Bộ luật Dân sự 2015, Điều 147). `n = 0` gives `date`.
    pub fn nth_working_day_after(&self, date: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return date;
        }
        let Some(next) = date.succ_opt() else {
            return date;
        };
        self.period_day(next, n)
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        self.nth_working_day_after(date, 1)
    }

    /// The year's weekdays off and make-up workdays, by date: what the
    /// `calendar` command lists. Holidays on a weekend are left out (their day
    /// in lieu is listed).
    pub fn days_off(&self, year: i32) -> Vec<CalendarEntry> {
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter_map(|d| self.entry(d))
            .filter(|e| match e.kind {
                EntryKind::Off { .. } => !holidays::is_weekend(e.date),
                EntryKind::MakeUp { .. } => true,
            })
            .collect()
    }
}

/// Dates from `start` on, as far as the calendar walks.
fn days_from(start: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    start.iter_days().take(MAX_WALK_DAYS)
}

fn is_saturday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Sat
}

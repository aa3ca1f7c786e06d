//! Working days, office hours and deadline arithmetic for Vietnamese offices.
//!
//! PLACEHOLDER: weekends and the scenario's extra days only. The built-in
//! holidays, lunar dates and deadline arithmetic (design §4) replace this.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::scenario::{Scenario, TimeSpan};

/// When the desk is open.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeHours {
    pub spans: Vec<TimeSpan>,
    pub same_day_cutoff: NaiveTime,
    pub saturday_morning: bool,
}

impl Default for OfficeHours {
    /// 07:30–11:30 and 13:30–17:00, cutoff 15:00, closed on Saturday.
    fn default() -> Self {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        OfficeHours {
            spans: vec![
                TimeSpan {
                    from: t(7, 30),
                    to: t(11, 30),
                },
                TimeSpan {
                    from: t(13, 30),
                    to: t(17, 0),
                },
            ],
            same_day_cutoff: t(15, 0),
            saturday_morning: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct WorkCalendar {
    pub hours: OfficeHours,
    extra_holidays: BTreeSet<NaiveDate>,
    extra_workdays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    pub fn new(
        hours: OfficeHours,
        extra_holidays: &[NaiveDate],
        extra_workdays: &[NaiveDate],
    ) -> Self {
        WorkCalendar {
            hours,
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

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.extra_workdays.contains(&d) {
            return true;
        }
        if self.extra_holidays.contains(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The n-th working day (1-based) counting `start` itself when it is one.
    pub fn period_day(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut seen = 0;
        loop {
            if self.is_working_day(d) {
                seen += 1;
                if seen >= n.max(1) {
                    return d;
                }
            }
            d = d.succ_opt().unwrap_or(d);
        }
    }

    /// Whether the desk is open at `t`.
    pub fn is_office_time(&self, t: NaiveDateTime) -> bool {
        self.is_working_day(t.date())
            && self
                .hours
                .spans
                .iter()
                .any(|s| s.from <= t.time() && t.time() < s.to)
    }
}

//! Office hours and office-time arithmetic.
//!
//! "Office time" is time inside the office spans of a working day. The
//! Saturday-morning desk is open (`is_office_time`) but its time does not
//! count: Saturday is not a working day unless it is a make-up workday.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::{DayOffKind, WorkCalendar, days_from, is_saturday};
use crate::scenario::TimeSpan;

/// When the desk is open.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeHours {
    pub spans: Vec<TimeSpan>,
    pub same_day_cutoff: NaiveTime,
    pub saturday_morning: bool,
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// The Saturday-morning desk closes at noon at the latest.
fn noon() -> NaiveTime {
    hm(12, 0)
}

impl Default for OfficeHours {
    /// 07:30–11:30 and 13:30–17:00, cutoff 15:00, closed on Saturday.
    fn default() -> Self {
        OfficeHours {
            spans: vec![
                TimeSpan {
                    from: hm(7, 30),
                    to: hm(11, 30),
                },
                TimeSpan {
                    from: hm(13, 30),
                    to: hm(17, 0),
                },
            ],
            same_day_cutoff: hm(15, 0),
            saturday_morning: false,
        }
    }
}

impl OfficeHours {
    /// Spans sorted, overlapping or touching ones merged, empty ones dropped.
    /// Without any span left the default spans apply (a scenario with no
    /// office hours is rejected by its validator; this only keeps the
    /// arithmetic total).
    pub fn normalized(mut self) -> Self {
        let mut spans: Vec<TimeSpan> = self.spans.into_iter().filter(|s| s.from < s.to).collect();
        spans.sort_by_key(|s| (s.from, s.to));
        let mut merged: Vec<TimeSpan> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.from <= last.to => last.to = last.to.max(s.to),
                _ => merged.push(s),
            }
        }
        self.spans = if merged.is_empty() {
            OfficeHours::default().spans
        } else {
            merged
        };
        self
    }

    /// Opening time of the day.
    pub fn opening(&self) -> NaiveTime {
        self.spans.first().map_or_else(|| hm(7, 30), |s| s.from)
    }

    /// Closing time of the day.
    pub fn closing(&self) -> NaiveTime {
        self.spans.last().map_or_else(|| hm(17, 0), |s| s.to)
    }

    fn contains(&self, t: NaiveTime) -> bool {
        self.spans.iter().any(|s| s.from <= t && t < s.to)
    }
}

impl WorkCalendar {
    /// Office spans of `date` as moments, none when it is not a working day.
    fn office_spans(
        &self,
        date: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDateTime, NaiveDateTime)> + '_ {
        let spans = if self.is_working_day(date) {
            self.hours.spans.as_slice()
        } else {
            &[]
        };
        spans
            .iter()
            .map(move |s| (date.and_time(s.from), date.and_time(s.to)))
    }

    /// Whether the desk is open at `t`: office hours of a working day, or the
    /// morning spans of an ordinary Saturday when the office has a Saturday desk.
    pub fn is_office_time(&self, t: NaiveDateTime) -> bool {
        if !self.hours.contains(t.time()) {
            return false;
        }
        self.is_working_day(t.date()) || self.is_saturday_desk(t)
    }

    /// Whether `t` is at the Saturday-morning desk (open, but not a working day).
    pub fn is_saturday_desk(&self, t: NaiveDateTime) -> bool {
        self.hours.saturday_morning
            && is_saturday(t.date())
            && t.time() < noon()
            && self.hours.contains(t.time())
            && self
                .day_off(t.date())
                .is_some_and(|d| d.kind == DayOffKind::Weekend)
    }

    /// `t` itself when it is office time of a working day, else the next
    /// moment that is: the afternoon opening after lunch, the same day's
    /// opening before it, the next working day's opening after closing.
    pub fn next_opening(&self, t: NaiveDateTime) -> NaiveDateTime {
        for d in days_from(t.date()) {
            for (from, to) in self.office_spans(d) {
                if t < to {
                    return t.max(from);
                }
            }
        }
        t
    }

    /// The opening of the first working day after `date`.
    pub fn opening_after(&self, date: NaiveDate) -> NaiveDateTime {
        self.next_working_day(date).and_time(self.hours.opening())
    }

    /// The close of office hours on `date`.
    pub fn close_of(&self, date: NaiveDate) -> NaiveDateTime {
        date.and_time(self.hours.closing())
    }

    /// The moment when `minutes` of office time have passed since `t`. A
    /// result at the end of a span stays there (17:00, not the next opening).
    pub fn add_office_minutes(&self, t: NaiveDateTime, minutes: u64) -> NaiveDateTime {
        let mut left = i64::try_from(minutes.saturating_mul(60)).unwrap_or(i64::MAX);
        if left == 0 {
            return t;
        }
        let mut reached = t;
        for d in days_from(t.date()) {
            for (from, to) in self.office_spans(d) {
                let start = t.max(from);
                if start >= to {
                    continue;
                }
                let available = (to - start).num_seconds();
                if available >= left {
                    return start + TimeDelta::seconds(left);
                }
                left -= available;
                reached = to;
            }
        }
        reached
    }

    /// Whole minutes of office time in `[a, b)`; 0 when `b` is not after `a`.
    pub fn office_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> u64 {
        if b <= a {
            return 0;
        }
        let mut seconds: i64 = 0;
        for d in days_from(a.date()).take_while(|d| *d <= b.date()) {
            for (from, to) in self.office_spans(d) {
                let (start, end) = (from.max(a), to.min(b));
                if end > start {
                    seconds += (end - start).num_seconds();
                }
            }
        }
        u64::try_from(seconds / 60).unwrap_or(0)
    }
}

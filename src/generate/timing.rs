//! When dossiers arrive: counter and post inside office hours, online from 06:00 to
//! 23:00 on any day (evening and weekend filings test the receipt rule), never before
//! the period starts.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::calendar::WorkCalendar;
use crate::scenario::{Channel, DayTime, TimeSpan};

use super::rng::SimRng;

/// Share of online filings made during office hours; the rest fall anywhere 06:00–23:00.
const ONLINE_IN_OFFICE_HOURS: f64 = 0.6;

/// The simulated period.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Period<'c> {
    pub calendar: &'c WorkCalendar,
    /// The office's opening spans (`office.hours`).
    pub hours: &'c [TimeSpan],
    pub start: NaiveDateTime,
    pub working_days: u32,
}

type Window = (NaiveDateTime, NaiveDateTime);

/// When dossiers can arrive: office hours of working days, and online hours of every day.
pub(crate) struct Windows {
    office: Vec<Window>,
    online: Vec<Window>,
}

impl Period<'_> {
    /// The start, rounded up to a whole minute: no dossier arrives before it.
    fn earliest(&self) -> NaiveDateTime {
        let whole = self.start.with_nanosecond(0).and_then(|t| t.with_second(0));
        match whole {
            Some(t) if t < self.start => t + Duration::minutes(1),
            Some(t) => t,
            None => self.start,
        }
    }

    fn last_day(&self) -> NaiveDate {
        self.calendar
            .period_day(self.start.date(), self.working_days.max(1))
    }

    /// Office hours of each working day of the period. A span the calendar does not
    /// count as open (a Saturday afternoon) is left out.
    fn office_windows(&self) -> Vec<Window> {
        // One walk over the calendar (period_day per day would be quadratic).
        let wanted = self.working_days.max(1) as usize;
        // Validation caps the period (`limits::WORKING_DAYS`); the capacity is capped
        // again so no unchecked number ever sizes an allocation.
        let cap = wanted.min(crate::limits::WORKING_DAYS as usize);
        let mut days: Vec<NaiveDate> = Vec::with_capacity(cap);
        let mut day = self.start.date();
        for _ in 0..(wanted * 4 + 60) {
            if days.len() >= wanted {
                break;
            }
            if self.calendar.is_working_day(day) {
                days.push(day);
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        days.iter()
            .flat_map(|d| {
                self.hours
                    .iter()
                    .map(move |s| (d.and_time(s.from), d.and_time(s.to)))
            })
            .map(|(from, to)| (from.max(self.earliest()), to))
            .filter(|(from, to)| from < to)
            .filter(|(from, to)| {
                let last = *to - Duration::minutes(1);
                self.calendar.is_office_time(*from) && self.calendar.is_office_time(last)
            })
            .collect()
    }

    /// 06:00–23:00 of every calendar day of the period.
    fn online_windows(&self) -> Vec<Window> {
        let (open, close) = (hm(6, 0), hm(23, 0));
        let mut out = Vec::new();
        let mut day = self.start.date();
        let last = self.last_day();
        while day <= last {
            let from = day.and_time(open).max(self.earliest());
            let to = day.and_time(close);
            if from < to {
                out.push((from, to));
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        out
    }

    /// The period's office and online windows, computed once per attempt.
    pub fn windows(&self) -> Windows {
        Windows {
            office: self.office_windows(),
            online: self.online_windows(),
        }
    }

    /// A submission time for a generated dossier of `channel`.
    pub fn draw(&self, rng: &mut SimRng, channel: Channel, windows: &Windows) -> NaiveDateTime {
        let windows = match channel {
            Channel::Online if !rng.chance(ONLINE_IN_OFFICE_HOURS) => &windows.online,
            _ => &windows.office,
        };
        pick_minute(rng, windows).unwrap_or_else(|| self.earliest())
    }

    /// Working day N of the period at the scripted clock time.
    pub fn scripted(&self, at: DayTime) -> NaiveDateTime {
        self.calendar
            .period_day(self.start.date(), at.day)
            .and_time(at.time)
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// A whole minute, uniformly over the windows.
fn pick_minute(rng: &mut SimRng, windows: &[Window]) -> Option<NaiveDateTime> {
    let minutes = |(from, to): &Window| u64::try_from((*to - *from).num_minutes()).unwrap_or(0);
    let total: u64 = windows.iter().map(minutes).sum();
    if total == 0 {
        return None;
    }
    let mut offset = rng.below_u64(total);
    for w in windows {
        let len = minutes(w);
        if offset < len {
            return Some(w.0 + Duration::minutes(i64::try_from(offset).unwrap_or(0)));
        }
        offset -= len;
    }
    None
}

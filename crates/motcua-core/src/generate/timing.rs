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
#[derive(Debug, Clone)]
pub(crate) struct Windows {
    office: Minutes,
    online: Minutes,
}

/// Windows with the running total of their minutes, so that a minute is found by
/// binary search instead of a walk over the whole period.
#[derive(Debug, Clone, Default)]
struct Minutes {
    windows: Vec<Window>,
    /// `ends[i]`: minutes of windows `0..=i`.
    ends: Vec<u64>,
}

impl Minutes {
    fn new(windows: Vec<Window>) -> Minutes {
        let mut total = 0u64;
        let ends = windows
            .iter()
            .map(|(from, to)| {
                total += u64::try_from((*to - *from).num_minutes()).unwrap_or(0);
                total
            })
            .collect();
        Minutes { windows, ends }
    }

    fn total(&self) -> u64 {
        self.ends.last().copied().unwrap_or(0)
    }

    /// Minute `offset` (`< total`) of the windows, counted from the first.
    fn at(&self, offset: u64) -> Option<NaiveDateTime> {
        let i = self.ends.partition_point(|&end| end <= offset);
        let before = if i == 0 { 0 } else { self.ends[i - 1] };
        let (from, _) = self.windows.get(i)?;
        Some(*from + Duration::minutes(i64::try_from(offset - before).ok()?))
    }
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
            office: Minutes::new(self.office_windows()),
            online: Minutes::new(self.online_windows()),
        }
    }

    /// A submission time for a generated dossier of `channel`.
    pub fn draw(&self, rng: &mut SimRng, channel: Channel, windows: &Windows) -> NaiveDateTime {
        let windows = match channel {
            Channel::Online if !rng.chance(ONLINE_IN_OFFICE_HOURS) => &windows.online,
            Channel::Online | Channel::Counter | Channel::Post => &windows.office,
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

/// A whole minute, uniformly over the windows: `below(total minutes)`.
fn pick_minute(rng: &mut SimRng, minutes: &Minutes) -> Option<NaiveDateTime> {
    let total = minutes.total();
    if total == 0 {
        return None;
    }
    minutes.at(rng.below_u64(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minute_is_found_in_its_window() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let w =
            |h: u32, m: u32, h2: u32, m2: u32| (day.and_time(hm(h, m)), day.and_time(hm(h2, m2)));
        let minutes = Minutes::new(vec![w(7, 30, 11, 30), w(13, 30, 17, 0)]);
        assert_eq!(minutes.total(), 240 + 210);
        assert_eq!(minutes.at(0), Some(day.and_time(hm(7, 30))));
        assert_eq!(minutes.at(239), Some(day.and_time(hm(11, 29))));
        assert_eq!(minutes.at(240), Some(day.and_time(hm(13, 30))));
        assert_eq!(minutes.at(449), Some(day.and_time(hm(16, 59))));
        assert_eq!(minutes.at(450), None);
    }
}

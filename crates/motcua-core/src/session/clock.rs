//! Office-time arithmetic on the session's clock, with the office span the clock
//! last stood in remembered. Every trainee step adds its cost in office minutes and
//! every event wakes the colleagues at the next opening; asking the calendar walks
//! its days and holidays each time, though the clock stays in one span for many steps.
//! Inside a span of a working day both answers are plain sums, the same the calendar
//! gives (`WorkCalendar::next_opening`, `WorkCalendar::add_office_minutes`).

use chrono::{NaiveDateTime, TimeDelta};

use super::Session;

impl Session {
    /// The office span of a working day `t` falls in, `[from, to)`, if any.
    fn span_at(&self, t: NaiveDateTime) -> Option<(NaiveDateTime, NaiveDateTime)> {
        if let Some((from, to)) = self.open_span.get()
            && from <= t
            && t < to
        {
            return Some((from, to));
        }
        let time = t.time();
        let span = self
            .calendar
            .hours
            .spans
            .iter()
            .find(|s| s.from <= time && time < s.to)?;
        if !self.calendar.is_working_day(t.date()) {
            return None;
        }
        let span = (t.date().and_time(span.from), t.date().and_time(span.to));
        self.open_span.set(Some(span));
        Some(span)
    }

    /// `t` itself in office time of a working day, else the next moment that is.
    pub(super) fn opening(&self, t: NaiveDateTime) -> NaiveDateTime {
        match self.span_at(t) {
            Some(_) => t,
            None => self.calendar.next_opening(t),
        }
    }

    /// The moment `minutes` of office time after `t`.
    pub(super) fn add_minutes(&self, t: NaiveDateTime, minutes: u64) -> NaiveDateTime {
        if let Some((_, to)) = self.span_at(t)
            && let Ok(m) = i64::try_from(minutes)
            && let Some(end) = TimeDelta::try_minutes(m).and_then(|d| t.checked_add_signed(d))
            && end <= to
        {
            // The span holds them all: the calendar's walk ends in this span too.
            return end;
        }
        self.calendar.add_office_minutes(t, minutes)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::scenario::{self, builtin};
    use crate::session::Session;

    #[test]
    fn the_remembered_span_answers_as_the_calendar_does() {
        let (file, text) = builtin::FILES[0];
        let s = scenario::load_str(file, text).expect("built-in loads");
        let session = Session::new(&s, 1);
        let calendar = session.calendar().clone();
        let start = NaiveDate::from_ymd_opt(2026, 4, 24).and_then(|d| d.and_hms_opt(6, 0, 0));
        let mut t = start.expect("a valid moment");
        // Every quarter of an hour over ten days (a holiday and a weekend among them),
        // each asked twice so the second answer comes from the remembered span.
        for _ in 0..(10 * 24 * 4) {
            for minutes in [0, 1, 29, 240, 600, 5000] {
                for _ in 0..2 {
                    assert_eq!(
                        session.add_minutes(t, minutes),
                        calendar.add_office_minutes(t, minutes),
                        "{t} + {minutes}"
                    );
                }
            }
            assert_eq!(session.opening(t), calendar.next_opening(t), "{t}");
            t += chrono::TimeDelta::minutes(15) + chrono::TimeDelta::seconds(7);
        }
    }
}

//! Office time: the session pauses and moves the clock with these, so they
//! must agree with each other on every input.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use motcua_core::calendar::{OfficeHours, WorkCalendar};
use motcua_core::scenario::TimeSpan;
use proptest::prelude::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .expect("valid test moment")
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn span(from: NaiveTime, to: NaiveTime) -> TimeSpan {
    TimeSpan { from, to }
}

#[test]
fn next_opening_from_every_part_of_the_day() {
    let c = WorkCalendar::default();
    // Inside office hours: the moment itself.
    assert_eq!(c.next_opening(at(2026, 3, 2, 9, 15)), at(2026, 3, 2, 9, 15));
    // Before opening, at lunch, at closing, at night.
    assert_eq!(c.next_opening(at(2026, 3, 2, 6, 0)), at(2026, 3, 2, 7, 30));
    assert_eq!(
        c.next_opening(at(2026, 3, 2, 11, 30)),
        at(2026, 3, 2, 13, 30)
    );
    assert_eq!(c.next_opening(at(2026, 3, 2, 17, 0)), at(2026, 3, 3, 7, 30));
    // Friday night before Tết Bính Ngọ: the next opening is Monday 23/2.
    assert_eq!(
        c.next_opening(at(2026, 2, 13, 20, 0)),
        at(2026, 2, 23, 7, 30)
    );
    assert_eq!(
        c.close_of(NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")),
        at(2026, 3, 2, 17, 0)
    );
}

#[test]
fn office_minutes_skip_lunch_nights_weekends_and_holidays() {
    let c = WorkCalendar::default();
    // A full day is 4 h + 3.5 h = 450 min.
    assert_eq!(
        c.office_minutes_between(at(2026, 3, 2, 0, 0), at(2026, 3, 3, 0, 0)),
        450
    );
    // Friday 16:00 to Monday 08:30: 60 + 60.
    assert_eq!(
        c.office_minutes_between(at(2026, 3, 6, 16, 0), at(2026, 3, 9, 8, 30)),
        120
    );
    // The whole Tết week 14–22/2/2026 has no office time.
    assert_eq!(
        c.office_minutes_between(at(2026, 2, 14, 0, 0), at(2026, 2, 23, 0, 0)),
        0
    );
    // Backwards is nothing, not negative.
    assert_eq!(
        c.office_minutes_between(at(2026, 3, 3, 0, 0), at(2026, 3, 2, 0, 0)),
        0
    );
    // Adding zero minutes changes nothing, even outside office hours.
    assert_eq!(
        c.add_office_minutes(at(2026, 3, 7, 3, 0), 0),
        at(2026, 3, 7, 3, 0)
    );
    // 30 minutes from Saturday night land on Monday 08:00.
    assert_eq!(
        c.add_office_minutes(at(2026, 3, 7, 23, 0), 30),
        at(2026, 3, 9, 8, 0)
    );
}

#[test]
fn office_hours_are_normalised() {
    // Unsorted, overlapping and empty spans become two clean spans.
    let hours = OfficeHours {
        spans: vec![
            span(hm(13, 0), hm(17, 0)),
            span(hm(9, 0), hm(9, 0)),
            span(hm(8, 0), hm(10, 0)),
            span(hm(9, 30), hm(12, 0)),
        ],
        ..OfficeHours::default()
    };
    let c = WorkCalendar::new(hours, &[], &[]);
    assert_eq!(
        c.hours.spans,
        vec![span(hm(8, 0), hm(12, 0)), span(hm(13, 0), hm(17, 0))]
    );
    // No span at all: the default hours, so the arithmetic still ends.
    let none = WorkCalendar::new(
        OfficeHours {
            spans: vec![],
            ..OfficeHours::default()
        },
        &[],
        &[],
    );
    assert_eq!(none.hours.spans, OfficeHours::default().spans);
    assert_eq!(
        none.next_opening(at(2026, 3, 2, 0, 0)),
        at(2026, 3, 2, 7, 30)
    );
}

#[test]
fn absurd_inputs_end_without_panicking() {
    let c = WorkCalendar::default();
    let t = at(2026, 3, 2, 9, 0);
    let far = c.add_office_minutes(t, u64::MAX);
    assert!(far > at(2400, 1, 1, 0, 0));
    let late = NaiveDate::MAX.and_hms_opt(23, 0, 0).expect("moment");
    assert_eq!(c.next_opening(late), late);
    assert_eq!(c.nth_working_day_after(NaiveDate::MAX, 3), NaiveDate::MAX);
}

fn moment() -> impl Strategy<Value = NaiveDateTime> {
    (0i64..(12 * 366 * 24 * 60)).prop_map(|m| at(2019, 1, 1, 0, 0) + TimeDelta::minutes(m))
}

fn calendar() -> impl Strategy<Value = WorkCalendar> {
    let desk = OfficeHours {
        saturday_morning: true,
        ..OfficeHours::default()
    };
    prop_oneof![
        Just(WorkCalendar::default()),
        Just(WorkCalendar::new(desk, &[], &[])),
    ]
}

proptest! {
    #[test]
    fn adding_then_measuring_gives_back_the_minutes(c in calendar(), t in moment(), m in 0u64..5000) {
        let later = c.add_office_minutes(t, m);
        prop_assert!(later >= t);
        prop_assert_eq!(c.office_minutes_between(t, later), m);
    }

    #[test]
    fn office_minutes_add_up_over_a_split(c in calendar(), a in moment(), x in 0i64..20_000, y in 0i64..20_000) {
        let b = a + TimeDelta::minutes(x);
        let e = b + TimeDelta::minutes(y);
        prop_assert_eq!(
            c.office_minutes_between(a, e),
            c.office_minutes_between(a, b) + c.office_minutes_between(b, e)
        );
    }

    #[test]
    fn next_opening_is_office_time_of_a_working_day(c in calendar(), t in moment()) {
        let o = c.next_opening(t);
        prop_assert!(o >= t);
        prop_assert!(c.is_working_day(o.date()) && c.is_office_time(o));
        prop_assert_eq!(c.office_minutes_between(t, o), 0);
    }
}

//! Deadline arithmetic (docs/calendar.md) against hand-worked cases, then properties.
//!
//! Default office: 07:30–11:30 and 13:30–17:00, same-day cutoff 15:00, no
//! Saturday desk. All times Vietnam local (UTC+7).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use motcua_core::calendar::{OfficeHours, ReceiptReason, WorkCalendar};
use motcua_core::scenario::{Deadline, TimeSpan};
use proptest::prelude::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .expect("valid test moment")
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn cal() -> WorkCalendar {
    WorkCalendar::default()
}

fn saturday_desk() -> WorkCalendar {
    let hours = OfficeHours {
        saturday_morning: true,
        ..OfficeHours::default()
    };
    WorkCalendar::new(hours, &[], &[])
}

#[test]
fn over_a_weekend() {
    // Fri 6/3/2026 10:00, 3 working days. Received at once (office hours).
    // Friday is the receipt day, not counted. Sat 7, Sun 8 skipped;
    // Mon 9 = 1, Tue 10 = 2, Wed 11 = 3 → Wed 11/3 at 17:00.
    let accepted = at(2026, 3, 6, 10, 0);
    let c = cal();
    assert_eq!(
        c.receipt_moment(accepted, &Deadline::WorkingDays(3)),
        accepted
    );
    assert_eq!(
        c.due(accepted, &Deadline::WorkingDays(3)),
        at(2026, 3, 11, 17, 0)
    );
}

#[test]
fn across_the_tet_break() {
    // Thu 12/2/2026 09:00, 3 working days. Fri 13 = 1; Sat 14, Sun 15 weekend;
    // Mon 16 – Fri 20 Tết (29 Chạp to mùng 4); Sat 21, Sun 22 weekend;
    // Mon 23 = 2, Tue 24 = 3 → Tue 24/2 at 17:00.
    let due = cal().due(at(2026, 2, 12, 9, 0), &Deadline::WorkingDays(3));
    assert_eq!(due, at(2026, 2, 24, 17, 0));
}

#[test]
fn same_day_before_at_and_after_the_cutoff() {
    let c = cal();
    // 14:59 and 15:00 are not after the 15:00 cutoff: due the same day at 17:00.
    assert_eq!(
        c.due(at(2026, 3, 2, 14, 59), &Deadline::SameDay),
        at(2026, 3, 2, 17, 0)
    );
    assert_eq!(
        c.due(at(2026, 3, 2, 15, 0), &Deadline::SameDay),
        at(2026, 3, 2, 17, 0)
    );
    // Mon 2/3 16:20 is after the cutoff: received Tue 3/3 07:30, due Tue 17:00.
    let late = at(2026, 3, 2, 16, 20);
    assert_eq!(
        c.receipt_moment(late, &Deadline::SameDay),
        at(2026, 3, 3, 7, 30)
    );
    assert_eq!(
        c.receipt_reason(late, &Deadline::SameDay),
        ReceiptReason::AfterCutoff
    );
    assert_eq!(c.due(late, &Deadline::SameDay), at(2026, 3, 3, 17, 0));
    // The cutoff is for same-day procedures only: 3 working days from 16:20
    // counts Monday as the receipt day → Tue 3, Wed 4, Thu 5 → Thu 5/3 17:00.
    assert_eq!(c.receipt_moment(late, &Deadline::WorkingDays(3)), late);
    assert_eq!(
        c.due(late, &Deadline::WorkingDays(3)),
        at(2026, 3, 5, 17, 0)
    );
}

#[test]
fn after_the_cutoff_before_a_long_weekend() {
    // Fri 24/4/2026 15:30, same day. Next working day: Sat 25 weekend,
    // Sun 26 Giỗ Tổ, Mon 27 day in lieu → received Tue 28/4 07:30, due 17:00.
    let due = cal().due(at(2026, 4, 24, 15, 30), &Deadline::SameDay);
    assert_eq!(due, at(2026, 4, 28, 17, 0));
}

#[test]
fn on_and_around_a_make_up_saturday() {
    let c = cal();
    // Fri 9/1/2026 10:00, 1 working day: Sat 10/1 is the make-up day for
    // Fri 2/1 (Tết Dương lịch), a full working day → due Sat 10/1 17:00.
    assert_eq!(
        c.due(at(2026, 1, 9, 10, 0), &Deadline::WorkingDays(1)),
        at(2026, 1, 10, 17, 0)
    );
    // 2 working days: Sat 10 = 1, Sun 11 skipped, Mon 12 = 2.
    assert_eq!(
        c.due(at(2026, 1, 9, 10, 0), &Deadline::WorkingDays(2)),
        at(2026, 1, 12, 17, 0)
    );
    // Accepted on the make-up Saturday in the afternoon: received at once.
    let sat = at(2026, 1, 10, 14, 0);
    assert_eq!(c.receipt_moment(sat, &Deadline::SameDay), sat);
    assert_eq!(c.due(sat, &Deadline::SameDay), at(2026, 1, 10, 17, 0));
    // Fri 21/8/2026, 2 working days: Sat 22/8 (make-up for Mon 31/8) = 1,
    // Sun 23 skipped, Mon 24 = 2 → Mon 24/8 17:00.
    assert_eq!(
        c.due(at(2026, 8, 21, 10, 0), &Deadline::WorkingDays(2)),
        at(2026, 8, 24, 17, 0)
    );
}

#[test]
fn working_hours_across_lunch() {
    // Mon 2/3/2026 10:00 + 2 h: 10:00–11:30 is 90 min, the other 30 min run
    // from 13:30 → 14:00.
    let due = cal().due(at(2026, 3, 2, 10, 0), &Deadline::WorkingHours(2));
    assert_eq!(due, at(2026, 3, 2, 14, 0));
}

#[test]
fn working_hours_across_nights_and_a_weekend() {
    let c = cal();
    // Mon 2/3 16:00 + 8 h: Monday 16:00–17:00 = 60 min; Tuesday morning 240
    // (300); 180 more from 13:30 → Tue 3/3 16:30.
    assert_eq!(
        c.due(at(2026, 3, 2, 16, 0), &Deadline::WorkingHours(8)),
        at(2026, 3, 3, 16, 30)
    );
    // Fri 6/3 13:30 + 8 h: Friday afternoon 210; weekend skipped; Monday
    // morning 240 (450); 30 more from 13:30 → Mon 9/3 14:00.
    assert_eq!(
        c.due(at(2026, 3, 6, 13, 30), &Deadline::WorkingHours(8)),
        at(2026, 3, 9, 14, 0)
    );
    // Mon 2/3 07:30 + 4 h ends exactly at the lunch break: 11:30, not 13:30.
    assert_eq!(
        c.due(at(2026, 3, 2, 7, 30), &Deadline::WorkingHours(4)),
        at(2026, 3, 2, 11, 30)
    );
    // Accepted at lunch, 12:00 + 1 h: received 13:30 → 14:30.
    assert_eq!(
        c.due(at(2026, 3, 2, 12, 0), &Deadline::WorkingHours(1)),
        at(2026, 3, 2, 14, 30)
    );
}

#[test]
fn saturday_morning_desk_is_open_but_does_not_count() {
    let c = saturday_desk();
    let sat = at(2026, 3, 7, 9, 0);
    assert!(
        c.is_office_time(sat),
        "the desk receives on Saturday morning"
    );
    assert!(
        !c.is_office_time(at(2026, 3, 7, 14, 0)),
        "but not in the afternoon"
    );
    assert!(
        !cal().is_office_time(sat),
        "no desk without saturday_morning"
    );
    // Sat 7/3 09:00, 2 working days: Saturday is not a working day, so the
    // dossier counts as received Mon 9/3 07:30 (receipt day, not counted);
    // Tue 10 = 1, Wed 11 = 2 → Wed 11/3 17:00.
    assert_eq!(
        c.receipt_moment(sat, &Deadline::WorkingDays(2)),
        at(2026, 3, 9, 7, 30)
    );
    assert_eq!(
        c.receipt_reason(sat, &Deadline::WorkingDays(2)),
        ReceiptReason::SaturdayDesk
    );
    assert_eq!(
        c.due(sat, &Deadline::WorkingDays(2)),
        at(2026, 3, 11, 17, 0)
    );
    // Saturday-morning office time adds nothing to a working-hours clock:
    // Fri 6/3 16:30 + 1 h = 30 min on Friday, 30 min on Monday → Mon 08:00.
    assert_eq!(
        c.due(at(2026, 3, 6, 16, 30), &Deadline::WorkingHours(1)),
        at(2026, 3, 9, 8, 0)
    );
    // A make-up Saturday is a full working day, afternoon included.
    assert!(c.is_office_time(at(2026, 1, 10, 14, 0)));
    // The desk stays shut on a holiday that falls on a Saturday (1/5/2027).
    assert!(!c.is_office_time(at(2027, 5, 1, 8, 0)));
}

#[test]
fn online_filing_at_night() {
    let c = cal();
    // Filed online Mon 2/3/2026 22:00, 3 working days: received Tue 3/3
    // 07:30 (Tuesday is the receipt day); Wed 4 = 1, Thu 5 = 2, Fri 6 = 3.
    let night = at(2026, 3, 2, 22, 0);
    assert_eq!(
        c.receipt_moment(night, &Deadline::WorkingDays(3)),
        at(2026, 3, 3, 7, 30)
    );
    assert_eq!(
        c.receipt_reason(night, &Deadline::WorkingDays(3)),
        ReceiptReason::OutsideOfficeHours
    );
    assert_eq!(
        c.due(night, &Deadline::WorkingDays(3)),
        at(2026, 3, 6, 17, 0)
    );
    // Filed Fri 24/4/2026 22:00, 1 working day: Sat, Sun (Giỗ Tổ), Mon (in
    // lieu) are off → received Tue 28/4; Wed 29 = 1 → Wed 29/4 17:00.
    assert_eq!(
        c.due(at(2026, 4, 24, 22, 0), &Deadline::WorkingDays(1)),
        at(2026, 4, 29, 17, 0)
    );
}

#[test]
fn a_scenario_extra_holiday_is_skipped() {
    let wednesday = NaiveDate::from_ymd_opt(2026, 3, 4).expect("date");
    let c = WorkCalendar::new(OfficeHours::default(), &[wednesday], &[]);
    // Mon 2/3 10:00, 3 working days: Tue 3 = 1, Wed 4 skipped (scenario),
    // Thu 5 = 2, Fri 6 = 3 → Fri 6/3 17:00 (the built-in calendar says Thu 5/3).
    assert_eq!(
        c.due(at(2026, 3, 2, 10, 0), &Deadline::WorkingDays(3)),
        at(2026, 3, 6, 17, 0)
    );
    assert_eq!(
        cal().due(at(2026, 3, 2, 10, 0), &Deadline::WorkingDays(3)),
        at(2026, 3, 5, 17, 0)
    );
}

#[test]
fn a_scenario_with_its_own_hours() {
    // 08:00–12:00 and 13:00–17:30, cutoff 16:00.
    let hours = OfficeHours {
        spans: vec![
            TimeSpan {
                from: hm(8, 0),
                to: hm(12, 0),
            },
            TimeSpan {
                from: hm(13, 0),
                to: hm(17, 30),
            },
        ],
        same_day_cutoff: hm(16, 0),
        saturday_morning: false,
    };
    let c = WorkCalendar::new(hours, &[], &[]);
    // 15:30 is before this office's cutoff: due the same day at its 17:30 close.
    assert_eq!(
        c.due(at(2026, 3, 2, 15, 30), &Deadline::SameDay),
        at(2026, 3, 2, 17, 30)
    );
    // 07:45 is before opening: received 08:00; + 5 h: 4 h to 12:00, 1 h from 13:00 → 14:00.
    assert_eq!(
        c.due(at(2026, 3, 2, 7, 45), &Deadline::WorkingHours(5)),
        at(2026, 3, 2, 14, 0)
    );
}

#[test]
fn the_explanation_lists_every_day_with_its_reason() {
    use motcua_core::calendar::{DayOffKind, DayStep};
    let e = cal().explain(at(2026, 4, 24, 16, 0), &Deadline::WorkingDays(2));
    assert_eq!(e.receipt, at(2026, 4, 24, 16, 0));
    assert_eq!(e.due, at(2026, 4, 29, 17, 0));
    let summary: Vec<String> = e
        .days
        .iter()
        .map(|s| match s {
            DayStep::Counted { date, n, .. } => format!("{date} {n}"),
            DayStep::Skipped { date, off } => match off.kind {
                DayOffKind::Weekend => format!("{date} weekend"),
                DayOffKind::Holiday { holiday } => format!("{date} {}", holiday.key()),
                DayOffKind::Compensatory { holiday } => format!("{date} in-lieu {}", holiday.key()),
                other => format!("{date} {other:?}"),
            },
            DayStep::Hours { date, minutes } => format!("{date} {minutes}min"),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "2026-04-25 weekend",
            "2026-04-26 gio-to-hung-vuong",
            "2026-04-27 in-lieu gio-to-hung-vuong",
            "2026-04-28 1",
            "2026-04-29 2",
        ]
    );
}

fn moment() -> impl Strategy<Value = NaiveDateTime> {
    // Any minute from 2019 to 2030.
    (0i64..(12 * 366 * 24 * 60)).prop_map(|m| at(2019, 1, 1, 0, 0) + chrono::TimeDelta::minutes(m))
}

fn deadline() -> impl Strategy<Value = Deadline> {
    prop_oneof![
        Just(Deadline::SameDay),
        (0u32..40).prop_map(Deadline::WorkingDays),
        (0u32..120).prop_map(Deadline::WorkingHours),
    ]
}

fn calendar() -> impl Strategy<Value = WorkCalendar> {
    prop_oneof![Just(cal()), Just(saturday_desk())]
}

proptest! {
    #[test]
    fn due_is_never_before_the_receipt_moment(c in calendar(), t in moment(), dl in deadline()) {
        let receipt = c.receipt_moment(t, &dl);
        prop_assert!(receipt >= t);
        prop_assert!(c.due(t, &dl) >= receipt);
        prop_assert!(c.is_working_day(receipt.date()));
    }

    #[test]
    fn due_lies_inside_a_working_day_by_its_close(c in calendar(), t in moment(), dl in deadline()) {
        let due = c.due(t, &dl);
        prop_assert!(c.is_working_day(due.date()), "{due} is not a working day");
        prop_assert!(due <= c.close_of(due.date()));
        if !matches!(dl, Deadline::WorkingHours(_)) {
            prop_assert_eq!(due, c.close_of(due.date()));
        }
    }

    #[test]
    fn due_is_monotone_in_the_acceptance_time(
        c in calendar(), t in moment(), later in 0i64..(20 * 24 * 60), dl in deadline()
    ) {
        let t2 = t + chrono::TimeDelta::minutes(later);
        prop_assert!(c.due(t, &dl) <= c.due(t2, &dl));
    }

    #[test]
    fn working_hours_give_exactly_that_much_office_time(c in calendar(), t in moment(), h in 0u32..120) {
        let dl = Deadline::WorkingHours(h);
        let receipt = c.receipt_moment(t, &dl);
        let due = c.due(t, &dl);
        prop_assert_eq!(c.office_minutes_between(receipt, due), u64::from(h) * 60);
    }

    #[test]
    fn the_explanation_agrees_with_due(c in calendar(), t in moment(), dl in deadline()) {
        use motcua_core::calendar::DayStep;
        let e = c.explain(t, &dl);
        prop_assert_eq!(e.due, c.due(t, &dl));
        prop_assert_eq!(e.receipt, c.receipt_moment(t, &dl));
        match dl {
            Deadline::WorkingDays(n) => {
                let counted = e.days.iter().filter(|s| matches!(s, DayStep::Counted { .. })).count();
                prop_assert_eq!(counted, n as usize);
            }
            Deadline::WorkingHours(h) => {
                let minutes: u64 = e.days.iter().map(|s| match s {
                    DayStep::Hours { minutes, .. } => *minutes,
                    _ => 0,
                }).sum();
                prop_assert_eq!(minutes, u64::from(h) * 60);
            }
            Deadline::SameDay => prop_assert!(e.days.is_empty()),
        }
    }
}

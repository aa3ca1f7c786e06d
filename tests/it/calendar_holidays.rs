//! The built-in days off of a year: official schedules where data/holidays.toml
//! has them, the Labour Code rules elsewhere, and the scenario's extra days on top.

use chrono::{Datelike, NaiveDate, Weekday};
use motcua_core::calendar::holidays::rule_days;
use motcua_core::calendar::{
    CalendarEntry, DayOff, DayOffKind, EntryKind, HolidayName, OfficeHours, Source, WorkCalendar,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// `days_off(year)` as (date, short description, source) for readable assertions.
fn listing(cal: &WorkCalendar, year: i32) -> Vec<(NaiveDate, String, Source)> {
    cal.days_off(year).iter().map(describe).collect()
}

fn describe(e: &CalendarEntry) -> (NaiveDate, String, Source) {
    let what = match e.kind {
        EntryKind::Off { off } => match off {
            DayOffKind::Weekend => "weekend".to_string(),
            DayOffKind::Holiday { holiday } => holiday.key().to_string(),
            DayOffKind::Compensatory { holiday } => format!("in-lieu:{}", holiday.key()),
            DayOffKind::Swapped { holiday, workday } => {
                format!("swapped:{}:{workday}", holiday.key())
            }
            DayOffKind::ScenarioHoliday => "scenario".to_string(),
        },
        EntryKind::MakeUp {
            holiday,
            instead_of,
        } => format!(
            "make-up:{}:{}",
            holiday.map_or("-", |h| h.key()),
            instead_of.map_or("-".to_string(), |x| x.to_string())
        ),
    };
    (e.date, what, e.source)
}

fn row(date: NaiveDate, what: &str, source: Source) -> (NaiveDate, String, Source) {
    (date, what.to_string(), source)
}

#[test]
fn year_2026_follows_the_official_schedule() {
    use Source::Official as O;
    let expected = vec![
        // Tết Dương lịch: Thursday 1/1, Friday 2/1 swapped with Saturday 10/1.
        row(d(2026, 1, 1), "tet-duong-lich", O),
        row(d(2026, 1, 2), "swapped:tet-duong-lich:2026-01-10", O),
        row(d(2026, 1, 10), "make-up:tet-duong-lich:2026-01-02", O),
        // Tết Bính Ngọ: 29 Chạp (16/2) to mùng 4 (20/2).
        row(d(2026, 2, 16), "tet-nguyen-dan", O),
        row(d(2026, 2, 17), "tet-nguyen-dan", O),
        row(d(2026, 2, 18), "tet-nguyen-dan", O),
        row(d(2026, 2, 19), "tet-nguyen-dan", O),
        row(d(2026, 2, 20), "tet-nguyen-dan", O),
        // Giỗ Tổ is Sunday 26/4: the day in lieu is Monday 27/4.
        row(d(2026, 4, 27), "in-lieu:gio-to-hung-vuong", O),
        row(d(2026, 4, 30), "giai-phong", O),
        row(d(2026, 5, 1), "quoc-te-lao-dong", O),
        // Quốc khánh: 1/9 and 2/9, Monday 31/8 swapped with Saturday 22/8.
        row(d(2026, 8, 22), "make-up:quoc-khanh:2026-08-31", O),
        row(d(2026, 8, 31), "swapped:quoc-khanh:2026-08-22", O),
        row(d(2026, 9, 1), "quoc-khanh", O),
        row(d(2026, 9, 2), "quoc-khanh", O),
    ];
    assert_eq!(listing(&WorkCalendar::default(), 2026), expected);
}

#[test]
fn year_2025_mixes_official_entries_and_rules() {
    use Source::{Official as O, Rule as R};
    let expected = vec![
        row(d(2025, 1, 1), "tet-duong-lich", R),
        // Tết Ất Tỵ: 28 Chạp to mùng 3 (2 days before, 3 after).
        row(d(2025, 1, 27), "tet-nguyen-dan", O),
        row(d(2025, 1, 28), "tet-nguyen-dan", O),
        row(d(2025, 1, 29), "tet-nguyen-dan", O),
        row(d(2025, 1, 30), "tet-nguyen-dan", O),
        row(d(2025, 1, 31), "tet-nguyen-dan", O),
        row(d(2025, 4, 7), "gio-to-hung-vuong", R),
        row(d(2025, 4, 26), "make-up:quoc-te-lao-dong:2025-05-02", O),
        row(d(2025, 4, 30), "giai-phong", R),
        row(d(2025, 5, 1), "quoc-te-lao-dong", O),
        row(d(2025, 5, 2), "swapped:quoc-te-lao-dong:2025-04-26", O),
        row(d(2025, 9, 1), "quoc-khanh", O),
        row(d(2025, 9, 2), "quoc-khanh", O),
    ];
    assert_eq!(listing(&WorkCalendar::default(), 2025), expected);
}

#[test]
fn year_2027_is_derived_by_rule() {
    use Source::Rule as R;
    let expected = vec![
        row(d(2027, 1, 1), "tet-duong-lich", R),
        // Mùng 1 is Saturday 6/2: Friday 5/2 (last day of the year), mùng 3 and 4
        // on Monday and Tuesday, mùng 1 and 2 made up on Wednesday and Thursday.
        row(d(2027, 2, 5), "tet-nguyen-dan", R),
        row(d(2027, 2, 8), "tet-nguyen-dan", R),
        row(d(2027, 2, 9), "tet-nguyen-dan", R),
        row(d(2027, 2, 10), "in-lieu:tet-nguyen-dan", R),
        row(d(2027, 2, 11), "in-lieu:tet-nguyen-dan", R),
        row(d(2027, 4, 16), "gio-to-hung-vuong", R),
        row(d(2027, 4, 30), "giai-phong", R),
        // 1/5 is a Saturday.
        row(d(2027, 5, 3), "in-lieu:quoc-te-lao-dong", R),
        // 2/9 is a Thursday: Friday 3/9 joins the break to the weekend.
        row(d(2027, 9, 2), "quoc-khanh", R),
        row(d(2027, 9, 3), "quoc-khanh", R),
    ];
    assert_eq!(listing(&WorkCalendar::default(), 2027), expected);
}

#[test]
fn days_in_lieu_skip_other_holidays() {
    // 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 on Monday: the two days
    // in lieu land on Tuesday 2/5 and Wednesday 3/5 (the break ran 29/4–3/5).
    let cal = WorkCalendar::default();
    let may: Vec<_> = listing(&cal, 2023)
        .into_iter()
        .filter(|(date, _, _)| date.month() == 5)
        .map(|(date, what, _)| (date, what))
        .collect();
    assert_eq!(
        may,
        vec![
            (d(2023, 5, 1), "quoc-te-lao-dong".to_string()),
            (d(2023, 5, 2), "in-lieu:gio-to-hung-vuong".to_string()),
            (d(2023, 5, 3), "in-lieu:giai-phong".to_string()),
        ]
    );
}

#[test]
fn official_tet_2024_has_its_two_days_in_lieu() {
    // 8/2 (29 Chạp) to 14/2 (mùng 5): mùng 1 and 2 fell on the weekend.
    let cal = WorkCalendar::default();
    let off: Vec<NaiveDate> = (8..=14)
        .map(|day| d(2024, 2, day))
        .filter(|&date| !cal.is_working_day(date))
        .collect();
    assert_eq!(off.len(), 7);
    assert!(cal.is_working_day(d(2024, 2, 7)));
    assert!(cal.is_working_day(d(2024, 2, 15)));
    assert_eq!(
        cal.day_off(d(2024, 2, 14)),
        Some(DayOff {
            kind: DayOffKind::Compensatory {
                holiday: HolidayName::TetNguyenDan
            },
            source: Source::Official,
        })
    );
}

#[test]
fn national_day_neighbour_by_rule() {
    // The neighbour of 2/9 that is a weekday and touches a weekend, else 1/9.
    // 2024–2026 match data/holidays.toml (Mon→3/9, Tue→1/9, Wed→1/9); the other
    // weekdays show the rule (Thu→3/9, Fri→1/9, Sat→1/9, Sun→3/9).
    for (year, neighbour) in [
        (2021, d(2021, 9, 3)),
        (2022, d(2022, 9, 1)),
        (2023, d(2023, 9, 1)),
        (2024, d(2024, 9, 3)),
        (2025, d(2025, 9, 1)),
        (2026, d(2026, 9, 1)),
        (2029, d(2029, 9, 3)),
    ] {
        let days = rule_days(year, HolidayName::QuocKhanh);
        assert_eq!(days, vec![d(year, 9, 2), neighbour], "{year}");
    }
    // Before the 2019 Code took effect, 2/9 was a single day.
    assert_eq!(rule_days(2019, HolidayName::QuocKhanh), vec![d(2019, 9, 2)]);
}

#[test]
fn a_holiday_on_a_weekend_is_named_as_the_holiday() {
    let cal = WorkCalendar::default();
    assert_eq!(
        cal.day_off(d(2026, 4, 26)).map(|o| o.kind),
        Some(DayOffKind::Holiday {
            holiday: HolidayName::GioToHungVuong
        })
    );
    assert_eq!(
        cal.day_off(d(2026, 4, 25)).map(|o| o.kind),
        Some(DayOffKind::Weekend)
    );
    assert_eq!(cal.day_off(d(2026, 4, 28)), None);
}

#[test]
fn make_up_saturdays_are_working_days_and_swapped_days_are_not() {
    let cal = WorkCalendar::default();
    assert_eq!(d(2026, 1, 10).weekday(), Weekday::Sat);
    assert!(cal.is_working_day(d(2026, 1, 10)));
    assert!(!cal.is_working_day(d(2026, 1, 2)));
    assert!(!cal.is_working_day(d(2026, 1, 17)), "an ordinary Saturday");
}

#[test]
fn scenario_days_win_over_the_built_in_calendar() {
    // Extra holiday on an ordinary Wednesday; Quốc khánh 2/9/2026 worked;
    // Sunday 6/9/2026 worked; the official make-up Saturday 22/8 given off.
    let cal = WorkCalendar::new(
        OfficeHours::default(),
        &[d(2026, 3, 4), d(2026, 8, 22)],
        &[d(2026, 9, 2), d(2026, 9, 6)],
    );
    assert!(!cal.is_working_day(d(2026, 3, 4)));
    assert!(!cal.is_working_day(d(2026, 8, 22)));
    assert!(cal.is_working_day(d(2026, 9, 2)));
    assert!(cal.is_working_day(d(2026, 9, 6)));
    let rows = listing(&cal, 2026);
    use Source::Scenario as S;
    assert!(rows.contains(&row(d(2026, 3, 4), "scenario", S)));
    assert!(rows.contains(&row(d(2026, 9, 2), "make-up:-:-", S)));
    assert!(rows.contains(&row(d(2026, 9, 6), "make-up:-:-", S)));
    // A Saturday given off by the scenario is a weekend day: not listed.
    assert!(!rows.iter().any(|(date, _, _)| *date == d(2026, 8, 22)));
    // Listing an official make-up Saturday again keeps its official name.
    let again = WorkCalendar::new(OfficeHours::default(), &[], &[d(2026, 1, 10)]);
    assert_eq!(
        listing(&again, 2026).iter().find(|r| r.0 == d(2026, 1, 10)),
        Some(&row(
            d(2026, 1, 10),
            "make-up:tet-duong-lich:2026-01-02",
            Source::Official
        ))
    );
    // A scenario workday that is already a working day changes nothing.
    let plain = WorkCalendar::new(OfficeHours::default(), &[], &[d(2026, 3, 5)]);
    assert_eq!(plain.entry(d(2026, 3, 5)), None);
}

#[test]
fn outside_the_supported_years_only_weekends_are_off() {
    let cal = WorkCalendar::default();
    assert!(cal.days_off(1850).is_empty());
    assert!(cal.is_working_day(d(2300, 1, 1)));
    assert!(!cal.is_working_day(d(2300, 1, 6)), "a Saturday");
}

#[test]
fn every_year_in_range_has_eleven_statutory_days_from_2021() {
    // Điều 112: 1 + 5 + 1 + 1 + 1 + 2 = 11 days.
    for year in 2021..=2060 {
        let total: usize = HolidayName::ALL
            .iter()
            .map(|&h| rule_days(year, h).len())
            .sum();
        assert_eq!(total, 11, "{year}");
    }
}

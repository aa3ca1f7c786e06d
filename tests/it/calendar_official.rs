//! data/holidays.toml: it parses, every entry names its source, and every
//! entry agrees with the calendar it overrides (right lunar dates, swaps of a
//! weekday with a Saturday). A typo in a date fails here, not in a trainee's deadline.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use motcua_core::calendar::HolidayName;
use motcua_core::calendar::lunar::{self, LunarDate};
use motcua_core::calendar::official::{self, HOLIDAYS_TOML, Schedule, ScheduleError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn shipped() -> Vec<Schedule> {
    official::parse(HOLIDAYS_TOML).expect("data/holidays.toml parses")
}

#[test]
fn the_shipped_file_parses_and_is_what_the_calendar_uses() {
    let parsed = shipped();
    assert!(parsed.len() >= 10, "{} schedules", parsed.len());
    assert_eq!(official::schedules(), parsed.as_slice());
    assert!(official::find(2026, HolidayName::QuocKhanh).is_some());
    assert!(official::find(2031, HolidayName::QuocKhanh).is_none());
}

#[test]
fn every_entry_names_a_source() {
    for s in shipped() {
        assert!(
            s.source.len() > 20,
            "{} {}: source too thin",
            s.year,
            s.holiday.key()
        );
    }
}

#[test]
fn every_entry_agrees_with_its_holiday() {
    for s in shipped() {
        let (y, what) = (s.year, s.holiday.key());
        match s.holiday {
            HolidayName::TetDuongLich => assert_eq!(s.days, vec![d(y, 1, 1)], "{y} {what}"),
            HolidayName::GiaiPhong => assert_eq!(s.days, vec![d(y, 4, 30)], "{y} {what}"),
            HolidayName::QuocTeLaoDong => assert_eq!(s.days, vec![d(y, 5, 1)], "{y} {what}"),
            HolidayName::GioToHungVuong => {
                let gio_to = lunar::to_solar(LunarDate {
                    year: y,
                    month: 3,
                    day: 10,
                    leap: false,
                });
                assert_eq!(s.days.first().copied(), gio_to, "{y} {what}");
                assert_eq!(s.days.len(), 1, "{y} {what}");
            }
            HolidayName::TetNguyenDan => {
                // Five consecutive days around mùng 1, one or two of them before it.
                assert_eq!(s.days.len(), 5, "{y} {what}");
                let first = s.days[0];
                for (i, day) in s.days.iter().enumerate() {
                    assert_eq!(
                        *day,
                        first + Days::new(i as u64),
                        "{y} {what}: not consecutive"
                    );
                }
                let m1 = lunar::tet(y).expect("Tết exists");
                assert!(
                    first == m1 - Days::new(1) || first == m1 - Days::new(2),
                    "{y} {what}: starts {first}, mùng 1 is {m1}"
                );
            }
            HolidayName::QuocKhanh => {
                assert_eq!(s.days.len(), 2, "{y} {what}");
                assert!(s.days.contains(&d(y, 9, 2)), "{y} {what}");
                assert!(
                    s.days.contains(&d(y, 9, 1)) || s.days.contains(&d(y, 9, 3)),
                    "{y} {what}: no adjacent day"
                );
            }
        }
    }
}

#[test]
fn every_swap_trades_a_weekday_for_a_saturday_nearby() {
    for s in shipped() {
        for w in &s.swaps {
            let label = format!("{} {}: {:?}", s.year, s.holiday.key(), w);
            assert!(
                !matches!(w.off.weekday(), Weekday::Sat | Weekday::Sun),
                "{label}"
            );
            assert_eq!(w.work.weekday(), Weekday::Sat, "{label}");
            assert!((w.work - w.off).num_days().abs() <= 21, "{label}");
            assert!((w.off.year() - s.year).abs() <= 1, "{label}");
        }
    }
}

#[test]
fn broken_schedules_are_rejected_with_the_reason() {
    let entry = |body: &str| format!("[[schedule]]\nyear = 2030\n{body}\n");
    let ok = "holiday = \"quoc-khanh\"\ndays = [2030-09-02]\nsource = \"a decision\"";
    assert!(official::parse(&entry(ok)).is_ok());

    let unknown = entry("holiday = \"tet-trung-thu\"\ndays = [2030-09-02]\nsource = \"x\"");
    assert!(matches!(
        official::parse(&unknown),
        Err(ScheduleError::UnknownHoliday { key, .. }) if key == "tet-trung-thu"
    ));

    let twice = format!("{}{}", entry(ok), entry(ok));
    assert!(matches!(
        official::parse(&twice),
        Err(ScheduleError::Duplicate {
            index: 1,
            year: 2030,
            ..
        })
    ));

    let no_source = entry("holiday = \"quoc-khanh\"\ndays = [2030-09-02]\nsource = \" \"");
    assert_eq!(
        official::parse(&no_source),
        Err(ScheduleError::NoSource { index: 0 })
    );

    let no_days = entry("holiday = \"quoc-khanh\"\ndays = []\nsource = \"x\"");
    assert_eq!(
        official::parse(&no_days),
        Err(ScheduleError::NoDays { index: 0 })
    );

    let with_time = entry("holiday = \"quoc-khanh\"\ndays = [2030-09-02T08:00:00]\nsource = \"x\"");
    assert!(matches!(
        official::parse(&with_time),
        Err(ScheduleError::NotADate { index: 0, .. })
    ));

    let typo = entry("holiday = \"quoc-khanh\"\ndays = [2030-09-02]\nsource = \"x\"\nswap = []");
    assert!(matches!(
        official::parse(&typo),
        Err(ScheduleError::Syntax(_))
    ));
}

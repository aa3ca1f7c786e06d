//! The Vietnamese lunar calendar (UTC+7): Tết and Giỗ Tổ fall on the days
//! Vietnamese calendars print, including the years where the Chinese calendar
//! (UTC+8) gives another day.

use chrono::{Datelike, NaiveDate};
use motcua_core::calendar::lunar::{self, LunarDate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn lunar_date(year: i32, month: u32, day: u32, leap: bool) -> LunarDate {
    LunarDate {
        year,
        month,
        day,
        leap,
    }
}

#[test]
fn tet_follows_the_vietnamese_not_the_chinese_calendar() {
    // Chinese calendars give 1985-02-20, 2007-02-18 and 2030-02-03.
    assert_eq!(lunar::tet(1985), Some(d(1985, 1, 21)));
    assert_eq!(lunar::tet(2007), Some(d(2007, 2, 17)));
    assert_eq!(lunar::tet(2026), Some(d(2026, 2, 17)));
    assert_eq!(lunar::tet(2030), Some(d(2030, 2, 2)));
}

/// Mùng 1 Tết 2000–2035 as printed in Vietnamese calendars (lịch vạn niên).
const TET: &[(i32, u32, u32)] = &[
    (2000, 2, 5),
    (2001, 1, 24),
    (2002, 2, 12),
    (2003, 2, 1),
    (2004, 1, 22),
    (2005, 2, 9),
    (2006, 1, 29),
    (2007, 2, 17),
    (2008, 2, 7),
    (2009, 1, 26),
    (2010, 2, 14),
    (2011, 2, 3),
    (2012, 1, 23),
    (2013, 2, 10),
    (2014, 1, 31),
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 2),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
];

#[test]
fn tet_2000_to_2035_matches_the_printed_calendar() {
    let wrong: Vec<String> = TET
        .iter()
        .filter_map(|&(y, m, day)| {
            let got = lunar::tet(y);
            (got != Some(d(y, m, day)))
                .then(|| format!("{y}: expected {y}-{m:02}-{day:02}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn gio_to_hung_vuong_is_the_tenth_of_the_third_lunar_month() {
    for (year, expected) in [
        (2019, d(2019, 4, 14)),
        (2020, d(2020, 4, 2)),
        (2021, d(2021, 4, 21)),
        (2022, d(2022, 4, 10)),
        (2023, d(2023, 4, 29)),
        (2024, d(2024, 4, 18)),
        (2025, d(2025, 4, 7)),
        (2026, d(2026, 4, 26)),
    ] {
        assert_eq!(
            lunar::to_solar(lunar_date(year, 3, 10, false)),
            Some(expected),
            "Giỗ Tổ {year}"
        );
        assert_eq!(lunar::to_lunar(expected), lunar_date(year, 3, 10, false));
    }
}

#[test]
fn leap_months_are_found_and_named() {
    // Canh Tý 2020: tháng 4 nhuận; Quý Mão 2023: tháng 2 nhuận; Ất Tỵ 2025: tháng 6 nhuận.
    assert_eq!(
        lunar::to_lunar(d(2020, 5, 23)),
        lunar_date(2020, 4, 1, true)
    );
    assert_eq!(
        lunar::to_lunar(d(2023, 3, 22)),
        lunar_date(2023, 2, 1, true)
    );
    assert_eq!(
        lunar::to_lunar(d(2025, 7, 25)),
        lunar_date(2025, 6, 1, true)
    );
    assert_eq!(
        lunar::to_lunar(d(2025, 6, 25)),
        lunar_date(2025, 6, 1, false)
    );
    assert_eq!(
        lunar::to_solar(lunar_date(2025, 6, 1, true)),
        Some(d(2025, 7, 25))
    );
    // 2026 has no leap month at all.
    assert_eq!(lunar::to_solar(lunar_date(2026, 6, 1, true)), None);
}

#[test]
fn the_last_day_of_the_year_and_impossible_dates() {
    // Ất Tỵ ends on 29 Chạp (2026-02-16); 30 Chạp does not exist that year.
    assert_eq!(
        lunar::to_lunar(d(2026, 2, 16)),
        lunar_date(2025, 12, 29, false)
    );
    assert_eq!(lunar::to_solar(lunar_date(2025, 12, 30, false)), None);
    // Quý Mão ends on 30 Chạp (2024-02-09).
    assert_eq!(
        lunar::to_lunar(d(2024, 2, 9)),
        lunar_date(2023, 12, 30, false)
    );
    assert_eq!(lunar::to_solar(lunar_date(2023, 13, 1, false)), None);
    assert_eq!(lunar::to_solar(lunar_date(2023, 1, 0, false)), None);
}

/// Every day of the range the holiday tables use, not a sample: a random sample once
/// missed 2054-05-07, which came out as day 0 of a month.
#[test]
fn every_day_from_1900_to_2198_converts_to_lunar_and_back() {
    let mut date = d(1900, 3, 1);
    let mut previous: Option<LunarDate> = None;
    while date.year() < 2199 {
        let l = lunar::to_lunar(date);
        assert!(
            (1..=12).contains(&l.month) && (1..=30).contains(&l.day),
            "{date}: {l:?}"
        );
        assert_eq!(lunar::to_solar(l), Some(date), "{date}: {l:?}");
        // Consecutive days: the next lunar day, or day 1 of a new month.
        if let Some(p) = previous {
            assert!(l.day == p.day + 1 || l.day == 1, "{date}: {p:?} then {l:?}");
        }
        previous = Some(l);
        date = date.succ_opt().expect("a date before 2199 has a successor");
    }
}

//! The Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7.
//!
//! This is Hồ Ngọc Đức's algorithm: a lunar month starts on the local day of a
//! new moon; month 11 is the month that contains the winter solstice; a year of
//! 13 months repeats the first month after month 11 that contains no major solar
//! term (trung khí). The only difference from the Chinese calendar is the time
//! zone (Vietnam has used UTC+7 since 1968, China UTC+8), which moves some new
//! moons across midnight: mùng 1 Tết 1985, 2007 and 2030 fall a day earlier here.
//! Valid for the years the holiday tables use (1900–2199).

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};

/// Hours east of UTC of the Vietnamese calendar.
const TIME_ZONE: f64 = 7.0;
/// Julian day number of 1900-01-01 12:00 (epoch of the new-moon series).
const EPOCH_1900: f64 = 2_415_021.076_998_695;
/// Mean length of a synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// Julian day number of 0001-01-01 (proleptic Gregorian) minus one.
const JDN_CE_OFFSET: i64 = 1_721_425;

/// A date of the Vietnamese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LunarDate {
    /// The lunar year, named after the solar year in which most of it falls.
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–30.
    pub day: u32,
    /// Whether `month` is the repeated (nhuận) month of a 13-month year.
    pub leap: bool,
}

/// Julian day number of a Gregorian date.
fn jdn(year: i64, month: i64, day: i64) -> i64 {
    let a = (14 - month).div_euclid(12);
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32045
}

fn jdn_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_CE_OFFSET
}

fn date_of(jdn: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jdn - JDN_CE_OFFSET).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Julian date (UT) of the k-th new moon after the one of 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3; // Sun's mean anomaly
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3; // Moon's mean anomaly
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3; // Moon's argument of latitude
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 += -0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 += -0.0004 * (dr * 3.0 * mpr).sin();
    c1 += 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 += -0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 += -0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// Local (UTC+7) day number of the k-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The Sun's apparent longitude in radians, 0..2π, at Julian date `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the 12 major solar terms (30° sectors) the Sun is in at the local
/// midnight that starts day `day`.
fn sun_sector(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// Day number on which lunar month 11 (the winter-solstice month) of `year` starts.
fn month_11_start(year: i64) -> i64 {
    let off = jdn(year, 12, 31) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// In a 13-month year starting at month 11 `a11`: how many months after `a11`
/// the leap month comes (the first month with no major solar term).
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - EPOCH_1900) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// Day number on which the lunar month containing `day_number` starts. The mean-motion
/// estimate of the month index can be one too high (2054-05-07 lies just before a new
/// moon the estimate already counts), so step back until the month starts on or before
/// the day, and forward while the next one does too.
fn month_start_of(day_number: i64) -> i64 {
    let mut k = ((day_number as f64 - EPOCH_1900) / SYNODIC_MONTH).floor() as i64 + 1;
    while new_moon_day(k) > day_number {
        k -= 1;
    }
    while new_moon_day(k + 1) <= day_number {
        k += 1;
    }
    new_moon_day(k)
}

/// The lunar date of a solar (Gregorian) date.
pub fn to_lunar(date: NaiveDate) -> LunarDate {
    let day_number = jdn_of(date);
    let year = i64::from(date.year());
    let month_start = month_start_of(day_number);
    let mut a11 = month_11_start(year);
    let mut b11 = a11;
    let mut lunar_year;
    if a11 >= month_start {
        lunar_year = year;
        a11 = month_11_start(year - 1);
    } else {
        lunar_year = year + 1;
        b11 = month_11_start(year + 1);
    }
    let day = day_number - month_start + 1;
    let diff = ((month_start - a11) as f64 / 29.0).floor() as i64;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    LunarDate {
        year: lunar_year as i32,
        month: month as u32,
        day: day as u32,
        leap,
    }
}

/// The solar date of a lunar date; `None` when it does not exist (a leap month
/// the year does not have, or day 30 of a 29-day month).
pub fn to_solar(lunar: LunarDate) -> Option<NaiveDate> {
    if !(1..=12).contains(&lunar.month) || !(1..=30).contains(&lunar.day) {
        return None;
    }
    let year = i64::from(lunar.year);
    let month = i64::from(lunar.month);
    let (a11, b11) = if month < 11 {
        (month_11_start(year - 1), month_11_start(year))
    } else {
        (month_11_start(year), month_11_start(year + 1))
    };
    let k = (0.5 + (a11 as f64 - EPOCH_1900) / SYNODIC_MONTH).floor() as i64;
    let mut off = (month - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11);
        let leap_month = (leap_off - 2).rem_euclid(12);
        if lunar.leap && month != leap_month {
            return None;
        }
        if lunar.leap || off >= leap_off {
            off += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let month_start = new_moon_day(k + off);
    let date = date_of(month_start + i64::from(lunar.day) - 1)?;
    // Day 30 of a 29-day month rolls into the next month: not a real date.
    (to_lunar(date) == lunar).then_some(date)
}

/// Mùng 1 Tết: the first day of lunar year `year`.
pub fn tet(year: i32) -> Option<NaiveDate> {
    to_solar(LunarDate {
        year,
        month: 1,
        day: 1,
        leap: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_day_numbers_agree_with_chrono() {
        let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        assert_eq!(jdn(2000, 1, 1), 2_451_545);
        assert_eq!(jdn_of(d), 2_451_545);
        assert_eq!(date_of(2_451_545), Some(d));
    }

    /// The new moon of May 2054 falls on the local day 2054-05-08, so 2054-05-07 is the
    /// 30th (last) day of the third lunar month, which began on 2054-04-08. The estimate
    /// of the month index overshoots here; it used to give day 0.
    #[test]
    fn the_day_before_a_new_moon_the_estimate_overshoots_is_the_last_day_of_its_month() {
        let date = NaiveDate::from_ymd_opt(2054, 5, 7).unwrap_or_default();
        let expected = LunarDate {
            year: 2054,
            month: 3,
            day: 30,
            leap: false,
        };
        assert_eq!(to_lunar(date), expected);
        assert_eq!(to_solar(expected), Some(date));
    }
}

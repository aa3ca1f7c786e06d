//! The official yearly schedules, data/holidays.toml, compiled in and parsed once.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;
use thiserror::Error;
use toml::value::Datetime;

use super::day::HolidayName;

/// The schedule file as shipped.
pub const HOLIDAYS_TOML: &str = include_str!("../../../../data/holidays.toml");

/// One holiday of one year as the Prime Minister's schedule sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub year: i32,
    pub holiday: HolidayName,
    /// Statutory holiday days, weekend ones included.
    pub days: Vec<NaiveDate>,
    /// Days in lieu; `None` means derive them (Điều 111 khoản 3).
    pub compensatory: Option<Vec<NaiveDate>>,
    pub swaps: Vec<Swap>,
    pub source: String,
}

/// A working day given off, worked back on a Saturday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swap {
    pub off: NaiveDate,
    pub work: NaiveDate,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("data/holidays.toml does not parse: {0}")]
    Syntax(String),
    #[error("schedule {index}: unknown holiday {key:?}")]
    UnknownHoliday { index: usize, key: String },
    #[error("schedule {index}: {value} is not a date")]
    NotADate { index: usize, value: String },
    #[error("schedule {index}: no days")]
    NoDays { index: usize },
    #[error("schedule {index}: empty source")]
    NoSource { index: usize },
    #[error("schedule {index}: {year} {holiday} is listed twice")]
    Duplicate {
        index: usize,
        year: i32,
        holiday: &'static str,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    schedule: Vec<RawSchedule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    year: i32,
    holiday: String,
    days: Vec<Datetime>,
    compensatory: Option<Vec<Datetime>>,
    #[serde(default)]
    swaps: Vec<RawSwap>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSwap {
    off: Datetime,
    work: Datetime,
}

fn date(index: usize, value: &Datetime) -> Result<NaiveDate, ScheduleError> {
    let bad = || ScheduleError::NotADate {
        index,
        value: value.to_string(),
    };
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

fn dates(index: usize, values: &[Datetime]) -> Result<Vec<NaiveDate>, ScheduleError> {
    values.iter().map(|v| date(index, v)).collect()
}

/// Parse a schedule file. Entries are checked for shape, not for plausibility
/// (tests/it/calendar_official.rs checks the shipped file against the calendar).
pub fn parse(text: &str) -> Result<Vec<Schedule>, ScheduleError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| ScheduleError::Syntax(e.to_string()))?;
    let mut out: Vec<Schedule> = Vec::with_capacity(raw.schedule.len());
    for (index, s) in raw.schedule.into_iter().enumerate() {
        let holiday =
            HolidayName::from_key(&s.holiday).ok_or_else(|| ScheduleError::UnknownHoliday {
                index,
                key: s.holiday.clone(),
            })?;
        if out.iter().any(|o| o.year == s.year && o.holiday == holiday) {
            return Err(ScheduleError::Duplicate {
                index,
                year: s.year,
                holiday: holiday.key(),
            });
        }
        let days = dates(index, &s.days)?;
        if days.is_empty() {
            return Err(ScheduleError::NoDays { index });
        }
        if s.source.trim().is_empty() {
            return Err(ScheduleError::NoSource { index });
        }
        let compensatory = s.compensatory.map(|c| dates(index, &c)).transpose()?;
        let swaps = s
            .swaps
            .iter()
            .map(|w| {
                Ok(Swap {
                    off: date(index, &w.off)?,
                    work: date(index, &w.work)?,
                })
            })
            .collect::<Result<_, _>>()?;
        out.push(Schedule {
            year: s.year,
            holiday,
            days,
            compensatory,
            swaps,
            source: s.source,
        });
    }
    Ok(out)
}

/// The shipped schedules. A broken file is a build defect caught by the tests;
/// at run time it only means every year is derived by rule.
pub fn schedules() -> &'static [Schedule] {
    static PARSED: OnceLock<Vec<Schedule>> = OnceLock::new();
    PARSED.get_or_init(|| parse(HOLIDAYS_TOML).unwrap_or_default())
}

/// The official schedule of one holiday of one year, if the data has it.
pub fn find(year: i32, holiday: HolidayName) -> Option<&'static Schedule> {
    schedules()
        .iter()
        .find(|s| s.year == year && s.holiday == holiday)
}

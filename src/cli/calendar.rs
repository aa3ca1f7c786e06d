//! `motcua calendar YEAR [--scenario F] [--json]`: the year's weekdays off and
//! make-up workdays, one per line: date, weekday, name, where it comes from.
//! Also the names of days that `due --explain` shares.

use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::{Map, Value, json};

use super::{CliError, exit, output, resolve};
use motcua_core::calendar::{CalendarEntry, DayOffKind, EntryKind, Source, WorkCalendar, YEARS};
use motcua_i18n::Lang;
use motcua_i18n::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year, e.g. 2026.
    #[arg(value_name = "YEAR", allow_negative_numbers = true)]
    pub year: i32,
    /// Apply a scenario's extra days off and workdays (path or built-in id).
    #[arg(long, value_name = "F")]
    pub scenario: Option<String>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    if !YEARS.contains(&args.year) {
        return Err(CliError::BadArgument {
            name: "YEAR",
            value: t!(
                lang,
                "calendar.error.year",
                value = args.year,
                min = YEARS.start(),
                max = YEARS.end()
            ),
        });
    }
    let cal = calendar_for(args.scenario.as_deref())?;
    let entries = cal.days_off(args.year);
    if args.json {
        let days: Vec<Value> = entries.iter().map(|e| entry_json(lang, e)).collect();
        let doc = json!({ "year": args.year, "days": days });
        output::print(&motcua_store::sanitize::json::pretty(&doc))?;
    } else {
        for e in &entries {
            output::line(&format!(
                "{}\t{}\t{}\t{}",
                e.date,
                weekday_name(lang, e.date),
                entry_name(lang, e),
                source_name(lang, e.source)
            ))?;
        }
    }
    Ok(exit::done())
}

/// The built-in calendar, or the one of the scenario the user named.
pub(crate) fn calendar_for(scenario: Option<&str>) -> Result<WorkCalendar, CliError> {
    match scenario {
        Some(name) => Ok(WorkCalendar::for_scenario(&resolve::scenario(name)?)),
        None => Ok(WorkCalendar::default()),
    }
}

pub(crate) fn weekday_key(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

pub(crate) fn weekday_name(lang: Lang, date: NaiveDate) -> String {
    t!(lang, &format!("calendar.weekday.{}", weekday_key(date)))
}

pub(crate) fn source_name(lang: Lang, source: Source) -> String {
    t!(lang, &format!("calendar.source.{}", source_key(source)))
}

fn source_key(source: Source) -> &'static str {
    match source {
        Source::Official => "official",
        Source::Rule => "rule",
        Source::Scenario => "scenario",
    }
}

/// The name of a reason for a day off, e.g. "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)".
pub(crate) fn day_off_name(lang: Lang, off: DayOffKind) -> String {
    let holiday =
        |h: motcua_core::calendar::HolidayName| t!(lang, &format!("calendar.holiday.{}", h.key()));
    match off {
        DayOffKind::Weekend => t!(lang, "calendar.day.weekend"),
        DayOffKind::Holiday { holiday: h } => holiday(h),
        DayOffKind::Compensatory { holiday: h } => {
            t!(lang, "calendar.day.compensatory", holiday = holiday(h))
        }
        DayOffKind::Swapped {
            holiday: h,
            workday,
        } => t!(
            lang,
            "calendar.day.swapped",
            holiday = holiday(h),
            workday = workday
        ),
        DayOffKind::ScenarioHoliday => t!(lang, "calendar.day.scenario_holiday"),
    }
}

pub(crate) fn entry_name(lang: Lang, e: &CalendarEntry) -> String {
    match e.kind {
        EntryKind::Off { off } => day_off_name(lang, off),
        EntryKind::MakeUp {
            holiday: Some(h),
            instead_of: Some(day),
        } => t!(
            lang,
            "calendar.day.make_up",
            day = day,
            holiday = t!(lang, &format!("calendar.holiday.{}", h.key()))
        ),
        EntryKind::MakeUp { .. } => t!(lang, "calendar.day.make_up_scenario"),
    }
}

/// Codes of a day off for JSON: `off`, and `holiday` / `workday` when they apply.
pub(crate) fn day_off_json(off: DayOffKind, source: Source) -> Map<String, Value> {
    let mut m = Map::new();
    let (kind, holiday, workday) = match off {
        DayOffKind::Weekend => ("weekend", None, None),
        DayOffKind::Holiday { holiday } => ("holiday", Some(holiday), None),
        DayOffKind::Compensatory { holiday } => ("compensatory", Some(holiday), None),
        DayOffKind::Swapped { holiday, workday } => ("swapped", Some(holiday), Some(workday)),
        DayOffKind::ScenarioHoliday => ("scenario-holiday", None, None),
    };
    m.insert("off".into(), json!(kind));
    if let Some(h) = holiday {
        m.insert("holiday".into(), json!(h.key()));
    }
    if let Some(w) = workday {
        m.insert("workday".into(), json!(w.to_string()));
    }
    m.insert("source".into(), json!(source_key(source)));
    m
}

fn entry_json(lang: Lang, e: &CalendarEntry) -> Value {
    let mut m = Map::new();
    m.insert("date".into(), json!(e.date.to_string()));
    m.insert("weekday".into(), json!(weekday_key(e.date)));
    match e.kind {
        EntryKind::Off { off } => {
            m.insert("kind".into(), json!("off"));
            m.extend(day_off_json(off, e.source));
        }
        EntryKind::MakeUp {
            holiday,
            instead_of,
        } => {
            m.insert("kind".into(), json!("make-up"));
            if let Some(h) = holiday {
                m.insert("holiday".into(), json!(h.key()));
            }
            if let Some(day) = instead_of {
                m.insert("instead_of".into(), json!(day.to_string()));
            }
            m.insert("source".into(), json!(source_key(e.source)));
        }
    }
    m.insert("name".into(), json!(entry_name(lang, e)));
    Value::Object(m)
}

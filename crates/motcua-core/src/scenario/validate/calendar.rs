//! `[calendar]`: extra days off and make-up working days.

use chrono::{Datelike, NaiveDate, Weekday};

use super::super::diagnostic::DiagCode;
use super::super::model::CalendarExtras;
use super::super::raw::{RawCalendar, S};
use super::super::report::Report;
use super::super::values::date;
use super::Seen;
use toml::value::Datetime;

pub(crate) fn calendar(r: &mut Report, raw: Option<&S<RawCalendar>>) -> Option<CalendarExtras> {
    let Some(raw) = raw else {
        return Some(CalendarExtras::default());
    };
    let raw = raw.get_ref();
    let holidays = dates(r, "holidays", raw.holidays.as_ref());
    let workdays = dates(r, "workdays", raw.workdays.as_ref());
    let (holidays, workdays) = (holidays?, workdays?);
    let mut ok = true;
    for (day, at) in &workdays {
        let reason = if holidays.iter().any(|(h, _)| h == day) {
            Some("@diag.reason.holiday_and_workday")
        } else if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            Some("@diag.reason.workday_not_weekend")
        } else {
            None
        };
        if let Some(reason) = reason {
            let args = vec![("date", day.to_string()), ("reason", reason.to_string())];
            r.push(*at, DiagCode::CalendarConflict, args);
            ok = false;
        }
    }
    ok.then(|| CalendarExtras {
        holidays: holidays.into_iter().map(|(d, _)| d).collect(),
        workdays: workdays.into_iter().map(|(d, _)| d).collect(),
    })
}

/// Dates with their offsets; a date listed twice is E009.
fn dates(
    r: &mut Report,
    key: &str,
    list: Option<&S<Vec<S<Datetime>>>>,
) -> Option<Vec<(NaiveDate, usize)>> {
    let mut seen = Seen::default();
    let mut out = Vec::new();
    let mut ok = true;
    for item in list.map(|l| l.get_ref().iter()).into_iter().flatten() {
        let at = item.span().start;
        // The structure check let only plain dates through; chrono still has the last word.
        let Some(day) = date(item.get_ref()) else {
            let args = vec![
                ("key", key.to_string()),
                ("value", item.get_ref().to_string()),
                ("expected", "@diag.type.date".to_string()),
            ];
            r.push(at, DiagCode::InvalidValue, args);
            ok = false;
            continue;
        };
        ok &= seen.check(r, &day.to_string(), at);
        out.push((day, at));
    }
    ok.then_some(out)
}

//! Parsers for the small textual values of the format: clock times, office-hour
//! spans, `dayN HH:MM`, `party.attribute` and the enum-like strings.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use toml::value::{Datetime, Offset};

use super::model::{
    Attr, Channel, Condition, CopyKind, Difficulty, EventKind, FlawKind, FlawResponse, LegalForm,
    Level, Party, ResultChannel, Role, RuleSet, ServiceLevel, Stage,
};
use super::model::{DayTime, TimeSpan};

/// Enum-like values written as a fixed string in the file.
pub(crate) trait Named: Sized + Copy + 'static {
    fn from_name(s: &str) -> Option<Self>;
    fn names() -> Vec<&'static str>;
    /// `a | b | c`, for "expected one of" in E008.
    fn listing() -> String {
        Self::names().join(" | ")
    }
}

/// Enums declared with `keyed_enum!` already know their keys.
macro_rules! keyed {
    ($($t:ty),+) => {$(
        impl Named for $t {
            fn from_name(s: &str) -> Option<Self> {
                <$t>::from_key(s)
            }
            fn names() -> Vec<&'static str> {
                <$t>::keys()
            }
        }
    )+};
}

keyed!(
    Difficulty,
    Role,
    RuleSet,
    ServiceLevel,
    CopyKind,
    FlawResponse,
    FlawKind,
    Channel,
    EventKind,
    Stage,
    Level,
    Condition,
    LegalForm,
    ResultChannel
);

/// `HH:MM` (or `H:MM`), 00:00 to 23:59.
pub(crate) fn clock(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    let digits = |p: &str, max_len: usize| {
        !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || m.len() != 2 || !digits(m, 2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Why an office-hours span is wrong; each is a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanError {
    Format,
    Order,
}

impl SpanError {
    pub(crate) fn reason_key(self) -> &'static str {
        match self {
            SpanError::Format => "@diag.reason.hours_format",
            SpanError::Order => "@diag.reason.hours_order",
        }
    }
}

/// `07:30-11:30`: a start strictly before its end.
pub(crate) fn time_span(s: &str) -> Result<TimeSpan, SpanError> {
    let (from, to) = s.split_once('-').ok_or(SpanError::Format)?;
    let from = clock(from.trim()).ok_or(SpanError::Format)?;
    let to = clock(to.trim()).ok_or(SpanError::Format)?;
    if from < to {
        Ok(TimeSpan { from, to })
    } else {
        Err(SpanError::Order)
    }
}

/// `day2 09:00`: the 2nd working day of the period, at 09:00.
pub(crate) fn day_time(s: &str) -> Option<DayTime> {
    let rest = s.strip_prefix("day")?;
    let (day, time) = rest.split_once(' ')?;
    if day.is_empty() || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(DayTime {
        day: day.parse().ok()?,
        time: clock(time)?,
    })
}

/// What is wrong with a `party.attribute` reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldError {
    Party(String),
    Attr(String),
    NotOfParty,
}

pub(crate) fn field_ref(s: &str) -> Result<super::model::FieldRef, FieldError> {
    let Some((party, attr)) = s.split_once('.') else {
        return Err(FieldError::Party(s.to_string()));
    };
    let party = Party::from_key(party).ok_or_else(|| FieldError::Party(party.to_string()))?;
    let attr = Attr::from_key(attr).ok_or_else(|| FieldError::Attr(attr.to_string()))?;
    if party.has(attr) {
        Ok(super::model::FieldRef { party, attr })
    } else {
        Err(FieldError::NotOfParty)
    }
}

pub(crate) fn date(d: &Datetime) -> Option<NaiveDate> {
    match (d.date, d.time) {
        (Some(date), None) => {
            NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        }
        _ => None,
    }
}

/// Minutes east of UTC of Vietnam time.
const VIETNAM_OFFSET_MINUTES: i64 = 7 * 60;

/// A TOML date-time as Vietnam local time: an offset is converted to UTC+7,
/// a local date-time is taken as UTC+7 already. A date or a time alone is `None`.
pub(crate) fn vietnam_time(d: &Datetime) -> Option<NaiveDateTime> {
    let (date, time) = (d.date?, d.time?);
    let date = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?;
    let time = NaiveTime::from_hms_nano_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.unwrap_or(0).into(),
        time.nanosecond.unwrap_or(0),
    )?;
    let written = date.and_time(time);
    let offset_minutes = match d.offset {
        None => VIETNAM_OFFSET_MINUTES,
        Some(Offset::Z) => 0,
        Some(Offset::Custom { minutes }) => minutes.into(),
    };
    written.checked_add_signed(Duration::minutes(VIETNAM_OFFSET_MINUTES - offset_minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock("07:30"), Some(t(7, 30)));
        assert_eq!(clock("7:30"), Some(t(7, 30)));
        assert_eq!(clock("24:00"), None);
        assert_eq!(clock("07:60"), None);
        assert_eq!(clock("0730"), None);
        assert_eq!(clock("07:3"), None);
    }

    #[test]
    fn office_hour_spans() {
        assert_eq!(
            time_span("07:30-11:30"),
            Ok(TimeSpan {
                from: t(7, 30),
                to: t(11, 30)
            })
        );
        assert_eq!(time_span("11:30-07:30"), Err(SpanError::Order));
        assert_eq!(time_span("7h30-11h30"), Err(SpanError::Format));
    }

    #[test]
    fn day_times() {
        assert_eq!(
            day_time("day2 09:00"),
            Some(DayTime {
                day: 2,
                time: t(9, 0)
            })
        );
        assert_eq!(day_time("day 09:00"), None);
        assert_eq!(day_time("ngày2 09:00"), None);
        assert_eq!(day_time("day2 9h"), None);
        assert_eq!(day_time("day-1 09:00"), None);
    }

    #[test]
    fn field_references() {
        use super::super::model::FieldRef;
        assert_eq!(
            field_ref("mother.name"),
            Ok(FieldRef {
                party: Party::Mother,
                attr: Attr::Name
            })
        );
        assert_eq!(field_ref("mom.name"), Err(FieldError::Party("mom".into())));
        assert_eq!(field_ref("mother.nam"), Err(FieldError::Attr("nam".into())));
        assert_eq!(
            field_ref("business.birth_date"),
            Err(FieldError::NotOfParty)
        );
    }

    /// The names the file uses are the names JSON output uses (serde renames).
    fn round_trips<T: Named + serde::Serialize>() {
        for name in T::names() {
            let value = T::from_name(name).expect("listed name parses");
            assert_eq!(
                serde_json::to_value(value).ok(),
                Some(name.into()),
                "{name}"
            );
        }
    }

    #[test]
    fn file_names_match_serialized_names() {
        round_trips::<Difficulty>();
        round_trips::<Role>();
        round_trips::<RuleSet>();
        round_trips::<ServiceLevel>();
        round_trips::<CopyKind>();
        round_trips::<FlawResponse>();
    }

    #[test]
    fn start_times_become_vietnam_time() {
        let local = |s: &str| vietnam_time(&s.parse::<Datetime>().unwrap());
        let expect = NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_time(t(7, 30));
        assert_eq!(local("2026-03-02T07:30:00+07:00"), Some(expect));
        assert_eq!(local("2026-03-02T00:30:00Z"), Some(expect));
        assert_eq!(local("2026-03-02T07:30:00"), Some(expect));
        assert_eq!(local("2026-03-02"), None);
    }
}

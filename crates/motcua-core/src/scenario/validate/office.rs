//! `[office]` (name, hours, cut-off) and `[costs]`.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};

use super::super::diagnostic::DiagCode;
use super::super::model::{Area, Costs, Geography, Office, TimeSpan};
use super::super::raw::{RawArea, RawOffice, S, Str};
use super::super::report::Report;
use super::super::values::{clock, time_span};
use super::{Min, int_upto, non_empty, text};
use crate::limits;

pub(crate) const DEFAULT_NAME: &str = "Bộ phận Một cửa";
pub(crate) const DEFAULT_UNIT_CODE: &str = "000.00.12.H12";
pub(crate) const DEFAULT_PROVINCE: &str = "Thành phố Hà Nội";

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// 07:30–11:30 and 13:30–17:00.
pub(crate) fn default_hours() -> Vec<TimeSpan> {
    vec![
        TimeSpan {
            from: hm(7, 30),
            to: hm(11, 30),
        },
        TimeSpan {
            from: hm(13, 30),
            to: hm(17, 0),
        },
    ]
}

/// Same-day procedures received after 15:00 count from the next working day.
pub(crate) fn default_cutoff() -> NaiveTime {
    hm(15, 0)
}

/// `start`: when the period starts (its map decides whether a district is written);
/// `version`: the file's format (format 1 wrote the district inside `commune`).
pub(crate) fn office(
    r: &mut Report,
    raw: Option<&S<RawOffice>>,
    start: Option<NaiveDateTime>,
    version: i64,
) -> Option<Office> {
    let empty = RawOffice::default();
    let raw = raw.map_or(&empty, |o| o.get_ref());
    let hours = hours(r, raw);
    let cutoff = cutoff(r, raw, hours.as_deref());
    let geography = start.map(|s| Geography::on(s.date()));
    let (commune, district) = if version == super::super::model::FORMAT_VERSION_1 {
        v1_commune(raw, geography)
    } else {
        (text(&raw.commune), text(&raw.district))
    };
    let levels_ok = version == super::super::model::FORMAT_VERSION_1
        || area_fits(r, raw, geography, district.is_some());
    let after_merger = raw.after_merger.as_ref().map(|a| area(a.get_ref()));
    levels_ok.then_some(())?;
    Some(Office {
        name: text(&raw.name).unwrap_or_else(|| DEFAULT_NAME.to_string()),
        unit_code: text(&raw.unit_code).unwrap_or_else(|| DEFAULT_UNIT_CODE.to_string()),
        province: text(&raw.province).unwrap_or_else(|| DEFAULT_PROVINCE.to_string()),
        commune,
        district,
        after_merger,
        hours: hours?,
        same_day_cutoff: cutoff?,
        saturday_morning: raw.saturday_morning.as_ref().is_some_and(|b| *b.get_ref()),
    })
}

/// Format 1 wrote the district after the commune ("Phường Linh Chiểu, thành phố Thủ
/// Đức"); on a three-level date that part is the district, on a two-level one it is dropped.
fn v1_commune(raw: &RawOffice, geography: Option<Geography>) -> (Option<String>, Option<String>) {
    let Some(written) = text(&raw.commune) else {
        return (None, text(&raw.district));
    };
    let Some((commune, rest)) = written.split_once(',') else {
        return (Some(written), text(&raw.district));
    };
    let district = match geography {
        Some(Geography::ThreeLevels) => {
            text(&raw.district).or_else(|| Some(capitalise(rest.trim())))
        }
        _ => None,
    };
    (Some(commune.trim().to_string()), district)
}

/// "thành phố Thủ Đức" → "Thành phố Thủ Đức", as an address writes it.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The area has the levels of its date (E050): a commune's district before 1/7/2025,
/// no district and no `after_merger` from then on.
fn area_fits(
    r: &mut Report,
    raw: &RawOffice,
    geography: Option<Geography>,
    district: bool,
) -> bool {
    let mut ok = true;
    let mut wrong = |r: &mut Report, at: &Str, reason: &str| {
        if let Some(v) = at {
            let args = vec![("reason", reason.to_string())];
            r.push(v.span().start, DiagCode::OfficeArea, args);
        }
        ok = false;
    };
    match geography {
        Some(Geography::ThreeLevels) if raw.commune.is_some() && !district => {
            wrong(r, &raw.commune, "@diag.reason.area_needs_district");
        }
        Some(Geography::TwoLevels) => {
            if raw.district.is_some() {
                wrong(r, &raw.district, "@diag.reason.area_no_district");
            }
            if let Some(a) = &raw.after_merger {
                let at = Some(S::new(a.span(), String::new()));
                wrong(r, &at, "@diag.reason.after_merger_unused");
            }
        }
        _ => {}
    }
    ok
}

fn area(raw: &RawArea) -> Area {
    Area {
        commune: text(&raw.commune),
        district: None,
        province: text(&raw.province).unwrap_or_default(),
    }
}

/// Spans in order, each `HH:MM-HH:MM`, none overlapping (E029); at least one (E028).
fn hours(r: &mut Report, raw: &RawOffice) -> Option<Vec<TimeSpan>> {
    let Some(list) = &raw.hours else {
        return Some(default_hours());
    };
    if !non_empty(r, "hours", list) {
        return None;
    }
    let mut spans = Vec::new();
    let mut ok = true;
    for item in list.get_ref() {
        match time_span(item.get_ref()) {
            Ok(span) => {
                let after_previous = spans.last().is_none_or(|p: &TimeSpan| p.to <= span.from);
                if !after_previous {
                    bad_hours(r, item, "@diag.reason.hours_overlap");
                    ok = false;
                }
                spans.push(span);
            }
            Err(e) => {
                bad_hours(r, item, e.reason_key());
                ok = false;
            }
        }
    }
    ok.then_some(spans)
}

fn bad_hours(r: &mut Report, item: &S<String>, reason: &str) {
    let args = vec![
        ("value", item.get_ref().clone()),
        ("reason", reason.to_string()),
    ];
    r.push(item.span().start, DiagCode::BadHours, args);
}

/// `HH:MM`, inside office hours (E029).
fn cutoff(r: &mut Report, raw: &RawOffice, hours: Option<&[TimeSpan]>) -> Option<NaiveTime> {
    let Some(v) = &raw.same_day_cutoff else {
        return Some(default_cutoff());
    };
    let Some(time) = clock(v.get_ref()) else {
        bad_hours(r, v, "@diag.reason.cutoff_format");
        return None;
    };
    let inside = hours.is_none_or(|spans| spans.iter().any(|s| s.from <= time && time <= s.to));
    if !inside {
        bad_hours(r, v, "@diag.reason.cutoff_outside");
        return None;
    }
    Some(time)
}

/// `[costs]`: minutes per action, ≥ 0 (unknown actions were E006).
pub(crate) fn costs(r: &mut Report, raw: Option<&S<BTreeMap<S<String>, S<i64>>>>) -> Option<Costs> {
    let mut minutes = BTreeMap::new();
    let mut ok = true;
    for (action, v) in raw.map(|t| t.get_ref().iter()).into_iter().flatten() {
        match int_upto::<u32>(r, action.get_ref(), v, Min::Zero, limits::MINUTES) {
            Some(m) => {
                minutes.insert(action.get_ref().clone(), m);
            }
            None => ok = false,
        }
    }
    ok.then_some(Costs { minutes })
}

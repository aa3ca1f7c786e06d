//! Check the meaning of a structurally sound file and build the model from it.
//!
//! Each section has its own file; each returns `Some(part)` only when it is fully
//! valid, and records every problem it finds on the way, so one run reports all
//! of them. References between sections go through `Index`, built first.

mod calendar;
mod component;
mod dossiers;
mod events;
mod flaw;
mod index;
mod jurisdiction;
mod meta;
mod office;
mod procedure;
mod scoring;
mod scripted;
mod site_check;

use std::collections::BTreeMap;

use super::diagnostic::DiagCode;
use super::model::{FORMAT_VERSION, FORMAT_VERSION_1, Scenario};
use super::raw::{Int, Num, RawFile, S, Str};
use super::report::{Report, with_suggestion};
use super::values::Named;

/// The validated scenario, or `None` when anything was reported.
pub(crate) fn scenario(r: &mut Report, file: &RawFile) -> Option<Scenario> {
    let version = format(r, &file.format);
    let meta = meta::meta(r, file.scenario.as_ref());
    let start = meta.as_ref().map(|m| m.start);
    let v = version.unwrap_or(FORMAT_VERSION);
    let office = office::office(r, file.office.as_ref(), start, v);
    let calendar = calendar::calendar(r, file.calendar.as_ref());
    let costs = office::costs(r, file.costs.as_ref());
    let scoring = scoring::scoring(r, file.scoring.as_ref(), v);
    let index = index::Index::new(r, file);
    let procedures = procedure::procedures(r, file, v, office.as_ref());
    let period = meta.as_ref().map(|m| m.working_days);
    let frame = dossiers::Frame {
        index: &index,
        working_days: period,
        office: office.as_ref(),
    };
    let dossiers = dossiers::plan(r, file.dossiers.as_ref(), &frame);
    let events = events::events(r, &file.events, &frame);
    if let (Some(plan), Some(list)) = (&dossiers, &procedures) {
        scripted::result_channels(r, file.dossiers.as_ref(), plan, list)?;
    }
    version?;
    Some(Scenario {
        meta: meta?,
        office: office?,
        calendar: calendar?,
        costs: costs?,
        procedures: procedures?,
        dossiers: dossiers?,
        events: events?,
        scoring: scoring?,
    })
}

/// `format = 2` (E007 otherwise); `format = 1` still loads, with its defaults and a
/// warning (W005). Absent was reported as E005.
fn format(r: &mut Report, v: &Int) -> Option<i64> {
    let v = v.as_ref()?;
    let found = *v.get_ref();
    if found == FORMAT_VERSION {
        return Some(found);
    }
    if found == FORMAT_VERSION_1 {
        let args = vec![("supported", FORMAT_VERSION.to_string())];
        r.push(v.span().start, DiagCode::FormatOne, args);
        return Some(found);
    }
    let args = vec![
        ("found", v.get_ref().to_string()),
        ("supported", FORMAT_VERSION.to_string()),
    ];
    r.push(v.span().start, DiagCode::FormatVersion, args);
    None
}

/// A string value as written (already NFC).
pub(crate) fn text(v: &Str) -> Option<String> {
    v.as_ref().map(|s| s.get_ref().clone())
}

/// Offset of a value, or of its table when the value is absent.
pub(crate) fn at<T>(v: &Option<S<T>>, table: usize) -> usize {
    v.as_ref().map_or(table, |s| s.span().start)
}

/// An enum-like string: unknown names get E008 with the allowed names and a suggestion.
pub(crate) fn named<T: Named>(r: &mut Report, key: &str, v: &Str) -> Option<T> {
    let s = v.as_ref()?;
    if let Some(value) = T::from_name(s.get_ref()) {
        return Some(value);
    }
    let args = vec![
        ("key", key.to_string()),
        ("value", s.get_ref().clone()),
        ("expected", T::listing()),
    ];
    let names = T::names();
    let args = with_suggestion(args, s.get_ref(), names.iter().copied());
    r.push(s.span().start, DiagCode::InvalidValue, args);
    None
}

/// Lower bound of an integer value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Min {
    Zero,
    One,
}

/// An integer that must be ≥ 0 (or ≥ 1) and fit `T`: E008 below, E041 ("too large")
/// above what `T` holds.
pub(crate) fn int<T: TryFrom<i64>>(r: &mut Report, key: &str, v: &S<i64>, min: Min) -> Option<T> {
    int_upto(r, key, v, min, u64::MAX)
}

/// `int`, and at most `max` (`crate::limits`): E041 with the limit above it.
pub(crate) fn int_upto<T: TryFrom<i64>>(
    r: &mut Report,
    key: &str,
    v: &S<i64>,
    min: Min,
    max: u64,
) -> Option<T> {
    let n = *v.get_ref();
    let (low, expected) = match min {
        Min::Zero => (0, "@diag.expect.non_negative"),
        Min::One => (1, "@diag.expect.positive"),
    };
    if n < low {
        let args = vec![
            ("key", key.to_string()),
            ("value", n.to_string()),
            ("expected", expected.to_string()),
        ];
        r.push(v.span().start, DiagCode::InvalidValue, args);
        return None;
    }
    // The largest value `T` holds, found without knowing `T`: the limit if it fits.
    let fits = |x: u64| {
        i64::try_from(x)
            .ok()
            .and_then(|x| T::try_from(x).ok())
            .is_some()
    };
    let limit = if fits(max) { max } else { type_max(fits) };
    match T::try_from(n) {
        Ok(value) if n.unsigned_abs() <= limit => Some(value),
        _ => {
            let args = vec![
                ("key", key.to_string()),
                ("value", n.to_string()),
                ("limit", limit.to_string()),
            ];
            r.push(v.span().start, DiagCode::TooLarge, args);
            None
        }
    }
}

/// The largest of u32::MAX, i64::MAX that `fits` accepts (the integer types used).
fn type_max(fits: impl Fn(u64) -> bool) -> u64 {
    [i64::MAX as u64, u64::from(u32::MAX), u64::from(u16::MAX)]
        .into_iter()
        .find(|m| fits(*m))
        .unwrap_or(0)
}

/// An optional integer: `default` when absent, `None` when present and invalid.
pub(crate) fn int_or<T: TryFrom<i64>>(
    r: &mut Report,
    key: &str,
    v: &Int,
    min: Min,
    default: T,
) -> Option<T> {
    match v {
        None => Some(default),
        Some(s) => int(r, key, s, min),
    }
}

/// An optional number: its value, or `default` when absent.
pub(crate) fn num_or(v: &Num, default: f64) -> (f64, usize) {
    v.as_ref()
        .map_or((default, 0), |s| (*s.get_ref(), s.span().start))
}

/// A list that must not be empty (E028). Absent lists are reported by the caller.
pub(crate) fn non_empty<T>(r: &mut Report, key: &str, list: &S<Vec<T>>) -> bool {
    if list.get_ref().is_empty() {
        r.push(
            list.span().start,
            DiagCode::EmptyList,
            vec![("key", key.to_string())],
        );
        false
    } else {
        true
    }
}

/// Ids seen so far in one scope; a second use is E009 naming the first line.
#[derive(Default)]
pub(crate) struct Seen {
    first: BTreeMap<String, usize>,
}

impl Seen {
    /// `false` when `id` was seen before (and reported).
    pub(crate) fn check(&mut self, r: &mut Report, id: &str, at: usize) -> bool {
        if let Some(&first) = self.first.get(id) {
            let args = vec![
                ("id", id.to_string()),
                ("first_line", r.line_of(first).to_string()),
            ];
            r.push(at, DiagCode::DuplicateId, args);
            return false;
        }
        self.first.insert(id.to_string(), at);
        true
    }
}

/// `Some(all)` when every element is `Some`.
pub(crate) fn all<T>(items: Vec<Option<T>>) -> Option<Vec<T>> {
    items.into_iter().collect()
}

//! `[dossiers]`: how many are generated and how; the scripted ones are `scripted`'s.

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{ChannelShares, DayTime, DossierPlan, Office};
use super::super::raw::{RawChannels, RawDossiers, S, Str};
use super::super::report::{Report, with_suggestion};
use super::super::values::day_time;
use super::index::Index;
use super::{Min, int_upto, num_or};
use crate::limits;

/// Channel shares may be off by this much from 1 (decimal fractions in binary).
pub(crate) const CHANNEL_SUM_TOLERANCE: f64 = 1e-6;
/// Share of generated dossiers with a flaw when the file gives none.
pub(crate) const DEFAULT_FLAW_RATE: f64 = 0.5;
/// Share of applicants asking for the result by public post when the file gives
/// none. Provisional: no published figure was found; the other applicants take
/// the usual way (online for toàn trình online filings, the desk otherwise).
pub(crate) const DEFAULT_RESULT_BY_POST: f64 = 0.15;

/// What `at` values and references are checked against.
pub(crate) struct Frame<'a> {
    pub index: &'a Index,
    pub working_days: Option<u32>,
    pub office: Option<&'a Office>,
}

pub(crate) fn plan(
    r: &mut Report,
    raw: Option<&S<RawDossiers>>,
    frame: &Frame,
) -> Option<DossierPlan> {
    let d = raw?;
    let raw = d.get_ref();
    let count = raw
        .count
        .as_ref()
        .and_then(|c| int_upto::<u32>(r, "count", c, Min::Zero, limits::DOSSIERS));
    let flaw_rate = probability(r, "flaw_rate", num_or(&raw.flaw_rate, DEFAULT_FLAW_RATE));
    let by_post = num_or(&raw.result_by_post, DEFAULT_RESULT_BY_POST);
    let result_by_post = probability(r, "result_by_post", by_post);
    let channels = match &raw.channels {
        None => Some(ChannelShares {
            online: 1.0,
            counter: 0.0,
            post: 0.0,
        }),
        Some(c) => channels(r, c),
    };
    let mix = mix(r, raw, frame.index);
    let scripted = super::scripted::scripted(r, raw, frame);
    let scripted_count = raw.scripted.as_ref().map_or(0, |l| l.get_ref().len());
    let total = u64::from(count.unwrap_or(0)) + scripted_count as u64;
    if total > limits::DOSSIERS {
        let args = vec![
            ("key", "count + scripted".to_string()),
            ("value", total.to_string()),
            ("limit", limits::DOSSIERS.to_string()),
        ];
        r.push(d.span().start, DiagCode::TooLarge, args);
        return None;
    }
    let scripted_written = scripted_count > 0 || r.was_dropped(d.span().start, "scripted");
    if count == Some(0) && !scripted_written {
        r.push(d.span().start, DiagCode::NoDossiers, vec![]);
        return None;
    }
    Some(DossierPlan {
        count: count?,
        flaw_rate: flaw_rate?,
        channels: channels?,
        result_by_post: result_by_post?,
        mix: mix?,
        scripted: scripted?,
    })
}

/// A share between 0 and 1 inclusive (E017).
fn probability(r: &mut Report, key: &str, (value, at): (f64, usize)) -> Option<f64> {
    if (0.0..=1.0).contains(&value) {
        return Some(value);
    }
    let args = vec![("key", key.to_string()), ("value", value.to_string())];
    r.push(at, DiagCode::Probability, args);
    None
}

/// Each share in 0..1 (E017), together 1 (E018); a channel not listed gets 0.
fn channels(r: &mut Report, c: &S<RawChannels>) -> Option<ChannelShares> {
    let raw = c.get_ref();
    let online = probability(r, "online", num_or(&raw.online, 0.0));
    let counter = probability(r, "counter", num_or(&raw.counter, 0.0));
    let post = probability(r, "post", num_or(&raw.post, 0.0));
    let shares = ChannelShares {
        online: online?,
        counter: counter?,
        post: post?,
    };
    let sum = shares.online + shares.counter + shares.post;
    // A share misspelt or of a wrong type (E004/E006 already) would make any sum wrong.
    if r.dropped_in(c.span().start) {
        return None;
    }
    if (sum - 1.0).abs() > CHANNEL_SUM_TOLERANCE {
        r.push(
            c.span().start,
            DiagCode::ChannelSum,
            vec![("sum", sum.to_string())],
        );
        return None;
    }
    Some(shares)
}

/// Procedure codes that exist (E012), shares ≥ 0 and not all zero (E036).
fn mix(r: &mut Report, raw: &RawDossiers, index: &Index) -> Option<BTreeMap<String, f64>> {
    let Some(m) = &raw.mix else {
        return Some(BTreeMap::new());
    };
    let mut out = BTreeMap::new();
    let mut ok = true;
    for (code, share) in m.get_ref() {
        if !index.procedures.allows(code.get_ref()) {
            unknown_procedure(r, code, index);
            ok = false;
        }
        let value = *share.get_ref();
        if value < 0.0 || !value.is_finite() {
            let args = vec![("reason", "@diag.reason.mix_negative".to_string())];
            r.push(share.span().start, DiagCode::MixShares, args);
            ok = false;
        }
        out.insert(code.get_ref().clone(), value);
    }
    if ok && !out.is_empty() && out.values().all(|v| *v == 0.0) {
        let args = vec![("reason", "@diag.reason.mix_zero".to_string())];
        r.push(m.span().start, DiagCode::MixShares, args);
        ok = false;
    }
    ok.then_some(out)
}

pub(crate) fn unknown_procedure(r: &mut Report, code: &S<String>, index: &Index) {
    let args = vec![("code", code.get_ref().clone())];
    let args = with_suggestion(args, code.get_ref(), index.procedures.names());
    r.push(code.span().start, DiagCode::UnknownProcedure, args);
}

/// `dayN HH:MM` (E023) with 1 ≤ N ≤ working_days (E019).
pub(crate) fn moment(r: &mut Report, v: &Str, frame: &Frame) -> Option<DayTime> {
    let v = v.as_ref()?;
    let Some(t) = day_time(v.get_ref()) else {
        r.push(
            v.span().start,
            DiagCode::BadTime,
            vec![("value", v.get_ref().clone())],
        );
        return None;
    };
    let within = frame.working_days.is_none_or(|n| (1..=n).contains(&t.day));
    if !within {
        let args = vec![
            ("day", t.day.to_string()),
            ("working_days", frame.working_days.unwrap_or(0).to_string()),
        ];
        r.push(v.span().start, DiagCode::OutsidePeriod, args);
        return None;
    }
    Some(t)
}

/// The moment falls inside an office-hours span (E020).
pub(crate) fn in_office_hours(
    r: &mut Report,
    v: &Str,
    t: DayTime,
    frame: &Frame,
) -> Option<DayTime> {
    let Some(office) = frame.office else {
        return Some(t);
    };
    if office
        .hours
        .iter()
        .any(|s| s.from <= t.time && t.time < s.to)
    {
        return Some(t);
    }
    let hours: Vec<String> = office
        .hours
        .iter()
        .map(|s| format!("{}-{}", s.from.format("%H:%M"), s.to.format("%H:%M")))
        .collect();
    let args = vec![
        ("time", t.time.format("%H:%M").to_string()),
        ("hours", hours.join(", ")),
    ];
    r.push(
        v.as_ref().map_or(0, |s| s.span().start),
        DiagCode::OutsideOfficeHours,
        args,
    );
    None
}

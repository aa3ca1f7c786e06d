//! `[scenario]`: identity, rules, period, pass mark, briefing.

use super::super::diagnostic::DiagCode;
use super::super::model::Meta;
use super::super::raw::{RawMeta, S, StrList};
use super::super::report::Report;
use super::super::values::vietnam_time;
use super::{Min, int_or, int_upto, named, text};
use crate::limits;

/// Seed used when the file gives none (`--seed` still overrides it).
pub(crate) const DEFAULT_SEED: u64 = 1;
/// Pass mark when the file gives none: the lower bound of the "khá" band.
pub(crate) const DEFAULT_PASS_SCORE: u32 = 70;

pub(crate) fn meta(r: &mut Report, raw: Option<&S<RawMeta>>) -> Option<Meta> {
    let raw = raw?;
    let meta_at = raw.span().start;
    let raw = raw.get_ref();
    let difficulty = named(r, "difficulty", &raw.difficulty);
    let role = named(r, "role", &raw.role);
    let rules = named(r, "rules", &raw.rules);
    let start = start(r, raw);
    let working_days = raw
        .working_days
        .as_ref()
        .and_then(|v| int_upto(r, "working_days", v, Min::One, limits::WORKING_DAYS));
    let seed = int_or(r, "seed", &raw.seed, Min::Zero, DEFAULT_SEED);
    let pass_score = pass_score(r, raw);
    let objectives = strings(&raw.objectives);
    let objectives_en = strings(&raw.objectives_en);
    // Objectives written wrongly were reported already; their count means nothing.
    let translations_match = if r.was_dropped(meta_at, "objectives") {
        None
    } else {
        same_count(r, &raw.objectives, &raw.objectives_en)
    };
    translations_match?;
    Some(Meta {
        id: text(&raw.id)?,
        title: text(&raw.title)?,
        title_en: text(&raw.title_en),
        difficulty: difficulty?,
        role: role?,
        rules: rules?,
        start: start?,
        working_days: working_days?,
        seed: seed?,
        pass_score: pass_score?,
        briefing: text(&raw.briefing)?,
        briefing_en: text(&raw.briefing_en),
        objectives,
        objectives_en,
    })
}

/// A date-time with a time of day (E034 otherwise), as Vietnam time.
fn start(r: &mut Report, raw: &RawMeta) -> Option<chrono::NaiveDateTime> {
    let v = raw.start.as_ref()?;
    let local = vietnam_time(v.get_ref());
    if local.is_none() {
        let args = vec![("value", v.get_ref().to_string())];
        r.push(v.span().start, DiagCode::StartNeedsTime, args);
    }
    local
}

/// 0 to 100 (E022).
fn pass_score(r: &mut Report, raw: &RawMeta) -> Option<u32> {
    let Some(v) = &raw.pass_score else {
        return Some(DEFAULT_PASS_SCORE);
    };
    match u32::try_from(*v.get_ref()) {
        Ok(score) if score <= 100 => Some(score),
        _ => {
            let args = vec![("value", v.get_ref().to_string())];
            r.push(v.span().start, DiagCode::PassScore, args);
            None
        }
    }
}

fn strings(list: &StrList) -> Vec<String> {
    list.as_ref().map_or_else(Vec::new, |l| {
        l.get_ref().iter().map(|s| s.get_ref().clone()).collect()
    })
}

/// `objectives_en` translates `objectives` one for one (E039).
fn same_count(r: &mut Report, vi: &StrList, en: &StrList) -> Option<()> {
    let Some(en) = en else { return Some(()) };
    let expected = vi.as_ref().map_or(0, |l| l.get_ref().len());
    let count = en.get_ref().len();
    if count == expected {
        return Some(());
    }
    let args = vec![
        ("key", "objectives_en".to_string()),
        ("count", count.to_string()),
        ("expected", expected.to_string()),
    ];
    r.push(en.span().start, DiagCode::TranslationCount, args);
    None
}

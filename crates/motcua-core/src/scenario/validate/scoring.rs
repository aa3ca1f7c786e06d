//! `[scoring]`: the weights of the training score's steps and deductions (whole
//! points ≥ 0, not every step 0: E030), and the retired group `weights` (E044; a
//! format-1 file only gets warning W006 and the key is ignored).

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{Deduction, FORMAT_VERSION_1, Scoring, StepKind};
use super::super::raw::{RawScoring, S};
use super::super::report::Report;
use super::{Min, int_upto};

/// Largest weight a step or a deduction may have: far above any sensible one.
const MAX_WEIGHT: u64 = 1_000;

type RawMap = Option<S<std::collections::BTreeMap<S<String>, S<i64>>>>;

pub(crate) fn scoring(
    r: &mut Report,
    raw: Option<&S<RawScoring>>,
    version: i64,
) -> Option<Scoring> {
    let Some(raw) = raw.map(S::get_ref) else {
        return Some(Scoring::default());
    };
    if let Some(w) = &raw.weights {
        let code = if version == FORMAT_VERSION_1 {
            DiagCode::ScoringRetiredFormatOne
        } else {
            DiagCode::ScoringRetired
        };
        r.push(w.span().start, code, Vec::new());
    }
    let steps = weights(r, &raw.steps, StepKind::from_key);
    let deductions = weights(r, &raw.deductions, Deduction::from_key);
    if let (Some(map), Some(table)) = (&steps, &raw.steps)
        && !map.is_empty()
        && map.len() == StepKind::ALL.len()
        && map.values().all(|w| *w == 0.0)
    {
        let args = vec![
            ("key", "steps".to_string()),
            ("value", "0".to_string()),
            ("reason", "@diag.reason.weights_zero".to_string()),
        ];
        r.push(table.span().start, DiagCode::Weights, args);
        return None;
    }
    Some(Scoring {
        steps: steps?,
        deductions: deductions?,
    })
}

/// The weights a table sets, by key (unknown keys were E006 already).
fn weights<K: Ord>(
    r: &mut Report,
    raw: &RawMap,
    key: impl Fn(&str) -> Option<K>,
) -> Option<BTreeMap<K, f64>> {
    let mut out = BTreeMap::new();
    let mut ok = true;
    for (name, value) in raw.iter().flat_map(|t| t.get_ref().iter()) {
        let Some(k) = key(name.get_ref()) else {
            continue;
        };
        if *value.get_ref() < 0 {
            let args = vec![
                ("key", name.get_ref().clone()),
                ("value", value.get_ref().to_string()),
                ("reason", "@diag.reason.weight_negative".to_string()),
            ];
            r.push(value.span().start, DiagCode::Weights, args);
            ok = false;
            continue;
        }
        match int_upto::<u32>(r, name.get_ref(), value, Min::Zero, MAX_WEIGHT) {
            Some(w) => {
                out.insert(k, f64::from(w));
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

//! The class's misconceptions: the mistake codes and the planted flaws missed most,
//! over the attempts that count, with how many trainees and which dossiers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::attend::Who;
use crate::export::xapi::AttemptResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissKind {
    /// A mistake code of the score.
    Mistake,
    /// A planted flaw a mistake let through or left out (its id in the scenario).
    Flaw,
}

/// A mistake code or a flaw missed, over the counted attempts: practice, every
/// finished attempt; exam, the submitted ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Misconception {
    pub kind: MissKind,
    pub code: String,
    pub trainees: u32,
    /// Dossiers it happened on, over all those attempts (one dossier of one attempt once).
    pub times: u32,
    pub dossiers: Vec<String>,
}

pub(super) fn misconceptions(counted: &[(&Who, &AttemptResult)]) -> Vec<Misconception> {
    type Acc<'a> = (BTreeSet<&'a Who>, u32, BTreeSet<String>);
    let mut by: BTreeMap<(MissKind, String), Acc> = BTreeMap::new();
    for (who, r) in counted {
        let lists = r
            .mistakes
            .iter()
            .map(|m| (MissKind::Mistake, &m.code, &m.dossiers));
        let flaws = r.flaws.iter().map(|(id, d)| (MissKind::Flaw, id, d));
        for (kind, code, dossiers) in lists.chain(flaws) {
            let acc = by.entry((kind, code.clone())).or_default();
            acc.0.insert(*who);
            acc.1 += dossiers.len() as u32;
            acc.2.extend(dossiers.iter().cloned());
        }
    }
    let mut out: Vec<Misconception> = by
        .into_iter()
        .map(|((kind, code), (who, times, dossiers))| Misconception {
            kind,
            code,
            trainees: who.len() as u32,
            times,
            dossiers: dossiers.into_iter().collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        (b.trainees, b.times)
            .cmp(&(a.trainees, a.times))
            .then_with(|| (a.kind, &a.code).cmp(&(b.kind, &b.code)))
    });
    out
}

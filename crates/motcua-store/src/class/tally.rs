//! The class report from verified claims: a row per trainee and scenario, a row per
//! scenario, the misconceptions, the suspect attempts and the refused ones, and who on
//! the roster has no attempt. The same claims give the same report, whatever their
//! source: nothing here depends on where a claim came from but `origin`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::attend::{self, Ambiguous, Place, Who};
use super::claim::Claim;
use super::misses::misconceptions;
pub use super::misses::{Misconception, MissKind};
use super::pick::Wanted;
use super::roster::{Roster, RosterEntry};
use super::suspect::{self, Flag};
use super::verify::{Refusal, Verdict};
use super::workshop::Exam;
use crate::export::xapi::AttemptResult;
use crate::store::Mode;
use crate::store::attempts::normalize_name;
use motcua_core::score::grade::round1;

/// Which attempts the class takes.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub mode: Option<Mode>,
    /// Empty: every scenario.
    pub scenarios: Vec<String>,
    /// Started at or after.
    pub from: Option<DateTime<Utc>>,
    /// Started before.
    pub until: Option<DateTime<Utc>>,
    /// The workshop's exam: an exam attempt on another text or seed is flagged.
    pub exam: Option<Exam>,
    /// Only these trainees (`pick`); empty: everyone.
    pub trainees: BTreeSet<Wanted>,
    /// Only the attempts of this workshop (its grouping IRI). An attempt whose workshop
    /// is not known (imported from a bundle, which does not say) is kept.
    pub workshop: Option<String>,
}

impl Selection {
    fn takes(&self, c: &Claim, roster: Option<&Roster>) -> bool {
        self.mode.is_none_or(|m| m == c.mode)
            && (self.scenarios.is_empty() || self.scenarios.contains(&c.scenario))
            && self.from.is_none_or(|f| c.started_at >= f)
            && self.until.is_none_or(|u| c.started_at < u)
            && self.wants_claim(c, roster)
            && (self.workshop.is_none() || c.workshop.is_none() || c.workshop == self.workshop)
    }

    /// A name takes everyone of that name; an id the attempts its entry is placed at
    /// (`attend::place`): never a namesake's.
    fn wants_claim(&self, c: &Claim, roster: Option<&Roster>) -> bool {
        let name = normalize_name(&c.trainee);
        let entry_id = || match roster.map(|r| attend::place(r, &name, c.trainee_id.as_deref())) {
            Some(Place::Entry(e)) => e.id.clone(),
            _ => None,
        };
        self.trainees.is_empty()
            || self.trainees.iter().any(|w| match w {
                Wanted::Name(n) => *n == name,
                Wanted::Id(id) => entry_id().as_ref() == Some(id),
            })
    }

    fn wants_entry(&self, e: &RosterEntry) -> bool {
        self.trainees.is_empty()
            || self.trainees.iter().any(|w| match w {
                Wanted::Name(n) => *n == e.name,
                Wanted::Id(id) => e.id.as_ref() == Some(id),
            })
    }
}

/// One trainee on one scenario in one mode. The score that counts is the best
/// (practice) or the submitted one, the first finished attempt (exam).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeRow {
    pub trainee: String,
    /// The id on the class list (`attend::identity`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub mode: Mode,
    pub attempts: u32,
    pub finished: u32,
    pub unfinished: u32,
    pub best: Option<f64>,
    pub latest: Option<f64>,
    /// Exam: the first finished attempt's score.
    pub submitted: Option<f64>,
    /// best (practice) or submitted (exam) reached the pass mark.
    pub passed: Option<bool>,
    /// Attempts with a suspect flag (not counting refused ones).
    pub suspect: u32,
    pub refused: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRow {
    pub scenario: String,
    pub mode: Mode,
    /// Trainees with a counted score.
    pub trainees: u32,
    /// Mean and population standard deviation of the counted scores.
    pub mean: Option<f64>,
    pub spread: Option<f64>,
    pub passed: u32,
    /// passed ÷ trainees, 0..1.
    pub pass_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suspect {
    pub trainee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub mode: Mode,
    pub started_at: DateTime<Utc>,
    pub origin: String,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refused {
    pub trainee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub mode: Mode,
    pub started_at: DateTime<Utc>,
    pub origin: String,
    #[serde(flatten)]
    pub refusal: Refusal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub trainees: Vec<TraineeRow>,
    pub scenarios: Vec<ScenarioRow>,
    pub misconceptions: Vec<Misconception>,
    pub suspects: Vec<Suspect>,
    pub refused: Vec<Refused>,
    /// On the roster, with no attempt at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Vec<RosterEntry>>,
    /// With an attempt, not on the roster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_on_roster: Option<Vec<Who>>,
    /// Attempts without an id whose name two or more roster entries have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambiguous: Option<Vec<Ambiguous>>,
}

/// One claim with its verdict, in the order attempts started.
struct Judged<'a> {
    claim: &'a Claim,
    who: Who,
    verdict: Verdict,
}

pub fn build(
    claims: &[Claim],
    verdicts: Vec<Verdict>,
    selection: &Selection,
    roster: Option<&Roster>,
) -> ClassReport {
    let mut judged: Vec<Judged> = claims
        .iter()
        .zip(verdicts)
        .filter(|(c, _)| selection.takes(c, roster))
        .map(|(claim, verdict)| Judged {
            claim,
            who: attend::identity(roster, &claim.trainee, claim.trainee_id.as_deref()),
            verdict,
        })
        .collect();
    judged.sort_by(|a, b| {
        (a.claim.started_at, &a.claim.trainee, &a.claim.origin).cmp(&(
            b.claim.started_at,
            &b.claim.trainee,
            &b.claim.origin,
        ))
    });
    let mut groups: BTreeMap<(&Who, String, &'static str), Vec<&Judged>> = BTreeMap::new();
    for j in &judged {
        let key = (&j.who, j.claim.scenario.clone(), j.claim.mode.key());
        groups.entry(key).or_default().push(j);
    }
    let mut trainees = Vec::new();
    let mut counted: Vec<(&Judged, &AttemptResult)> = Vec::new();
    for ((who, scenario, _), list) in &groups {
        let (row, take) = trainee_row(who, scenario, list, selection.exam.as_ref());
        trainees.push(row);
        counted.extend(take);
    }
    let attendance = roster.map(|r| {
        let attempts: Vec<_> = judged
            .iter()
            .map(|j| (j.who.trainee.clone(), j.claim.trainee_id.clone()))
            .collect();
        let mut a = attend::against(r, &attempts);
        // Asked for some trainees: the roster's others are not missing from that.
        a.missing.retain(|e| selection.wants_entry(e));
        a
    });
    ClassReport {
        scenarios: scenario_rows(&trainees),
        misconceptions: misconceptions(
            &counted
                .iter()
                .map(|(j, r)| (&j.who, *r))
                .collect::<Vec<_>>(),
        ),
        suspects: suspects(&judged, selection.exam.as_ref()),
        refused: refused(&judged),
        trainees,
        missing: attendance.as_ref().map(|a| a.missing.clone()),
        not_on_roster: attendance.as_ref().map(|a| a.not_on_roster.clone()),
        ambiguous: attendance.map(|a| a.ambiguous),
    }
}

/// The row, and the attempts whose mistakes the misconceptions count.
fn trainee_row<'a>(
    who: &Who,
    scenario: &str,
    list: &[&'a Judged<'a>],
    exam: Option<&Exam>,
) -> (TraineeRow, Vec<(&'a Judged<'a>, &'a AttemptResult)>) {
    let mode = list[0].claim.mode;
    let scored: Vec<(&Judged, &AttemptResult)> = list
        .iter()
        .filter_map(|j| match &j.verdict {
            Verdict::Counted(r) => Some((*j, r)),
            _ => None,
        })
        .collect();
    let best = scored
        .iter()
        .map(|(_, r)| r.training_score)
        .reduce(f64::max);
    let latest = scored.last().map(|(_, r)| r.training_score);
    // The first finished attempt is the one handed in; when it is refused, no
    // later attempt takes its place.
    let submitted = list
        .iter()
        .find(|j| j.claim.claimed.is_some())
        .filter(|_| mode == Mode::Exam)
        .and_then(|j| scored.iter().find(|(s, _)| std::ptr::eq(*s, *j)));
    let passed = match mode {
        Mode::Exam => submitted.map(|(_, r)| r.passed),
        Mode::Practice => (!scored.is_empty()).then(|| scored.iter().any(|(_, r)| r.passed)),
    };
    let row = TraineeRow {
        trainee: who.trainee.clone(),
        trainee_id: who.id.clone(),
        scenario: scenario.to_string(),
        mode,
        attempts: list.len() as u32,
        finished: scored.len() as u32,
        unfinished: list
            .iter()
            .filter(|j| j.verdict == Verdict::Unfinished)
            .count() as u32,
        best,
        latest,
        submitted: submitted.map(|(_, r)| r.training_score),
        passed,
        // A refused attempt is listed as refused, not again as suspect.
        suspect: list
            .iter()
            .filter(|j| !matches!(j.verdict, Verdict::Refused(_)))
            .filter(|j| !suspect::flags(j.claim, exam).is_empty())
            .count() as u32,
        refused: list
            .iter()
            .filter(|j| matches!(j.verdict, Verdict::Refused(_)))
            .count() as u32,
    };
    let take = match mode {
        Mode::Exam => submitted.into_iter().copied().collect(),
        Mode::Practice => scored,
    };
    (row, take)
}

fn scenario_rows(trainees: &[TraineeRow]) -> Vec<ScenarioRow> {
    // (scenario, mode) → the mode and each trainee's (counted score, passed).
    type Scores = (Mode, Vec<(f64, bool)>);
    let mut by: BTreeMap<(&str, &'static str), Scores> = BTreeMap::new();
    for t in trainees {
        let counted = match t.mode {
            Mode::Exam => t.submitted,
            Mode::Practice => t.best,
        };
        let entry = by
            .entry((&t.scenario, t.mode.key()))
            .or_insert((t.mode, Vec::new()));
        if let Some(score) = counted {
            entry.1.push((score, t.passed == Some(true)));
        }
    }
    by.into_iter()
        .map(|((scenario, _), (mode, scores))| {
            let n = scores.len() as f64;
            let mean = (n > 0.0).then(|| scores.iter().map(|s| s.0).sum::<f64>() / n);
            let spread =
                mean.map(|m| (scores.iter().map(|s| (s.0 - m).powi(2)).sum::<f64>() / n).sqrt());
            let passed = scores.iter().filter(|s| s.1).count() as u32;
            ScenarioRow {
                scenario: scenario.to_string(),
                mode,
                trainees: scores.len() as u32,
                mean: mean.map(round1),
                spread: spread.map(round1),
                passed,
                pass_rate: (n > 0.0).then(|| (f64::from(passed) / n * 1000.0).round() / 1000.0),
            }
        })
        .collect()
}

fn suspects(judged: &[Judged], exam: Option<&Exam>) -> Vec<Suspect> {
    judged
        .iter()
        .filter(|j| !matches!(j.verdict, Verdict::Refused(_)))
        .filter_map(|j| {
            let flags = suspect::flags(j.claim, exam);
            (!flags.is_empty()).then(|| Suspect {
                trainee: j.who.trainee.clone(),
                trainee_id: j.who.id.clone(),
                scenario: j.claim.scenario.clone(),
                mode: j.claim.mode,
                started_at: j.claim.started_at,
                origin: j.claim.origin.clone(),
                flags,
            })
        })
        .collect()
}

fn refused(judged: &[Judged]) -> Vec<Refused> {
    judged
        .iter()
        .filter_map(|j| match &j.verdict {
            Verdict::Refused(r) => Some(Refused {
                trainee: j.who.trainee.clone(),
                trainee_id: j.who.id.clone(),
                scenario: j.claim.scenario.clone(),
                mode: j.claim.mode,
                started_at: j.claim.started_at,
                origin: j.claim.origin.clone(),
                refusal: r.clone(),
            }),
            _ => None,
        })
        .collect()
}

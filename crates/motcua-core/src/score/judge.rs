//! The judge: reads the event log and names every mistake of the trainee.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use crate::generate::Competence;
use crate::scenario::{FlawResponse, Procedure, RuleSet, Scenario, Stage};
use crate::session::policy::{covers, is_ground};
use crate::session::{Actor, Decision, Event, Happened, Item};

use super::mistake::{Mistake, MistakeCode};
use super::references::{self, Reference};
use super::timeliness::Clock;

/// Every mistake in the log, in the order it was made.
pub fn mistakes(scenario: &Scenario, events: &[Event]) -> Vec<Mistake> {
    let mut judge = Judge {
        scenario,
        rules: scenario.meta.rules,
        procedures: BTreeMap::new(),
        out: Vec::new(),
    };
    for e in events {
        judge.event(e);
    }
    let mut late = Clock::read(events).late_mistakes();
    let procedures = judge.procedures;
    let mut out = judge.out;
    for (code, dossier, at) in late.drain(..) {
        let citation = references::general(code, scenario.meta.rules, at.date());
        // Lateness cites the procedure's own time limit beside indicator 2.1.
        let basis = match procedures.get(&dossier) {
            Some(p) if code == MistakeCode::Late => p.legal_basis.clone(),
            _ => Vec::new(),
        };
        let reference = Reference::General { basis, citation };
        out.push(Mistake {
            code,
            dossier,
            at,
            flaws: Vec::new(),
            components: Vec::new(),
            reference,
        });
    }
    out.sort_by_key(|m| m.at);
    out
}

struct Judge<'s> {
    scenario: &'s Scenario,
    rules: RuleSet,
    /// Dossier code → its procedure.
    procedures: BTreeMap<String, &'s Procedure>,
    out: Vec<Mistake>,
}

impl<'s> Judge<'s> {
    fn event(&mut self, e: &Event) {
        match &e.what {
            Happened::Arrived {
                dossier, procedure, ..
            } => {
                if let Some(p) = self.scenario.procedure(procedure) {
                    self.procedures.insert(dossier.to_string(), p);
                }
                return;
            }
            Happened::RulesChanged { rules } => {
                self.rules = *rules;
                return;
            }
            Happened::PeriodEnded { unfinished } => {
                for d in unfinished {
                    self.push(MistakeCode::Unfinished, d, e.at, &[], &[]);
                }
                return;
            }
            Happened::Opened { .. }
            | Happened::Inspected { .. }
            | Happened::Accepted { .. }
            | Happened::SupplementRequested { .. }
            | Happened::SupplementReceived { .. }
            | Happened::Refused { .. }
            | Happened::Digitized { .. }
            | Happened::Reused { .. }
            | Happened::Forwarded { .. }
            | Happened::Transferred { .. }
            | Happened::Examined { .. }
            | Happened::DelayNotice { .. }
            | Happened::Appraised { .. }
            | Happened::Signed { .. }
            | Happened::Processed { .. }
            | Happened::FeeRequested { .. }
            | Happened::Paid { .. }
            | Happened::Returned { .. }
            | Happened::Apologized { .. }
            | Happened::DueSet { .. }
            | Happened::Stopped { .. }
            | Happened::Withdrawn { .. }
            | Happened::Scripted { .. }
            | Happened::OutageEnded
            | Happened::Waited { .. }
            | Happened::DayEnded => {}
        }
        if e.actor == Actor::Trainee {
            self.trainee(e);
        }
    }

    fn trainee(&mut self, e: &Event) {
        let at = e.at;
        match &e.what {
            Happened::Accepted {
                dossier,
                open_flaws,
                unchecked,
                ..
            } => {
                let (supplement, refuse) = self.split(dossier, open_flaws);
                self.push(
                    MistakeCode::AcceptedIncomplete,
                    dossier,
                    at,
                    &supplement,
                    &[],
                );
                self.push(MistakeCode::FailedToRefuse, dossier, at, &refuse, &[]);
                self.push(MistakeCode::OutOfOrder, dossier, at, &[], unchecked);
            }
            Happened::SupplementRequested {
                dossier,
                items,
                nth,
                open_flaws,
                unchecked,
                ..
            } => self.request(dossier, at, items, *nth, open_flaws, unchecked),
            Happened::Refused {
                dossier,
                reason,
                open_flaws,
                asked_before,
                unchecked,
                stage,
                competence,
            } => {
                let grounded = self.grounded(dossier, reason, open_flaws, *asked_before);
                if *stage == Stage::Receipt && *competence == Competence::Transfer && !grounded {
                    // Turned away, although the desk had to take it and pass it on.
                    self.push(MistakeCode::NotTransferred, dossier, at, &[], &[]);
                } else {
                    self.refusal(dossier, at, reason, open_flaws, *asked_before);
                }
                self.push(MistakeCode::OutOfOrder, dossier, at, &[], unchecked);
            }
            Happened::Stopped {
                dossier,
                reason,
                open_flaws,
                asked_before,
            } => self.refusal(dossier, at, reason, open_flaws, *asked_before),
            Happened::Appraised {
                dossier,
                decision: Decision::Approve,
                open_flaws,
                ..
            } => self.push(MistakeCode::ApprovedFlawed, dossier, at, open_flaws, &[]),
            Happened::Appraised {
                dossier,
                decision: Decision::Reject,
                reason,
                open_flaws,
                asked_before,
            } => {
                let reason = reason.clone().unwrap_or_default();
                self.refusal(dossier, at, &reason, open_flaws, *asked_before);
            }
            Happened::Digitized {
                dossier,
                component,
                after_forward: true,
            } => self.push(
                MistakeCode::OutOfOrder,
                dossier,
                at,
                &[],
                std::slice::from_ref(component),
            ),
            Happened::Forwarded {
                dossier,
                undigitized,
                unreused,
                competence,
            } => {
                // Forwarded to its own specialist: right unless another commune decides it.
                let wrong =
                    (*competence == Competence::Transfer).then_some(MistakeCode::NotTransferred);
                self.hand_over(dossier, at, wrong, undigitized, unreused);
            }
            Happened::Transferred {
                dossier,
                undigitized,
                unreused,
                competence,
                ..
            } => {
                let wrong = (*competence != Competence::Transfer)
                    .then_some(MistakeCode::TransferredWrongly);
                self.hand_over(dossier, at, wrong, undigitized, unreused);
            }
            Happened::Apologized {
                dossier,
                needed: false,
                ..
            } => self.push(MistakeCode::ApologyNotNeeded, dossier, at, &[], &[]),
            Happened::Returned {
                dossier,
                channel,
                expected,
                unpaid,
            } => {
                if channel != expected {
                    self.push(MistakeCode::WrongResultChannel, dossier, at, &[], &[]);
                }
                if *unpaid {
                    self.push(MistakeCode::ResultBeforePayment, dossier, at, &[], &[]);
                }
            }
            Happened::Arrived { .. }
            | Happened::Opened { .. }
            | Happened::Inspected { .. }
            | Happened::SupplementReceived { .. }
            | Happened::Digitized { .. }
            | Happened::Reused { .. }
            | Happened::Examined { .. }
            | Happened::DelayNotice { .. }
            | Happened::Signed { .. }
            | Happened::Processed { .. }
            | Happened::FeeRequested { .. }
            | Happened::Paid { .. }
            | Happened::Apologized { .. }
            | Happened::DueSet { .. }
            | Happened::Withdrawn { .. }
            | Happened::Scripted { .. }
            | Happened::OutageEnded
            | Happened::RulesChanged { .. }
            | Happened::Waited { .. }
            | Happened::DayEnded
            | Happened::PeriodEnded { .. } => {}
        }
    }

    fn request(
        &mut self,
        dossier: &str,
        at: NaiveDateTime,
        items: &[Item],
        nth: u32,
        open_flaws: &[String],
        unchecked: &[String],
    ) {
        let Some(p) = self.procedures.get(dossier).copied() else {
            return;
        };
        if nth > 1 {
            self.push(MistakeCode::SupplementTwice, dossier, at, &[], &[]);
        }
        let (supplement, refuse) = self.split(dossier, open_flaws);
        self.push(MistakeCode::FailedToRefuse, dossier, at, &refuse, &[]);
        let in_db = |item: &Item| {
            item.component
                .as_deref()
                .and_then(|c| p.component(c))
                .is_some_and(|c| c.in_national_db)
        };
        let asked_db: Vec<String> = items
            .iter()
            .filter(|i| in_db(i))
            .filter_map(|i| i.component.clone())
            .collect();
        self.push(MistakeCode::AskedNationalDb, dossier, at, &[], &asked_db);
        let flaw = |id: &String| p.flaw(id);
        let needless: Vec<String> = items
            .iter()
            .filter(|i| !in_db(i))
            .filter(|i| !supplement.iter().filter_map(flaw).any(|f| covers(i, f)))
            .map(|i| {
                i.component
                    .clone()
                    .unwrap_or_else(|| i.problem.key().to_string())
            })
            .collect();
        self.push(
            MistakeCode::SupplementNotNeeded,
            dossier,
            at,
            &[],
            &needless,
        );
        let left_out: Vec<String> = supplement
            .iter()
            .filter(|id| {
                p.flaw(id)
                    .is_some_and(|f| !items.iter().any(|i| covers(i, f)))
            })
            .cloned()
            .collect();
        self.push(
            MistakeCode::SupplementIncomplete,
            dossier,
            at,
            &left_out,
            &[],
        );
        self.push(MistakeCode::OutOfOrder, dossier, at, &[], unchecked);
    }

    /// A dossier leaves the desk (forwarded or transferred): to the wrong place, and with
    /// paper not digitised or national data not reused.
    fn hand_over(
        &mut self,
        dossier: &str,
        at: NaiveDateTime,
        wrong: Option<MistakeCode>,
        undigitized: &[String],
        unreused: &[String],
    ) {
        if let Some(code) = wrong {
            self.push(code, dossier, at, &[], &[]);
        }
        self.push(MistakeCode::NotDigitized, dossier, at, &[], undigitized);
        self.push(MistakeCode::NotReused, dossier, at, &[], unreused);
    }

    /// Whether the open flaws give `reason` as a lawful ground.
    fn grounded(
        &self,
        dossier: &str,
        reason: &str,
        open_flaws: &[String],
        asked_before: bool,
    ) -> bool {
        self.procedures
            .get(dossier)
            .is_none_or(|p| is_ground(p, reason, open_flaws, asked_before))
    }

    fn refusal(
        &mut self,
        dossier: &str,
        at: NaiveDateTime,
        reason: &str,
        open_flaws: &[String],
        asked_before: bool,
    ) {
        if !self.procedures.contains_key(dossier) {
            return;
        }
        if !self.grounded(dossier, reason, open_flaws, asked_before) {
            let (supplement, _) = self.split(dossier, open_flaws);
            self.push(
                MistakeCode::RefusedWithoutGround,
                dossier,
                at,
                &supplement,
                &[],
            );
        }
    }

    /// Open flaws split by the response they call for.
    fn split(&self, dossier: &str, open: &[String]) -> (Vec<String>, Vec<String>) {
        let Some(p) = self.procedures.get(dossier) else {
            return (Vec::new(), Vec::new());
        };
        open.iter()
            .filter(|id| p.flaw(id).is_some())
            .cloned()
            .partition(|id| {
                p.flaw(id)
                    .is_some_and(|f| f.response == FlawResponse::Supplement)
            })
    }

    /// Record a mistake, unless it concerns nothing (an empty list means no mistake)
    /// and is of a kind that needs something to concern.
    fn push(
        &mut self,
        code: MistakeCode,
        dossier: &str,
        at: NaiveDateTime,
        flaws: &[String],
        components: &[String],
    ) {
        let needs_subject = matches!(
            code,
            MistakeCode::AcceptedIncomplete
                | MistakeCode::FailedToRefuse
                | MistakeCode::AskedNationalDb
                | MistakeCode::SupplementNotNeeded
                | MistakeCode::SupplementIncomplete
                | MistakeCode::OutOfOrder
                | MistakeCode::ApprovedFlawed
                | MistakeCode::NotDigitized
                | MistakeCode::NotReused
        );
        if needs_subject && flaws.is_empty() && components.is_empty() {
            return;
        }
        let p = self.procedures.get(dossier);
        let flaw_ref = flaws
            .first()
            .and_then(|id| p.and_then(|p| p.flaw(id)))
            .map(|f| Reference::Written(f.reference.clone()));
        let reference = flaw_ref.unwrap_or_else(|| {
            Reference::general(references::general(code, self.rules, at.date()))
        });
        self.out.push(Mistake {
            code,
            dossier: dossier.to_string(),
            at,
            flaws: flaws.to_vec(),
            components: components.to_vec(),
            reference,
        });
    }
}

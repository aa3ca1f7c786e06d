//! The walk along one dossier's correct path, moment by moment.

use chrono::{Duration, NaiveDateTime};

use crate::generate::{Dossier, Origin};
use crate::scenario::{ActionKind, Channel, EventKind, FlawKind, FlawResponse, RuleSet, Stage};

use super::super::Session;
use super::super::costs;
use super::super::npc::REVERIFY_MINUTES;
use super::super::policy::ONLINE_PAYMENT_MINUTES;
use super::super::roles::{Step, trainee_plays};
use super::super::timers::day_time;
use super::{Ending, Reach};

pub(super) struct Walk<'s> {
    s: &'s Session,
    i: usize,
    /// Dossier `i`'s details.
    d: &'s Dossier,
    /// When the next step can start.
    t: NaiveDateTime,
    /// Office time the system is down (scripted outages): the trainee cannot act.
    outages: Vec<(NaiveDateTime, NaiveDateTime)>,
    requests: u32,
    /// Missing papers the citizen supplied on paper: digitised too.
    supplied_paper: usize,
}

impl<'s> Walk<'s> {
    pub(super) fn new(s: &'s Session, i: usize, d: &'s Dossier) -> Walk<'s> {
        let outages = s
            .scenario
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Outage)
            .map(|e| {
                let from = day_time(&s.calendar, &s.scenario, e.at);
                let minutes = u64::from(e.minutes.unwrap_or(0));
                (from, s.calendar.add_office_minutes(from, minutes))
            })
            .collect();
        let start = s.calendar.next_opening(s.scenario.meta.start);
        let arrival = s
            .calendar
            .next_opening(s.plan.dossiers()[i].submitted_at.max(start));
        Walk {
            s,
            i,
            d,
            t: s.calendar
                .add_office_minutes(arrival, super::TAKE_UP_MINUTES),
            outages,
            requests: 0,
            supplied_paper: 0,
        }
    }

    pub(super) fn run(mut self, r: &mut Reach) {
        let Some(accepted) = self.receipt(r) else {
            return;
        };
        let due = self.s.calendar.due(accepted, &self.s.deadline_at(self.i));
        r.due = Some(due);
        let rules = self.rules_at(accepted);
        let handover = self.handover();
        r.handover = Some(handover);
        if self.s.transfers(self.i, self.d) {
            r.ending = Ending::Transferred;
            r.end = Some(handover);
            return;
        }
        if !self.verdict(r, handover, due, rules) {
            return;
        }
        let signed = self.act(Step::Sign, ActionKind::Sign);
        r.signed = Some(signed);
        r.end = Some(signed);
        r.returned = Some(self.give_back());
    }

    /// Open, inspect, decide; after a requested supplement, look again and accept.
    /// The acceptance moment, or `None` when the path ends at receipt.
    fn receipt(&mut self, r: &mut Reach) -> Option<NaiveDateTime> {
        let d = self.d;
        self.act(Step::Receipt, ActionKind::Open);
        let handed_in = self
            .s
            .handed_in(self.i, d)
            .filter(|c| c.origin != Origin::NationalDb)
            .count();
        self.repeat(Step::Receipt, ActionKind::Inspect, handed_in);
        let flaws: Vec<_> = self
            .flaws(Stage::Receipt)
            .into_iter()
            .map(|f| (f.response, f.kind, f.component.is_some()))
            .collect();
        if flaws.iter().any(|f| f.0 == FlawResponse::Refuse) {
            r.receipt = Some(self.act(Step::Receipt, ActionKind::Refuse));
            r.ending = Ending::RefusedAtReceipt;
            return None;
        }
        let supplement: Vec<_> = flaws
            .iter()
            .filter(|f| f.0 == FlawResponse::Supplement)
            .collect();
        if !supplement.is_empty() {
            let asked = self.act(Step::Receipt, ActionKind::RequestSupplement);
            self.requests += 1;
            let Some(reply) = self.reply(asked) else {
                r.receipt = Some(asked);
                r.ending = Ending::AwaitsReceiptSupplement;
                return None;
            };
            self.t = self.t.max(reply);
            // What was supplied is looked at again; a missing paper now is paper.
            let again = supplement.iter().filter(|f| f.2).count();
            self.repeat(Step::Receipt, ActionKind::Inspect, again);
            if d.channel != Channel::Online {
                self.supplied_paper = supplement
                    .iter()
                    .filter(|f| f.1 == FlawKind::Missing && f.2)
                    .count();
                r.paper |= self.supplied_paper > 0;
            }
        }
        let accepted = self.act(Step::Receipt, ActionKind::Accept);
        r.receipt = Some(accepted);
        Some(accepted)
    }

    /// Digitise the paper, reuse the national data, forward or transfer.
    fn handover(&mut self) -> NaiveDateTime {
        let s = self.s;
        let (i, d) = (self.i, self.d);
        let count = |o: Origin| s.handed_in(i, d).filter(|c| c.origin == o).count();
        let paper = count(Origin::Paper) + self.supplied_paper;
        self.repeat(Step::Transfer, ActionKind::Digitize, paper);
        self.repeat(Step::Transfer, ActionKind::Reuse, count(Origin::NationalDb));
        let name = if self.s.transfers(self.i, self.d) {
            ActionKind::Transfer
        } else {
            ActionKind::Forward
        };
        self.act(Step::Transfer, name)
    }

    /// Verification, then the decision on what it found. `false` when the path ends
    /// there (stopped, or waiting for the citizen).
    fn verdict(
        &mut self,
        r: &mut Reach,
        handover: NaiveDateTime,
        due: NaiveDateTime,
        rules: RuleSet,
    ) -> bool {
        let verified = self.verification(handover, due);
        self.t = self.t.max(verified);
        let found: Vec<FlawResponse> = self
            .flaws(Stage::Appraisal)
            .iter()
            .map(|f| f.response)
            .collect();
        let refuse = found.contains(&FlawResponse::Refuse);
        let supplement = found.contains(&FlawResponse::Supplement);
        let appraises = trainee_plays(self.s.scenario.meta.role, Step::Appraise);
        if refuse || (supplement && self.requests > 0) {
            r.verdict_relayed = true;
            let at = if appraises {
                self.act(Step::Appraise, ActionKind::Appraise)
            } else {
                let stop = if rules == RuleSet::R2025 {
                    ActionKind::Stop
                } else {
                    ActionKind::Refuse
                };
                self.act(Step::Stop, stop)
            };
            r.verdict = Some(at);
            r.end = Some(at);
            r.ending = Ending::Stopped;
            return false;
        }
        if supplement {
            r.verdict_relayed = true;
            let asked = self.act(Step::LateSupplement, ActionKind::RequestSupplement);
            let Some(reply) = self.reply(asked) else {
                r.verdict = Some(asked);
                r.end = Some(asked);
                r.ending = Ending::AwaitsLateSupplement;
                return false;
            };
            // The clock stood still while the citizen had the request (QĐ 766, 2.1).
            let paused = self.s.calendar.office_minutes_between(asked, reply);
            let due = self.s.calendar.add_office_minutes(due, paused);
            r.due = Some(due);
            let from = self.s.calendar.next_opening(reply);
            let again = self
                .s
                .verification_end_by(from, REVERIFY_MINUTES, Some(due));
            self.t = self.t.max(again);
            let approved = self.act(Step::Appraise, ActionKind::Appraise);
            r.verdict = Some(if appraises { approved } else { asked });
            return true;
        }
        r.verdict = Some(self.act(Step::Appraise, ActionKind::Appraise));
        true
    }

    /// When the specialist's verification of a dossier forwarded at `from` ends (its
    /// scripted length, a site check, or the drawn office minutes).
    fn verification(&self, from: NaiveDateTime, due: NaiveDateTime) -> NaiveDateTime {
        self.s.verification_until(self.i, self.d, from, Some(due))
    }

    /// Fee, payment, the result back: the moment it is returned.
    fn give_back(&mut self) -> NaiveDateTime {
        if self.s.fee_of(self.i, self.d) > 0 {
            let asked = self.act(Step::Return, ActionKind::RequestFee);
            if self.s.pays_online_of(self.i, self.d) {
                let paid = asked + Duration::minutes(ONLINE_PAYMENT_MINUTES);
                self.t = self.t.max(paid);
            } else {
                self.act(Step::Return, ActionKind::ConfirmPayment);
            }
        }
        self.act(Step::Return, ActionKind::ReturnResult)
    }

    /// The first moment at or after `self.t` the step can be taken, its moment; the
    /// clock then moves by the action's minutes when the trainee takes it (the
    /// colleagues' steps take no time).
    fn act(&mut self, step: Step, action: ActionKind) -> NaiveDateTime {
        let trainee = trainee_plays(self.s.scenario.meta.role, step);
        let at = self.ready(trainee);
        let minutes = if trainee {
            u64::from(costs::minutes(&self.s.scenario.costs, action))
        } else {
            0
        };
        self.t = self.s.calendar.add_office_minutes(at, minutes);
        at
    }

    fn repeat(&mut self, step: Step, action: ActionKind, times: usize) {
        for _ in 0..times {
            self.act(step, action);
        }
    }

    /// Office time from `self.t`; the trainee also waits out an outage.
    fn ready(&mut self, trainee: bool) -> NaiveDateTime {
        let mut t = self.s.calendar.next_opening(self.t);
        while let Some(&(_, until)) = self
            .outages
            .iter()
            .find(|(from, until)| trainee && *from <= t && t < *until)
        {
            t = self.s.calendar.next_opening(until);
        }
        t
    }

    /// When the citizen answers a request made at `at`: the drawn delay, or a
    /// scripted `supplement-arrives` for this dossier, whichever comes first; `None`
    /// when that is not within the period.
    fn reply(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let s = self.s;
        let drawn = s.reply_moment_of(self.i, self.d, at);
        let id = self.d.scripted_id.as_deref();
        let scripted = s
            .scenario
            .events
            .iter()
            .filter(|e| e.kind == EventKind::SupplementArrives && e.dossier.as_deref() == id)
            .filter(|_| id.is_some())
            .map(|e| day_time(&s.calendar, &s.scenario, e.at))
            .filter(|m| *m > at)
            .min();
        let first = match (drawn, scripted) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        first.filter(|m| *m < s.period_end)
    }

    /// The planted flaws of `stage`.
    fn flaws(&self, stage: Stage) -> Vec<&'s crate::scenario::Flaw> {
        let p = self.s.procedure_at(self.i);
        self.d
            .truth
            .flaws
            .iter()
            .filter_map(|id| p.flaw(id))
            .filter(|f| f.stage == stage)
            .collect()
    }

    /// The rules in force at `at`: the scenario's, then the scripted rule changes.
    fn rules_at(&self, at: NaiveDateTime) -> RuleSet {
        let s = self.s;
        s.scenario
            .events
            .iter()
            .filter(|e| e.kind == EventKind::RuleChange)
            .filter_map(|e| Some((day_time(&s.calendar, &s.scenario, e.at), e.rules?)))
            .filter(|(when, _)| *when <= at)
            .max_by_key(|(when, _)| *when)
            .map_or(s.scenario.meta.rules, |(_, rules)| rules)
    }
}

impl Session {
    /// The moment a scripted `withdraw` of dossier `d` comes, if any.
    pub(super) fn scripted_withdrawal(&self, d: &Dossier) -> Option<NaiveDateTime> {
        let id = d.scripted_id.as_deref()?;
        self.scenario
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Withdraw && e.dossier.as_deref() == Some(id))
            .map(|e| day_time(&self.calendar, &self.scenario, e.at))
            .min()
    }
}

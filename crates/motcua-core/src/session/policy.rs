//! The right answer: fees, payment and result channels, what a request must list,
//! what grounds a refusal, and the right next step on a dossier. The solver plays
//! it, the simulated colleagues follow it, and the judge measures against it.

use crate::generate::{Competence, Dossier, Origin, expected_problem};
use crate::scenario::{
    Channel, Flaw, FlawResponse, Geography, Procedure, RuleSet, ServiceLevel, Stage,
};

use super::Session;
use super::action::{Action, Decision, Item, ResultChannel};
use super::roles::{Step, trainee_appraises, trainee_plays};
use super::rules::duty_of;

/// Minutes after a fee request until an online applicant has paid.
pub const ONLINE_PAYMENT_MINUTES: i64 = 30;

/// The refusal reason when a requested supplement did not make the dossier whole.
pub const NOT_SUPPLEMENTED: &str = "not-supplemented";

/// Fee in VND for this dossier: `fee_online` applies to online filings, plus
/// `fee_per_page` for the pages of its component that were handed in.
pub fn fee_of(p: &Procedure, d: &Dossier) -> u64 {
    let base = match d.channel {
        Channel::Online => p.fee_online.unwrap_or(p.fee),
        Channel::Counter | Channel::Post => p.fee,
    };
    let pages = p.fee_per_page.as_ref().map_or(0, |f| {
        let pages = d
            .components
            .iter()
            .filter(|c| *c.id == *f.component)
            .map(|c| c.pages)
            .sum();
        f.amount(pages)
    });
    base.saturating_add(pages)
}

/// Toàn trình online filings pay through the payment platform; everyone else at the desk.
pub fn pays_online(p: &Procedure, d: &Dossier) -> bool {
    p.service == ServiceLevel::ToanTrinh && d.channel == Channel::Online
}

/// The result goes back the way the applicant chose, as the dossier shows
/// (`ResultChannel::open_to` lists what the law leaves open to them).
pub fn result_channel(d: &Dossier) -> ResultChannel {
    d.result_channel
}

/// Whether the desk receives this dossier regardless of administrative boundary: the
/// procedure is on the province's list, and it came in from 1/7/2025 (NĐ 118/2025/NĐ-CP).
pub fn boundary_free(p: &Procedure, d: &Dossier) -> bool {
    p.jurisdiction.as_ref().is_some_and(|j| j.boundary_free)
        && Geography::on(d.submitted_at.date()) == Geography::TwoLevels
}

/// The line of a supplement request that names `flaw`.
pub fn item_for(flaw: &Flaw) -> Item {
    let p = expected_problem(flaw);
    Item {
        component: p.component,
        problem: p.kind,
        field: p.field,
    }
}

/// Whether a request line names `flaw` (the field may be left out).
pub fn covers(item: &Item, flaw: &Flaw) -> bool {
    let e = item_for(flaw);
    item.problem == e.problem
        && item.component == e.component
        && (item.field.is_none() || item.field == e.field)
}

/// Whether `reason` is a lawful ground to refuse or stop, given the open flaws.
pub fn is_ground(p: &Procedure, reason: &str, open_flaws: &[String], asked_before: bool) -> bool {
    let flaws = || open_flaws.iter().filter_map(|id| p.flaw(id));
    let refuse = flaws().any(|f| f.response == FlawResponse::Refuse && f.kind.key() == reason);
    let unmended = reason == NOT_SUPPLEMENTED
        && asked_before
        && flaws().any(|f| f.response == FlawResponse::Supplement);
    refuse || unmended
}

/// The request that names every open supplement flaw once.
fn request_for(p: &Procedure, open: &[String]) -> Vec<Item> {
    let mut items: Vec<Item> = open
        .iter()
        .filter_map(|id| p.flaw(id))
        .filter(|f| f.response == FlawResponse::Supplement)
        .map(item_for)
        .collect();
    items.dedup();
    items
}

/// The refusal reason the open flaws call for, if any.
fn refusal(p: &Procedure, open: &[String], asked_before: bool) -> Option<String> {
    let flaws = || open.iter().filter_map(|id| p.flaw(id));
    if let Some(f) = flaws().find(|f| f.response == FlawResponse::Refuse) {
        return Some(f.kind.key().to_string());
    }
    let unmended = asked_before && flaws().any(|f| f.response == FlawResponse::Supplement);
    unmended.then(|| NOT_SUPPLEMENTED.to_string())
}

/// The right next step on dossier `i`, whoever takes it; `None` while it waits
/// for someone outside the office (the citizen, the verification) or is closed.
/// An apology owed comes first.
pub fn next_step(session: &Session, i: usize) -> Option<Action> {
    step(session, i, true)
}

/// `next_step` with the dossier field left blank: what the solver weighs for every
/// dossier it looks at, naming only the one it takes (a code copied per look cost
/// more than the rest of the look).
pub(super) fn unnamed_step(session: &Session, i: usize) -> Option<Action> {
    step(session, i, false)
}

fn step(session: &Session, i: usize, named: bool) -> Option<Action> {
    apology_step(session, i, named).or_else(|| work_step_named(session, i, named))
}

/// Dossier `i`'s code when the step is to be named, else blank (no allocation).
fn name(session: &Session, i: usize, named: bool) -> String {
    if named {
        session.code(i).to_string()
    } else {
        String::new()
    }
}

/// The apology letter (form 04), owed once lateness is certain and before the due
/// moment; never otherwise (an unneeded letter is a mistake). The new date is the
/// day after the result is expected, the due day and today.
fn apology_step(session: &Session, i: usize, named: bool) -> Option<Action> {
    if !apology_owed(session, i) {
        return None;
    }
    let s = &session.states[i];
    let due = s.due?;
    // The solver reads the truth: the announced end when there is one.
    let expected = match s.verify_at {
        Some(verify_at) if s.delay_noticed => session.expected_result(verify_at),
        _ => session.earliest_end(i, session.now),
    };
    let after_due = due.date().succ_opt().unwrap_or(due.date());
    let after_today = session.now.date().succ_opt().unwrap_or(after_due);
    let earliest = expected.date().max(after_due).max(after_today);
    let new_date = session.calendar.period_day(earliest, 1);
    let dossier = name(session, i, named);
    Some(Action::Apologize { dossier, new_date })
}

/// Whether dossier `i` owes the apology letter now (`apology_step`).
pub(super) fn apology_owed(session: &Session, i: usize) -> bool {
    let s = &session.states[i];
    s.due.is_some_and(|due| {
        s.arrived
            && s.apology.is_none()
            && session.now < due
            && session.lateness_certain(i, session.now)
    })
}

/// The next step of the work itself when a simulated colleague takes it (the
/// apology letter left out: it is the trainee's); `None` when it is nobody's or
/// the trainee's. Its dossier field is left blank: `check_rules_only` and `perform`
/// act on the index, and most wake-ups find the trainee's step anyway.
pub(super) fn colleague_step(session: &Session, i: usize) -> Option<Action> {
    if !colleague_may_act(session, i) {
        return None;
    }
    unnamed_work_step(session, i).filter(|action| {
        !trainee_plays(
            session.scenario.meta.role,
            duty_of(action, &session.states[i]),
        )
    })
}

/// Whether a colleague may have a step on dossier `i` as it stands, judged from its
/// stage alone: `false` means `colleague_step` is `None` until the dossier changes
/// again (and every change of stage is logged by an event about it, which wakes the
/// colleagues anew). Most wake-ups find a stage wholly the trainee's.
pub(super) fn colleague_may_act(session: &Session, i: usize) -> bool {
    let s = &session.states[i];
    if !s.arrived || s.is_closed() || s.pending.is_some() {
        return false;
    }
    let role = session.scenario.meta.role;
    !stage_steps(s).iter().all(|&step| trainee_plays(role, step))
}

/// The duties (`duty_of`) of every step `work_step_named` can return for a dossier
/// standing where `s` does: most wake-ups of the colleagues find a stage wholly the
/// trainee's, and this tells so without looking at the dossier.
fn stage_steps(s: &super::DossierState) -> &'static [Step] {
    if !s.is_accepted() {
        // Open, inspect, refuse, ask or accept: the receipt.
        &[Step::Receipt]
    } else if !s.opened {
        // Looking after acceptance is part of the appraisal.
        &[Step::Appraise]
    } else if s.forwarded_at.is_none() {
        &[Step::Transfer]
    } else if s.processed_at.is_none() {
        &[Step::Appraise, Step::Sign, Step::LateSupplement, Step::Stop]
    } else {
        &[Step::Return]
    }
}

/// The next step of the work itself, the dossier field left blank (`unnamed_step`).
pub(super) fn unnamed_work_step(session: &Session, i: usize) -> Option<Action> {
    work_step_named(session, i, false)
}

fn work_step_named(session: &Session, i: usize, named: bool) -> Option<Action> {
    let s = &session.states[i];
    if !s.arrived || s.is_closed() || s.pending.is_some() {
        return None;
    }
    // Waiting for the verification: nothing to do, and no code to copy.
    let verifying = s.forwarded_at.is_some() && s.processed_at.is_none() && !s.examined;
    if verifying && s.opened && s.is_accepted() {
        return None;
    }
    let d = session.dossier(i);
    let p = session.procedure_at(i);
    let dossier = name(session, i, named);
    if !s.opened {
        return Some(Action::Open { dossier });
    }
    if !s.is_accepted() {
        if let Some(component) = session.first_unchecked(i) {
            return Some(Action::Inspect { dossier, component });
        }
        let open = session.open_at_stage(i, Stage::Receipt);
        if let Some(reason) = refusal(p, &open, s.requests > 0) {
            return Some(Action::Refuse { dossier, reason });
        }
        let items = request_for(p, &open);
        if !items.is_empty() {
            return Some(Action::RequestSupplement { dossier, items });
        }
        return Some(Action::Accept { dossier });
    }
    if s.forwarded_at.is_none() {
        let elsewhere = session.competence(i) == Competence::Transfer;
        return Some(transfer_step(d, s, dossier, elsewhere));
    }
    if s.processed_at.is_none() {
        return appraisal_step(session, i, dossier);
    }
    let fee = session.fee(i);
    if fee > 0 && !s.fee_requested {
        return Some(Action::RequestFee { dossier });
    }
    if s.fee_requested && !s.paid {
        return (!session.pays_online(i)).then_some(Action::ConfirmPayment { dossier });
    }
    let channel = session.expected_channel(i);
    Some(Action::ReturnResult { dossier, channel })
}

/// Digitise paper, reuse national data, then forward to the specialist, or transfer a
/// boundary-free dossier that belongs to another commune.
fn transfer_step(d: &Dossier, s: &super::DossierState, dossier: String, elsewhere: bool) -> Action {
    for c in &d.components {
        if c.origin == Origin::Paper && !s.digitized.contains(&c.id) {
            let component = c.id.to_string();
            return Action::Digitize { dossier, component };
        }
        if c.origin == Origin::NationalDb && !s.reused.contains(&c.id) {
            let component = c.id.to_string();
            return Action::Reuse { dossier, component };
        }
    }
    if elsewhere {
        Action::Transfer { dossier }
    } else {
        Action::Forward { dossier }
    }
}

/// Wait for the verification, then act on what it found.
fn appraisal_step(session: &Session, i: usize, dossier: String) -> Option<Action> {
    let s = &session.states[i];
    let p = session.procedure_at(i);
    if !s.examined {
        return None;
    }
    // An approval stands once given, right or wrong: the leader signs what was proposed.
    if s.appraisal == Some(Decision::Approve) {
        return Some(Action::Sign { dossier });
    }
    let open = session.open_at_stage(i, Stage::Appraisal);
    let items = request_for(p, &open);
    let refuse = open
        .iter()
        .filter_map(|id| p.flaw(id))
        .any(|f| f.response == FlawResponse::Refuse);
    if !items.is_empty() && s.requests == 0 && !refuse {
        return Some(Action::RequestSupplement { dossier, items });
    }
    if let Some(reason) = refusal(p, &open, s.requests > 0) {
        if trainee_appraises(session.scenario.meta.role) {
            let reason = Some(reason);
            let decision = Decision::Reject;
            return Some(Action::Appraise {
                dossier,
                decision,
                reason,
            });
        }
        return Some(match s.rules.unwrap_or(session.rules) {
            RuleSet::R2025 => Action::Stop { dossier, reason },
            RuleSet::R2018 => Action::Refuse { dossier, reason },
        });
    }
    if s.appraisal.is_none() {
        let decision = Decision::Approve;
        return Some(Action::Appraise {
            dossier,
            decision,
            reason: None,
        });
    }
    Some(Action::Sign { dossier })
}

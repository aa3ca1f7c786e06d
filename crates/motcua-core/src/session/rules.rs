//! The rules of the desk: which actions the current state allows. Checking never
//! changes anything; `perform` runs only after this said yes.

use chrono::NaiveDateTime;

use crate::generate::{Dossier, Origin};
use crate::scenario::{Procedure, RuleSet};

use super::Session;
use super::action::{Action, Decision};
use super::policy;
use super::rejection::Rejection;
use super::roles::{Step, trainee_plays};
use super::state::DossierState;

impl Session {
    /// Would the rules allow `action` now? `apply` runs this first; a shell that must
    /// log an action before applying it (the store) asks here, so a refused action is
    /// never logged.
    pub fn check(&self, action: &Action) -> Result<(), Rejection> {
        self.checked_index(action).map(|_| ())
    }

    /// `check`, returning the index of the dossier the action names (`None` for a
    /// wait or the end of the day): `step` looks the code up once for both.
    pub(super) fn checked_index(&self, action: &Action) -> Result<Option<usize>, Rejection> {
        if self.ended {
            return Err(Rejection::PeriodOver);
        }
        let Some(code) = action.dossier() else {
            // No dossier: a wait or the end of the day. Only a wait for no time is
            // refused (a question about one action, not a dispatch over all of them).
            if let Action::Wait { minutes, until } = action
                && minutes.unwrap_or(0) == 0
                && until.is_none()
            {
                return Err(Rejection::BadWait);
            }
            return Ok(None);
        };
        let i = self.index(code).ok_or(Rejection::UnknownDossier)?;
        let (d, s) = (self.dossier(i), &self.states[i]);
        if !s.arrived {
            return Err(Rejection::NotArrived);
        }
        if self.outage_until.is_some() {
            return Err(Rejection::SystemDown);
        }
        if s.is_closed() {
            return Err(Rejection::Closed);
        }
        if !trainee_plays(self.scenario.meta.role, step_of(action, s)) {
            return Err(Rejection::NotYourRole);
        }
        let Some(p) = self.procedure_of(d) else {
            return Err(Rejection::UnknownDossier);
        };
        let ctx = Ctx {
            d,
            s,
            p,
            now: self.now,
        };
        ctx.check(action).map(|()| Some(i))
    }
}

impl Session {
    /// The state checks alone, for the simulated colleagues (no role, no outage), of
    /// `action` on dossier `i` (its dossier field is not read).
    pub(super) fn check_rules_only(&self, i: usize, action: &Action) -> Result<(), Rejection> {
        let (d, s) = (self.dossier(i), &self.states[i]);
        if !s.arrived || s.is_closed() {
            return Err(Rejection::Closed);
        }
        let p = self.procedure_of(d).ok_or(Rejection::UnknownDossier)?;
        Ctx {
            d,
            s,
            p,
            now: self.now,
        }
        .check(action)
    }
}

/// The workflow step an action is, given where the dossier stands.
pub(super) fn step_of(action: &Action, s: &DossierState) -> Step {
    match action {
        Action::Open { .. } | Action::Inspect { .. } => Step::Look,
        Action::Accept { .. } => Step::Receipt,
        Action::RequestSupplement { .. } if s.is_accepted() => Step::LateSupplement,
        Action::RequestSupplement { .. } => Step::Receipt,
        Action::Refuse { .. } if s.is_accepted() => Step::Stop,
        Action::Refuse { .. } => Step::Receipt,
        Action::Digitize { .. }
        | Action::Reuse { .. }
        | Action::Forward { .. }
        | Action::Transfer { .. } => Step::Transfer,
        Action::Appraise { .. } => Step::Appraise,
        Action::Sign { .. } => Step::Sign,
        Action::Stop { .. } => Step::Stop,
        Action::RequestFee { .. } | Action::ConfirmPayment { .. } | Action::ReturnResult { .. } => {
            Step::Return
        }
        Action::Apologize { .. } => Step::Apologize,
        Action::Wait { .. } | Action::EndDay => Step::Look,
    }
}

/// Whose job the action is, when it is the right next step: looking at a dossier is
/// part of the receipt before acceptance and of the appraisal after.
pub(super) fn duty_of(action: &Action, s: &DossierState) -> Step {
    match step_of(action, s) {
        Step::Look if s.is_accepted() => Step::Appraise,
        Step::Look => Step::Receipt,
        step @ Step::Receipt
        | step @ Step::Transfer
        | step @ Step::LateSupplement
        | step @ Step::Appraise
        | step @ Step::Sign
        | step @ Step::Stop
        | step @ Step::Return
        | step @ Step::Apologize => step,
    }
}

struct Ctx<'a> {
    d: &'a Dossier,
    s: &'a DossierState,
    p: &'a Procedure,
    now: NaiveDateTime,
}

fn require(ok: bool, otherwise: Rejection) -> Result<(), Rejection> {
    if ok { Ok(()) } else { Err(otherwise) }
}

impl Ctx<'_> {
    fn check(&self, action: &Action) -> Result<(), Rejection> {
        let s = self.s;
        if !matches!(action, Action::Open { .. }) {
            require(s.opened, Rejection::NotOpened)?;
        }
        match action {
            Action::Open { .. } => Ok(()),
            Action::Inspect { component, .. } => self.handed_in(component).map(|_| ()),
            Action::Accept { .. } => self.deciding_at_receipt(),
            Action::RequestSupplement { items, .. } => {
                require(!items.is_empty(), Rejection::EmptyRequest)?;
                if s.is_accepted() {
                    require(s.forwarded_at.is_some(), Rejection::WrongStatus(s.status()))?;
                    require(s.processed_at.is_none(), Rejection::WrongStatus(s.status()))?;
                    require(s.pending.is_none(), Rejection::AwaitingSupplement)
                } else {
                    self.deciding_at_receipt()
                }
            }
            Action::Refuse { reason, .. } | Action::Stop { reason, .. } => {
                require(!reason.trim().is_empty(), Rejection::EmptyReason)?;
                if matches!(action, Action::Stop { .. }) {
                    require(s.is_accepted(), Rejection::NotAccepted)?;
                    require(
                        s.rules.unwrap_or(RuleSet::R2025) == RuleSet::R2025,
                        Rejection::NotInRules,
                    )?;
                }
                if s.is_accepted() {
                    require(s.processed_at.is_none(), Rejection::WrongStatus(s.status()))
                } else {
                    self.deciding_at_receipt()
                }
            }
            Action::Digitize { component, .. } => {
                let c = self.handed_in(component)?;
                require(c.origin == Origin::Paper, Rejection::NotPaper)?;
                require(!s.digitized.contains(component), Rejection::AlreadyDone)
            }
            Action::Reuse { component, .. } => {
                let c = self.handed_in(component)?;
                require(c.origin == Origin::NationalDb, Rejection::NotInNationalDb)?;
                require(!s.reused.contains(component), Rejection::AlreadyDone)
            }
            Action::Forward { .. } => {
                require(s.is_accepted(), Rejection::NotAccepted)?;
                require(s.forwarded_at.is_none(), Rejection::AlreadyDone)
            }
            Action::Transfer { .. } => {
                require(s.is_accepted(), Rejection::NotAccepted)?;
                require(s.forwarded_at.is_none(), Rejection::AlreadyForwarded)?;
                require(
                    policy::boundary_free(self.p, self.d),
                    Rejection::NotBoundaryFree,
                )
            }
            Action::Appraise {
                decision, reason, ..
            } => {
                require(s.forwarded_at.is_some(), Rejection::WrongStatus(s.status()))?;
                require(s.pending.is_none(), Rejection::AwaitingSupplement)?;
                require(s.examined, Rejection::NotExamined)?;
                require(s.appraisal.is_none(), Rejection::AlreadyDone)?;
                let no_reason = reason.as_deref().is_none_or(|r| r.trim().is_empty());
                require(
                    *decision == Decision::Approve || !no_reason,
                    Rejection::EmptyReason,
                )
            }
            Action::Sign { .. } => {
                require(
                    s.appraisal == Some(Decision::Approve),
                    Rejection::NotApproved,
                )?;
                require(s.processed_at.is_none(), Rejection::AlreadyDone)
            }
            Action::RequestFee { .. } => {
                require(s.is_accepted(), Rejection::NotAccepted)?;
                require(policy::fee_of(self.p, self.d) > 0, Rejection::NoFee)?;
                require(!s.fee_requested, Rejection::AlreadyDone)
            }
            Action::ConfirmPayment { .. } => {
                require(s.fee_requested, Rejection::FeeNotRequested)?;
                require(!s.paid, Rejection::AlreadyDone)?;
                require(!policy::pays_online(self.p, self.d), Rejection::PaidOnline)
            }
            Action::ReturnResult { .. } => {
                require(s.processed_at.is_some(), Rejection::NotProcessed)
            }
            Action::Apologize { new_date, .. } => {
                let due = s.due.ok_or(Rejection::NotAccepted)?;
                require(s.apology.is_none(), Rejection::AlreadyDone)?;
                require(s.processed_at.is_none(), Rejection::WrongStatus(s.status()))?;
                require(*new_date > due.date(), Rejection::BadNewDate)?;
                require(*new_date > self.now.date(), Rejection::BadNewDate)
            }
            Action::Wait { .. } | Action::EndDay => Ok(()),
        }
    }

    fn handed_in(
        &self,
        component: &str,
    ) -> Result<&crate::generate::SubmittedComponent, Rejection> {
        self.p
            .component(component)
            .ok_or(Rejection::UnknownComponent)?;
        self.d.component(component).ok_or(Rejection::NotHandedIn)
    }

    /// Accept, ask or refuse at receipt: only while new, and not while a request is out.
    fn deciding_at_receipt(&self) -> Result<(), Rejection> {
        require(!self.s.is_accepted(), Rejection::AlreadyDone)?;
        require(self.s.pending.is_none(), Rejection::AwaitingSupplement)
    }
}

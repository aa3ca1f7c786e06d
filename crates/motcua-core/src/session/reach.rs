//! How far the right handling of a dossier can get within the period: the earliest
//! moment each step of its correct path is done, as if the desk acted on it at once
//! and on nothing else. The training score counts a step as possible when that
//! moment comes before the period's end (docs/engine.md, "Possible steps").
//!
//! The walk follows the policy (`policy.rs`) without playing it: arrival (taken up
//! `TAKE_UP_MINUTES` later), then the minutes of the trainee's own actions (`[costs]`), the colleagues' steps at once,
//! and the known waits of the path — the citizen's drawn reply delay (or a scripted
//! `supplement-arrives`), the specialist's verification, the 30-minute online payment —
//! through the work calendar, around scripted outages. Cheap and deterministic: no
//! session is played.

mod walk;

/// Office minutes after its arrival the correct path takes a dossier up: a desk
/// busy with another dossier gets to it by then. Half the hour `unfinished` allows
/// (`UNFINISHED_GRACE_MINUTES`), so a dossier left waiting that hour had its next
/// step within reach unless that step alone takes over half an hour.
pub const TAKE_UP_MINUTES: u64 = 30;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::generate::{Competence, Dossier, Origin, SubmittedComponent};

use super::Session;

/// How the correct path of a dossier ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    /// Refused at receipt (form 03): it never gets a clock.
    RefusedAtReceipt,
    /// A supplement asked at receipt that the citizen does not bring in time.
    AwaitsReceiptSupplement,
    /// Accepted and transferred to the competent commune.
    Transferred,
    /// Stopped or refused after verification.
    Stopped,
    /// A supplement asked after verification that the citizen does not bring in time.
    AwaitsLateSupplement,
    /// Processed and returned.
    Returned,
}

/// The earliest moments of one dossier's correct path; `None`: not within the
/// attempt at all (the path waits for a citizen who does not answer, or ends earlier).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    pub dossier: String,
    pub arrival: NaiveDateTime,
    pub ending: Ending,
    /// The last receipt decision: acceptance, the refusal, or the request the citizen
    /// leaves unanswered.
    pub receipt: Option<NaiveDateTime>,
    /// Forwarded to the specialist, or transferred.
    pub handover: Option<NaiveDateTime>,
    /// The decision on the verified dossier (appraisal, the request or stop relayed).
    pub verdict: Option<NaiveDateTime>,
    pub signed: Option<NaiveDateTime>,
    /// The end QĐ 766 indicator 2.1 uses: processed (9), transferred, stopped, or the
    /// moment of a post-acceptance supplement request left unanswered.
    pub end: Option<NaiveDateTime>,
    pub returned: Option<NaiveDateTime>,
    /// The due moment on this path (after its supplement pause).
    pub due: Option<NaiveDateTime>,
    /// A scripted withdrawal of this dossier: nothing is done after it.
    pub withdrawn: Option<NaiveDateTime>,
    /// Paper components to digitise before the hand-over (also one supplied on paper).
    pub paper: bool,
    /// Components held in a national database, to reuse.
    pub national_db: bool,
    /// The procedure charges this dossier a fee.
    pub fee: bool,
    /// The verdict after verification is a request or a stop (there is something to
    /// relay): a desk officer's step too.
    pub verdict_relayed: bool,
}

impl Reach {
    /// Whether a step done at `moment` fits in the attempt: before the period ends
    /// and before the citizen withdraws the dossier.
    pub fn fits(&self, moment: Option<NaiveDateTime>, period_end: NaiveDateTime) -> bool {
        moment.is_some_and(|m| m < period_end && self.withdrawn.is_none_or(|w| m < w))
    }
}

impl Session {
    /// The correct path of every dossier that arrives within the period (also those
    /// not arrived yet), in arrival order of the generator.
    pub fn reaches(&self) -> Vec<Reach> {
        self.reachable().map(|i| self.reach(i)).collect()
    }

    /// The indexes of the dossiers that arrive within the period (also those not
    /// arrived yet), in plan order: whose correct path `reach` walks.
    pub fn reachable(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.plan.len()).filter(|&i| self.plan.dossiers()[i].submitted_at < self.period_end)
    }

    /// The correct path of dossier `i`. Its details are drawn for the walk and not
    /// kept (`Session::drawn`): scoring walks every dossier of the period.
    pub fn reach(&self, i: usize) -> Reach {
        let d = self.drawn(i);
        let mut r = Reach {
            dossier: d.code.clone(),
            arrival: d.submitted_at,
            ending: Ending::Returned,
            receipt: None,
            handover: None,
            verdict: None,
            signed: None,
            end: None,
            returned: None,
            due: None,
            withdrawn: self.scripted_withdrawal(&d),
            paper: self.handed_in(i, &d).any(|c| c.origin == Origin::Paper),
            national_db: self
                .handed_in(i, &d)
                .any(|c| c.origin == Origin::NationalDb),
            fee: self.fee_of(i, &d) > 0,
            verdict_relayed: false,
        };
        walk::Walk::new(self, i, &d).run(&mut r);
        r
    }

    /// The components of dossier `i` (details `d`) as it was filed (before any supplement).
    fn handed_in<'d>(
        &'d self,
        i: usize,
        d: &'d Dossier,
    ) -> impl Iterator<Item = &'d SubmittedComponent> {
        let supplied = &self.states[i].supplied;
        d.components.iter().filter(|c| !supplied.contains(&c.id))
    }

    /// Whether dossier `i` (details `d`) belongs to another commune of the province (transfer).
    fn transfers(&self, i: usize, d: &Dossier) -> bool {
        self.competence_of(i, d) == Competence::Transfer
    }
}

//! What was done to each dossier and by whom, read from the event log: the
//! evidence the training score and the QĐ 766 panel count.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use crate::scenario::{Channel, Stage};
use crate::session::{Actor, Code, Event, Happened, ResultChannel};

/// The hand-over of a dossier: forwarded or transferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handover {
    pub by_trainee: bool,
    pub transferred: bool,
    pub all_digitized: bool,
    pub all_reused: bool,
}

/// The result going out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Return {
    pub by_trainee: bool,
    pub channel: ResultChannel,
    pub right_channel: bool,
    pub paid: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trail {
    pub channel: Option<Channel>,
    pub accepted_at: Option<NaiveDateTime>,
    /// The trainee took a receipt decision (accept, request or refuse at receipt).
    pub receipt_attempted: bool,
    pub trainee_accepted: bool,
    pub trainee_refused_at_receipt: bool,
    pub trainee_requested_at_receipt: bool,
    pub requests: u32,
    pub handover: Option<Handover>,
    /// The trainee took a decision on the verified dossier.
    pub verdict_attempted: bool,
    /// ... and it was an appraisal (approve or reject).
    pub trainee_appraised: bool,
    /// ... or a request or stop the desk sends (relayed).
    pub trainee_relayed: bool,
    pub trainee_signed: bool,
    pub returned: Option<Return>,
    pub paid_online: bool,
    pub reused: bool,
    /// Processed, returned, refused, stopped or transferred: the desk's end.
    pub ended: bool,
    /// Withdrawn by the citizen before the desk ended it.
    pub ended_by_citizen: bool,
}

/// The trail of every dossier that arrived, by code (shared with the events).
pub fn read(events: &[Event]) -> BTreeMap<Code, Trail> {
    let mut trails: BTreeMap<Code, Trail> = BTreeMap::new();
    for e in events {
        let Some(code) = e.what.code() else {
            continue;
        };
        let t = trails.entry(code.clone()).or_default();
        follow(t, e.actor == Actor::Trainee, &e.what, e.at);
    }
    trails
}

fn follow(t: &mut Trail, trainee: bool, what: &Happened, at: NaiveDateTime) {
    if matches!(
        what,
        Happened::Processed { .. }
            | Happened::Returned { .. }
            | Happened::Refused { .. }
            | Happened::Stopped { .. }
            | Happened::Transferred { .. }
    ) {
        t.ended = true;
    }
    match what {
        Happened::Arrived { channel, .. } => t.channel = Some(*channel),
        Happened::Accepted { .. } => {
            t.accepted_at.get_or_insert(at);
            t.receipt_attempted |= trainee;
            t.trainee_accepted |= trainee;
        }
        Happened::SupplementRequested { stage, .. } => {
            t.requests += 1;
            match stage {
                Stage::Receipt => {
                    t.receipt_attempted |= trainee;
                    t.trainee_requested_at_receipt |= trainee;
                }
                Stage::Appraisal => relayed(t, trainee),
            }
        }
        Happened::Refused { stage, .. } => match stage {
            Stage::Receipt => {
                t.receipt_attempted |= trainee;
                t.trainee_refused_at_receipt |= trainee;
            }
            Stage::Appraisal => relayed(t, trainee),
        },
        Happened::Stopped { .. } => relayed(t, trainee),
        Happened::Forwarded {
            undigitized,
            unreused,
            ..
        }
        | Happened::Transferred {
            undigitized,
            unreused,
            ..
        } => {
            t.handover.get_or_insert(Handover {
                by_trainee: trainee,
                transferred: matches!(what, Happened::Transferred { .. }),
                all_digitized: undigitized.is_empty(),
                all_reused: unreused.is_empty(),
            });
        }
        Happened::Appraised { .. } => {
            t.verdict_attempted |= trainee;
            t.trainee_appraised |= trainee;
        }
        Happened::Signed { .. } => t.trainee_signed |= trainee,
        Happened::Paid { online, .. } => t.paid_online |= *online,
        Happened::Reused { .. } => t.reused = true,
        Happened::Returned {
            channel,
            expected,
            unpaid,
            ..
        } => {
            t.returned.get_or_insert(Return {
                by_trainee: trainee,
                channel: *channel,
                right_channel: channel == expected,
                paid: !*unpaid,
            });
        }
        Happened::Withdrawn { .. } => t.ended_by_citizen |= !t.ended,
        Happened::Opened { .. }
        | Happened::Inspected { .. }
        | Happened::SupplementReceived { .. }
        | Happened::Digitized { .. }
        | Happened::Examined { .. }
        | Happened::DelayNotice { .. }
        | Happened::Processed { .. }
        | Happened::FeeRequested { .. }
        | Happened::Apologized { .. }
        | Happened::DueSet { .. }
        | Happened::Scripted { .. }
        | Happened::OutageEnded
        | Happened::RulesChanged { .. }
        | Happened::Waited { .. }
        | Happened::DayEnded
        | Happened::PeriodEnded { .. } => {}
    }
}

/// A request or stop after acceptance: the trainee's verdict when they sent it.
fn relayed(t: &mut Trail, trainee: bool) {
    t.verdict_attempted |= trainee;
    t.trainee_relayed |= trainee;
}

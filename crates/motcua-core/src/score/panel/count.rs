//! The counts behind each indicator, dossier by dossier.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use crate::scenario::Channel;
use crate::session::{Code, Event, ResultChannel};

use super::super::timeliness::{Clock, Timing};
use super::super::trail::{self, Trail};
use super::{IndicatorId, NotAssessed, Panel766, indicator, not_assessed};

/// What the indicators ask of one dossier received (accepted) in the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DossierFacts {
    /// Sent to the competent commune: decided there, not here.
    pub transferred: bool,
    pub online: bool,
    /// The procedure charges it a fee.
    pub fee: bool,
    pub paid_online: bool,
    /// Its result went out electronically (returned online).
    pub electronic_result: bool,
    /// Every paper component digitised before it left the desk.
    pub inputs_digitized: bool,
    /// At least one component reused from digitised data.
    pub reused: bool,
    /// On time by the rule of indicator 2.1.
    pub on_time: bool,
}

/// The panel of the dossiers an event log shows received by `as_of` (the period's
/// end, or the moment an unfinished log stops); `fee` tells which dossiers are charged.
pub fn from_log(events: &[Event], fee: impl Fn(&str) -> bool, as_of: NaiveDateTime) -> Panel766 {
    from_read(&trail::read(events), &Clock::read(events), fee, as_of)
}

/// `from_log` from the trails and the clock already read from the log (the score
/// has them at hand: read again, they would be held twice).
pub fn from_read(
    trails: &BTreeMap<Code, Trail>,
    clock: &Clock,
    fee: impl Fn(&str) -> bool,
    as_of: NaiveDateTime,
) -> Panel766 {
    let facts: Vec<DossierFacts> = trails
        .iter()
        .filter(|(_, t)| t.accepted_at.is_some())
        .map(|(code, t)| {
            let timing = clock.dossiers.get(code);
            facts(t, timing, fee(code), as_of)
        })
        .collect();
    count(&facts)
}

fn facts(t: &Trail, timing: Option<&Timing>, fee: bool, as_of: NaiveDateTime) -> DossierFacts {
    let handover = t.handover;
    let electronic_result = t
        .returned
        .is_some_and(|r| r.channel == ResultChannel::Online);
    DossierFacts {
        transferred: handover.is_some_and(|h| h.transferred),
        online: t.channel == Some(Channel::Online),
        fee,
        paid_online: t.paid_online,
        electronic_result,
        inputs_digitized: handover.is_some_and(|h| h.all_digitized),
        reused: t.reused,
        on_time: on_time(t, timing, as_of),
    }
}

/// Indicator 2.1: the end of processing (the first of processed, returned, refused,
/// stopped, withdrawn, transferred; else the moment of a supplement request still
/// unanswered; else the end of the period) by the due moment, which moved only by
/// the supplement pause. More than one supplement request counts as overdue.
fn on_time(t: &Trail, timing: Option<&Timing>, as_of: NaiveDateTime) -> bool {
    let Some(timing) = timing else { return false };
    let Some(due) = timing.due else { return false };
    if t.requests > 1 {
        return false;
    }
    let end = timing.ended_at.or(timing.waiting_since).unwrap_or(as_of);
    end <= due
}

/// The panel from the dossiers received in the period.
pub fn count(dossiers: &[DossierFacts]) -> Panel766 {
    let n = |keep: &dyn Fn(&DossierFacts) -> bool| {
        u32::try_from(dossiers.iter().filter(|d| keep(d)).count()).unwrap_or(u32::MAX)
    };
    let received = n(&|_| true);
    let decided_here = n(&|d| !d.transferred);
    let on_time = n(&|d| d.on_time);
    let indicators = vec![
        not_assessed(IndicatorId::Synced, NotAssessed::NotSimulated),
        indicator(IndicatorId::OnTime, on_time, received),
        // Every result is a written document, so an online filing counts only with
        // its electronic result; every dossier counts as synced (rate 100%).
        indicator(
            IndicatorId::FiledOnline,
            n(&|d| d.online && d.electronic_result),
            received,
        ),
        indicator(
            IndicatorId::PaidOnline,
            n(&|d| d.fee && d.paid_online),
            n(&|d| d.fee),
        ),
        indicator(
            IndicatorId::ElectronicResult,
            n(&|d| !d.transferred && d.electronic_result),
            decided_here,
        ),
        indicator(
            IndicatorId::Digitized,
            n(&|d| !d.transferred && d.inputs_digitized && d.electronic_result),
            decided_here,
        ),
        indicator(IndicatorId::Reused, n(&|d| d.reused), received),
        // 100% − (overdue rate + rate with complaints); no complaint is simulated.
        indicator(IndicatorId::Satisfaction, on_time, received),
    ];
    Panel766 { indicators }
}

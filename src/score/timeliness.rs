//! The on-time rule of QĐ 766 (indicator 2.1), read from the event log.
//!
//! End of processing is the first of: processed (9), returned (10), refused, stopped
//! or withdrawn. A dossier is on time when it ends by its due moment; the due moment
//! moves with a pause for a post-acceptance supplement and with an apology letter
//! sent before it (the new appointment of form 04). Still open at the period's end:
//! the end of the period counts as its end.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::session::{Event, Happened};

use super::mistake::MistakeCode;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timing {
    pub accepted_at: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub apologized_in_time: bool,
}

impl Timing {
    /// `Some(true)` on time, `Some(false)` late, `None` when no clock ran (never
    /// accepted) or it is still running at `now` before its due moment.
    pub fn on_time(&self, now: NaiveDateTime) -> Option<bool> {
        let due = self.due?;
        match self.ended_at {
            Some(end) => Some(end <= due),
            None if now > due => Some(false),
            None => None,
        }
    }
}

/// Timing of every accepted dossier, and where the log stops.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    pub dossiers: BTreeMap<String, Timing>,
    pub last: Option<NaiveDateTime>,
    pub period_over: bool,
}

impl Clock {
    pub fn read(events: &[Event]) -> Clock {
        let mut clock = Clock::default();
        for e in events {
            clock.last = Some(e.at);
            if let Happened::PeriodEnded { .. } = e.what {
                clock.period_over = true;
            }
            let Some(code) = e.what.dossier() else {
                continue;
            };
            let t = clock.dossiers.entry(code.to_string()).or_default();
            match &e.what {
                Happened::Accepted { due, .. } => {
                    t.accepted_at = Some(e.at);
                    t.due = Some(*due);
                }
                Happened::DueSet { due, .. } => t.due = Some(*due),
                Happened::Apologized { in_time, .. } => t.apologized_in_time |= *in_time,
                Happened::Processed { .. }
                | Happened::Returned { .. }
                | Happened::Refused { .. }
                | Happened::Stopped { .. }
                | Happened::Withdrawn { .. } => {
                    t.ended_at.get_or_insert(e.at);
                }
                _ => {}
            }
        }
        clock
    }

    /// `late` for every dossier that ended (or stood open) after its due moment, and
    /// `late-without-apology` when no apology went out before it. Open dossiers are
    /// judged only once the period is over.
    pub fn late_mistakes(&self) -> Vec<(MistakeCode, String, NaiveDateTime)> {
        let Some(now) = self.last else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (code, t) in &self.dossiers {
            let Some(due) = t.due else { continue };
            let open_but_over = t.ended_at.is_none() && self.period_over && now > due;
            let ended_late = t.ended_at.is_some_and(|end| end > due);
            if !(open_but_over || ended_late) {
                continue;
            }
            let at = t.ended_at.unwrap_or(now);
            out.push((MistakeCode::Late, code.clone(), at));
            if !t.apologized_in_time {
                out.push((MistakeCode::LateWithoutApology, code.clone(), at));
            }
        }
        out
    }
}

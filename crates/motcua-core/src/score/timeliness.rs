//! The on-time rule of QĐ 766 (indicator 2.1), read from the event log.
//!
//! End of processing is the first of: processed (9), returned (10), refused,
//! transferred to the competent commune, stopped or withdrawn. A dossier is on time when it ends by its due moment; the due moment
//! moves only with a pause for a post-acceptance supplement. An apology letter (form
//! 04) gives the citizen a new appointment but does not move this due moment: a late
//! dossier stays late, the letter only spares it `late-without-apology` (whether the
//! National Portal moves `NgayHenTra` on an apology is unverified; motcua does not).
//! Still open at the period's end: the end of the period counts as its end, except
//! while a supplement asked for after acceptance is outstanding: then the moment of
//! the request counts (QĐ 766, 2.1).
//!
//! Late is the trainee's mistake (`late`) unless the specialist announced that the
//! verification alone outlasts the time limit (`DelayNotice { unavoidable }`: late
//! however fast the desk worked). Such a dossier still counts as late for indicator
//! 2.1; what is owed then is the apology before the due moment.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::scenario::Stage;
use crate::session::{Code, Event, Happened};

use super::mistake::MistakeCode;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timing {
    pub accepted_at: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub apologized_in_time: bool,
    /// The specialist announced that the verification alone outlasts the time limit.
    pub unavoidable: bool,
    /// A post-acceptance supplement request still unanswered, since this moment.
    pub waiting_since: Option<NaiveDateTime>,
}

impl Timing {
    /// `Some(true)` on time, `Some(false)` late, `None` when no clock ran (never
    /// accepted) or it is still running at `now` before its due moment.
    pub fn on_time(&self, now: NaiveDateTime) -> Option<bool> {
        let due = self.due?;
        match self.ended_at.or(self.waiting_since) {
            Some(end) => Some(end <= due),
            None if now > due => Some(false),
            None => None,
        }
    }
}

/// Timing of every accepted dossier, and where the log stops.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// By code, shared with the events (no copy of the string).
    pub dossiers: BTreeMap<Code, Timing>,
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
            let Some(code) = e.what.code() else {
                continue;
            };
            let t = clock.dossiers.entry(code.clone()).or_default();
            match &e.what {
                Happened::Accepted { due, .. } => {
                    t.accepted_at = Some(e.at);
                    t.due = Some(*due);
                }
                Happened::DueSet { due, .. } => t.due = Some(*due),
                Happened::SupplementRequested {
                    stage: Stage::Appraisal,
                    ..
                } => t.waiting_since = Some(e.at),
                Happened::SupplementReceived { .. } => t.waiting_since = None,
                Happened::Apologized { in_time, .. } => t.apologized_in_time |= *in_time,
                Happened::DelayNotice { unavoidable, .. } => t.unavoidable |= *unavoidable,
                Happened::Processed { .. }
                | Happened::Returned { .. }
                | Happened::Refused { .. }
                | Happened::Transferred { .. }
                | Happened::Stopped { .. }
                | Happened::Withdrawn { .. } => {
                    t.ended_at.get_or_insert(e.at);
                }
                Happened::Arrived { .. }
                | Happened::Opened { .. }
                | Happened::Inspected { .. }
                | Happened::SupplementRequested { .. }
                | Happened::Digitized { .. }
                | Happened::Reused { .. }
                | Happened::Forwarded { .. }
                | Happened::Examined { .. }
                | Happened::Appraised { .. }
                | Happened::Signed { .. }
                | Happened::FeeRequested { .. }
                | Happened::Paid { .. }
                | Happened::Scripted { .. }
                | Happened::OutageEnded
                | Happened::RulesChanged { .. }
                | Happened::Waited { .. }
                | Happened::DayEnded
                | Happened::PeriodEnded { .. } => {}
            }
        }
        clock
    }

    /// `late` for every dossier that ended (or stood open) after its due moment, but
    /// one whose lateness the specialist announced as unavoidable, and
    /// `late-without-apology` when no apology went out before it. Open dossiers are
    /// judged only once the period is over.
    pub fn late_mistakes(&self) -> Vec<(MistakeCode, String, NaiveDateTime)> {
        let Some(now) = self.last else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (code, t) in &self.dossiers {
            let Some(due) = t.due else { continue };
            let end = t.ended_at.or(t.waiting_since);
            let open_but_over = end.is_none() && self.period_over && now > due;
            let ended_late = end.is_some_and(|end| end > due);
            if !(open_but_over || ended_late) {
                continue;
            }
            let at = end.unwrap_or(now);
            if !t.unavoidable {
                out.push((MistakeCode::Late, code.to_string(), at));
            }
            if !t.apologized_in_time {
                out.push((MistakeCode::LateWithoutApology, code.to_string(), at));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::scenario::Channel;
    use crate::session::{Actor, List};

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 4, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    fn event(when: NaiveDateTime, what: Happened) -> Event {
        Event {
            at: when,
            actor: Actor::Trainee,
            what,
        }
    }

    /// Accepted on the 6th, due the 7th; the period ends on the 10th.
    fn log(request: bool) -> Vec<Event> {
        let dossier = || "X".into();
        let mut events = vec![
            event(
                at(6, 8),
                Happened::Arrived {
                    dossier: dossier(),
                    procedure: "p".into(),
                    channel: Channel::Online,
                    flaws: List::new(),
                },
            ),
            event(
                at(6, 9),
                Happened::Accepted {
                    dossier: dossier(),
                    due: at(7, 17),
                    open_flaws: List::new(),
                    unchecked: List::new(),
                },
            ),
        ];
        if request {
            events.push(event(
                at(6, 10),
                Happened::SupplementRequested {
                    dossier: dossier(),
                    stage: Stage::Appraisal,
                    items: List::new(),
                    nth: 1,
                    open_flaws: List::new(),
                    unchecked: List::new(),
                },
            ));
        }
        events.push(event(
            at(10, 17),
            Happened::PeriodEnded {
                unfinished: List::new(),
            },
        ));
        events
    }

    #[test]
    fn an_open_dossier_past_its_due_moment_is_late_at_the_end() {
        let codes: Vec<_> = Clock::read(&log(false))
            .late_mistakes()
            .into_iter()
            .map(|m| m.0)
            .collect();
        assert_eq!(codes, [MistakeCode::Late, MistakeCode::LateWithoutApology]);
    }

    #[test]
    fn a_dossier_waiting_for_the_citizen_counts_from_the_request_not_the_end() {
        let clock = Clock::read(&log(true));
        assert!(clock.late_mistakes().is_empty());
        assert_eq!(clock.dossiers["X"].on_time(at(10, 17)), Some(true));
    }

    /// The log of `log(false)` with an unavoidable delay announced on the 6th at 10:00
    /// (result expected on the 9th) and, when `apology`, the letter on the 6th at 11:00.
    fn announced(apology: bool) -> Vec<Event> {
        let mut events = log(false);
        let end = events.pop().expect("the period's end");
        events.push(event(
            at(6, 10),
            Happened::DelayNotice {
                dossier: "X".into(),
                due: at(7, 17),
                expected: at(9, 8),
                unavoidable: true,
            },
        ));
        if apology {
            let new_date = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap_or_default();
            events.push(event(
                at(6, 11),
                Happened::Apologized {
                    dossier: "X".into(),
                    new_date,
                    in_time: true,
                    needed: true,
                },
            ));
        }
        events.push(end);
        events
    }

    #[test]
    fn an_unavoidable_delay_stays_late_but_only_a_missing_apology_is_a_mistake() {
        // Due on the 7th at 17:00, still open when the period ends on the 10th: late
        // for 2.1 either way.
        let with = Clock::read(&announced(true));
        assert_eq!(with.dossiers["X"].on_time(at(10, 17)), Some(false));
        assert!(with.late_mistakes().is_empty());
        let without: Vec<_> = Clock::read(&announced(false))
            .late_mistakes()
            .into_iter()
            .map(|m| m.0)
            .collect();
        assert_eq!(without, [MistakeCode::LateWithoutApology]);
    }
}

//! When lateness is certain from what the desk can see, and how the specialist
//! fits the verification in the time left.
//!
//! An apology letter (form 04) is owed before the due moment once lateness is
//! certain: the specialist announced it (`delay-notice`), or the due moment comes
//! before the least time the remaining steps can take (the action costs of the
//! trainee's steps, the shortest verification, the known length of a site check).
//! The letter does not move the due moment of QĐ 766 indicator 2.1; one sent when
//! lateness was not certain is a mistake of its own (`apology-not-needed`).

use chrono::NaiveDateTime;

use crate::generate::{Dossier, Origin};
use crate::scenario::ActionKind;

use super::Session;
use super::costs;
use super::roles::{Step, trainee_plays};

/// The shortest verification: the low end of the specialist's drawn time.
pub const VERIFY_MIN_MINUTES: u64 = 15;

impl Session {
    /// Whether dossier `i`, accepted and not yet processed, will surely end after
    /// its due moment, judged at `at` from what the desk knows.
    pub(super) fn lateness_certain(&self, i: usize, at: NaiveDateTime) -> bool {
        let s = &self.states[i];
        let Some(due) = s.due else { return false };
        if s.processed_at.is_some() || s.is_closed() {
            return false;
        }
        // A supplement asked after acceptance stops the clock at the request (QĐ 766
        // 2.1): late only when it went out after the due moment.
        if let Some(p) = &s.pending {
            return p.requested_at > due;
        }
        at > due || s.delay_noticed || self.earliest_end(i, at) > due
    }

    /// The earliest moment the result can be ready (status 9) if everyone works
    /// without delay from `at`: the trainee's remaining steps cost their minutes,
    /// the simulated colleagues' none, a verification at least its shortest time.
    pub(super) fn earliest_end(&self, i: usize, at: NaiveDateTime) -> NaiveDateTime {
        let s = &self.states[i];
        let mut end = at;
        if s.forwarded_at.is_none() {
            let forwarded = self
                .calendar
                .add_office_minutes(at, self.transfer_minutes(i));
            end = self.shortest_verification(i, forwarded);
        }
        let mut after = 0;
        if s.appraisal.is_none() {
            after += self.trainee_minutes(Step::Appraise, ActionKind::Appraise);
        }
        after += self.trainee_minutes(Step::Sign, ActionKind::Sign);
        self.add_minutes(end, after)
    }

    /// When a verification started at `from` ends at the earliest: the site check's
    /// fewest working days, or the shortest office-time check.
    fn shortest_verification(&self, i: usize, from: NaiveDateTime) -> NaiveDateTime {
        match self.procedure_at(i).site_check {
            Some(c) if c.min_days > 0 => {
                let last = self.calendar.nth_working_day_after(from.date(), c.min_days);
                self.calendar.close_of(last)
            }
            _ => self.add_minutes(from, VERIFY_MIN_MINUTES),
        }
    }

    /// When the specialist's verification of dossier `i`, forwarded at `from`, ends:
    /// a scripted length or a site check at the close of its last working day,
    /// otherwise after the drawn office minutes (`verification_end`).
    pub(super) fn verification_from(&self, i: usize, from: NaiveDateTime) -> NaiveDateTime {
        self.verification_until(i, self.dossier(i), from, self.states[i].due)
    }

    /// `verification_from` for a dossier due at `due` (the correct path's own due
    /// moment when estimating what is possible), `d` its details (kept or not).
    pub(super) fn verification_until(
        &self,
        i: usize,
        d: &Dossier,
        from: NaiveDateTime,
        due: Option<NaiveDateTime>,
    ) -> NaiveDateTime {
        let minutes = d.truth.specialist_minutes;
        let scripted = self.scripted_at(i).and_then(|s| s.verification_days);
        let site = self.procedure_at(i).site_check.map(|c| c.days(minutes));
        match scripted.or(site) {
            Some(days) if days > 0 => {
                let last = self.calendar.nth_working_day_after(from.date(), days);
                self.calendar.close_of(last)
            }
            _ => self.verification_end_by(from, u64::from(minutes), due),
        }
    }

    /// Office minutes the trainee still spends before forwarding dossier `i`.
    fn transfer_minutes(&self, i: usize) -> u64 {
        let role = self.scenario.meta.role;
        if !trainee_plays(role, Step::Transfer) {
            return 0;
        }
        let s = &self.states[i];
        let cost = |kind| u64::from(costs::minutes(&self.scenario.costs, kind));
        let steps: u64 = self
            .dossier(i)
            .components
            .iter()
            .map(|c| match c.origin {
                Origin::Paper if !s.digitized.contains(&c.id) => cost(ActionKind::Digitize),
                Origin::NationalDb if !s.reused.contains(&c.id) => cost(ActionKind::Reuse),
                Origin::Upload | Origin::Paper | Origin::NationalDb => 0,
            })
            .sum();
        steps + cost(ActionKind::Forward)
    }

    /// The cost of `action` when the trainee takes `step`; colleagues take no time.
    pub(super) fn trainee_minutes(&self, step: Step, action: ActionKind) -> u64 {
        if trainee_plays(self.scenario.meta.role, step) {
            u64::from(costs::minutes(&self.scenario.costs, action))
        } else {
            0
        }
    }

    /// When a verification of `minutes` office minutes started at `from` ends. The
    /// specialist treats a dossier whose due moment is near as urgent: the check
    /// takes at most half the office time left before the due moment once the steps
    /// that follow are counted (a same-day dossier is checked in minutes, not hours;
    /// the other half is the desk's, which has other dossiers due too), and never
    /// less than the shortest check: only a desk that forwarded too late runs late.
    pub(super) fn verification_end(
        &self,
        i: usize,
        from: NaiveDateTime,
        minutes: u64,
    ) -> NaiveDateTime {
        self.verification_end_by(from, minutes, self.states[i].due)
    }

    /// `verification_end` for a dossier due at `due` (the correct path's own due
    /// moment when estimating what is possible).
    pub(super) fn verification_end_by(
        &self,
        from: NaiveDateTime,
        minutes: u64,
        due: Option<NaiveDateTime>,
    ) -> NaiveDateTime {
        let after = self.trainee_minutes(Step::Appraise, ActionKind::Appraise)
            + self.trainee_minutes(Step::Sign, ActionKind::Sign);
        let minutes = match due {
            Some(due) => {
                let room = self
                    .calendar
                    .office_minutes_between(from, due)
                    .saturating_sub(after);
                minutes.min((room / 2).max(VERIFY_MIN_MINUTES))
            }
            None => minutes,
        };
        self.add_minutes(from, minutes)
    }
}

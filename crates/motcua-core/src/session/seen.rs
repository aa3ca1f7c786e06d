//! The session as the trainee's screen may read it: dossiers only as `TraineeDossier`
//! (no hidden truth), and the few answers the screen needs about one, worked out here
//! so that the shell never holds the whole dossier.

use super::Session;
use super::state::DossierState;
use crate::generate::{Competence, TraineeDossier, TraineePlanned, competence};
use crate::scenario::{Deadline, Procedure};

impl Session {
    /// Dossier `code` as the desk sees it, with its state.
    pub fn seen(&self, code: &str) -> Option<(TraineeDossier<'_>, &DossierState)> {
        self.find(code).map(|(d, st)| (d.trainee_view(), st))
    }
    /// The dossiers that have arrived, in plan order, as the queue shows them.
    pub fn arrived_seen(&self) -> impl Iterator<Item = (usize, TraineePlanned, &DossierState)> {
        self.arrived().map(|(i, p, st)| (i, p.trainee_view(), st))
    }
    /// The procedure `d` was filed under.
    pub fn procedure_of_seen(&self, d: TraineeDossier<'_>) -> Option<&Procedure> {
        self.procedure_of(d.full)
    }
    /// The time limit acceptance sets for `d` (a scripted case may have its own).
    pub fn deadline_of_seen(&self, d: TraineeDossier<'_>) -> Option<Deadline> {
        self.deadline_of(d.full)
    }
    /// Whether `d` is one the desk transfers to the competent commune.
    pub fn transferable(&self, d: TraineeDossier<'_>) -> bool {
        self.procedure_of(d.full)
            .is_some_and(|p| competence(d.full, p, self.scenario()) == Competence::Transfer)
    }
}

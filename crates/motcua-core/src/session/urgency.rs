//! The dossiers where work can be (arrived, not closed, not waiting for the citizen),
//! filed by urgency so that the solver finds the most urgent one without looking at
//! every other: accepted ones by due moment, the others by time limit (they all share
//! the due moment acceptance now would set): one group per procedure, and one for
//! each scripted dossier, which may carry a time limit of its own.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

/// Where an active dossier is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// Accepted: due at this moment.
    Due(NaiveDateTime),
    /// Not accepted yet: in this group of one time limit (`Session::fresh_group`).
    Fresh(usize),
}

#[derive(Debug, Clone, Default)]
pub(super) struct Active {
    due: BTreeSet<(NaiveDateTime, usize)>,
    /// Per group of one time limit, the dossiers not accepted yet.
    fresh: Vec<BTreeSet<usize>>,
    /// The slot of each dossier, `None` when it is not active.
    slots: Vec<Option<Slot>>,
}

impl Active {
    pub fn new(dossiers: usize, groups: usize) -> Active {
        Active {
            due: BTreeSet::new(),
            fresh: vec![BTreeSet::new(); groups],
            slots: vec![None; dossiers],
        }
    }

    /// File dossier `i` at `slot` (moving it when it was filed elsewhere).
    pub fn insert(&mut self, i: usize, slot: Slot) {
        self.remove(i);
        let placed = match slot {
            Slot::Due(at) => self.due.insert((at, i)),
            Slot::Fresh(p) => self.fresh.get_mut(p).is_some_and(|set| set.insert(i)),
        };
        if placed && let Some(s) = self.slots.get_mut(i) {
            *s = Some(slot);
        }
    }

    pub fn remove(&mut self, i: usize) {
        let Some(slot) = self.slots.get_mut(i).and_then(Option::take) else {
            return;
        };
        match slot {
            Slot::Due(at) => {
                self.due.remove(&(at, i));
            }
            Slot::Fresh(p) => {
                if let Some(set) = self.fresh.get_mut(p) {
                    set.remove(&i);
                }
            }
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.slots.get(i).is_some_and(Option::is_some)
    }

    /// Accepted active dossiers, soonest due first (then by index).
    pub fn by_due(&self) -> impl Iterator<Item = (NaiveDateTime, usize)> + '_ {
        self.due.iter().copied()
    }

    /// Not-accepted active dossiers of group `p`, by index.
    pub fn fresh(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.fresh.get(p).into_iter().flatten().copied()
    }

    /// Groups with not-accepted active dossiers.
    pub fn fresh_groups(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.fresh.len()).filter(|&p| !self.fresh[p].is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    #[test]
    fn dossiers_move_between_slots_and_leave_cleanly() {
        let mut a = Active::new(4, 2);
        a.insert(0, Slot::Fresh(1));
        a.insert(1, Slot::Due(at(10)));
        a.insert(2, Slot::Due(at(9)));
        assert_eq!(a.by_due().collect::<Vec<_>>(), [(at(9), 2), (at(10), 1)]);
        assert_eq!(a.fresh(1).collect::<Vec<_>>(), [0]);
        a.insert(0, Slot::Due(at(8)));
        assert_eq!(a.fresh_groups().count(), 0);
        assert_eq!(a.by_due().next(), Some((at(8), 0)));
        a.remove(0);
        a.remove(0);
        assert!(!a.contains(0) && a.contains(1));
        assert_eq!(a.by_due().count(), 2);
    }
}

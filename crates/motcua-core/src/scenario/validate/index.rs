//! Names other sections refer to, gathered from the raw file before any checking,
//! so a reference is judged against what the author wrote even where that part
//! has its own errors.

use std::collections::{BTreeMap, BTreeSet};

use super::super::model::DayTime;
use super::super::raw::{RawFile, S, Str};
use super::super::report::Report;
use super::super::values::day_time;

/// The names in one scope. When some element has no name (E005 was reported),
/// the set is incomplete and unknown references are not reported: they may
/// well point at the unnamed element.
#[derive(Debug, Default)]
pub(crate) struct Known {
    names: BTreeSet<String>,
    complete: bool,
}

impl Known {
    pub(crate) fn of<'a>(ids: impl IntoIterator<Item = &'a Str>) -> Known {
        let mut known = Known {
            names: BTreeSet::new(),
            complete: true,
        };
        for id in ids {
            match id {
                Some(s) => {
                    known.names.insert(s.get_ref().clone());
                }
                None => known.complete = false,
            }
        }
        known
    }

    /// A set that may lack names, e.g. when the list holding them was misspelt.
    pub(crate) fn unsure(mut self, unsure: bool) -> Known {
        self.complete &= !unsure;
        self
    }

    /// `true` unless the name is surely unknown.
    pub(crate) fn allows(&self, name: &str) -> bool {
        !self.complete || self.names.contains(name)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }
}

/// What scripted dossiers and events may refer to.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub procedures: Known,
    /// Flaw ids per procedure code.
    pub flaws: BTreeMap<String, Known>,
    pub dossiers: Known,
    /// When each named scripted dossier arrives (where `at` parses).
    pub dossier_at: BTreeMap<String, DayTime>,
    /// Codes of procedures written as received regardless of boundary.
    pub boundary_free: BTreeSet<String>,
}

impl Index {
    /// Names as written; a table that lost a misspelt or ill-typed key (already
    /// reported) may have lost names too, so its set is unsure.
    pub(crate) fn new(r: &Report, file: &RawFile) -> Index {
        let procs: Vec<&S<_>> = file.procedures.iter().collect();
        let mut flaws = BTreeMap::new();
        let mut boundary_free = BTreeSet::new();
        for p in &procs {
            let unsure = r.dropped_in(p.span().start);
            let p = p.get_ref();
            let free = p
                .jurisdiction
                .as_ref()
                .and_then(|j| j.get_ref().boundary_free.as_ref())
                .is_some_and(|b| *b.get_ref());
            if let (true, Some(code)) = (free, &p.code) {
                boundary_free.insert(code.get_ref().clone());
            }
            if let Some(code) = &p.code {
                let list = p.flaw.as_ref().map_or(&[][..], |l| l.get_ref().as_slice());
                let known = Known::of(list.iter().map(|f| &f.get_ref().id));
                flaws.insert(code.get_ref().clone(), known.unsure(unsure));
            }
        }
        let dossiers_unsure = file
            .dossiers
            .as_ref()
            .is_some_and(|d| r.dropped_in(d.span().start));
        let scripted = file
            .dossiers
            .as_ref()
            .and_then(|d| d.get_ref().scripted.as_ref())
            .map_or(&[][..], |l| l.get_ref().as_slice());
        let mut dossier_at = BTreeMap::new();
        let mut named: Vec<Str> = Vec::new();
        for d in scripted {
            let d = d.get_ref();
            if let Some(id) = &d.id {
                named.push(Some(id.clone()));
                let at = d.at.as_ref().and_then(|a| day_time(a.get_ref()));
                if let Some(at) = at {
                    dossier_at.insert(id.get_ref().clone(), at);
                }
            }
        }
        Index {
            procedures: Known::of(procs.iter().map(|p| &p.get_ref().code)).unsure(r.dropped_in(0)),
            flaws,
            dossiers: Known::of(named.iter()).unsure(dossiers_unsure),
            dossier_at,
            boundary_free,
        }
    }
}

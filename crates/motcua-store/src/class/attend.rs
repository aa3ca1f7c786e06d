//! Who on the class list an attempt belongs to. A trainee is a name and, when the
//! roster has one, an id: two people called `Nguyễn Văn An` are HV01 and HV02. An
//! attempt carries the id when the trainee picked their name from the list (or
//! `record --trainee-id` gave it); one without an id is matched by its name only when
//! one entry has that name, and is otherwise ambiguous, never counted for both.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::roster::{Roster, RosterEntry};
use crate::store::attempts::normalize_name;

/// Where an attempt's trainee stands on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place<'r> {
    Entry(&'r RosterEntry),
    /// No id, and two or more entries have the name.
    Ambiguous(Vec<&'r RosterEntry>),
    Off,
}

/// The entry of `name` and `id`: the entry with that id; an id the list does not have
/// is the one entry of that name without an id (a roster without an id column); no
/// id, the one entry of that name.
pub fn place<'r>(roster: &'r Roster, name: &str, id: Option<&str>) -> Place<'r> {
    let named = roster.entries.iter().filter(|e| e.name == name);
    let same: Vec<&RosterEntry> = match id {
        Some(id) => {
            if let Some(e) = roster.entries.iter().find(|e| e.id.as_deref() == Some(id)) {
                return Place::Entry(e);
            }
            named.filter(|e| e.id.is_none()).collect()
        }
        None => named.collect(),
    };
    match same.as_slice() {
        [] => Place::Off,
        [one] => Place::Entry(one),
        _ if id.is_some() => Place::Off,
        _ => Place::Ambiguous(same),
    }
}

/// A trainee as the report counts them: the normalised name, and the id the attempt
/// carries or, without one, the id of the one roster entry of that name.
pub fn identity(roster: Option<&Roster>, name: &str, id: Option<&str>) -> Who {
    let name = normalize_name(name);
    let id = match (id, roster) {
        (Some(id), _) => Some(id.to_string()),
        (None, Some(r)) => match place(r, &name, None) {
            Place::Entry(e) => e.id.clone(),
            _ => None,
        },
        (None, None) => None,
    };
    Who { trainee: name, id }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Who {
    pub trainee: String,
    #[serde(rename = "trainee_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Who {
    /// `Nguyễn Văn An (HV02)`, or the name alone.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("{} ({id})", self.trainee),
            None => self.trainee.clone(),
        }
    }
}

/// Attempts without an id whose name two or more roster entries have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ambiguous {
    pub trainee: String,
    pub attempts: u32,
    /// The entries it may be, in roster order.
    pub candidates: Vec<RosterEntry>,
}

/// The roster against the attempts' trainees.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attendance {
    /// On the roster, with no attempt (an entry an ambiguous attempt may be is not
    /// listed here: it is in `ambiguous`).
    pub missing: Vec<RosterEntry>,
    pub not_on_roster: Vec<Who>,
    pub ambiguous: Vec<Ambiguous>,
}

/// `attempts`: each attempt's (name, id), names normalised.
pub fn against(roster: &Roster, attempts: &[(String, Option<String>)]) -> Attendance {
    let mut present: BTreeSet<usize> = BTreeSet::new();
    let mut maybe: BTreeSet<usize> = BTreeSet::new();
    let mut off: BTreeSet<Who> = BTreeSet::new();
    let mut ambiguous: BTreeMap<&str, (u32, Vec<&RosterEntry>)> = BTreeMap::new();
    let at = |e: &RosterEntry| e.line;
    for (name, id) in attempts {
        match place(roster, name, id.as_deref()) {
            Place::Entry(e) => {
                present.insert(at(e));
            }
            Place::Ambiguous(list) => {
                maybe.extend(list.iter().map(|e| at(e)));
                ambiguous.entry(name).or_insert((0, list)).0 += 1;
            }
            Place::Off => {
                off.insert(Who {
                    trainee: name.clone(),
                    id: id.clone(),
                });
            }
        }
    }
    Attendance {
        missing: roster
            .entries
            .iter()
            .filter(|e| !present.contains(&e.line) && !maybe.contains(&e.line))
            .cloned()
            .collect(),
        not_on_roster: off.into_iter().collect(),
        ambiguous: ambiguous
            .into_iter()
            .map(|(name, (attempts, list))| Ambiguous {
                trainee: name.to_string(),
                attempts,
                candidates: list.into_iter().cloned().collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        let text = "Mã,Họ và tên\nHV01,Nguyễn Văn An\nHV02,Nguyễn Văn An\nHV03,Trần Bình\n";
        Roster::parse(text.as_bytes()).unwrap()
    }

    fn ids(list: &[RosterEntry]) -> Vec<&str> {
        list.iter().filter_map(|e| e.id.as_deref()).collect()
    }

    #[test]
    fn only_hv02_played_so_hv01_is_missing() {
        // HV02 by id, Trần Bình by the one entry of that name: HV01 alone is missing.
        let got = against(
            &roster(),
            &[
                ("Nguyễn Văn An".into(), Some("HV02".into())),
                ("Trần Bình".into(), None),
            ],
        );
        assert_eq!(ids(&got.missing), ["HV01"]);
        assert!(got.not_on_roster.is_empty() && got.ambiguous.is_empty());
    }

    #[test]
    fn a_namesake_without_id_is_ambiguous_not_both_present() {
        // Two attempts of "Nguyễn Văn An" without an id: either of HV01, HV02; neither
        // is called missing nor present. Trần Bình (HV03) has no attempt: missing.
        let an = ("Nguyễn Văn An".to_string(), None);
        let got = against(&roster(), &[an.clone(), an]);
        assert_eq!(ids(&got.missing), ["HV03"]);
        assert_eq!(got.ambiguous.len(), 1);
        assert_eq!(got.ambiguous[0].attempts, 2);
        assert_eq!(ids(&got.ambiguous[0].candidates), ["HV01", "HV02"]);
    }

    #[test]
    fn an_id_the_list_lacks_is_not_on_the_roster_even_with_a_listed_name() {
        let got = against(&roster(), &[("Nguyễn Văn An".into(), Some("HV09".into()))]);
        assert_eq!(ids(&got.missing), ["HV01", "HV02", "HV03"]);
        assert_eq!(got.not_on_roster[0].label(), "Nguyễn Văn An (HV09)");
        // A roster without ids: the id is the attempt's own, the name still matches.
        let plain = Roster::parse("Lê Chi\n".as_bytes()).unwrap();
        let got = against(&plain, &[("Lê Chi".into(), Some("7".into()))]);
        assert!(got.missing.is_empty() && got.not_on_roster.is_empty());
    }

    #[test]
    fn identity_takes_the_roster_id_only_for_a_name_listed_once() {
        let r = roster();
        let who = |n: &str, id: Option<&str>| identity(Some(&r), n, id).label();
        assert_eq!(who("Trần  Bình", None), "Trần Bình (HV03)");
        assert_eq!(who("Nguyễn Văn An", None), "Nguyễn Văn An");
        assert_eq!(who("Nguyễn Văn An", Some("HV01")), "Nguyễn Văn An (HV01)");
        assert_eq!(identity(None, "Lê Chi", None).label(), "Lê Chi");
    }
}

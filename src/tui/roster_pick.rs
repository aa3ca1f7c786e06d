//! Picking one's name from the class list on the welcome screen. Typing filters the
//! list; ↓ ↑ move in it, Enter takes the highlighted name (and its id). Two people of
//! the same name are told apart by their id. A name typed without diacritics
//! ("nguyen van an") only SUGGESTS the roster's "Nguyễn Văn An": the trainee must pick
//! it; a typed name is never replaced by a roster name unasked. A name not on the list
//! is allowed, and marked as such.

use motcua_store::class::RosterEntry;
use motcua_store::store::attempts::normalize_name;

/// How many names of the list show at once.
pub const SHOWN: usize = 4;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// The class list (empty: no roster, no picker).
    pub entries: Vec<RosterEntry>,
    /// The highlighted line of `matches`; `None`: the trainee is typing.
    pub cursor: Option<usize>,
    /// The entry picked (or typed exactly, when only one has that name).
    pub chosen: Option<usize>,
}

/// How a roster name matches what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Contains the typed text as typed (case aside).
    Direct,
    /// Only without diacritics: a suggestion to confirm.
    Suggestion,
}

/// Where the typed name stands against the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// No roster.
    NoRoster,
    /// Nothing typed yet.
    Empty,
    /// On the list: this entry.
    Listed(usize),
    /// Several people on the list have exactly this name: pick by id.
    Ambiguous(usize),
    /// Not on the list (maybe with suggestions below).
    NotListed,
}

fn lower(s: &str) -> String {
    normalize_name(s).to_lowercase()
}

fn folded(s: &str) -> String {
    motcua_core::generate::places::fold_ascii(&normalize_name(s))
}

impl Picker {
    pub fn new(entries: Vec<RosterEntry>) -> Picker {
        Picker {
            entries,
            ..Picker::default()
        }
    }

    pub fn is_on(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The entries `typed` matches, direct matches first, each with how it matches.
    /// Nothing typed: the whole list.
    pub fn matches(&self, typed: &str) -> Vec<(usize, Kind)> {
        let (t, f) = (lower(typed), folded(typed));
        let mut direct = Vec::new();
        let mut suggested = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if lower(&e.name).contains(&t) {
                direct.push((i, Kind::Direct));
            } else if !f.is_empty() && folded(&e.name).contains(&f) {
                suggested.push((i, Kind::Suggestion));
            }
        }
        direct.extend(suggested);
        direct
    }

    /// Whether another entry has the same name (then the id tells them apart).
    pub fn has_namesake(&self, i: usize) -> bool {
        let name = &self.entries[i].name;
        self.entries
            .iter()
            .enumerate()
            .any(|(j, e)| j != i && e.name == *name)
    }

    /// A roster line as shown: the name, with the id when a namesake needs it.
    pub fn label(&self, i: usize) -> String {
        let e = &self.entries[i];
        match (&e.id, self.has_namesake(i)) {
            (Some(id), true) => format!("{} ({id})", e.name),
            _ => e.name.clone(),
        }
    }

    pub fn standing(&self, typed: &str) -> Standing {
        if !self.is_on() {
            return Standing::NoRoster;
        }
        if normalize_name(typed).is_empty() {
            return Standing::Empty;
        }
        if let Some(i) = self.chosen {
            return Standing::Listed(i);
        }
        let same: Vec<usize> = self.exact(typed);
        match same.as_slice() {
            [one] => Standing::Listed(*one),
            [] => Standing::NotListed,
            many => Standing::Ambiguous(many.len()),
        }
    }

    /// Entries with exactly this name (case aside, diacritics counted).
    fn exact(&self, typed: &str) -> Vec<usize> {
        let t = lower(typed);
        (0..self.entries.len())
            .filter(|i| lower(&self.entries[*i].name) == t)
            .collect()
    }

    /// The name was edited: the highlight goes, and a pick that no longer matches too.
    pub fn typed(&mut self, typed: &str) {
        self.cursor = None;
        if self
            .chosen
            .is_some_and(|i| lower(&self.entries[i].name) != lower(typed))
        {
            self.chosen = None;
        }
    }

    /// ↓ (`down`) or ↑ in the list; `false` when the list does not take the key (no
    /// roster, no match, ↑ on the typing line): the fields move instead.
    pub fn step(&mut self, typed: &str, down: bool) -> bool {
        let n = self.matches(typed).len();
        if !self.is_on() || n == 0 {
            return false;
        }
        self.cursor = match (self.cursor, down) {
            (None, true) => Some(0),
            (None, false) => return false,
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
            (Some(i), true) => Some((i + 1).min(n - 1)),
        };
        true
    }

    /// Enter on a highlighted line: its name, picked (the caller puts it in the field).
    pub fn pick(&mut self, typed: &str) -> Option<String> {
        let at = self.cursor.take()?;
        let (i, _) = *self.matches(typed).get(at)?;
        self.chosen = Some(i);
        Some(self.entries[i].name.clone())
    }

    /// The id of the trainee on the list, once they are on it.
    pub fn chosen_id(&self, typed: &str) -> Option<String> {
        match self.standing(typed) {
            Standing::Listed(i) => self.entries[i].id.clone(),
            _ => None,
        }
    }

    /// The lines of the list to show, and which of them is highlighted: a window of
    /// `SHOWN` around the highlight.
    pub fn window(&self, typed: &str) -> (Vec<(usize, Kind)>, Option<usize>) {
        let all = self.matches(typed);
        let first = self.cursor.map_or(0, |c| c.saturating_sub(SHOWN - 1));
        let shown = all.into_iter().skip(first).take(SHOWN).collect();
        (shown, self.cursor.map(|c| c - first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, id: Option<&str>, line: usize) -> RosterEntry {
        RosterEntry {
            name: name.into(),
            id: id.map(Into::into),
            line,
        }
    }

    #[test]
    fn an_exact_name_with_a_namesake_is_not_enough() {
        let p = Picker::new(vec![
            entry("Nguyễn Văn An", Some("HV01"), 2),
            entry("Nguyễn Văn An", Some("HV02"), 3),
            entry("Trần Thị Bình", None, 4),
        ]);
        assert_eq!(p.standing("nguyễn văn an"), Standing::Ambiguous(2));
        assert_eq!(p.standing("Trần Thị Bình"), Standing::Listed(2));
        assert_eq!(p.label(1), "Nguyễn Văn An (HV02)");
        assert_eq!(p.label(2), "Trần Thị Bình");
    }
}

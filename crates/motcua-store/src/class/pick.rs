//! `motcua class --trainee NAME` (repeatable): which trainees the instructor means. A
//! name matches exactly (after the same normalisation the store applies: NFC, runs of
//! spaces made one); `id:XYZ` is the roster's entry with that id. A name that matches
//! only once diacritics and case are dropped (`Nguyen Van An` for `Nguyễn Văn An`) is
//! never taken: the instructor is told what it may have meant, as the roster picker
//! does on the training screen, since `An` and `Ân` are different people. A name
//! stands for everyone of that name; an id for one person (`attend::place`): the
//! attempts that carry the id, and those without an id whose name only that entry has.

use std::collections::BTreeSet;

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use super::roster::Roster;
use crate::store::attempts::normalize_name;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PickError {
    /// Matches only with diacritics or case dropped: these are the names it may mean.
    #[error("no trainee {wanted}; did you mean {}?", names.join(", "))]
    DidYouMean { wanted: String, names: Vec<String> },
    /// No attempt and no roster entry has this name, even folded.
    #[error("no trainee {wanted}")]
    Unknown { wanted: String },
    /// `id:XYZ` without a roster to look it up in.
    #[error("id:{id} without a roster")]
    NoRoster { id: String },
    /// `id:XYZ` that no roster entry has.
    #[error("no roster entry with id {id}")]
    UnknownId { id: String },
}

/// Whom the instructor asked for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wanted {
    /// Everyone of this (normalised) name.
    Name(String),
    /// The roster entry with this id.
    Id(String),
}

/// The trainees `wanted` stands for, among `known` (the names of the attempts read,
/// and of the roster).
pub fn pick(
    wanted: &[String],
    known: &BTreeSet<String>,
    roster: Option<&Roster>,
) -> Result<BTreeSet<Wanted>, PickError> {
    let mut out = BTreeSet::new();
    for w in wanted {
        out.insert(one(w, known, roster)?);
    }
    Ok(out)
}

fn one(
    wanted: &str,
    known: &BTreeSet<String>,
    roster: Option<&Roster>,
) -> Result<Wanted, PickError> {
    if let Some(id) = wanted.trim().strip_prefix("id:") {
        let id = id.trim();
        let roster = roster.ok_or_else(|| PickError::NoRoster { id: id.into() })?;
        return roster
            .entries
            .iter()
            .find(|e| e.id.as_deref() == Some(id))
            .map(|_| Wanted::Id(id.into()))
            .ok_or_else(|| PickError::UnknownId { id: id.into() });
    }
    let name = normalize_name(wanted);
    let listed = roster
        .into_iter()
        .flat_map(|r| r.entries.iter().map(|e| &e.name));
    let mut all: BTreeSet<&String> = known.iter().chain(listed).collect();
    if all.contains(&name) {
        return Ok(Wanted::Name(name));
    }
    let key = fold(&name);
    all.retain(|n| fold(n) == key);
    if all.is_empty() {
        Err(PickError::Unknown { wanted: name })
    } else {
        Err(PickError::DidYouMean {
            wanted: name,
            names: all.into_iter().cloned().collect(),
        })
    }
}

/// A name without diacritics nor case: `Đỗ Thị Ánh` → `do thi anh`.
pub fn fold(name: &str) -> String {
    let bare: String = normalize_name(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect();
    bare.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    fn roster() -> Roster {
        Roster::parse(
            "Mã,Họ và tên\nHV01,Nguyễn Văn An\nHV02,Nguyễn Văn Ân\nHV03,Đỗ Thị Ánh\n".as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn an_exact_name_or_a_roster_id_is_taken() {
        let k = known(&["Nguyễn Văn An", "Trần Bình"]);
        let r = roster();
        let got = pick(&["Trần  Bình".into(), "id:HV03".into()], &k, Some(&r));
        let want = [Wanted::Name("Trần Bình".into()), Wanted::Id("HV03".into())];
        assert_eq!(got, Ok(want.into_iter().collect()));
        // On the roster, no attempt yet: still a trainee the instructor may ask for.
        assert_eq!(
            pick(&["Nguyễn Văn Ân".into()], &k, Some(&r)),
            Ok([Wanted::Name("Nguyễn Văn Ân".into())].into_iter().collect())
        );
    }

    #[test]
    fn a_name_that_matches_only_folded_is_a_suggestion_never_a_guess() {
        let k = known(&["Nguyễn Văn An"]);
        let r = roster();
        // "nguyen van an" folds like both "Nguyễn Văn An" and "Nguyễn Văn Ân".
        assert_eq!(
            pick(&["nguyen van an".into()], &k, Some(&r)),
            Err(PickError::DidYouMean {
                wanted: "nguyen van an".into(),
                names: vec!["Nguyễn Văn An".into(), "Nguyễn Văn Ân".into()],
            })
        );
        assert_eq!(
            pick(&["Do Thi Anh".into()], &k, Some(&r)),
            Err(PickError::DidYouMean {
                wanted: "Do Thi Anh".into(),
                names: vec!["Đỗ Thị Ánh".into()],
            })
        );
        assert_eq!(
            pick(&["Lê Chi".into()], &k, Some(&r)),
            Err(PickError::Unknown {
                wanted: "Lê Chi".into()
            })
        );
    }

    #[test]
    fn an_id_needs_a_roster_that_has_it() {
        let k = known(&["An"]);
        assert_eq!(
            pick(&["id:HV09".into()], &k, None),
            Err(PickError::NoRoster { id: "HV09".into() })
        );
        assert_eq!(
            pick(&["id:HV09".into()], &k, Some(&roster())),
            Err(PickError::UnknownId { id: "HV09".into() })
        );
    }
}

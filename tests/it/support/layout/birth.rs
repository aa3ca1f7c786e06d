//! docs/generator.md step 7 for a birth registration (two-level map, a province-wide
//! jurisdiction decided by the mother's address): the dossier as the documents stream
//! of dossier `k` writes it, as values the papers show.

use chrono::NaiveDate;
use motcua_core::scenario::{Attr, Channel, Flaw, FlawKind, Party, Procedure};

use super::cast::{self, Family};
use super::papers::{self, Expected, shown};
use super::people;
use super::places::{Desk, Spot};
use super::stream::Draw;
use super::typo;

/// The documents of a birth-registration dossier planned with `flaws`.
pub fn dossier(
    d: &mut Draw,
    procedure: &Procedure,
    desk: &Desk,
    (channel, today): (Channel, NaiveDate),
    flaws: &[&Flaw],
) -> Expected {
    let has = |k: FlawKind| flaws.iter().any(|f| f.kind == k);
    // Placement: province level, one deciding party (the mother): no draw.
    let mother_at = if has(FlawKind::OutOfJurisdiction) {
        (desk.elsewhere(d), Spot::Any)
    } else {
        (desk.province, Spot::Any)
    };
    let mut family = cast::family(d, today, desk, mother_at);
    for f in flaws {
        assert_ne!(f.kind, FlawKind::Underage, "no underage flaw here");
        if f.kind == FlawKind::Expired {
            expire_applicant(d, &mut family, today);
        }
    }
    let home = family.homes[0].addr.clone();
    let parties = vec![
        (Party::Applicant, shown(applicant(&family), &home)),
        (Party::Child, shown(&family.child, &home)),
        (Party::Mother, shown(&family.mother, &home)),
        (Party::Father, shown(&family.father, &home)),
    ];
    let mut papers = papers::submitted(d, procedure, channel, flaws, &parties);
    papers::plant(d, &mut papers, flaws, |d, party, attr| {
        let person = match party {
            Party::Mother => &family.mother,
            Party::Father => &family.father,
            Party::Child => &family.child,
            _ => applicant(&family),
        };
        match attr {
            Attr::Name => typo::name_slip(d, &person.name.full()),
            Attr::BirthDate => typo::date_slip(d, person.birth, today),
            other => panic!("no slip of {other:?} in this scenario"),
        }
    });
    let homes = [Party::Applicant, Party::Child, Party::Mother, Party::Father];
    Expected {
        parties,
        homes: homes.into_iter().map(|p| (p, home.clone())).collect(),
        papers,
    }
}

fn applicant(family: &Family) -> &cast::Person {
    if family.applicant_is_father {
        &family.father
    } else {
        &family.mother
    }
}

/// The applicant's card expired at 25, 40 or 60 (`pick` of the ages in 18–75).
fn expire_applicant(d: &mut Draw, family: &mut Family, today: NaiveDate) {
    let change = *d.pick(&[25, 40, 60]);
    let person = family.applicant();
    let (birth, issued) = people::expired_card(d, today, change);
    person.birth = birth;
    person.id = people::cccd(d, &person.code.clone(), person.gender, birth);
    person.issued = Some(issued);
    person.tax = person.id.clone();
}

//! docs/generator.md step 7 for a marriage registration under the 2018 rules (three
//! levels, a province-wide jurisdiction decided by the applicant's address, a desk
//! without a commune): two new adults, `underage` and `expired` flaws, slips of a date
//! and of a phone number.

use chrono::NaiveDate;
use motcua_core::generate::Gender;
use motcua_core::scenario::{Attr, Channel, Flaw, FlawKind, Party, Procedure};

use super::cast::{self, Home, Person};
use super::papers::{self, Expected, shown};
use super::people;
use super::places::{Desk, Spot};
use super::stream::Draw;
use super::typo;

/// The minimum age of `party` for `gender`, from the procedure's `underage` flaws.
fn min_age(procedure: &Procedure, party: Party, gender: Gender) -> u32 {
    let mins = procedure
        .flaws
        .iter()
        .filter(|f| f.kind == FlawKind::Underage);
    let of_party = mins.filter(|f| f.field.is_some_and(|x| x.party == party));
    of_party
        .filter_map(|f| f.min_age)
        .next_back()
        .map_or(0, |m| match gender {
            Gender::Male => m.male,
            Gender::Female => m.female,
        })
}

/// A new adult (part 3): a home at province `at` (any commune), the gender, the
/// person aged 20–45 (a dossier with a spouse), raised to the minimum age.
fn new_adult(
    d: &mut Draw,
    (today, desk, procedure): (NaiveDate, &Desk, &Procedure),
    homes: &mut Vec<Home>,
    (party, at, gender): (Party, usize, Option<Gender>),
) -> Person {
    let addr = desk.address(d, at, Spot::Any);
    homes.push(Home { province: at, addr });
    let gender = gender.unwrap_or(if d.chance(0.5) {
        Gender::Female
    } else {
        Gender::Male
    });
    let lo = 20.max(min_age(procedure, party, gender));
    let ages = (lo, 45.max(lo));
    cast::adult(d, today, desk, homes, gender, ages, homes.len() - 1)
}

pub fn dossier(
    d: &mut Draw,
    procedure: &Procedure,
    desk: &Desk,
    (channel, today): (Channel, NaiveDate),
    flaws: &[&Flaw],
) -> Expected {
    let world = (today, desk, procedure);
    // Placement: province level, one deciding party (the applicant): no draw.
    let out = flaws.iter().any(|f| f.kind == FlawKind::OutOfJurisdiction);
    let applicant_at = if out {
        desk.elsewhere(d)
    } else {
        desk.province
    };
    let mut homes = Vec::new();
    let applicant = new_adult(d, world, &mut homes, (Party::Applicant, applicant_at, None));
    let other = match applicant.gender {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
    };
    // The spouse lives anywhere: the office's province with chance 0.85.
    let spouse_at = if d.chance(0.85) {
        desk.province
    } else {
        desk.elsewhere(d)
    };
    let spouse = new_adult(
        d,
        world,
        &mut homes,
        (Party::Spouse, spouse_at, Some(other)),
    );
    let mut people = [applicant, spouse];
    for f in flaws {
        let Some(field) = f.field else { continue };
        let person = &mut people[usize::from(field.party == Party::Spouse)];
        match f.kind {
            FlawKind::Underage => {
                let limit = min_age(procedure, field.party, person.gender);
                person.birth = people::birth_for_age(d, today, (limit - 3).max(14), limit - 1);
                person.id = people::cccd(d, &person.code.clone(), person.gender, person.birth);
                person.issued = people::issue_date(d, person.birth, today);
            }
            FlawKind::Expired => {
                // Change ages within 20–45; the tax code stays (three levels).
                let change = *d.pick(&[25, 40]);
                let (birth, issued) = people::expired_card(d, today, change);
                person.birth = birth;
                person.id = people::cccd(d, &person.code.clone(), person.gender, birth);
                person.issued = Some(issued);
            }
            _ => {}
        }
    }
    let [applicant, spouse] = &people;
    let parties = vec![
        (Party::Applicant, shown(applicant, &homes[0].addr)),
        (Party::Spouse, shown(spouse, &homes[1].addr)),
    ];
    let mut papers = papers::submitted(d, procedure, channel, flaws, &parties);
    papers::plant(d, &mut papers, flaws, |d, party, attr| {
        assert_eq!(party, Party::Spouse, "slips of the spouse here");
        match attr {
            Attr::BirthDate => typo::date_slip(d, spouse.birth, today),
            Attr::Phone => typo::swap_digits(d, &spouse.phone),
            other => panic!("no slip of {other:?} in this scenario"),
        }
    });
    Expected {
        parties,
        homes: vec![
            (Party::Applicant, homes[0].addr.clone()),
            (Party::Spouse, homes[1].addr.clone()),
        ],
        papers,
    }
}

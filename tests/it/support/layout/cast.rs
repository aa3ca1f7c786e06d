//! docs/generator.md step 7 for a birth registration: the family and the applicant.

use chrono::{Datelike, Days, NaiveDate};
use motcua_core::generate::Gender;

use super::people::{self, Name, age_on};
use super::places::{self, Addr, Desk, Map, Spot};
use super::stream::Draw;
use super::tables::tables;

pub struct Person {
    pub name: Name,
    pub gender: Gender,
    pub birth: NaiveDate,
    /// Căn cước province code of the birth registration.
    pub code: String,
    pub birth_place: String,
    pub ethnicity: String,
    pub id: String,
    pub issued: Option<NaiveDate>,
    pub tax: String,
    pub home: usize,
    pub phone: String,
    pub email: String,
    pub relation: &'static str,
}

pub struct Home {
    pub province: usize,
    pub addr: Addr,
}

pub struct Family {
    pub homes: Vec<Home>,
    pub mother: Person,
    pub father: Person,
    pub child: Person,
    /// Whether the applicant is the father (else the mother).
    pub applicant_is_father: bool,
}

impl Family {
    pub fn applicant(&mut self) -> &mut Person {
        if self.applicant_is_father {
            &mut self.father
        } else {
            &mut self.mother
        }
    }
}

/// An adult of fixed gender aged `lo..=hi` at home `home`.
pub fn adult(
    d: &mut Draw,
    today: NaiveDate,
    desk: &Desk,
    homes: &[Home],
    gender: Gender,
    (lo, hi): (u32, u32),
    home: usize,
) -> Person {
    let birth = people::birth_for_age(d, today, lo, hi);
    let (code, birth_place, region) = desk.birth_origin(d, homes[home].province);
    let name = people::name(d, gender, None);
    let ethnicity = people::ethnicity(d, &region);
    let id = people::cccd(d, &code, gender, birth);
    let issued = people::issue_date(d, birth, today);
    let phone = people::phone(d);
    let email = people::email(d, &name, birth.year());
    // The personal number on two levels; a provincial code of the home's on three.
    let tax = match desk.map {
        Map::Two => id.clone(),
        Map::Three => {
            let prefix = &tables().places.legacy[homes[home].province].tax;
            people::tax_code(d, prefix)
        }
    };
    Person {
        name,
        gender,
        birth,
        code,
        birth_place,
        ethnicity,
        tax,
        id,
        issued,
        home,
        phone,
        email,
        relation: "",
    }
}

/// The family of a birth registration whose mother lives at `mother_at` (a province
/// and a spot in it): one home for all three.
pub fn family(d: &mut Draw, today: NaiveDate, desk: &Desk, mother_at: (usize, Spot)) -> Family {
    let addr = desk.address(d, mother_at.0, mother_at.1);
    let homes = vec![Home {
        province: mother_at.0,
        addr,
    }];
    let mut mother = adult(d, today, desk, &homes, Gender::Female, (20, 42), 0);
    mother.relation = "Mẹ";
    let a = age_on(mother.birth, today);
    let mut father = adult(d, today, desk, &homes, Gender::Male, (a.max(22), a + 8), 0);
    father.relation = "Cha";
    let child = newborn(d, today, desk, &homes, &father);
    // The applicant: the father with chance 0.35, else the mother; then `chance(1.0)`
    // (the parent always fits: the applicant has no minimum age and lives anywhere).
    let applicant_is_father = d.chance(0.35);
    assert!(d.chance(1.0));
    Family {
        homes,
        mother,
        father,
        child,
        applicant_is_father,
    }
}

fn newborn(d: &mut Draw, today: NaiveDate, desk: &Desk, homes: &[Home], father: &Person) -> Person {
    let gender = if d.chance(0.5) {
        Gender::Female
    } else {
        Gender::Male
    };
    let birth = today - Days::new(u64::from(d.range(1, 60)));
    let birth = if (birth.month(), birth.day()) == (2, 29) {
        birth.pred_opt().expect("a day")
    } else {
        birth
    };
    let birth_place = places::birth_facility(d, &homes[0].addr, homes[0].province);
    let code = tables().places.province[desk.province].cccd.clone();
    let name = people::name(d, gender, Some(father.name.surname.clone()));
    let id = people::cccd(d, &code, gender, birth);
    Person {
        name,
        gender,
        birth,
        code,
        birth_place,
        ethnicity: father.ethnicity.clone(),
        id,
        issued: None,
        tax: String::new(),
        home: 0,
        phone: String::new(),
        email: String::new(),
        relation: "",
    }
}

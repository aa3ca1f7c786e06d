//! People: a name, a birth, a căn cước consistent with both, a home and contacts.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};

use crate::scenario::Geography;

use super::address::{Atlas, Origin, ProvinceRef};
use super::business;
use super::contacts;
use super::dossier::{Address, Gender};
use super::ids;
use super::names::{self, Part, PersonName};
use super::rng::SimRng;
use super::text::Text;

/// When a căn cước stops being valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expiry {
    On(NaiveDate),
    /// Issued at 58 or later: valid for life ("Không thời hạn").
    Never,
    /// No card yet (children under 14).
    NotIssued,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Person {
    pub name: PersonName,
    pub gender: Gender,
    pub birth_date: NaiveDate,
    /// Where the birth was registered: căn cước code and the place as written.
    pub origin: Origin,
    pub ethnicity: Cow<'static, str>,
    pub id_number: Text,
    pub id_issued: Option<NaiveDate>,
    pub id_expiry: Expiry,
    pub tax_code: Text,
    /// Index into the cast's homes; people of one household share it.
    pub home: usize,
    pub phone: Text,
    pub email: Text,
    /// How this person is related to the one the dossier is for ("Mẹ", "Bạn"); empty
    /// when the dossier does not say.
    pub relation: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Home {
    pub province: ProvinceRef,
    /// Made once, shared by the declared data of everyone living there.
    pub address: Arc<Address>,
}

/// What the caller fixes about an adult; the rest is drawn.
#[derive(Debug, Clone)]
pub(crate) struct AdultSpec {
    pub gender: Option<Gender>,
    pub min_age: u32,
    pub max_age: u32,
    pub surname: Option<Part>,
    pub home: usize,
}

/// The world a person is drawn in: the scenario's places and the day of submission.
pub(crate) struct World<'a> {
    pub atlas: &'a Atlas,
    pub today: NaiveDate,
}

impl World<'_> {
    pub fn adult(&self, rng: &mut SimRng, homes: &[Home], spec: &AdultSpec) -> Person {
        let gender = match spec.gender {
            Some(g) => g,
            None if rng.chance(0.5) => Gender::Female,
            None => Gender::Male,
        };
        let birth = ids::birth_for_age(rng, self.today, spec.min_age, spec.max_age);
        let home_province = province_of(homes, spec.home);
        let origin = self.atlas.birth_origin(rng, &home_province);
        let name = names::person_name(rng, gender, spec.surname);
        let ethnicity = names::ethnicity(rng, origin.region);
        let id_number = ids::draw_cccd(rng, &origin.code, gender, birth);
        let id_issued = ids::draw_issue_date(rng, birth, self.today);
        let phone = contacts::phone(rng, &business::table().phone_prefixes);
        let domain = business::email_domain(rng);
        let email = contacts::email(rng, &name, birth.year(), domain);
        let tax_code = self.personal_tax_code(rng, &home_province, &id_number);
        Person {
            name,
            gender,
            birth_date: birth,
            origin,
            ethnicity,
            id_expiry: expiry_of(birth, id_issued),
            id_number,
            id_issued,
            tax_code,
            home: spec.home,
            phone,
            email,
            relation: "",
        }
    }

    /// A child born 1–60 days before submission. The personal number is the one this
    /// registration gives, so its province code is the office's.
    pub fn newborn(
        &self,
        rng: &mut SimRng,
        homes: &[Home],
        home: usize,
        surname: Option<Part>,
        ethnicity: Option<Cow<'static, str>>,
    ) -> Person {
        let gender = if rng.chance(0.5) {
            Gender::Female
        } else {
            Gender::Male
        };
        let age_days = u64::from(rng.range(1, 60));
        let birth = ids::no_leap_day(
            self.today
                .checked_sub_days(Days::new(age_days))
                .unwrap_or(self.today),
        );
        let province = province_of(homes, home);
        let place = match homes.get(home) {
            Some(h) => self.atlas.birth_facility(rng, &h.address, &province),
            None => Text::Static(""),
        };
        let office = self.atlas.office();
        let origin = Origin {
            code: self.atlas.registration_code(&office),
            place,
            region: self.atlas.region(&office),
        };
        let name = names::person_name(rng, gender, surname);
        let ethnicity = match ethnicity {
            Some(e) => e,
            None => names::ethnicity(rng, origin.region),
        };
        let id_number = ids::draw_cccd(rng, &origin.code, gender, birth);
        Person {
            name,
            gender,
            birth_date: birth,
            origin,
            ethnicity,
            id_number,
            id_issued: None,
            id_expiry: Expiry::NotIssued,
            tax_code: Text::Static(""),
            home,
            phone: Text::Static(""),
            email: Text::Static(""),
            relation: "",
        }
    }

    /// After a birth date changed: a number with the new year and a card valid today.
    pub fn reissue(&self, rng: &mut SimRng, person: &mut Person) {
        person.id_number =
            ids::draw_cccd(rng, &person.origin.code, person.gender, person.birth_date);
        person.id_issued = ids::draw_issue_date(rng, person.birth_date, self.today);
        person.id_expiry = expiry_of(person.birth_date, person.id_issued);
        if self.atlas.geography() == Geography::TwoLevels && !person.tax_code.is_empty() {
            person.tax_code = person.id_number.clone();
        }
    }

    /// A card that expired when its holder reached `change_age` without renewing it.
    pub fn expire_card(&self, rng: &mut SimRng, person: &mut Person, change_age: u32) {
        let (birth, issued) = ids::draw_expired_card(rng, self.today, change_age);
        person.birth_date = birth;
        person.id_number = ids::draw_cccd(rng, &person.origin.code, person.gender, birth);
        person.id_issued = Some(issued);
        person.id_expiry = expiry_of(birth, Some(issued));
        if self.atlas.geography() == Geography::TwoLevels && !person.tax_code.is_empty() {
            person.tax_code = person.id_number.clone();
        }
    }

    /// Since 1/7/2025 the personal identification number is the personal tax code;
    /// before, people had a ten-digit code of their province.
    fn personal_tax_code(&self, rng: &mut SimRng, home: &ProvinceRef, id_number: &Text) -> Text {
        match self.atlas.geography() {
            Geography::TwoLevels => id_number.clone(),
            Geography::ThreeLevels => {
                let prefix = self.atlas.tax_prefix(rng, home);
                ids::draw_tax_code(rng, prefix)
            }
        }
    }
}

fn province_of(homes: &[Home], home: usize) -> ProvinceRef {
    homes
        .get(home)
        .map_or(ProvinceRef::Other(String::new()), |h| h.province.clone())
}

fn expiry_of(birth: NaiveDate, issued: Option<NaiveDate>) -> Expiry {
    match issued {
        None => Expiry::NotIssued,
        Some(day) => ids::card_expiry(birth, day).map_or(Expiry::Never, Expiry::On),
    }
}

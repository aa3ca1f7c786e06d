//! The cast of a dossier: which person plays which party, and where they live.
//!
//! A person can play several parties (the mother is usually the applicant of a birth
//! registration; the owner of a one-member company is usually its representative).
//! Families share one home unless the dossier needs the parents' residences apart.
//! Where a party must live comes from the placement (`placement.rs`).

use std::sync::Arc;

use crate::scenario::{Level, Party};

use super::address::{ProvinceRef, Spot};
use super::area::{Standing, standing};
use super::business::{self, BusinessFacts};
use super::contacts;
use super::dossier::Gender;
use super::ids;
use super::people::{AdultSpec, Home, Person, World};
pub(crate) use super::placement::{Needs, PartyMap, Place};
use super::relatives;
use super::rng::SimRng;
use super::text::Text;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BusinessData {
    pub facts: BusinessFacts,
    pub home: usize,
    pub tax_code: Text,
    pub phone: Text,
    pub email: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cast {
    pub persons: Vec<Person>,
    pub homes: Vec<Home>,
    pub roles: PartyMap<usize>,
    pub business: Option<BusinessData>,
    /// The home of the place the procedure is about (`premises`).
    pub premises: Option<usize>,
}

impl Cast {
    pub fn build(
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        legal_form: Option<crate::scenario::LegalForm>,
    ) -> Cast {
        // A dossier names a handful of people and homes: room for them up front.
        let mut cast = Cast {
            persons: Vec::with_capacity(4),
            homes: Vec::with_capacity(3),
            ..Cast::default()
        };
        let wants = |p: Party| needs.parties.contains(&p);
        if wants(Party::Child) || wants(Party::Mother) || wants(Party::Father) {
            cast.family(rng, world, needs);
        }
        if wants(Party::Representative) {
            cast.add_adult(rng, world, needs, Party::Representative, None);
        }
        if wants(Party::Owner) {
            cast.alias_or_add(rng, world, needs, Party::Owner, Party::Representative, 0.6);
        }
        if !cast.roles.contains_key(&Party::Applicant) {
            let source = [Party::Representative, Party::Owner]
                .into_iter()
                .find(|p| cast.roles.contains_key(p));
            match source {
                Some(s) => cast.alias_or_add(rng, world, needs, Party::Applicant, s, 0.7),
                None => cast.add_adult(rng, world, needs, Party::Applicant, None),
            }
        }
        if wants(Party::Spouse) {
            let gender = cast.person(Party::Applicant).map(|p| match p.gender {
                Gender::Male => Gender::Female,
                Gender::Female => Gender::Male,
            });
            cast.add_adult(rng, world, needs, Party::Spouse, gender);
        }
        if wants(Party::Authorized) {
            relatives::add_proxy(&mut cast, rng, world, needs);
        }
        if wants(Party::Business) {
            cast.add_business(rng, world, needs, legal_form);
        }
        if wants(Party::Premises) {
            let home = cast.home_for(rng, world, needs, needs.place_of(Party::Premises));
            cast.premises = Some(home);
        }
        cast
    }

    pub fn person(&self, party: Party) -> Option<&Person> {
        self.persons.get(*self.roles.get(&party)?)
    }

    pub fn person_mut(&mut self, party: Party) -> Option<&mut Person> {
        let i = *self.roles.get(&party)?;
        self.persons.get_mut(i)
    }

    /// Other parties played by the same person as `party`.
    pub fn same_person(&self, party: Party) -> Vec<Party> {
        let Some(&me) = self.roles.get(&party) else {
            return Vec::new();
        };
        self.roles
            .iter()
            .filter(|&(p, &i)| i == me && p != party)
            .map(|(p, _)| p)
            .collect()
    }

    /// A new home in `province`, at `spot` when that is the desk's province.
    pub fn new_home(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        province: ProvinceRef,
        spot: Spot,
    ) -> usize {
        let address = world.atlas.address(rng, &province, spot);
        self.homes.push(Home {
            province,
            address: Arc::new(address),
        });
        self.homes.len() - 1
    }

    /// A new home at `place`.
    pub fn home_for(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        place: Place,
    ) -> usize {
        let office = world.atlas.office();
        let (province, spot) = match place {
            Place::Desk if needs.level == Some(Level::Province) => (office, Spot::Any),
            Place::Desk => (office, Spot::Desk),
            Place::OtherCommune => (office, Spot::NotDesk),
            Place::OtherProvince => (world.atlas.elsewhere(rng), Spot::Any),
            Place::Anywhere if rng.chance(0.85) => (office, Spot::Any),
            Place::Anywhere => (world.atlas.elsewhere(rng), Spot::Any),
        };
        self.new_home(rng, world, province, spot)
    }

    /// Whether home `home` is at `place`, by the one definition of the desk's area.
    pub fn home_is(&self, world: &World, needs: &Needs, home: usize, place: Place) -> bool {
        let Some(h) = self.homes.get(home) else {
            return false;
        };
        let level = needs.level.unwrap_or(Level::Commune);
        let s = standing(&h.address, world.atlas.area(), level);
        match place {
            Place::Anywhere => true,
            Place::Desk => s == Standing::Inside,
            Place::OtherCommune => s == Standing::OtherCommune,
            Place::OtherProvince => s == Standing::OtherProvince,
        }
    }

    /// Plausible ages of an adult playing `party`, at least the procedure's minimum.
    pub fn age_range(needs: &Needs, party: Party, gender: Gender) -> (u32, u32) {
        let (lo, hi) = match party {
            Party::Applicant | Party::Spouse if needs.parties.contains(&Party::Spouse) => (20, 45),
            Party::Mother => (20, 42),
            Party::Father => (22, 50),
            Party::Representative | Party::Owner => (23, 65),
            Party::Applicant
            | Party::Child
            | Party::Spouse
            | Party::Authorized
            | Party::Business
            | Party::Premises => (18, 75),
        };
        let lo = lo.max(needs.min_for(party, gender));
        (lo, hi.max(lo))
    }

    pub fn add_adult(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        party: Party,
        gender: Option<Gender>,
    ) {
        let home = self.home_for(rng, world, needs, needs.place_of(party));
        let gender = gender.unwrap_or(if rng.chance(0.5) {
            Gender::Female
        } else {
            Gender::Male
        });
        let (min_age, max_age) = Self::age_range(needs, party, gender);
        let spec = AdultSpec {
            gender: Some(gender),
            min_age,
            max_age,
            surname: None,
            home,
        };
        self.push(party, world.adult(rng, &self.homes, &spec));
    }

    pub fn push(&mut self, party: Party, person: Person) {
        self.persons.push(person);
        self.roles.insert(party, self.persons.len() - 1);
    }

    /// `party` is played by the person of `source` with probability `share`, when that
    /// person meets the party's minimum age and place; otherwise by someone new.
    fn alias_or_add(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        party: Party,
        source: Party,
        share: f64,
    ) {
        let fits = self.person(source).is_some_and(|p| {
            let age = ids::age_on(p.birth_date, world.today);
            age >= needs.min_for(party, p.gender)
                && self.home_is(world, needs, p.home, needs.place_of(party))
        });
        match self.roles.get(&source).copied() {
            Some(i) if fits && rng.chance(share) => {
                self.roles.insert(party, i);
            }
            _ => self.add_adult(rng, world, needs, party, None),
        }
    }

    /// Mother, father and newborn share a home, unless the parents must live at
    /// different places; the child lives with the mother and takes the father's surname.
    fn family(&mut self, rng: &mut SimRng, world: &World, needs: &Needs) {
        let wants = |p: Party| needs.parties.contains(&p);
        let (mother_at, father_at) = (needs.place_of(Party::Mother), needs.place_of(Party::Father));
        // Parents live apart only when the plan places both, at different places.
        let apart =
            mother_at != father_at && mother_at != Place::Anywhere && father_at != Place::Anywhere;
        let shared = if mother_at == Place::Anywhere {
            father_at
        } else {
            mother_at
        };
        let mother_home = self.home_for(rng, world, needs, if apart { mother_at } else { shared });
        let father_home = if apart {
            self.home_for(rng, world, needs, father_at)
        } else {
            mother_home
        };
        let mut mother_age = None;
        if wants(Party::Mother) {
            let lo = 20u32.max(needs.min_for(Party::Mother, Gender::Female));
            let range = (lo, 42.max(lo));
            self.parent(
                rng,
                world,
                Party::Mother,
                Gender::Female,
                range,
                mother_home,
            );
            mother_age = self
                .person(Party::Mother)
                .map(|m| ids::age_on(m.birth_date, world.today));
        }
        if wants(Party::Father) {
            let (lo, hi) = match mother_age {
                Some(a) => (a.max(22), a + 8),
                None => (22, 50),
            };
            let lo = lo.max(needs.min_for(Party::Father, Gender::Male));
            let range = (lo, hi.max(lo));
            self.parent(rng, world, Party::Father, Gender::Male, range, father_home);
        }
        if wants(Party::Child) {
            self.child(rng, world, needs, mother_home);
        }
    }

    fn child(&mut self, rng: &mut SimRng, world: &World, needs: &Needs, home: usize) {
        let elder = self
            .person(Party::Father)
            .or_else(|| self.person(Party::Mother));
        let surname = elder.map(|p| p.name.surname);
        let ethnicity = elder.map(|p| p.ethnicity.clone());
        let child = world.newborn(rng, &self.homes, home, surname, ethnicity);
        self.push(Party::Child, child);
        let parent = match (
            self.roles.contains_key(&Party::Mother),
            self.roles.contains_key(&Party::Father),
        ) {
            (true, true) if rng.chance(0.35) => Some(Party::Father),
            (true, _) => Some(Party::Mother),
            (false, true) => Some(Party::Father),
            (false, false) => None,
        };
        if let Some(parent) = parent {
            self.alias_or_add(rng, world, needs, Party::Applicant, parent, 1.0);
        }
    }

    fn parent(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        party: Party,
        gender: Gender,
        (min_age, max_age): (u32, u32),
        home: usize,
    ) {
        let spec = AdultSpec {
            gender: Some(gender),
            min_age,
            max_age,
            surname: None,
            home,
        };
        let mut person = world.adult(rng, &self.homes, &spec);
        person.relation = relatives::parent_word(gender);
        self.push(party, person);
    }

    fn add_business(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        legal_form: Option<crate::scenario::LegalForm>,
    ) {
        let facts = business::draw(rng, legal_form, needs.conditional_trade);
        let home = self.home_for(rng, world, needs, needs.place_of(Party::Business));
        let province = self.homes[home].province.clone();
        let prefix = world.atlas.tax_prefix(rng, &province);
        let tax_code = ids::draw_tax_code(rng, prefix);
        let phone = contacts::phone(rng, &business::table().phone_prefixes);
        let email = Text::from(business::business_email(rng, facts.brand));
        self.business = Some(BusinessData {
            facts,
            home,
            tax_code,
            phone,
            email,
        });
    }

    /// Give `party` a person of its own (a relative at the same home) so that a flaw
    /// planted on it does not show on the parties it shared a person with.
    pub fn unalias(&mut self, rng: &mut SimRng, world: &World, needs: &Needs, party: Party) {
        if self.same_person(party).is_empty() {
            return;
        }
        let Some(home) = self.person(party).map(|p| p.home) else {
            return;
        };
        let gender = if rng.chance(0.5) {
            Gender::Female
        } else {
            Gender::Male
        };
        let (min_age, max_age) = Self::age_range(needs, party, gender);
        let spec = AdultSpec {
            gender: Some(gender),
            min_age,
            max_age,
            surname: None,
            home,
        };
        let mut person = world.adult(rng, &self.homes, &spec);
        if needs.parties.contains(&Party::Child) {
            person.relation = relatives::grandparent_word(rng, gender);
        }
        self.push(party, person);
    }
}

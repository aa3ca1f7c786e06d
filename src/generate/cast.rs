//! The cast of a dossier: which person plays which party, and where they live.
//!
//! A person can play several parties (the mother is usually the applicant of a birth
//! registration; the owner of a one-member company is usually its representative).
//! Families share one home.

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::{MinAge, Party};

use super::address::ProvinceRef;
use super::business::{self, BusinessFacts};
use super::dossier::Gender;
use super::ids;
use super::people::{AdultSpec, Home, Person, World};
use super::rng::SimRng;

/// What the procedure asks of the cast.
#[derive(Debug, Clone, Default)]
pub(crate) struct Needs {
    /// Parties the dossier mentions.
    pub parties: BTreeSet<Party>,
    /// Minimum ages a procedure checks (from its `underage` flaws).
    pub min_age: BTreeMap<Party, MinAge>,
    /// Parties whose address decides jurisdiction: they live in the office's province.
    pub local: BTreeSet<Party>,
}

impl Needs {
    fn min_for(&self, party: Party, gender: Gender) -> u32 {
        self.min_age.get(&party).map_or(0, |m| match gender {
            Gender::Male => m.male,
            Gender::Female => m.female,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BusinessData {
    pub facts: BusinessFacts,
    pub home: usize,
    pub tax_code: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cast {
    pub persons: Vec<Person>,
    pub homes: Vec<Home>,
    pub roles: BTreeMap<Party, usize>,
    pub business: Option<BusinessData>,
}

impl Cast {
    pub fn build(rng: &mut SimRng, world: &World, needs: &Needs) -> Cast {
        let mut cast = Cast::default();
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
            cast.add_adult(rng, world, needs, Party::Authorized, None);
        }
        if wants(Party::Business) {
            cast.add_business(rng, world, needs);
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
            .filter(|&(&p, &i)| i == me && p != party)
            .map(|(&p, _)| p)
            .collect()
    }

    /// A new home in `province`.
    pub fn new_home(&mut self, rng: &mut SimRng, world: &World, province: ProvinceRef) -> usize {
        let address = world.atlas.address(rng, &province);
        self.homes.push(Home { province, address });
        self.homes.len() - 1
    }

    /// Home in the office's province when `local`, else mostly there.
    fn home_for(&mut self, rng: &mut SimRng, world: &World, local: bool, share: f64) -> usize {
        let province = if local || rng.chance(share) {
            world.atlas.office()
        } else {
            world.atlas.elsewhere(rng)
        };
        self.new_home(rng, world, province)
    }

    /// Plausible ages of an adult playing `party`, at least the procedure's minimum.
    pub fn age_range(needs: &Needs, party: Party, gender: Gender) -> (u32, u32) {
        let (lo, hi) = match party {
            Party::Applicant | Party::Spouse if needs.parties.contains(&Party::Spouse) => (20, 45),
            Party::Mother => (20, 42),
            Party::Father => (22, 50),
            Party::Representative | Party::Owner => (23, 65),
            _ => (18, 75),
        };
        let lo = lo.max(needs.min_for(party, gender));
        (lo, hi.max(lo))
    }

    fn add_adult(
        &mut self,
        rng: &mut SimRng,
        world: &World,
        needs: &Needs,
        party: Party,
        gender: Option<Gender>,
    ) {
        let local = needs.local.contains(&party);
        let home = self.home_for(rng, world, local, 0.85);
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
        let person = world.adult(rng, &self.homes, &spec);
        self.persons.push(person);
        self.roles.insert(party, self.persons.len() - 1);
    }

    /// `party` is played by the person of `source` with probability `share`, when that
    /// person meets the party's minimum age; otherwise by someone new.
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
                && (!needs.local.contains(&party) || self.lives_at_office(world, source))
        });
        match self.roles.get(&source).copied() {
            Some(i) if fits && rng.chance(share) => {
                self.roles.insert(party, i);
            }
            _ => self.add_adult(rng, world, needs, party, None),
        }
    }

    fn lives_at_office(&self, world: &World, party: Party) -> bool {
        self.person(party)
            .and_then(|p| self.homes.get(p.home))
            .is_some_and(|h| h.province == world.atlas.office())
    }

    /// Mother, father and newborn share a home; the child takes the father's surname.
    fn family(&mut self, rng: &mut SimRng, world: &World, needs: &Needs) {
        let local = [Party::Child, Party::Mother, Party::Father, Party::Applicant]
            .iter()
            .any(|p| needs.local.contains(p));
        let home = self.home_for(rng, world, local, 0.85);
        let wants = |p: Party| needs.parties.contains(&p);
        let mut mother_age = None;
        if wants(Party::Mother) {
            let lo = 20u32.max(needs.min_for(Party::Mother, Gender::Female));
            self.parent(
                rng,
                world,
                Party::Mother,
                Gender::Female,
                (lo, 42.max(lo)),
                home,
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
            self.parent(
                rng,
                world,
                Party::Father,
                Gender::Male,
                (lo, hi.max(lo)),
                home,
            );
        }
        if wants(Party::Child) {
            let elder = self
                .person(Party::Father)
                .or_else(|| self.person(Party::Mother));
            let surname = elder.map(|p| p.name.surname.clone());
            let ethnicity = elder.map(|p| p.ethnicity.clone());
            let child = world.newborn(
                rng,
                &self.homes,
                home,
                surname.as_deref(),
                ethnicity.as_deref(),
            );
            self.persons.push(child);
            self.roles.insert(Party::Child, self.persons.len() - 1);
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
        let person = world.adult(rng, &self.homes, &spec);
        self.persons.push(person);
        self.roles.insert(party, self.persons.len() - 1);
    }

    fn add_business(&mut self, rng: &mut SimRng, world: &World, needs: &Needs) {
        let facts = business::draw(rng);
        let home = self.home_for(rng, world, needs.local.contains(&Party::Business), 0.9);
        let province = self.homes[home].province.clone();
        let prefix = world.atlas.tax_prefix(rng, &province);
        let tax_code = ids::draw_tax_code(rng, &prefix);
        let phone = ids::phone(rng, &business::table().phone_prefixes);
        let email = business::business_email(rng, &facts.brand);
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
        let person = world.adult(rng, &self.homes, &spec);
        self.persons.push(person);
        self.roles.insert(party, self.persons.len() - 1);
    }
}

//! docs/generator.md step 7 for the hand-built business scenario (two levels, a desk
//! with a ward): a company registration (representative, owner and applicant by
//! alias, the business; its address decides, province-wide) and a certified copy (an
//! applicant living anywhere, no jurisdiction).

use chrono::NaiveDate;
use motcua_core::generate::Gender;
use motcua_core::scenario::{Attr, Channel, Flaw, FlawKind, Party, Procedure};

use super::cast::{self, Home, Person};
use super::papers::{self, Expected, Values, shown};
use super::people;
use super::places::{Desk, Spot};
use super::stream::Draw;
use super::tables::{tables, weights};
use super::typo;

/// Who plays what: people, their homes, and the parties in party order.
struct Cast {
    homes: Vec<Home>,
    persons: Vec<Person>,
    roles: Vec<(Party, usize)>,
}

impl Cast {
    /// A new adult living anywhere (part 2: the office's province with chance 0.85).
    fn add(&mut self, d: &mut Draw, desk: &Desk, today: NaiveDate, party: Party) {
        let at = if d.chance(0.85) {
            desk.province
        } else {
            desk.elsewhere(d)
        };
        let addr = desk.address(d, at, Spot::Any);
        self.homes.push(Home { province: at, addr });
        let gender = if d.chance(0.5) {
            Gender::Female
        } else {
            Gender::Male
        };
        let ages = match party {
            Party::Representative | Party::Owner => (23, 65),
            _ => (18, 75),
        };
        let home = self.homes.len() - 1;
        let person = cast::adult(d, today, desk, &self.homes, gender, ages, home);
        self.persons.push(person);
        self.roles.push((party, self.persons.len() - 1));
    }

    /// The source's person plays `party` with chance `share` (it always fits here).
    fn alias(&mut self, d: &mut Draw, desk: &Desk, today: NaiveDate, party: Party, share: f64) {
        if d.chance(share) {
            let source = self.roles[0].1;
            self.roles.push((party, source));
        } else {
            self.add(d, desk, today, party);
        }
    }

    fn shown(&self, party: Party) -> Values {
        let (_, i) = self
            .roles
            .iter()
            .find(|(p, _)| *p == party)
            .expect("a role");
        let p = &self.persons[*i];
        shown(p, &self.homes[p.home].addr)
    }
}

pub fn dossier(
    d: &mut Draw,
    procedure: &Procedure,
    desk: &Desk,
    (channel, today): (Channel, NaiveDate),
    flaws: &[&Flaw],
) -> Expected {
    let mut cast = Cast {
        homes: Vec::new(),
        persons: Vec::new(),
        roles: Vec::new(),
    };
    let company = procedure.jurisdiction.is_some();
    let mut business = None;
    if company {
        cast.add(d, desk, today, Party::Representative);
        cast.alias(d, desk, today, Party::Owner, 0.6);
        cast.alias(d, desk, today, Party::Applicant, 0.7);
        let out = flaws.iter().any(|f| f.kind == FlawKind::OutOfJurisdiction);
        business = Some(draw_business(d, desk, out));
    } else {
        cast.add(d, desk, today, Party::Applicant);
    }
    let mut parties: Vec<(Party, Values)> = [Party::Applicant, Party::Representative, Party::Owner]
        .into_iter()
        .filter(|p| cast.roles.iter().any(|(r, _)| r == p))
        .map(|p| (p, cast.shown(p)))
        .collect();
    let mut homes: Vec<_> = cast
        .roles
        .iter()
        .map(|&(p, i)| (p, cast.homes[cast.persons[i].home].addr.clone()))
        .collect();
    if let Some((values, addr)) = &business {
        parties.push((Party::Business, values.clone()));
        homes.push((Party::Business, addr.clone()));
    }
    let mut papers = papers::submitted(d, procedure, channel, flaws, &parties);
    papers::plant(d, &mut papers, flaws, |d, party, attr| {
        let values = &parties
            .iter()
            .find(|(p, _)| *p == party)
            .expect("a party")
            .1;
        let value = &values.iter().find(|(a, _)| *a == attr).expect("a value").1;
        match attr {
            Attr::Name => typo::name_slip(d, value),
            Attr::TaxCode => typo::swap_digits(d, value),
            Attr::Capital => money_slip(d, &business.as_ref().expect("a business").0),
            other => panic!("no slip of {other:?} in this scenario"),
        }
    });
    Expected {
        parties,
        homes,
        papers,
    }
}

/// Part 5, with no `legal_form` and no conditional trade asked; the business's home
/// is in the office's province (any commune), or another province when it is out.
fn draw_business(d: &mut Draw, desk: &Desk, out: bool) -> (Values, super::places::Addr) {
    let t = &tables().business;
    let form = &t.forms[d.weighted_u32(&weights(&t.forms))].name;
    let trade = d.pick(&t.trade);
    let words = d.pick(&trade.words);
    let line = d.pick(&trade.lines);
    let brand = d.pick(&t.brands);
    let capital = d.pick(&t.capital_millions) * 1_000_000;
    let at = if out {
        desk.elsewhere(d)
    } else {
        desk.province
    };
    let addr = desk.address(d, at, Spot::Any);
    let members = tables().places.members(at);
    let prefix = &tables().places.legacy[*d.pick(&members)].tax;
    let tax = people::tax_code(d, prefix);
    let phone = people::phone(d);
    let slug: String = people::mail_form(brand)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let email = match d.below(3) {
        0 => format!("congty{slug}@gmail.com"),
        1 => format!("{slug}.ketoan@gmail.com"),
        _ => format!("lienhe.{slug}{}@gmail.com", d.range(1, 99)),
    };
    let values = vec![
        (Attr::Name, format!("{form} {words} {brand}")),
        (Attr::Address, addr.text()),
        (Attr::Phone, phone),
        (Attr::Email, email),
        (Attr::TaxCode, tax),
        (Attr::BusinessLine, line.clone()),
        (Attr::Capital, money(capital)),
    ];
    (values, addr)
}

/// `1234567` → "1.234.567 đồng".
fn money(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("{out} đồng")
}

/// `chance(0.5)`, always drawn: a tenth when true (from 10), else ten times.
fn money_slip(d: &mut Draw, values: &Values) -> String {
    let shown = &values
        .iter()
        .find(|(a, _)| *a == Attr::Capital)
        .expect("capital")
        .1;
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let m: u64 = digits.parse().expect("an amount");
    let tenth = d.chance(0.5);
    money(match m {
        0 => 1_000_000,
        m if tenth && m >= 10 => m / 10,
        m => m * 10,
    })
}

//! Properties of generated dossiers over many seeds and four hand-built scenarios:
//! valid identifiers that agree with their person, consistent documents, and flaws
//! that an officer can see from the documents alone.

use chrono::{Datelike, NaiveDate};
use motcua_core::generate::ids::{anniversary, is_valid_tax_code};
use motcua_core::generate::places::{province_of_cccd, same_province};
use motcua_core::generate::{
    Dossier, Gender, NO_EXPIRY, PartyData, Value, expected_problem, explains, visible_problems,
};
use motcua_core::scenario::{Attr, FlawKind, Geography, Party, Scenario};
use proptest::prelude::*;

use crate::support::handmade;

fn text(p: &PartyData, a: Attr) -> Option<&str> {
    match p.values.get(&a) {
        Some(Value::Text(s)) => Some(s),
        _ => None,
    }
}

fn date(p: &PartyData, a: Attr) -> Option<NaiveDate> {
    p.values.get(&a).and_then(Value::as_date)
}

fn age(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = (on.year() - birth.year()) as u32;
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// The căn cước rule written out independently: change at 14, 25, 40, 60; a card
/// issued within two years before a change age lasts until the next one; none after 60.
fn expected_expiry(birth: NaiveDate, issued: NaiveDate) -> Option<NaiveDate> {
    let at_issue = age(birth, issued);
    let mut ages = [25u32, 40, 60].into_iter().filter(|&a| a > at_issue);
    let next = ages.next()?;
    if age(birth, issued) + 2 >= next {
        return ages.next().map(|a| anniversary(birth, a));
    }
    Some(anniversary(birth, next))
}

fn check_person(
    s: &Scenario,
    d: &Dossier,
    party: Party,
    p: &PartyData,
) -> Result<(), TestCaseError> {
    let today = d.submitted_at.date();
    let id = text(p, Attr::IdNumber).unwrap_or_default();
    prop_assert_eq!(id.len(), 12, "{} {:?}", d.code, party);
    prop_assert!(id.bytes().all(|b| b.is_ascii_digit()));
    let birth = date(p, Attr::BirthDate).expect("birth date");
    let female = p.values.get(&Attr::Gender) == Some(&Value::Gender(Gender::Female));
    let g = u32::from(id.as_bytes()[3] - b'0');
    prop_assert_eq!(g % 2 == 1, female, "sex digit of {}", id);
    prop_assert_eq!(
        1900 + 100 * (g / 2) as i32 + id[4..6].parse::<i32>().unwrap(),
        birth.year()
    );
    let (old, new) = province_of_cccd(&id[..3]).expect("known province code");
    let place = text(p, Attr::BirthPlace).unwrap_or_default();
    if party == Party::Child {
        // The number is given at this registration: the office's province code.
        let registered = match Geography::on(today) {
            Geography::TwoLevels => new,
            Geography::ThreeLevels => old,
        };
        let known = !same_province(&s.office.province, "Tỉnh Hà Tây");
        prop_assert!(
            !known || same_province(registered, &s.office.province),
            "{} vs {}",
            id,
            s.office.province
        );
        prop_assert!((1..=60).contains(&(today - birth).num_days()));
        return Ok(());
    }
    let expected_place = match Geography::on(today) {
        Geography::TwoLevels => new,
        Geography::ThreeLevels => old,
    };
    prop_assert_eq!(place, expected_place, "birth place of {}", id);
    let issued = date(p, Attr::IdIssueDate).expect("adults have a card");
    prop_assert!(issued <= today && issued >= anniversary(birth, 14));
    match expected_expiry(birth, issued) {
        Some(e) => prop_assert_eq!(date(p, Attr::IdExpiry), Some(e)),
        None => prop_assert_eq!(text(p, Attr::IdExpiry), Some(NO_EXPIRY)),
    }
    let tax = text(p, Attr::TaxCode).unwrap_or_default();
    match Geography::on(today) {
        Geography::TwoLevels => prop_assert_eq!(tax, id),
        Geography::ThreeLevels => prop_assert!(is_valid_tax_code(tax), "{}", tax),
    }
    let phone = text(p, Attr::Phone).unwrap_or_default();
    prop_assert!(phone.len() == 10 && ["03", "05", "07", "08", "09"].contains(&&phone[..2]));
    prop_assert!(text(p, Attr::Email).is_some_and(|e| e.is_ascii() && e.contains('@')));
    Ok(())
}

fn check_dossier(s: &Scenario, d: &Dossier) -> Result<(), TestCaseError> {
    for (&party, data) in &d.parties {
        match party {
            Party::Business => {
                let tax = text(data, Attr::TaxCode).unwrap_or_default();
                prop_assert!(is_valid_tax_code(tax), "business tax code {}", tax);
            }
            Party::Premises => {}
            _ => check_person(s, d, party, data)?,
        }
        if let Some(Value::Address(a)) = data.values.get(&Attr::Address) {
            // Three levels before 1/7/2025, two from then: the date of receipt decides.
            prop_assert_eq!(
                a.district.is_some(),
                Geography::on(d.submitted_at.date()) == Geography::ThreeLevels,
                "{}",
                a
            );
            prop_assert!(!a.commune.is_empty() && !a.province.is_empty());
        }
        if let Some(Value::Text(name)) = data.values.get(&Attr::Name) {
            use unicode_normalization::UnicodeNormalization;
            prop_assert_eq!(name.nfc().collect::<String>(), name.to_string());
        }
    }
    let procedure = s.procedure(&d.procedure).expect("procedure");
    for spec in procedure.components.iter().flat_map(|c| &c.fields) {
        prop_assert!(
            d.parties.contains_key(&spec.source.party),
            "{} lacks {}",
            d.code,
            spec.source
        );
    }
    for c in &d.components {
        let declared = procedure
            .component(&c.id)
            .expect("a component of the procedure");
        let labels: Vec<&str> = c.fields.iter().map(|f| &*f.label).collect();
        let wanted: Vec<&str> = declared.fields.iter().map(|f| &*f.label).collect();
        prop_assert_eq!(labels, wanted);
    }
    let problems = visible_problems(d, procedure, s);
    let planted: Vec<_> = d
        .truth
        .flaws
        .iter()
        .map(|id| procedure.flaw(id).expect("flaw"))
        // Appraisal-stage flaws leave the documents sound by design.
        .filter(|f| f.stage == motcua_core::scenario::Stage::Receipt)
        .collect();
    for flaw in &planted {
        prop_assert!(
            problems.contains(&expected_problem(flaw)),
            "{} hides {}: {:?}",
            d.code,
            flaw.id,
            problems
        );
    }
    for problem in &problems {
        prop_assert!(
            planted.iter().any(|f| explains(f, problem)),
            "{} shows {:?} but plants {:?}",
            d.code,
            problem,
            d.truth.flaws
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn dossiers_are_valid_consistent_and_show_exactly_their_flaws(seed in any::<u64>(), which in 0usize..4) {
        let s = &handmade::all()[which];
        for d in handmade::run(s, seed) {
            check_dossier(s, &d)?;
        }
    }

    #[test]
    fn a_family_shares_one_home_and_the_fathers_surname(seed in any::<u64>()) {
        let s = handmade::birth_2025();
        for d in handmade::run(&s, seed) {
            let addr = |p: Party| d.parties[&p].values.get(&Attr::Address).cloned();
            prop_assert_eq!(addr(Party::Child), addr(Party::Mother));
            prop_assert_eq!(addr(Party::Child), addr(Party::Father));
            let name = |p: Party| text(&d.parties[&p], Attr::Name).unwrap_or_default().to_string();
            let father = name(Party::Father);
            let surname = father.split(' ').next().unwrap_or_default();
            let prefix = format!("{surname} ");
            prop_assert!(name(Party::Child).starts_with(&prefix));
        }
    }

    #[test]
    fn ages_are_plausible_unless_a_flaw_says_otherwise(seed in any::<u64>(), which in 0usize..4) {
        let s = &handmade::all()[which];
        for d in handmade::run(s, seed) {
            let underage: Vec<Party> = d.truth.flaws.iter()
                .filter_map(|id| s.procedure(&d.procedure)?.flaw(id))
                .filter(|f| f.kind == FlawKind::Underage)
                .filter_map(|f| f.field.map(|r| r.party))
                .collect();
            for (&party, data) in &d.parties {
                let Some(birth) = date(data, Attr::BirthDate) else { continue };
                let years = age(birth, d.submitted_at.date());
                if party == Party::Child {
                    prop_assert_eq!(years, 0);
                } else if underage.contains(&party) {
                    prop_assert!((14..20).contains(&years), "{:?} {}", party, years);
                } else {
                    prop_assert!((18..=76).contains(&years), "{:?} {}", party, years);
                }
            }
        }
    }
}

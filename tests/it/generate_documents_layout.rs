//! Step 7 of docs/generator.md's stream layout, the documents stream: the parties and
//! the papers of the first 40 dossiers of three hand-built scenarios (a birth
//! registration, a marriage under the 2018 rules, a company registration and a
//! certified copy), worked out here from the documentation alone (tests/it/support/layout,
//! which calls no generator code and reads data/*.toml as data) and compared field by
//! field with what `Plan::draw` gives.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::{Dossier, Plan, Value};
use motcua_core::scenario::{Attr, Channel, Flaw, FlawKind, Party, Procedure, Scenario};

use crate::support::handmade;
use crate::support::layout::papers::Expected;
use crate::support::layout::places::{Desk, Map};
use crate::support::layout::stream::Draw;
use crate::support::layout::{birth, business, marriage};

/// A scenario's documents written again from the layout (`birth::dossier`,
/// `marriage::dossier`, `business::dossier`): the documents stream, the procedure, the
/// desk, the channel and filing day, the planted flaws.
type Documents = fn(&mut Draw, &Procedure, &Desk, (Channel, NaiveDate), &[&Flaw]) -> Expected;

/// The documents of every planned dossier, worked out by `documents` from the
/// documents stream, compared with the generator's; the flaw kinds planted.
fn compare_all(
    s: &Scenario,
    seed: u64,
    desk: &Desk,
    documents: Documents,
) -> (BTreeSet<FlawKind>, Vec<Dossier>) {
    let calendar = WorkCalendar::for_scenario(s);
    let plan = Plan::new(s, &calendar, seed);
    let mut kinds = BTreeSet::new();
    let mut dossiers = Vec::new();
    for (i, planned) in plan.dossiers().iter().enumerate() {
        let got = plan.draw(s, i).expect("a dossier");
        let p = &s.procedures[planned.procedure];
        let flaws: Vec<&Flaw> = planned.flaws.iter().map(|&f| &p.flaws[f]).collect();
        kinds.extend(flaws.iter().map(|f| f.kind));
        let mut docs = Draw::stream(seed, 2 * u64::from(planned.k) + 1);
        let when = (planned.channel, planned.submitted_at.date());
        compare(
            &got.code,
            &got,
            &documents(&mut docs, p, desk, when, &flaws),
        );
        dossiers.push(got);
    }
    (kinds, dossiers)
}

#[test]
fn a_marriage_under_the_2018_rules_follows_the_documentation() {
    // Three levels: districts, the 63 former provinces, provincial tax codes.
    let mut s = handmade::marriage_2018();
    s.dossiers.count = 40;
    let p = &s.procedures[0];
    let desk = Desk::new(Map::Three, &s.office.province, s.office.commune.as_deref());
    let (kinds, _) = compare_all(&s, 20_191_007, &desk, marriage::dossier);
    let all: BTreeSet<FlawKind> = p.flaws.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, all, "every kind of flaw of the procedure planted");
}

#[test]
fn a_company_and_a_certified_copy_follow_the_documentation() {
    // Two levels with a ward; aliases, the business, two-level tax-code prefixes.
    let mut s = handmade::business_2025();
    s.dossiers.count = 40;
    let desk = Desk::new(Map::Two, &s.office.province, s.office.commune.as_deref());
    let (kinds, dossiers) = compare_all(&s, 20_260_424, &desk, business::dossier);
    let all: BTreeSet<FlawKind> = s
        .procedures
        .iter()
        .flat_map(|p| &p.flaws)
        .map(|f| f.kind)
        .collect();
    assert_eq!(kinds, all, "every kind of flaw of the procedures planted");
    let played = |d: &Dossier, a: Party, b: Party| {
        let name = |p| {
            d.declared(motcua_core::scenario::FieldRef {
                party: p,
                attr: Attr::Name,
            })
        };
        name(a).is_some() && name(a) == name(b)
    };
    let company: Vec<&Dossier> = dossiers
        .iter()
        .filter(|d| &*d.procedure == "2.000001")
        .collect();
    // Both sides of each alias draw were compared.
    for (a, b) in [
        (Party::Owner, Party::Representative),
        (Party::Applicant, Party::Representative),
    ] {
        let same = company.iter().filter(|d| played(d, a, b)).count();
        assert!(
            same > 0 && same < company.len(),
            "{} alias: {same} of {}",
            a.key(),
            company.len()
        );
    }
}

fn compare(code: &str, got: &Dossier, want: &Expected) {
    let names: Vec<_> = got.parties.keys().copied().collect();
    let wanted: Vec<_> = want.parties.iter().map(|(p, _)| *p).collect();
    assert_eq!(names, wanted, "{code}: the parties");
    for (party, values) in &want.parties {
        let data = &got.parties[party];
        let attrs: Vec<Attr> = data.values.keys().copied().collect();
        let expected: Vec<Attr> = values.iter().map(|(a, _)| *a).collect();
        assert_eq!(attrs, expected, "{code}: attributes of {}", party.key());
        for (attr, value) in values {
            let shown = data.values.get(attr).map(Value::to_string);
            assert_eq!(
                shown.as_deref(),
                Some(value.as_str()),
                "{code}: {}.{}",
                party.key(),
                attr.key()
            );
        }
    }
    for (party, home) in &want.homes {
        let address = got.parties[party]
            .values
            .get(&Attr::Address)
            .and_then(Value::as_address)
            .expect("an address");
        let district = address.district.as_ref().map(|d| d.to_string());
        let parts = [
            (address.house.to_string(), home.house.clone(), "house"),
            (address.street.to_string(), home.street.clone(), "street"),
            (address.commune.to_string(), home.commune.clone(), "commune"),
            (
                district.unwrap_or_default(),
                home.district.clone().unwrap_or_default(),
                "district",
            ),
            (
                address.province.to_string(),
                home.province.clone(),
                "province",
            ),
        ];
        for (got_part, want_part, what) in parts {
            assert_eq!(
                got_part,
                want_part,
                "{code}: {}'s home, {what}",
                party.key()
            );
        }
    }
    let ids: Vec<&str> = got.components.iter().map(|c| &*c.id).collect();
    let wanted: Vec<&str> = want.papers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, wanted, "{code}: the components handed in");
    for (c, p) in got.components.iter().zip(&want.papers) {
        let id = &p.id;
        assert_eq!(c.origin, p.origin, "{code}: {id} origin");
        assert_eq!(c.pages, p.pages, "{code}: {id} pages");
        assert_eq!(c.legible, p.legible, "{code}: {id} legible");
        assert_eq!(c.signed, p.signed, "{code}: {id} signed");
        assert_eq!(c.fields.len(), p.fields.len(), "{code}: {id} fields");
        for (f, (label, party, attr, value)) in c.fields.iter().zip(&p.fields) {
            assert_eq!(&*f.label, label, "{code}: {id} label");
            let source = format!("{}.{}", party.key(), attr.key());
            assert_eq!(f.source.to_string(), source, "{code}: {id} source");
            assert_eq!(f.value.to_string(), *value, "{code}: {id} {label}");
        }
    }
}

#[test]
fn a_birth_registration_follows_the_documentation() {
    let s = handmade::birth_2025_layout();
    let p = &s.procedures[0];
    let desk = Desk::new(Map::Two, &s.office.province, s.office.commune.as_deref());
    let (kinds, dossiers) = compare_all(&s, 20_260_302, &desk, birth::dossier);
    // The dossiers compared plant every kind of flaw the procedure has: the
    // comparison went through each documented flaw's draws.
    let all: BTreeSet<FlawKind> = p.flaws.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, all, "every kind of flaw of the procedure planted");
    let branches: BTreeSet<&str> = dossiers.iter().flat_map(branches_of).collect();
    // And through both sides of the documented choices a reader is likeliest to get wrong.
    let sides = [
        "applicant is the father",
        "applicant is the mother",
        "born in a hospital",
        "born at a health station",
        "optional paper handed in",
        "optional paper left out",
        "home on a listed street",
        "home in a residential group",
    ];
    for side in sides {
        assert!(branches.contains(side), "no dossier where the {side}");
    }
}

/// Which sides of a few choices dossier `d` took, read from its papers.
fn branches_of(d: &Dossier) -> Vec<&'static str> {
    let value =
        |p: Party, a: Attr| d.declared(motcua_core::scenario::FieldRef { party: p, attr: a });
    let name = |p: Party| value(p, Attr::Name).map(Value::to_string);
    let place = value(Party::Child, Attr::BirthPlace).map(Value::to_string);
    let street = value(Party::Mother, Attr::Address)
        .and_then(Value::as_address)
        .map(|a| a.street.to_string());
    vec![
        if name(Party::Applicant) == name(Party::Father) {
            "applicant is the father"
        } else {
            "applicant is the mother"
        },
        if place.is_some_and(|p| p.starts_with("Trạm Y tế")) {
            "born at a health station"
        } else {
            "born in a hospital"
        },
        if d.component("van-ban-uy-quyen").is_some() {
            "optional paper handed in"
        } else {
            "optional paper left out"
        },
        if street.is_some_and(|s| s.starts_with("Tổ dân phố") || s.starts_with("Thôn")) {
            "home in a residential group"
        } else {
            "home on a listed street"
        },
    ]
}

//! Step 7 of docs/generator.md's stream layout, the documents stream: the parties and
//! the papers of a birth registration's first dossiers, worked out here from the
//! documentation alone (tests/layoutkit, which calls no generator code and reads
//! data/*.toml as data) and compared field by field with what `Plan::draw` gives.

mod common;
mod layoutkit;

use motcua::calendar::WorkCalendar;
use motcua::generate::{Dossier, Plan, Value};
use motcua::scenario::{Attr, FlawKind, Scenario};

use layoutkit::birth::{self, Expected};
use layoutkit::places::Desk;
use layoutkit::stream::Draw;

/// As `tests/generate_layout.rs`: the birth registration, 40 dossiers over 3 days.
fn scenario() -> Scenario {
    let mut s = common::birth_2025();
    s.dossiers.count = 40;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = 3;
    s.dossiers.result_by_post = 0.3;
    s
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
    let address = got.parties[&motcua::scenario::Party::Mother]
        .values
        .get(&Attr::Address)
        .and_then(Value::as_address)
        .expect("the mother's address");
    let parts = [
        (&address.house, &want.home.house, "house"),
        (&address.street, &want.home.street, "street"),
        (&address.commune, &want.home.commune, "commune"),
        (&address.province, &want.home.province, "province"),
    ];
    for (got_part, want_part, what) in parts {
        assert_eq!(got_part.as_str(), want_part, "{code}: the home's {what}");
    }
    assert_eq!(address.district, None, "{code}: two levels, no district");
    let ids: Vec<&str> = got.components.iter().map(|c| c.id.as_str()).collect();
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
fn the_first_dossiers_documents_follow_the_documentation() {
    let s = scenario();
    let calendar = WorkCalendar::for_scenario(&s);
    let seed = 20_260_302;
    let plan = Plan::new(&s, &calendar, seed);
    let procedure = &s.procedures[0];
    let desk = Desk::new(
        &s.office.province,
        s.office.commune.as_deref().expect("a ward"),
    );
    let mut kinds = std::collections::BTreeSet::new();
    let mut branches = std::collections::BTreeSet::new();
    for (i, planned) in plan.dossiers().iter().enumerate() {
        let got = plan.draw(&s, i).expect("a dossier");
        let flaws: Vec<_> = planned.flaws.iter().map(|&f| &procedure.flaws[f]).collect();
        kinds.extend(flaws.iter().map(|f| f.kind));
        let mut docs = Draw::stream(seed, 2 * u64::from(planned.k) + 1);
        let when = (planned.channel, planned.submitted_at.date());
        let want = birth::dossier(&mut docs, procedure, &desk, when, &flaws);
        compare(&got.code, &got, &want);
        branches.extend(branches_of(&got));
    }
    // The dossiers compared plant every kind of flaw the procedure has but none
    // besides: the comparison went through each documented flaw's draws.
    let all = [
        FlawKind::Missing,
        FlawKind::Mismatch,
        FlawKind::Unsigned,
        FlawKind::Illegible,
        FlawKind::Expired,
        FlawKind::OutOfJurisdiction,
    ];
    assert_eq!(kinds, all.into_iter().collect(), "flaw kinds planted");
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
    use motcua::scenario::Party;
    let value = |p: Party, a: Attr| d.declared(motcua::scenario::FieldRef { party: p, attr: a });
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

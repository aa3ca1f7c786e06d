//! Over many dossiers the synthetic population looks like Vietnam's and the scenario's
//! shares are respected. Fixed seeds: these are deterministic, not flaky.

use std::collections::BTreeMap;

use motcua_core::generate::places::same_province;
use motcua_core::generate::{Dossier, Value, table_errors};
use motcua_core::scenario::{Attr, Channel, FlawResponse, Party, Scenario};

use crate::support::handmade;

fn many(s: &Scenario, seeds: u64) -> Vec<Dossier> {
    (0..seeds).flat_map(|seed| handmade::run(s, seed)).collect()
}

#[test]
fn the_shipped_tables_are_sound() {
    assert_eq!(table_errors(), Vec::<String>::new());
}

#[test]
fn surnames_follow_real_frequencies() {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut total = 0;
    for s in [handmade::marriage_2018(), handmade::business_2025()] {
        for d in many(&s, 80) {
            for (party, data) in &d.parties {
                if let (false, Some(Value::Text(name))) =
                    (*party == Party::Business, data.values.get(&Attr::Name))
                {
                    *counts
                        .entry(name.split(' ').next().unwrap_or_default().to_string())
                        .or_default() += 1;
                    total += 1;
                }
            }
        }
    }
    let share = |n: &str| f64::from(counts.get(n).copied().unwrap_or(0)) / f64::from(total);
    assert!(total > 2000, "{total}");
    assert!(
        (0.34..0.43).contains(&share("Nguyễn")),
        "Nguyễn {}",
        share("Nguyễn")
    );
    assert!(
        (0.09..0.15).contains(&share("Trần")),
        "Trần {}",
        share("Trần")
    );
    assert!((0.07..0.12).contains(&share("Lê")), "Lê {}", share("Lê"));
    assert!(counts.len() > 30, "only {} surnames", counts.len());
}

#[test]
fn flaw_rate_and_shape_are_respected() {
    let s = handmade::marriage_2018();
    let generated: Vec<Dossier> = many(&s, 60)
        .into_iter()
        .filter(|d| d.scripted_id.is_none())
        .collect();
    let flawed = generated
        .iter()
        .filter(|d| !d.truth.flaws.is_empty())
        .count();
    let share = flawed as f64 / generated.len() as f64;
    assert!((0.52..0.68).contains(&share), "flawed share {share}");
    let procedure = &s.procedures[0];
    let mut pairs = 0;
    for d in &generated {
        let flaws: Vec<_> = d
            .truth
            .flaws
            .iter()
            .map(|id| procedure.flaw(id).unwrap())
            .collect();
        assert!(flaws.len() <= 2);
        if flaws.iter().any(|f| f.response == FlawResponse::Refuse) {
            assert_eq!(
                flaws.len(),
                1,
                "a refuse flaw comes alone: {:?}",
                d.truth.flaws
            );
        }
        if let [a, b] = flaws.as_slice() {
            pairs += 1;
            assert!(a.component.is_none() || a.component != b.component);
        }
    }
    assert!(
        pairs > 20,
        "two-flaw dossiers teach listing everything at once: {pairs}"
    );
}

#[test]
fn channels_and_procedure_mix_follow_the_plan() {
    let s = handmade::business_2025();
    let generated: Vec<Dossier> = many(&s, 60);
    let n = generated.len() as f64;
    let online = generated
        .iter()
        .filter(|d| d.channel == Channel::Online)
        .count() as f64
        / n;
    assert!((0.44..0.56).contains(&online), "online {online}");
    let company = generated
        .iter()
        .filter(|d| &*d.procedure == "2.000001")
        .count() as f64
        / n;
    assert!((0.6..0.73).contains(&company), "company share {company}");
}

#[test]
fn most_people_live_in_the_office_province() {
    let s = handmade::business_2025();
    let applicants: Vec<_> = many(&s, 60)
        .into_iter()
        .filter(|d| d.truth.flaws.is_empty())
        .filter_map(|d| {
            d.parties[&Party::Applicant]
                .values
                .get(&Attr::Address)
                .and_then(Value::as_address)
                .cloned()
        })
        .collect();
    let local = applicants
        .iter()
        .filter(|a| same_province(&a.province, &s.office.province))
        .count();
    let share = local as f64 / applicants.len() as f64;
    assert!((0.75..0.97).contains(&share), "local share {share}");
    let own_ward = applicants
        .iter()
        .filter(|a| a.commune == "Phường Sài Gòn")
        .count();
    assert!(
        own_ward * 4 > applicants.len(),
        "the office's own ward is the most common"
    );
}

#[test]
fn components_carry_origin_by_channel_and_national_databases() {
    use motcua_core::generate::Origin;
    let s = handmade::birth_2025();
    for d in many(&s, 20) {
        for c in &d.components {
            let expected = match (&*c.id, d.channel) {
                ("cu-tru", _) => Origin::NationalDb,
                (_, Channel::Online) => Origin::Upload,
                _ => Origin::Paper,
            };
            assert_eq!(c.origin, expected, "{} {}", d.code, c.id);
            if c.origin == Origin::NationalDb {
                assert_eq!(c.pages, 0);
            } else {
                assert!((1..=5).contains(&c.pages));
            }
        }
    }
}

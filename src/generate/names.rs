//! Vietnamese personal names: surname by real frequency, middle and given name by gender.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::dossier::Gender;
use super::rng::SimRng;
use super::tables::{self, Weighted};
use super::text::{Text, TextBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct NameTable {
    /// The weights of `surnames`, `male_middle`, `female_middle`: filled once the
    /// table is read, not for every name drawn.
    #[serde(skip)]
    weights: [Vec<u32>; 3],
    surnames: Vec<Weighted>,
    male_middle: Vec<Weighted>,
    female_middle: Vec<Weighted>,
    male_given: Vec<String>,
    female_given: Vec<String>,
    ethnicities: Vec<Ethnicity>,
    /// `by_region(ethnicities)`, filled once the table is read.
    #[serde(skip)]
    by_region: BTreeMap<String, (Vec<usize>, Vec<u32>)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ethnicity {
    name: String,
    weight: u32,
    regions: Vec<String>,
}

fn table() -> &'static NameTable {
    static TABLE: OnceLock<NameTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: NameTable = tables::parse_or_default(tables::NAMES);
        t.by_region = by_region(&t.ethnicities);
        t.weights = [&t.surnames, &t.male_middle, &t.female_middle]
            .map(|list| list.iter().map(|w| w.weight).collect());
        t
    })
}

/// Surname, middle name, given name: written in that order. The parts are the
/// table's own strings; the full name is written once and shared by every paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonName {
    pub surname: &'static str,
    pub middle: &'static str,
    pub given: &'static str,
    full: Text,
}

impl PersonName {
    pub fn new(surname: &'static str, middle: &'static str, given: &'static str) -> PersonName {
        let mut full = TextBuf::default();
        for part in [surname, middle, given]
            .into_iter()
            .filter(|p| !p.is_empty())
        {
            if !full.is_empty() {
                full.push(' ');
            }
            full.push_str(part);
        }
        PersonName {
            surname,
            middle,
            given,
            full: full.finish(),
        }
    }
    pub fn full(&self) -> &Text {
        &self.full
    }
}

fn pick_weighted(
    rng: &mut SimRng,
    list: &'static [Weighted],
    weights: &[u32],
    fallback: &'static str,
) -> &'static str {
    rng.weighted_u32(weights)
        .and_then(|i| list.get(i))
        .map_or(fallback, |w| w.name.as_str())
}

pub(crate) fn surname(rng: &mut SimRng) -> &'static str {
    let t = table();
    pick_weighted(rng, &t.surnames, &t.weights[0], "Nguyễn")
}

pub(crate) fn middle(rng: &mut SimRng, gender: Gender) -> &'static str {
    let t = table();
    match gender {
        Gender::Male => pick_weighted(rng, &t.male_middle, &t.weights[1], "Văn"),
        Gender::Female => pick_weighted(rng, &t.female_middle, &t.weights[2], "Thị"),
    }
}

/// A given name that differs from `avoid` (no "Minh Minh"): the next one in the list instead.
pub(crate) fn given(rng: &mut SimRng, gender: Gender, avoid: &str) -> &'static str {
    let (list, fallback) = match gender {
        Gender::Male => (&table().male_given, "An"),
        Gender::Female => (&table().female_given, "Lan"),
    };
    let Some(i) = rng.index(list.len()) else {
        return fallback;
    };
    let name = &list[i];
    if name == avoid && list.len() > 1 {
        return &list[(i + 1) % list.len()];
    }
    name
}

/// An ethnic group of people born in `region` (`bac`, `trung`, `nam`).
pub(crate) fn ethnicity(rng: &mut SimRng, region: &str) -> Cow<'static, str> {
    let (local, weights) = table()
        .by_region
        .get(region)
        .map_or((&[][..], &[][..]), |(l, w)| (&l[..], &w[..]));
    rng.weighted_u32(weights)
        .and_then(|i| local.get(i))
        .map_or(Cow::Borrowed("Kinh"), |&e| {
            Cow::Borrowed(table().ethnicities[e].name.as_str())
        })
}

/// Per region, the ethnic groups living there (indexes, in table order) and their
/// weights: worked out once, not for every person drawn.
fn by_region(ethnicities: &[Ethnicity]) -> BTreeMap<String, (Vec<usize>, Vec<u32>)> {
    let mut out: BTreeMap<String, (Vec<usize>, Vec<u32>)> = BTreeMap::new();
    for (i, e) in ethnicities.iter().enumerate() {
        for region in &e.regions {
            let (local, weights) = out.entry(region.clone()).or_default();
            // A region named twice for one group still counts it once, as a filter would.
            if local.last() != Some(&i) {
                local.push(i);
                weights.push(e.weight);
            }
        }
    }
    out
}

/// A full name; children pass the father's surname.
pub(crate) fn person_name(
    rng: &mut SimRng,
    gender: Gender,
    surname_of: Option<&'static str>,
) -> PersonName {
    let surname = match surname_of {
        Some(s) => s,
        None => surname(rng),
    };
    let middle = middle(rng, gender);
    let given = given(rng, gender, middle);
    PersonName::new(surname, middle, given)
}

/// Another middle name of either gender, for a plausible mismatch ("Thị" for "Thu").
pub(crate) fn other_middle(rng: &mut SimRng, current: &str) -> Option<String> {
    let all: Vec<&str> = table()
        .male_middle
        .iter()
        .chain(&table().female_middle)
        .map(|w| w.name.as_str())
        .filter(|n| *n != current)
        .collect();
    rng.pick(&all).map(|s| s.to_string())
}

pub(crate) fn check_table() -> Vec<String> {
    let t: NameTable = match tables::parse_strict("data/names.toml", tables::NAMES) {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let mut errors = Vec::new();
    let weighted = [
        ("surnames", &t.surnames),
        ("male_middle", &t.male_middle),
        ("female_middle", &t.female_middle),
    ];
    for (key, list) in weighted {
        if list.is_empty() || list.iter().all(|w| w.weight == 0) {
            errors.push(format!("data/names.toml: {key} is empty"));
        }
    }
    for region in ["bac", "trung", "nam"] {
        if !t
            .ethnicities
            .iter()
            .any(|e| e.regions.iter().any(|r| r == region))
        {
            errors.push(format!("data/names.toml: no ethnicity for region {region}"));
        }
    }
    for (key, list) in [
        ("male_given", &t.male_given),
        ("female_given", &t.female_given),
    ] {
        if list.len() < 24 {
            errors.push(format!(
                "data/names.toml: {key} has only {} names",
                list.len()
            ));
        }
    }
    errors
}

//! Vietnamese personal names: surname by real frequency, middle and given name by gender.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::dossier::Gender;
use super::places::fold_ascii;
use super::rng::{SimRng, running_sums};
use super::tables::{self, Weighted};
use super::text::Text;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct NameTable {
    /// The weights of `surnames`, `male_middle`, `female_middle`: filled once the
    /// table is read, not for every name drawn.
    #[serde(skip)]
    weights: [Vec<u64>; 3],
    surnames: Vec<Weighted>,
    male_middle: Vec<Weighted>,
    female_middle: Vec<Weighted>,
    male_given: Vec<String>,
    female_given: Vec<String>,
    ethnicities: Vec<Ethnicity>,
    /// `by_region(ethnicities)`, filled once the table is read.
    #[serde(skip)]
    by_region: BTreeMap<String, (Vec<usize>, Vec<u64>)>,
    /// `e_mail_form` of `surnames`, `male_middle`, `female_middle`, `male_given`,
    /// `female_given`, in their order: folded once, here, not for every e-mail.
    #[serde(skip)]
    folded: [Vec<String>; 5],
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
            .map(|list| running_sums(list.iter().map(|w| w.weight)));
        t.folded = [
            fold_all(&t.surnames),
            fold_all(&t.male_middle),
            fold_all(&t.female_middle),
            fold_all(&t.male_given),
            fold_all(&t.female_given),
        ];
        t
    })
}

fn fold_all(names: &[impl AsRef<str>]) -> Vec<String> {
    names.iter().map(|n| e_mail_form(n.as_ref())).collect()
}

/// A name part as an e-mail address writes it: folded to lower-case ASCII, its words
/// run together ("Ê Đê" → "ede").
fn e_mail_form(name: &str) -> String {
    fold_ascii(name).split(' ').collect()
}

/// One part of a name as written, with its e-mail form (`e_mail_form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    pub text: &'static str,
    pub folded: &'static str,
}

impl Part {
    /// Entry `i` of a table list and of its folded twin; `fallback` when out of range.
    fn of(
        names: &'static [impl AsRef<str>],
        folded: &'static [String],
        i: usize,
        fallback: Part,
    ) -> Part {
        match (names.get(i), folded.get(i)) {
            (Some(n), Some(f)) => Part {
                text: n.as_ref(),
                folded: f,
            },
            _ => fallback,
        }
    }
}

/// Surname, middle name, given name: written in that order. The parts are the
/// table's own strings; the full name is written once and shared by every paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonName {
    pub surname: Part,
    pub middle: Part,
    pub given: Part,
    full: Text,
}

impl PersonName {
    pub fn new(surname: Part, middle: Part, given: Part) -> PersonName {
        PersonName {
            surname,
            middle,
            given,
            full: Text::joined(&[surname.text, middle.text, given.text]),
        }
    }
    pub fn full(&self) -> &Text {
        &self.full
    }
}

/// A fallback part (the tables are never empty once checked).
const fn plain(text: &'static str, folded: &'static str) -> Part {
    Part { text, folded }
}

/// Entry `list` of the weighted lists (0 surnames, 1 male, 2 female middle names).
fn pick_weighted(rng: &mut SimRng, list: usize, fallback: Part) -> Part {
    let t = table();
    let names = [&t.surnames, &t.male_middle, &t.female_middle][list];
    match rng.weighted_sums(&t.weights[list]) {
        Some(i) => Part::of(names, &t.folded[list], i, fallback),
        None => fallback,
    }
}

pub(crate) fn surname(rng: &mut SimRng) -> Part {
    pick_weighted(rng, 0, plain("Nguyễn", "nguyen"))
}

pub(crate) fn middle(rng: &mut SimRng, gender: Gender) -> Part {
    match gender {
        Gender::Male => pick_weighted(rng, 1, plain("Văn", "van")),
        Gender::Female => pick_weighted(rng, 2, plain("Thị", "thi")),
    }
}

/// A given name that differs from `avoid` (no "Minh Minh"): the next one in the list instead.
pub(crate) fn given(rng: &mut SimRng, gender: Gender, avoid: &str) -> Part {
    let t = table();
    let (list, folded, fallback) = match gender {
        Gender::Male => (&t.male_given, &t.folded[3], plain("An", "an")),
        Gender::Female => (&t.female_given, &t.folded[4], plain("Lan", "lan")),
    };
    let Some(i) = rng.index(list.len()) else {
        return fallback;
    };
    let i = if list[i] == avoid && list.len() > 1 {
        (i + 1) % list.len()
    } else {
        i
    };
    Part::of(list, folded, i, fallback)
}

/// An ethnic group of people born in `region` (`bac`, `trung`, `nam`).
pub(crate) fn ethnicity(rng: &mut SimRng, region: &str) -> Cow<'static, str> {
    let (local, weights) = table()
        .by_region
        .get(region)
        .map_or((&[][..], &[][..]), |(l, w)| (&l[..], &w[..]));
    rng.weighted_sums(weights)
        .and_then(|i| local.get(i))
        .map_or(Cow::Borrowed("Kinh"), |&e| {
            Cow::Borrowed(table().ethnicities[e].name.as_str())
        })
}

/// Per region, the ethnic groups living there (indexes, in table order) and the
/// running totals of their weights: worked out once, not for every person drawn.
fn by_region(ethnicities: &[Ethnicity]) -> BTreeMap<String, (Vec<usize>, Vec<u64>)> {
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
    out.into_iter()
        .map(|(region, (local, weights))| (region, (local, running_sums(weights))))
        .collect()
}

/// A full name; children pass the father's surname.
pub(crate) fn person_name(
    rng: &mut SimRng,
    gender: Gender,
    surname_of: Option<Part>,
) -> PersonName {
    let surname = match surname_of {
        Some(s) => s,
        None => surname(rng),
    };
    let middle = middle(rng, gender);
    let given = given(rng, gender, middle.text);
    PersonName::new(surname, middle, given)
}

/// Another middle name of either gender, for a plausible mismatch ("Thị" for "Thu").
pub(crate) fn other_middle(rng: &mut SimRng, current: &str) -> Option<String> {
    // Counted, then walked again to the chosen one: no list of them for every slip.
    let t = table();
    let others = || {
        t.male_middle
            .iter()
            .chain(&t.female_middle)
            .map(|w| w.name.as_str())
            .filter(|n| *n != current)
    };
    let i = rng.index(others().count())?;
    others().nth(i).map(str::to_string)
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
    // An e-mail's initial is the first letter of the middle name's e-mail form,
    // which runs the words together: a name must start with a letter, not a space.
    let parts = t
        .surnames
        .iter()
        .chain(&t.male_middle)
        .chain(&t.female_middle);
    let names = parts
        .map(|w| &w.name)
        .chain(&t.male_given)
        .chain(&t.female_given);
    for name in names.filter(|n| n.is_empty() || n.starts_with(' ')) {
        errors.push(format!(
            "data/names.toml: name part {name:?} is empty or starts with a space"
        ));
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

//! The data tables, read here as data (data/*.toml), as docs/generator.md names them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Weighted {
    pub name: String,
    #[serde(default = "one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
pub struct Ethnicity {
    pub name: String,
    pub weight: u32,
    pub regions: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Names {
    pub surnames: Vec<Weighted>,
    pub male_middle: Vec<Weighted>,
    pub female_middle: Vec<Weighted>,
    pub male_given: Vec<String>,
    pub female_given: Vec<String>,
    pub ethnicities: Vec<Ethnicity>,
}

#[derive(Debug, Deserialize)]
pub struct Province {
    pub name: String,
    pub region: String,
    pub cccd: String,
    pub legacy: Vec<String>,
    pub communes: Vec<String>,
    #[serde(default)]
    pub hospitals: Vec<String>,
    #[serde(default)]
    pub streets: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct Legacy {
    pub name: String,
    pub cccd: String,
    pub tax: String,
    pub now: String,
    pub district: Vec<District>,
}

#[derive(Debug, Deserialize)]
pub struct District {
    pub name: String,
    pub communes: Vec<String>,
    #[serde(default)]
    pub streets: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Places {
    pub province: Vec<Province>,
    pub legacy: Vec<Legacy>,
}

#[derive(Debug, Deserialize)]
pub struct Business {
    pub forms: Vec<Weighted>,
    pub brands: Vec<String>,
    pub capital_millions: Vec<u64>,
    pub phone_prefixes: Vec<String>,
    pub email_domains: Vec<Weighted>,
    pub trade: Vec<Trade>,
}

#[derive(Debug, Deserialize)]
pub struct Trade {
    pub words: Vec<String>,
    pub lines: Vec<String>,
}

pub struct Tables {
    pub names: Names,
    pub places: Places,
    pub business: Business,
}

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        names: toml::from_str(include_str!("../../../../data/names.toml")).expect("names.toml"),
        places: toml::from_str(include_str!("../../../../data/places.toml")).expect("places.toml"),
        business: toml::from_str(include_str!("../../../../data/business.toml"))
            .expect("business.toml"),
    })
}

pub fn weights(list: &[Weighted]) -> Vec<u32> {
    list.iter().map(|w| w.weight).collect()
}

impl Places {
    pub fn legacy(&self, name: &str) -> usize {
        let found = self.legacy.iter().position(|p| p.name == name);
        found.unwrap_or_else(|| panic!("no former province {name}"))
    }
    /// A 2025 province by name, its kind ("Thành phố", "TP.", "Tỉnh"), case and
    /// marks aside.
    pub fn province(&self, name: &str) -> usize {
        let key = |n: &str| {
            let folded = super::people::mail_form(n);
            let kinds = ["thanhpho", "tp.", "tinh"];
            let bare = kinds.iter().find_map(|k| folded.strip_prefix(k));
            let bare = bare.unwrap_or(&folded).to_string();
            bare.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        };
        let found = self.province.iter().position(|p| key(&p.name) == key(name));
        found.unwrap_or_else(|| panic!("no province {name}"))
    }
    /// `province.legacy` as indexes into `legacy`, in the order written.
    pub fn members(&self, i: usize) -> Vec<usize> {
        let names = &self.province[i].legacy;
        let at = |n: &String| self.legacy.iter().position(|l| l.name == *n);
        names.iter().filter_map(at).collect()
    }
    pub fn region_of_legacy(&self, l: usize) -> &str {
        let now = self.province(&self.legacy[l].now);
        &self.province[now].region
    }
}

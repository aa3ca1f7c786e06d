//! Provinces old and new: names, căn cước and tax codes, and how they map onto each other.
//!
//! Under the 2025 rules addresses use the 34 provinces (two levels); under the 2018
//! rules the 63 former provinces with a district. Every former province knows the
//! 2025 province it became part of, and its căn cước code.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::tables;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct PlaceTable {
    pub province: Vec<Province>,
    pub legacy: Vec<Legacy>,
}

/// A province or city since 1/7/2025.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Province {
    pub name: String,
    pub region: String,
    pub cccd: String,
    pub legacy: Vec<String>,
    pub communes: Vec<String>,
    pub hospitals: Vec<String>,
    pub streets: BTreeMap<String, Vec<String>>,
}

/// A province before 1/7/2025.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Legacy {
    pub name: String,
    pub cccd: String,
    pub tax: String,
    pub now: String,
    pub district: Vec<District>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct District {
    pub name: String,
    pub communes: Vec<String>,
    pub streets: Vec<String>,
}

pub(crate) fn table() -> &'static PlaceTable {
    static TABLE: OnceLock<PlaceTable> = OnceLock::new();
    TABLE.get_or_init(|| tables::parse_or_default(tables::PLACES))
}

/// Comparison key of a province name: no "Tỉnh"/"Thành phố" prefix, no diacritics,
/// no punctuation, lower case. "TP. Hồ Chí Minh" and "Thành phố Hồ Chí Minh" agree,
/// and so do "Thanh Hoá" and "Thanh Hóa".
pub fn province_key(name: &str) -> String {
    let folded = fold_ascii(name);
    let mut key = folded.as_str();
    for prefix in ["thanh pho ", "tp. ", "tp ", "tinh "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest;
            break;
        }
    }
    key.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// Whether two names denote the same province. Names written alike need no folding,
/// and a name is folded once per thread (`Keys`).
pub fn same_province(a: &str, b: &str) -> bool {
    a == b || Keys::of(a).province == Keys::of(b).province
}

/// Whether two commune or district names denote the same unit: case, diacritics,
/// punctuation and the "TP." abbreviation do not count; the kind (Phường, Xã, Quận,
/// Huyện) does.
pub fn same_place(a: &str, b: &str) -> bool {
    a == b || Keys::of(a).place == Keys::of(b).place
}

/// A name's comparison keys, folded the first time the name is met on this thread.
#[derive(Clone)]
struct Keys {
    province: Rc<str>,
    place: Rc<str>,
}

/// Names kept at most: the tables and a scenario hold far fewer; past it the memo
/// starts again rather than grow with untrusted input.
const MEMO_NAMES: usize = 50_000;

impl Keys {
    fn of(name: &str) -> Keys {
        thread_local! {
            static MEMO: RefCell<HashMap<Box<str>, Keys>> = RefCell::new(HashMap::new());
        }
        MEMO.with(|memo| {
            if let Some(k) = memo.borrow().get(name) {
                return k.clone();
            }
            let keys = Keys {
                province: province_key(name).into(),
                place: place_key(name).into(),
            };
            let mut memo = memo.borrow_mut();
            if memo.len() >= MEMO_NAMES {
                memo.clear();
            }
            memo.insert(name.into(), keys.clone());
            keys
        })
    }
}

/// `fold_ascii`, folded once per name and thread (names come from the tables).
pub(crate) fn folded(s: &str) -> Rc<str> {
    thread_local! {
        static MEMO: RefCell<HashMap<Box<str>, Rc<str>>> = RefCell::new(HashMap::new());
    }
    MEMO.with(|memo| {
        if let Some(f) = memo.borrow().get(s) {
            return f.clone();
        }
        let f: Rc<str> = fold_ascii(s).into();
        let mut memo = memo.borrow_mut();
        if memo.len() >= MEMO_NAMES {
            memo.clear();
        }
        memo.insert(s.into(), f.clone());
        f
    })
}

fn place_key(name: &str) -> String {
    let folded = fold_ascii(name);
    let expanded = match folded
        .strip_prefix("tp. ")
        .or_else(|| folded.strip_prefix("tp "))
    {
        Some(rest) => format!("thanh pho {rest}"),
        None => folded,
    };
    expanded
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The 2025 province a former province joined ("Tỉnh Bình Dương" → "Thành phố Hồ Chí Minh").
pub fn now_of(legacy: &str) -> Option<String> {
    let i = find_legacy(legacy)?;
    table().legacy.get(i).map(|l| l.now.clone())
}

/// The district of a former province that the tables list `commune` under.
pub fn legacy_district_of(province: &str, commune: &str) -> Option<String> {
    let l = table().legacy.get(find_legacy(province)?)?;
    l.district
        .iter()
        .find(|d| d.communes.iter().any(|c| same_place(c, commune)))
        .map(|d| d.name.clone())
}

/// Lower-case ASCII: diacritics dropped, đ → d.
pub fn fold_ascii(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Comparison keys and cross references of the place table, computed once, so that
/// no look-up folds a table name again.
struct Index {
    province_keys: Vec<String>,
    legacy_keys: Vec<String>,
    /// Former provinces of each 2025 province.
    members: Vec<Vec<usize>>,
    /// The 2025 province each former province joined.
    now: Vec<Option<usize>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let t = table();
        let province_keys: Vec<String> = t.province.iter().map(|p| province_key(&p.name)).collect();
        let legacy_keys: Vec<String> = t.legacy.iter().map(|l| province_key(&l.name)).collect();
        let find = |keys: &[String], name: &str| {
            let key = province_key(name);
            keys.iter().position(|k| *k == key)
        };
        let members = t
            .province
            .iter()
            .map(|p| {
                p.legacy
                    .iter()
                    .filter_map(|n| find(&legacy_keys, n))
                    .collect()
            })
            .collect();
        let now = t
            .legacy
            .iter()
            .map(|l| find(&province_keys, &l.now))
            .collect();
        Index {
            province_keys,
            legacy_keys,
            members,
            now,
        }
    })
}

/// `name` among `names` (as written), else among their `keys` (folded once).
fn position(
    names: impl Iterator<Item = &'static str>,
    keys: &[String],
    name: &str,
) -> Option<usize> {
    let mut names = names;
    names.position(|n| n == name).or_else(|| {
        let key = province_key(name);
        keys.iter().position(|k| *k == key)
    })
}

pub(crate) fn find_province(name: &str) -> Option<usize> {
    let names = table().province.iter().map(|p| p.name.as_str());
    position(names, &index().province_keys, name)
}

pub(crate) fn find_legacy(name: &str) -> Option<usize> {
    let names = table().legacy.iter().map(|l| l.name.as_str());
    position(names, &index().legacy_keys, name)
}

/// Former provinces that make up a 2025 province, as indexes into the legacy table.
pub(crate) fn members(province: usize) -> &'static [usize] {
    index().members.get(province).map_or(&[], Vec::as_slice)
}

/// The 2025 province (index) former province `legacy` joined.
pub(crate) fn now_index(legacy: usize) -> Option<usize> {
    index().now.get(legacy).copied().flatten()
}

/// The former province a căn cước code belongs to and the 2025 province it is part of:
/// `("Tỉnh Vĩnh Phúc", "Tỉnh Phú Thọ")` for `"026"`.
pub fn province_of_cccd(code: &str) -> Option<(&'static str, &'static str)> {
    table()
        .legacy
        .iter()
        .find(|l| l.cccd == code)
        .map(|l| (l.name.as_str(), l.now.as_str()))
}

/// Two-digit tax-code ranges of the former provinces.
pub fn tax_prefixes() -> Vec<&'static str> {
    table().legacy.iter().map(|l| l.tax.as_str()).collect()
}

pub(crate) fn check_table() -> Vec<String> {
    let t: PlaceTable = match tables::parse_strict("data/places.toml", tables::PLACES) {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let mut errors = Vec::new();
    let mut err = |m: String| errors.push(format!("data/places.toml: {m}"));
    if t.province.len() != 34 {
        err(format!("{} provinces, expected 34", t.province.len()));
    }
    if t.legacy.len() != 63 {
        err(format!("{} former provinces, expected 63", t.legacy.len()));
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let mut seen = BTreeMap::new();
    for l in &t.legacy {
        if !digits(&l.cccd, 3) || !digits(&l.tax, 2) {
            err(format!(
                "{}: bad cccd {:?} or tax {:?}",
                l.name, l.cccd, l.tax
            ));
        }
        for code in [format!("cccd {}", l.cccd), format!("tax {}", l.tax)] {
            if let Some(other) = seen.insert(code.clone(), &l.name) {
                err(format!("{code} used by {other} and {}", l.name));
            }
        }
        if !t.province.iter().any(|p| p.name == l.now) {
            err(format!("{}: unknown 2025 province {}", l.name, l.now));
        }
        if l.district.is_empty() || l.district.iter().any(|d| d.communes.is_empty()) {
            err(format!("{}: needs districts with communes", l.name));
        }
    }
    for p in &t.province {
        if p.communes.len() < 8 {
            err(format!("{}: only {} communes", p.name, p.communes.len()));
        }
        if !["bac", "trung", "nam"].contains(&p.region.as_str()) {
            err(format!("{}: region {:?}", p.name, p.region));
        }
        for member in &p.legacy {
            match t.legacy.iter().find(|l| &l.name == member) {
                Some(l) if l.now == p.name => {}
                _ => err(format!(
                    "{}: former province {member} does not point back",
                    p.name
                )),
            }
        }
        if !t.legacy.iter().any(|l| l.cccd == p.cccd && l.now == p.name) {
            err(format!(
                "{}: cccd {} is not one of its former provinces",
                p.name, p.cccd
            ));
        }
        for ward in p.streets.keys() {
            if !p.communes.contains(ward) {
                err(format!("{}: streets for unknown ward {ward}", p.name));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_prefix_or_tone_placement() {
        assert!(same_province("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"));
        assert!(same_province("Tỉnh Thanh Hoá", "Thanh Hóa"));
        assert!(same_province("Bà Rịa–Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"));
        assert!(!same_province("Hà Nam", "Hà Nội"));
    }

    #[test]
    fn cccd_codes_map_to_old_and_new_provinces() {
        assert_eq!(
            province_of_cccd("026"),
            Some(("Tỉnh Vĩnh Phúc", "Tỉnh Phú Thọ"))
        );
        assert_eq!(
            province_of_cccd("001"),
            Some(("Thành phố Hà Nội", "Thành phố Hà Nội"))
        );
        assert_eq!(province_of_cccd("003"), None);
    }
}

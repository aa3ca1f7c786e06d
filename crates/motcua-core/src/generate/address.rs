//! Where people live and were born: addresses as the map of the dossier's date writes
//! them (three levels and 63 provinces before 1/7/2025, two levels and 34 after).

use std::borrow::Cow;

use crate::scenario::{Area, Geography};

use super::dossier::Address;
use super::places::{self, table};
use super::rng::SimRng;
use super::text::{Text, TextBuf, push_digits};

/// A province as the generator tracks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ProvinceRef {
    /// A 2025 province (index into the province table).
    New(usize),
    /// A former province (index into the legacy table).
    Old(usize),
    /// A name the tables do not know: addresses still use it, with generic communes.
    Other(String),
}

/// Where inside the desk's province an address goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spot {
    /// The desk's own commune (any commune when the desk is a province's).
    Desk,
    /// Another commune of the province.
    NotDesk,
    /// Any commune: the desk's for half of them when it has one.
    Any,
}

/// The places of one map: the geography of a date and the desk's area on it.
#[derive(Debug, Clone)]
pub(crate) struct Atlas {
    geography: Geography,
    office: ProvinceRef,
    area: Area,
    /// Provinces of the map other than the office's (indexes), found once.
    elsewhere: Vec<usize>,
    /// Communes of the office's 2025 province other than the desk's.
    not_desk: Vec<&'static str>,
    /// District and commune pairs of the office's former province, the desk's left out.
    not_desk_pairs: Vec<(&'static str, &'static str)>,
}

/// Where a person's birth was registered: the căn cước code and the place as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub code: Cow<'static, str>,
    /// A table's name, or a health station's written for this birth.
    pub place: Text,
    /// `bac`, `trung` or `nam`: decides the likely ethnic groups.
    pub region: &'static str,
}

const GENERIC_COMMUNES: &[&str] = &[
    "Phường 1",
    "Phường 2",
    "Phường 3",
    "Xã Tân An",
    "Xã Tân Hòa",
];
const NORTHERN_HAMLETS: &[&str] = &["Đông", "Đoài", "Trung", "Thượng", "Hạ", "Nam", "Bắc"];

impl Atlas {
    pub fn new(geography: Geography, area: &Area) -> Self {
        let mut atlas = Atlas {
            geography,
            office: Self::resolve(geography, &area.province),
            area: area.clone(),
            elsewhere: Vec::new(),
            not_desk: Vec::new(),
            not_desk_pairs: Vec::new(),
        };
        atlas.elsewhere = atlas.other_provinces();
        let desk = area.commune.as_deref();
        match (&atlas.office, desk) {
            (ProvinceRef::New(i), Some(c)) => {
                atlas.not_desk = table().province[*i]
                    .communes
                    .iter()
                    .filter(|x| !places::same_place(x, c))
                    .map(String::as_str)
                    .collect();
            }
            (ProvinceRef::Old(i), Some(c)) => {
                let district = area.district.as_deref();
                atlas.not_desk_pairs = pairs(*i)
                    .into_iter()
                    .filter(|(d, x)| {
                        !(places::same_place(c, x)
                            && district.is_none_or(|y| places::same_place(y, d)))
                    })
                    .collect();
            }
            _ => {}
        }
        atlas
    }

    fn other_provinces(&self) -> Vec<usize> {
        let two = self.geography == Geography::TwoLevels;
        let count = if two {
            table().province.len()
        } else {
            table().legacy.len()
        };
        let office = self.name(&self.office);
        (0..count)
            .filter(|&i| {
                let name = if two {
                    &table().province[i].name
                } else {
                    &table().legacy[i].name
                };
                !places::same_province(name, &office)
            })
            .collect()
    }

    fn resolve(geography: Geography, name: &str) -> ProvinceRef {
        let found = match geography {
            Geography::TwoLevels => places::find_province(name).map(ProvinceRef::New),
            Geography::ThreeLevels => places::find_legacy(name).map(ProvinceRef::Old),
        };
        found.unwrap_or_else(|| ProvinceRef::Other(name.to_string()))
    }

    pub fn geography(&self) -> Geography {
        self.geography
    }

    pub fn office(&self) -> ProvinceRef {
        self.office.clone()
    }

    pub fn area(&self) -> &Area {
        &self.area
    }

    /// A province of the same map other than the office's.
    pub fn elsewhere(&self, rng: &mut SimRng) -> ProvinceRef {
        let two = self.geography == Geography::TwoLevels;
        match rng.pick(&self.elsewhere) {
            Some(&i) if two => ProvinceRef::New(i),
            Some(&i) => ProvinceRef::Old(i),
            None if places::same_province(&self.name(&self.office), "Hà Nội") => {
                ProvinceRef::Other("Thành phố Hồ Chí Minh".into())
            }
            None => ProvinceRef::Other("Thành phố Hà Nội".into()),
        }
    }

    /// `name`, the table's own string when it is in a table.
    fn name_text(&self, p: &ProvinceRef) -> Text {
        match p {
            ProvinceRef::New(i) => table().province.get(*i).map(|p| Text::Static(&p.name)),
            ProvinceRef::Old(i) => table().legacy.get(*i).map(|l| Text::Static(&l.name)),
            ProvinceRef::Other(name) => Some(Text::new(name)),
        }
        .unwrap_or(Text::Static(""))
    }

    /// The full name, as written in an address ("Tỉnh Phú Thọ").
    pub fn name(&self, p: &ProvinceRef) -> String {
        match p {
            ProvinceRef::New(i) => table().province.get(*i).map(|p| p.name.clone()),
            ProvinceRef::Old(i) => table().legacy.get(*i).map(|l| l.name.clone()),
            ProvinceRef::Other(name) => Some(name.clone()),
        }
        .unwrap_or_default()
    }

    pub fn region(&self, p: &ProvinceRef) -> &'static str {
        let new_index = match p {
            ProvinceRef::New(i) => Some(*i),
            ProvinceRef::Old(i) => places::now_index(*i),
            ProvinceRef::Other(_) => None,
        };
        new_index
            .and_then(|i| table().province.get(i))
            .map_or("bac", |p| match p.region.as_str() {
                "trung" => "trung",
                "nam" => "nam",
                _ => "bac",
            })
    }

    /// An address in province `p`; in the office's province, at `spot`.
    pub fn address(&self, rng: &mut SimRng, p: &ProvinceRef, spot: Spot) -> Address {
        let at_office = *p == self.office;
        let desk = self.area.commune.as_deref().filter(|_| at_office);
        let spot = match (spot, desk) {
            (_, None) => Spot::Any,
            (Spot::Any, Some(_)) if rng.chance(0.5) => Spot::Desk,
            (Spot::Any, Some(_)) => Spot::NotDesk,
            (s, Some(_)) => s,
        };
        let (district, commune, streets) = match p {
            ProvinceRef::New(i) => self.new_place(rng, *i, spot),
            ProvinceRef::Old(i) => self.old_place(rng, *i, spot),
            ProvinceRef::Other(name) => self.other_place(rng, name, spot),
        };
        let (house, street) = self.locality(rng, p, &commune, streets);
        Address {
            house,
            street,
            commune,
            district,
            province: self.name_text(p),
        }
    }

    /// A commune of a 2025 province: the desk's, another, or any.
    fn new_place(
        &self,
        rng: &mut SimRng,
        i: usize,
        spot: Spot,
    ) -> (Option<Text>, Text, &'static [String]) {
        let prov = &table().province[i];
        let commune = match (spot, self.area.commune.as_deref()) {
            (Spot::Desk, Some(c)) => Text::new(c),
            // Only the office's province has a desk to avoid (`address`).
            (Spot::NotDesk, Some(c)) => pick_other(rng, &self.not_desk, c),
            _ => pick_or(rng, &prov.communes, GENERIC_COMMUNES),
        };
        let streets = prov
            .streets
            .get(commune.as_str())
            .map_or(&[][..], Vec::as_slice);
        (None, commune, streets)
    }

    /// A district and commune of a former province: the desk's, another, or any.
    fn old_place(
        &self,
        rng: &mut SimRng,
        i: usize,
        spot: Spot,
    ) -> (Option<Text>, Text, &'static [String]) {
        let legacy = &table().legacy[i];
        let street_of = |district: &str| {
            legacy
                .district
                .iter()
                .find(|d| places::same_place(&d.name, district))
                .map_or(&[][..], |d| d.streets.as_slice())
        };
        if let (Spot::Desk, Some(c)) = (spot, self.area.commune.as_deref()) {
            let district = self
                .area
                .district
                .clone()
                .unwrap_or_else(|| format!("Thành phố {}", strip_kind(&legacy.name)));
            let streets = street_of(&district);
            return (Some(district.into()), Text::new(c), streets);
        }
        // Only the office's province has a desk to avoid (`address`).
        let all;
        let pairs: &[(&str, &str)] = if spot == Spot::NotDesk && self.area.commune.is_some() {
            &self.not_desk_pairs
        } else {
            all = pairs(i);
            &all
        };
        match rng.pick(pairs) {
            Some(&(d, c)) => (Some(Text::Static(d)), Text::Static(c), street_of(d)),
            None => {
                let district = format!("Thành phố {}", strip_kind(&legacy.name));
                let avoid = self.area.commune.clone().unwrap_or_default();
                (Some(district.into()), pick_other(rng, &[], &avoid), &[])
            }
        }
    }

    /// A place in a province the tables do not know: generic communes.
    fn other_place(
        &self,
        rng: &mut SimRng,
        name: &str,
        spot: Spot,
    ) -> (Option<Text>, Text, &'static [String]) {
        let three = self.geography == Geography::ThreeLevels;
        let generic_district = || three.then(|| format!("Thành phố {}", strip_kind(name)));
        match (spot, self.area.commune.as_deref()) {
            (Spot::Desk, Some(c)) => {
                let district = self.area.district.clone().or_else(generic_district);
                (
                    district.filter(|_| three).map(Text::from),
                    Text::new(c),
                    &[],
                )
            }
            (_, desk) => {
                let commune = pick_other(rng, &[], desk.unwrap_or_default());
                (generic_district().map(Text::from), commune, &[])
            }
        }
    }

    /// House number and street, or a residential group or hamlet where no street is known.
    fn locality(
        &self,
        rng: &mut SimRng,
        p: &ProvinceRef,
        commune: &str,
        streets: &'static [String],
    ) -> (Text, Text) {
        let urban = commune.starts_with("Phường") || commune.starts_with("Thị trấn");
        if !streets.is_empty()
            && rng.chance(0.8)
            && let Some(street) = rng.pick(streets)
        {
            return (numbered("Số ", rng.range(1, 199)), Text::Static(street));
        }
        let n = rng.range(1, 15);
        let street = match (self.region(p), urban) {
            ("nam", true) => numbered("Khu phố ", n),
            ("nam", false) => numbered("Ấp ", n),
            (_, true) => numbered("Tổ dân phố ", n),
            ("trung", false) => numbered("Thôn ", n),
            _ => {
                let mut hamlet = TextBuf::default();
                hamlet.push_str("Thôn ");
                hamlet.push_str(rng.pick(NORTHERN_HAMLETS).unwrap_or(&"Trung"));
                hamlet.finish()
            }
        };
        let numbered = if urban {
            rng.chance(0.85)
        } else {
            rng.chance(0.4)
        };
        let house = if numbered {
            self::numbered("Số ", rng.range(1, 150))
        } else {
            Text::Static("")
        };
        (house, street)
    }
}

/// `prefix` and `n` in decimal ("Số 12"), held in place.
fn numbered(prefix: &str, n: u32) -> Text {
    let mut out = TextBuf::default();
    out.push_str(prefix);
    // As `write!(out, "{n}")` writes it, without the formatting machinery.
    push_digits(&mut out, n, 1);
    out.finish()
}

/// Every district and commune pair of former province `i`, in table order.
fn pairs(i: usize) -> Vec<(&'static str, &'static str)> {
    table().legacy[i]
        .district
        .iter()
        .flat_map(|d| {
            d.communes
                .iter()
                .map(move |c| (d.name.as_str(), c.as_str()))
        })
        .collect()
}

/// One of `list`, or a generic commune; never one named like `avoid`.
fn pick_other(rng: &mut SimRng, list: &[&'static str], avoid: &str) -> Text {
    if let Some(&s) = rng.pick(list) {
        return Text::Static(s);
    }
    let generic: Vec<&str> = GENERIC_COMMUNES
        .iter()
        .copied()
        .filter(|g| !places::same_place(g, avoid))
        .collect();
    Text::Static(rng.pick(&generic).copied().unwrap_or("Xã Tân Lập"))
}

fn pick_or(rng: &mut SimRng, list: &'static [String], fallback: &[&'static str]) -> Text {
    match rng.pick(list) {
        Some(s) => Text::Static(s),
        None => Text::Static(rng.pick(fallback).copied().unwrap_or("")),
    }
}

fn strip_kind(name: &str) -> &str {
    name.strip_prefix("Tỉnh ")
        .or_else(|| name.strip_prefix("Thành phố "))
        .unwrap_or(name)
}

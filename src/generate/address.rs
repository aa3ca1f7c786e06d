//! Where people live and were born: addresses in the form the scenario's rules use.

use crate::scenario::RuleSet;

use super::dossier::Address;
use super::places::{self, table};
use super::rng::SimRng;

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

/// The places of one scenario: its rules and its office.
#[derive(Debug, Clone)]
pub(crate) struct Atlas {
    rules: RuleSet,
    office: ProvinceRef,
    office_commune: Option<String>,
}

/// Where a person's birth was registered: the căn cước code and the place as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub code: String,
    pub place: String,
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
    pub fn new(rules: RuleSet, office_province: &str, office_commune: Option<&str>) -> Self {
        let office = Self::resolve(rules, office_province);
        Atlas {
            rules,
            office,
            office_commune: office_commune.map(str::to_string),
        }
    }

    fn resolve(rules: RuleSet, name: &str) -> ProvinceRef {
        let found = match rules {
            RuleSet::R2025 => places::find_province(name).map(ProvinceRef::New),
            RuleSet::R2018 => places::find_legacy(name).map(ProvinceRef::Old),
        };
        found.unwrap_or_else(|| ProvinceRef::Other(name.to_string()))
    }

    pub fn rules(&self) -> RuleSet {
        self.rules
    }

    pub fn office(&self) -> ProvinceRef {
        self.office.clone()
    }

    /// A province of the same rules other than the office's.
    pub fn elsewhere(&self, rng: &mut SimRng) -> ProvinceRef {
        let count = match self.rules {
            RuleSet::R2025 => table().province.len(),
            RuleSet::R2018 => table().legacy.len(),
        };
        let candidates: Vec<usize> = (0..count)
            .filter(|&i| {
                let r = match self.rules {
                    RuleSet::R2025 => ProvinceRef::New(i),
                    RuleSet::R2018 => ProvinceRef::Old(i),
                };
                !places::same_province(&self.name(&r), &self.name(&self.office))
            })
            .collect();
        match (rng.pick(&candidates), self.rules) {
            (Some(&i), RuleSet::R2025) => ProvinceRef::New(i),
            (Some(&i), RuleSet::R2018) => ProvinceRef::Old(i),
            (None, _) if places::same_province(&self.name(&self.office), "Hà Nội") => {
                ProvinceRef::Other("Thành phố Hồ Chí Minh".into())
            }
            (None, _) => ProvinceRef::Other("Thành phố Hà Nội".into()),
        }
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
            ProvinceRef::Old(i) => table()
                .legacy
                .get(*i)
                .and_then(|l| places::find_province(&l.now)),
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

    /// An address in province `p`. At the office's province, half of them are in the
    /// office's own commune when the scenario names it.
    pub fn address(&self, rng: &mut SimRng, p: &ProvinceRef) -> Address {
        let at_office = *p == self.office;
        let own_commune = at_office && self.office_commune.is_some() && rng.chance(0.5);
        let (district, commune, streets) = match p {
            ProvinceRef::New(i) => {
                let prov = &table().province[*i];
                let commune = match (&self.office_commune, own_commune) {
                    (Some(c), true) => c.clone(),
                    _ => pick_or(rng, &prov.communes, GENERIC_COMMUNES),
                };
                let streets = prov.streets.get(&commune).cloned().unwrap_or_default();
                (None, commune, streets)
            }
            ProvinceRef::Old(i) => {
                let legacy = &table().legacy[*i];
                let wanted = self.office_commune.as_ref().filter(|_| own_commune);
                let by_commune =
                    wanted.and_then(|c| legacy.district.iter().find(|d| d.communes.contains(c)));
                let district = match by_commune {
                    Some(d) => Some(d),
                    None => rng.pick(&legacy.district),
                };
                let commune = match (wanted, district) {
                    (Some(c), _) => c.clone(),
                    (None, Some(d)) => pick_or(rng, &d.communes, GENERIC_COMMUNES),
                    (None, None) => pick_or(rng, &[], GENERIC_COMMUNES),
                };
                let streets = district.map(|d| d.streets.clone()).unwrap_or_default();
                (district.map(|d| d.name.clone()), commune, streets)
            }
            ProvinceRef::Other(name) => {
                let commune = match (&self.office_commune, own_commune) {
                    (Some(c), true) => c.clone(),
                    _ => pick_or(rng, &[], GENERIC_COMMUNES),
                };
                let district = (self.rules == RuleSet::R2018)
                    .then(|| format!("Thành phố {}", strip_kind(name)));
                (district, commune, Vec::new())
            }
        };
        let (house, street) = self.locality(rng, p, &commune, &streets);
        Address {
            house,
            street,
            commune,
            district,
            province: self.name(p),
        }
    }

    /// House number and street, or a residential group or hamlet where no street is known.
    fn locality(
        &self,
        rng: &mut SimRng,
        p: &ProvinceRef,
        commune: &str,
        streets: &[String],
    ) -> (String, String) {
        let urban = commune.starts_with("Phường") || commune.starts_with("Thị trấn");
        if !streets.is_empty()
            && rng.chance(0.8)
            && let Some(street) = rng.pick(streets)
        {
            return (format!("Số {}", rng.range(1, 199)), street.clone());
        }
        let n = rng.range(1, 15);
        let street = match (self.region(p), urban) {
            ("nam", true) => format!("Khu phố {n}"),
            ("nam", false) => format!("Ấp {n}"),
            (_, true) => format!("Tổ dân phố {n}"),
            ("trung", false) => format!("Thôn {n}"),
            _ => format!("Thôn {}", rng.pick(NORTHERN_HAMLETS).unwrap_or(&"Trung")),
        };
        let numbered = if urban {
            rng.chance(0.85)
        } else {
            rng.chance(0.4)
        };
        let house = if numbered {
            format!("Số {}", rng.range(1, 150))
        } else {
            String::new()
        };
        (house, street)
    }

    /// Where an adult living in `home` was born: mostly a former province of the same
    /// place, otherwise anywhere.
    pub fn birth_origin(&self, rng: &mut SimRng, home: &ProvinceRef) -> Origin {
        let local: Vec<usize> = match home {
            ProvinceRef::New(i) => places::members(*i),
            ProvinceRef::Old(i) => vec![*i],
            ProvinceRef::Other(name) => places::find_legacy(name).into_iter().collect(),
        };
        let stay = rng.chance(0.65);
        let legacy = if stay && !local.is_empty() {
            rng.pick(&local).copied()
        } else {
            rng.index(table().legacy.len())
        };
        match legacy {
            Some(i) if i < table().legacy.len() => {
                let l = &table().legacy[i];
                Origin {
                    code: l.cccd.clone(),
                    place: match self.rules {
                        RuleSet::R2025 => l.now.clone(),
                        RuleSet::R2018 => l.name.clone(),
                    },
                    region: self.region(&ProvinceRef::Old(i)),
                }
            }
            _ => Origin {
                code: "001".into(),
                place: self.name(home),
                region: self.region(home),
            },
        }
    }

    /// The căn cước province code for a birth registered now in province `p`.
    pub fn registration_code(&self, p: &ProvinceRef) -> String {
        let code = match p {
            ProvinceRef::New(i) => table().province.get(*i).map(|p| p.cccd.clone()),
            ProvinceRef::Old(i) => table().legacy.get(*i).map(|l| l.cccd.clone()),
            ProvinceRef::Other(name) => places::find_legacy(name)
                .and_then(|i| table().legacy.get(i))
                .map(|l| l.cccd.clone()),
        };
        code.unwrap_or_else(|| "001".into())
    }

    /// Where a newborn was born: a hospital of the province or the commune's health station.
    pub fn birth_facility(&self, rng: &mut SimRng, home: &Address, p: &ProvinceRef) -> String {
        let hospitals: &[String] = match p {
            ProvinceRef::New(i) => table()
                .province
                .get(*i)
                .map_or(&[], |p| p.hospitals.as_slice()),
            _ => &[],
        };
        if !hospitals.is_empty()
            && rng.chance(0.6)
            && let Some(h) = rng.pick(hospitals)
        {
            return h.clone();
        }
        format!(
            "Trạm Y tế {}, {}",
            lower_first(&home.commune),
            home.province
        )
    }

    /// Two-digit tax-code range for a business registered in province `p`.
    pub fn tax_prefix(&self, rng: &mut SimRng, p: &ProvinceRef) -> String {
        let members = match p {
            ProvinceRef::New(i) => places::members(*i),
            ProvinceRef::Old(i) => vec![*i],
            ProvinceRef::Other(name) => places::find_legacy(name).into_iter().collect(),
        };
        let chosen = rng.pick(&members).and_then(|&i| table().legacy.get(i));
        chosen.map_or_else(|| "01".into(), |l| l.tax.clone())
    }
}

fn pick_or(rng: &mut SimRng, list: &[String], fallback: &[&str]) -> String {
    match rng.pick(list) {
        Some(s) => s.clone(),
        None => rng
            .pick(fallback)
            .map_or_else(String::new, |s| s.to_string()),
    }
}

fn strip_kind(name: &str) -> &str {
    name.strip_prefix("Tỉnh ")
        .or_else(|| name.strip_prefix("Thành phố "))
        .unwrap_or(name)
}

/// "Xã Tam Nông" → "xã Tam Nông", as inside running text.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

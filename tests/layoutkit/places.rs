//! docs/generator.md step 7, homes and origins on the two-level map (from 1/7/2025).

use super::stream::Draw;
use super::tables::tables;

#[derive(Debug, Clone, PartialEq)]
pub struct Addr {
    pub house: String,
    pub street: String,
    pub commune: String,
    pub province: String,
}

impl Addr {
    /// As papers write it: the blank parts left out.
    pub fn text(&self) -> String {
        let parts = [&self.house, &self.street, &self.commune, &self.province];
        let written: Vec<&str> = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect();
        written.join(", ")
    }
}

/// Where inside the office's province an address goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spot {
    Desk,
    NotDesk,
    Any,
}

/// The desk on the 2025 map: its province (index) and commune.
pub struct Desk {
    pub province: usize,
    pub commune: String,
}

impl Desk {
    pub fn new(province: &str, commune: &str) -> Desk {
        Desk {
            province: tables().places.province(province),
            commune: commune.into(),
        }
    }

    /// Any province but the office's, in table order.
    pub fn elsewhere(&self, d: &mut Draw) -> usize {
        let others: Vec<usize> = (0..tables().places.province.len())
            .filter(|&i| i != self.province)
            .collect();
        *d.pick(&others)
    }

    /// An address in province `p` (at `spot` in the office's province).
    pub fn address(&self, d: &mut Draw, p: usize, spot: Spot) -> Addr {
        let prov = &tables().places.province[p];
        let spot = match spot {
            _ if p != self.province => Spot::Any,
            Spot::Any if d.chance(0.5) => Spot::Desk,
            Spot::Any => Spot::NotDesk,
            s => s,
        };
        let commune = match spot {
            Spot::Desk => self.commune.clone(),
            Spot::NotDesk => {
                let others: Vec<&String> = prov
                    .communes
                    .iter()
                    .filter(|c| **c != self.commune)
                    .collect();
                d.pick(&others).to_string()
            }
            Spot::Any => d.pick(&prov.communes).clone(),
        };
        let streets = prov.streets.get(&commune).cloned().unwrap_or_default();
        let (house, street) = locality(d, &prov.region, &commune, &streets);
        Addr {
            house,
            street,
            commune,
            province: prov.name.clone(),
        }
    }
}

fn locality(d: &mut Draw, region: &str, commune: &str, streets: &[String]) -> (String, String) {
    let urban = commune.starts_with("Phường") || commune.starts_with("Thị trấn");
    if !streets.is_empty() && d.chance(0.8) {
        let street = d.pick(streets).clone();
        return (format!("Số {}", d.range(1, 199)), street);
    }
    let n = d.range(1, 15);
    let street = match (region, urban) {
        ("nam", true) => format!("Khu phố {n}"),
        ("nam", false) => format!("Ấp {n}"),
        (_, true) => format!("Tổ dân phố {n}"),
        ("trung", false) => format!("Thôn {n}"),
        _ => {
            let hamlets = ["Đông", "Đoài", "Trung", "Thượng", "Hạ", "Nam", "Bắc"];
            format!("Thôn {}", d.pick(&hamlets))
        }
    };
    let numbered = d.chance(if urban { 0.85 } else { 0.4 });
    let house = if numbered {
        format!("Số {}", d.range(1, 150))
    } else {
        String::new()
    };
    (house, street)
}

/// Where an adult living in province `home` was born: (căn cước code, place, region).
pub fn birth_origin(d: &mut Draw, home: usize) -> (String, String, String) {
    let places = &tables().places;
    let local = places.members(home);
    let stay = d.chance(0.65);
    let l = if stay && !local.is_empty() {
        *d.pick(&local)
    } else {
        d.below(places.legacy.len() as u32) as usize
    };
    let legacy = &places.legacy[l];
    let region = places.region_of_legacy(l).to_string();
    (legacy.cccd.clone(), legacy.now.clone(), region)
}

/// A newborn's birth place: a hospital of the province (chance 0.6) or the
/// commune's health station.
pub fn birth_facility(d: &mut Draw, home: &Addr, p: usize) -> String {
    let hospitals = &tables().places.province[p].hospitals;
    if !hospitals.is_empty() && d.chance(0.6) {
        return d.pick(hospitals).clone();
    }
    let mut commune = home.commune.chars();
    let first: String = commune
        .next()
        .map_or(String::new(), |c| c.to_lowercase().collect());
    format!("Trạm Y tế {first}{}, {}", commune.as_str(), home.province)
}

//! docs/generator.md step 7, homes and origins, on the two-level map (from 1/7/2025)
//! and on the three-level one (before; only a desk without a commune here).

use super::stream::Draw;
use super::tables::tables;

#[derive(Debug, Clone, PartialEq)]
pub struct Addr {
    pub house: String,
    pub street: String,
    pub commune: String,
    pub district: Option<String>,
    pub province: String,
}

impl Addr {
    /// As papers write it: the blank parts left out.
    pub fn text(&self) -> String {
        let parts = [&self.house, &self.street, &self.commune];
        let mut written: Vec<&str> = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect();
        written.extend(self.district.as_deref());
        written.push(&self.province);
        written.join(", ")
    }
}

/// Which map a date uses: provinces are `[[province]]` indexes on two levels,
/// `[[legacy]]` indexes on three.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Map {
    Two,
    Three,
}

/// Where inside the office's province an address goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spot {
    Desk,
    NotDesk,
    Any,
}

/// The desk on a map: its province (index) and commune.
pub struct Desk {
    pub map: Map,
    pub province: usize,
    pub commune: Option<String>,
}

impl Desk {
    pub fn new(map: Map, province: &str, commune: Option<&str>) -> Desk {
        let places = &tables().places;
        let province = match map {
            Map::Two => places.province(province),
            Map::Three => places.legacy(province),
        };
        assert!(map == Map::Two || commune.is_none(), "not written here");
        Desk {
            map,
            province,
            commune: commune.map(String::from),
        }
    }

    /// Any province of the map but the office's, in table order.
    pub fn elsewhere(&self, d: &mut Draw) -> usize {
        let count = match self.map {
            Map::Two => tables().places.province.len(),
            Map::Three => tables().places.legacy.len(),
        };
        let others: Vec<usize> = (0..count).filter(|&i| i != self.province).collect();
        *d.pick(&others)
    }

    pub fn region(&self, p: usize) -> String {
        let places = &tables().places;
        match self.map {
            Map::Two => places.province[p].region.clone(),
            Map::Three => places.region_of_legacy(p).to_string(),
        }
    }

    /// An address in province `p` (at `spot` in the office's province).
    pub fn address(&self, d: &mut Draw, p: usize, spot: Spot) -> Addr {
        let spot = match (spot, &self.commune) {
            _ if p != self.province => Spot::Any,
            (_, None) => Spot::Any,
            (Spot::Any, _) if d.chance(0.5) => Spot::Desk,
            (Spot::Any, _) => Spot::NotDesk,
            (s, _) => s,
        };
        let (district, commune, streets) = match self.map {
            Map::Two => self.commune_of(d, p, spot),
            Map::Three => {
                let pairs: Vec<_> = tables().places.legacy[p]
                    .district
                    .iter()
                    .flat_map(|x| x.communes.iter().map(move |c| (x, c)))
                    .collect();
                let (x, c) = *d.pick(&pairs);
                (Some(x.name.clone()), c.clone(), x.streets.clone())
            }
        };
        let (house, street) = locality(d, &self.region(p), &commune, &streets);
        let places = &tables().places;
        let province = match self.map {
            Map::Two => places.province[p].name.clone(),
            Map::Three => places.legacy[p].name.clone(),
        };
        Addr {
            house,
            street,
            commune,
            district,
            province,
        }
    }

    fn commune_of(
        &self,
        d: &mut Draw,
        p: usize,
        spot: Spot,
    ) -> (Option<String>, String, Vec<String>) {
        let prov = &tables().places.province[p];
        let desk = self.commune.clone().unwrap_or_default();
        let commune = match spot {
            Spot::Desk => desk,
            Spot::NotDesk => {
                let others: Vec<&String> = prov.communes.iter().filter(|c| **c != desk).collect();
                d.pick(&others).to_string()
            }
            Spot::Any => d.pick(&prov.communes).clone(),
        };
        let streets = prov.streets.get(&commune).cloned().unwrap_or_default();
        (None, commune, streets)
    }

    /// Where an adult living in province `home` was born: (căn cước code, place, region).
    pub fn birth_origin(&self, d: &mut Draw, home: usize) -> (String, String, String) {
        let places = &tables().places;
        let local = match self.map {
            Map::Two => places.members(home),
            Map::Three => vec![home],
        };
        let stay = d.chance(0.65);
        let l = if stay && !local.is_empty() {
            *d.pick(&local)
        } else {
            d.below(places.legacy.len() as u32) as usize
        };
        let legacy = &places.legacy[l];
        let place = match self.map {
            Map::Two => legacy.now.clone(),
            Map::Three => legacy.name.clone(),
        };
        let region = places.region_of_legacy(l).to_string();
        (legacy.cccd.clone(), place, region)
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

/// A newborn's birth place (two levels): a hospital of the province (chance 0.6)
/// or the commune's health station.
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

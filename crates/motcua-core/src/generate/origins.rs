//! Where people were born and registered: the place a căn cước code stands for, a
//! newborn's birth facility, a business's tax-code range, on the map of the atlas.

use std::borrow::Cow;

use super::address::{Atlas, Origin, ProvinceRef};
use super::dossier::Address;
use super::places::{self, table};
use super::rng::SimRng;
use super::text::{Text, TextBuf};
use crate::scenario::Geography;

impl Atlas {
    /// Where an adult living in `home` was born: mostly a former province of the same
    /// place, otherwise anywhere.
    pub fn birth_origin(&self, rng: &mut SimRng, home: &ProvinceRef) -> Origin {
        let other;
        let local: &[usize] = match home {
            ProvinceRef::New(i) => places::members(*i),
            ProvinceRef::Old(i) => std::slice::from_ref(i),
            ProvinceRef::Other(name) => {
                other = places::find_legacy(name);
                other.as_slice()
            }
        };
        let stay = rng.chance(0.65);
        let legacy = if stay && !local.is_empty() {
            rng.pick(local).copied()
        } else {
            rng.index(table().legacy.len())
        };
        match legacy {
            Some(i) if i < table().legacy.len() => {
                let l = &table().legacy[i];
                Origin {
                    code: Cow::Borrowed(l.cccd.as_str()),
                    place: Text::Static(match self.geography() {
                        Geography::TwoLevels => l.now.as_str(),
                        Geography::ThreeLevels => l.name.as_str(),
                    }),
                    region: self.region(&ProvinceRef::Old(i)),
                }
            }
            _ => Origin {
                code: Cow::Borrowed("001"),
                place: Text::from(self.name(home)),
                region: self.region(home),
            },
        }
    }

    /// The căn cước province code for a birth registered now in province `p`.
    pub fn registration_code(&self, p: &ProvinceRef) -> Cow<'static, str> {
        let code = match p {
            ProvinceRef::New(i) => table().province.get(*i).map(|p| p.cccd.as_str()),
            ProvinceRef::Old(i) => table().legacy.get(*i).map(|l| l.cccd.as_str()),
            ProvinceRef::Other(name) => places::find_legacy(name)
                .and_then(|i| table().legacy.get(i))
                .map(|l| l.cccd.as_str()),
        };
        Cow::Borrowed(code.unwrap_or("001"))
    }

    /// Where a newborn was born: a hospital of the province or the commune's health station.
    pub fn birth_facility(&self, rng: &mut SimRng, home: &Address, p: &ProvinceRef) -> Text {
        let hospitals: &[String] = match p {
            ProvinceRef::New(i) => table()
                .province
                .get(*i)
                .map_or(&[], |p| p.hospitals.as_slice()),
            ProvinceRef::Old(_) | ProvinceRef::Other(_) => &[],
        };
        if !hospitals.is_empty()
            && rng.chance(0.6)
            && let Some(h) = rng.pick(hospitals)
        {
            return Text::Static(h.as_str());
        }
        // "Trạm Y tế xã Tam Nông, Tỉnh Phú Thọ", written once (no `format!`).
        let mut place = TextBuf::default();
        place.push_str("Trạm Y tế ");
        push_lower_first(&mut place, &home.commune);
        place.push_str(", ");
        place.push_str(&home.province);
        place.finish()
    }

    /// Two-digit tax-code range for a business registered in province `p`.
    pub fn tax_prefix(&self, rng: &mut SimRng, p: &ProvinceRef) -> &'static str {
        let other;
        let members: &[usize] = match p {
            ProvinceRef::New(i) => places::members(*i),
            ProvinceRef::Old(i) => std::slice::from_ref(i),
            ProvinceRef::Other(name) => {
                other = places::find_legacy(name);
                other.as_slice()
            }
        };
        let chosen = rng.pick(members).and_then(|&i| table().legacy.get(i));
        chosen.map_or("01", |l| l.tax.as_str())
    }
}

/// "Xã Tam Nông" → "xã Tam Nông", as inside running text.
fn push_lower_first(out: &mut TextBuf, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        c.to_lowercase().for_each(|l| out.push(l));
        out.push_str(chars.as_str());
    }
}

//! A generated dossier: what the officer sees, plus the hidden truth the score uses.

use std::fmt;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde::ser::SerializeMap;

use crate::scenario::{Attr, Channel, CopyKind, FieldRef, Party, ResultChannel};

pub use super::text::Text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    /// `unit-YYMMDD-NNNN` (TT 01/2018 Art 19), e.g. `000.00.12.H12-260302-0001`.
    pub code: String,
    /// Procedure code (`Procedure::code`), shared with the scenario (not copied).
    pub procedure: Arc<str>,
    pub channel: Channel,
    /// How the applicant asked for the result (shown on the dossier): the desk must
    /// return it that way.
    pub result_channel: ResultChannel,
    /// Vietnam local time (UTC+7).
    pub submitted_at: NaiveDateTime,
    /// The scripted dossier's `id`, when it came from `[[dossiers.scripted]]`.
    pub scripted_id: Option<String>,
    /// Declared data of each party (the tờ khai / e-form), the reference the components are checked against.
    pub parties: Parties,
    /// Components as handed in, in the procedure's order. A missing one is absent;
    /// one held in a national database is present with `origin = national-db`.
    pub components: Vec<SubmittedComponent>,
    /// Hidden from the trainee; used by the session, the solver and the score.
    pub truth: Truth,
}

impl Dossier {
    pub fn component(&self, id: &str) -> Option<&SubmittedComponent> {
        self.components.iter().find(|c| &*c.id == id)
    }
    pub fn declared(&self, field: FieldRef) -> Option<&Value> {
        self.parties.get(&field.party)?.values.get(&field.attr)
    }
}

/// The parties of a dossier with their declared data, in `Party` order: a short
/// list, since a dossier names a handful of the parties there are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parties {
    entries: Vec<(Party, PartyData)>,
}

impl Parties {
    pub fn with_capacity(n: usize) -> Parties {
        Parties {
            entries: Vec::with_capacity(n),
        }
    }
    pub fn get(&self, party: &Party) -> Option<&PartyData> {
        self.entries
            .iter()
            .find(|(p, _)| p == party)
            .map(|(_, d)| d)
    }
    pub fn get_mut(&mut self, party: &Party) -> Option<&mut PartyData> {
        self.entries
            .iter_mut()
            .find(|(p, _)| p == party)
            .map(|(_, d)| d)
    }
    pub fn contains_key(&self, party: &Party) -> bool {
        self.get(party).is_some()
    }
    /// `party`'s data, made empty first when the party is new: filled in place, so
    /// that the large `Values` array is never moved.
    pub fn slot(&mut self, party: Party) -> &mut PartyData {
        let at = match self.entries.binary_search_by_key(&party, |(p, _)| *p) {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(at, (party, PartyData::default()));
                at
            }
        };
        &mut self.entries[at].1
    }
    /// Set `party`'s data; returns what it replaced.
    pub fn insert(&mut self, party: Party, data: PartyData) -> Option<PartyData> {
        match self.entries.binary_search_by_key(&party, |(p, _)| *p) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, data)),
            Err(at) => {
                self.entries.insert(at, (party, data));
                None
            }
        }
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Party, &PartyData)> {
        self.entries.iter().map(|(p, d)| (p, d))
    }
    pub fn keys(&self) -> impl Iterator<Item = &Party> {
        self.entries.iter().map(|(p, _)| p)
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &PartyData> {
        self.entries.iter().map(|(_, d)| d)
    }
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut PartyData> {
        self.entries.iter_mut().map(|(_, d)| d)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `parties[&party]`, like a map: panics when the dossier has no such party.
impl std::ops::Index<&Party> for Parties {
    type Output = PartyData;
    fn index(&self, party: &Party) -> &PartyData {
        match self.get(party) {
            Some(d) => d,
            None => panic!("no party {}", party.key()),
        }
    }
}

impl<'a> IntoIterator for &'a Parties {
    type Item = (&'a Party, &'a PartyData);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// As a map from party key to its data, like a `BTreeMap` would be.
impl Serialize for Parties {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.entries.len()))?;
        for (party, data) in &self.entries {
            map.serialize_entry(party, data)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartyData {
    pub values: Values,
}

/// Number of attributes a party can carry.
pub(crate) const ATTRS: usize = Attr::ALL.len();

/// A party's values as an array indexed by attribute: no tree, no search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    slots: [Option<Value>; ATTRS],
}

impl Values {
    /// The slots, indexed by attribute (`Attr as usize`): for the generator to fill
    /// a party's fresh data in place.
    pub(crate) fn slots_mut(&mut self) -> &mut [Option<Value>; ATTRS] {
        &mut self.slots
    }
    pub fn get(&self, attr: &Attr) -> Option<&Value> {
        self.slots[*attr as usize].as_ref()
    }
    pub fn get_mut(&mut self, attr: &Attr) -> Option<&mut Value> {
        self.slots[*attr as usize].as_mut()
    }
    pub fn contains_key(&self, attr: &Attr) -> bool {
        self.get(attr).is_some()
    }
    /// Set `attr`; returns the value it replaced.
    pub fn insert(&mut self, attr: Attr, value: Value) -> Option<Value> {
        self.slots[attr as usize].replace(value)
    }
    pub fn remove(&mut self, attr: &Attr) -> Option<Value> {
        self.slots[*attr as usize].take()
    }
    /// The values present, in `Attr` order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&'static Attr, &Value)> {
        Attr::ALL
            .iter()
            .zip(&self.slots)
            .filter_map(|(a, v)| Some((a, v.as_ref()?)))
    }
    pub fn keys(&self) -> impl Iterator<Item = &'static Attr> + '_ {
        self.iter().map(|(a, _)| a)
    }
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|v| v.is_some()).count()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = (&'static Attr, &'a Value);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// As a map from attribute key to value, like a `BTreeMap` would be.
impl Serialize for Values {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (attr, value) in self.iter() {
            map.serialize_entry(attr, value)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmittedComponent {
    /// `Component::id`, shared with the scenario (not copied).
    pub id: Arc<str>,
    pub copy: CopyKind,
    pub origin: Origin,
    pub fields: Vec<FieldValue>,
    /// A scan or paper the officer cannot read.
    pub legible: bool,
    /// Signed where a signature is required.
    pub signed: bool,
    /// Number of pages (certified-copy fees are per page).
    pub pages: u32,
}

impl SubmittedComponent {
    pub fn field(&self, source: FieldRef) -> Option<&FieldValue> {
        self.fields.iter().find(|f| f.source == source)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Uploaded with an online filing (already electronic).
    Upload,
    /// Handed in on paper at the counter or by post: must be digitised.
    Paper,
    /// Not handed in: held in a national database, to be reused.
    NationalDb,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldValue {
    /// The scenario's label, shared (not copied) by every dossier.
    pub label: Arc<str>,
    pub source: FieldRef,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Borrowed when it comes from a table (a place, an ethnic group), shared otherwise.
    Text(Text),
    Date(NaiveDate),
    Money(u64),
    Gender(Gender),
    /// One address per household, shared by everyone living there and every copy.
    Address(Arc<Address>),
}

impl Value {
    /// Text from a string, owned.
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(Text::from(s.into()))
    }
    /// The empty text (a field left blank).
    pub fn blank() -> Value {
        Value::Text(Text::Static(""))
    }
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::Text(_) | Value::Money(_) | Value::Gender(_) | Value::Address(_) => None,
        }
    }
    pub fn as_address(&self) -> Option<&Address> {
        match self {
            Value::Address(a) => Some(a),
            Value::Text(_) | Value::Date(_) | Value::Money(_) | Value::Gender(_) => None,
        }
    }
}

/// Documents are Vietnamese whatever the UI language, as in a real office.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Date(d) => write!(f, "{}", d.format("%d/%m/%Y")),
            Value::Money(v) => write!(f, "{} đồng", group_thousands(*v)),
            Value::Gender(g) => f.write_str(g.label_vi()),
            Value::Address(a) => write!(f, "{a}"),
        }
    }
}

/// `1234567` → `1.234.567` (Vietnamese thousands separator).
pub fn group_thousands(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn label_vi(self) -> &'static str {
        match self {
            Gender::Male => "Nam",
            Gender::Female => "Nữ",
        }
    }
}

/// Since 1/7/2025: house, street or hamlet, commune/ward, province (two levels).
/// Under the 2018 rules a district sits between commune and province.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Address {
    pub house: Text,
    pub street: Text,
    pub commune: Text,
    pub district: Option<Text>,
    pub province: Text,
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Blank house, street or commune are left out; district and province never.
        let lines = [&self.house, &self.street, &self.commune];
        let written = lines.into_iter().filter(|p| !p.is_empty());
        for p in written.chain(&self.district) {
            f.write_str(p)?;
            f.write_str(", ")?;
        }
        f.write_str(&self.province)
    }
}

/// What really is in the dossier and how the simulated people will behave.
///
/// The two NPC values are provisional: the session engine owns their meaning and may
/// replace them. They are drawn last for each dossier, so changing them never changes
/// the documents a seed gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Truth {
    /// Ids of the planted flaws (`Flaw::id`), in the procedure's order.
    pub flaws: Vec<String>,
    /// Minutes after a supplement request until the citizen hands it in; `None`: never
    /// (about one in ten). Online 30 min–2 days, counter and post 2 h–3 days. Provisional.
    pub citizen_reply_minutes: Option<u32>,
    /// Office minutes the specialist needs to appraise (15–180). Provisional.
    pub specialist_minutes: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_uses_vietnamese_grouping() {
        assert_eq!(Value::Money(1_200_000).to_string(), "1.200.000 đồng");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1.000");
    }

    #[test]
    fn address_reads_in_two_levels_without_district() {
        let a = Address {
            house: "Số 12".into(),
            street: "Phố Hàng Bạc".into(),
            commune: "Phường Hoàn Kiếm".into(),
            district: None,
            province: "Thành phố Hà Nội".into(),
        };
        assert_eq!(
            a.to_string(),
            "Số 12, Phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội"
        );
    }
}

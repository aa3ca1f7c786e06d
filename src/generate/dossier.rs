//! A generated dossier: what the officer sees, plus the hidden truth the score uses.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::scenario::{Attr, Channel, CopyKind, FieldRef, Party, ResultChannel};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    /// `unit-YYMMDD-NNNN` (TT 01/2018 Art 19), e.g. `000.00.12.H12-260302-0001`.
    pub code: String,
    /// Procedure code (`Procedure::code`).
    pub procedure: String,
    pub channel: Channel,
    /// How the applicant asked for the result (shown on the dossier): the desk must
    /// return it that way.
    pub result_channel: ResultChannel,
    /// Vietnam local time (UTC+7).
    pub submitted_at: NaiveDateTime,
    /// The scripted dossier's `id`, when it came from `[[dossiers.scripted]]`.
    pub scripted_id: Option<String>,
    /// Declared data of each party (the tờ khai / e-form), the reference the components are checked against.
    pub parties: BTreeMap<Party, PartyData>,
    /// Components as handed in, in the procedure's order. A missing one is absent;
    /// one held in a national database is present with `origin = national-db`.
    pub components: Vec<SubmittedComponent>,
    /// Hidden from the trainee; used by the session, the solver and the score.
    pub truth: Truth,
}

impl Dossier {
    pub fn component(&self, id: &str) -> Option<&SubmittedComponent> {
        self.components.iter().find(|c| c.id == id)
    }
    pub fn declared(&self, field: FieldRef) -> Option<&Value> {
        self.parties.get(&field.party)?.values.get(&field.attr)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartyData {
    pub values: BTreeMap<Attr, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmittedComponent {
    pub id: String,
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
    pub label: String,
    pub source: FieldRef,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Date(NaiveDate),
    Money(u64),
    Gender(Gender),
    Address(Address),
}

impl Value {
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }
    pub fn as_address(&self) -> Option<&Address> {
        match self {
            Value::Address(a) => Some(a),
            _ => None,
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
    pub house: String,
    pub street: String,
    pub commune: String,
    pub district: Option<String>,
    pub province: String,
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<&str> = Vec::with_capacity(5);
        for p in [&self.house, &self.street, &self.commune] {
            if !p.is_empty() {
                parts.push(p);
            }
        }
        if let Some(d) = &self.district {
            parts.push(d);
        }
        parts.push(&self.province);
        f.write_str(&parts.join(", "))
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

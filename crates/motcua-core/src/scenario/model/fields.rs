//! Field references (`party.attribute`), the parties and attributes they name, and the
//! flaw stages.

use serde::Serialize;

use super::keyed::keyed_enum;

/// `party.attribute`, e.g. `mother.name`. Serialised as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldRef {
    pub party: Party,
    pub attr: Attr,
}

impl FieldRef {
    /// Parse `party.attribute`; `None` when either part is unknown.
    pub fn parse(text: &str) -> Option<FieldRef> {
        let (party, attr) = text.split_once('.')?;
        Some(FieldRef {
            party: Party::from_key(party)?,
            attr: Attr::from_key(attr)?,
        })
    }
}

impl Serialize for FieldRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.party.key(), self.attr.key())
    }
}

keyed_enum!(
    /// When a flaw can be found: by the desk officer at receipt, or only by the
    /// specialist's verification after acceptance (a site check, a register lookup).
    Stage {
        Receipt = "receipt",
        Appraisal = "appraisal",
    }
);

keyed_enum!(
    /// A person or organisation a dossier is about.
    Party {
        Applicant = "applicant",
        Child = "child",
        Mother = "mother",
        Father = "father",
        Spouse = "spouse",
        Representative = "representative",
        Authorized = "authorized",
        Owner = "owner",
        Business = "business",
        /// The place a procedure is about: the home of a residence registration,
        /// the building site of a permit. It has an address only.
        Premises = "premises",
    }
);

keyed_enum!(
    /// An attribute of a party.
    Attr {
        Name = "name",
        Gender = "gender",
        BirthDate = "birth_date",
        BirthPlace = "birth_place",
        Nationality = "nationality",
        Ethnicity = "ethnicity",
        IdNumber = "id_number",
        IdIssueDate = "id_issue_date",
        IdExpiry = "id_expiry",
        Address = "address",
        Phone = "phone",
        Email = "email",
        TaxCode = "tax_code",
        BusinessLine = "business_line",
        Capital = "capital",
        /// How a person is related to the one the dossier is for ("Mẹ", "Con", "Bạn").
        Relation = "relation",
    }
);

impl Party {
    /// Not a person: a business, or a place.
    pub fn is_organisation(self) -> bool {
        matches!(self, Party::Business | Party::Premises)
    }
    /// Whether this party can carry the attribute at all (a business has no birth date,
    /// a place only an address).
    pub fn has(self, attr: Attr) -> bool {
        use Attr::*;
        match self {
            Party::Premises => attr == Address,
            Party::Business => matches!(
                attr,
                Name | Address | Phone | Email | TaxCode | BusinessLine | Capital
            ),
            Party::Applicant
            | Party::Child
            | Party::Mother
            | Party::Father
            | Party::Spouse
            | Party::Representative
            | Party::Authorized
            | Party::Owner => !matches!(attr, BusinessLine | Capital),
        }
    }
}

impl Attr {
    /// Attributes whose value is a date (used by `expired` and `underage` flaws).
    pub fn is_date(self) -> bool {
        matches!(self, Attr::BirthDate | Attr::IdIssueDate | Attr::IdExpiry)
    }
}

impl<'de> serde::Deserialize<'de> for FieldRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        FieldRef::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown field reference `{text}`")))
    }
}

//! The declared data of each party, as the tờ khai / e-form shows it.

use std::collections::BTreeMap;

use crate::scenario::{Attr, Party};

use super::cast::Cast;
use super::dossier::{PartyData, Value};
use super::people::{Expiry, Person};

pub(crate) const NATIONALITY: &str = "Việt Nam";
/// What a căn cước issued at 58 or later says in its expiry box.
pub const NO_EXPIRY: &str = "Không thời hạn";

/// Every party of the cast with every attribute it can carry.
pub(crate) fn parties(cast: &Cast) -> BTreeMap<Party, PartyData> {
    let mut out = BTreeMap::new();
    for (&party, &i) in &cast.roles {
        if let Some(person) = cast.persons.get(i) {
            out.insert(party, person_data(cast, party, person));
        }
    }
    if let Some(b) = &cast.business {
        let mut values = BTreeMap::new();
        values.insert(Attr::Name, Value::Text(b.facts.name.clone()));
        if let Some(home) = cast.homes.get(b.home) {
            values.insert(Attr::Address, Value::Address(home.address.clone()));
        }
        values.insert(Attr::Phone, Value::Text(b.phone.clone()));
        values.insert(Attr::Email, Value::Text(b.email.clone()));
        values.insert(Attr::TaxCode, Value::Text(b.tax_code.clone()));
        values.insert(Attr::BusinessLine, Value::Text(b.facts.line.clone()));
        values.insert(Attr::Capital, Value::Money(b.facts.capital));
        out.insert(Party::Business, PartyData { values });
    }
    if let Some(home) = cast.premises.and_then(|h| cast.homes.get(h)) {
        let mut values = BTreeMap::new();
        values.insert(Attr::Address, Value::Address(home.address.clone()));
        out.insert(Party::Premises, PartyData { values });
    }
    out
}

fn person_data(cast: &Cast, party: Party, p: &Person) -> PartyData {
    let mut values = BTreeMap::new();
    for &attr in Attr::ALL {
        if !party.has(attr) {
            continue;
        }
        let value = match attr {
            Attr::Name => Value::Text(p.name.full()),
            Attr::Gender => Value::Gender(p.gender),
            Attr::BirthDate => Value::Date(p.birth_date),
            Attr::BirthPlace => Value::Text(p.origin.place.clone()),
            Attr::Nationality => Value::Text(NATIONALITY.to_string()),
            Attr::Ethnicity => Value::Text(p.ethnicity.clone()),
            Attr::IdNumber => Value::Text(p.id_number.clone()),
            Attr::IdIssueDate => p
                .id_issued
                .map_or_else(|| Value::Text(String::new()), Value::Date),
            Attr::IdExpiry => match p.id_expiry {
                Expiry::On(d) => Value::Date(d),
                Expiry::Never => Value::Text(NO_EXPIRY.to_string()),
                Expiry::NotIssued => Value::Text(String::new()),
            },
            Attr::Address => match cast.homes.get(p.home) {
                Some(h) => Value::Address(h.address.clone()),
                None => Value::Text(String::new()),
            },
            Attr::Phone => Value::Text(p.phone.clone()),
            Attr::Email => Value::Text(p.email.clone()),
            Attr::TaxCode => Value::Text(p.tax_code.clone()),
            // Only a person related to the one the dossier is for says how.
            Attr::Relation if p.relation.is_empty() => continue,
            Attr::Relation => Value::Text(p.relation.clone()),
            Attr::BusinessLine | Attr::Capital => continue,
        };
        values.insert(attr, value);
    }
    PartyData { values }
}

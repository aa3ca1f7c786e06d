//! The declared data of each party, as the tờ khai / e-form shows it.

use crate::scenario::{Attr, Party};

use super::cast::Cast;
use super::dossier::{ATTRS, Parties, Text, Value, Values};
use super::people::{Expiry, Person};

pub(crate) const NATIONALITY: &str = "Việt Nam";
/// What a căn cước issued at 58 or later says in its expiry box.
pub const NO_EXPIRY: &str = "Không thời hạn";

/// Every party of the cast with every attribute it can carry. Each home's address is
/// made once and shared by the parties living there.
pub(crate) fn parties(cast: &Cast) -> Parties {
    let home = |i: usize| cast.homes.get(i).map(|h| Value::Address(h.address.clone()));
    let count = cast.roles.len()
        + usize::from(cast.business.is_some())
        + usize::from(cast.premises.is_some());
    let mut out = Parties::with_capacity(count);
    for (party, &i) in cast.roles.iter() {
        if let Some(person) = cast.persons.get(i) {
            // Each party once (`roles` is a map; business and premises are no role).
            let values = &mut out.slot(party).values;
            person_data(values, party, person, home(person.home));
        }
    }
    if let Some(b) = &cast.business {
        let values = &mut out.slot(Party::Business).values;
        values.insert(Attr::Name, Value::text(b.facts.name.clone()));
        if let Some(address) = home(b.home) {
            values.insert(Attr::Address, address);
        }
        values.insert(Attr::Phone, Value::Text(b.phone.clone()));
        values.insert(Attr::Email, Value::Text(b.email.clone()));
        values.insert(Attr::TaxCode, Value::Text(b.tax_code.clone()));
        values.insert(Attr::BusinessLine, Value::Text(Text::Static(b.facts.line)));
        values.insert(Attr::Capital, Value::Money(b.facts.capital));
    }
    if let Some(address) = cast.premises.and_then(home) {
        let values = &mut out.slot(Party::Premises).values;
        values.insert(Attr::Address, address);
    }
    out
}

/// Every attribute a person shows (all but a business's), each value written straight
/// into its slot: looping over every attribute and asking the party (as before) was an
/// eighth of generating, and building the array apart meant moving it in.
fn person_values(slots: &mut [Option<Value>; ATTRS], p: &Person, address: Option<Value>) {
    let mut set = |attr: Attr, value: Value| slots[attr as usize] = Some(value);
    set(Attr::Name, Value::Text(p.name.full().clone()));
    set(Attr::Gender, Value::Gender(p.gender));
    set(Attr::BirthDate, Value::Date(p.birth_date));
    set(Attr::BirthPlace, Value::Text(p.origin.place.clone()));
    set(Attr::Nationality, Value::Text(Text::Static(NATIONALITY)));
    set(Attr::Ethnicity, Value::Text(p.ethnicity.clone().into()));
    set(Attr::IdNumber, Value::Text(p.id_number.clone()));
    set(
        Attr::IdIssueDate,
        p.id_issued.map_or_else(Value::blank, Value::Date),
    );
    set(Attr::IdExpiry, expiry_value(p.id_expiry));
    set(Attr::Address, address.unwrap_or_else(Value::blank));
    set(Attr::Phone, Value::Text(p.phone.clone()));
    set(Attr::Email, Value::Text(p.email.clone()));
    set(Attr::TaxCode, Value::Text(p.tax_code.clone()));
    // Only a person related to the one the dossier is for says how.
    if !p.relation.is_empty() {
        set(Attr::Relation, Value::Text(Text::Static(p.relation)));
    }
}

fn expiry_value(expiry: Expiry) -> Value {
    match expiry {
        Expiry::On(d) => Value::Date(d),
        Expiry::Never => Value::Text(Text::Static(NO_EXPIRY)),
        Expiry::NotIssued => Value::blank(),
    }
}

/// Fill `values` (a party's fresh data) with what `party` shows of person `p`.
fn person_data(values: &mut Values, party: Party, p: &Person, address: Option<Value>) {
    let slots = values.slots_mut();
    person_values(slots, p, address);
    if party.is_organisation() {
        for &attr in Attr::ALL.iter().filter(|a| !party.has(**a)) {
            slots[attr as usize] = None;
        }
    }
}

//! The desk's area by date, and where a dossier belongs: the one definition the
//! generator (placing people), the rule check (`visible_problems`), the session and
//! the solver (transfers) and the judge (through the session's events) all use.

use chrono::NaiveDate;
use serde::Serialize;

use crate::scenario::{
    Area, Attr, Component, Condition, Geography, Level, Procedure, Scenario, is_close_relative,
};

use super::dossier::{Address, Dossier, Parties, Value};
use super::places;

/// The desk's area on `date`: three levels before 1/7/2025, two from then on. A
/// period crossing that date uses `[office] after_merger` (or, when absent, the same
/// commune in the province the former one joined).
pub fn desk_area(scenario: &Scenario, date: NaiveDate) -> Area {
    let office = &scenario.office;
    let start = Geography::on(scenario.meta.start.date());
    match (start, Geography::on(date)) {
        (Geography::ThreeLevels, Geography::TwoLevels) => {
            office.after_merger.clone().unwrap_or_else(|| Area {
                commune: office.commune.clone(),
                district: None,
                province: places::now_of(&office.province)
                    .unwrap_or_else(|| office.province.clone()),
            })
        }
        (_, Geography::ThreeLevels) => Area {
            commune: office.commune.clone(),
            district: office.district.clone().or_else(|| {
                let commune = office.commune.as_deref()?;
                places::legacy_district_of(&office.province, commune)
            }),
            province: office.province.clone(),
        },
        (_, Geography::TwoLevels) => Area {
            commune: office.commune.clone(),
            district: None,
            province: office.province.clone(),
        },
    }
}

/// Where an address lies, seen from the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Inside the desk's area at the level asked.
    Inside,
    /// In the desk's province, in another commune.
    OtherCommune,
    /// In another province.
    OtherProvince,
}

/// Where `address` lies from a desk serving `area`, at `level`. A desk with no commune
/// (a provincial one) counts its whole province at either level.
pub fn standing(address: &Address, area: &Area, level: Level) -> Standing {
    if !places::same_province(&address.province, &area.province) {
        return Standing::OtherProvince;
    }
    let Some(commune) = area.commune.as_deref() else {
        return Standing::Inside;
    };
    let same_district = match (&area.district, &address.district) {
        (None, _) => true,
        (Some(d), Some(a)) => places::same_place(d, a),
        (Some(_), None) => false,
    };
    match level {
        Level::Province => Standing::Inside,
        Level::Commune if same_district && places::same_place(commune, &address.commune) => {
            Standing::Inside
        }
        Level::Commune => Standing::OtherCommune,
    }
}

/// What the desk does with a dossier, by where its deciding parties live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Competence {
    /// Some deciding party lives inside the area (or the procedure has no jurisdiction).
    Here,
    /// Boundary-free procedure, from 1/7/2025: none inside, but one in another commune
    /// of the province; accept and transfer it there.
    Transfer,
    /// Out of jurisdiction: refuse, directing the applicant to the competent office.
    Elsewhere,
}

/// The competence of the desk for `dossier`, from its declared addresses alone.
pub fn competence(dossier: &Dossier, procedure: &Procedure, scenario: &Scenario) -> Competence {
    let date = dossier.submitted_at.date();
    competence_of(
        &dossier.parties,
        procedure,
        &desk_area(scenario, date),
        date,
    )
}

/// `competence` on parties not yet in a dossier (the generator's view).
pub(crate) fn competence_of(
    parties: &Parties,
    procedure: &Procedure,
    area: &Area,
    date: NaiveDate,
) -> Competence {
    let Some(j) = &procedure.jurisdiction else {
        return Competence::Here;
    };
    let standings: Vec<Standing> =
        j.by.iter()
            .filter_map(|f| parties.get(&f.party)?.values.get(&f.attr))
            .filter_map(Value::as_address)
            .map(|a| standing(a, area, j.level))
            .collect();
    if standings.is_empty() || standings.contains(&Standing::Inside) {
        return Competence::Here;
    }
    let free = j.boundary_free && Geography::on(date) == Geography::TwoLevels;
    if free && standings.contains(&Standing::OtherCommune) {
        Competence::Transfer
    } else {
        Competence::Elsewhere
    }
}

/// The commune a transferred dossier goes to: the first deciding party's, in the province.
pub fn transfer_target(dossier: &Dossier, procedure: &Procedure) -> Option<String> {
    let j = procedure.jurisdiction.as_ref()?;
    j.by.iter()
        .filter_map(|f| dossier.declared(*f).and_then(Value::as_address))
        .map(|a| a.commune.to_string())
        .next()
}

/// Whether `component` belongs in `dossier`: required, or its condition holds.
pub fn needed(
    component: &Component,
    dossier: &Dossier,
    procedure: &Procedure,
    scenario: &Scenario,
) -> bool {
    let area = desk_area(scenario, dossier.submitted_at.date());
    needed_in(component, &dossier.parties, procedure, &area)
}

/// `needed` on parties not yet in a dossier (the generator's view).
pub(crate) fn needed_in(
    component: &Component,
    parties: &Parties,
    procedure: &Procedure,
    area: &Area,
) -> bool {
    if component.required {
        return true;
    }
    let Some(cond) = component.required_if else {
        return false;
    };
    let Some(party) = parties.get(&cond.party) else {
        return false;
    };
    match cond.condition {
        Condition::NonResident => {
            let level = procedure
                .jurisdiction
                .as_ref()
                .map_or(Level::Commune, |j| j.level);
            party
                .values
                .get(&Attr::Address)
                .and_then(Value::as_address)
                .is_some_and(|a| standing(a, area, level) != Standing::Inside)
        }
        Condition::NotCloseRelative => match party.values.get(&Attr::Relation) {
            Some(Value::Text(r)) => !r.is_empty() && !is_close_relative(r),
            _ => false,
        },
        Condition::ConditionalTrade => match party.values.get(&Attr::BusinessLine) {
            Some(Value::Text(line)) => super::business::is_conditional_line(line),
            _ => false,
        },
    }
}

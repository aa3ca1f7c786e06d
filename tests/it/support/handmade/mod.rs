//! Hand-built scenarios for the generator tests (the loader is written elsewhere).
#![allow(dead_code)]

mod business;
mod scenarios;

pub use business::*;
pub use scenarios::*;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::{Dossier, generate};
use motcua_core::scenario::*;

pub fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_time(t(h, mi))
}

pub fn field(party: Party, attr: Attr) -> FieldRef {
    FieldRef { party, attr }
}

pub fn component(
    id: &str,
    name: &str,
    copy: CopyKind,
    required: bool,
    national: bool,
    fields: &[(&str, Party, Attr)],
) -> Component {
    Component {
        id: id.into(),
        name: name.into(),
        copy,
        required,
        required_if: None,
        in_national_db: national,
        fields: fields
            .iter()
            .map(|(label, party, attr)| FieldSpec {
                label: (*label).into(),
                source: field(*party, *attr),
            })
            .collect(),
    }
}

pub fn flaw(
    id: &str,
    kind: FlawKind,
    component: Option<&str>,
    field: Option<FieldRef>,
    response: FlawResponse,
) -> Flaw {
    Flaw {
        id: id.into(),
        kind,
        component: component.map(String::from),
        field,
        response,
        stage: motcua_core::scenario::Stage::Receipt,
        min_age: None,
        reference: "Luật Hộ tịch 2014".into(),
        explain: "Giải thích.".into(),
        explain_en: None,
        weight: 1,
    }
}

pub fn office(province: &str, commune: Option<&str>) -> Office {
    Office {
        name: "Bộ phận Một cửa".into(),
        unit_code: "000.00.12.H12".into(),
        province: province.into(),
        commune: commune.map(String::from),
        district: None,
        after_merger: None,
        hours: vec![
            TimeSpan {
                from: t(7, 30),
                to: t(11, 30),
            },
            TimeSpan {
                from: t(13, 30),
                to: t(17, 0),
            },
        ],
        same_day_cutoff: t(15, 0),
        saturday_morning: false,
    }
}

pub fn meta(id: &str, rules: RuleSet, start: NaiveDateTime, working_days: u32) -> Meta {
    Meta {
        id: id.into(),
        title: "Kịch bản thử".into(),
        title_en: None,
        difficulty: Difficulty::CoBan,
        role: Role::MotCua,
        rules,
        start,
        working_days,
        seed: 20260302,
        pass_score: 70,
        briefing: String::new(),
        briefing_en: None,
        objectives: Vec::new(),
        objectives_en: Vec::new(),
    }
}

pub fn scenario(
    meta: Meta,
    office: Office,
    procedures: Vec<Procedure>,
    plan: DossierPlan,
) -> Scenario {
    Scenario {
        meta,
        office,
        calendar: CalendarExtras::default(),
        costs: Costs::default(),
        procedures,
        dossiers: plan,
        events: Vec::new(),
        scoring: Scoring::default(),
    }
}

pub fn plan(
    count: u32,
    flaw_rate: f64,
    online: f64,
    scripted: Vec<ScriptedDossier>,
) -> DossierPlan {
    DossierPlan {
        count,
        flaw_rate,
        channels: ChannelShares {
            online,
            counter: (1.0 - online) * 0.7,
            post: (1.0 - online) * 0.3,
        },
        result_by_post: 0.15,
        mix: BTreeMap::new(),
        scripted,
    }
}

pub fn procedure(
    code: &str,
    name: &str,
    components: Vec<Component>,
    flaws: Vec<Flaw>,
) -> Procedure {
    Procedure {
        code: code.into(),
        name: name.into(),
        name_en: None,
        agency: "UBND xã".into(),
        service: ServiceLevel::ToanTrinh,
        deadline: Deadline::SameDay,
        fee: 8000,
        fee_online: None,
        fee_per_page: None,
        site_check: None,
        legal_basis: vec!["Luật Hộ tịch 2014, Điều 16".into()],
        result: "Giấy khai sinh".into(),
        jurisdiction: province_wide(&flaws),
        party_labels: BTreeMap::new(),
        party_labels_en: BTreeMap::new(),
        legal_form: None,
        components,
        flaws,
    }
}

/// As format 1 read it: the out-of-jurisdiction flaws' fields decide, in the whole province.
pub fn province_wide(flaws: &[Flaw]) -> Option<Jurisdiction> {
    let by: Vec<FieldRef> = flaws
        .iter()
        .filter(|f| f.kind == FlawKind::OutOfJurisdiction)
        .filter_map(|f| f.field)
        .collect();
    (!by.is_empty()).then_some(Jurisdiction {
        by,
        level: Level::Province,
        boundary_free: false,
    })
}

pub fn all() -> Vec<Scenario> {
    vec![
        birth_2025(),
        marriage_2018(),
        business_2025(),
        unknown_province(),
    ]
}

pub fn run(s: &Scenario, seed: u64) -> Vec<Dossier> {
    generate(s, &WorkCalendar::for_scenario(s), seed)
}

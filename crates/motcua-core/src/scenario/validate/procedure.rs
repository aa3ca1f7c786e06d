//! `[[procedure]]`: identity, service level, deadline, fees, and its components and flaws.

use super::super::diagnostic::DiagCode;
use super::super::model::{
    Deadline, FORMAT_VERSION_1, Flaw, Office, PageFee, Procedure, ServiceLevel,
};
use super::super::raw::{RawDeadline, RawFile, RawPageFee, RawProcedure, S};
use super::super::report::{Report, with_suggestion};
use super::component::{component_info, component_list, components};
use super::flaw::{Components, flaw};
use super::index::Known;
use super::{Min, Seen, all, int_upto, named, non_empty, text};
use crate::limits;

pub(crate) fn procedures(
    r: &mut Report,
    file: &RawFile,
    version: i64,
    office: Option<&Office>,
) -> Option<Vec<Procedure>> {
    if file.procedures.is_empty() {
        // Procedures written wrongly, or under a misspelt name, were reported already.
        if !r.dropped_in(0) {
            let args = vec![("key", "procedure".to_string())];
            r.push(file.procedures_at.unwrap_or(0), DiagCode::EmptyList, args);
        }
        return None;
    }
    let mut seen = Seen::default();
    let mut ok = true;
    let mut out = Vec::new();
    for p in &file.procedures {
        if let Some(code) = &p.get_ref().code {
            ok &= seen.check(r, code.get_ref(), code.span().start);
        }
        out.push(procedure(r, p, version, office));
    }
    all(out).filter(|_| ok)
}

fn procedure(
    r: &mut Report,
    p: &S<RawProcedure>,
    version: i64,
    office: Option<&Office>,
) -> Option<Procedure> {
    let at = p.span().start;
    let raw = p.get_ref();
    let code = text(&raw.code).unwrap_or_default();
    let service = named::<ServiceLevel>(r, "service", &raw.service);
    let deadline = raw.deadline.as_ref().and_then(|d| deadline(r, d));
    let fee = match &raw.fee {
        None => Some(0),
        Some(v) => money(r, "fee", v),
    };
    let fee_online = match &raw.fee_online {
        None => Some(None),
        Some(v) => money(r, "fee_online", v).map(Some),
    };
    let legal_ok = raw
        .legal_basis
        .as_ref()
        .is_some_and(|l| non_empty(r, "legal_basis", l));
    let mut components = components(r, raw, at);
    // A misspelt key in the procedure (E006) may be the component list itself:
    // then an unknown component name proves nothing.
    let known = Known::of(component_list(raw).iter().map(|c| &c.get_ref().id));
    let info = Components {
        known: known.unsure(r.dropped_in(at)),
        info: component_info(raw),
    };
    let flaws = flaws(r, raw, &code, &info);
    let fee_per_page = match &raw.fee_per_page {
        None => Some(None),
        Some(f) => page_fee(r, f.get_ref(), &code, &info.known).map(Some),
    };
    let site_check = match &raw.site_check {
        None => Some(None),
        Some(s) => super::site_check::site_check(r, s).map(Some),
    };
    let written = super::jurisdiction::written(r, raw, &code, office);
    let jurisdiction = match (&written, &flaws) {
        // Format 1 had no table: the out-of-jurisdiction flaws decided, province-wide.
        (Some(None), Some(f)) if version == FORMAT_VERSION_1 => {
            Some(super::jurisdiction::from_flaws(f))
        }
        (w, _) => w.clone(),
    };
    let fits = match &jurisdiction {
        Some(j) => super::jurisdiction::flaws_fit(r, raw, &code, j.as_ref()),
        None => true,
    };
    let conditions = match (&mut components, &jurisdiction) {
        (Some(list), Some(j)) => super::jurisdiction::required_if(r, raw, list, j.as_ref()),
        _ => true,
    };
    let party_labels = super::jurisdiction::labels(r, &raw.party_labels);
    let party_labels_en = super::jurisdiction::labels(r, &raw.party_labels_en);
    let legal_form = super::jurisdiction::legal_form(r, &raw.legal_form);
    if !(legal_ok && fits && conditions) {
        return None;
    }
    Some(Procedure {
        code: text(&raw.code)?.into(),
        name: text(&raw.name)?,
        name_en: text(&raw.name_en),
        agency: text(&raw.agency)?,
        service: service?,
        deadline: deadline?,
        fee: fee?,
        fee_online: fee_online?,
        fee_per_page: fee_per_page?,
        site_check: site_check?,
        legal_basis: strings(raw),
        result: text(&raw.result)?,
        jurisdiction: jurisdiction?,
        party_labels: party_labels?,
        party_labels_en: party_labels_en?,
        legal_form: legal_form?,
        components: components?,
        flaws: flaws?,
    })
}

/// Each flaw checked against the components, ids unique (E009).
fn flaws(r: &mut Report, raw: &RawProcedure, code: &str, info: &Components) -> Option<Vec<Flaw>> {
    let list = raw
        .flaw
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice());
    let mut seen = Seen::default();
    let mut ids_ok = true;
    let mut out = Vec::new();
    for f in list {
        if let Some(id) = &f.get_ref().id {
            ids_ok &= seen.check(r, id.get_ref(), id.span().start);
        }
        out.push(flaw(r, f, code, info));
    }
    all(out).filter(|_| ids_ok)
}

/// `fee_per_page`: a component of the procedure (E010), amounts ≥ 0 (E008).
/// Missing required keys were reported by the structure check (E005).
fn page_fee(r: &mut Report, raw: &RawPageFee, procedure: &str, known: &Known) -> Option<PageFee> {
    let mut ok = true;
    if let Some(c) = &raw.component {
        ok &= component_known(r, c, procedure, known);
    }
    let first_pages = match &raw.first_pages {
        None => Some(0),
        Some(v) => int_upto::<u32>(r, "first_pages", v, Min::Zero, limits::PAGES),
    };
    let rest = raw.rest.as_ref().and_then(|v| money(r, "rest", v));
    let first = match &raw.first {
        None => rest,
        Some(v) => money(r, "first", v),
    };
    let max = match &raw.max {
        None => Some(None),
        Some(v) => money(r, "max", v).map(Some),
    };
    if !ok {
        return None;
    }
    Some(PageFee {
        component: text(&raw.component)?,
        first_pages: first_pages?,
        first: first?,
        rest: rest?,
        max: max?,
    })
}

fn strings(raw: &RawProcedure) -> Vec<String> {
    raw.legal_basis.as_ref().map_or_else(Vec::new, |l| {
        l.get_ref().iter().map(|s| s.get_ref().clone()).collect()
    })
}

/// Exactly one of `same_day = true`, `working_days = N`, `working_hours = H` (E024), N, H > 0 (E021).
pub(crate) fn deadline(r: &mut Report, d: &S<RawDeadline>) -> Option<Deadline> {
    let raw = d.get_ref();
    let table = d.span().start;
    // A way written with a wrong type (E004 already) still counts as written.
    let written = |present: bool, key: &str| present || r.was_dropped(table, key);
    let given = [
        written(raw.same_day.is_some(), "same_day"),
        written(raw.working_days.is_some(), "working_days"),
        written(raw.working_hours.is_some(), "working_hours"),
    ];
    let count = given.iter().filter(|g| **g).count();
    // Nothing left but a misspelt key (E006 already): that is the one mistake.
    if count == 0 && r.dropped_in(table) {
        return None;
    }
    if count != 1 {
        let args = vec![("count", count.to_string())];
        r.push(d.span().start, DiagCode::Deadline, args);
        return None;
    }
    if let Some(same_day) = &raw.same_day {
        if *same_day.get_ref() {
            return Some(Deadline::SameDay);
        }
        let args = vec![
            ("key", "same_day".to_string()),
            ("value", "false".to_string()),
            ("expected", "true".to_string()),
        ];
        r.push(same_day.span().start, DiagCode::InvalidValue, args);
        return None;
    }
    let (key, v, make): (&str, _, fn(u32) -> Deadline) = match &raw.working_days {
        Some(v) => ("working_days", v, Deadline::WorkingDays),
        None => (
            "working_hours",
            raw.working_hours.as_ref()?,
            Deadline::WorkingHours,
        ),
    };
    if *v.get_ref() == 0 {
        let args = vec![("key", key.to_string())];
        r.push(v.span().start, DiagCode::ZeroDeadline, args);
        return None;
    }
    let limit = if key == "working_days" {
        limits::DEADLINE_DAYS
    } else {
        limits::DEADLINE_HOURS
    };
    int_upto::<u32>(r, key, v, Min::One, limit).map(make)
}

/// An amount in đồng: ≥ 0 (E008), at most `limits::MONEY` (E041).
fn money(r: &mut Report, key: &str, v: &S<i64>) -> Option<u64> {
    int_upto::<u64>(r, key, v, Min::Zero, limits::MONEY)
}

/// A component id that names one of the procedure's components; E010 with a
/// "did you mean" otherwise.
pub(crate) fn component_known(
    r: &mut Report,
    c: &S<String>,
    procedure: &str,
    known: &Known,
) -> bool {
    if known.allows(c.get_ref()) {
        return true;
    }
    let args = vec![
        ("id", c.get_ref().clone()),
        ("procedure", procedure.to_string()),
    ];
    let args = with_suggestion(args, c.get_ref(), known.names());
    r.push(c.span().start, DiagCode::UnknownComponent, args);
    false
}

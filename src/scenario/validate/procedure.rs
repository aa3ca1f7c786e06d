//! `[[procedure]]` with its deadline, `[[procedure.component]]` and their fields.

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{
    Attr, Component, CopyKind, Deadline, FieldRef, FieldSpec, Party, Procedure, ServiceLevel,
};
use super::super::raw::{RawComponent, RawDeadline, RawFile, RawProcedure, S};
use super::super::report::{Report, with_suggestion};
use super::super::values::{FieldError, field_ref};
use super::flaw::{ComponentInfo, Components, flaw};
use super::index::Known;
use super::{Min, Seen, all, int, int_or, named, non_empty, text};

pub(crate) fn procedures(r: &mut Report, file: &RawFile) -> Option<Vec<Procedure>> {
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
        out.push(procedure(r, p));
    }
    all(out).filter(|_| ok)
}

fn procedure(r: &mut Report, p: &S<RawProcedure>) -> Option<Procedure> {
    let at = p.span().start;
    let raw = p.get_ref();
    let code = text(&raw.code).unwrap_or_default();
    let service = named::<ServiceLevel>(r, "service", &raw.service);
    let deadline = raw.deadline.as_ref().and_then(|d| deadline(r, d));
    let fee = int_or::<u64>(r, "fee", &raw.fee, Min::Zero, 0);
    let fee_online = match &raw.fee_online {
        None => Some(None),
        Some(v) => int::<u64>(r, "fee_online", v, Min::Zero).map(Some),
    };
    let legal_ok = raw
        .legal_basis
        .as_ref()
        .is_some_and(|l| non_empty(r, "legal_basis", l));
    let components = components(r, raw, at);
    // A misspelt key in the procedure (E006) may be the component list itself:
    // then an unknown component name proves nothing.
    let known = Known::of(component_list(raw).iter().map(|c| &c.get_ref().id));
    let info = Components {
        known: known.unsure(r.dropped_in(at)),
        info: component_info(raw),
    };
    let mut seen = Seen::default();
    let mut flaws = Vec::new();
    let mut ids_ok = true;
    for f in raw
        .flaw
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice())
    {
        if let Some(id) = &f.get_ref().id {
            ids_ok &= seen.check(r, id.get_ref(), id.span().start);
        }
        flaws.push(flaw(r, f, &code, &info));
    }
    let flaws = all(flaws).filter(|_| ids_ok);
    if !legal_ok {
        return None;
    }
    Some(Procedure {
        code: text(&raw.code)?,
        name: text(&raw.name)?,
        name_en: text(&raw.name_en),
        agency: text(&raw.agency)?,
        service: service?,
        deadline: deadline?,
        fee: fee?,
        fee_online: fee_online?,
        legal_basis: strings(raw),
        result: text(&raw.result)?,
        components: components?,
        flaws: flaws?,
    })
}

fn strings(raw: &RawProcedure) -> Vec<String> {
    raw.legal_basis.as_ref().map_or_else(Vec::new, |l| {
        l.get_ref().iter().map(|s| s.get_ref().clone()).collect()
    })
}

/// Exactly one of `same_day = true`, `working_days = N`, `working_hours = H` (E024), N, H > 0 (E021).
fn deadline(r: &mut Report, d: &S<RawDeadline>) -> Option<Deadline> {
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
    int::<u32>(r, key, v, Min::One).map(make)
}

fn component_list(raw: &RawProcedure) -> &[S<RawComponent>] {
    raw.component
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice())
}

/// At least one component (E028), ids unique (E009).
fn components(r: &mut Report, raw: &RawProcedure, at: usize) -> Option<Vec<Component>> {
    // Written wrongly or perhaps under a misspelt name: reported already.
    let empty = raw
        .component
        .as_ref()
        .is_none_or(|l| l.get_ref().is_empty());
    if empty && r.dropped_in(at) {
        return None;
    }
    let Some(list) = &raw.component else {
        let args = vec![("key", "component".to_string())];
        r.push(at, DiagCode::EmptyList, args);
        return None;
    };
    if !non_empty(r, "component", list) {
        return None;
    }
    let mut seen = Seen::default();
    let mut ok = true;
    let mut out = Vec::new();
    for c in list.get_ref() {
        if let Some(id) = &c.get_ref().id {
            ok &= seen.check(r, id.get_ref(), id.span().start);
        }
        out.push(component(r, c.get_ref()));
    }
    all(out).filter(|_| ok)
}

fn component(r: &mut Report, raw: &RawComponent) -> Option<Component> {
    let copy = match &raw.copy {
        None => Some(CopyKind::BanChinh),
        some => named::<CopyKind>(r, "copy", some),
    };
    let mut fields = Vec::new();
    let mut ok = true;
    for (label, source) in fields_in_order(raw) {
        match field(r, source) {
            Some(source) => fields.push(FieldSpec {
                label: label.get_ref().clone(),
                source,
            }),
            None => ok = false,
        }
    }
    ok.then_some(())?;
    Some(Component {
        id: text(&raw.id)?,
        name: text(&raw.name)?,
        copy: copy?,
        required: raw.required.as_ref().is_none_or(|b| *b.get_ref()),
        in_national_db: raw.in_national_db.as_ref().is_some_and(|b| *b.get_ref()),
        fields,
    })
}

/// Label → reference pairs in the order the author wrote them.
fn fields_in_order(raw: &RawComponent) -> Vec<(&S<String>, &S<String>)> {
    let mut pairs: Vec<_> = raw
        .fields
        .as_ref()
        .map(|t| t.get_ref().iter().collect())
        .unwrap_or_default();
    pairs.sort_by_key(|(label, _)| label.span().start);
    pairs
}

/// What later checks need to know about each named component, without reporting.
fn component_info(raw: &RawProcedure) -> BTreeMap<String, ComponentInfo> {
    let mut info = BTreeMap::new();
    for c in component_list(raw) {
        let c = c.get_ref();
        let Some(id) = &c.id else { continue };
        let refs: Option<Vec<FieldRef>> = fields_in_order(c)
            .into_iter()
            .map(|(_, s)| field_ref(s.get_ref()).ok())
            .collect();
        let fields_known = c.fields.is_some() && refs.is_some();
        info.insert(
            id.get_ref().clone(),
            ComponentInfo {
                in_national_db: c.in_national_db.as_ref().is_some_and(|b| *b.get_ref()),
                fields: refs.filter(|_| fields_known),
            },
        );
    }
    info
}

/// A `party.attribute` reference: E015 unknown party, E016 unknown attribute,
/// E025 an attribute that party cannot have.
pub(crate) fn field(r: &mut Report, v: &S<String>) -> Option<FieldRef> {
    let text = v.get_ref();
    let at = v.span().start;
    let err = match field_ref(text) {
        Ok(f) => return Some(f),
        Err(e) => e,
    };
    match err {
        FieldError::Party(party) => {
            let args = vec![("field", text.clone()), ("party", party.clone())];
            let args = with_suggestion(args, &party, Party::keys());
            r.push(at, DiagCode::UnknownParty, args);
        }
        FieldError::Attr(attr) => {
            let args = vec![("field", text.clone()), ("attr", attr.clone())];
            let args = with_suggestion(args, &attr, Attr::keys());
            r.push(at, DiagCode::UnknownAttribute, args);
        }
        FieldError::NotOfParty => {
            let (party, attr) = text.split_once('.').unwrap_or((text, ""));
            let args = vec![("party", party.to_string()), ("attr", attr.to_string())];
            r.push(at, DiagCode::AttributeNotOfParty, args);
        }
    }
    None
}

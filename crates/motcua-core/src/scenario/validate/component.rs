//! `[[procedure.component]]` and the `party.attribute` fields it shows.

use std::collections::BTreeMap;

use super::super::diagnostic::DiagCode;
use super::super::model::{Attr, Component, CopyKind, FieldRef, FieldSpec, Party};
use super::super::raw::{RawComponent, RawProcedure, S};
use super::super::report::{Report, with_suggestion};
use super::super::values::{FieldError, field_ref};
use super::flaw::ComponentInfo;
use super::{Seen, all, named, non_empty, text};

pub(crate) fn component_list(raw: &RawProcedure) -> &[S<RawComponent>] {
    raw.component
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice())
}

/// At least one component (E028), ids unique (E009).
pub(crate) fn components(r: &mut Report, raw: &RawProcedure, at: usize) -> Option<Vec<Component>> {
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
                label: label.get_ref().as_str().into(),
                source,
            }),
            None => ok = false,
        }
    }
    ok.then_some(())?;
    Some(Component {
        id: text(&raw.id)?.into(),
        name: text(&raw.name)?,
        copy: copy?,
        // A conditional component is required only when its condition holds.
        required: raw
            .required
            .as_ref()
            .map_or(raw.required_if.is_none(), |b| *b.get_ref()),
        required_if: None,
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
pub(crate) fn component_info(raw: &RawProcedure) -> BTreeMap<String, ComponentInfo> {
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

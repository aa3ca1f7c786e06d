//! `[[event]]`: scripted happenings, each with the keys its kind needs.

use super::super::diagnostic::DiagCode;
use super::super::model::{EventKind, RuleSet, ScriptedEvent};
use super::super::raw::{RawEvent, S};
use super::super::report::{Report, with_suggestion};
use super::dossiers::{Frame, in_office_hours, moment};
use super::{Min, all, at, int_upto, named, text};
use crate::limits;

pub(crate) fn events(
    r: &mut Report,
    list: &[S<RawEvent>],
    frame: &Frame,
) -> Option<Vec<ScriptedEvent>> {
    all(list.iter().map(|e| event(r, e, frame)).collect())
}

/// Which optional keys a kind needs, and which it takes at all.
fn keys_of(kind: EventKind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        EventKind::Outage => (&["minutes"], &["minutes"]),
        EventKind::SupplementArrives | EventKind::Withdraw => (&["dossier"], &["dossier"]),
        EventKind::RuleChange => (&["rules"], &["rules"]),
        EventKind::CitizenCall => (&[], &["dossier"]),
    }
}

fn event(r: &mut Report, e: &S<RawEvent>, frame: &Frame) -> Option<ScriptedEvent> {
    let raw = e.get_ref();
    let kind_at = at(&raw.kind, e.span().start);
    let kind = named::<EventKind>(r, "kind", &raw.kind);
    let mut when = moment(r, &raw.at, frame);
    if let (Some(t), Some(EventKind::CitizenCall)) = (when, kind) {
        // Citizens call while the office answers the phone.
        when = in_office_hours(r, &raw.at, t, frame);
    }
    let mut ok = kind.is_none_or(|k| kind_keys(r, raw, k, (e.span().start, kind_at)));
    let minutes = match &raw.minutes {
        None => Some(None),
        Some(v) => int_upto::<u32>(r, "minutes", v, Min::One, limits::MINUTES).map(Some),
    };
    let rules = match &raw.rules {
        None => Some(None),
        some => named::<RuleSet>(r, "rules", some).map(Some),
    };
    if let Some(d) = &raw.dossier {
        ok &= dossier_ref(r, d, when, frame);
    }
    ok.then_some(())?;
    Some(ScriptedEvent {
        at: when?,
        kind: kind?,
        minutes: minutes?,
        dossier: text(&raw.dossier),
        rules: rules?,
        message: text(&raw.message),
        message_en: text(&raw.message_en),
    })
}

/// Keys the kind needs (E031) and keys it would ignore (E035).
/// `at` is `(event table, kind value)`.
fn kind_keys(r: &mut Report, raw: &RawEvent, kind: EventKind, at: (usize, usize)) -> bool {
    let (table, kind_at) = at;
    let present = [
        ("minutes", raw.minutes.as_ref().map(|v| v.span().start)),
        ("dossier", raw.dossier.as_ref().map(|v| v.span().start)),
        ("rules", raw.rules.as_ref().map(|v| v.span().start)),
    ];
    let (needed, allowed) = keys_of(kind);
    let mut ok = true;
    for (key, offset) in present {
        let args = vec![("key", key.to_string()), ("kind", kind.key().to_string())];
        match offset {
            None if needed.contains(&key) => {
                // Written with a wrong type: already reported (E004).
                if !r.was_dropped(table, key) {
                    r.push(kind_at, DiagCode::KindNeedsKey, args);
                }
                ok = false;
            }
            Some(offset) if !allowed.contains(&key) => {
                r.push(offset, DiagCode::KeyNotForKind, args);
                ok = false;
            }
            _ => {}
        }
    }
    ok
}

/// A scripted dossier that exists (E027) and has arrived by then (E040).
fn dossier_ref(
    r: &mut Report,
    d: &S<String>,
    when: Option<super::super::model::DayTime>,
    frame: &Frame,
) -> bool {
    let index = frame.index;
    if !index.dossiers.allows(d.get_ref()) {
        let args = vec![("id", d.get_ref().clone())];
        let args = with_suggestion(args, d.get_ref(), index.dossiers.names());
        r.push(d.span().start, DiagCode::UnknownDossier, args);
        return false;
    }
    match (when, index.dossier_at.get(d.get_ref())) {
        (Some(event), Some(arrives)) if event < *arrives => {
            let fmt = |t: &super::super::model::DayTime| {
                format!("day{} {}", t.day, t.time.format("%H:%M"))
            };
            let args = vec![
                ("dossier", d.get_ref().clone()),
                ("at", fmt(&event)),
                ("dossier_at", fmt(arrives)),
            ];
            r.push(d.span().start, DiagCode::EventBeforeDossier, args);
            false
        }
        _ => true,
    }
}

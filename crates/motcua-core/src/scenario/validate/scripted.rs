//! `[[dossiers.scripted]]`: dossiers at set moments, each checked against the
//! procedures, the flaws, the period and the office hours.

use super::super::diagnostic::DiagCode;
use super::super::model::{Channel, DossierPlan, Procedure, ResultChannel, ScriptedDossier};
use super::super::raw::{RawDossiers, RawScripted, S};
use super::super::report::{Report, with_suggestion};
use super::dossiers::{Frame, in_office_hours, moment, unknown_procedure};
use super::index::Index;
use super::{Min, Seen, all, int_upto, named, text};
use crate::limits;

pub(crate) fn scripted(
    r: &mut Report,
    raw: &RawDossiers,
    frame: &Frame,
) -> Option<Vec<ScriptedDossier>> {
    let list = raw
        .scripted
        .as_ref()
        .map_or(&[][..], |l| l.get_ref().as_slice());
    let mut seen = Seen::default();
    let mut ok = true;
    let mut out = Vec::new();
    for d in list {
        if let Some(id) = &d.get_ref().id {
            ok &= seen.check(r, id.get_ref(), id.span().start);
        }
        out.push(one_scripted(r, d.get_ref(), frame));
    }
    all(out).filter(|_| ok)
}

fn one_scripted(r: &mut Report, raw: &RawScripted, frame: &Frame) -> Option<ScriptedDossier> {
    let channel = match &raw.channel {
        None => Some(Channel::Online),
        some => named::<Channel>(r, "channel", some),
    };
    let result_channel = match &raw.result_channel {
        None => Some(None),
        some => named::<ResultChannel>(r, "result_channel", some).map(Some),
    };
    let at = moment(r, &raw.at, frame);
    // Online filings arrive at any hour; the desk and the post office keep office hours.
    let at = match (at, channel) {
        (Some(t), Some(Channel::Counter | Channel::Post)) => in_office_hours(r, &raw.at, t, frame),
        (t, _) => t,
    };
    let mut ok = true;
    let other_commune = raw.other_commune.as_ref().is_some_and(|b| *b.get_ref());
    if let (true, Some(code), Some(flag)) = (other_commune, &raw.procedure, &raw.other_commune) {
        // A dossier from another commune is transferred only where the boundary does not count.
        if frame.index.procedures.allows(code.get_ref())
            && !frame.index.boundary_free.contains(code.get_ref())
        {
            let args = vec![
                ("procedure", code.get_ref().clone()),
                (
                    "reason",
                    "@diag.reason.other_commune_needs_boundary_free".to_string(),
                ),
            ];
            r.push(flag.span().start, DiagCode::Jurisdiction, args);
            ok = false;
        }
    }
    if let Some(code) = &raw.procedure {
        if !frame.index.procedures.allows(code.get_ref()) {
            unknown_procedure(r, code, frame.index);
            ok = false;
        } else if let Some(flaws) = &raw.flaws {
            ok &= flaws_of(r, code.get_ref(), flaws.get_ref(), frame.index);
        }
    }
    // A dossier's own time limit reads as a procedure's; its verification takes whole
    // working days, as a site check does.
    let deadline = match &raw.deadline {
        None => Some(None),
        Some(d) => super::procedure::deadline(r, d).map(Some),
    };
    let verification_days = match &raw.verification_days {
        None => Some(None),
        Some(v) => {
            int_upto::<u32>(r, "verification_days", v, Min::One, limits::DEADLINE_DAYS).map(Some)
        }
    };
    ok.then_some(())?;
    let flaws = raw.flaws.as_ref().map_or_else(Vec::new, |l| {
        l.get_ref().iter().map(|f| f.get_ref().clone()).collect()
    });
    Some(ScriptedDossier {
        id: text(&raw.id),
        at: at?,
        procedure: text(&raw.procedure)?,
        channel: channel?,
        flaws,
        other_commune,
        result_channel: result_channel?,
        deadline: deadline?,
        verification_days: verification_days?,
    })
}

/// Flaws the procedure defines (E011), each once (E009).
fn flaws_of(r: &mut Report, code: &str, flaws: &[S<String>], index: &Index) -> bool {
    let Some(known) = index.flaws.get(code) else {
        return true;
    };
    let mut seen = Seen::default();
    let mut ok = true;
    for f in flaws {
        if !known.allows(f.get_ref()) {
            let args = vec![("id", f.get_ref().clone()), ("procedure", code.to_string())];
            let args = with_suggestion(args, f.get_ref(), known.names());
            r.push(f.span().start, DiagCode::UnknownFlaw, args);
            ok = false;
        }
        ok &= seen.check(r, f.get_ref(), f.span().start);
    }
    ok
}

/// A scripted `result_channel` must be open to the dossier: its filing channel and
/// its procedure's service level decide (`ResultChannel::open_to`); E008 otherwise.
pub(crate) fn result_channels(
    r: &mut Report,
    raw: Option<&S<RawDossiers>>,
    plan: &DossierPlan,
    procedures: &[Procedure],
) -> Option<()> {
    let list = raw
        .and_then(|d| d.get_ref().scripted.as_ref())
        .map_or(&[][..], |l| l.get_ref().as_slice());
    let mut ok = true;
    for (written, d) in list.iter().zip(&plan.scripted) {
        let (Some(chosen), Some(p)) = (
            d.result_channel,
            procedures.iter().find(|p| *p.code == *d.procedure),
        ) else {
            continue;
        };
        let open = ResultChannel::open_to(p.service, d.channel);
        if open.contains(&chosen) {
            continue;
        }
        let expected: Vec<&str> = open.iter().map(|c| c.key()).collect();
        let at = written
            .get_ref()
            .result_channel
            .as_ref()
            .map_or(written.span().start, |v| v.span().start);
        let args = vec![
            ("key", "result_channel".to_string()),
            ("value", chosen.key().to_string()),
            ("expected", expected.join(" | ")),
        ];
        r.push(at, DiagCode::InvalidValue, args);
        ok = false;
    }
    ok.then_some(())
}

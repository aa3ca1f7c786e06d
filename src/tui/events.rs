//! What an event means to the person at the desk, as a line in the messages panel
//! (the model turns new events into notes; the notes view only draws them).

use crate::present::labels;
use motcua_core::scenario::Scenario;
use motcua_core::session::{Actor, Event, Happened};
use motcua_i18n::Lang;
use motcua_i18n::t;

use super::app::Tone;

/// A note for the events worth telling; `None` for the trainee's own routine steps.
pub fn describe(lang: Lang, s: &Scenario, e: &Event) -> Option<(Tone, String)> {
    use Happened::*;
    let l = lang;
    Some(match &e.what {
        Arrived {
            dossier,
            procedure,
            channel,
            ..
        } => {
            let name = s
                .procedure(procedure)
                .map_or_else(|| procedure.clone(), |p| labels::procedure_name(l, p));
            let channel = t!(l, &format!("tui.channel.{}", channel.key()));
            (
                Tone::Info,
                t!(
                    l,
                    "tui.event.arrived",
                    dossier = dossier,
                    procedure = name,
                    channel = channel
                ),
            )
        }
        Accepted { dossier, due, .. } => (
            Tone::Good,
            t!(
                l,
                "tui.event.accepted",
                dossier = dossier,
                due = labels::moment(*due)
            ),
        ),
        SupplementRequested { dossier, .. } => (
            Tone::Info,
            t!(l, "tui.event.supplement_requested", dossier = dossier),
        ),
        SupplementReceived { dossier, .. } => (
            Tone::Warn,
            t!(l, "tui.event.supplement_received", dossier = dossier),
        ),
        Refused { dossier, .. } => (Tone::Info, t!(l, "tui.event.refused", dossier = dossier)),
        Forwarded { dossier, .. } if e.actor == Actor::Trainee => {
            (Tone::Info, t!(l, "tui.event.forwarded", dossier = dossier))
        }
        Transferred { dossier, to, .. } => (
            Tone::Info,
            t!(l, "tui.event.transferred", dossier = dossier, commune = to),
        ),
        Examined { dossier, findings } if findings.is_empty() => (
            Tone::Info,
            t!(l, "tui.event.examined_ok", dossier = dossier),
        ),
        Examined { dossier, findings } => {
            let text: Vec<String> = findings
                .iter()
                .map(|f| {
                    let procedure = s
                        .procedures
                        .iter()
                        .find(|p| p.flaw(f).is_some())
                        .map(|p| p.code.clone())
                        .unwrap_or_default();
                    labels::flaw_explain(l, s, &procedure, f).unwrap_or_else(|| f.clone())
                })
                .collect();
            (
                Tone::Warn,
                t!(
                    l,
                    "tui.event.examined_found",
                    dossier = dossier,
                    findings = text.join(" ")
                ),
            )
        }
        DelayNotice {
            dossier,
            expected,
            due,
            unavoidable,
        } => {
            // An unavoidable delay says why: the verification itself runs past the limit.
            let key = if *unavoidable {
                "tui.event.delay_verification"
            } else {
                "tui.event.delay"
            };
            let text = t!(
                l,
                key,
                dossier = dossier,
                expected = labels::moment(*expected),
                due = labels::moment(*due)
            );
            (Tone::Warn, text)
        }
        Processed { dossier } => (Tone::Good, t!(l, "tui.event.processed", dossier = dossier)),
        Paid {
            dossier,
            online: true,
        } => (
            Tone::Good,
            t!(l, "tui.event.paid_online", dossier = dossier),
        ),
        Returned { dossier, .. } => (Tone::Good, t!(l, "tui.event.returned", dossier = dossier)),
        Stopped { dossier, .. } => (Tone::Info, t!(l, "tui.event.stopped", dossier = dossier)),
        Withdrawn { dossier } => (Tone::Warn, t!(l, "tui.event.withdrawn", dossier = dossier)),
        Scripted {
            message,
            message_en,
            kind,
            ignored,
            ..
        } => {
            let text = match (l, message_en, message) {
                (Lang::En, Some(en), _) => en.to_string(),
                (_, _, Some(vi)) => vi.to_string(),
                _ => t!(l, &format!("tui.event.scripted.{}", kind.key())),
            };
            if *ignored {
                // Only a message: say so, so the trainee does not look for new papers.
                let note = t!(l, &format!("tui.event.scripted_ignored.{}", kind.key()));
                (Tone::Info, format!("{text} {note}"))
            } else {
                (Tone::Warn, text)
            }
        }
        OutageEnded => (Tone::Good, t!(l, "tui.event.outage_ended")),
        RulesChanged { rules } => {
            let rules = match rules {
                motcua_core::scenario::RuleSet::R2018 => "2018",
                motcua_core::scenario::RuleSet::R2025 => "2025",
            };
            (Tone::Warn, t!(l, "tui.event.rules_changed", rules = rules))
        }
        DayEnded => (Tone::Info, t!(l, "tui.event.day_ended")),
        PeriodEnded { .. } => (Tone::Info, t!(l, "tui.event.period_ended")),
        _ => return None,
    })
}

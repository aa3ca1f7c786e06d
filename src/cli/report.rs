//! The stable JSON of `solve --json` and `replay --json`:
//! `{"scenario", "seed", "actions", "final", "training", "panel_766", "dossiers",
//!   "mistakes", "still_to_come", "as_of", "period_end"}` (docs/engine.md lists every
//! field). A log that stops before the period's end, not scored as it stands, gets
//! only `{"scenario", "seed", "actions", "final": false, "as_of", "period_end"}`.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::CliError;
use crate::present::references;
use motcua_core::score::{Debrief, DossierResult, Mistake, Panel766, TrainingScore};
use motcua_i18n::Lang;

/// The debrief's fields in their documented order, each mistake with its reference
/// in words: the core keeps codes, the JSON keeps the Vietnamese citation.
#[derive(Serialize)]
struct Report<'a> {
    scenario: &'a str,
    seed: u64,
    actions: usize,
    #[serde(rename = "final")]
    is_final: bool,
    training: &'a TrainingScore,
    panel_766: &'a Panel766,
    dossiers: &'a [DossierResult],
    mistakes: Vec<MistakeJson<'a>>,
    still_to_come: usize,
    as_of: NaiveDateTime,
    period_end: NaiveDateTime,
}

#[derive(Serialize)]
struct MistakeJson<'a> {
    #[serde(flatten)]
    mistake: &'a Mistake,
    reference: String,
}

/// The report on stdout, written as it is serialised: the JSON of a large period
/// (about 870 bytes a dossier) is never held whole in memory.
pub fn print(scenario: &str, seed: u64, actions: usize, debrief: &Debrief) -> Result<(), CliError> {
    let report = Report {
        scenario,
        seed,
        actions,
        is_final: debrief.is_final,
        training: &debrief.training,
        panel_766: &debrief.panel_766,
        dossiers: &debrief.dossiers,
        mistakes: debrief
            .mistakes
            .iter()
            .map(|mistake| MistakeJson {
                mistake,
                reference: references::text(Lang::Vi, &mistake.reference),
            })
            .collect(),
        still_to_come: debrief.still_to_come,
        as_of: debrief.as_of,
        period_end: debrief.period_end,
    };
    super::output::json(&report)
}

#[derive(Serialize)]
struct NotFinal<'a> {
    scenario: &'a str,
    seed: u64,
    actions: usize,
    #[serde(rename = "final")]
    is_final: bool,
    as_of: NaiveDateTime,
    period_end: NaiveDateTime,
}

/// No score: the log stops before the period's end.
pub fn not_final_json(scenario: &str, seed: u64, actions: usize, debrief: &Debrief) -> String {
    let report = NotFinal {
        scenario,
        seed,
        actions,
        is_final: false,
        as_of: debrief.as_of,
        period_end: debrief.period_end,
    };
    motcua_store::sanitize::json::pretty(&report)
}

//! The one adapter between a scored attempt and everything the learning records, the
//! bundles' checks and the class view need from it. Everything workshop-side reads a
//! score through [`AttemptResult`]; a change of the score's shape changes this file only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use motcua_core::scenario::Scenario;
use motcua_core::score::{self, Debrief};
use motcua_core::session::{Action, Rejection, Session};

/// A mistake code with the dossiers it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MistakeLine {
    pub code: String,
    pub dossiers: Vec<String>,
}

/// What a scored attempt says, for a learning record and the class view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptResult {
    /// 0..100, one decimal.
    pub training_score: f64,
    /// At or above `pass_score`.
    pub passed: bool,
    pub pass_score: u32,
    /// The score's grade, as a key (`xuat-sac`, `tot`, `kha`, `trung-binh`, `yeu`).
    pub grade: String,
    /// The QĐ 766 panel, as the debrief's JSON has it.
    pub panel: Value,
    /// One line per mistake code, codes in order.
    pub mistakes: Vec<MistakeLine>,
    /// Planted flaws a mistake let through or left out: flaw id → dossiers.
    pub flaws: BTreeMap<String, Vec<String>>,
    /// The period was played to its end: the score is final.
    pub finished: bool,
}

impl AttemptResult {
    /// From the debrief of an attempt: final once its period is over, else as it stands.
    pub fn of(debrief: &Debrief) -> AttemptResult {
        let mut mistakes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut flaws: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for m in &debrief.mistakes {
            push_once(
                mistakes.entry(m.code.key().to_string()).or_default(),
                &m.dossier,
            );
            for f in &m.flaws {
                push_once(flaws.entry(f.clone()).or_default(), &m.dossier);
            }
        }
        AttemptResult {
            training_score: debrief.total(),
            passed: debrief.passed(),
            pass_score: debrief.training.pass_score,
            grade: debrief.grade().key().to_string(),
            panel: serde_json::to_value(&debrief.panel_766).unwrap_or(Value::Null),
            mistakes: mistakes
                .into_iter()
                .map(|(code, dossiers)| MistakeLine { code, dossiers })
                .collect(),
            flaws,
            finished: debrief.is_final,
        }
    }

    /// The session's attempt scored: final once its period is over, else as it stands.
    pub fn of_session(session: &Session) -> AttemptResult {
        let debrief = score::score(session);
        AttemptResult::of(&debrief)
    }

    /// Replay `actions` on `scenario` with `seed` and score the result: the re-scoring
    /// every class count rests on. `Err`: the action at `seq` (1-based) is not allowed.
    pub fn replay(
        scenario: &Scenario,
        seed: u64,
        actions: &[Action],
    ) -> Result<AttemptResult, (u64, &'static str, Rejection)> {
        let mut session = Session::new(scenario, seed);
        for (i, a) in actions.iter().enumerate() {
            if let Err(r) = session.apply(a.clone()) {
                return Err((i as u64 + 1, a.name(), r));
            }
        }
        Ok(AttemptResult::of_session(&session))
    }

    /// How many times each mistake code was made... counted per dossier.
    pub fn mistake_codes(&self) -> impl Iterator<Item = &str> {
        self.mistakes.iter().map(|m| m.code.as_str())
    }
}

fn push_once(list: &mut Vec<String>, dossier: &str) {
    if !list.iter().any(|d| d == dossier) {
        list.push(dossier.to_string());
    }
}

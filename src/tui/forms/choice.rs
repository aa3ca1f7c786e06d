//! Pick one option: a refusal or stop reason, an appraisal decision, a result channel.

use motcua_core::scenario::FlawKind;
use motcua_core::session::policy::NOT_SUPPLEMENTED;
use motcua_core::session::{Action, Decision, ResultChannel};

use super::super::msg::Msg;
use super::Outcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceKind {
    /// Form 03.
    Refuse,
    /// Form 05.
    Stop,
    /// Approve, or reject with a reason.
    Appraise,
    /// Where the result goes.
    Return,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub kind: ChoiceKind,
    pub dossier: String,
    /// Option keys: reason keys, `approve`, or channel keys.
    pub options: Vec<String>,
    pub cursor: usize,
}

/// Grounds the officer can name: every flaw kind, or an unmended supplement.
pub fn reasons() -> Vec<String> {
    FlawKind::ALL
        .iter()
        .map(|k| k.key().to_string())
        .chain([NOT_SUPPLEMENTED.to_string()])
        .collect()
}

impl Choice {
    pub fn new(kind: ChoiceKind, dossier: &str) -> Choice {
        let options = match kind {
            ChoiceKind::Refuse | ChoiceKind::Stop => reasons(),
            ChoiceKind::Appraise => std::iter::once("approve".to_string())
                .chain(reasons())
                .collect(),
            ChoiceKind::Return => ["online", "post", "counter"].map(String::from).to_vec(),
        };
        Choice {
            kind,
            dossier: dossier.to_string(),
            options,
            cursor: 0,
        }
    }

    pub fn update(&mut self, msg: &Msg) -> Outcome {
        let n = self.options.len().max(1);
        match msg {
            Msg::Up => self.cursor = (self.cursor + n - 1) % n,
            Msg::Down => self.cursor = (self.cursor + 1) % n,
            Msg::Back => return Outcome::Cancel,
            Msg::Enter => return self.submit(),
            _ => {}
        }
        Outcome::Stay
    }

    fn submit(&self) -> Outcome {
        let Some(pick) = self.options.get(self.cursor).cloned() else {
            return Outcome::Cancel;
        };
        let dossier = self.dossier.clone();
        Outcome::Submit(match self.kind {
            ChoiceKind::Refuse => Action::Refuse {
                dossier,
                reason: pick,
            },
            ChoiceKind::Stop => Action::Stop {
                dossier,
                reason: pick,
            },
            ChoiceKind::Appraise if pick == "approve" => Action::Appraise {
                dossier,
                decision: Decision::Approve,
                reason: None,
            },
            ChoiceKind::Appraise => Action::Appraise {
                dossier,
                decision: Decision::Reject,
                reason: Some(pick),
            },
            ChoiceKind::Return => {
                let channel = match pick.as_str() {
                    "post" => ResultChannel::Post,
                    "counter" => ResultChannel::Counter,
                    _ => ResultChannel::Online,
                };
                Action::ReturnResult { dossier, channel }
            }
        })
    }
}

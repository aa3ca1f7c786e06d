//! The action log (docs/engine.md §1): JSON Lines, one action per line, the whole truth of an attempt.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use crate::scenario::{ActionKind, ResultChannel};
use crate::scenario::{FieldRef, FlawKind};

/// The specialist's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Approve,
    Reject,
}

/// One thing a supplement request asks for: a component and what is wrong with it.
/// Age and jurisdiction problems name no component.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Item {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    pub problem: FlawKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaitUntil {
    NextEvent,
}

/// Everything a trainee can do. Dossiers are named by their code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    Open {
        dossier: String,
    },
    Inspect {
        dossier: String,
        component: String,
    },
    Accept {
        dossier: String,
    },
    RequestSupplement {
        dossier: String,
        items: Vec<Item>,
    },
    /// `reason`: a flaw kind (`underage`, ...) or `not-supplemented`.
    Refuse {
        dossier: String,
        reason: String,
    },
    Digitize {
        dossier: String,
        component: String,
    },
    Reuse {
        dossier: String,
        component: String,
    },
    Forward {
        dossier: String,
    },
    /// Send an accepted dossier of a boundary-free procedure to the competent commune
    /// of the province (NĐ 118/2025/NĐ-CP): the desk does not decide it.
    Transfer {
        dossier: String,
    },
    Appraise {
        dossier: String,
        decision: Decision,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Sign {
        dossier: String,
    },
    RequestFee {
        dossier: String,
    },
    ConfirmPayment {
        dossier: String,
    },
    ReturnResult {
        dossier: String,
        channel: ResultChannel,
    },
    Apologize {
        dossier: String,
        new_date: NaiveDate,
    },
    Stop {
        dossier: String,
        reason: String,
    },
    Wait {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<WaitUntil>,
    },
    EndDay,
}

impl Action {
    /// What the action does, without its arguments (its name, its cost).
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Open { .. } => ActionKind::Open,
            Action::Inspect { .. } => ActionKind::Inspect,
            Action::Accept { .. } => ActionKind::Accept,
            Action::RequestSupplement { .. } => ActionKind::RequestSupplement,
            Action::Refuse { .. } => ActionKind::Refuse,
            Action::Digitize { .. } => ActionKind::Digitize,
            Action::Reuse { .. } => ActionKind::Reuse,
            Action::Forward { .. } => ActionKind::Forward,
            Action::Transfer { .. } => ActionKind::Transfer,
            Action::Appraise { .. } => ActionKind::Appraise,
            Action::Sign { .. } => ActionKind::Sign,
            Action::RequestFee { .. } => ActionKind::RequestFee,
            Action::ConfirmPayment { .. } => ActionKind::ConfirmPayment,
            Action::ReturnResult { .. } => ActionKind::ReturnResult,
            Action::Apologize { .. } => ActionKind::Apologize,
            Action::Stop { .. } => ActionKind::Stop,
            Action::Wait { .. } => ActionKind::Wait,
            Action::EndDay => ActionKind::EndDay,
        }
    }

    /// The action's name in the log and in `[costs]`.
    pub fn name(&self) -> &'static str {
        self.kind().key()
    }

    /// The dossier the action is about, if any.
    pub fn dossier(&self) -> Option<&str> {
        match self {
            Action::Open { dossier }
            | Action::Inspect { dossier, .. }
            | Action::Accept { dossier }
            | Action::RequestSupplement { dossier, .. }
            | Action::Refuse { dossier, .. }
            | Action::Digitize { dossier, .. }
            | Action::Reuse { dossier, .. }
            | Action::Forward { dossier }
            | Action::Transfer { dossier }
            | Action::Appraise { dossier, .. }
            | Action::Sign { dossier }
            | Action::RequestFee { dossier }
            | Action::ConfirmPayment { dossier }
            | Action::ReturnResult { dossier, .. }
            | Action::Apologize { dossier, .. }
            | Action::Stop { dossier, .. } => Some(dossier),
            Action::Wait { .. } | Action::EndDay => None,
        }
    }

    /// The dossier field, to fill in (the solver names only the step it takes).
    pub(crate) fn dossier_mut(&mut self) -> Option<&mut String> {
        match self {
            Action::Open { dossier }
            | Action::Inspect { dossier, .. }
            | Action::Accept { dossier }
            | Action::RequestSupplement { dossier, .. }
            | Action::Refuse { dossier, .. }
            | Action::Digitize { dossier, .. }
            | Action::Reuse { dossier, .. }
            | Action::Forward { dossier }
            | Action::Transfer { dossier }
            | Action::Appraise { dossier, .. }
            | Action::Sign { dossier }
            | Action::RequestFee { dossier }
            | Action::ConfirmPayment { dossier }
            | Action::ReturnResult { dossier, .. }
            | Action::Apologize { dossier, .. }
            | Action::Stop { dossier, .. } => Some(dossier),
            Action::Wait { .. } | Action::EndDay => None,
        }
    }

    pub fn wait(minutes: u32) -> Action {
        Action::Wait {
            minutes: Some(minutes),
            until: None,
        }
    }

    pub fn wait_for_next_event() -> Action {
        Action::Wait {
            minutes: None,
            until: Some(WaitUntil::NextEvent),
        }
    }
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedAction {
    pub seq: u64,
    #[serde(flatten)]
    pub action: Action,
}

#[derive(Debug, Error, PartialEq)]
pub enum LogError {
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
    #[error("line {line}: seq {found}, expected {expected}")]
    Sequence {
        line: usize,
        expected: u64,
        found: u64,
    },
}

impl LogError {
    /// What is wrong, without the line number.
    pub fn detail(&self) -> String {
        match self {
            LogError::Malformed { message, .. } => message.clone(),
            LogError::Sequence {
                expected, found, ..
            } => format!("seq {found}, expected {expected}"),
        }
    }

    pub fn line(&self) -> usize {
        match self {
            LogError::Malformed { line, .. } | LogError::Sequence { line, .. } => *line,
        }
    }
}

/// Parse a JSON Lines log. Blank lines are skipped; `seq` must count 1, 2, 3 ...
/// Returns each action with its 1-based line number.
pub fn parse_log(text: &str) -> Result<Vec<(usize, Action)>, LogError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let logged: LoggedAction = serde_json::from_str(raw).map_err(|e| LogError::Malformed {
            line,
            message: e.to_string(),
        })?;
        let expected = out.len() as u64 + 1;
        if logged.seq != expected {
            return Err(LogError::Sequence {
                line,
                expected,
                found: logged.seq,
            });
        }
        out.push((line, logged.action));
    }
    Ok(out)
}

/// One log line (no newline) for the `seq`-th action.
pub fn log_line(seq: u64, action: &Action) -> String {
    let logged = LoggedAction {
        seq,
        action: action.clone(),
    };
    // Serialising plain data to a String cannot fail.
    serde_json::to_string(&logged).unwrap_or_default()
}

/// The whole log, one line per action, numbered from 1.
pub fn write_log(actions: &[Action]) -> String {
    let mut out = String::new();
    for (i, a) in actions.iter().enumerate() {
        out.push_str(&log_line(i as u64 + 1, a));
        out.push('\n');
    }
    out
}

impl fmt::Display for ResultChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One action of each kind: the match makes a new kind a compile error here.
    fn sample(kind: ActionKind) -> Action {
        let dossier = String::from("d");
        let text = || String::from("x");
        match kind {
            ActionKind::Open => Action::Open { dossier },
            ActionKind::Inspect => Action::Inspect {
                dossier,
                component: text(),
            },
            ActionKind::Accept => Action::Accept { dossier },
            ActionKind::RequestSupplement => Action::RequestSupplement {
                dossier,
                items: Vec::new(),
            },
            ActionKind::Refuse => Action::Refuse {
                dossier,
                reason: text(),
            },
            ActionKind::Digitize => Action::Digitize {
                dossier,
                component: text(),
            },
            ActionKind::Reuse => Action::Reuse {
                dossier,
                component: text(),
            },
            ActionKind::Forward => Action::Forward { dossier },
            ActionKind::Transfer => Action::Transfer { dossier },
            ActionKind::Appraise => Action::Appraise {
                dossier,
                decision: Decision::Approve,
                reason: None,
            },
            ActionKind::Sign => Action::Sign { dossier },
            ActionKind::RequestFee => Action::RequestFee { dossier },
            ActionKind::ConfirmPayment => Action::ConfirmPayment { dossier },
            ActionKind::ReturnResult => Action::ReturnResult {
                dossier,
                channel: ResultChannel::Counter,
            },
            ActionKind::Apologize => Action::Apologize {
                dossier,
                new_date: NaiveDate::MIN,
            },
            ActionKind::Stop => Action::Stop {
                dossier,
                reason: text(),
            },
            ActionKind::Wait => Action::wait(1),
            ActionKind::EndDay => Action::EndDay,
        }
    }

    /// The log's `"action"` (serde's name) is the kind's key, the one `[costs]` and
    /// docs/engine.md use: two spellings of one name, kept equal here.
    #[test]
    fn the_log_names_each_action_by_its_kind() {
        for &kind in ActionKind::ALL {
            let action = sample(kind);
            assert_eq!(action.kind(), kind);
            let json = serde_json::to_value(&action).expect("an action serialises");
            assert_eq!(json["action"], kind.key(), "{kind:?}");
        }
    }
}

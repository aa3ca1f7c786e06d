//! state = replay(scenario, seed, action log).

use thiserror::Error;

use crate::scenario::Scenario;

use super::Session;
use super::action::Action;
use super::rejection::Rejection;

/// An action of the log that the rules refused: which one and why.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("action {index} ({action}) rejected: {rejection}")]
pub struct ReplayError {
    /// 0-based position in the log.
    pub index: usize,
    pub action: &'static str,
    pub rejection: Rejection,
}

/// Play `actions` from the start. A log written by motcua never contains a rejected
/// action, so a rejection means the log was edited or belongs to another scenario.
pub fn replay(scenario: &Scenario, seed: u64, actions: &[Action]) -> Result<Session, ReplayError> {
    let mut session = Session::new(scenario, seed);
    for (index, action) in actions.iter().enumerate() {
        session
            .step(action.clone())
            .map_err(|rejection| ReplayError {
                index,
                action: action.name(),
                rejection,
            })?;
    }
    Ok(session)
}

//! Who does which step: the trainee's role decides; simulated people do the rest.

use crate::scenario::Role;

/// A step of the workflow, as the roles divide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Open and inspect: anyone may look.
    Look,
    /// Accept, ask for a supplement or refuse at receipt.
    Receipt,
    /// Digitise, reuse, forward.
    Transfer,
    /// Ask for a supplement after acceptance (the desk relays the specialist's request).
    LateSupplement,
    /// Appraise (thẩm định).
    Appraise,
    /// Sign the result (leader).
    Sign,
    /// Send the stop notice, or the refusal after acceptance (the desk relays it).
    Stop,
    /// Request the fee, confirm a payment at the desk, return the result.
    Return,
    /// The apology letter with a new date.
    Apologize,
}

/// Whether the trainee takes `step` in `role`.
pub fn trainee_plays(role: Role, step: Step) -> bool {
    use Step::*;
    match role {
        Role::ToanBo => true,
        Role::MotCua => matches!(
            step,
            Look | Receipt | Transfer | LateSupplement | Stop | Return | Apologize
        ),
        Role::ChuyenVien => matches!(step, Look | LateSupplement | Appraise | Apologize),
    }
}

/// Whether the trainee appraises (and so closes a flawed dossier by rejecting it).
pub fn trainee_appraises(role: Role) -> bool {
    trainee_plays(role, Step::Appraise)
}

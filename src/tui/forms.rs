//! The forms of the desk, as modal dialogs: receipt and appointment (form 01),
//! supplement request (form 02), a reason
//! (refusal form 03, stop notice form 05, appraisal rejection), result channel,
//! apology with a new date (form 04), and the appraisal decision.

mod apology;
mod choice;
mod receipt;
mod supplement;

pub use apology::Apology;
pub use choice::{Choice, ChoiceKind};
pub use receipt::Receipt;
pub use supplement::{Row, Supplement};

use super::msg::Msg;
use motcua_core::session::Action;

#[derive(Debug, Clone)]
pub enum Form {
    Receipt(Receipt),
    Supplement(Supplement),
    Choice(Choice),
    Apology(Apology),
}

/// What a key did to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Stay,
    Cancel,
    Submit(Action),
}

impl Form {
    pub fn update(&mut self, msg: &Msg) -> Outcome {
        match self {
            Form::Receipt(f) => f.update(msg),
            Form::Supplement(f) => f.update(msg),
            Form::Choice(f) => f.update(msg),
            Form::Apology(f) => f.update(msg),
        }
    }
}

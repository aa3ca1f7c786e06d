//! Form 01: the receipt with the appointment, shown before the dossier is accepted.

use chrono::NaiveDateTime;

use motcua_core::session::Action;

use super::super::msg::Msg;
use super::Outcome;

#[derive(Debug, Clone)]
pub struct Receipt {
    pub dossier: String,
    pub applicant: String,
    pub procedure: String,
    /// Names of the components handed in.
    pub components: Vec<String>,
    /// The appointment the receipt gives if accepted now.
    pub due: NaiveDateTime,
}

impl Receipt {
    pub fn update(&mut self, msg: &Msg) -> Outcome {
        match msg {
            Msg::Enter | Msg::Char('a') => Outcome::Submit(Action::Accept {
                dossier: self.dossier.clone(),
            }),
            Msg::Back => Outcome::Cancel,
            _ => Outcome::Stay,
        }
    }
}

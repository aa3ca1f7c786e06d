//! A dossier as the trainee at the desk sees it: what was handed in and declared,
//! nothing of the hidden truth (the planted flaws, how long the citizen and the
//! specialist will take). The play screen draws only this type, so the truth cannot
//! reach it by accident: there is no field to read it from.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::dossier::{Dossier, Parties, SubmittedComponent, Value};
use super::plan::Planned;
use crate::scenario::{Channel, FieldRef, ResultChannel};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TraineeDossier<'a> {
    /// The whole dossier, for the core's own look-ups (its procedure, its deadline);
    /// not reachable from the shells.
    #[serde(skip)]
    pub(crate) full: &'a Dossier,
    /// `unit-YYMMDD-NNNN`, as on the receipt.
    pub code: &'a str,
    /// Procedure code (`Procedure::code`).
    pub procedure: &'a str,
    pub channel: Channel,
    /// How the applicant asked for the result.
    pub result_channel: ResultChannel,
    /// Vietnam local time (UTC+7).
    pub submitted_at: NaiveDateTime,
    /// Declared data of each party (the e-form).
    pub parties: &'a Parties,
    /// Components as handed in, in the procedure's order.
    pub components: &'a [SubmittedComponent],
}

impl<'a> TraineeDossier<'a> {
    pub fn component(&self, id: &str) -> Option<&'a SubmittedComponent> {
        self.components.iter().find(|c| &*c.id == id)
    }
    pub fn declared(&self, field: FieldRef) -> Option<&'a Value> {
        self.parties.get(&field.party)?.values.get(&field.attr)
    }
}

/// A dossier in the queue as the desk sees it before opening it: how and when it came
/// in. Its plan entry also holds the planted flaws and where it belongs: not here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TraineePlanned {
    pub channel: Channel,
    /// Vietnam local time (UTC+7).
    pub submitted_at: NaiveDateTime,
}

impl Planned {
    /// What the queue shows of this dossier.
    pub fn trainee_view(&self) -> TraineePlanned {
        TraineePlanned {
            channel: self.channel,
            submitted_at: self.submitted_at,
        }
    }
}

impl Dossier {
    /// What the desk is shown of this dossier.
    pub fn trainee_view(&self) -> TraineeDossier<'_> {
        TraineeDossier {
            full: self,
            code: &self.code,
            procedure: &self.procedure,
            channel: self.channel,
            result_channel: self.result_channel,
            submitted_at: self.submitted_at,
            parties: &self.parties,
            components: &self.components,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::WorkCalendar;
    use crate::generate::generate;
    use crate::scenario::{self, builtin};

    #[test]
    fn the_view_shows_what_was_handed_in_and_nothing_of_the_truth() {
        let (file, text) = builtin::FILES[0];
        let s = scenario::load_str(file, text).expect("built-in loads");
        let dossiers = generate(&s, &WorkCalendar::for_scenario(&s), 3);
        let d = dossiers
            .iter()
            .find(|d| !d.truth.flaws.is_empty())
            .expect("seed 3 plants a flaw");
        let seen = d.trainee_view();
        assert_eq!(seen.code, d.code);
        assert_eq!(seen.components, &d.components[..]);
        let json = serde_json::to_value(seen).expect("serialises");
        let keys: Vec<&str> = json
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        // serde_json's map keeps keys sorted.
        assert_eq!(
            keys,
            [
                "channel",
                "code",
                "components",
                "parties",
                "procedure",
                "result_channel",
                "submitted_at"
            ]
        );
        // The planted flaw's id appears nowhere in what the desk is shown.
        assert!(!json.to_string().contains(&d.truth.flaws[0]));
    }
}

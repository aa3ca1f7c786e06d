//! What a scenario scripts: dossiers at set moments, and events that happen to the office.

use serde::Serialize;

use super::keyed::keyed_enum;
use super::{Channel, DayTime, Deadline, ResultChannel, RuleSet};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptedDossier {
    /// Name events use to refer to this dossier.
    pub id: Option<String>,
    pub at: DayTime,
    pub procedure: String,
    pub channel: Channel,
    pub flaws: Vec<String>,
    /// The deciding party lives in another commune of the province: a dossier of a
    /// boundary-free procedure that the desk accepts and transfers.
    pub other_commune: bool,
    /// How the applicant asks for the result; `None`: drawn like a generated dossier's.
    pub result_channel: Option<ResultChannel>,
    /// This dossier's own time limit, where the law sets a longer one for its case (a
    /// criminal-record requester who lived in several provinces); `None`: the procedure's.
    pub deadline: Option<Deadline>,
    /// Working days the specialist's verification of this dossier takes (waiting for
    /// other offices' answers), ending at the close of the last one; `None`: as the
    /// procedure says (its site check, or a drawn time of office minutes).
    pub verification_days: Option<u32>,
}

keyed_enum!(
    /// Things that happen to the office at a scripted time.
    EventKind {
        Outage = "outage",
        SupplementArrives = "supplement-arrives",
        RuleChange = "rule-change",
        CitizenCall = "citizen-call",
        Withdraw = "withdraw",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptedEvent {
    pub at: DayTime,
    pub kind: EventKind,
    /// Length of an outage.
    pub minutes: Option<u32>,
    /// Scripted dossier id the event concerns.
    pub dossier: Option<String>,
    /// Rule set in force after a rule change.
    pub rules: Option<RuleSet>,
    pub message: Option<String>,
    pub message_en: Option<String>,
}

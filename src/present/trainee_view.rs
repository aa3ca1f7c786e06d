//! Events as the trainee may see them while playing: without the hidden truth. The
//! planted flaws (`arrived.flaws`), the flaws a decision left open (`open_flaws`),
//! which flaws a supplement cured (`cured`), where a dossier belongs (`competence`)
//! and whether an apology was needed (`needed`) are the judge's, shown only in the
//! debrief of a finished attempt. Instructor-facing commands (`preview`, `solve`) and
//! the replay of a finished log keep them.

use serde_json::Value;

use motcua_core::session::Event;

/// Event keys that carry the hidden truth.
pub const HIDDEN_KEYS: &[&str] = &["flaws", "open_flaws", "cured", "competence", "needed"];

/// `event` as JSON without its hidden keys.
pub fn event(event: &Event) -> Value {
    let mut value = serde_json::to_value(event).unwrap_or(Value::Null);
    if let Some(fields) = value.as_object_mut() {
        for key in HIDDEN_KEYS {
            fields.remove(*key);
        }
    }
    value
}

/// Every event of `events`, as the trainee may see them.
pub fn events(events: &[Event]) -> Vec<Value> {
    events.iter().map(event).collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use motcua_core::scenario::Channel;
    use motcua_core::session::{Actor, Happened};

    #[test]
    fn an_arrival_keeps_its_dossier_and_loses_its_planted_flaws() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap_or_default();
        let e = Event {
            at,
            actor: Actor::Citizen,
            what: Happened::Arrived {
                dossier: "X".into(),
                procedure: "p".into(),
                channel: Channel::Counter,
                flaws: vec!["thieu-giay-chung-sinh".into()].into(),
            },
        };
        let v = event(&e);
        assert_eq!(v["dossier"], "X");
        assert_eq!(v["event"], "arrived");
        assert!(v.get("flaws").is_none());
        assert!(!v.to_string().contains("thieu-giay-chung-sinh"));
    }
}

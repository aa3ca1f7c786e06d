//! Ids derived from the attempt (UUID version 5, RFC 9562), so the same statement is
//! always the same id: a resend is recognised by the LRS, never a second record.
//!
//! - `registration` (the same for every statement of an attempt) from the attempt's
//!   identity: trainee (and roster id, when there is one), scenario SHA-256, seed, mode and start time, as the store
//!   and the bundles keep them;
//! - a statement's `id` from the registration, the verb and a sequence number (the
//!   action's `seq`; 0 for `initialized`; the number of actions for the end).

use uuid::Uuid;

use crate::store::Mode;

/// motcua's namespace: UUID v5 of the profile's base in the URL namespace.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, super::profile::BASE.as_bytes())
}

/// The registration of an attempt. `trainee` is the normalised name the store keeps,
/// `started_at` the store's timestamp text.
pub fn registration(
    trainee: &str,
    roster_id: Option<&str>,
    scenario_sha256: &str,
    seed: u64,
    mode: Mode,
    started_at: &str,
) -> Uuid {
    // Namesakes starting the same exam in the same second are two attempts by their
    // roster ids; without an id the key is as before ids existed.
    let who = match roster_id {
        Some(id) => format!("{trainee}\nid:{id}"),
        None => trainee.to_string(),
    };
    let key = format!(
        "registration\n{who}\n{scenario_sha256}\n{seed}\n{}\n{started_at}",
        mode.key()
    );
    Uuid::new_v5(&namespace(), key.as_bytes())
}

/// The registration of a stored attempt.
pub fn of_attempt(info: &crate::store::AttemptInfo) -> Uuid {
    registration(
        &info.trainee,
        info.roster_id.as_deref(),
        &info.scenario_sha256,
        info.seed,
        info.mode,
        &crate::store::timestamp(info.started_at),
    )
}

/// The id of the statement `verb` number `seq` of an attempt.
pub fn statement(registration: Uuid, verb: &str, seq: u64) -> Uuid {
    let key = format!("{registration}\n{verb}\n{seq}");
    Uuid::new_v5(&namespace(), key.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_attempt_gives_the_same_ids_and_another_gives_others() {
        let a = registration("An", None, "ab", 1, Mode::Exam, "2026-03-02T01:00:00Z");
        let same = registration("An", None, "ab", 1, Mode::Exam, "2026-03-02T01:00:00Z");
        let later = registration("An", None, "ab", 1, Mode::Exam, "2026-03-02T01:00:01Z");
        let practice = registration("An", None, "ab", 1, Mode::Practice, "2026-03-02T01:00:00Z");
        assert_eq!(a, same);
        assert_ne!(a, later);
        assert_ne!(a, practice);
        assert_eq!(a.get_version_num(), 5);
        assert_eq!(
            statement(a, "completed", 9),
            statement(same, "completed", 9)
        );
        assert_ne!(statement(a, "completed", 9), statement(a, "terminated", 9));
        assert_ne!(statement(a, "interacted", 1), statement(a, "interacted", 2));
    }
}

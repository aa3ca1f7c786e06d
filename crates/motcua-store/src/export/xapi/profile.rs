//! The names motcua's statements use: one documented base for every activity and
//! extension IRI, the ADL verbs, and what a workshop configures (the account home page
//! of the trainees, the workshop as a grouping activity).

use motcua_i18n::Lang;

/// The base of every IRI motcua mints. A URN: it names, it does not locate (motcua has
/// no web site to host a profile at).
pub const BASE: &str = "urn:motcua:xapi";

/// The xAPI version of every statement (header `X-Experience-API-Version`).
pub const XAPI_VERSION: &str = "1.0.3";

/// The activity type of a scenario.
pub const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";

/// The account home page of a trainee when the workshop names none.
pub const DEFAULT_HOME: &str = "urn:motcua:xapi:trainee";

/// The verbs, by their short names (the outbox's `verb` column).
pub const VERBS: &[(&str, &str, &str)] = &[
    // (short name, vi display, en display)
    ("initialized", "bắt đầu", "initialized"),
    ("interacted", "thao tác", "interacted"),
    ("completed", "hoàn thành", "completed"),
    ("passed", "đạt", "passed"),
    ("failed", "chưa đạt", "failed"),
    ("terminated", "dừng khi chưa xong", "terminated"),
];

/// `http://adlnet.gov/expapi/verbs/<name>`.
pub fn verb_iri(name: &str) -> String {
    format!("http://adlnet.gov/expapi/verbs/{name}")
}

/// The short name of an ADL verb IRI motcua uses.
pub fn verb_name(iri: &str) -> Option<&'static str> {
    let name = iri.strip_prefix("http://adlnet.gov/expapi/verbs/")?;
    VERBS.iter().map(|v| v.0).find(|v| *v == name)
}

/// A scenario as an activity: `urn:motcua:xapi:scenario:<id>`.
pub fn scenario_iri(id: &str) -> String {
    format!("{BASE}:scenario:{id}")
}

/// The scenario id of an activity IRI motcua minted.
pub fn scenario_of(iri: &str) -> Option<&str> {
    iri.strip_prefix(BASE)?.strip_prefix(":scenario:")
}

/// A workshop as an activity: `urn:motcua:xapi:workshop:<UUID v5 of its name>`. Every
/// laptop given the same workshop file derives the same IRI, and the instructor's
/// `motcua class` finds the workshop's statements by it; a UUID, since a name has
/// spaces and marks an IRI cannot hold as they are. Two workshops need two names.
pub fn workshop_iri(name: &str) -> String {
    let key = format!("workshop\n{}", crate::store::attempts::normalize_name(name));
    let id = uuid::Uuid::new_v5(&super::ids::namespace(), key.as_bytes());
    format!("{BASE}:workshop:{id}")
}

/// An extension IRI: `urn:motcua:xapi:ext:<name>`.
pub fn ext(name: &str) -> String {
    format!("{BASE}:ext:{name}")
}

/// What the statements of this laptop say about where they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// `actor.account.homePage` of every trainee.
    pub home_page: String,
    /// The workshop's name (`context.contextActivities.grouping`, `workshop_iri`), for
    /// the attempts this run opens.
    pub workshop: Option<String>,
    /// The language the trainee works in (`context.language`).
    pub lang: Lang,
    /// Send each committed action of a practice attempt too (exam attempts always do).
    pub practice_actions: bool,
}

impl Profile {
    /// Without a workshop: the default home page, no grouping.
    pub fn plain(lang: Lang) -> Profile {
        Profile {
            home_page: DEFAULT_HOME.to_string(),
            workshop: None,
            lang,
            practice_actions: false,
        }
    }
}

/// `vi-VN` or `en-US`, as xAPI language maps and `context.language` write them.
pub fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi-VN",
        Lang::En => "en-US",
    }
}

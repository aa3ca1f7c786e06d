//! Upper bounds on every size an input can set: a scenario file, an action log, a
//! results bundle. Each is checked where the input is read, and reported with the
//! limit and the value (scenario files: E041 and E042, docs/scenario-authoring.md lists
//! them), so no later stage allocates or loops from an unchecked number.
//!
//! Why these values: at or above what the engine is benchmarked with (100,000
//! dossiers over 7,150 working days, the reference solver's log for them, names of 100
//! characters and more) and far below what would exhaust a 24 GiB machine (the
//! largest allowed scenario is measured in docs/scenario-authoring.md).

/// Bytes of a scenario file.
pub const SCENARIO_BYTES: u64 = 32 * 1024 * 1024;
/// `[dossiers] count` plus the scripted dossiers.
pub const DOSSIERS: u64 = 200_000;
/// `[scenario] working_days`: about 40 years of office days.
pub const WORKING_DAYS: u64 = 10_000;
/// A procedure's or a scripted dossier's `deadline.working_days`, `site_check` days and
/// a scripted dossier's `verification_days` (the longest legal deadlines are a few
/// months). Every dossier's due moment and verification walk these days.
pub const DEADLINE_DAYS: u64 = 1_000;
/// A procedure's or a scripted dossier's `deadline.working_hours`: the same span in
/// office hours.
pub const DEADLINE_HOURS: u64 = 8_000;
/// Minutes an action costs (`[costs]`) or an outage lasts (`[[event]] minutes`).
pub const MINUTES: u64 = 100_000;
/// Amounts of money (fees), in đồng.
pub const MONEY: u64 = 1_000_000_000_000;
/// Pages of a per-page fee.
pub const PAGES: u64 = 100_000;
/// Characters of a name, an id, a code or any short value.
pub const SHORT_TEXT: usize = 500;
/// Characters of a briefing, a message, an explanation, an objective, a legal basis.
pub const LONG_TEXT: usize = 20_000;
/// Items of any list of the file (procedures, components, flaws, scripted dossiers,
/// events, days off, office hours …).
pub const LIST_ITEMS: usize = 200_000;

/// Actions in one action log (`replay`, `record`) or one attempt of a bundle.
pub const LOG_ACTIONS: usize = 5_000_000;
/// Bytes of one line of an action log: one action.
pub const LOG_LINE_BYTES: usize = 64 * 1024;
/// Attempts in one results bundle.
pub const BUNDLE_ATTEMPTS: usize = 1_000_000;
/// Characters of a trainee's name.
pub const NAME_CHARS: usize = 200;

//! Errors a command reports to the user; `main` renders them through the catalogue.

use std::path::PathBuf;

use thiserror::Error;

use super::exit::Exit;
use motcua_core::scenario::Diagnostic;
use motcua_core::session::Rejection;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::export::bundle::BundleError;
use motcua_store::store::StoreError;

#[derive(Debug, Error)]
pub enum CliError {
    /// A scenario failed to load; the diagnostics say why.
    #[error("invalid scenario")]
    Scenario(Vec<Diagnostic>),
    #[error("unknown scenario {0}")]
    UnknownScenario(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} exists")]
    Exists { path: PathBuf },
    #[error("bad argument {name}: {value}")]
    BadArgument { name: &'static str, value: String },
    #[error("{path}:{line}: malformed action log: {message}")]
    ActionLog {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: {action} rejected: {rejection}")]
    Rejected {
        path: PathBuf,
        line: usize,
        action: &'static str,
        rejection: Rejection,
    },
    #[error("terminal: {source}")]
    Terminal { source: std::io::Error },
    #[error("not available yet: {0}")]
    NotYet(&'static str),
    /// The results database cannot be used; nothing in it was changed.
    #[error("{0}")]
    Store(StoreError),
    /// A file given to `import` is not a results bundle.
    #[error("{path}: not a results bundle")]
    Bundle { path: PathBuf, error: BundleError },
    /// A name given on the command line that cannot be kept (`sanitize::check_name`).
    #[error("bad name {name}")]
    BadName {
        name: &'static str,
        problem: motcua_store::sanitize::NameProblem,
    },
    /// `sync` without an LRS set; `waiting` records stay queued.
    #[error("no LRS set ({waiting} waiting)")]
    NoLrs { waiting: u64 },
    /// The class roster does not read; the error names the line.
    #[error("{path}: {error}")]
    Roster {
        path: PathBuf,
        error: motcua_store::class::RosterError,
    },
    /// The workshop file does not read.
    #[error("{path}: {error}")]
    Workshop {
        path: PathBuf,
        error: motcua_store::class::WorkshopError,
    },
    /// The LRS could not be read (`class`).
    #[error("{url}: {error:?}")]
    Lrs {
        url: String,
        error: motcua_store::lrs::LrsError,
    },
    /// `class --trainee` names no trainee, or one only by its folded form.
    #[error("{0}")]
    Trainee(motcua_store::class::pick::PickError),
    /// The reader of standard output went away: stop quietly (`exit::Exit::ClosedPipe`).
    #[error("standard output closed")]
    ClosedPipe,
}

impl CliError {
    /// Exit status (`exit.rs` has the table): usage errors 2, a closed pipe 141,
    /// everything else 1.
    pub fn exit(&self) -> Exit {
        match self {
            CliError::BadArgument { .. }
            | CliError::UnknownScenario(_)
            | CliError::NoLrs { .. }
            | CliError::Trainee(_) => Exit::Usage,
            CliError::ClosedPipe => Exit::ClosedPipe,
            _ => Exit::Failed,
        }
    }

    /// The message for stderr, in the user's language.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            CliError::Scenario(diags) => diags
                .iter()
                .map(|d| motcua_i18n::diagnostics::render(lang, d))
                .collect::<Vec<_>>()
                .join("\n"),
            CliError::UnknownScenario(name) => t!(lang, "cli.error.unknown_scenario", name = name),
            CliError::Read { path, source } => {
                t!(
                    lang,
                    "cli.error.read",
                    path = path.display(),
                    reason = source
                )
            }
            CliError::Write { path, source } => {
                t!(
                    lang,
                    "cli.error.write",
                    path = path.display(),
                    reason = source
                )
            }
            CliError::Exists { path } => t!(lang, "cli.error.exists", path = path.display()),
            CliError::BadArgument { name, value } => {
                t!(lang, "cli.error.bad_argument", name = name, value = value)
            }
            CliError::ActionLog {
                path,
                line,
                message,
            } => t!(
                lang,
                "cli.error.action_log",
                path = path.display(),
                line = line,
                message = message,
                example = r#"{"seq":1,"action":"open","dossier":"..."}"#
            ),
            CliError::Rejected {
                path,
                line,
                action,
                rejection,
            } => t!(
                lang,
                "cli.error.rejected",
                path = path.display(),
                line = line,
                action = crate::present::labels::action(lang, action),
                reason = crate::present::labels::rejection(lang, rejection)
            ),
            CliError::Terminal { source } => t!(lang, "cli.error.terminal", reason = source),
            CliError::NotYet(what) => t!(lang, "cli.error.not_yet", what = what),
            CliError::Store(e) => crate::present::store_error::render(lang, e),
            CliError::ClosedPipe => String::new(),
            CliError::NoLrs { waiting } => t!(lang, "lrs.sync.no_lrs", waiting = waiting),
            CliError::BadName { name, problem } => {
                crate::present::store_error::name_problem(lang, name, problem)
            }
            CliError::Roster { path, error } => roster_problem(lang, path, error),
            CliError::Trainee(e) => trainee_problem(lang, e),
            CliError::Workshop { path, error } => {
                let path = path.display();
                match error {
                    motcua_store::class::WorkshopError::Read(e) => {
                        t!(lang, "cli.error.read", path = path, reason = e)
                    }
                    motcua_store::class::WorkshopError::Invalid(detail) => {
                        t!(lang, "class.workshop.invalid", path = path, detail = detail)
                    }
                }
            }
            CliError::Lrs { url, error } => {
                // Reading, not sending: nothing is queued, so the words are the class's own.
                let status = error
                    .status
                    .map_or_else(String::new, |s| format!(" (HTTP {s})"));
                let key = format!("class.failure.{}", error.failure.key());
                let detail = motcua_store::sanitize::terminal(&error.detail);
                let reason = t!(lang, &key, url = url, status = status, detail = detail);
                t!(lang, "class.lrs_failed", url = url, reason = reason)
            }
            CliError::Bundle { path, error } => {
                let path = path.display();
                match error {
                    BundleError::Malformed(detail) => {
                        t!(lang, "store.bundle.malformed", path = path, detail = detail)
                    }
                    BundleError::NotABundle => t!(lang, "store.bundle.not_a_bundle", path = path),
                    BundleError::TooNew { found, supported } => t!(
                        lang,
                        "store.bundle.too_new",
                        path = path,
                        found = found,
                        supported = supported
                    ),
                    BundleError::BadVersion { found } => {
                        t!(lang, "bundle.bad_version", path = path, found = found)
                    }
                    BundleError::TooMany { count, limit } => t!(
                        lang,
                        "bundle.too_many",
                        path = path,
                        count = count,
                        limit = limit
                    ),
                    BundleError::WorldTooNew { found, supported } => t!(
                        lang,
                        "bundle.world_too_new",
                        path = path,
                        found = found,
                        supported = supported
                    ),
                    BundleError::BadWorldVersion { found } => {
                        t!(lang, "bundle.bad_world_version", path = path, found = found)
                    }
                }
            }
        }
    }
}

/// Why a roster does not read, with its line and what to fix.
fn roster_problem(
    lang: Lang,
    path: &std::path::Path,
    e: &motcua_store::class::RosterError,
) -> String {
    use motcua_store::class::RosterError;
    let path = path.display();
    match e {
        RosterError::NotUtf8 { line } => {
            t!(lang, "class.roster.not_utf8", path = path, line = line)
        }
        RosterError::EmptyName { line } => {
            t!(lang, "class.roster.empty_name", path = path, line = line)
        }
        RosterError::DuplicateId { line, id, first } => t!(
            lang,
            "class.roster.duplicate_id",
            path = path,
            line = line,
            id = id,
            first = first
        ),
        RosterError::OpenQuote { line } => {
            t!(lang, "class.roster.open_quote", path = path, line = line)
        }
        RosterError::Empty => t!(lang, "class.roster.empty", path = path),
    }
}

fn trainee_problem(lang: Lang, e: &motcua_store::class::pick::PickError) -> String {
    use motcua_store::class::pick::PickError;
    match e {
        PickError::DidYouMean { wanted, names } => t!(
            lang,
            "class.trainee.did_you_mean",
            wanted = motcua_store::sanitize::inline(wanted),
            names = motcua_store::sanitize::inline(&names.join("; "))
        ),
        PickError::Unknown { wanted } => {
            let wanted = motcua_store::sanitize::inline(wanted);
            t!(lang, "class.trainee.unknown", wanted = wanted)
        }
        PickError::NoRoster { id } => t!(lang, "class.trainee.no_roster", id = id),
        PickError::UnknownId { id } => t!(lang, "class.trainee.unknown_id", id = id),
    }
}

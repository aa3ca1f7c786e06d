//! Errors a command reports to the user; `main` renders them through the catalogue.

use std::path::PathBuf;

use thiserror::Error;

use super::exit::Exit;
use crate::export::bundle::BundleError;
use crate::i18n::Lang;
use crate::scenario::Diagnostic;
use crate::session::Rejection;
use crate::store::StoreError;
use crate::t;

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
        problem: crate::sanitize::NameProblem,
    },
    /// `sync` without an LRS set; `waiting` records stay queued.
    #[error("no LRS set ({waiting} waiting)")]
    NoLrs { waiting: u64 },
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
            | CliError::NoLrs { .. } => Exit::Usage,
            CliError::ClosedPipe => Exit::ClosedPipe,
            _ => Exit::Failed,
        }
    }

    /// The message for stderr, in the user's language.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            CliError::Scenario(diags) => diags
                .iter()
                .map(|d| crate::i18n::diagnostics::render(lang, d))
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
            CliError::Store(e) => super::store_error::render(lang, e),
            CliError::ClosedPipe => String::new(),
            CliError::NoLrs { waiting } => t!(lang, "lrs.sync.no_lrs", waiting = waiting),
            CliError::BadName { name, problem } => name_problem(lang, name, problem),
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

/// Why a name is refused, and what to write instead.
pub fn name_problem(lang: Lang, name: &str, problem: &crate::sanitize::NameProblem) -> String {
    use crate::sanitize::NameProblem;
    let key = format!("name.{}", problem.key());
    match problem {
        NameProblem::Empty => t!(lang, &key, name = name),
        NameProblem::Control { code, at } => t!(
            lang,
            &key,
            name = name,
            code = NameProblem::code_point(*code),
            at = at
        ),
        NameProblem::TooLong { chars, limit } => {
            t!(lang, &key, name = name, chars = chars, limit = limit)
        }
    }
}

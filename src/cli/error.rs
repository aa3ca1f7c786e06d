//! Errors a command reports to the user; `main` renders them through the catalogue.

use std::path::PathBuf;

use thiserror::Error;

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
}

impl CliError {
    /// Exit status: 1 for bad input files, 2 for a bad command line.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::BadArgument { .. } | CliError::UnknownScenario(_) => 2,
            _ => 1,
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
                }
            }
        }
    }
}

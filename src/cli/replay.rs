//! `motcua replay SCENARIO --actions FILE [--seed N] [--json]`: the score and the
//! debrief of an action log. A malformed line, or an action the rules refuse (an
//! unknown dossier, a step out of its state), is an error naming the line.

use std::path::PathBuf;
use std::process::ExitCode;

use super::log_lines::{self, LogLines};
use super::{CliError, exit, output, report, resolve};
use crate::i18n::Lang;
use crate::limits;
use crate::present::debrief;
use crate::sanitize;
use crate::score;
use crate::session::Session;
use crate::session::action::LoggedAction;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub target: resolve::Target,
    /// The action log (JSON Lines), as `solve --actions-out` or the TUI writes it.
    #[arg(long, value_name = "FILE")]
    pub actions: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, seed) = args.target.load()?;
    let path = &args.actions;
    let file = std::fs::File::open(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })?;
    let mut session = Session::new(&scenario, seed);
    // Streamed: each line is read, checked and applied before the next.
    for line in LogLines::new(std::io::BufReader::new(file)) {
        let line = line.map_err(|source| CliError::Read {
            path: path.clone(),
            source,
        })?;
        let n = line.number;
        let bad = |message: String| CliError::ActionLog {
            path: path.clone(),
            line: n,
            message,
        };
        let text = line.text.map_err(|b| bad(log_lines::describe(lang, &b)))?;
        let logged: LoggedAction = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        let expected = session.actions().len() as u64 + 1;
        if logged.seq != expected {
            return Err(bad(format!("seq {}, expected {expected}", logged.seq)));
        }
        if session.actions().len() >= limits::LOG_ACTIONS {
            return Err(bad(t!(
                lang,
                "log.too_many",
                path = path.display(),
                limit = limits::LOG_ACTIONS
            )));
        }
        let action = logged.action;
        let name = action.name();
        if let Err(rejection) = session.step(action) {
            return Err(CliError::Rejected {
                path: path.clone(),
                line: n,
                action: name,
                rejection,
            });
        }
    }
    let result = score::score(&scenario, session.events());
    let count = session.actions().len();
    let text = if args.json {
        report::json(&scenario.meta.id, seed, count, &result)
    } else {
        sanitize::terminal(&debrief::render(lang, &scenario, &result)).into_owned()
    };
    output::print(&text)?;
    Ok(exit::done())
}

//! `motcua replay SCENARIO --actions FILE [--seed N] [--json] [--as-it-stands]`: the
//! score and the debrief of an action log. A malformed line, or an action the rules
//! refuse (an unknown dossier, a step out of its state), is an error naming the line.
//! Only a log that reaches the period's end has a final score; one that stops before
//! says so and exits 4, and is scored only with `--as-it-stands` (labelled unfinished,
//! the work left counted as not done).

use std::path::PathBuf;
use std::process::ExitCode;

use super::exit::Exit;
use super::log_lines::{self, LogLines};
use super::{CliError, exit, output, report, resolve};
use crate::present::{debrief, labels};
use motcua_core::limits;
use motcua_core::score;
use motcua_core::session::Session;
use motcua_core::session::action::LoggedAction;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::sanitize;

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
    /// Score a log that stops before the period's end as it stands (not a final score).
    #[arg(long)]
    pub as_it_stands: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, seed) = args.target.load(lang)?;
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
    let result = score::score(&session);
    let count = session.actions().len();
    let text = match (result.is_final || args.as_it_stands, args.json) {
        (true, true) => {
            // Streamed: a long period's report is not held whole.
            report::print(&scenario.meta.id, seed, count, &result)?;
            String::new()
        }
        (true, false) => {
            sanitize::terminal(&debrief::render(lang, &scenario, &result)).into_owned()
        }
        (false, true) => report::not_final_json(&scenario.meta.id, seed, count, &result),
        (false, false) => {
            let (now, end) = (
                labels::moment(result.as_of),
                labels::moment(result.period_end),
            );
            format!("{}\n", t!(lang, "debrief.not_final", now = now, end = end))
        }
    };
    output::print(&text)?;
    Ok(if result.is_final {
        exit::done()
    } else {
        Exit::NotFinal.into()
    })
}

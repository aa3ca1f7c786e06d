//! `motcua replay SCENARIO --actions FILE [--seed N] [--json]`: the score and the
//! debrief of an action log. A malformed line, or an action the rules refuse (an
//! unknown dossier, a step out of its state), is an error naming the line.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, output, report, resolve};
use crate::i18n::Lang;
use crate::present::debrief;
use crate::score;
use crate::session::{Session, action};

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
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })?;
    let actions = action::parse_log(&text).map_err(|e| CliError::ActionLog {
        path: path.clone(),
        line: e.line(),
        message: e.detail(),
    })?;
    let mut session = Session::new(&scenario, seed);
    for (line, a) in &actions {
        if let Err(rejection) = session.apply(a.clone()) {
            return Err(CliError::Rejected {
                path: path.clone(),
                line: *line,
                action: a.name(),
                rejection,
            });
        }
    }
    let result = score::score(&scenario, session.events());
    let text = if args.json {
        report::json(&scenario.meta.id, seed, actions.len(), &result)
    } else {
        debrief::render(lang, &scenario, &result)
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

//! `motcua solve SCENARIO [--seed N] [--json] [--actions-out FILE]`: the reference
//! solver plays from the hidden truth. Exit 0 only when it scores 100, so an
//! instructor learns that the scenario can be won.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, exit, output, report, resolve};
use crate::i18n::Lang;
use crate::present::debrief;
use crate::sanitize;
use crate::score;
use crate::session::{action, solver};
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub target: resolve::Target,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the solver's action log (JSON Lines) to FILE.
    #[arg(long, value_name = "FILE")]
    pub actions_out: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, seed) = args.target.load(lang)?;
    let session = solver::solve(&scenario, seed);
    let result = score::score(&session);
    if let Some(path) = &args.actions_out {
        let log = action::write_log(session.actions());
        std::fs::write(path, log).map_err(|source| CliError::Write {
            path: path.clone(),
            source,
        })?;
        let count = session.actions().len();
        eprintln!(
            "{}",
            t!(
                lang,
                "cli.solve.actions_written",
                count = count,
                path = path.display()
            )
        );
    }
    let won = result.total() >= 100.0;
    if args.json {
        let id = &scenario.meta.id;
        report::print(id, seed, session.actions().len(), &result)?;
    } else {
        output::print(&sanitize::terminal(&debrief::render(
            lang, &scenario, &result,
        )))?;
        let verdict = if won {
            t!(lang, "cli.solve.won")
        } else {
            let total = crate::present::labels::points(lang, result.total());
            t!(lang, "cli.solve.not_won", total = total, seed = seed)
        };
        output::print(&format!("\n{verdict}\n"))?;
    }
    Ok(exit::check(won))
}

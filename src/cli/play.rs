//! `motcua` and `motcua play [SCENARIO] [--seed N] [--trainee NAME] [--mode practice|exam]`:
//! the terminal UI. Without a terminal (a pipe, a script) `motcua` prints the
//! built-in scenarios instead.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, exit, home};
use crate::tui::{self, Mode};
use motcua_i18n::Lang;
use motcua_store::class::Workshop;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    /// Luyện tập: hints and feedback after each step.
    Practice,
    /// Kiểm tra: no feedback until the debrief.
    Exam,
}

#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Scenario file, or the id of a built-in scenario; omit to choose in the library.
    pub scenario: Option<String>,
    /// Seed of the attempt (default: the scenario's own seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Trainee name (skips the welcome screen when a scenario is given).
    #[arg(long)]
    pub trainee: Option<String>,
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    #[command(flatten)]
    pub lrs: super::lrs_args::LrsArgs,
}

pub fn run(
    args: &Args,
    scenarios: Option<PathBuf>,
    db: Option<&Path>,
    workshop: Option<&Workshop>,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return home::run(lang);
    }
    // Open the results database first: a locked, newer or damaged one is reported
    // before the screen changes, and nothing is played unsaved.
    let store = super::db::open(db)?;
    let roster = match workshop {
        Some(w) => super::workshop_args::roster(w)?,
        None => None,
    };
    let lrs = match (args.lrs.config()?, args.lrs.profile(lang)?) {
        (Some(config), Some(profile)) => Some((config, profile)),
        _ => None,
    };
    let opts = tui::run::Options {
        lang,
        scenarios_dir: scenarios,
        scenario: args.scenario.clone(),
        seed: args.seed,
        trainee: args.trainee.clone(),
        mode: args.mode.map(|m| match m {
            ModeArg::Practice => Mode::Practice,
            ModeArg::Exam => Mode::Exam,
        }),
        lrs,
        submit_folder: workshop.and_then(|w| w.submit_folder.clone()),
        roster,
        exam: workshop.and_then(|w| w.exam.clone()),
    };
    tui::run(&opts, Some(store)).map_err(|source| CliError::Terminal { source })?;
    Ok(exit::done())
}

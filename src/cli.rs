//! The command line: clap definitions and dispatch. One file per subcommand.

pub mod calendar;
pub mod class;
pub mod class_init;
pub mod class_render;
mod class_words;
pub mod db;
pub mod due;
pub mod error;
pub mod exit;
pub mod export;
pub mod help;
pub mod home;
pub mod import;
pub mod log_lines;
pub mod lrs_args;
pub mod new;
pub mod output;
pub mod play;
pub mod preview;
pub mod progress;
pub mod record;
pub mod replay;
pub mod report;
pub mod resolve;
pub mod results;
pub mod solve;
pub mod sync;
pub mod validate;
pub mod winnable;
pub mod workshop_args;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

use motcua_i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "motcua",
    version,
    about = "Một cửa: luyện xử lý hồ sơ thủ tục hành chính / one-stop desk training sandbox"
)]
pub struct Cli {
    /// Language: vi (default) or en. Also MOTCUA_LANG.
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<String>,

    /// Also offer the scenario files of this folder in the library.
    #[arg(long = "scenarios", global = true, value_name = "DIR")]
    pub scenario_dir: Option<std::path::PathBuf>,

    /// Results database (default: <data dir>/motcua/motcua.db). Also MOTCUA_DB.
    #[arg(long, global = true, env = "MOTCUA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The workshop file (written by `motcua class init`). Also MOTCUA_WORKSHOP.
    #[arg(long, global = true, env = "MOTCUA_WORKSHOP", value_name = "FILE")]
    pub workshop: Option<PathBuf>,

    /// The LRS of the training screen started without a subcommand.
    #[command(flatten)]
    pub lrs: lrs_args::LrsArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The training screen, straight into a scenario.
    Play(play::Args),
    /// Check scenario files and folders; diagnostics on stderr.
    Validate(validate::Args),
    /// Show the dossiers a seed generates.
    Preview(preview::Args),
    /// Let the reference solver play; exit 0 only when it scores 100.
    Solve(solve::Args),
    /// Score an action log and print the debrief.
    Replay(replay::Args),
    /// Write a commented starter scenario (stdout, or --output FILE).
    New(new::Args),
    /// Compute a due moment (ISO 8601, UTC+7).
    Due(due::Args),
    /// List a year's days off and make-up workdays.
    Calendar(calendar::Args),
    /// Play an attempt from standard input (JSON actions), saved in the results database.
    Record(record::Args),
    /// A trainee's progress: best and latest scores, frequent mistakes, what next.
    Progress(progress::Args),
    /// Instructor's report of the results database: table, CSV or JSON.
    Report(results::Args),
    /// Write finished attempts as a results bundle (JSON) for an instructor.
    Export(export::Args),
    /// Import results bundles; every attempt is re-scored by replay first.
    Import(import::Args),
    /// Send the learning records waiting for the LRS; say what was sent and what waits.
    Sync(sync::Args),
    /// The instructor's class view from the LRS or the results database, every attempt re-scored.
    Class(class::Args),
}

impl Cli {
    pub fn lang(&self) -> Lang {
        let env = std::env::var("MOTCUA_LANG").ok();
        Lang::resolve(self.lang.as_deref(), env.as_deref())
    }
}

/// Run a parsed command line; the error carries its exit code.
pub fn run(mut cli: Cli) -> Result<ExitCode, CliError> {
    let lang = cli.lang();
    let workshop = workshop_args::load(cli.workshop.as_deref())?;
    if let Some(w) = &workshop {
        workshop_args::fill_lrs(&mut cli, w);
    }
    let db = cli.db.as_deref();
    let scenarios = cli.scenario_dir.clone();
    match &cli.command {
        None => {
            let args = play::Args {
                lrs: cli.lrs.clone(),
                ..play::Args::default()
            };
            play::run(&args, scenarios, db, workshop.as_ref(), lang)
        }
        Some(Command::Play(args)) => play::run(args, scenarios, db, workshop.as_ref(), lang),
        Some(Command::Validate(args)) => validate::run(args, lang),
        Some(Command::Preview(args)) => preview::run(args, lang),
        Some(Command::Solve(args)) => solve::run(args, lang),
        Some(Command::Replay(args)) => replay::run(args, lang),
        Some(Command::New(args)) => new::run(args, lang),
        Some(Command::Due(args)) => due::run(args, lang),
        Some(Command::Calendar(args)) => calendar::run(args, lang),
        Some(Command::Record(args)) => record::run(args, &args.lrs, db, lang),
        Some(Command::Progress(args)) => progress::run(args, db, lang),
        Some(Command::Report(args)) => results::run(args, db, lang),
        Some(Command::Export(args)) => export::run(args, db, lang),
        Some(Command::Import(args)) => import::run(args, db, lang),
        Some(Command::Sync(args)) => sync::run(args, &args.lrs, db, lang),
        Some(Command::Class(args)) => {
            class::run(args, workshop.as_ref(), scenarios.as_deref(), db, lang)
        }
    }
}

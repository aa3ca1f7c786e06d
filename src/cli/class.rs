//! `motcua class [--roster FILE] [--mode exam|practice] [--scenario ID]... [--trainee
//! NAME|id:ID]... [--from DATE] [--to DATE] [--format table|csv|json] [-o FILE]
//! [--local]`: the instructor's view of a class (docs/workshop.md). Read from the LRS
//! when one is set (`--lrs-url`, MOTCUA_LRS_URL or the workshop file) unless `--local`,
//! else from the results database (attempts played here and imported bundles); every
//! attempt is re-scored by replay before it counts. Exit 3 when an attempt was refused,
//! as `import` does. With a workshop file, only its attempts (its grouping activity),
//! its roster by default, and an exam on another scenario text or seed flagged.
//! `motcua class init` writes the workshop file (`class_init`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::class_render as render;
use super::lrs_args::LrsArgs;
use super::results::{FilterArgs, Format, write_out};
use super::{CliError, db, exit};
use motcua_core::scenario;
use motcua_i18n::Lang;
use motcua_store::class::{self, Selection, Workshop, verify};
use motcua_store::export::library::Library;
use motcua_store::export::xapi::profile::workshop_iri;
use motcua_store::export::xapi::read::grouped_under;
use motcua_store::lrs::Client;
use motcua_store::store::Mode;
use motcua_store::store::attempts::normalize_name;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    Exam,
    Practice,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<ClassCommand>,
    /// The class list: CSV with a name column and an optional id column.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Only exam attempts (the submitted one counts) or only practice (the best counts).
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Only this scenario id (repeat for several).
    #[arg(long = "scenario", value_name = "ID")]
    pub scenarios: Vec<String>,
    /// Only this trainee: the exact name, or id:XYZ for the roster's id (repeat for several).
    #[arg(long = "trainee", value_name = "NAME|id:ID")]
    pub trainees: Vec<String>,
    /// Attempts started on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<chrono::NaiveDate>,
    /// Attempts started on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<chrono::NaiveDate>,
    /// table (default), csv (UTF-8 with BOM, for Excel) or json.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Read the results database here (attempts played and imported on this machine)
    /// even when an LRS is set, e.g. by the workshop file: for a workshop without network.
    #[arg(long)]
    pub local: bool,
    #[command(flatten)]
    pub lrs: LrsArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum ClassCommand {
    /// Write the workshop file to hand to every laptop.
    Init(Box<super::class_init::Args>),
}

pub fn run(
    args: &Args,
    workshop: Option<&Workshop>,
    scenario_dir: Option<&Path>,
    db_flag: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    if let Some(ClassCommand::Init(init)) = &args.command {
        return super::class_init::run(init, lang);
    }
    // The roster first: a bad one is said before the LRS is asked anything. A
    // --roster given wins over the workshop's.
    let roster_path = args
        .roster
        .as_deref()
        .or_else(|| workshop.and_then(|w| w.roster.as_deref()));
    let roster = roster_path
        .map(super::workshop_args::read_roster)
        .transpose()?;
    let mut library = Library::builtin();
    if let Some(dir) = scenario_dir {
        add_folder(dir, &mut library);
    }
    // With a workshop file, only that workshop's attempts (its grouping activity).
    let grouping = workshop.map(|w| workshop_iri(&w.name));
    let lrs = if args.local { None } else { args.lrs.config()? };
    let claims = match lrs {
        Some(config) => {
            let url = config.endpoint.clone();
            let statements = Client::new(config)
                .statements(grouping.as_deref())
                .map_err(|error| CliError::Lrs { url, error })?;
            let statements: Vec<_> = match &grouping {
                Some(g) => statements
                    .into_iter()
                    .filter(|s| grouped_under(s, g))
                    .collect(),
                None => statements,
            };
            class::from_lrs::claims(&statements).0
        }
        None => {
            let store = db::open_existing(db_flag)?;
            class::from_store::claims(&store, &mut library).map_err(CliError::Store)?
        }
    };
    let verdicts = claims.iter().map(|c| verify::verify(c, &library)).collect();
    let mut selection = selection(args);
    selection.exam = workshop.and_then(|w| w.exam.clone());
    selection.workshop = grouping;
    if !args.trainees.is_empty() {
        let known = claims.iter().map(|c| normalize_name(&c.trainee)).collect();
        selection.trainees = class::pick::pick(&args.trainees, &known, roster.as_ref())
            .map_err(CliError::Trainee)?;
    }
    let report = class::tally::build(&claims, verdicts, &selection, roster.as_ref());
    let text = match args.format {
        Format::Json => motcua_store::sanitize::json::pretty(&report),
        Format::Csv => render::csv(lang, &report),
        Format::Table => render::table(lang, &report),
    };
    write_out(args.output.as_deref(), &text)?;
    Ok(if report.refused.is_empty() {
        exit::done()
    } else {
        exit::Exit::Refused.into()
    })
}

fn selection(args: &Args) -> Selection {
    let days = FilterArgs {
        from: args.from,
        to: args.to,
        ..FilterArgs::default()
    }
    .filter();
    Selection {
        mode: args.mode.map(|m| match m {
            ModeArg::Exam => Mode::Exam,
            ModeArg::Practice => Mode::Practice,
        }),
        scenarios: args.scenarios.clone(),
        from: days.from,
        until: days.until,
        exam: None,
        trainees: Default::default(),
        workshop: None,
    }
}

/// The scenario files of `--scenarios DIR`, so a custom scenario's attempts read from
/// an LRS can be replayed. A file that does not load is left out (its attempts are
/// refused as of an unknown scenario).
fn add_folder(dir: &Path, library: &mut Library) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_some_and(|e| e == "toml")
            && let Ok(bytes) = std::fs::read(&path)
            && let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(s) = scenario::load_str(&path.display().to_string(), text)
        {
            library.add(s, bytes.clone());
        }
    }
}

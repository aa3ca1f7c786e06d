//! `motcua class init --name NAME -o FILE [--exam ID|FILE [--seed N]] [--roster FILE]
//! [--submit-folder DIR] [--lrs-url URL --lrs-user USER --lrs-password PASSWORD]`: the
//! workshop file to hand to every laptop (docs/workshop.md). The LRS fields here are
//! the trainees' account and are never taken from MOTCUA_LRS_* (the instructor's own
//! account must not end up in a file every laptop gets). An existing file is kept.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, exit, resolve};
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::class::workshop::{Exam, Workshop, WorkshopLrs};
use motcua_store::lrs::LrsConfig;
use motcua_store::store::sha256_hex;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workshop's name.
    #[arg(long)]
    pub name: String,
    /// The exam scenario: a built-in id or a scenario file.
    #[arg(long, value_name = "ID|FILE")]
    pub exam: Option<String>,
    /// The exam's seed (default: the scenario's own).
    #[arg(long, requires = "exam")]
    pub seed: Option<u64>,
    /// The class list (CSV), kept as a path relative to the workshop file.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// The folder where trainees submit their bundles (shared or USB).
    #[arg(long, value_name = "DIR")]
    pub submit_folder: Option<PathBuf>,
    /// The LRS's xAPI endpoint the trainees send to.
    #[arg(long, value_name = "URL")]
    pub lrs_url: Option<String>,
    /// The trainees' LRS user (write-only where the LRS has scopes).
    #[arg(long, value_name = "USER", requires = "lrs_url")]
    pub lrs_user: Option<String>,
    /// The trainees' LRS password.
    #[arg(long, value_name = "PASSWORD", requires = "lrs_url")]
    pub lrs_password: Option<String>,
    /// The workshop file to write (never overwritten).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let exam = match &args.exam {
        Some(name) => {
            let (scenario, source) = resolve::scenario_with_source(name)?;
            Some(Exam {
                seed: args.seed.unwrap_or(scenario.meta.seed),
                scenario: scenario.meta.id,
                sha256: sha256_hex(&source),
            })
        }
        None => None,
    };
    let lrs = match &args.lrs_url {
        Some(url) => {
            let user = args.lrs_user.clone().unwrap_or_default();
            let password = args.lrs_password.clone().unwrap_or_default();
            // The same check the laptops will make: a bad URL is said now.
            LrsConfig::new(url, &user, &password).map_err(|_| CliError::BadArgument {
                name: "--lrs-url",
                value: url.clone(),
            })?;
            Some(WorkshopLrs {
                url: url.clone(),
                user,
                password,
                home: None,
            })
        }
        None => None,
    };
    let workshop = Workshop {
        name: args.name.clone(),
        submit_folder: args.submit_folder.clone(),
        roster: args.roster.clone(),
        lrs,
        exam,
    };
    let text = workshop.to_toml().map_err(|error| CliError::Workshop {
        path: args.output.clone(),
        error,
    })?;
    let header = t!(lang, "class.workshop.header");
    let body: String = header
        .lines()
        .map(|l| format!("# {l}\n"))
        .collect::<String>()
        + "\n"
        + &text;
    write_new(&args.output, &body)?;
    eprintln!(
        "{}",
        t!(lang, "class.workshop.written", path = args.output.display())
    );
    Ok(exit::done())
}

/// Create `path` with `text`; an existing file is never replaced.
fn write_new(path: &std::path::Path, text: &str) -> Result<(), CliError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => CliError::Exists {
                path: path.to_path_buf(),
            },
            _ => CliError::Write {
                path: path.to_path_buf(),
                source,
            },
        })?;
    file.write_all(text.as_bytes())
        .map_err(|source| CliError::Write {
            path: path.to_path_buf(),
            source,
        })
}

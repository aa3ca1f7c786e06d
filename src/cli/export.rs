//! `motcua export [--trainee NAME]... [--scenario ID]... [--from DATE] [--to DATE]
//! [--output FILE]`: finished attempts as a results bundle (JSON) for the instructor's
//! `motcua import`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::results::{FilterArgs, write_out};
use super::{CliError, db, exit};
use crate::export::bundle;
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write the bundle to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args, db_flag: Option<&Path>, lang: Lang) -> Result<ExitCode, CliError> {
    let store = db::open_existing(db_flag)?;
    let bundle = bundle::build(&store, &args.filter.filter()).map_err(CliError::Store)?;
    write_out(args.output.as_deref(), &bundle::to_json(&bundle))?;
    if let Some(path) = &args.output {
        eprintln!(
            "{}",
            t!(
                lang,
                "store.export.written",
                count = bundle.attempts.len(),
                path = path.display()
            )
        );
    }
    Ok(exit::done())
}

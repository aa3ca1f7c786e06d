//! `motcua export [--trainee NAME]... [--scenario ID]... [--from DATE] [--to DATE]
//! [--output FILE]`: finished attempts as a results bundle (JSON) for the instructor's
//! `motcua import`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::results::FilterArgs;
use super::{CliError, db, exit, output};
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::export::bundle::{self, WriteError};

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
    let filter = args.filter.filter();
    // Written attempt by attempt: only one attempt's log is held at a time.
    let written = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|source| CliError::Write {
                path: path.clone(),
                source,
            })?;
            bundle::write(&store, &filter, file).map_err(|e| match e {
                WriteError::Store(e) => CliError::Store(e),
                WriteError::Io(source) => CliError::Write {
                    path: path.clone(),
                    source,
                },
            })
        }
        None => bundle::write(&store, &filter, std::io::stdout().lock()).map_err(|e| match e {
            WriteError::Store(e) => CliError::Store(e),
            WriteError::Io(e) => output::write_error(e),
        }),
    }?;
    if let Some(path) = &args.output {
        let path = path.display();
        eprintln!(
            "{}",
            t!(lang, "store.export.written", count = written, path = path)
        );
    }
    Ok(exit::done())
}

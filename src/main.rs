//! Entry point: parse the command line, dispatch, render the top-level error.

use std::process::ExitCode;

use clap::Parser;
use motcua::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang();
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", err.render(lang));
            ExitCode::from(err.exit_code())
        }
    }
}

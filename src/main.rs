//! Entry point: parse the command line, dispatch, render the top-level error.

use std::process::ExitCode;

use clap::Parser;
use motcua::cli::exit::Exit;
use motcua::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang();
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let exit = err.exit();
            if exit != Exit::ClosedPipe {
                // Messages carry paths and values from the input: never let them drive the terminal.
                eprintln!("{}", motcua::sanitize::terminal(&err.render(lang)));
            }
            exit.into()
        }
    }
}

//! Entry point: parse the command line, dispatch, render the top-level error.

use std::process::ExitCode;

use motcua::cli;
use motcua::cli::exit::Exit;

fn main() -> ExitCode {
    // Help and usage in the chosen language (`--lang`, MOTCUA_LANG), Vietnamese by default.
    let cli = cli::help::parse();
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

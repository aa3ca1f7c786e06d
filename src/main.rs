//! Entry point: parse the command line, dispatch, render the top-level error.

use std::process::ExitCode;

use motcua::cli;

fn main() -> ExitCode {
    // Help and usage in the chosen language (`--lang`, MOTCUA_LANG), Vietnamese by default.
    let cli = cli::help::parse();
    let lang = cli.lang();
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", err.render(lang));
            ExitCode::from(err.exit_code())
        }
    }
}

//! Entry point: parse the command line, dispatch, render the top-level error.

use std::process::ExitCode;

use motcua::cli;
use motcua::cli::exit::Exit;

// The allocator of the binary (docs/performance.md): the engine makes many small
// allocations, where mimalloc costs a fraction of glibc's malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
                eprintln!("{}", motcua_store::sanitize::terminal(&err.render(lang)));
            }
            exit.into()
        }
    }
}

//! `motcua solve SCENARIO [--seed N] [--json] [--actions-out FILE]`: the reference
//! solver plays from the hidden truth. Exit 0 only when it scores 100, so an
//! instructor learns that the scenario can be won.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, exit, output, report, resolve};
use crate::present::debrief;
use motcua_core::score;
use motcua_core::session::{Action, action, solver};
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub target: resolve::Target,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the solver's action log (JSON Lines) to FILE.
    #[arg(long, value_name = "FILE")]
    pub actions_out: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, seed) = args.target.load(lang)?;
    // The log goes to its file as the solver plays: never held whole in memory.
    let mut log = LogFile::create(args.actions_out.as_deref())?;
    let session = solver::solve_streamed(&scenario, seed, |a| log.push(&a));
    let count = log.finish()?;
    let result = score::score(&session);
    // The report reads only the result: the session's memory goes before it is written.
    drop(session);
    if let Some(path) = &args.actions_out {
        eprintln!(
            "{}",
            t!(
                lang,
                "cli.solve.actions_written",
                count = count,
                path = path.display()
            )
        );
    }
    let won = result.total() >= 100.0;
    if args.json {
        let id = &scenario.meta.id;
        report::print(id, seed, count, &result)?;
    } else {
        output::print(&sanitize::terminal(&debrief::render(
            lang, &scenario, &result,
        )))?;
        let verdict = if won {
            t!(lang, "cli.solve.won")
        } else {
            let total = crate::present::labels::points(lang, result.total());
            t!(lang, "cli.solve.not_won", total = total, seed = seed)
        };
        output::print(&format!("\n{verdict}\n"))?;
    }
    Ok(exit::check(won))
}

/// The solver's actions counted, and written to `--actions-out` as they come, line
/// for line what `action::write_log` writes.
struct LogFile<'p> {
    file: Option<(&'p Path, BufWriter<File>)>,
    count: usize,
    /// The first write that failed: reported once the solver is done.
    failed: Option<std::io::Error>,
}

impl<'p> LogFile<'p> {
    fn create(path: Option<&'p Path>) -> Result<LogFile<'p>, CliError> {
        let file = match path {
            Some(path) => Some((
                path,
                BufWriter::new(File::create(path).map_err(|e| write_error(path, e))?),
            )),
            None => None,
        };
        Ok(LogFile {
            file,
            count: 0,
            failed: None,
        })
    }

    fn push(&mut self, action: &Action) {
        self.count += 1;
        let Some((_, out)) = &mut self.file else {
            return;
        };
        if self.failed.is_none() {
            let line = action::log_line(self.count as u64, action);
            let written = out
                .write_all(line.as_bytes())
                .and_then(|()| out.write_all(b"\n"));
            self.failed = written.err();
        }
    }

    /// How many actions the solver took, once the file is complete.
    fn finish(self) -> Result<usize, CliError> {
        if let Some((path, mut out)) = self.file {
            match self.failed {
                Some(e) => return Err(write_error(path, e)),
                None => out.flush().map_err(|e| write_error(path, e))?,
            }
        }
        Ok(self.count)
    }
}

fn write_error(path: &Path, source: std::io::Error) -> CliError {
    CliError::Write {
        path: path.to_path_buf(),
        source,
    }
}

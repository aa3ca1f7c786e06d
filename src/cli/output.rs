//! Writing a command's result to stdout. When the reader goes away (`| head`) the
//! command stops at once with `CliError::ClosedPipe`, which ends the program quietly
//! with status 141 (`exit::Exit::ClosedPipe`), as Unix tools do; never a panic.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::CliError;

pub fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    written.map_err(write_error)
}

/// `value` as indented JSON and a line break (the `--json` outputs), written as it
/// is serialised rather than built whole first.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    motcua_store::sanitize::json::write_pretty(&mut out, value)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(write_error)
}

/// `text` and a line break.
pub fn line(text: &str) -> Result<(), CliError> {
    print(&format!("{text}\n"))
}

/// A closed pipe is the reader's choice, not an error to report.
pub fn write_error(source: std::io::Error) -> CliError {
    if source.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::ClosedPipe
    } else {
        CliError::Write {
            path: PathBuf::from("<stdout>"),
            source,
        }
    }
}

//! Writing a command's result to stdout; a closed pipe (`| head`) is not an error.

use std::io::Write;
use std::path::PathBuf;

use super::CliError;

pub fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(CliError::Write {
            path: PathBuf::from("<stdout>"),
            source,
        }),
    }
}

//! Scenario files on disk: the shell reads the bytes, the core (`motcua_core::scenario`)
//! checks them. Kept out of the core so that it does no file I/O.

use std::path::Path;

use motcua_core::scenario::{self, Diagnostic, Loaded, Scenario};

/// The scenario of a file; warnings are dropped (`check_file` keeps them).
pub fn load_file(path: &Path) -> Result<Scenario, Vec<Diagnostic>> {
    check_file(path).map(|l| l.scenario)
}

/// Load a file and keep its warnings: what `motcua validate` prints.
pub fn check_file(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let label = path.display().to_string();
    // Refused before it is read: a huge file must not fill the memory.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && scenario::file_too_large(meta.len())
    {
        return Err(scenario::too_large(&label, meta.len()));
    }
    match std::fs::read(path) {
        Ok(bytes) => scenario::check_bytes(&label, &bytes),
        Err(err) => Err(scenario::unreadable(&label, io_reason(&err))),
    }
}

/// A catalogue key for the common causes, the system's own words otherwise.
fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "@diag.io.not_found".to_string(),
        ErrorKind::PermissionDenied => "@diag.io.permission_denied".to_string(),
        ErrorKind::IsADirectory => "@diag.io.is_a_directory".to_string(),
        _ => err.to_string(),
    }
}

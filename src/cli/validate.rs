//! `motcua validate PATH...`: check scenario files and folders.
//!
//! Diagnostics go to stderr (`path:line:col: error[CODE]: message` and a hint),
//! one result line per file and a summary to stdout. Exit 0 when every file is
//! valid, 1 otherwise (including a folder without any .toml file).

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, exit, output, winnable};
use motcua_i18n::t;
use motcua_i18n::{Lang, diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files, or folders searched recursively for *.toml.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the diagnostics only: no per-file result, no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let mut all_ok = true;
    let (mut valid, mut invalid) = (0usize, 0usize);
    for path in &args.paths {
        let files = scenario_files(path);
        if files.is_empty() {
            eprintln!("{}", t!(lang, "validate.no_files", path = path.display()));
            all_ok = false;
            continue;
        }
        for file in files {
            let label = file.display().to_string();
            match crate::scenario_file::check_file(&file) {
                Ok(loaded) => {
                    valid += 1;
                    // Warnings never make a file invalid: the file's own (W002 events that
                    // never take effect, W005 format 1) in file order, then W001.
                    for d in &loaded.warnings {
                        eprintln!("{}", diagnostics::render(lang, d));
                    }
                    if let Some(d) = winnable::check(&label, &loaded.scenario) {
                        eprintln!("{}", diagnostics::render(lang, &d));
                    }
                    if !args.quiet {
                        output::line(&t!(lang, "validate.file_ok", path = label))?;
                    }
                }
                Err(diags) => {
                    invalid += 1;
                    all_ok = false;
                    for d in &diags {
                        eprintln!("{}", diagnostics::render(lang, d));
                    }
                    if !args.quiet {
                        let key = if diags.len() == 1 {
                            "validate.file_invalid_one"
                        } else {
                            "validate.file_invalid_many"
                        };
                        output::line(&t!(lang, key, path = label, count = diags.len()))?;
                    }
                }
            }
        }
    }
    if !args.quiet {
        let files = valid + invalid;
        output::line(&t!(
            lang,
            "validate.summary",
            files = files,
            valid = valid,
            invalid = invalid
        ))?;
    }
    Ok(exit::check(all_ok))
}

/// A file stands for itself (even a missing one: loading it reports E001);
/// a folder for its *.toml files, recursively, in sorted order.
fn scenario_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    if collect(path, &mut files).is_err() {
        // An unreadable folder: loading it reports why (E001).
        return vec![path.to_path_buf()];
    }
    files.sort();
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // Only real folders are entered, so a symlink loop cannot trap the walk.
        if entry.file_type()?.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

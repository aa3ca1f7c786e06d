//! `motcua new [ID] [--output FILE]`: a commented starter scenario (a small
//! birth registration) whose id is ID. It validates as written and the
//! reference solver wins it, so an instructor starts from something that works.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, exit, output};
use motcua_i18n::Lang;
use motcua_i18n::t;

/// The template; `__ID__` stands for the scenario id.
pub const TEMPLATE: &str = include_str!("new_template.toml");

/// The id used when none is given.
pub const DEFAULT_ID: &str = "kich-ban-moi";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario id: lower-case ASCII letters, digits and hyphens (default: kich-ban-moi).
    pub id: Option<String>,
    /// Write the scenario to FILE instead of stdout; an existing file is never overwritten.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Whether `id` can name a scenario: `a-z`, `0-9` and inner hyphens.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An id close to what was typed: diacritics dropped (`Thường Trú` → `thuong-tru`),
/// lower case, runs of other characters made one hyphen.
pub fn suggest_id(typed: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in typed.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            _ => '-',
        };
        if c != '-' || !out.is_empty() && !out.ends_with('-') {
            out.push(c);
        }
    }
    let id = out.trim_end_matches('-').to_string();
    valid_id(&id).then_some(id)
}

/// The starter scenario with its id filled in.
pub fn starter(id: &str) -> String {
    TEMPLATE.replace("__ID__", id)
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let id = args.id.as_deref().unwrap_or(DEFAULT_ID);
    if !valid_id(id) {
        let value = match suggest_id(id) {
            Some(s) => t!(lang, "cli.new.id_rule_suggest", id = id, suggestion = s),
            None => t!(lang, "cli.new.id_rule", id = id),
        };
        return Err(CliError::BadArgument { name: "ID", value });
    }
    let text = starter(id);
    let Some(path) = &args.output else {
        output::print(&text)?;
        return Ok(exit::done());
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(CliError::Exists { path: path.clone() });
        }
        Err(source) => {
            return Err(CliError::Write {
                path: path.clone(),
                source,
            });
        }
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|source| CliError::Write {
            path: path.clone(),
            source,
        })?;
    eprintln!(
        "{}",
        t!(lang, "cli.new.written", id = id, path = path.display())
    );
    Ok(exit::done())
}

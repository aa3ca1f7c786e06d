//! `--workshop FILE` / MOTCUA_WORKSHOP: the workshop file a laptop was handed. Its
//! LRS and credentials fill what the command line and the environment leave unset
//! (a flag or a variable always wins: the instructor reads with their own account).

use std::path::Path;

use super::lrs_args::LrsArgs;
use super::{Cli, CliError, Command};
use motcua_store::class::{Roster, Workshop};

pub fn load(path: Option<&Path>) -> Result<Option<Workshop>, CliError> {
    let Some(path) = path.filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(None);
    };
    Workshop::load(path)
        .map(Some)
        .map_err(|error| CliError::Workshop {
            path: path.to_path_buf(),
            error,
        })
}

/// The workshop's LRS into every set of `--lrs-*` arguments of this command line, and
/// its name: the attempts this run opens are grouped under the workshop.
pub fn fill_lrs(cli: &mut Cli, w: &Workshop) {
    let args: Option<&mut LrsArgs> = match &mut cli.command {
        None => Some(&mut cli.lrs),
        Some(Command::Play(a)) => Some(&mut a.lrs),
        Some(Command::Record(a)) => Some(&mut a.lrs),
        Some(Command::Sync(a)) => Some(&mut a.lrs),
        Some(Command::Class(a)) => Some(&mut a.lrs),
        Some(_) => None,
    };
    let Some(args) = args else { return };
    args.workshop = Some(w.name.clone());
    if let Some(lrs) = &w.lrs {
        let fill = |field: &mut Option<String>, value: &str| {
            if field.as_deref().is_none_or(|f| f.trim().is_empty()) && !value.is_empty() {
                *field = Some(value.to_string());
            }
        };
        fill(&mut args.lrs_url, &lrs.url);
        fill(&mut args.lrs_user, &lrs.user);
        fill(&mut args.lrs_password, &lrs.password);
        fill(&mut args.lrs_home, lrs.home.as_deref().unwrap_or_default());
    }
}

/// The workshop's class list, read now: a roster that does not read stops the program
/// with its line and what to fix, before the screen changes (the instructor mends the
/// file once, not thirty laptops finding out one by one).
pub fn roster(w: &Workshop) -> Result<Option<Roster>, CliError> {
    w.roster.as_deref().map(read_roster).transpose()
}

/// A roster file (CSV), its problem said with its path and line.
pub fn read_roster(path: &Path) -> Result<Roster, CliError> {
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Roster::parse(&bytes).map_err(|error| CliError::Roster {
        path: path.to_path_buf(),
        error,
    })
}

//! `motcua validate`. PLACEHOLDER: not written yet.

use std::process::ExitCode;

use super::CliError;
use crate::i18n::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, _lang: Lang) -> Result<ExitCode, CliError> {
    Err(CliError::NotYet("validate"))
}

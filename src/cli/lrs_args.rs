//! Where the Learning Record Store is, for every command that queues or sends learning
//! records: `--lrs-url`, `--lrs-user`, `--lrs-password`, `--lrs-home` (on the commands
//! that play or send: `motcua`, `play`, `record`, `sync`),
//! else `MOTCUA_LRS_URL`, `MOTCUA_LRS_USER`, `MOTCUA_LRS_PASSWORD`, `MOTCUA_LRS_HOME`.
//! Without a URL nothing is queued: a laptop with no LRS keeps no outbox.

use super::CliError;
use crate::export::xapi::Journal;
use crate::export::xapi::profile::{DEFAULT_HOME, Profile};
use crate::i18n::Lang;
use crate::lrs::LrsConfig;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint (http://127.0.0.1:8100/xAPI for a local Ralph). Also MOTCUA_LRS_URL.
    #[arg(long, env = "MOTCUA_LRS_URL", value_name = "URL")]
    pub lrs_url: Option<String>,
    /// The LRS user name. Also MOTCUA_LRS_USER.
    #[arg(long, env = "MOTCUA_LRS_USER", value_name = "USER")]
    pub lrs_user: Option<String>,
    /// The LRS password (prefer MOTCUA_LRS_PASSWORD: a flag shows in the process list).
    #[arg(
        long,
        env = "MOTCUA_LRS_PASSWORD",
        hide_env_values = true,
        value_name = "PASSWORD"
    )]
    pub lrs_password: Option<String>,
    /// The trainees' account home page in the statements (default urn:motcua:xapi:trainee). Also MOTCUA_LRS_HOME.
    #[arg(long, env = "MOTCUA_LRS_HOME", value_name = "IRI")]
    pub lrs_home: Option<String>,
}

impl LrsArgs {
    /// The LRS, when a URL is given; an unusable URL is a usage error.
    pub fn config(&self) -> Result<Option<LrsConfig>, CliError> {
        let Some(url) = self.lrs_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            return Ok(None);
        };
        let user = self.lrs_user.as_deref().unwrap_or_default();
        let password = self.lrs_password.as_deref().unwrap_or_default();
        LrsConfig::new(url, user, password)
            .map(Some)
            .map_err(|_| CliError::BadArgument {
                name: "--lrs-url",
                value: url.to_string(),
            })
    }

    /// What the statements say about this laptop, when an LRS is set.
    pub fn profile(&self, lang: Lang) -> Result<Option<Profile>, CliError> {
        if self.config()?.is_none() {
            return Ok(None);
        }
        let mut profile = Profile::plain(lang);
        if let Some(home) = self.lrs_home.as_deref().filter(|h| !h.trim().is_empty()) {
            profile.home_page = home.trim().to_string();
        } else {
            profile.home_page = DEFAULT_HOME.to_string();
        }
        Ok(Some(profile))
    }

    /// The learning records of the attempts this run plays: off without an LRS.
    pub fn journal(&self, lang: Lang) -> Result<Journal, CliError> {
        Ok(Journal::new(self.profile(lang)?))
    }
}

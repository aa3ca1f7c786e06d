//! Where the Learning Record Store is, for every command that queues or sends learning
//! records: `--lrs-url`, `--lrs-user`, `--lrs-password`, `--lrs-home` (on the commands
//! that play or send: `motcua`, `play`, `record`, `sync`),
//! else `MOTCUA_LRS_URL`, `MOTCUA_LRS_USER`, `MOTCUA_LRS_PASSWORD`, `MOTCUA_LRS_HOME`.
//! Without a URL nothing is queued: a laptop with no LRS keeps no outbox.

use super::CliError;
use motcua_i18n::Lang;
use motcua_store::export::xapi::Journal;
use motcua_store::export::xapi::profile::{DEFAULT_HOME, Profile};
use motcua_store::lrs::LrsConfig;

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
    /// The workshop file's name (`--workshop`), the grouping of the attempts opened.
    #[arg(skip)]
    pub workshop: Option<String>,
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
        profile.workshop = self.workshop.clone();
        profile.home_page = match self.lrs_home.as_deref().map(str::trim) {
            None | Some("") => DEFAULT_HOME.to_string(),
            Some(home) if is_iri(home) => home.to_string(),
            // An LRS refuses every statement of an account without an IRI home page.
            Some(home) => {
                return Err(CliError::BadArgument {
                    name: "--lrs-home",
                    value: home.to_string(),
                });
            }
        };
        Ok(Some(profile))
    }

    /// The learning records of the attempts this run plays: off without an LRS.
    pub fn journal(&self, lang: Lang) -> Result<Journal, CliError> {
        Ok(Journal::new(self.profile(lang)?))
    }
}

/// An absolute IRI, as far as a typo goes: `scheme:rest`, the scheme a letter then
/// letters, digits, `+`, `-` or `.`, and no space anywhere.
fn is_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !text.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::is_iri;

    #[test]
    fn a_home_page_must_be_an_iri() {
        for good in [
            "https://lms.example.org",
            "urn:motcua:xapi:trainee",
            "http://x/y?z",
        ] {
            assert!(is_iri(good), "{good}");
        }
        for bad in [
            "not a home page",
            "lms.example.org",
            "1http://x",
            "https://a b",
            "urn:",
        ] {
            assert!(!is_iri(bad), "{bad}");
        }
    }
}

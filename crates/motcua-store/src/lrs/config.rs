//! Where the LRS is: its xAPI endpoint (the address its statements resource hangs
//! under, `http://127.0.0.1:8100/xAPI` for a local Ralph) and the basic-auth
//! credentials. From `--lrs-url`/`--lrs-user`/`--lrs-password`, else `MOTCUA_LRS_URL`,
//! `MOTCUA_LRS_USER`, `MOTCUA_LRS_PASSWORD`, else the workshop file (`cli::lrs_args`).

use thiserror::Error;

#[derive(Clone, PartialEq, Eq)]
pub struct LrsConfig {
    /// Without a trailing `/` and without `/statements`.
    pub endpoint: String,
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for LrsConfig {
    // The password never shows in a log or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsConfig")
            .field("endpoint", &self.endpoint)
            .field("user", &self.user)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// Not an `http://` or `https://` address.
    #[error("{url}: not an http:// or https:// address")]
    BadUrl { url: String },
}

impl LrsConfig {
    /// `url` is the xAPI endpoint; a trailing `/` or `/statements` is taken off, as users
    /// copy either from an LRS's settings page.
    pub fn new(url: &str, user: &str, password: &str) -> Result<LrsConfig, ConfigError> {
        let trimmed = url.trim();
        let lower = trimmed.to_ascii_lowercase();
        let host_starts = if lower.starts_with("http://") {
            7
        } else if lower.starts_with("https://") {
            8
        } else {
            return Err(ConfigError::BadUrl {
                url: url.to_string(),
            });
        };
        let mut endpoint = trimmed.trim_end_matches('/').to_string();
        if let Some(base) = endpoint.strip_suffix("/statements") {
            endpoint = base.to_string();
        }
        if endpoint.len() <= host_starts || trimmed.contains(char::is_whitespace) {
            return Err(ConfigError::BadUrl {
                url: url.to_string(),
            });
        }
        Ok(LrsConfig {
            endpoint,
            user: user.to_string(),
            password: password.to_string(),
        })
    }

    /// `<endpoint>/statements`.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint)
    }

    /// `scheme://host:port` of the endpoint, which an LRS's `more` links are relative to.
    pub fn origin(&self) -> &str {
        let after_scheme = self.endpoint.find("://").map_or(0, |i| i + 3);
        let end = self.endpoint[after_scheme..]
            .find('/')
            .map_or(self.endpoint.len(), |i| after_scheme + i);
        &self.endpoint[..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_is_taken_as_users_copy_it() {
        let c = LrsConfig::new("http://127.0.0.1:8100/xAPI/", "u", "p").unwrap();
        assert_eq!(c.endpoint, "http://127.0.0.1:8100/xAPI");
        assert_eq!(c.statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        assert_eq!(c.origin(), "http://127.0.0.1:8100");
        let c = LrsConfig::new("https://lrs.example.org/data/xAPI/statements", "u", "p").unwrap();
        assert_eq!(c.endpoint, "https://lrs.example.org/data/xAPI");
        assert_eq!(c.origin(), "https://lrs.example.org");
        for bad in [
            "127.0.0.1:8100/xAPI",
            "ftp://x/xAPI",
            "http://",
            "http://a b/xAPI",
            "",
        ] {
            assert!(LrsConfig::new(bad, "u", "p").is_err(), "{bad}");
        }
    }

    #[test]
    fn the_password_is_not_in_the_debug_text() {
        let c = LrsConfig::new("http://h/xAPI", "user", "s3cret").unwrap();
        assert!(!format!("{c:?}").contains("s3cret"));
    }
}

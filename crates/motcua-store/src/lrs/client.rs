//! The LRS's statements resource over HTTP (ureq, blocking, with timeouts): post one
//! statement or a batch, and read every statement back page by page (`more`). Every
//! answer is sorted into what the user must hear: the LRS is unreachable, refused the
//! credentials, is not an LRS at that address, rejected a statement, or failed itself.

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use super::config::LrsConfig;
use crate::export::xapi::profile::XAPI_VERSION;

/// Why a request did not store or read statements. Keys are stable (`key`): the
/// outbox keeps them, the catalogue says them (`lrs.failure.<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer: wrong address, the LRS is down, no network, a timeout.
    Unreachable,
    /// 401 or 403: the user name or password is refused (or lacks the right to write).
    Credentials,
    /// Something answers, but not as an xAPI LRS does (404, an unexpected body).
    NotLrs,
    /// 400, 413 or 422: the LRS refuses the statement itself; sending it again will not help.
    Rejected,
    /// 5xx: the LRS failed; a later try may work.
    Server,
}

impl Failure {
    pub fn key(self) -> &'static str {
        match self {
            Failure::Unreachable => "unreachable",
            Failure::Credentials => "credentials",
            Failure::NotLrs => "not-lrs",
            Failure::Rejected => "rejected",
            Failure::Server => "server",
        }
    }
    pub fn from_key(key: &str) -> Option<Failure> {
        [
            Failure::Unreachable,
            Failure::Credentials,
            Failure::NotLrs,
            Failure::Rejected,
            Failure::Server,
        ]
        .into_iter()
        .find(|f| f.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LrsError {
    pub failure: Failure,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// What the network or the LRS said, shortened.
    pub detail: String,
}

impl std::fmt::Display for LrsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.status {
            Some(s) => write!(f, "{} (HTTP {s}): {}", self.failure.key(), self.detail),
            None => write!(f, "{}: {}", self.failure.key(), self.detail),
        }
    }
}

/// What a post did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// 200: the ids the LRS stored now. Of a batch, an LRS may leave out the ids it
    /// already held identically (Ralph does): those were sent before.
    Stored(Vec<String>),
    /// 204 (every statement already held identically: Ralph's answer) or 409 (the LRS
    /// holds a statement with this id and takes it for another). motcua derives ids
    /// from the attempt, so that is this statement, sent before.
    AlreadyThere,
}

/// How long a request may take at most; the connection itself, less.
pub const TIMEOUT: Duration = Duration::from_secs(20);
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(4);

/// The most statements one page read may bring (an LRS pages far below it).
const BODY_LIMIT: u64 = 256 * 1024 * 1024;

/// Pages read at most, so a misbehaving server that always offers `more` cannot
/// keep `class` reading forever.
const MAX_PAGES: usize = 100_000;

pub struct Client {
    agent: ureq::Agent,
    config: LrsConfig,
    auth: String,
}

impl Client {
    pub fn new(config: LrsConfig) -> Client {
        let agent_config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .http_status_as_error(false)
            .build();
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", config.user, config.password));
        Client {
            agent: ureq::Agent::new_with_config(agent_config),
            config,
            auth: format!("Basic {token}"),
        }
    }

    pub fn config(&self) -> &LrsConfig {
        &self.config
    }

    /// Post statements (JSON texts): one as an object, several as a list.
    pub fn post(&self, bodies: &[&str]) -> Result<Posted, LrsError> {
        let body = match bodies {
            [one] => (*one).to_string(),
            many => format!("[{}]", many.join(",")),
        };
        let response = self
            .agent
            .post(&self.config.statements_url())
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", &self.auth)
            .content_type("application/json")
            .send(body.as_bytes())
            .map_err(network)?;
        let status = response.status().as_u16();
        let text = read(response)?;
        match status {
            // xAPI answers a post with the list of the ids it stored.
            200 => match serde_json::from_str::<Vec<String>>(&text) {
                Ok(ids) => Ok(Posted::Stored(ids)),
                Err(_) => Err(not_lrs(Some(200), &text)),
            },
            204 | 409 => Ok(Posted::AlreadyThere),
            _ => Err(answer(status, &text)),
        }
    }

    /// Every statement the LRS lets these credentials read, following `more`; with
    /// `activity`, only those whose object or context activities (the grouping of a
    /// workshop) are that activity (xAPI's `activity` and `related_activities=true`).
    pub fn statements(&self, activity: Option<&str>) -> Result<Vec<Value>, LrsError> {
        let mut out = Vec::new();
        let mut url = self.config.statements_url();
        for page in 0..MAX_PAGES {
            let mut request = self.agent.get(&url);
            if page == 0 {
                // A `more` link carries the query it continues.
                request = request.query("limit", "100");
                if let Some(activity) = activity {
                    request = request
                        .query("activity", activity)
                        .query("related_activities", "true");
                }
            }
            let response = request
                .header("X-Experience-API-Version", XAPI_VERSION)
                .header("Authorization", &self.auth)
                .call()
                .map_err(network)?;
            let status = response.status().as_u16();
            let text = read(response)?;
            if status != 200 {
                return Err(answer(status, &text));
            }
            let page: Value =
                serde_json::from_str(&text).map_err(|_| not_lrs(Some(status), &text))?;
            let Some(list) = page.get("statements").and_then(Value::as_array) else {
                return Err(not_lrs(Some(status), &text));
            };
            let empty = list.is_empty();
            out.extend(list.iter().cloned());
            match page.get("more").and_then(Value::as_str) {
                Some(more) if !more.is_empty() && !empty => url = self.resolve(more),
                _ => return Ok(out),
            }
        }
        Ok(out)
    }

    /// A `more` link: absolute, or relative to the LRS's origin.
    fn resolve(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            more.to_string()
        } else {
            format!("{}/{}", self.config.origin(), more.trim_start_matches('/'))
        }
    }
}

fn read(response: ureq::http::Response<ureq::Body>) -> Result<String, LrsError> {
    response
        .into_body()
        .with_config()
        .limit(BODY_LIMIT)
        .read_to_string()
        .map_err(network)
}

fn network(e: ureq::Error) -> LrsError {
    LrsError {
        failure: Failure::Unreachable,
        status: None,
        detail: e.to_string(),
    }
}

fn short(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut cut: String = one_line.chars().take(300).collect();
    if cut.len() < one_line.len() {
        cut.push('…');
    }
    cut
}

fn not_lrs(status: Option<u16>, text: &str) -> LrsError {
    LrsError {
        failure: Failure::NotLrs,
        status,
        detail: short(text),
    }
}

/// An answer that is not a success, sorted.
fn answer(status: u16, text: &str) -> LrsError {
    let failure = match status {
        401 | 403 => Failure::Credentials,
        400 | 413 | 422 => Failure::Rejected,
        500..=599 => Failure::Server,
        _ => Failure::NotLrs,
    };
    LrsError {
        failure,
        status: Some(status),
        detail: short(text),
    }
}

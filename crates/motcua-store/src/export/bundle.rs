//! The results bundle: finished attempts with their action logs, scenario hashes and
//! seeds, as one JSON document. The instructor's `motcua import` replays every
//! attempt; nothing in the bundle is trusted.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::sanitize;
use crate::store::{
    self, AttemptId, AttemptInfo, Filter, Mode, PlayedVia, Status, Store, StoreError, timestamp,
};
use motcua_core::session::{WORLD_VERSION, action};

/// `format` of a bundle.
pub const FORMAT: &str = "motcua-results";
/// `version` of the bundle layout this motcua writes; it reads this one and every
/// earlier one. 2 added `world_version`; a layout-1 bundle is of world version 1.
pub const VERSION: u32 = 2;

/// The world version of whatever was recorded before world versions existed.
pub(crate) const WORLD_ONE: u32 = 1;

fn world_one() -> u32 {
    WORLD_ONE
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle<T = Vec<BundleAttempt>> {
    pub format: String,
    pub version: u32,
    /// motcua version that wrote the bundle.
    pub engine_version: String,
    /// The world version of the motcua that wrote the bundle.
    #[serde(default = "world_one")]
    pub world_version: u32,
    pub exported_at: String,
    /// The text of every scenario file the attempts used, by its SHA-256, so the
    /// instructor's machine re-scores a custom scenario without the file beside the
    /// bundle; `import` keeps a text only when it matches its hash. Absent in bundles
    /// written before it (they still import with `--scenario FILE`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scenarios: BTreeMap<String, String>,
    pub attempts: T,
}

/// One attempt of a bundle. `A` is its action log: raw JSON values in a bundle held
/// in memory (`Bundle`, which may hold anything a file holds), typed actions where a
/// bundle is streamed (`stream`, `write`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleAttempt<A = Vec<serde_json::Value>> {
    pub trainee: String,
    /// The trainee's id on the class list (the roster's id column), which tells two
    /// trainees of the same name apart; absent when there is none and in bundles
    /// written before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainee_id: Option<String>,
    pub scenario: String,
    pub scenario_sha256: String,
    pub seed: u64,
    pub mode: Mode,
    /// motcua version the attempt was played with.
    pub engine_version: String,
    /// The world version the attempt was played in: only this motcua's own is
    /// replayed on import; an older one is kept with its recorded score.
    #[serde(default = "world_one")]
    pub world_version: u32,
    pub started_at: String,
    pub ended_at: String,
    pub total: f64,
    pub band: String,
    pub passed: bool,
    /// How it was played (the training screen or `motcua record`), as the laptop
    /// reports it; absent in bundles written before it and where it is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub played_via: Option<PlayedVia>,
    /// Handed in before its period was over (the training screen's "Submit" during an
    /// exam): no score (`total` 0, `band` empty, `passed` false); `import` checks every
    /// action by replay and keeps it as an unfinished attempt, which the class report
    /// lists as unfinished. Absent (false) for a finished attempt.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unfinished: bool,
    /// The action log, one object per action as in a `.jsonl` log (`seq` from 1).
    /// Kept as raw JSON so one bad line refuses its attempt, not the whole bundle.
    pub actions: A,
}

impl<A> BundleAttempt<A> {
    /// The same attempt with its log in another form.
    pub fn map_actions<B>(&self, f: impl FnOnce(&A) -> B) -> BundleAttempt<B> {
        BundleAttempt {
            trainee: self.trainee.clone(),
            trainee_id: self.trainee_id.clone(),
            scenario: self.scenario.clone(),
            scenario_sha256: self.scenario_sha256.clone(),
            seed: self.seed,
            mode: self.mode,
            engine_version: self.engine_version.clone(),
            world_version: self.world_version,
            started_at: self.started_at.clone(),
            ended_at: self.ended_at.clone(),
            total: self.total,
            band: self.band.clone(),
            passed: self.passed,
            played_via: self.played_via,
            unfinished: self.unfinished,
            actions: f(&self.actions),
        }
    }
}

/// Every finished attempt the filter takes (in memory: tests, small stores; `write`
/// streams).
pub fn build(store: &Store, filter: &Filter) -> Result<Bundle, StoreError> {
    let mut attempts = Vec::new();
    let infos = store.attempts(&finished(filter))?;
    let scenarios = texts(store, &infos)?;
    for info in infos {
        let actions = store.actions(info.id)?;
        let values = Logged(&actions)
            .iter()
            .map(|a| serde_json::to_value(a).unwrap_or_default())
            .collect();
        attempts.push(head(&info).map_actions(|()| values));
    }
    Ok(Bundle {
        format: FORMAT.to_string(),
        version: VERSION,
        engine_version: store::ENGINE_VERSION.to_string(),
        world_version: WORLD_VERSION,
        exported_at: timestamp(std::time::SystemTime::now().into()),
        scenarios,
        attempts,
    })
}

/// The scenario texts of `infos`, by hash (a text that is not UTF-8 is left out: a
/// scenario file is TOML, always UTF-8).
fn texts(store: &Store, infos: &[AttemptInfo]) -> Result<BTreeMap<String, String>, StoreError> {
    let mut out = BTreeMap::new();
    for info in infos {
        if out.contains_key(&info.scenario_sha256) {
            continue;
        }
        if let Some(text) = store
            .scenario_source(&info.scenario_sha256)?
            .and_then(|bytes| String::from_utf8(bytes).ok())
        {
            out.insert(info.scenario_sha256.clone(), text);
        }
    }
    Ok(out)
}

fn finished(filter: &Filter) -> Filter {
    Filter {
        finished_only: true,
        ..filter.clone()
    }
}

/// An attempt's fields, its log still to come.
fn head(info: &AttemptInfo) -> BundleAttempt<()> {
    BundleAttempt {
        trainee: info.trainee.clone(),
        trainee_id: info.roster_id.clone(),
        scenario: info.scenario.clone(),
        scenario_sha256: info.scenario_sha256.clone(),
        seed: info.seed,
        mode: info.mode,
        engine_version: info.engine_version.clone(),
        world_version: info.world_version,
        started_at: timestamp(info.started_at),
        // An attempt still open (written as it stands) ends where it started.
        ended_at: timestamp(info.ended_at.unwrap_or(info.started_at)),
        total: info.total.unwrap_or_default(),
        band: info.band.map(|b| b.key().to_string()).unwrap_or_default(),
        passed: info.passed.unwrap_or(false),
        played_via: info.played_via,
        unfinished: info.status != Status::Finished,
        actions: (),
    }
}

/// An action log written as `{"seq": 1, "action": …}` objects, one action at a time.
struct Logged<'a>(&'a [action::Action]);

impl Logged<'_> {
    fn iter(&self) -> impl Iterator<Item = action::LoggedAction> + '_ {
        self.0
            .iter()
            .enumerate()
            .map(|(i, a)| action::LoggedAction {
                seq: i as u64 + 1,
                action: a.clone(),
            })
    }
}

impl Serialize for Logged<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Why `write` stopped.
#[derive(Debug)]
pub enum WriteError {
    Store(StoreError),
    Io(std::io::Error),
}

/// Every finished attempt the filter takes, written to `out` as a bundle one attempt
/// at a time: only one attempt's log is held, however large the store. Returns the
/// number of attempts written.
pub fn write(store: &Store, filter: &Filter, out: impl Write) -> Result<usize, WriteError> {
    let infos = store
        .attempts(&finished(filter))
        .map_err(WriteError::Store)?;
    write_infos(store, infos, out)
}

/// One attempt as a bundle of its own, finished or not (the training screen's
/// "Submit": an attempt handed in before its end is marked `unfinished`). An attempt
/// still open is written as it stands, unfinished too.
pub fn write_attempt(store: &Store, attempt: AttemptId, out: impl Write) -> Result<(), WriteError> {
    let info = store.attempt(attempt).map_err(WriteError::Store)?;
    write_infos(store, vec![info], out).map(|_| ())
}

fn write_infos(
    store: &Store,
    infos: Vec<AttemptInfo>,
    out: impl Write,
) -> Result<usize, WriteError> {
    let count = infos.len();
    let scenarios = texts(store, &infos).map_err(WriteError::Store)?;
    let failed = RefCell::new(None);
    let doc = Bundle {
        format: FORMAT.to_string(),
        version: VERSION,
        engine_version: store::ENGINE_VERSION.to_string(),
        world_version: WORLD_VERSION,
        exported_at: timestamp(std::time::SystemTime::now().into()),
        scenarios,
        attempts: FromStore {
            store,
            infos,
            failed: &failed,
        },
    };
    let mut out = std::io::BufWriter::new(out);
    let written = sanitize::json::write_pretty(&mut out, &doc).and_then(|()| {
        out.write_all(b"\n")?;
        out.flush()
    });
    match (failed.into_inner(), written) {
        (Some(e), _) => Err(WriteError::Store(e)),
        (None, Err(e)) => Err(WriteError::Io(e)),
        (None, Ok(())) => Ok(count),
    }
}

/// The attempts of `write`, each read from the store as it is serialised; a store
/// error stops the writing and is kept in `failed`.
struct FromStore<'a> {
    store: &'a Store,
    infos: Vec<AttemptInfo>,
    failed: &'a RefCell<Option<StoreError>>,
}

impl Serialize for FromStore<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.infos.len()))?;
        for info in &self.infos {
            let actions = self.store.actions(info.id).map_err(|e| {
                let message = e.to_string();
                *self.failed.borrow_mut() = Some(e);
                S::Error::custom(message)
            })?;
            seq.serialize_element(&head(info).map_actions(|()| Logged(&actions)))?;
        }
        seq.end()
    }
}

/// The bundle as pretty JSON with a final newline.
pub fn to_json(bundle: &Bundle) -> String {
    sanitize::json::pretty(bundle)
}

/// Why a file is not a bundle at all.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// Not JSON, or not the shape of a bundle.
    Malformed(String),
    /// `format` is not `motcua-results`.
    NotABundle,
    /// A later bundle layout.
    TooNew { found: u32, supported: u32 },
    /// `version` missing, 0 or not a number: no layout motcua ever wrote.
    BadVersion { found: String },
    /// More attempts than `limits::BUNDLE_ATTEMPTS`.
    TooMany { count: usize, limit: usize },
    /// Written by a motcua of a newer simulated world than this one.
    WorldTooNew { found: u32, supported: u32 },
    /// `world_version` missing from a layout-2 bundle, 0 or not a number.
    BadWorldVersion { found: String },
}

/// The whole bundle at once (tests, small files): the header checked as `import`
/// checks it (`stream::header`), then every attempt; an unreadable attempt fails it.
pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    super::stream::header(text.as_bytes())?;
    serde_json::from_str(text).map_err(|e| BundleError::Malformed(e.to_string()))
}

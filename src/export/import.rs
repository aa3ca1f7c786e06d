//! `motcua import`: every attempt of a bundle is replayed with this machine's copy of
//! its scenario and re-scored; it is kept only when the scenario is the same (same
//! SHA-256), every action is allowed, the period was played to its end, and the
//! recorded total, band and pass equal the replay's. A trainee cannot hand in a score
//! they did not play.

use std::collections::HashMap;

use serde::Serialize;

use super::bundle::{Bundle, BundleAttempt};
use crate::scenario::{self, Scenario, builtin};
use crate::score::{self, Debrief};
use crate::session::action::{Action, LoggedAction};
use crate::session::{Rejection, Session};
use crate::store::attempts::{band_from_key, normalize_name};
use crate::store::imported::{Imported, ImportedAttempt};
use crate::store::{AttemptId, Store, StoreError, parse_timestamp, sha256_hex};

/// One scenario text known on this machine.
#[derive(Debug, Clone)]
pub struct Known {
    pub scenario: Scenario,
    pub source: Vec<u8>,
    pub sha256: String,
}

/// The scenarios this machine can re-score with: the built-in ones and any files given.
#[derive(Debug, Clone, Default)]
pub struct Library {
    by_sha: HashMap<String, Known>,
    ids: HashMap<String, Vec<String>>,
}

impl Library {
    /// The built-in scenarios.
    pub fn builtin() -> Library {
        let mut lib = Library::default();
        for (file, text) in builtin::FILES {
            let label = format!("scenarios/{file}");
            if let Ok(s) = scenario::load_str(&label, text) {
                lib.add(s, text.as_bytes().to_vec());
            }
        }
        lib
    }

    pub fn add(&mut self, scenario: Scenario, source: Vec<u8>) {
        let sha256 = sha256_hex(&source);
        let shas = self.ids.entry(scenario.meta.id.clone()).or_default();
        if !shas.contains(&sha256) {
            shas.push(sha256.clone());
        }
        self.by_sha.insert(
            sha256.clone(),
            Known {
                scenario,
                source,
                sha256,
            },
        );
    }

    pub fn by_sha(&self, sha: &str) -> Option<&Known> {
        self.by_sha.get(sha)
    }

    /// Hashes of the texts known under `id`.
    pub fn hashes_of(&self, id: &str) -> &[String] {
        self.ids.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Why an attempt was refused. Codes and facts; the CLI says it in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Refusal {
    /// No scenario with this id on this machine (give the file with `--scenario`).
    UnknownScenario { scenario: String },
    /// The scenario on this machine is another version of the one played.
    ScenarioDiffers {
        scenario: String,
        recorded: String,
        local: Vec<String>,
    },
    /// A field of the attempt is missing or wrong (empty trainee, bad time, unknown band).
    BadField { field: &'static str, value: String },
    /// An action line does not parse, or `seq` does not count 1, 2, 3 ...
    BadAction { seq: u64, detail: String },
    /// The rules refuse an action: the log was edited or belongs to another attempt.
    Rejected {
        seq: u64,
        action: &'static str,
        rejection: Rejection,
    },
    /// The log stops before the end of the period: not a finished attempt.
    NotFinished,
    /// The recorded score is not the replay's.
    ScoreDiffers {
        recorded_total: f64,
        recorded_band: String,
        recorded_passed: bool,
        replay_total: f64,
        replay_band: String,
        replay_passed: bool,
    },
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownScenario { .. } => "unknown-scenario",
            Refusal::ScenarioDiffers { .. } => "scenario-differs",
            Refusal::BadField { .. } => "bad-field",
            Refusal::BadAction { .. } => "bad-action",
            Refusal::Rejected { .. } => "rejected",
            Refusal::NotFinished => "not-finished",
            Refusal::ScoreDiffers { .. } => "score-differs",
        }
    }
}

/// What became of one attempt of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    Imported {
        attempt: i64,
    },
    /// Already in this database (imported before).
    Duplicate {
        attempt: i64,
    },
    Refused(Refusal),
}

/// One line of the import report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// 1-based position in the bundle's `attempts`.
    pub index: usize,
    pub trainee: String,
    pub scenario: String,
    pub seed: u64,
    pub total: f64,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// An attempt that passed every check, with the replay's debrief.
#[derive(Debug, Clone)]
pub struct Verified<'a> {
    pub known: &'a Known,
    pub actions: Vec<Action>,
    pub debrief: Debrief,
}

/// Replay and re-score one attempt; `Err` says why it cannot be kept.
pub fn verify<'a>(a: &BundleAttempt, library: &'a Library) -> Result<Verified<'a>, Refusal> {
    if crate::sanitize::check_name(&a.trainee).is_err() || normalize_name(&a.trainee).is_empty() {
        return Err(Refusal::BadField {
            field: "trainee",
            value: crate::sanitize::inline(&a.trainee).into_owned(),
        });
    }
    times(a)?;
    let Some(known) = library.by_sha(&a.scenario_sha256) else {
        let local = library.hashes_of(&a.scenario);
        if local.is_empty() {
            return Err(Refusal::UnknownScenario {
                scenario: a.scenario.clone(),
            });
        }
        return Err(Refusal::ScenarioDiffers {
            scenario: a.scenario.clone(),
            recorded: a.scenario_sha256.clone(),
            local: local.to_vec(),
        });
    };
    if known.scenario.meta.id != a.scenario {
        return Err(Refusal::BadField {
            field: "scenario",
            value: a.scenario.clone(),
        });
    }
    let mut actions = Vec::with_capacity(a.actions.len());
    for (i, value) in a.actions.iter().enumerate() {
        let expected = i as u64 + 1;
        let logged: LoggedAction =
            serde_json::from_value(value.clone()).map_err(|e| Refusal::BadAction {
                seq: expected,
                detail: e.to_string(),
            })?;
        if logged.seq != expected {
            return Err(Refusal::BadAction {
                seq: expected,
                detail: format!("seq {}, expected {expected}", logged.seq),
            });
        }
        actions.push(logged.action);
    }
    let mut session = Session::new(&known.scenario, a.seed);
    for (i, action) in actions.iter().enumerate() {
        if let Err(rejection) = session.apply(action.clone()) {
            return Err(Refusal::Rejected {
                seq: i as u64 + 1,
                action: action.name(),
                rejection,
            });
        }
    }
    if !session.is_over() {
        return Err(Refusal::NotFinished);
    }
    let debrief = score::score(&known.scenario, session.events());
    let same_band = band_from_key(&a.band) == Some(debrief.band);
    // Totals are rounded to one decimal on both sides; compare exactly what was written.
    if a.total.to_bits() != debrief.total.to_bits() || !same_band || a.passed != debrief.passed {
        return Err(Refusal::ScoreDiffers {
            recorded_total: a.total,
            recorded_band: a.band.clone(),
            recorded_passed: a.passed,
            replay_total: debrief.total,
            replay_band: debrief.band.key().to_string(),
            replay_passed: debrief.passed,
        });
    }
    Ok(Verified {
        known,
        actions,
        debrief,
    })
}

/// Readable timestamps, the end not before the start, the start not more than a day
/// ahead of this machine's clock (a bundle from the future was made up).
fn times(a: &BundleAttempt) -> Result<(), Refusal> {
    let bad = |field: &'static str, value: &str| Refusal::BadField {
        field,
        value: value.to_string(),
    };
    let started = parse_timestamp(&a.started_at).ok_or_else(|| bad("started_at", &a.started_at))?;
    let ended = parse_timestamp(&a.ended_at).ok_or_else(|| bad("ended_at", &a.ended_at))?;
    if ended < started {
        return Err(bad("ended_at", &a.ended_at));
    }
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    if started > now + chrono::Duration::days(1) {
        return Err(bad("started_at", &a.started_at));
    }
    Ok(())
}

/// How many attempts are read, verified and stored together: only these are held
/// as JSON trees and replays at once, however large the bundle.
const CHUNK: usize = 64;

/// A bundle read attempt by attempt (`bundle::parse_raw`): each attempt that does not
/// read is refused on its own (`bad-field`), the others verified and kept, a chunk at
/// a time, each chunk in one transaction (an attempt kept twice is a duplicate).
pub fn import_raw(
    store: &mut Store,
    raw: &super::bundle::RawBundle,
    library: &Library,
) -> Result<Vec<Line>, StoreError> {
    let mut lines = Vec::with_capacity(raw.attempts.len());
    for (c, chunk) in raw.attempts.chunks(CHUNK).enumerate() {
        let parsed: Vec<Result<BundleAttempt, super::bundle::BadField>> =
            chunk.iter().map(|a| super::bundle::attempt(a)).collect();
        let readable: Vec<BundleAttempt> = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok().cloned())
            .collect();
        let mut done = import_parsed(store, &readable, library)?.into_iter();
        for (i, p) in parsed.into_iter().enumerate() {
            let index = c * CHUNK + i + 1;
            let line = match p {
                Ok(_) => done.next().map(|l| Line { index, ..l }),
                Err(b) => Some(Line {
                    index,
                    trainee: String::new(),
                    scenario: String::new(),
                    seed: 0,
                    total: 0.0,
                    outcome: Outcome::Refused(Refusal::BadField {
                        field: b.field,
                        value: b.value,
                    }),
                }),
            };
            lines.extend(line);
        }
    }
    Ok(lines)
}

/// Verify every attempt of the bundle (on every core), then keep the good ones in
/// one transaction. Refused attempts are reported, never stored.
pub fn import(
    store: &mut Store,
    bundle: &Bundle,
    library: &Library,
) -> Result<Vec<Line>, StoreError> {
    import_parsed(store, &bundle.attempts, library)
}

fn import_parsed(
    store: &mut Store,
    attempts: &[BundleAttempt],
    library: &Library,
) -> Result<Vec<Line>, StoreError> {
    let results = verify_all(attempts, library);
    let keep: Vec<ImportedAttempt<'_>> = attempts
        .iter()
        .zip(&results)
        .filter_map(|(a, r)| r.as_ref().ok().map(|v| (a, v)))
        .map(|(a, v)| ImportedAttempt {
            trainee: &a.trainee,
            scenario: &v.known.scenario,
            source: &v.known.source,
            seed: a.seed,
            mode: a.mode,
            engine_version: &a.engine_version,
            started_at: &a.started_at,
            ended_at: &a.ended_at,
            actions: &v.actions,
            debrief: &v.debrief,
        })
        .collect();
    // One answer per kept attempt, in the same order.
    let mut stored = store.import_attempts(&keep)?.into_iter();
    let mut lines = Vec::with_capacity(attempts.len());
    for (i, (a, r)) in attempts.iter().zip(results).enumerate() {
        let outcome = match r {
            Err(refusal) => Outcome::Refused(refusal),
            Ok(_) => match stored.next() {
                Some(Imported::Duplicate(AttemptId(id))) => Outcome::Duplicate { attempt: id },
                Some(Imported::New(AttemptId(id))) => Outcome::Imported { attempt: id },
                None => break,
            },
        };
        lines.push(Line {
            index: i + 1,
            trainee: a.trainee.clone(),
            scenario: a.scenario.clone(),
            seed: a.seed,
            total: a.total,
            outcome,
        });
    }
    Ok(lines)
}

/// Replays are independent: split them over the machine's cores.
fn verify_all<'a>(
    attempts: &[BundleAttempt],
    library: &'a Library,
) -> Vec<Result<Verified<'a>, Refusal>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 8);
    if threads == 1 || attempts.len() < 8 {
        return attempts.iter().map(|a| verify(a, library)).collect();
    }
    let chunk = attempts.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = attempts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || part.iter().map(|a| verify(a, library)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

//! `motcua import`: every attempt of a bundle played in this motcua's world version is
//! replayed with this machine's copy of its scenario and re-scored; it is kept only
//! when the scenario is the same (same SHA-256), every action is allowed, the period
//! was played to its end, and the recorded total, band and pass equal the replay's. A
//! trainee cannot hand in a score they did not play. An attempt of an older world
//! cannot replay the same any more: it is kept with its recorded score, as of that
//! world (`other_world`), and one of a newer world is refused.

use std::collections::HashMap;

use serde::Serialize;

use super::bundle::{Bundle, BundleAttempt};
use super::other_world;
use crate::scenario::{self, Scenario, builtin};
use crate::score;
use crate::session::action::{Action, LoggedAction};
use crate::session::{Rejection, Session, WORLD_VERSION};
use crate::store::attempts::{band_from_key, normalize_name};
use crate::store::imported::{Imported, ImportedAttempt, KeptScore};
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
    /// Played in a newer world than this motcua's: update motcua to check it.
    WorldTooNew { found: u32, supported: u32 },
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
            Refusal::WorldTooNew { .. } => "world-too-new",
            Refusal::ScoreDiffers { .. } => "score-differs",
        }
    }
}

/// What became of one attempt of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// Kept. `replayed: false`: of an older `world_version`, with its stored score.
    Imported {
        attempt: i64,
        world_version: u32,
        replayed: bool,
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

/// An attempt that passed every check, with the score it is kept with.
#[derive(Debug, Clone)]
pub struct Verified<'a> {
    /// The scenario text on this machine; empty when an older world's attempt
    /// names a text this machine does not have.
    pub source: &'a [u8],
    pub actions: Vec<Action>,
    pub score: KeptScore,
    /// Replayed and re-scored here; `false`: an older world's attempt, kept with
    /// the score its bundle recorded.
    pub replayed: bool,
}

/// Check one attempt: replay and re-score it when it is of this motcua's world,
/// keep its stored score when it is of an older one; `Err` says why it cannot be kept.
pub fn verify<'a>(a: &BundleAttempt, library: &'a Library) -> Result<Verified<'a>, Refusal> {
    if normalize_name(&a.trainee).is_empty() {
        return Err(Refusal::BadField {
            field: "trainee",
            value: a.trainee.clone(),
        });
    }
    for (field, value) in [("started_at", &a.started_at), ("ended_at", &a.ended_at)] {
        if parse_timestamp(value).is_none() {
            return Err(Refusal::BadField {
                field,
                value: value.clone(),
            });
        }
    }
    let actions = parse_actions(a)?;
    if a.world_version != WORLD_VERSION {
        return other_world::keep(a, library, actions);
    }
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
        source: &known.source,
        actions,
        score: KeptScore::of(&debrief),
        replayed: true,
    })
}

/// The action log, each line read and `seq` counting 1, 2, 3 ...
fn parse_actions(a: &BundleAttempt) -> Result<Vec<Action>, Refusal> {
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
    Ok(actions)
}

/// Verify every attempt of the bundle (on every core), then keep the good ones in
/// one transaction. Refused attempts are reported, never stored.
pub fn import(
    store: &mut Store,
    bundle: &Bundle,
    library: &Library,
) -> Result<Vec<Line>, StoreError> {
    let results = verify_all(&bundle.attempts, library);
    let keep: Vec<ImportedAttempt<'_>> = bundle
        .attempts
        .iter()
        .zip(&results)
        .filter_map(|(a, r)| r.as_ref().ok().map(|v| (a, v)))
        .map(|(a, v)| ImportedAttempt {
            trainee: &a.trainee,
            scenario_id: &a.scenario,
            scenario_sha256: &a.scenario_sha256,
            source: v.source,
            seed: a.seed,
            mode: a.mode,
            engine_version: &a.engine_version,
            world_version: a.world_version,
            started_at: &a.started_at,
            ended_at: &a.ended_at,
            actions: &v.actions,
            score: v.score.clone(),
        })
        .collect();
    // One answer per kept attempt, in the same order.
    let mut stored = store.import_attempts(&keep)?.into_iter();
    let mut lines = Vec::with_capacity(bundle.attempts.len());
    for (i, (a, r)) in bundle.attempts.iter().zip(results).enumerate() {
        let outcome = match r {
            Err(refusal) => Outcome::Refused(refusal),
            Ok(v) => match stored.next() {
                Some(Imported::Duplicate(AttemptId(id))) => Outcome::Duplicate { attempt: id },
                Some(Imported::New(AttemptId(id))) => Outcome::Imported {
                    attempt: id,
                    world_version: a.world_version,
                    replayed: v.replayed,
                },
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

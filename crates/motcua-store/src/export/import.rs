//! `motcua import`: every attempt of a bundle played in this motcua's world version is
//! replayed with this machine's copy of its scenario and re-scored; it is kept only
//! when the scenario is the same (same SHA-256), every action is allowed, the period
//! was played to its end, and the recorded total, band and pass equal the replay's. A
//! trainee cannot hand in a score they did not play. An attempt of an older world
//! cannot replay the same any more: it is kept with its recorded score, as of that
//! world (`other_world`), and one of a newer world is refused.

use std::io::Read;

use serde::Serialize;

pub use super::library::{Known, Library};
pub use super::refusal::Refusal;

use super::bundle::{Bundle, BundleAttempt};
use super::other_world;
use super::stream::{self, Actions, ReadAttempt, Stop};
use crate::store::attempts::{band_from_key, normalize_name};
use crate::store::imported::{Imported, ImportedAttempt, KeptScore};
use crate::store::{AttemptId, Store, StoreError, parse_timestamp};
use motcua_core::score;
use motcua_core::session::action::Action;
use motcua_core::session::{Session, WORLD_VERSION};

/// What became of one attempt of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// Kept. `replayed: false`: of an older `world_version`, with its stored score.
    Imported {
        attempt: i64,
        world_version: u32,
        replayed: bool,
        /// Handed in before its end: kept without a score.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        unfinished: bool,
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

/// An attempt that passed every check, with its log and the score it is kept with.
#[derive(Debug, Clone)]
pub struct Verified<'a, 'b> {
    /// The scenario text on this machine; empty when an older world's attempt
    /// names a text this machine does not have.
    pub source: &'a [u8],
    pub actions: &'b [Action],
    /// `None`: handed in unfinished (`BundleAttempt::unfinished`), kept without a score.
    pub score: Option<KeptScore>,
    /// Replayed and re-scored here; `false`: an older world's attempt, kept with
    /// the score its bundle recorded.
    pub replayed: bool,
}

/// An attempt of a bundle held in memory (its log still JSON values), written by a
/// motcua of world `bundle_world`: the score it would be kept with, or why it cannot
/// be kept.
pub fn verify(
    a: &BundleAttempt,
    library: &Library,
    bundle_world: u32,
) -> Result<Option<KeptScore>, Refusal> {
    let read = a.map_actions(|values| Actions::from_values(values));
    verify_read(&read, library, bundle_world).map(|v| v.score)
}

/// Check one attempt of a bundle written by a motcua of world `bundle_world`: replay
/// and re-score it when it is of this motcua's world, keep its stored score when it
/// is of an older one; `Err` says why it cannot be kept.
pub fn verify_read<'a, 'b>(
    a: &'b BundleAttempt<Actions>,
    library: &'a Library,
    bundle_world: u32,
) -> Result<Verified<'a, 'b>, Refusal> {
    if crate::sanitize::check_name(&a.trainee).is_err() || normalize_name(&a.trainee).is_empty() {
        return Err(Refusal::BadField {
            field: "trainee",
            value: crate::sanitize::inline(&a.trainee).into_owned(),
        });
    }
    times(a)?;
    let actions = match &a.actions {
        Actions::Read(actions) => actions.as_slice(),
        Actions::Bad { seq, detail } => {
            return Err(Refusal::BadAction {
                seq: *seq,
                detail: detail.clone(),
            });
        }
    };
    // The motcua that wrote the bundle knew no world after its own.
    if a.world_version > bundle_world {
        return Err(Refusal::WorldAfterBundle {
            found: a.world_version,
            bundle: bundle_world,
        });
    }
    if a.world_version != WORLD_VERSION {
        // An older world's unfinished attempt cannot be checked by replay here.
        if a.unfinished {
            return Err(Refusal::NotFinished);
        }
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
        if let Err(rejection) = session.step(action.clone()) {
            return Err(Refusal::Rejected {
                seq: i as u64 + 1,
                action: action.name(),
                rejection,
            });
        }
    }
    if a.unfinished {
        // Handed in before its end: every action was allowed; there is no score to
        // compare, and none is kept (the class lists it as unfinished).
        return Ok(Verified {
            source: &known.source,
            actions,
            score: None,
            replayed: true,
        });
    }
    if !session.is_over() {
        return Err(Refusal::NotFinished);
    }
    let debrief = score::score(&session);
    let same_band = band_from_key(&a.band) == Some(debrief.grade());
    // Totals are rounded to one decimal on both sides; compare exactly what was written.
    if a.total.to_bits() != debrief.total().to_bits() || !same_band || a.passed != debrief.passed()
    {
        return Err(Refusal::ScoreDiffers {
            recorded_total: a.total,
            recorded_band: a.band.clone(),
            recorded_passed: a.passed,
            replay_total: debrief.total(),
            replay_band: debrief.grade().key().to_string(),
            replay_passed: debrief.passed(),
        });
    }
    Ok(Verified {
        source: &known.source,
        actions,
        score: Some(KeptScore::of(&debrief)),
        replayed: true,
    })
}

/// Readable timestamps, the end not before the start, the start not more than a day
/// ahead of this machine's clock (a bundle from the future was made up).
fn times<A>(a: &BundleAttempt<A>) -> Result<(), Refusal> {
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

/// How many attempts, and actions across them, are held and verified at once:
/// however large the bundle, only these are in memory.
const CHUNK: usize = 64;
const CHUNK_ACTIONS: usize = 200_000;

/// What `import_stream` did: one line per attempt read, and why it stopped early.
#[derive(Debug)]
pub struct Streamed {
    pub lines: Vec<Line>,
    /// The store failed, or the file changed after `stream::header` checked it.
    /// The attempts of `lines` were judged (and kept) before that.
    pub stopped: Option<Stop>,
}

/// A bundle read from `reader` attempt by attempt (`stream::attempts`, after
/// `stream::header` has checked the file): an attempt that does not read is refused
/// on its own (`bad-field`, `bad-action`), the others verified and kept a chunk at a
/// time, each chunk in one transaction (an attempt kept twice is a duplicate).
/// `header` is what `stream::header` found in the same file.
pub fn import_stream(
    store: &mut Store,
    reader: impl Read,
    library: &Library,
    header: stream::Header,
) -> Streamed {
    let world = header.world_version;
    let mut lines = Vec::new();
    let mut pending = Vec::new();
    let mut held = 0;
    let read = stream::attempts(reader, &mut |attempt| {
        if let Ok(BundleAttempt {
            actions: Actions::Read(actions),
            ..
        }) = &attempt
        {
            held += actions.len();
        }
        pending.push(attempt);
        if pending.len() >= CHUNK || held >= CHUNK_ACTIONS {
            held = 0;
            import_chunk(
                store,
                std::mem::take(&mut pending),
                library,
                world,
                &mut lines,
            )?;
        }
        Ok(())
    });
    let stopped = read
        .and_then(|()| {
            import_chunk(store, pending, library, world, &mut lines).map_err(Stop::Store)
        })
        .err();
    Streamed { lines, stopped }
}

/// One chunk: the attempts that read are verified and kept, the others refused; the
/// lines numbered on from `lines`.
fn import_chunk(
    store: &mut Store,
    chunk: Vec<ReadAttempt>,
    library: &Library,
    world: u32,
    lines: &mut Vec<Line>,
) -> Result<(), StoreError> {
    let first = lines.len();
    let readable: Vec<BundleAttempt<Actions>> = chunk
        .iter()
        .filter_map(|a| a.as_ref().ok().cloned())
        .collect();
    let mut done = import_parsed(store, &readable, library, world)?.into_iter();
    for (i, attempt) in chunk.into_iter().enumerate() {
        let index = first + i + 1;
        let line = match attempt {
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
    Ok(())
}

/// Verify every attempt of a bundle held in memory, then keep the good ones in one
/// transaction. Refused attempts are reported, never stored.
pub fn import(
    store: &mut Store,
    bundle: &Bundle,
    library: &Library,
) -> Result<Vec<Line>, StoreError> {
    let read: Vec<BundleAttempt<Actions>> = bundle
        .attempts
        .iter()
        .map(|a| a.map_actions(|values| Actions::from_values(values)))
        .collect();
    import_parsed(store, &read, library, bundle.world_version)
}

fn import_parsed(
    store: &mut Store,
    attempts: &[BundleAttempt<Actions>],
    library: &Library,
    world: u32,
) -> Result<Vec<Line>, StoreError> {
    let results = verify_all(attempts, library, world);
    let keep: Vec<ImportedAttempt<'_>> = attempts
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
            played_via: a.played_via,
            roster_id: a.trainee_id.as_deref(),
            actions: v.actions,
            score: v.score.clone(),
        })
        .collect();
    // One answer per kept attempt, in the same order.
    let mut stored = store.import_attempts(&keep)?.into_iter();
    let mut lines = Vec::with_capacity(attempts.len());
    for (i, (a, r)) in attempts.iter().zip(results).enumerate() {
        let outcome = match r {
            Err(refusal) => Outcome::Refused(refusal),
            Ok(v) => match stored.next() {
                Some(Imported::Duplicate(AttemptId(id))) => Outcome::Duplicate { attempt: id },
                Some(Imported::New(AttemptId(id))) => Outcome::Imported {
                    attempt: id,
                    world_version: a.world_version,
                    replayed: v.replayed,
                    unfinished: v.score.is_none(),
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
fn verify_all<'a, 'b>(
    attempts: &'b [BundleAttempt<Actions>],
    library: &'a Library,
    world: u32,
) -> Vec<Result<Verified<'a, 'b>, Refusal>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 8);
    if threads == 1 || attempts.len() < 8 {
        return attempts
            .iter()
            .map(|a| verify_read(a, library, world))
            .collect();
    }
    let chunk = attempts.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = attempts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|a| verify_read(a, library, world))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

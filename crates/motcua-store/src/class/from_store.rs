//! Claims from the local store: the attempts played on this machine and those
//! imported from bundles, with the scenario texts the store keeps.

use super::claim::{Claim, Claimed, Pace};
use crate::export::library::Library;
use crate::export::stream::Actions;
use crate::export::xapi::profile::workshop_iri;
use crate::store::{Filter, Status, Store, StoreError};
use motcua_core::scenario;

/// Every attempt the store holds (the class filters them itself); the scenario texts
/// they name are added to `library` when the store has them.
pub fn claims(store: &Store, library: &mut Library) -> Result<Vec<Claim>, StoreError> {
    let infos = store.attempts(&Filter::default())?;
    let mut out = Vec::with_capacity(infos.len());
    for info in infos {
        if library.by_sha(&info.scenario_sha256).is_none() {
            add_text(store, &info.scenario_sha256, library)?;
        }
        let log = match store.actions(info.id) {
            Ok(a) => Actions::Read(a),
            // A damaged log refuses its attempt, not the class.
            Err(e) => Actions::Bad {
                seq: 0,
                detail: e.to_string(),
            },
        };
        let claimed = match (info.status, info.total, info.passed) {
            (Status::Finished, Some(total), passed) => Some(Claimed {
                total,
                passed: passed.unwrap_or(false),
            }),
            _ => None,
        };
        out.push(Claim {
            origin: format!("#{}", info.id.0),
            pace: Pace::laptop(info.started_at, info.ended_at, info.actions),
            laptop_pace: None,
            workshop: info.workshop.name().map(workshop_iri),
            trainee: info.trainee,
            trainee_id: info.roster_id,
            scenario: info.scenario,
            scenario_sha256: info.scenario_sha256,
            seed: info.seed,
            mode: info.mode,
            started_at: info.started_at,
            world_version: info.world_version,
            played_via: info.played_via,
            log,
            claimed,
        });
    }
    Ok(out)
}

fn add_text(store: &Store, sha: &str, library: &mut Library) -> Result<(), StoreError> {
    let Some(source) = store.scenario_source(sha)? else {
        return Ok(());
    };
    let Ok(text) = std::str::from_utf8(&source) else {
        return Ok(());
    };
    if let Ok(s) = scenario::load_str("scenario", text) {
        library.add(s, source.clone());
    }
    Ok(())
}

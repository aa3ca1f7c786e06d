//! Attempts of another world version in a bundle. One of an older world was scored
//! by rules and dossiers this motcua no longer has: replaying it here would give
//! another score, so it is kept with the score its bundle recorded, marked as of its
//! world version, never replayed nor refused as forged. One of a newer world is
//! refused until this motcua is updated. The recorded score is not proven, as a
//! replay would prove it: reports show the world version so the instructor can tell.

use super::bundle::BundleAttempt;
use super::import::{Library, Refusal, Verified};
use crate::store::attempts::band_from_key;
use crate::store::imported::KeptScore;
use motcua_core::session::WORLD_VERSION;
use motcua_core::session::action::Action;

/// Keep `a` (its fields and log already read and checked) with its recorded score,
/// or say why not.
pub fn keep<'a, 'b, A>(
    a: &BundleAttempt<A>,
    library: &'a Library,
    actions: &'b [Action],
) -> Result<Verified<'a, 'b>, Refusal> {
    if a.world_version > WORLD_VERSION {
        return Err(Refusal::WorldTooNew {
            found: a.world_version,
            supported: WORLD_VERSION,
        });
    }
    let bad = |field: &'static str, value: String| Err(Refusal::BadField { field, value });
    if a.world_version == 0 {
        return bad("world_version", "0".into());
    }
    if !is_sha256(&a.scenario_sha256) {
        return bad("scenario_sha256", a.scenario_sha256.clone());
    }
    if a.scenario.trim().is_empty() {
        return bad("scenario", a.scenario.clone());
    }
    let Some(band) = band_from_key(&a.band) else {
        return bad("band", a.band.clone());
    };
    if !(0.0..=100.0).contains(&a.total) {
        return bad("total", a.total.to_string());
    }
    // The text, when this machine has it under that hash, is kept with it.
    let source = match library.by_sha(&a.scenario_sha256) {
        Some(known) if known.scenario.meta.id != a.scenario => {
            return bad("scenario", a.scenario.clone());
        }
        Some(known) => known.source.as_slice(),
        None => &[],
    };
    Ok(Verified {
        source,
        actions,
        score: Some(KeptScore {
            total: a.total,
            band,
            passed: a.passed,
            // A bundle does not carry the mistakes; only a replay names them.
            mistakes: Default::default(),
        }),
        replayed: false,
    })
}

/// 64 lower-case hex digits, as `store::sha256_hex` writes them.
fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

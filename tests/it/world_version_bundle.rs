//! The world version in results bundles: a bundle made before the bump (layout 1,
//! no world version) is kept as of world 1 with its stored score, never replayed nor
//! refused as forged; a bundle written in a newer world is refused whole, before
//! anything is kept; an attempt cannot be of a newer world than its bundle; in a
//! streamed bundle each attempt's world version is read and checked on its own.

use motcua_core::session::{WORLD_VERSION, action};
use motcua_store::export::bundle::{self, Bundle};
use motcua_store::export::import::{self, Library, Outcome, Refusal};
use motcua_store::store::{Filter, Store, sha256_hex};

use crate::support;
use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";
const NAME: &str = "Lê Văn Tám";
/// A score the replay today would not give (before the bump the apology letter
/// made late dossiers on time): stored, it must stay as it was.
const OLD_TOTAL: f64 = 87.5;

/// A bundle as motcua wrote it before the bump: layout 1, no world version, the
/// solver's log of seed 4 with the stored score 87.5 (not what a replay gives now).
fn old_bundle_text() -> String {
    let (s, source) = builtin_source(ID);
    let actions: Vec<serde_json::Value> = solver_log(&s, 4)
        .iter()
        .enumerate()
        .map(|(i, a)| serde_json::from_str(&action::log_line(i as u64 + 1, a)).expect("json"))
        .collect();
    serde_json::json!({
        "format": "motcua-results",
        "version": 1,
        "engine_version": "0.1.0",
        "exported_at": "2026-01-06T01:00:00Z",
        "attempts": [{
            "trainee": NAME,
            "scenario": ID,
            "scenario_sha256": sha256_hex(&source),
            "seed": 4,
            "mode": "practice",
            "engine_version": "0.1.0",
            "started_at": "2026-01-05T02:00:00Z",
            "ended_at": "2026-01-05T03:00:00Z",
            "total": OLD_TOTAL,
            "band": "tot",
            "passed": true,
            "actions": actions,
        }],
    })
    .to_string()
}

fn outcomes(store: &mut Store, b: &Bundle) -> Vec<Outcome> {
    import::import(store, b, &Library::builtin())
        .expect("imports")
        .into_iter()
        .map(|l| l.outcome)
        .collect()
}

#[test]
fn a_bundle_from_before_the_bump_is_kept_as_of_world_1_with_its_stored_score() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("instructor.db")).expect("opens");
    let old = bundle::parse(&old_bundle_text()).expect("a layout-1 bundle reads");
    assert_eq!((old.world_version, old.attempts[0].world_version), (1, 1));
    let got = outcomes(&mut store, &old);
    let Outcome::Imported {
        attempt,
        world_version: 1,
        replayed: false,
        ..
    } = got[0]
    else {
        panic!("kept as of world 1, not replayed: {got:?}");
    };
    let info = store
        .attempt(motcua_store::store::AttemptId(attempt))
        .expect("kept");
    assert_eq!(
        (info.total, info.world_version, info.imported),
        (Some(OLD_TOTAL), 1, true)
    );
    assert!(info.mistakes.is_empty(), "only a replay names mistakes");
    // Imported twice, kept once; exported again, it stays of world 1.
    assert!(matches!(
        outcomes(&mut store, &old)[0],
        Outcome::Duplicate { .. }
    ));
    let again = bundle::build(&store, &Filter::default()).expect("exports");
    assert_eq!(again.version, bundle::VERSION);
    assert_eq!(again.world_version, WORLD_VERSION);
    assert_eq!(again.attempts[0].world_version, 1);
    // Claimed for a newer world than the motcua that wrote its bundle: edited.
    let mut claimed = old.clone();
    claimed.attempts[0].world_version = WORLD_VERSION;
    let fresh = Temp::new();
    let mut other = Store::open(&fresh.path("b.db")).expect("opens");
    assert_eq!(
        outcomes(&mut other, &claimed)[0],
        Outcome::Refused(Refusal::WorldAfterBundle {
            found: WORLD_VERSION,
            bundle: 1
        })
    );
    // The same attempt in a bundle of this world is replayed, and its score is refused.
    let mut current = claimed.clone();
    current.world_version = WORLD_VERSION;
    assert!(matches!(
        outcomes(&mut other, &current)[0],
        Outcome::Refused(Refusal::ScoreDiffers { .. })
    ));
    // One from a newer motcua (a bundle of that world, held in memory) waits for an update.
    let mut newer = old;
    newer.world_version = WORLD_VERSION + 1;
    newer.attempts[0].world_version = WORLD_VERSION + 1;
    assert_eq!(
        outcomes(&mut other, &newer)[0],
        Outcome::Refused(Refusal::WorldTooNew {
            found: WORLD_VERSION + 1,
            supported: WORLD_VERSION
        })
    );
}

/// The old bundle with three more attempts in layout 2, as `import` streams it: one
/// of a newer world, one whose `world_version` is not a number, one of world 0.
fn mixed_bundle_text() -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&old_bundle_text()).expect("json");
    doc["version"] = 2.into();
    doc["world_version"] = WORLD_VERSION.into();
    let first = doc["attempts"][0].clone();
    let with = |world: serde_json::Value| {
        let mut a = first.clone();
        a["world_version"] = world;
        a
    };
    let more = [
        with((WORLD_VERSION + 1).into()),
        with("two".into()),
        with(0.into()),
    ];
    doc["attempts"].as_array_mut().expect("a list").extend(more);
    doc.to_string()
}

#[test]
fn a_streamed_bundle_reads_the_world_version_of_each_attempt() {
    let tmp = Temp::new();
    let mut store = Store::open(&tmp.path("instructor.db")).expect("opens");
    let text = mixed_bundle_text();
    let header = motcua_store::export::stream::header(text.as_bytes()).expect("a bundle");
    assert_eq!(
        header,
        motcua_store::export::stream::Header {
            attempts: 4,
            world_version: WORLD_VERSION
        }
    );
    let streamed = import::import_stream(&mut store, text.as_bytes(), &Library::builtin(), header);
    assert!(streamed.stopped.is_none());
    let got: Vec<Outcome> = streamed.lines.into_iter().map(|l| l.outcome).collect();
    // No key: a layout-1 attempt, of world 1, kept with its score.
    assert!(
        matches!(
            got[0],
            Outcome::Imported {
                world_version: 1,
                replayed: false,
                ..
            }
        ),
        "{got:?}"
    );
    // Newer than the world of the motcua that wrote the bundle: edited.
    assert_eq!(
        got[1],
        Outcome::Refused(Refusal::WorldAfterBundle {
            found: WORLD_VERSION + 1,
            bundle: WORLD_VERSION
        })
    );
    let bad = |value: &str| {
        Outcome::Refused(Refusal::BadField {
            field: "world_version",
            value: value.into(),
        })
    };
    assert_eq!(got[2..], [bad("\"two\""), bad("0")]);
    // Through the binary: exit 3 (some refused), the kept one said to be of world 1.
    let file = tmp.path("mixed.json");
    std::fs::write(&file, &text).expect("writes");
    let db = tmp.path("cli.db").to_string_lossy().into_owned();
    let file = file.to_string_lossy().into_owned();
    let (code, out, err) = support::motcua(&["--lang", "en", "--db", &db, "import", &file]);
    assert_eq!(code, 3, "{out}{err}");
    assert!(out.contains("simulation version 1"), "{out}");
    assert!(out.contains("the attempt was edited"), "{out}");
}

/// The old bundle rewritten in layout 2 with `world_version` set to `world` (left
/// out when `None`).
fn layout_two(world: Option<serde_json::Value>) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&old_bundle_text()).expect("json");
    doc["version"] = 2.into();
    if let Some(world) = world {
        doc["world_version"] = world;
    }
    doc.to_string()
}

#[test]
fn a_bundle_written_in_a_newer_world_is_refused_whole_and_nothing_is_kept() {
    use motcua_store::export::bundle::BundleError;
    use motcua_store::export::stream;
    let newer = layout_two(Some((WORLD_VERSION + 1).into()));
    let refused = BundleError::WorldTooNew {
        found: WORLD_VERSION + 1,
        supported: WORLD_VERSION,
    };
    assert_eq!(stream::header(newer.as_bytes()), Err(refused.clone()));
    assert_eq!(bundle::parse(&newer).map(|_| ()), Err(refused));
    // Layout 2 always names its world: missing, not a number or 0 is not a bundle
    // motcua wrote.
    let bad = |found: &str| {
        Err(BundleError::BadWorldVersion {
            found: found.into(),
        })
    };
    assert_eq!(stream::header(layout_two(None).as_bytes()), bad("null"));
    assert_eq!(
        stream::header(layout_two(Some("3".into())).as_bytes()),
        bad("\"3\"")
    );
    assert_eq!(
        stream::header(layout_two(Some(0.into())).as_bytes()),
        bad("0")
    );
    // Layout 1 has none: world 1.
    let old = stream::header(old_bundle_text().as_bytes()).expect("a layout-1 bundle");
    assert_eq!(old.world_version, 1);
    // Through the binary: exit 1, said in words, and the database holds nothing.
    let tmp = Temp::new();
    let file = tmp.path("newer.json");
    std::fs::write(&file, &newer).expect("writes");
    let db = tmp.path("cli.db");
    let db_arg = db.to_string_lossy().into_owned();
    let file = file.to_string_lossy().into_owned();
    let (code, out, err) = support::motcua(&["--lang", "en", "--db", &db_arg, "import", &file]);
    assert_eq!(code, 1, "{out}{err}");
    let said = format!(
        "was written by a motcua of simulation version {}; this one knows versions up to {WORLD_VERSION}",
        WORLD_VERSION + 1
    );
    assert!(err.contains(&said), "{err}");
    assert!(out.contains("Imported 0,"), "{out}");
    let store = Store::open(&db).expect("opens");
    let kept = store.attempts(&Filter::default()).expect("lists");
    assert!(kept.is_empty(), "{kept:?}");
}

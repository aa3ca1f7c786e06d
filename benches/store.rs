//! Import and re-score 1,000 attempts: `cargo bench --bench store`.
//!
//! The bundle holds 1,000 attempts shared out over the built-in scenarios (seeds
//! 1, 2, …): the reference solver's logs, and every fifth one cut short and ended with
//! `end-day`s (a lower score with mistakes). `import` replays and re-scores every
//! attempt, then stores them in one transaction in a fresh database; `verify` is the
//! replay and re-score alone; its floor draws the ChaCha words of every dossier of
//! the 1,000 attempts. `cargo bench -- --test` uses 100 attempts.

mod floor;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion};
use motcua_core::calendar::WorkCalendar;
use motcua_core::scenario::{self, builtin};
use motcua_core::score;
use motcua_core::session::action::LoggedAction;
use motcua_core::session::{Action, Session, solver};
use motcua_store::export::bundle::{self, Bundle, BundleAttempt};
use motcua_store::export::import::{self, Library, Outcome};
use motcua_store::store::{Mode, Store, sha256_hex};

// The same allocator as the binary, so the figures are the program's (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GROUP: &str = "store";

/// Attempts in the bundle.
fn total() -> usize {
    if floor::quick() { 100 } else { 1_000 }
}

/// Seeds of each built-in: `total()` shared out as evenly as it goes.
fn seeds_of(file: usize) -> u64 {
    let n = builtin::FILES.len();
    (total() / n + usize::from(file < total() % n)) as u64
}

fn attempts() -> Bundle {
    let mut attempts = Vec::new();
    for (f, (file, text)) in builtin::FILES.iter().enumerate() {
        let s = scenario::load_str(file, text).expect("built-in loads");
        let sha = sha256_hex(text.as_bytes());
        for seed in 1..=seeds_of(f) {
            let mut log = solver::solve(&s, seed).actions().to_vec();
            if seed % 5 == 0 {
                log.truncate(log.len() / 2);
            }
            let mut session = Session::new(&s, seed);
            for a in &log {
                session.step(a.clone()).expect("solver action");
            }
            while !session.is_over() {
                session.step(Action::EndDay).expect("end-day");
            }
            let d = score::score(&session);
            attempts.push(BundleAttempt {
                trainee: format!("Học viên {}", seed % 40),
                trainee_id: None,
                scenario: s.meta.id.clone(),
                scenario_sha256: sha.clone(),
                seed,
                mode: Mode::Practice,
                engine_version: env!("CARGO_PKG_VERSION").to_string(),
                world_version: motcua_core::session::WORLD_VERSION,
                started_at: "2026-03-02T01:00:00Z".to_string(),
                ended_at: "2026-03-02T03:00:00Z".to_string(),
                total: d.total(),
                band: d.grade().key().to_string(),
                passed: d.passed(),
                played_via: None,
                unfinished: false,
                actions: session
                    .actions()
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        serde_json::to_value(LoggedAction {
                            seq: i as u64 + 1,
                            action: a.clone(),
                        })
                        .expect("serialises")
                    })
                    .collect(),
            });
        }
    }
    let b = Bundle {
        format: bundle::FORMAT.to_string(),
        version: bundle::VERSION,
        engine_version: env!("CARGO_PKG_VERSION").to_string(),
        world_version: motcua_core::session::WORLD_VERSION,
        exported_at: "2026-03-02T04:00:00Z".to_string(),
        scenarios: Default::default(),
        attempts,
    };
    // Through the file format, as an instructor would receive it.
    bundle::parse(&bundle::to_json(&b)).expect("round trip")
}

/// Every stream the attempts' dossiers come from, per seed of each built-in.
fn streams() -> Vec<(u64, Vec<(u64, u64)>)> {
    let mut out = Vec::new();
    for (f, (file, text)) in builtin::FILES.iter().enumerate() {
        let s = scenario::load_str(file, text).expect("built-in loads");
        let calendar = WorkCalendar::for_scenario(&s);
        for seed in 1..=seeds_of(f) {
            out.push((
                seed,
                motcua_core::generate::Plan::new(&s, &calendar, seed).streams(&s),
            ));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let b = attempts();
    assert_eq!(b.attempts.len(), total());
    let floor_streams = streams();
    let actions: usize = b.attempts.iter().map(|a| a.actions.len()).sum();
    eprintln!("bundle: {} attempts, {actions} actions", b.attempts.len());
    let lib = Library::builtin();
    let mut group = c.benchmark_group(GROUP);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("verify_1000_attempts", |bench| {
        bench.iter(|| {
            for a in &b.attempts {
                black_box(import::verify(a, &lib, b.world_version).expect("honest attempt"));
            }
        })
    });
    group.bench_function("chacha_1000_attempts", |bench| {
        bench.iter(|| {
            for (seed, streams) in &floor_streams {
                floor::chacha(*seed, streams);
            }
        })
    });
    group.bench_function("import_1000_attempts", |bench| {
        bench.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("bench.db")).expect("store");
                (dir, store)
            },
            |(dir, mut store)| {
                let lines = import::import(&mut store, &b, &lib).expect("imports");
                assert!(
                    lines
                        .iter()
                        .all(|l| matches!(l.outcome, Outcome::Imported { .. }))
                );
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
    floor::print_ratios(
        GROUP,
        &[
            ("verify_1000_attempts", "chacha_1000_attempts"),
            ("import_1000_attempts", "chacha_1000_attempts"),
        ],
    );
}

//! Engine benchmarks (issue 15), each beside its floor: the same ChaCha20 words from
//! the same streams as the engine reads, and nothing else.
//!
//! - generate 10,000 dossiers fully (details included) over 715 working days;
//! - replay a 10,000-action log of the reference solver (generation included);
//! - solve 10,000 dossiers; solve 20,000 in 715 working days (an overloaded desk);
//! - generate 100,000 dossiers over 7,150 working days.
//!
//! Run: `cargo bench --bench engine` (ratios printed at the end); CI runs
//! `cargo bench -- --test`, which runs each once at a tenth of the sizes.

mod floor;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::{Plan, generate};
use motcua_core::scenario::{self, Scenario, builtin};
use motcua_core::session::{Action, replay, solver};

// The same allocator as the binary, so the figures are the program's (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GROUP: &str = "engine";
const SEED: u64 = 1;

/// The birth-registration scenario stretched to `count` dossiers over `days` working
/// days (10,000 over 715 is about 14 a day, a load one officer can carry).
fn big(count: u32, days: u32) -> Scenario {
    let (file, text) = builtin::FILES[0];
    let mut s = scenario::load_str(file, text).expect("built-in loads");
    s.dossiers.count = count;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = days;
    s
}

/// Every stream an attempt of `s` reads when it draws each dossier once.
fn streams(s: &Scenario) -> Vec<(u64, u64)> {
    Plan::new(s, &WorkCalendar::for_scenario(s), SEED).streams(s)
}

fn benches(c: &mut Criterion) {
    let scale = if floor::quick() { 10 } else { 1 };
    let s = big(10_000 / scale, 715 / scale);
    let calendar = WorkCalendar::for_scenario(&s);
    let all = streams(&s);
    eprintln!("10k: {} words in {} streams", floor::words(&all), all.len());
    let mut group = c.benchmark_group(GROUP);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));

    group.bench_function("generate_10k", |b| {
        b.iter(|| generate(black_box(&s), &calendar, SEED))
    });
    group.bench_function("chacha_10k", |b| b.iter(|| floor::chacha(SEED, &all)));

    let played = solver::solve(&s, SEED);
    let log: Vec<Action> = played
        .actions()
        .iter()
        .take(10_000 / scale as usize)
        .cloned()
        .collect();
    let replayed = replay(&s, SEED, &log).expect("replays");
    let arrived = replayed.arrived().count();
    // The plan stream, then each arrived dossier's two streams (plan order).
    let touched: Vec<(u64, u64)> = all.iter().copied().take(1 + 2 * arrived).collect();
    eprintln!("replay: {} actions, {arrived} dossiers arrived", log.len());
    group.bench_function("replay_10k_actions", |b| {
        b.iter(|| replay(black_box(&s), SEED, &log).expect("replays"))
    });
    group.bench_function("chacha_replay", |b| {
        b.iter(|| floor::chacha(SEED, &touched))
    });

    group.bench_function("solve_10k", |b| {
        b.iter(|| solver::solve(black_box(&s), SEED))
    });

    let crowded = big(20_000 / scale, 715 / scale);
    let crowded_streams = streams(&crowded);
    group.bench_function("solve_20k_715_days", |b| {
        b.iter(|| solver::solve(black_box(&crowded), SEED))
    });
    group.bench_function("chacha_20k", |b| {
        b.iter(|| floor::chacha(SEED, &crowded_streams))
    });

    let huge = big(100_000 / scale, 7_150 / scale);
    let huge_calendar = WorkCalendar::for_scenario(&huge);
    let huge_streams = streams(&huge);
    group.bench_function("generate_100k_7150_days", |b| {
        b.iter(|| generate(black_box(&huge), &huge_calendar, SEED))
    });
    group.bench_function("chacha_100k", |b| {
        b.iter(|| floor::chacha(SEED, &huge_streams))
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
    floor::print_ratios(
        GROUP,
        &[
            ("generate_10k", "chacha_10k"),
            ("replay_10k_actions", "chacha_replay"),
            ("solve_10k", "chacha_10k"),
            ("solve_20k_715_days", "chacha_20k"),
            ("generate_100k_7150_days", "chacha_100k"),
        ],
    );
}

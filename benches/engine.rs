//! Engine benchmarks (issue 3): generate a 10,000-dossier scenario, replay a
//! 10,000-action log, solve the 10,000-dossier scenario.
//! Run: `cargo bench --bench engine`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use motcua::calendar::WorkCalendar;
use motcua::generate::generate;
use motcua::scenario::{self, Scenario, builtin};
use motcua::session::{replay, solver};

/// The birth-registration scenario stretched to 10,000 dossiers over 715 working days:
/// about 14 a day, a load one officer can carry (more and the backlog only grows).
fn big() -> Scenario {
    let (file, text) = builtin::FILES[0];
    let mut s = scenario::load_str(file, text).expect("built-in loads");
    s.dossiers.count = 10_000;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = 715;
    s
}

fn benches(c: &mut Criterion) {
    let s = big();
    let calendar = WorkCalendar::for_scenario(&s);
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(20));
    group.bench_function("generate 10k dossiers", |b| {
        b.iter(|| generate(black_box(&s), &calendar, 1))
    });
    let played = solver::solve(&s, 1);
    let log: Vec<_> = played.actions().iter().take(10_000).cloned().collect();
    assert_eq!(log.len(), 10_000, "the solver's log is long enough");
    group.bench_function("replay 10k actions", |b| {
        b.iter(|| replay(black_box(&s), 1, &log).expect("replays"))
    });
    group.bench_function("solve 10k dossiers", |b| {
        b.iter(|| solver::solve(black_box(&s), 1))
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);

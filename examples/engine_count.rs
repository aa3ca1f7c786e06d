//! One engine task on `khai-sinh-co-ban` stretched to 10,000 dossiers over 715 working
//! days (as benches/engine.rs builds it), for counting instructions on a busy machine,
//! where wall times wander (docs/performance.md):
//!
//! `cargo build --release --example engine_count`, then
//! `valgrind --tool=callgrind target/release/examples/engine_count generate`
//! (or `solve`, `replay`).

use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::generate;
use motcua_core::scenario::{self, Scenario, builtin};
use motcua_core::session::{Action, replay, solver};

// The same allocator as the binary, so the figures are the program's (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: u64 = 1;

fn big(count: u32, days: u32) -> Result<Scenario, String> {
    let (file, text) = builtin::FILES
        .iter()
        .find(|(f, _)| f.starts_with("khai-sinh-co-ban"))
        .ok_or("no khai-sinh-co-ban among the built-ins")?;
    let mut s = scenario::load_str(file, text).map_err(|e| format!("{e:?}"))?;
    s.dossiers.count = count;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = days;
    Ok(s)
}

fn run(task: &str, s: &Scenario) -> Result<String, String> {
    match task {
        "generate" => {
            let calendar = WorkCalendar::for_scenario(s);
            Ok(format!("{} dossiers", generate(s, &calendar, SEED).len()))
        }
        "solve" => Ok(format!(
            "{} actions",
            solver::solve(s, SEED).actions().len()
        )),
        "replay" => {
            // The log is solved first; subtract a `solve` run's count from this one's.
            let log: Vec<Action> = solver::solve(s, SEED).actions()[..10_000].to_vec();
            let played = replay(s, SEED, &log).map_err(|e| format!("{e:?}"))?;
            Ok(format!("{} events", played.events().len()))
        }
        other => Err(format!("unknown task {other}: generate, solve or replay")),
    }
}

fn main() {
    let task = std::env::args().nth(1).unwrap_or_else(|| "generate".into());
    match big(10_000, 715).and_then(|s| run(&task, &s)) {
        Ok(line) => println!("{task}: {line}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

//! The reference solver on `khai-sinh-co-ban` stretched to COUNT dossiers over DAYS
//! working days (its scripted dossiers and events left out), as the engine benchmark
//! builds it: what docs/performance.md measures the peak memory of.
//!
//! `cargo build --release --example solve_big`, then
//! `/usr/bin/time -v target/release/examples/solve_big 10000 715`.

use motcua_core::scenario::{self, builtin};
use motcua_core::session::solver;

// The same allocator as the binary, so the figures are the program's (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (count, days) = match args[..] {
        [count, days] => (count, days),
        _ => (10_000, 715),
    };
    let Some((file, text)) = builtin::FILES
        .iter()
        .find(|(f, _)| f.starts_with("khai-sinh-co-ban"))
    else {
        eprintln!("no khai-sinh-co-ban among the built-ins");
        std::process::exit(1);
    };
    let mut s = match scenario::load_str(file, text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    };
    s.dossiers.count = count;
    s.dossiers.scripted.clear();
    s.events.clear();
    s.meta.working_days = days;
    let session = solver::solve(&s, 1);
    println!(
        "{count} dossiers over {days} working days: {} actions, {} events",
        session.actions().len(),
        session.events().len()
    );
}

#![allow(dead_code)] // each bench uses part of it

//! What the benchmarks share: the ChaCha floor (the same words from the same
//! streams as the engine reads, nothing else) and the table of ratios printed after
//! a run, read back from criterion's samples.

use std::hint::black_box;
use std::path::PathBuf;

use motcua_core::generate::SimRng;

/// Whether the run is `cargo bench -- --test` (each bench once): small sizes.
pub fn quick() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// Draw `words` words from each `(stream, words)` of `seed`.
pub fn chacha(seed: u64, streams: &[(u64, u64)]) -> u64 {
    let mut last = 0u32;
    for &(stream, words) in streams {
        let mut r = SimRng::stream(seed, stream);
        for _ in 0..words {
            last ^= r.word();
        }
    }
    black_box(u64::from(last))
}

/// Total words of `streams`.
pub fn words(streams: &[(u64, u64)]) -> u64 {
    streams.iter().map(|(_, w)| w).sum()
}

/// Per-iteration times (ns) of one benchmark's last run, from criterion's samples.
fn samples(group: &str, id: &str) -> Option<Vec<f64>> {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let path = target
        .join("criterion")
        .join(group)
        .join(id)
        .join("new")
        .join("sample.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let iters = json["iters"].as_array()?;
    let times = json["times"].as_array()?;
    let mut per: Vec<f64> = iters
        .iter()
        .zip(times)
        .filter_map(|(i, t)| Some(t.as_f64()? / i.as_f64()?))
        .collect();
    per.sort_by(f64::total_cmp);
    Some(per)
}

fn ms(ns: f64) -> String {
    format!("{:.3} ms", ns / 1e6)
}

/// Print, for each `(group, bench, floor)`, min and median of both and the ratio of
/// the medians. Silent in `--test` mode (no samples are taken then).
pub fn print_ratios(group: &str, pairs: &[(&str, &str)]) {
    if quick() {
        return;
    }
    println!("\n{group}: min / median, floor min / median, ratio of medians");
    for (bench, floor) in pairs {
        let (Some(b), Some(f)) = (samples(group, bench), samples(group, floor)) else {
            println!("  {bench}: no samples");
            continue;
        };
        let median = |v: &[f64]| v[v.len() / 2];
        println!(
            "  {bench}: {} / {}   floor {}: {} / {}   ×{:.1}",
            ms(b[0]),
            ms(median(&b)),
            floor,
            ms(f[0]),
            ms(median(&f)),
            median(&b) / median(&f)
        );
    }
}

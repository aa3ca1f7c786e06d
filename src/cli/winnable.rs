//! W001: `validate` lets the reference solver play a valid scenario with its own
//! seed and seeds 1..=5, and warns when it cannot reach 100.

use motcua_core::scenario::{DiagCode, Diagnostic, Scenario};
use motcua_core::score;
use motcua_core::session::solver;

/// Seeds tried besides the scenario's own: enough to catch a plan that only
/// sometimes fits in the period, few enough to keep `validate` quick.
pub const EXTRA_SEEDS: std::ops::RangeInclusive<u64> = 1..=5;

/// A warning for the first seed the solver cannot win, if any.
pub fn check(path: &str, scenario: &Scenario) -> Option<Diagnostic> {
    let seeds = std::iter::once(scenario.meta.seed).chain(EXTRA_SEEDS);
    for seed in seeds {
        let session = solver::solve(scenario, seed);
        let total = score::score(&session).total();
        if total < 100.0 {
            return Some(Diagnostic {
                path: path.to_string(),
                line: 1,
                col: 1,
                code: DiagCode::Unwinnable,
                args: vec![("seed", seed.to_string()), ("total", format!("{total:.1}"))],
            });
        }
    }
    None
}

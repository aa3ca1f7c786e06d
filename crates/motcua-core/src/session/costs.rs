//! Minutes of simulated office time each action takes; `[costs]` overrides.

use crate::scenario::{ActionKind, Costs};

/// Minutes an action of `kind` costs under `costs`: the scenario's `[costs]` entry,
/// else the built-in default (docs/engine.md, "Actions" table). `wait` and `end-day`
/// move the clock by their own rule and cost nothing here.
pub fn minutes(costs: &Costs, kind: ActionKind) -> u32 {
    costs
        .minutes
        .get(kind.key())
        .copied()
        .or_else(|| kind.default_minutes())
        .unwrap_or(0)
}

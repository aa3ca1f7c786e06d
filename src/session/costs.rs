//! Minutes of simulated office time each action takes; `[costs]` overrides.

use crate::scenario::Costs;

/// Built-in minutes per action, by action name (docs/engine.md, "Actions" table).
pub const DEFAULTS: &[(&str, u32)] = &[
    ("open", 1),
    ("inspect", 2),
    ("accept", 5),
    ("request-supplement", 10),
    ("refuse", 10),
    ("digitize", 3),
    ("reuse", 1),
    ("forward", 2),
    ("transfer", 5),
    ("appraise", 20),
    ("sign", 5),
    ("request-fee", 2),
    ("confirm-payment", 3),
    ("return-result", 5),
    ("apologize", 10),
    ("stop", 10),
];

/// Minutes `action` costs under `costs`.
pub fn minutes(costs: &Costs, action: &str) -> u32 {
    costs.minutes.get(action).copied().unwrap_or_else(|| {
        DEFAULTS
            .iter()
            .find(|(name, _)| *name == action)
            .map_or(0, |(_, m)| *m)
    })
}

//! Golden runs: the solver's event log and debrief for each built-in scenario,
//! with its own seed. A change in the engine or the score shows up here.

use motcua::present::debrief;
use motcua_i18n::Lang;

use crate::support;

#[test]
fn solver_runs_of_every_builtin_scenario_are_pinned() {
    for s in support::builtins() {
        let (session, result) = support::solved(&s, s.meta.seed);
        let id = &s.meta.id;
        let events: Vec<String> = session
            .events()
            .iter()
            .map(|e| serde_json::to_string(e).expect("events serialise"))
            .collect();
        insta::assert_snapshot!(format!("{id}-events"), events.join("\n"));
        insta::assert_snapshot!(
            format!("{id}-debrief"),
            debrief::render(Lang::Vi, &s, &result)
        );
    }
}

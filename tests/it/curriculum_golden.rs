//! The first three dossiers of every built-in scenario, with its own seed, in the
//! stable `motcua preview --json` shape. A change in a scenario file, the
//! generator or its tables shows up here.

use motcua::cli::preview::render_json;
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::generate;

use crate::support;

#[test]
fn the_first_dossiers_of_every_builtin_scenario_are_pinned() {
    for s in support::builtins() {
        let seed = s.meta.seed;
        let dossiers = generate(&s, &WorkCalendar::for_scenario(&s), seed);
        assert!(
            dossiers.len() >= 3,
            "{}: only {} dossiers",
            s.meta.id,
            dossiers.len()
        );
        let json = render_json(&s, seed, &dossiers[..3]);
        insta::assert_snapshot!(format!("{}-first-dossiers", s.meta.id), json);
    }
}

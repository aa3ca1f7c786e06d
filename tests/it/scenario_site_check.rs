//! `site_check`: verification in working days. A check that ends after the due moment
//! needs the apology; the built-in building permit keeps it inside the 7 working days
//! Luật Xây dựng (Điều 102 khoản 1) allows for appraisal and site check.

use motcua_core::scenario::load_str;
use motcua_core::session::{Action, Happened};

use crate::support;

const PERMIT: &str = include_str!("../../scenarios/giay-phep-xay-dung.toml");
const BUILT_IN: &str = "site_check = { min_days = 2, max_days = 6 }";

#[test]
fn a_long_site_check_sends_a_delay_notice_and_the_solver_apologises_in_time() {
    // The same procedure with checks of 14–18 working days against its 15-day limit.
    assert!(PERMIT.contains(BUILT_IN));
    let long = PERMIT.replace(BUILT_IN, "site_check = { min_days = 14, max_days = 18 }");
    let s = load_str("long.toml", &long).expect("valid");
    let (session, debrief) = support::solved(&s, 2);
    assert_eq!(debrief.total(), 100.0, "{:#?}", debrief.mistakes);
    let notices = session
        .events()
        .iter()
        .filter(|e| matches!(e.what, Happened::DelayNotice { .. }))
        .count();
    let apologies = session
        .actions()
        .iter()
        .filter(|a| matches!(a, Action::Apologize { .. }))
        .count();
    assert!(
        notices > 0 && apologies == notices,
        "{notices} notices, {apologies} apologies"
    );
}

#[test]
fn the_built_in_site_check_ends_within_seven_working_days_of_receipt() {
    let s = support::builtin("giay-phep-xay-dung");
    let calendar = motcua_core::calendar::WorkCalendar::for_scenario(&s);
    for seed in 1..=50 {
        let (session, _) = support::solved(&s, seed);
        for e in session.events() {
            let Happened::Examined { dossier, .. } = &e.what else {
                continue;
            };
            let (d, st) = session.find(dossier).expect("dossier");
            // The first verification (a re-check after a supplement is a new window).
            let Some(accepted) = st.accepted_at else {
                continue;
            };
            if st.requests > 0 {
                continue;
            }
            let limit = calendar.close_of(calendar.nth_working_day_after(accepted.date(), 7));
            assert!(
                e.at <= limit,
                "seed {seed} {}: examined {} after {limit}",
                d.code,
                e.at
            );
        }
    }
}

#[test]
fn max_days_below_min_days_is_e008_at_its_value() {
    let broken = PERMIT.replace(BUILT_IN, "site_check = { min_days = 9, max_days = 3 }");
    let diags = load_str("x.toml", &broken).expect_err("invalid");
    let line = broken
        .lines()
        .position(|l| l.starts_with("site_check"))
        .expect("line")
        + 1;
    assert!(
        diags
            .iter()
            .any(|d| d.code.key() == "E008" && d.line == line && d.arg("key") == Some("max_days")),
        "{diags:?}"
    );
}

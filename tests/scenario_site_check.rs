//! `site_check`: verification in working days, so a long check needs the apology.

mod support;

use motcua::scenario::load_str;
use motcua::session::{Action, Happened};

#[test]
fn a_long_site_check_sends_a_delay_notice_and_the_solver_apologises_in_time() {
    let s = support::builtin("giay-phep-xay-dung");
    assert!(s.procedures[0].site_check.is_some());
    let (session, debrief) = support::solved(&s, 2);
    assert_eq!(debrief.total, 100.0);
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
fn max_days_below_min_days_is_e008_at_its_value() {
    let text = std::fs::read_to_string("scenarios/giay-phep-xay-dung.toml").expect("scenario");
    let broken = text.replace(
        "site_check = { min_days = 4, max_days = 18 }",
        "site_check = { min_days = 9, max_days = 3 }",
    );
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

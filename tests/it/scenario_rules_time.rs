//! The validation rules of time, through `scenario::load_str`: scripted dossiers
//! and their result channel, moments and office hours, events, deadlines, scores,
//! weights and the calendar.

use motcua_core::scenario::DiagCode;

use crate::support::rules::{event, only, plus, scripted, valid, with};

#[test]
fn a_scripted_result_channel_must_be_open_to_the_filing() {
    // The minimal procedure is toàn trình: filed online, the result goes online or by post.
    let dossier = |channel: &str, result: &str| {
        scripted("day1 08:00", channel) + &format!("result_channel = \"{result}\"\n")
    };
    valid(&dossier("online", "post"));
    valid(&dossier("online", "online"));
    let d = only(&dossier("online", "counter"), DiagCode::InvalidValue);
    assert_eq!(d.arg("key"), Some("result_channel"));
    assert_eq!(d.arg("expected"), Some("online | post"));
    // Filed at the counter: collected there or posted, never online.
    let d = only(&dossier("counter", "online"), DiagCode::InvalidValue);
    assert_eq!(d.arg("expected"), Some("counter | post"));
    valid(&dossier("post", "counter"));
    let d = only(&dossier("online", "bưu điện"), DiagCode::InvalidValue);
    assert_eq!(d.arg("key"), Some("result_channel"));
}

#[test]
fn moments_period_and_office_hours() {
    only(&scripted("day0 08:00", "online"), DiagCode::OutsidePeriod);
    only(&scripted("day3 08:00", "online"), DiagCode::OutsidePeriod);
    only(&scripted("day1 8h", "online"), DiagCode::BadTime);
    only(&scripted("day1 24:00", "online"), DiagCode::BadTime);
    let d = only(
        &scripted("day1 12:15", "counter"),
        DiagCode::OutsideOfficeHours,
    );
    assert_eq!(d.arg("hours"), Some("07:30-11:30, 13:30-17:00"));
    only(
        &scripted("day1 17:00", "post"),
        DiagCode::OutsideOfficeHours,
    );
    // Online filings arrive at any hour.
    valid(&scripted("day1 23:30", "online"));
    valid(&scripted("day1 07:30", "counter"));
    only(
        &event("at = \"day1 18:00\"\nkind = \"citizen-call\""),
        DiagCode::OutsideOfficeHours,
    );
    valid(&event(
        "at = \"day1 18:00\"\nkind = \"outage\"\nminutes = 30",
    ));
}

#[test]
fn events_take_the_keys_of_their_kind() {
    only(
        &event("at = \"day1 09:00\"\nkind = \"outage\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"rule-change\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"withdraw\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"withdraw\"\ndossier = \"hs-1\"\nminutes = 5"),
        DiagCode::KeyNotForKind,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"outage\"\nminutes = 0"),
        DiagCode::InvalidValue,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"rule-change\"\nrules = \"2019\""),
        DiagCode::InvalidValue,
    );
    only(
        &event("at = \"day1 07:59\"\nkind = \"withdraw\"\ndossier = \"hs-1\""),
        DiagCode::EventBeforeDossier,
    );
    valid(&event(
        "at = \"day1 08:00\"\nkind = \"withdraw\"\ndossier = \"hs-1\"",
    ));
}

#[test]
fn deadlines_scores_hours_weights_calendar() {
    only(
        &with("{ same_day = true }", "{ working_hours = 0 }"),
        DiagCode::ZeroDeadline,
    );
    only(&with("{ same_day = true }", "{ }"), DiagCode::Deadline);
    only(
        &with("working_days = 2", "working_days = 2\npass_score = -1"),
        DiagCode::PassScore,
    );
    valid(&with(
        "working_days = 2",
        "working_days = 2\npass_score = 100",
    ));
    let office = |body: &str| {
        with(
            "[[procedure]]",
            &format!("[office]\n{body}\n\n[[procedure]]"),
        )
    };
    only(&office("hours = []"), DiagCode::EmptyList);
    only(
        &office("hours = [\"13:30-17:00\", \"07:30-11:30\"]"),
        DiagCode::BadHours,
    );
    only(&office("same_day_cutoff = \"3pm\""), DiagCode::BadHours);
    only(&office("same_day_cutoff = \"12:00\""), DiagCode::BadHours);
    valid(&office(
        "hours = [\"08:00-12:00\"]\nsame_day_cutoff = \"11:00\"",
    ));
    let every_step_zero = "[scoring]\nsteps = { receipt = 0, appraisal = 0, on-time = 0, apology = 0, national-data = 0, digitize = 0, forward = 0, sign = 0, fee-before-result = 0, result-channel = 0 }";
    only(&plus(every_step_zero), DiagCode::Weights);
    only(
        &plus("[scoring]\ndeductions = { out-of-order = -2 }"),
        DiagCode::Weights,
    );
    only(
        &plus("[scoring]\nsteps = { recept = 30 }"),
        DiagCode::UnknownKey,
    );
    only(
        &plus("[scoring]\nweights = { progress = 20 }"),
        DiagCode::ScoringRetired,
    );
    valid(&plus("[scoring]\nsteps = { receipt = 0, sign = 12 }"));
    only(
        &plus("[calendar]\nworkdays = [2026-03-03]"),
        DiagCode::CalendarConflict,
    );
    only(
        &plus("[calendar]\nholidays = [2026-03-07]\nworkdays = [2026-03-07]"),
        DiagCode::CalendarConflict,
    );
    valid(&plus(
        "[calendar]\nholidays = [2026-03-03]\nworkdays = [2026-03-07]",
    ));
}

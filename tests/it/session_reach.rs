//! The possible-step estimate (`session::reach`) on a one-dossier desk, worked out by
//! hand from the default action costs (open 1, inspect 2, accept 5, digitise 3,
//! forward 2 office minutes), office hours 07:30–11:30 and 13:30–17:00, the 15:00
//! same-day cut-off, and the 30 office minutes before the desk takes a dossier up.

use chrono::{NaiveDate, NaiveDateTime};
use motcua_core::scenario;
use motcua_core::session::Session;
use motcua_core::session::reach::Ending;

use crate::support::desk::one_dossier;

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a moment")
}

#[test]
fn a_counter_dossier_is_taken_up_half_an_hour_after_it_arrives() {
    let s = one_dossier("quay", "at = \"day1 14:30\"\nchannel = \"counter\"");
    let session = Session::new(&s, 1);
    let r = &session.reaches()[0];
    // Taken up at 15:00: open 15:00, inspect the paper 15:01, accept at 15:03 — after
    // the 15:00 cut-off, so the same-day procedure is due at the close of Tuesday.
    assert_eq!(r.receipt, Some(at(2, 15, 3)));
    assert_eq!(r.due, Some(at(3, 17, 0)));
    // The acceptance takes to 15:08, digitising the paper to 15:11: forwarded at 15:11.
    assert_eq!(r.handover, Some(at(2, 15, 11)));
    assert_eq!(r.ending, Ending::Returned);
    assert!(r.paper && !r.national_db && !r.fee);
    // Verification, the colleagues' appraisal and signature, then the return: in order.
    let (end, returned) = (r.end.expect("processed"), r.returned.expect("returned"));
    assert!(r.handover < Some(end) && end <= returned);
    assert!(r.fits(r.returned, session.period_end()));
}

#[test]
fn a_dossier_arriving_at_the_close_of_the_last_day_has_nothing_possible() {
    let s = one_dossier("muon", "at = \"day2 16:45\"\nchannel = \"counter\"");
    let session = Session::new(&s, 1);
    let r = &session.reaches()[0];
    // Taken up 30 office minutes after 16:45 (15 on Tuesday, 15 on Wednesday): opened at
    // 07:45, inspected at 07:46, accepted at 07:48 on Wednesday, after the period.
    assert_eq!(r.receipt, Some(at(4, 7, 48)));
    assert!(!r.fits(r.receipt, session.period_end()));
}

#[test]
fn the_desk_waits_out_an_outage_before_the_receipt() {
    let text = include_str!("../fixtures/valid/minimal.toml").replace(
        "[dossiers]\ncount = 2",
        "[dossiers]\ncount = 0\n\n[[dossiers.scripted]]\nat = \"day1 14:30\"\nprocedure = \"1.001193\"\nchannel = \"counter\"\n\n[[event]]\nat = \"day1 14:00\"\nkind = \"outage\"\nminutes = 120",
    );
    let s = scenario::load_str("outage.toml", &text).expect("loads");
    let session = Session::new(&s, 1);
    let r = &session.reaches()[0];
    // The system is down 14:00–16:00: taken up at 15:00, the desk opens it at 16:00,
    // inspects at 16:01, accepts at 16:03.
    assert_eq!(r.receipt, Some(at(2, 16, 3)));
}

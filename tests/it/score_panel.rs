//! The QĐ 766 panel of the simulated desk on hand-built event logs, each expectation
//! worked out by hand from the indicator specification (docs/engine.md, "The QĐ 766
//! panel"): indicator 2.1 counts a dossier on time when its end of processing (the
//! first of processed, returned, refused, stopped, withdrawn, transferred; else the
//! moment of a supplement request still unanswered; else the end of the period)
//! comes by its due moment, and more than one supplement request makes it overdue.

use chrono::{NaiveDate, NaiveDateTime};
use motcua_core::scenario::{Channel, Stage};
use motcua_core::score::panel::count::from_log;
use motcua_core::score::{IndicatorId, Panel766};
use motcua_core::session::{Actor, Code, Event, Happened, List, ResultChannel};

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a moment")
}

fn ev(when: NaiveDateTime, actor: Actor, what: Happened) -> Event {
    Event {
        at: when,
        actor,
        what,
    }
}

fn code(n: usize) -> Code {
    format!("D{n:02}").into()
}

/// Arrived at 08:00 on 2 March by `channel`, accepted at 08:10, due 17:00 that day.
fn received(n: usize, channel: Channel) -> Vec<Event> {
    let dossier = code(n);
    vec![
        ev(
            at(2, 8, 0),
            Actor::Citizen,
            Happened::Arrived {
                dossier: dossier.clone(),
                procedure: "p".into(),
                channel,
                flaws: List::new(),
            },
        ),
        ev(
            at(2, 8, 10),
            Actor::Trainee,
            Happened::Accepted {
                dossier,
                due: at(2, 17, 0),
                open_flaws: List::new(),
                unchecked: List::new(),
            },
        ),
    ]
}

fn processed(n: usize, when: NaiveDateTime) -> Event {
    ev(
        when,
        Actor::Specialist,
        Happened::Processed { dossier: code(n) },
    )
}

fn returned(n: usize, when: NaiveDateTime, channel: ResultChannel) -> Event {
    let what = Happened::Returned {
        dossier: code(n),
        channel,
        expected: channel,
        unpaid: false,
    };
    ev(when, Actor::Trainee, what)
}

fn requested(n: usize, when: NaiveDateTime, nth: u32) -> Event {
    let what = Happened::SupplementRequested {
        dossier: code(n),
        stage: Stage::Appraisal,
        items: List::new(),
        nth,
        open_flaws: List::new(),
        unchecked: List::new(),
    };
    ev(when, Actor::Trainee, what)
}

fn answered(n: usize, when: NaiveDateTime) -> Event {
    let what = Happened::SupplementReceived {
        dossier: code(n),
        cured: List::new(),
    };
    ev(when, Actor::Citizen, what)
}

/// Ten dossiers received on 2 March, due at 17:00:
/// - D01–D05 filed online, processed at 10:00, their results returned online at 10:30;
/// - D06–D08 at the counter, processed at 11:00 (results collected later);
/// - D09 asked twice for a supplement (09:00, answered 09:30; again 10:00, answered
///   10:30), processed at 11:00, before its due moment;
/// - D10 asked for a supplement at 11:00, never answered.
///
/// The period ends on 3 March at 17:00. D01–D04 are charged a fee; D01 and D02 paid online.
fn ten() -> Vec<Event> {
    let mut log = Vec::new();
    for n in 1..=10 {
        let channel = if n <= 5 {
            Channel::Online
        } else {
            Channel::Counter
        };
        log.extend(received(n, channel));
    }
    for n in 1..=5 {
        log.push(processed(n, at(2, 10, 0)));
        log.push(returned(n, at(2, 10, 30), ResultChannel::Online));
    }
    for n in 1..=2 {
        let what = Happened::Paid {
            dossier: code(n),
            online: true,
        };
        log.push(ev(at(2, 10, 20), Actor::Citizen, what));
    }
    for n in 6..=8 {
        log.push(processed(n, at(2, 11, 0)));
    }
    log.push(requested(9, at(2, 9, 0), 1));
    log.push(answered(9, at(2, 9, 30)));
    log.push(requested(9, at(2, 10, 0), 2));
    log.push(answered(9, at(2, 10, 30)));
    log.push(processed(9, at(2, 11, 0)));
    log.push(requested(10, at(2, 11, 0), 1));
    log.sort_by_key(|e| e.at);
    log
}

fn panel(log: &[Event]) -> Panel766 {
    let fee = |c: &str| ["D01", "D02", "D03", "D04"].contains(&c);
    from_log(log, fee, at(3, 17, 0))
}

#[test]
fn on_time_counts_a_pending_request_by_its_date_and_two_requests_as_overdue() {
    let p = panel(&ten());
    let on_time = p.get(IndicatorId::OnTime).expect("2.1");
    // D01–D08 end (processed) by 17:00: 8. D10 waits for the citizen: its end is the
    // request at 11:00 ≤ 17:00, on time: 9. D09 ended at 11:00 too, but it was asked
    // for a supplement twice: overdue. 9 of the 10 received: 90%.
    assert_eq!((on_time.numerator, on_time.denominator), (9, 10));
    assert_eq!(on_time.ratio, Some(0.9));
    // Up to 20 points; how 2.1 scales below its maximum is not published: no points.
    assert_eq!((on_time.max_points, on_time.points), (Some(20.0), None));
    assert!(!on_time.full);
    // 5.4 = 100% − overdue rate (10%) − complaints (none simulated) = 90%: full, 6 points.
    let satisfaction = p.get(IndicatorId::Satisfaction).expect("5.4");
    assert_eq!(satisfaction.ratio, Some(0.9));
    assert!(satisfaction.full);
    assert_eq!(satisfaction.points, Some(6.0));
}

#[test]
fn filed_online_at_exactly_half_is_full() {
    let p = panel(&ten());
    let online = p.get(IndicatorId::FiledOnline).expect("3.3");
    // D01–D05 were filed online and got their result electronically: 5 of 10 = 50%,
    // the threshold from which 3.3 earns its full points.
    assert_eq!((online.numerator, online.denominator), (5, 10));
    assert_eq!(online.full_at, Some(0.5));
    assert!(online.full);
    // Its maximum is not confirmed: no points, never invented.
    assert_eq!(online.points, None);
    // 3.6: D01 and D02 paid online, of the four charged: 50%, no threshold stated.
    let paid = p.get(IndicatorId::PaidOnline).expect("3.6");
    assert_eq!((paid.numerator, paid.denominator), (2, 4));
    assert!(!paid.full);
}

#[test]
fn one_online_dossier_fewer_is_below_half_and_not_full() {
    let mut log = ten();
    // D05's result goes back at the counter instead: no electronic result, 4 of 10.
    for e in &mut log {
        if let Happened::Returned {
            dossier, channel, ..
        } = &mut e.what
            && &**dossier == "D05"
        {
            *channel = ResultChannel::Counter;
        }
    }
    let online = panel(&log)
        .get(IndicatorId::FiledOnline)
        .cloned()
        .expect("3.3");
    assert_eq!((online.numerator, online.ratio), (4, Some(0.4)));
    assert!(!online.full);
}

#[test]
fn a_request_after_the_due_moment_left_unanswered_is_late() {
    let mut log = ten();
    // D10's request goes out only at 07:31 on 3 March, after its due moment (17:00 on
    // 2 March), and is never answered: its end is that request, late. D01–D08 stay
    // on time: 8 of 10.
    for e in &mut log {
        if matches!(&e.what, Happened::SupplementRequested { dossier, .. } if &**dossier == "D10") {
            e.at = at(3, 7, 31);
        }
    }
    log.sort_by_key(|e| e.at);
    let on_time = panel(&log).get(IndicatorId::OnTime).cloned().expect("2.1");
    assert_eq!((on_time.numerator, on_time.denominator), (8, 10));
}

#[test]
fn syncing_is_not_assessed_and_an_idle_period_has_no_ratios() {
    let p = panel(&ten());
    let synced = p.get(IndicatorId::Synced).expect("1.4");
    assert_eq!(synced.ratio, None);
    assert!(!synced.full, "never shown as full when not assessed");
    // No dossier received: every indicator is N/A, none full.
    let empty = panel(&[]);
    assert!(
        empty
            .indicators
            .iter()
            .all(|i| i.ratio.is_none() && !i.full)
    );
}

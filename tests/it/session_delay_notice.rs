//! A verification that outlasts the time limit (a scripted dossier's
//! `verification_days` past its `deadline`): the specialist announces the delay when
//! the dossier is forwarded, lateness is then certain from what the desk sees, and
//! the apology letter (form 04) is owed before the due moment. The dossier stays late
//! for QĐ 766 indicator 2.1, but the lateness is not the trainee's: with the letter
//! in time there is no mistake, without it `late-without-apology`.
//!
//! Worked by hand from the default action costs (open 1, inspect 2, accept 5,
//! digitize 3, forward 2, apologize 10 office minutes), office hours 07:30–11:30 and
//! 13:30–17:00, colleagues (specialist, leader) taking no time.

use chrono::{NaiveDate, NaiveDateTime};
use motcua_core::scenario::StepKind;
use motcua_core::score::{Debrief, MistakeCode};
use motcua_core::session::{Action, Happened, Session};

use crate::support;
use crate::support::desk::{apply, digitize_and_forward, one_dossier, receive, return_to_the_end};

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a moment")
}

/// One sound birth registration at the counter on Monday 2 March 2026 at 08:00, whose
/// own time limit is 1 working day and whose verification takes 3, over a period of
/// five working days (Monday to Friday). Received: open 08:00, inspect 08:01, accept
/// 08:03, so it is due at the close of Tuesday 3 March. Then digitised (08:08) and
/// forwarded at 08:11: the verification ends at the close of the third working day
/// after Monday, Thursday 5 March 17:00, and the result is ready when the office
/// opens on Friday, 07:30, after the due moment. The clock is then at 08:13.
fn forwarded() -> (Session, String) {
    let keys = "at = \"day1 08:00\"\nchannel = \"counter\"\n\
                deadline = { working_days = 1 }\nverification_days = 3";
    let mut s = one_dossier("xa", keys);
    s.meta.working_days = 5;
    let mut session = Session::new(&s, 1);
    let code = receive(&mut session);
    let (_, st) = session.find(&code).expect("dossier");
    assert_eq!(st.due, Some(at(3, 17, 0)));
    digitize_and_forward(&mut session, &code);
    assert_eq!(session.now(), at(2, 8, 13));
    let notice = session.events().iter().find_map(|e| match e.what {
        Happened::DelayNotice {
            expected,
            due,
            unavoidable,
            ..
        } => Some((e.at, expected, due, unavoidable)),
        _ => None,
    });
    assert_eq!(
        notice,
        Some((at(2, 8, 11), at(6, 7, 30), at(3, 17, 0), true)),
        "announced at forwarding, late however fast the desk had been"
    );
    (session, code)
}

/// The one dossier's counted steps, in the order of `StepKind`, and whether done.
fn steps(d: &Debrief) -> Vec<(StepKind, bool)> {
    let mut steps: Vec<_> = d.dossiers[0]
        .steps
        .iter()
        .map(|m| (m.step, m.done))
        .collect();
    steps.sort_by_key(|(k, _)| *k as u8);
    steps
}

fn codes(d: &Debrief) -> Vec<MistakeCode> {
    d.mistakes.iter().map(|m| m.code).collect()
}

#[test]
fn an_announced_delay_with_the_apology_in_time_is_late_but_no_mistake() {
    let (mut session, code) = forwarded();
    // Lateness is certain now: the apology comes first, with the day the result is
    // expected (Friday 6 March) as the new date.
    let hint = session.hint(&code).expect("a step is owed");
    let new_date = NaiveDate::from_ymd_opt(2026, 3, 6).expect("date");
    assert_eq!(
        hint,
        Action::Apologize {
            dossier: code.clone(),
            new_date
        }
    );
    apply(&mut session, hint);
    let (session, debrief) = return_to_the_end(session, &code);
    let apology = session.events().iter().find_map(|e| match e.what {
        Happened::Apologized {
            in_time, needed, ..
        } => Some((e.at, in_time, needed)),
        _ => None,
    });
    assert_eq!(apology, Some((at(2, 8, 13), true, true)));
    let row = &debrief.dossiers[0];
    // Returned on Friday at 07:30, after Tuesday's due moment: late for indicator 2.1.
    assert_eq!(row.ended_at, Some(at(6, 7, 30)));
    assert_eq!(row.on_time, Some(false));
    assert!(row.apologized);
    // Not the desk's lateness, and the letter went out in time: nothing to charge.
    assert_eq!(codes(&debrief), []);
    // The desk's steps: receipt 30, digitise 5, forward 5, result channel 5 and the
    // apology 10 (owed: the dossier ran late). On time is not counted: the correct
    // path itself ends after the due moment. All done: 55 of 55.
    assert_eq!(
        steps(&debrief),
        [
            (StepKind::Receipt, true),
            (StepKind::Apology, true),
            (StepKind::Digitize, true),
            (StepKind::Forward, true),
            (StepKind::ResultChannel, true),
        ]
    );
    assert_eq!(debrief.total(), 100.0);
}

#[test]
fn an_announced_delay_without_the_apology_is_late_without_apology() {
    let (session, code) = forwarded();
    let (_, debrief) = return_to_the_end(session, &code);
    let row = &debrief.dossiers[0];
    assert_eq!(row.on_time, Some(false));
    assert!(!row.apologized);
    assert_eq!(codes(&debrief), [MistakeCode::LateWithoutApology]);
    // The same five steps, the apology not done: 45 of 55 points, 100 × 45 ÷ 55 = 81.8.
    assert_eq!(steps(&debrief)[1], (StepKind::Apology, false));
    assert_eq!(steps(&debrief).len(), 5);
    assert_eq!(debrief.total(), 81.8);
}

/// `ly-lich-tu-phap`, seeds 1..=50: the requester who lived in several provinces
/// (`cu-tru-nhieu-tinh`: 15 working days, a 17-day verification) is the one dossier
/// the reference solver apologises for, in time and when it was needed; it ends the
/// period late for indicator 2.1, with no mistake (the whole attempt scores 100 in
/// `tests/it/session_solver.rs`).
#[test]
fn the_solver_apologises_exactly_for_the_dossier_whose_verification_outlasts_its_limit() {
    let s = support::builtin("ly-lich-tu-phap");
    for seed in 1..=50 {
        let (session, debrief) = support::solved(&s, seed);
        let late = session
            .all_dossiers()
            .iter()
            .find(|d| d.scripted_id.as_deref() == Some("cu-tru-nhieu-tinh"))
            .map(|d| d.code.clone())
            .expect("scripted");
        let apologies: Vec<(String, bool, bool)> = session
            .events()
            .iter()
            .filter_map(|e| match &e.what {
                Happened::Apologized {
                    dossier,
                    in_time,
                    needed,
                    ..
                } => Some((dossier.to_string(), *in_time, *needed)),
                _ => None,
            })
            .collect();
        assert_eq!(apologies, [(late.clone(), true, true)], "seed {seed}");
        let row = debrief
            .dossiers
            .iter()
            .find(|r| r.code == late)
            .expect("scored");
        assert_eq!(
            (row.on_time, row.apologized, row.mistakes),
            (Some(false), true, 0)
        );
    }
}

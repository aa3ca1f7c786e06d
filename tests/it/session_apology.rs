//! The apology letter (form 04): owed before the due moment once lateness is
//! certain; it does not make a late dossier on time; one sent while the dossier
//! could still be on time is `apology-not-needed`. Expectations worked out by hand
//! from the default action costs (open 1, inspect 2, accept 5, apologize 10,
//! digitize 3, forward 2 office minutes) and office hours 07:30–11:30, 13:30–17:00.

use chrono::{NaiveDate, NaiveDateTime};
use motcua_core::score::{Debrief, MistakeCode};
use motcua_core::session::{Action, Happened, Session};

use crate::support::desk::{apply, digitize_and_forward, one_dossier, receive, return_to_the_end};

fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a moment")
}

/// One sound birth registration handed in at the counter on Monday 2 March 2026 at
/// 14:30, received: open (14:30), inspect (14:31), accept at 14:33, so it is due at
/// the close of the same day (accepted before 15:00). The clock is then at 14:38.
fn accepted() -> (Session, String) {
    let s = one_dossier("mot", "at = \"day1 14:30\"\nchannel = \"counter\"");
    let mut session = Session::new(&s, 1);
    let code = receive(&mut session);
    let (_, st) = session.find(&code).expect("dossier");
    assert_eq!(st.due, Some(at(2, 17, 0)));
    assert_eq!(session.now(), at(2, 14, 38));
    (session, code)
}

/// The letter, with Tuesday 3 March as the new date.
fn apologize(session: &mut Session, code: &str) {
    let new_date = NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
    let dossier = code.to_string();
    apply(session, Action::Apologize { dossier, new_date });
}

/// Digitise, forward, wait for the specialist, return by the applicant's channel,
/// then let the period run out; the score.
fn finish(mut session: Session, code: &str) -> (Session, Debrief) {
    digitize_and_forward(&mut session, code);
    return_to_the_end(session, code)
}

fn codes(d: &Debrief) -> Vec<MistakeCode> {
    d.mistakes.iter().map(|m| m.code).collect()
}

#[test]
fn a_late_dossier_with_an_apology_in_time_is_still_late_but_not_late_without_apology() {
    let (mut session, code) = accepted();
    // Wait until 16:48. From there the dossier cannot make 17:00: digitise (3) and
    // forward (2) bring it to 16:53, the shortest verification (15) to 17:08.
    apply(&mut session, Action::wait(130));
    assert_eq!(session.now(), at(2, 16, 48));
    let hint = session.hint(&code).expect("a step is owed");
    assert!(
        matches!(hint, Action::Apologize { .. }),
        "lateness is certain: the apology comes first, got {hint:?}"
    );
    apologize(&mut session, &code);
    // Digitising from 16:58 takes the last 2 minutes of Monday and 1 of Tuesday:
    // forwarded Tuesday 07:31; with no time left before the due moment the check
    // takes its shortest 15 minutes: the result is ready at 07:46.
    let (session, debrief) = finish(session, &code);
    let apology = session.events().iter().find_map(|e| match e.what {
        Happened::Apologized {
            in_time, needed, ..
        } => Some((e.at, in_time, needed)),
        _ => None,
    });
    assert_eq!(apology, Some((at(2, 16, 48), true, true)));
    let processed = session.events().iter().find_map(|e| match e.what {
        Happened::Processed { .. } => Some(e.at),
        _ => None,
    });
    assert_eq!(processed, Some(at(3, 7, 46)));
    assert_eq!(codes(&debrief), [MistakeCode::Late]);
    let row = &debrief.dossiers[0];
    // The letter does not move the due moment of indicator 2.1.
    assert_eq!(row.due, Some(at(2, 17, 0)));
    assert_eq!(row.on_time, Some(false));
    assert!(row.apologized);
    // The training score of this one desk dossier (receipt 30, digitise 5, forward 5,
    // result channel 5, on time 20, and the apology 10 owed once it ran late): all
    // done but on time, 55 of 75 points: 100 × 55 ÷ 75 = 73.3.
    assert_eq!(debrief.total(), 73.3);
    // Lateness cites the procedure's own time limit beside indicator 2.1, and the
    // debrief says the dossier ended after its due moment (it did end).
    let late = &debrief.mistakes[0];
    let reference = motcua::present::references::text(motcua_i18n::Lang::Vi, &late.reference);
    assert!(
        reference.starts_with("Luật Hộ tịch 2014, Điều 16")
            && reference.ends_with("QĐ 766/QĐ-TTg, chỉ số 2.1 (hồ sơ xử lý đúng hạn)"),
        "{reference}"
    );
    let text =
        motcua::present::debrief::render(motcua_i18n::Lang::En, session.scenario(), &debrief);
    assert!(text.contains("(ended after its due moment)"), "{text}");
    assert!(!text.contains("not finished by its due moment"), "{text}");
}

#[test]
fn an_apology_while_the_dossier_can_still_be_on_time_is_apology_not_needed() {
    let (mut session, code) = accepted();
    // At 14:38 the dossier can be ready by 14:58 (digitise 3, forward 2, check 15):
    // nothing tells the desk it will be late.
    let hint = session.hint(&code).expect("a step is owed");
    assert!(matches!(hint, Action::Digitize { .. }), "{hint:?}");
    apologize(&mut session, &code);
    // 14:48 digitise, 14:51 forward: the check fits in half of the 129 minutes
    // left, so the result is ready before 17:00.
    let (_, debrief) = finish(session, &code);
    assert_eq!(codes(&debrief), [MistakeCode::ApologyNotNeeded]);
    assert_eq!(debrief.dossiers[0].on_time, Some(true));
    // Every step right (receipt 30, digitise 5, forward 5, result channel 5, on time
    // 20: 65 points), less the 3 an unneeded apology costs: 100 × 62 ÷ 65 = 95.4.
    assert_eq!(debrief.total(), 95.4);
}

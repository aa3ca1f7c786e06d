//! The debrief's timeline (`t`): one row per dossier across the working days, with
//! its arrival, acceptance, due moment and end in the right cells and a late one's
//! overrun in office time. Hand-worked on the one-dossier desk (tests/it/support/desk.rs:
//! office hours 07:30–11:30 and 13:30–17:00, so a working day is 450 office minutes;
//! a period of two working days, Monday 2 and Tuesday 3 March 2026; action costs
//! open 1, inspect 2, accept 5 office minutes), then drawn in both languages.

use motcua::present::debrief::timeline::{Mark, Scale, Verdict};
use motcua::tui::theme::Theme;
use motcua::tui::{App, DebriefTab, Msg, Screen};
use motcua_core::session::{Action, Session, solver};
use motcua_i18n::Lang;

use crate::support;
use crate::support::desk::{apply, one_dossier, to_the_end};
use crate::support::keys::{play, press};
use crate::support::screen::{draw, playing};

/// A counter dossier handed in on Monday at 08:00 and left 240 office minutes (to
/// 14:00: 210 to the lunch break, 30 after it) before it is received: opened at
/// 14:00, inspected at 14:01, accepted at 14:03, so due at Monday's close (same-day
/// procedure, accepted before 15:00). Then nothing more: it is still open when the
/// period ends on Tuesday at 17:00.
fn left_open() -> Session {
    let s = one_dossier("mot", "at = \"day1 08:00\"\nchannel = \"counter\"");
    let mut session = Session::new(&s, 1);
    apply(&mut session, Action::wait_for_next_event());
    apply(&mut session, Action::wait(240));
    let at = |h, m| {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .expect("a moment")
    };
    assert_eq!(session.now(), at(14, 0));
    let code = session.all_dossiers()[0].code.clone();
    let dossier = || code.clone();
    apply(&mut session, Action::Open { dossier: dossier() });
    let component = "giay-chung-sinh".to_string();
    apply(
        &mut session,
        Action::Inspect {
            dossier: dossier(),
            component,
        },
    );
    apply(&mut session, Action::Accept { dossier: dossier() });
    let (_, st) = session.find(&code).expect("the dossier");
    assert_eq!(st.due, Some(at(17, 0)));
    to_the_end(&mut session);
    session
}

fn debriefed(lang: Lang, session: Session) -> App {
    let mut app = App::new(lang, Theme { color: false }, Vec::new());
    app.session = Some(session);
    app.finish();
    app
}

#[test]
fn a_dossier_left_open_after_its_due_moment_is_late_by_one_working_day() {
    let app = debriefed(Lang::Vi, left_open());
    let p = app.timeline.as_ref().expect("the timeline");
    assert_eq!(p.timeline.days.len(), 2, "Monday and Tuesday");
    let row = &p.timeline.rows[0];
    // Due Monday 17:00, still open at Tuesday 17:00: one working day (450 office
    // minutes) late; not "7g30", which an 8-hour day would give.
    assert_eq!(
        row.verdict,
        Verdict::Late {
            minutes: 450,
            open: true
        }
    );
    assert_eq!(p.verdicts[0], "✖ trễ 1 ngày, chưa xong");
    // Eight cells a day (56¼ office minutes each). Arrived 08:00 (30 minutes in:
    // cell 0); accepted 14:03 (273 minutes in: cell 4); due at Monday's close (its
    // last cell, 7); overdue from there to the end of Tuesday (cells 8–15); no end.
    let scale = Scale {
        cells_per_day: 8,
        days_per_cell: 1,
    };
    let marks = row.marks(scale, 2);
    let at = |m: Mark| marks.iter().position(|x| *x == m);
    assert_eq!(at(Mark::Arrival), Some(0));
    assert_eq!(at(Mark::Acceptance), Some(4));
    assert_eq!(at(Mark::Due), Some(7));
    assert_eq!(at(Mark::EndLate), None, "it never ended");
    let bar: String = marks.iter().map(|m| m.symbol()).collect();
    assert_eq!(bar, "○···●──◆━━━━━━━━");
    let en = debriefed(Lang::En, left_open());
    let en = en.timeline.as_ref().expect("the timeline");
    assert_eq!(en.verdicts[0], "✖ late by 1 d, not finished");
}

/// The one-dossier desk's late case (tests/it/session_apology.rs): accepted Monday at
/// 14:33, due at 17:00, the result ready on Tuesday at 07:46.
#[test]
fn a_dossier_ended_the_next_morning_is_late_by_sixteen_minutes_in_its_first_cell() {
    let s = one_dossier("mot", "at = \"day1 14:30\"\nchannel = \"counter\"");
    let mut session = Session::new(&s, 1);
    let code = support::desk::receive(&mut session);
    apply(&mut session, Action::wait(130));
    let new_date = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
    let dossier = code.clone();
    apply(&mut session, Action::Apologize { dossier, new_date });
    support::desk::digitize_and_forward(&mut session, &code);
    let (session, debrief) = support::desk::return_to_the_end(session, &code);
    assert_eq!(debrief.dossiers[0].on_time, Some(false));
    let app = debriefed(Lang::Vi, session);
    let p = app.timeline.as_ref().expect("the timeline");
    // Monday 17:00 to Tuesday 07:46: 16 office minutes.
    assert_eq!(p.verdicts[0], "✖ trễ 0g16");
    // Arrived 14:30 and accepted 14:33 (300 and 303 minutes in: both cell 5, where
    // the acceptance shows), running in cell 6, due in 7, ended late in Tuesday's
    // first cell (16 minutes in).
    let scale = Scale {
        cells_per_day: 8,
        days_per_cell: 1,
    };
    let bar: String = p.timeline.rows[0]
        .marks(scale, 2)
        .iter()
        .map(|m| m.symbol())
        .collect();
    assert_eq!(bar, "     ●─◆✖       ");
}

/// khai-sinh-co-ban played by the practice hints to the end of the period, except
/// that the first dossier, once accepted, is left alone: every other dossier the
/// desk can finish ends on time, the first one is late and never finished.
fn mixed(lang: Lang) -> App {
    let mut a = playing(lang, "khai-sinh-co-ban");
    let mut left: Option<String> = None;
    for _ in 0..2_000 {
        let Some(s) = a.session.as_ref().filter(|_| a.screen == Screen::Play) else {
            break;
        };
        let abandoned = |code: &str| {
            left.as_deref() == Some(code) && s.find(code).is_some_and(|(_, st)| st.due.is_some())
        };
        let action = s
            .queue()
            .filter(|(d, _)| !abandoned(&d.code))
            .find_map(|(d, _)| s.hint(&d.code))
            .unwrap_or_else(Action::wait_for_next_event);
        if left.is_none() {
            left = action.dossier().map(str::to_string);
        }
        play(&mut a, &action);
    }
    assert_eq!(a.screen, Screen::Debrief);
    press(&mut a, Msg::Char('t'));
    assert_eq!(a.debrief_tab, DebriefTab::Timeline);
    a
}

#[test]
fn the_timeline_tab_in_both_languages_at_both_sizes() {
    for lang in [Lang::Vi, Lang::En] {
        let a = mixed(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = draw(&a, w, h);
            insta::assert_snapshot!(format!("timeline-{}-{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn t_switches_between_results_and_timeline_and_d_acts_only_on_the_results() {
    let mut a = mixed(Lang::Vi);
    let timeline = draw(&a, 80, 24);
    assert!(timeline.contains("Dòng thời gian"), "{timeline}");
    assert!(
        timeline.contains("t kết quả"),
        "the footer names the key back"
    );
    assert!(timeline.contains("○ đến"), "the legend: {timeline}");
    press(&mut a, Msg::Char('d'));
    assert!(!a.debrief_details, "no mistake is in view to detail");
    press(&mut a, Msg::Char('t'));
    assert_eq!(a.debrief_tab, DebriefTab::Results);
    let results = draw(&a, 80, 24);
    assert!(results.contains("t dòng thời gian"), "{results}");
}

#[test]
fn many_dossiers_scroll_under_the_dates_and_a_long_period_is_compressed() {
    let mut s = support::builtin("khai-sinh-co-ban");
    s.meta.working_days = 300;
    s.dossiers.count = 60;
    let session = solver::solve(&s, 3);
    let mut a = debriefed(Lang::En, session);
    a.screen = Screen::Debrief;
    press(&mut a, Msg::Char('t'));
    let first = draw(&a, 80, 24);
    assert!(first.contains("1 cell = "), "compressed: {first}");
    assert!(first.contains("↓ more"), "{first}");
    press(&mut a, Msg::End);
    let last = draw(&a, 80, 24);
    let rows = a.timeline.as_ref().expect("timeline").timeline.rows.len();
    assert!(rows >= 60, "{rows}");
    let last_code = &a.timeline.as_ref().expect("timeline").timeline.rows[rows - 1].code;
    // Codes keep their end (the serial number) when cut.
    let serial = &last_code[last_code.len() - 11..];
    assert!(last.contains(serial), "{serial} in {last}");
    // The dates stay on top while the rows scroll.
    let date_row = |screen: &str| screen.lines().nth(4).map(str::to_string);
    assert_eq!(date_row(&first), date_row(&last));
}

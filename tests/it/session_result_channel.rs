//! The result goes back the way the applicant chose. A toàn trình dossier filed
//! online may ask for public post (NĐ 42/2022/NĐ-CP Art 11.1a): returning it by
//! post is right, returning it online is `wrong-result-channel`.

use motcua_core::scenario::{self, Channel, ResultChannel};
use motcua_core::score::{self, Debrief, MistakeCode};
use motcua_core::session::{Action, Session};

use crate::support::desk::{apply, one_dossier, receive, to_the_end, until_processed};

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.toml");

/// One sound online dossier of the minimal toàn trình birth registration (09:00 on
/// day 1) whose applicant asks for the result by public post: received, forwarded,
/// its result returned by `channel`.
fn play_returning(channel: ResultChannel) -> Debrief {
    let keys = "at = \"day1 09:00\"\nchannel = \"online\"\nresult_channel = \"post\"";
    let s = one_dossier("buu-chinh", keys);
    let mut session = Session::new(&s, 1);
    assert_eq!(
        session.all_dossiers()[0].result_channel,
        ResultChannel::Post,
        "the file's choice"
    );
    let code = receive(&mut session);
    let dossier = || code.clone();
    apply(&mut session, Action::Forward { dossier: dossier() });
    until_processed(&mut session, &code);
    // The practice hint (and so the solver) returns it the applicant's way.
    let by_post = Action::ReturnResult {
        dossier: dossier(),
        channel: ResultChannel::Post,
    };
    assert_eq!(session.hint(&code), Some(by_post));
    apply(
        &mut session,
        Action::ReturnResult {
            dossier: dossier(),
            channel,
        },
    );
    to_the_end(&mut session);
    score::score(&session)
}

#[test]
fn a_toan_trinh_dossier_returned_by_post_as_asked_has_no_mistake() {
    let debrief = play_returning(ResultChannel::Post);
    assert!(debrief.mistakes.is_empty(), "{:#?}", debrief.mistakes);
    assert_eq!(debrief.total(), 100.0);
}

#[test]
fn returning_it_online_against_the_applicants_choice_is_wrong_result_channel() {
    let debrief = play_returning(ResultChannel::Online);
    let codes: Vec<MistakeCode> = debrief.mistakes.iter().map(|m| m.code).collect();
    assert_eq!(codes, [MistakeCode::WrongResultChannel]);
    // The online dossier's steps: receipt 30, forward 5, result channel 5, on time 20
    // (nothing on paper, no national data, no fee): the channel's 5 of 60 lost,
    // 100 × 55 ÷ 60 = 91.7.
    assert_eq!(debrief.total(), 91.7);
}

#[test]
fn generated_dossiers_ask_only_for_ways_open_to_them_and_some_ask_for_post() {
    let text = MINIMAL.replace(
        "[dossiers]\ncount = 2",
        "[dossiers]\ncount = 200\nchannels = { online = 0.5, counter = 0.3, post = 0.2 }\nresult_by_post = 0.3",
    );
    let s = scenario::load_str("many.toml", &text).expect("loads");
    let session = Session::new(&s, 7);
    let p = &s.procedures[0];
    let mut post_from_elsewhere = 0;
    for d in session.all_dossiers() {
        let open = ResultChannel::open_to(p.service, d.channel);
        assert!(
            open.contains(&d.result_channel),
            "{:?} {:?}",
            d.channel,
            d.result_channel
        );
        if d.result_channel == ResultChannel::Post && d.channel != Channel::Post {
            post_from_elsewhere += 1;
        }
    }
    // About 30% of the 160 or so dossiers not filed by post: far from none, far from all.
    assert!(
        (20..=90).contains(&post_from_elsewhere),
        "{post_from_elsewhere}"
    );
}

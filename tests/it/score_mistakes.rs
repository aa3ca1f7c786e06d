//! Every mistake code can be committed (once, in the solver's otherwise right play),
//! is caught, costs points, and its debrief (Vietnamese and English) is pinned by a
//! snapshot.

use motcua::present::debrief;
use motcua_core::score::MistakeCode;
use motcua_i18n::Lang;

use crate::support;
use crate::support::plans::plan;
use crate::support::twist::commit;

fn check(code: MistakeCode) {
    let (id, twist) = plan(code);
    let s = support::builtin(id);
    let (seed, session, result) = commit(&s, code, twist);
    assert!(result.total() < 100.0, "{code:?} cost nothing");
    let vi = debrief::render(Lang::Vi, &s, &result);
    let en = debrief::render(Lang::En, &s, &result);
    assert!(vi.contains(code.key()) && en.contains(code.key()));
    let name = code.key();
    insta::assert_snapshot!(format!("{name}-vi"), vi);
    insta::assert_snapshot!(format!("{name}-en"), en);
    // The session that made the mistake replays to the same score.
    let again = motcua_core::session::replay(&s, seed, session.actions()).expect("replays");
    assert_eq!(motcua_core::score::score(&again), result);
}

macro_rules! each_code {
    ($($test:ident => $code:ident),+ $(,)?) => {
        $(#[test] fn $test() { check(MistakeCode::$code); })+

        #[test]
        fn every_mistake_code_has_a_test() {
            let tested = [$(MistakeCode::$code),+];
            for code in MistakeCode::ALL {
                assert!(tested.contains(code), "no test commits {code:?}");
            }
        }
    };
}

each_code! {
    accepted_incomplete => AcceptedIncomplete,
    failed_to_refuse => FailedToRefuse,
    supplement_not_needed => SupplementNotNeeded,
    supplement_incomplete => SupplementIncomplete,
    supplement_twice => SupplementTwice,
    refused_without_ground => RefusedWithoutGround,
    asked_national_db => AskedNationalDb,
    out_of_order => OutOfOrder,
    approved_flawed => ApprovedFlawed,
    not_digitized => NotDigitized,
    not_reused => NotReused,
    late => Late,
    late_without_apology => LateWithoutApology,
    apology_not_needed => ApologyNotNeeded,
    result_before_payment => ResultBeforePayment,
    wrong_result_channel => WrongResultChannel,
    unfinished => Unfinished,
    not_transferred => NotTransferred,
    transferred_wrongly => TransferredWrongly,
}

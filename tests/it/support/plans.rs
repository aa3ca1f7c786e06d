//! How each mistake code is committed on purpose: the built-in scenario and the
//! change to the solver's play (shared by the mistake and calibration tests).
#![allow(dead_code)]

use motcua_core::scenario::FlawKind;
use motcua_core::score::MistakeCode;
use motcua_core::session::{Action, Decision, Item, ResultChannel, Session};

pub type Twist = fn(&Session, &Action) -> Option<Vec<Action>>;

/// Which built-in scenario a mistake is committed in, and how.
pub fn plan(code: MistakeCode) -> (&'static str, Twist) {
    use MistakeCode::*;
    match code {
        AcceptedIncomplete => ("khai-sinh-co-ban", |_, a| match a {
            Action::RequestSupplement { dossier, .. } => Some(vec![Action::Accept {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        FailedToRefuse => ("ket-hon-2018", |_, a| match a {
            Action::Refuse { dossier, .. } => Some(vec![Action::Accept {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        SupplementNotNeeded => ("khai-sinh-co-ban", |s, a| match a {
            Action::Accept { dossier } => {
                let (d, _) = s.find(dossier)?;
                let component = Some(d.components.first()?.id.to_string());
                let items = vec![Item {
                    component,
                    problem: FlawKind::Illegible,
                    field: None,
                }];
                let dossier = dossier.clone();
                Some(vec![Action::RequestSupplement { dossier, items }])
            }
            _ => None,
        }),
        SupplementIncomplete => ("khai-sinh-co-ban", |_, a| match a {
            // Ask about the right paper, but for the wrong problem.
            Action::RequestSupplement { dossier, items } => {
                let first = items.first()?;
                let problem = match first.problem {
                    FlawKind::Unsigned => FlawKind::Illegible,
                    _ => FlawKind::Unsigned,
                };
                let component = first.component.clone();
                let items = vec![Item {
                    component,
                    problem,
                    field: None,
                }];
                let dossier = dossier.clone();
                Some(vec![Action::RequestSupplement { dossier, items }])
            }
            _ => None,
        }),
        SupplementTwice => ("khai-sinh-co-ban", |s, a| match a {
            Action::Accept { dossier } if s.find(dossier)?.1.requests == 1 => {
                let items = vec![Item {
                    component: Some("to-khai".into()),
                    problem: FlawKind::Unsigned,
                    field: None,
                }];
                let dossier = dossier.clone();
                Some(vec![Action::RequestSupplement { dossier, items }])
            }
            _ => None,
        }),
        RefusedWithoutGround => ("khai-sinh-co-ban", |_, a| match a {
            Action::Accept { dossier } => Some(vec![Action::Refuse {
                dossier: dossier.clone(),
                reason: "underage".into(),
            }]),
            _ => None,
        }),
        AskedNationalDb => ("khai-sinh-co-ban", |_, a| match a {
            Action::RequestSupplement { dossier, items } => {
                let mut items = items.clone();
                items.push(Item {
                    component: Some("giay-to-tuy-than".into()),
                    problem: FlawKind::Missing,
                    field: None,
                });
                let dossier = dossier.clone();
                Some(vec![Action::RequestSupplement { dossier, items }])
            }
            _ => None,
        }),
        OutOfOrder => ("khai-sinh-co-ban", |s, a| match a {
            Action::Inspect { dossier, .. } if s.find(dossier)?.0.truth.flaws.is_empty() => {
                Some(vec![Action::Accept {
                    dossier: dossier.clone(),
                }])
            }
            _ => None,
        }),
        ApprovedFlawed => ("giay-phep-xay-dung", |_, a| match a {
            Action::Appraise {
                dossier,
                decision: Decision::Reject,
                ..
            } => Some(vec![Action::Appraise {
                dossier: dossier.clone(),
                decision: Decision::Approve,
                reason: None,
            }]),
            _ => None,
        }),
        NotDigitized => ("ly-lich-tu-phap", |_, a| match a {
            Action::Digitize { dossier, .. } => Some(vec![Action::Forward {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        NotReused => ("khai-sinh-co-ban", |_, a| match a {
            Action::Reuse { dossier, .. } => Some(vec![Action::Forward {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        // Leave an accepted same-day dossier until tomorrow instead of forwarding it:
        // it runs late, and by then the apology is too late too.
        Late | LateWithoutApology => ("khai-sinh-co-ban", |_, a| match a {
            Action::Forward { .. } => Some(vec![Action::EndDay, a.clone()]),
            _ => None,
        }),
        // Apologise before forwarding, while the dossier can still be on time.
        ApologyNotNeeded => ("khai-sinh-co-ban", |s, a| match a {
            Action::Forward { dossier } => {
                let (_, st) = s.find(dossier)?;
                if st.apology.is_some() {
                    return None;
                }
                let new_date = st.due?.date().succ_opt()?.succ_opt()?;
                let dossier = dossier.clone();
                Some(vec![Action::Apologize { dossier, new_date }, a.clone()])
            }
            _ => None,
        }),
        ResultBeforePayment => ("ly-lich-tu-phap", |s, a| match a {
            Action::RequestFee { dossier } => {
                // The right channel (the applicant's), only too early.
                let channel = s.find(dossier)?.0.result_channel;
                let dossier = dossier.clone();
                Some(vec![Action::ReturnResult { dossier, channel }])
            }
            _ => None,
        }),
        WrongResultChannel => ("khai-sinh-co-ban", |_, a| match a {
            Action::ReturnResult { dossier, channel } => {
                let wrong = match channel {
                    ResultChannel::Counter => ResultChannel::Post,
                    _ => ResultChannel::Counter,
                };
                let dossier = dossier.clone();
                Some(vec![Action::ReturnResult {
                    dossier,
                    channel: wrong,
                }])
            }
            _ => None,
        }),
        // A boundary-free dossier of another commune, decided here instead of transferred.
        NotTransferred => ("ho-kinh-doanh", |_, a| match a {
            Action::Transfer { dossier } => Some(vec![Action::Forward {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        // A dossier of this ward, sent to another commune.
        TransferredWrongly => ("ho-kinh-doanh", |_, a| match a {
            Action::Forward { dossier } => Some(vec![Action::Transfer {
                dossier: dossier.clone(),
            }]),
            _ => None,
        }),
        Unfinished => ("khai-sinh-co-ban", |s, _| {
            // Stop working at noon of the last day.
            let last_day = s.period_end().date();
            (s.now().date() == last_day
                && s.now().time() >= chrono::NaiveTime::from_hms_opt(12, 0, 0)?)
            .then(|| vec![Action::EndDay])
        }),
    }
}

//! Transfer: a boundary-free dossier of another ward is accepted and transferred without
//! a mistake; refusing one is not a transfer; the ward's own dossiers and other
//! procedures cannot be transferred.

use super::*;

/// Play the scripted dossier `id` of `s` up to its acceptance, then `then`.
fn play_scripted(s: &Scenario, id: &str, then: fn(String) -> Vec<Action>) -> (Session, String) {
    let mut session = Session::new(s, s.meta.seed);
    let code = session
        .all_dossiers()
        .iter()
        .find(|d| d.scripted_id.as_deref() == Some(id))
        .map(|d| d.code.clone())
        .expect("scripted dossier");
    while session.find(&code).is_some_and(|(_, st)| !st.arrived) {
        session.apply(Action::wait_for_next_event()).expect("wait");
    }
    let (d, _) = session.find(&code).expect("arrived");
    let mut steps = vec![Action::Open {
        dossier: code.clone(),
    }];
    for c in &d.components {
        if c.origin != motcua_core::generate::Origin::NationalDb {
            steps.push(Action::Inspect {
                dossier: code.clone(),
                component: c.id.to_string(),
            });
        }
    }
    steps.extend(then(code.clone()));
    for a in steps {
        session
            .apply(a.clone())
            .unwrap_or_else(|r| panic!("{a:?}: {r:?}"));
    }
    (session, code)
}

fn mistakes_of(s: &Scenario, session: &Session, code: &str) -> Vec<MistakeCode> {
    motcua_core::score::judge::mistakes(s, session.events())
        .into_iter()
        .filter(|m| {
            m.dossier == code && m.code != MistakeCode::Unfinished && m.code != MistakeCode::Late
        })
        .map(|m| m.code)
        .collect()
}

#[test]
fn a_boundary_free_dossier_from_another_ward_is_accepted_and_transferred_without_a_mistake() {
    // ho-kinh-doanh: Cầu Giấy ward, Hà Nội, March 2026; household business registration
    // received regardless of administrative boundary within the city (NĐ 118/2025).
    // The scripted "dia-diem-phuong-khac" has its place of business in another ward of
    // Hà Nội: accept (form 01), digitise the paper, reuse the population data, transfer.
    let s = support::builtin("ho-kinh-doanh");
    let (session, code) = play_scripted(&s, "dia-diem-phuong-khac", |dossier| {
        vec![Action::Accept { dossier }]
    });
    let d = session.find(&code).expect("dossier").0.clone();
    let d = &d;
    let p = s.procedure(&d.procedure).expect("procedure");
    assert_eq!(competence(d, p, &s), Competence::Transfer);
    let business = d
        .declared(FieldRef {
            party: Party::Business,
            attr: Attr::Address,
        })
        .and_then(Value::as_address)
        .expect("business address")
        .clone();
    assert!(business.province == "Thành phố Hà Nội" && business.commune != "Phường Cầu Giấy");
    let mut session = session;
    let mut steps = Vec::new();
    for c in &d.components {
        match c.origin {
            motcua_core::generate::Origin::Paper => steps.push(Action::Digitize {
                dossier: code.clone(),
                component: c.id.to_string(),
            }),
            motcua_core::generate::Origin::NationalDb => steps.push(Action::Reuse {
                dossier: code.clone(),
                component: c.id.to_string(),
            }),
            motcua_core::generate::Origin::Upload => {}
        }
    }
    steps.push(Action::Transfer {
        dossier: code.clone(),
    });
    for a in steps {
        session
            .apply(a.clone())
            .unwrap_or_else(|r| panic!("{a:?}: {r:?}"));
    }
    let to = session.events().iter().find_map(|e| match &e.what {
        Happened::Transferred { dossier, to, .. } if **dossier == *code => Some(to.clone()),
        _ => None,
    });
    assert_eq!(to.as_deref(), Some(business.commune.as_str()));
    assert!(session.find(&code).is_some_and(|(_, st)| st.is_closed()));
    assert_eq!(mistakes_of(&s, &session, &code), Vec::<MistakeCode>::new());
}

#[test]
fn refusing_a_dossier_to_transfer_is_not_transferred_not_a_groundless_refusal() {
    let s = support::builtin("ho-kinh-doanh");
    let (session, code) = play_scripted(&s, "dia-diem-phuong-khac", |dossier| {
        vec![Action::Refuse {
            dossier,
            reason: "out-of-jurisdiction".into(),
        }]
    });
    assert_eq!(
        mistakes_of(&s, &session, &code),
        vec![MistakeCode::NotTransferred]
    );
}

#[test]
fn a_dossier_of_the_ward_cannot_leave_it_and_other_procedures_cannot_transfer() {
    // Forwarding is right for the ward's own dossier; a transfer is `transferred-wrongly`.
    let s = support::builtin("ho-kinh-doanh");
    let (session, code) = play_scripted(&s, "thieu-chung-chi", |dossier| {
        vec![
            Action::Accept {
                dossier: dossier.clone(),
            },
            Action::Transfer { dossier },
        ]
    });
    let codes = mistakes_of(&s, &session, &code);
    assert!(
        codes.contains(&MistakeCode::TransferredWrongly),
        "{codes:?}"
    );
    // A procedure not on the province's list has no transfer at all.
    let s = support::builtin("khai-sinh-co-ban");
    let mut session = Session::new(&s, s.meta.seed);
    let code = session.all_dossiers()[0].code.clone();
    while session.find(&code).is_some_and(|(_, st)| !st.arrived) {
        session.apply(Action::wait_for_next_event()).expect("wait");
    }
    session
        .apply(Action::Open {
            dossier: code.clone(),
        })
        .expect("open");
    session
        .apply(Action::Accept {
            dossier: code.clone(),
        })
        .expect("accept");
    let r = session
        .apply(Action::Transfer { dossier: code })
        .expect_err("rejected");
    assert_eq!(r.code(), "not-boundary-free");
}

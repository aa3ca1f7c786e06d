//! Whose residence makes a dossier the ward's: a marriage where only the other party
//! lives in the ward, a birth where only the father does; the solver accepts both.

use super::*;

/// An address in `commune` of `district` (before 1/7/2025) and `province`.
fn addr(commune: &str, district: Option<&str>, province: &str) -> Address {
    Address {
        house: "Số 1".into(),
        street: "Tổ dân phố 1".into(),
        commune: Text::new(commune),
        district: district.map(Text::new),
        province: Text::new(province),
    }
}

fn set_address(d: &mut Dossier, party: Party, a: &Address) {
    let field = FieldRef {
        party,
        attr: Attr::Address,
    };
    if let Some(data) = d.parties.get_mut(&party) {
        data.values.insert(
            Attr::Address,
            Value::Address(std::sync::Arc::new(a.clone())),
        );
    }
    for c in &mut d.components {
        for f in c.fields.iter_mut().filter(|f| f.source == field) {
            f.value = Value::Address(std::sync::Arc::new(a.clone()));
        }
    }
}

/// A sound generated dossier of `procedure`, the first in seed order.
fn sound_dossier(s: &Scenario, procedure: &str) -> Dossier {
    SEEDS
        .flat_map(|seed| {
            let session = Session::new(s, seed);
            session
                .all_dossiers()
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
        .find(|d| *d.procedure == *procedure && d.truth.flaws.is_empty())
        .expect("a sound dossier")
}

#[test]
fn a_marriage_where_only_the_other_party_lives_in_the_ward_is_the_wards() {
    // Linh Chiểu ward, Thủ Đức city, HCMC, October 2024 (three levels). The requester
    // lives in Linh Trung, the other party in Linh Chiểu: Luật Hộ tịch 2014 Art 17.1
    // lets the commune of either party register, so the desk is competent; the
    // requester, not resident here, owes a certificate of marital status.
    let s = support::builtin("ket-hon-2018");
    let p = s.procedure("1.000894").expect("marriage");
    let mut d = sound_dossier(&s, "1.000894");
    let hcm = "Thành phố Hồ Chí Minh";
    set_address(
        &mut d,
        Party::Applicant,
        &addr("Phường Linh Trung", Some("Thành phố Thủ Đức"), hcm),
    );
    set_address(
        &mut d,
        Party::Spouse,
        &addr("Phường Linh Chiểu", Some("Thành phố Thủ Đức"), hcm),
    );
    assert_eq!(competence(&d, p, &s), Competence::Here);
    let problems = visible_problems(&d, p, &s);
    assert!(
        !problems
            .iter()
            .any(|x| x.kind == FlawKind::OutOfJurisdiction),
        "{problems:?}"
    );
    let certificate = p
        .component("xac-nhan-hon-nhan-nguoi-yeu-cau")
        .expect("component");
    assert!(motcua_core::generate::needed(certificate, &d, p, &s));
    // Both elsewhere: out of jurisdiction.
    set_address(
        &mut d,
        Party::Spouse,
        &addr("Phường Linh Tây", Some("Thành phố Thủ Đức"), hcm),
    );
    assert_eq!(competence(&d, p, &s), Competence::Elsewhere);
}

/// Whether `party` of `d` lives in the desk's commune on the day of receipt.
fn lives_inside(s: &Scenario, d: &Dossier, party: Party) -> bool {
    let area = desk_area(s, d.submitted_at.date());
    let field = FieldRef {
        party,
        attr: Attr::Address,
    };
    d.declared(field)
        .and_then(Value::as_address)
        .is_some_and(|a| standing(a, &area, Level::Commune) == Standing::Inside)
}

#[test]
fn the_solver_accepts_a_marriage_with_only_the_other_party_resident() {
    let s = support::builtin("ket-hon-2018");
    let p = s.procedure("1.000894").expect("marriage");
    let inside = |d: &Dossier, party: Party| lives_inside(&s, d, party);
    for seed in SEEDS {
        let session = motcua_core::session::solver::solve(&s, seed);
        let found = session.all_dossiers().into_iter().find(|d| {
            d.truth.flaws.is_empty() && !inside(d, Party::Applicant) && inside(d, Party::Spouse)
        });
        let Some(d) = found else { continue };
        assert_eq!(competence(d, p, &s), Competence::Here);
        let accepted = session
            .events()
            .iter()
            .any(|e| matches!(&e.what, Happened::Accepted { dossier, .. } if **dossier == *d.code));
        assert!(accepted, "seed {seed}: {} not accepted", d.code);
        return;
    }
    panic!("no seed in 1..=50 gives a marriage with only the other party resident");
}

#[test]
fn a_birth_where_only_the_father_lives_in_the_ward_is_the_wards() {
    // Hà Đông ward, Hà Nội, March 2026 (two levels). Luật Hộ tịch 2014 Art 13: the
    // commune where the father or the mother resides registers the birth.
    let s = support::builtin("khai-sinh-co-ban");
    let p = s.procedure("1.001193").expect("birth");
    let mut d = sound_dossier(&s, "1.001193");
    set_address(
        &mut d,
        Party::Father,
        &addr("Phường Hà Đông", None, "Thành phố Hà Nội"),
    );
    set_address(
        &mut d,
        Party::Mother,
        &addr("Phường Lam Sơn", None, "Tỉnh Thanh Hóa"),
    );
    assert_eq!(competence(&d, p, &s), Competence::Here);
    assert!(visible_problems(&d, p, &s).is_empty());
    // Neither parent in Hà Đông (the father elsewhere in Hà Nội): not this ward's.
    set_address(
        &mut d,
        Party::Father,
        &addr("Phường Cầu Giấy", None, "Thành phố Hà Nội"),
    );
    assert_eq!(competence(&d, p, &s), Competence::Elsewhere);
}

#[test]
fn the_solver_accepts_a_birth_with_only_the_father_resident() {
    let s = support::builtin("khai-sinh-co-ban");
    let inside = |d: &Dossier, party: Party| lives_inside(&s, d, party);
    for seed in SEEDS {
        let session = motcua_core::session::solver::solve(&s, seed);
        let found = session.all_dossiers().into_iter().find(|d| {
            d.truth.flaws.is_empty() && inside(d, Party::Father) && !inside(d, Party::Mother)
        });
        let Some(d) = found else { continue };
        let returned = session
            .events()
            .iter()
            .any(|e| matches!(&e.what, Happened::Returned { dossier, .. } if **dossier == *d.code));
        let refused = refused_for_jurisdiction(&session).contains(&d.code);
        assert!(returned && !refused, "seed {seed}: {}", d.code);
        return;
    }
    panic!("no seed in 1..=50 gives a birth with only the father resident");
}

//! Addresses by date: three administrative levels in 2024, two in 2026, and a period
//! crossing 1 July 2025 changes the map on that day.

use super::*;

/// The administrative parts of an address, as written after the house and street.
fn levels(a: &Address) -> Vec<String> {
    let mut parts = vec![a.commune.to_string()];
    parts.extend(a.district.as_ref().map(|d| d.to_string()));
    parts.push(a.province.to_string());
    parts
}

#[test]
fn addresses_have_three_levels_in_2024_and_two_in_2026() {
    // October 2024: commune, district, province (63 provinces).
    let old = support::builtin("ket-hon-2018");
    for d in Session::new(&old, old.meta.seed).all_dossiers() {
        for data in d.parties.values() {
            let Some(Value::Address(a)) = data.values.get(&Attr::Address) else {
                continue;
            };
            assert_eq!(levels(a).len(), 3, "{a}");
            if a.commune == "Phường Linh Chiểu" {
                assert_eq!(a.district.as_deref(), Some("Thành phố Thủ Đức"), "{a}");
                assert_eq!(a.province, "Thành phố Hồ Chí Minh");
            }
        }
    }
    let area = desk_area(&old, old.meta.start.date());
    assert_eq!(
        (area.commune.as_deref(), area.district.as_deref()),
        (Some("Phường Linh Chiểu"), Some("Thành phố Thủ Đức"))
    );
    // March 2026: commune and province only (34 provinces).
    let new = support::builtin("khai-sinh-co-ban");
    let session = Session::new(&new, new.meta.seed);
    let d = &session.all_dossiers()[0];
    let field = FieldRef {
        party: Party::Mother,
        attr: Attr::Address,
    };
    let a = d
        .declared(field)
        .and_then(Value::as_address)
        .expect("an address");
    assert_eq!(levels(a).len(), 2, "{a}");
    assert!(
        a.to_string()
            .ends_with(&format!("{}, {}", a.commune, a.province))
    );
}

#[test]
fn a_period_crossing_the_first_of_july_2025_changes_the_map_on_that_day() {
    // Kim Liên ward: "Phường Kim Liên, Quận Đống Đa" until 30/6/2025, "Phường Kim
    // Liên" of Hà Nội from 1/7/2025.
    let s = support::builtin("ngay-thi-tong-hop");
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).expect("date");
    let before = desk_area(&s, day(6, 27));
    let after = desk_area(&s, day(7, 1));
    assert_eq!(before.district.as_deref(), Some("Quận Đống Đa"));
    assert_eq!(after.district, None);
    assert_eq!(after.commune.as_deref(), Some("Phường Kim Liên"));
    let session = Session::new(&s, s.meta.seed);
    let dossiers = session.all_dossiers();
    for d in &dossiers {
        let three = Geography::on(d.submitted_at.date()) == Geography::ThreeLevels;
        for data in d.parties.values() {
            if let Some(Value::Address(a)) = data.values.get(&Attr::Address) {
                assert_eq!(a.district.is_some(), three, "{} {a}", d.code);
            }
        }
    }
    assert!(dossiers.iter().any(|d| d.submitted_at.date() >= day(7, 1)));
}

//! What refers to what: duplicates in every scope, references that must resolve, what
//! each flaw kind needs, and field references written `party.attribute`.

use super::*;

#[test]
fn duplicates_in_every_scope() {
    let dup_flaw = with(
        "[dossiers]",
        "[[procedure.flaw]]\nid = \"thieu-giay-chung-sinh\"\nkind = \"illegible\"\ncomponent = \"giay-chung-sinh\"\nresponse = \"supplement\"\nreference = \"r\"\nexplain = \"e\"\n\n[dossiers]",
    );
    let d = only(&dup_flaw, DiagCode::DuplicateId);
    assert_eq!(d.arg("first_line"), Some("29"));
    let start = MINIMAL.find("[[procedure]]").expect("procedure");
    let end = MINIMAL.find("[dossiers]").expect("dossiers");
    let twice = format!("{}{}", &MINIMAL[..end], &MINIMAL[start..]);
    let d = only(&twice, DiagCode::DuplicateId);
    assert_eq!(d.arg("id"), Some("1.001193"));
    let twice = format!("{SCRIPTED}at = \"day1 08:00\"\n\n{SCRIPTED}at = \"day1 09:00\"\n");
    only(&plus(&twice), DiagCode::DuplicateId);
    only(
        &plus("[calendar]\nholidays = [2026-03-03, 2026-03-03]\n"),
        DiagCode::DuplicateId,
    );
    let flaws_twice = format!(
        "{SCRIPTED}at = \"day1 08:00\"\nflaws = [\"thieu-giay-chung-sinh\", \"thieu-giay-chung-sinh\"]\n"
    );
    only(&plus(&flaws_twice), DiagCode::DuplicateId);
}

#[test]
fn references_must_resolve() {
    only(
        &with(
            "component = \"giay-chung-sinh\"",
            "component = \"giay-chung-tu\"",
        ),
        DiagCode::UnknownComponent,
    );
    let flaw = format!("{SCRIPTED}at = \"day1 08:00\"\nflaws = [\"thieu-to-khai\"]\n");
    only(&plus(&flaw), DiagCode::UnknownFlaw);
    let d = only(
        &with("count = 2", "count = 2\nmix = { \"1.001139\" = 1 }"),
        DiagCode::UnknownProcedure,
    );
    assert_eq!(d.arg("suggestion"), Some("1.001193"));
    let d = only(
        &event("at = \"day1 09:00\"\nkind = \"withdraw\"\ndossier = \"hs-2\""),
        DiagCode::UnknownDossier,
    );
    assert_eq!(d.arg("suggestion"), Some("hs-1"));
}

#[test]
fn a_missing_name_does_not_cascade_into_unknown_references() {
    // The component has no id (E005); the flaw naming it must not add E010.
    let text = with("id = \"giay-chung-sinh\"\n", "");
    assert_eq!(codes(&text), vec![DiagCode::MissingKey]);
}

#[test]
fn flaws_need_what_their_kind_needs() {
    only(
        &with("component = \"giay-chung-sinh\"\n", ""),
        DiagCode::FlawNeedsComponent,
    );
    only(
        &with("kind = \"missing\"", "kind = \"mismatch\""),
        DiagCode::FlawNeedsField,
    );
    let d = only(
        &with(
            "kind = \"missing\"",
            "kind = \"mismatch\"\nfield = \"father.name\"",
        ),
        DiagCode::FieldNotInComponent,
    );
    assert_eq!(d.arg("component"), Some("giay-chung-sinh"));
    valid(&with(
        "kind = \"missing\"",
        "kind = \"mismatch\"\nfield = \"mother.name\"",
    ));
    only(
        &with(
            "kind = \"missing\"",
            "kind = \"expired\"\nfield = \"mother.name\"",
        ),
        DiagCode::WrongFieldForKind,
    );
    valid(&with(
        "kind = \"missing\"",
        "kind = \"expired\"\nfield = \"child.birth_date\"",
    ));
    let underage = "kind = \"underage\"\nfield = \"mother.birth_date\"";
    only(
        &with(
            "kind = \"missing\"\ncomponent = \"giay-chung-sinh\"",
            underage,
        ),
        DiagCode::KindNeedsKey,
    );
    valid(&with(
        "kind = \"missing\"\ncomponent = \"giay-chung-sinh\"",
        &format!("{underage}\nmin_age = 18"),
    ));
    only(
        &with(
            "kind = \"missing\"\ncomponent = \"giay-chung-sinh\"",
            "kind = \"underage\"\nfield = \"mother.id_expiry\"\nmin_age = 18",
        ),
        DiagCode::WrongFieldForKind,
    );
    only(
        &with(
            "kind = \"missing\"\ncomponent = \"giay-chung-sinh\"",
            &format!("{underage}\nmin_age = {{ male = 20 }}"),
        ),
        DiagCode::MissingKey,
    );
    only(
        &with("kind = \"missing\"", "kind = \"missing\"\nmin_age = 18"),
        DiagCode::KeyNotForKind,
    );
    only(
        &with(
            "name = \"Giấy chứng sinh\"",
            "name = \"Giấy chứng sinh\"\nin_national_db = true",
        ),
        DiagCode::MissingFromNationalDb,
    );
}

#[test]
fn field_references_are_party_dot_attribute() {
    let d = only(
        &with("\"mother.name\"", "\"mather.name\""),
        DiagCode::UnknownParty,
    );
    assert_eq!(d.arg("suggestion"), Some("mother"));
    only(
        &with("\"mother.name\"", "\"mothername\""),
        DiagCode::UnknownParty,
    );
    let d = only(
        &with("\"mother.name\"", "\"mother.nmae\""),
        DiagCode::UnknownAttribute,
    );
    assert_eq!(d.arg("suggestion"), Some("name"));
    only(
        &with("\"mother.name\"", "\"business.gender\""),
        DiagCode::AttributeNotOfParty,
    );
    only(
        &with("\"mother.name\"", "\"child.capital\""),
        DiagCode::AttributeNotOfParty,
    );
}

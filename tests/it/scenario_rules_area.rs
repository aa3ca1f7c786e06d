//! The validation rules of the desk's area and its jurisdiction, through
//! `scenario::load_str`: the levels an office has on its date, where a procedure's
//! jurisdiction may point, which flaws and keys depend on it.

use motcua_core::scenario::DiagCode;

use crate::support::rules::{SCRIPTED, only, plus, valid, with};

/// `MINIMAL` with an `[office]` table and a start date.
fn office(start: &str, body: &str) -> String {
    let text = with(
        "start = 2026-03-02T07:30:00+07:00",
        &format!("start = {start}"),
    );
    text.replacen(
        "[[procedure]]",
        &format!("[office]\n{body}\n\n[[procedure]]"),
        1,
    )
}

#[test]
fn the_desks_area_has_the_levels_of_its_date() {
    let hn = "province = \"Thành phố Hà Nội\"\ncommune = \"Phường Kim Liên\"";
    // Before 1 July 2025 a commune needs its district ...
    only(
        &office("2025-06-26T07:30:00+07:00", hn),
        DiagCode::OfficeArea,
    );
    valid(&office(
        "2025-06-26T07:30:00+07:00",
        &format!(
            "{hn}\ndistrict = \"Quận Đống Đa\"\nafter_merger = {{ commune = \"Phường Kim Liên\", province = \"Thành phố Hà Nội\" }}"
        ),
    ));
    // ... and from that date there is none, nor an area after the merger.
    only(
        &office(
            "2026-03-02T07:30:00+07:00",
            &format!("{hn}\ndistrict = \"Quận Đống Đa\""),
        ),
        DiagCode::OfficeArea,
    );
    only(
        &office(
            "2026-03-02T07:30:00+07:00",
            &format!("{hn}\nafter_merger = {{ province = \"Thành phố Hà Nội\" }}"),
        ),
        DiagCode::OfficeArea,
    );
    // A provincial office needs no commune and no district.
    valid(&office(
        "2025-06-26T07:30:00+07:00",
        "province = \"Tỉnh Nghệ An\"",
    ));
}

fn with_jurisdiction(j: &str) -> String {
    with(
        "result = \"Giấy khai sinh\"",
        &format!("result = \"Giấy khai sinh\"\njurisdiction = {j}"),
    )
}

#[test]
fn jurisdiction_names_addresses_at_a_level_the_office_has() {
    let at_commune = |j: &str| {
        with_jurisdiction(j).replacen(
            "[[procedure]]",
            "[office]\ncommune = \"Phường Hà Đông\"\n\n[[procedure]]",
            1,
        )
    };
    valid(&at_commune(
        "{ by = [\"mother.address\", \"father.address\"] }",
    ));
    only(
        &at_commune("{ by = [\"mother.name\"] }"),
        DiagCode::Jurisdiction,
    );
    only(&at_commune("{ by = [] }"), DiagCode::Jurisdiction);
    only(
        &at_commune("{ by = [\"mother.address\"], level = \"city\" }"),
        DiagCode::InvalidValue,
    );
    only(
        &at_commune("{ by = [\"mother.address\"], level = \"province\", boundary_free = true }"),
        DiagCode::Jurisdiction,
    );
    // Commune level needs a commune to be the area (MINIMAL's office has none).
    only(
        &with_jurisdiction("{ by = [\"mother.address\"] }"),
        DiagCode::Jurisdiction,
    );
    valid(&with_jurisdiction(
        "{ by = [\"mother.address\"], level = \"province\" }",
    ));
}

#[test]
fn an_out_of_jurisdiction_flaw_is_about_a_deciding_address() {
    let flaw = "[[procedure.flaw]]\nid = \"ngoai\"\nkind = \"out-of-jurisdiction\"\nfield = \"FIELD\"\nresponse = \"refuse\"\nreference = \"Luật Hộ tịch 2014, Điều 13\"\nexplain = \"x\"\n\n[dossiers]";
    let text = |j: &str, field: &str| {
        with_jurisdiction(j).replacen("[dossiers]", &flaw.replace("FIELD", field), 1)
    };
    valid(&text(
        "{ by = [\"mother.address\"], level = \"province\" }",
        "mother.address",
    ));
    only(
        &text(
            "{ by = [\"mother.address\"], level = \"province\" }",
            "father.address",
        ),
        DiagCode::Jurisdiction,
    );
}

#[test]
fn other_commune_needs_a_boundary_free_procedure() {
    let text = plus(&format!(
        "{SCRIPTED}at = \"day1 08:00\"\nother_commune = true\n"
    ));
    only(&text, DiagCode::Jurisdiction);
}

#[test]
fn required_if_names_a_person_and_a_condition_it_can_judge() {
    let component = |cond: &str, extra: &str| {
        with(
            "[[procedure.flaw]]",
            &format!(
                "[[procedure.component]]\nid = \"them\"\nname = \"Giấy thêm\"\n{extra}required_if = {cond}\n\n[[procedure.flaw]]"
            ),
        )
    };
    let auth = "{ party = \"authorized\", condition = \"not-close-relative\" }";
    valid(&component(auth, ""));
    only(&component(auth, "required = true\n"), DiagCode::RequiredIf);
    only(
        &component(
            "{ party = \"business\", condition = \"not-close-relative\" }",
            "",
        ),
        DiagCode::RequiredIf,
    );
    only(
        &component(
            "{ party = \"mother\", condition = \"conditional-trade\" }",
            "",
        ),
        DiagCode::RequiredIf,
    );
    // Non-residence is judged against the procedure's jurisdiction, which MINIMAL lacks.
    only(
        &component("{ party = \"mother\", condition = \"non-resident\" }", ""),
        DiagCode::RequiredIf,
    );
    only(
        &component("{ party = \"nobody\", condition = \"non-resident\" }", ""),
        DiagCode::UnknownParty,
    );
}

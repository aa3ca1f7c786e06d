//! The shape of the file: nothing for the valid files; unknown keys, wrong types,
//! missing keys and sections, enum values and numbers out of range.

use super::*;

#[test]
fn the_valid_files_produce_nothing() {
    valid(MINIMAL);
    valid(EVERY_KEY);
    for (name, text) in builtin::FILES {
        let d = diags(text);
        assert!(d.is_empty(), "{name}: {d:#?}");
    }
}

#[test]
fn unknown_keys_everywhere_are_reported_with_suggestions() {
    let d = only(
        &with("title = ", "titel_en = \"x\"\ntitle = "),
        DiagCode::UnknownKey,
    );
    assert_eq!(d.arg("suggestion"), Some("title_en"));
    assert_eq!(d.arg("table"), Some("[scenario]"));
    let d = only(&plus("[costs]\ninspekt = 3\n"), DiagCode::UnknownKey);
    assert_eq!(d.arg("suggestion"), Some("inspect"));
    let d = only(
        &with("{ same_day = true }", "{ same_dya = true }"),
        DiagCode::UnknownKey,
    );
    assert_eq!(d.arg("suggestion"), Some("same_day"));
    let d = only(&plus("[scenarios]\nx = 1\n"), DiagCode::UnknownKey);
    assert_eq!(d.arg("suggestion"), Some("scenario"));
}

#[test]
fn wrong_types_name_expected_and_found() {
    let d = only(
        &with("working_days = 2", "working_days = 2.5"),
        DiagCode::WrongType,
    );
    assert_eq!(d.arg("expected"), Some("@diag.type.integer"));
    assert_eq!(d.arg("found"), Some("@diag.type.float"));
    // `[procedure]` instead of `[[procedure]]`.
    let text = MINIMAL.replace("[[procedure]]", "[procedure]");
    let text = text.replace("[[procedure.component]]", "[procedure.component]");
    let text = text.replace("[[procedure.flaw]]", "[procedure.flaw]");
    let d = only(&text, DiagCode::WrongType);
    assert_eq!(d.arg("expected"), Some("@diag.type.table_list"));
    // A date-time where a date belongs.
    let d = only(
        &plus("[calendar]\nholidays = [2026-03-03T08:00:00]\n"),
        DiagCode::WrongType,
    );
    assert_eq!(d.arg("expected"), Some("@diag.type.date"));
}

#[test]
fn missing_keys_and_sections() {
    let d = only(
        &with("agency = \"UBND cấp xã\"\n", ""),
        DiagCode::MissingKey,
    );
    assert_eq!(
        (d.arg("key"), d.arg("table")),
        (Some("agency"), Some("[[procedure]]"))
    );
    let text = MINIMAL.replace("[dossiers]\ncount = 2\n", "");
    let d = only(&text, DiagCode::MissingKey);
    assert_eq!(d.arg("key"), Some("[dossiers]"));
}

#[test]
fn a_key_of_the_wrong_type_is_not_reported_again_as_missing() {
    // Each of these is one mistake and must give one diagnostic (E004 or E006).
    only(
        &with("component = \"giay-chung-sinh\"", "component = 5"),
        DiagCode::WrongType,
    );
    only(
        &with("title = \"Kịch bản tối thiểu\"", "title = 5"),
        DiagCode::WrongType,
    );
    only(
        &with("{ same_day = true }", "{ working_days = \"3\" }"),
        DiagCode::WrongType,
    );
    only(
        &with("{ same_day = true }", "{ same_dya = true }"),
        DiagCode::UnknownKey,
    );
    only(
        &with("count = 2", "count = 2\nchannels = { online = \"1\" }"),
        DiagCode::WrongType,
    );
    only(
        &with("count = 2", "count = 0\nscripted = 5"),
        DiagCode::WrongType,
    );
    let underage = "kind = \"underage\"\nfield = \"mother.birth_date\"\nmin_age = \"18\"";
    only(
        &with(
            "kind = \"missing\"\ncomponent = \"giay-chung-sinh\"",
            underage,
        ),
        DiagCode::WrongType,
    );
    only(
        &with(
            "working_days = 2",
            "working_days = 2\nobjectives = [1]\nobjectives_en = [\"One\"]",
        ),
        DiagCode::WrongType,
    );
    let components = MINIMAL.replacen("[[procedure.component]]", "[[procedure.componnet]]", 1);
    let d = diags(&components);
    assert!(d.iter().all(|d| d.code == DiagCode::UnknownKey), "{d:#?}");
}

#[test]
fn enum_values_are_checked_with_suggestions() {
    for (old, new, key) in [
        ("\"co-ban\"", "\"co_ban\"", "difficulty"),
        ("\"mot-cua\"", "\"mot-cuaa\"", "role"),
        ("\"2025\"", "\"2026\"", "rules"),
        ("\"toan-trinh\"", "\"toan_trinh\"", "service"),
        ("\"missing\"", "\"mising\"", "kind"),
        ("\"supplement\"", "\"suplement\"", "response"),
    ] {
        let d = only(&with(old, new), DiagCode::InvalidValue);
        assert_eq!(d.arg("key"), Some(key));
        if key != "rules" {
            assert!(d.arg("suggestion").is_some(), "{key}: {d:?}");
        }
    }
    let d = only(&scripted("day1 08:00", "internet"), DiagCode::InvalidValue);
    assert_eq!(d.arg("key"), Some("channel"));
    let d = only(
        &with(
            "name = \"Giấy chứng sinh\"",
            "name = \"Giấy chứng sinh\"\ncopy = \"photo\"",
        ),
        DiagCode::InvalidValue,
    );
    assert_eq!(d.arg("key"), Some("copy"));
}

#[test]
fn numbers_out_of_range_are_invalid_values() {
    only(&with("count = 2", "count = -1"), DiagCode::InvalidValue);
    only(
        &with("result = ", "fee = -8000\nresult = "),
        DiagCode::InvalidValue,
    );
    only(
        &with("working_days = 2", "working_days = 0"),
        DiagCode::InvalidValue,
    );
    // Past the limit (and past u32): too large, with the limit.
    only(
        &with("working_days = 2", "working_days = 99999999999"),
        DiagCode::TooLarge,
    );
    only(
        &with("{ same_day = true }", "{ same_day = false }"),
        DiagCode::InvalidValue,
    );
    only(
        &with("explain = ", "weight = -1\nexplain = "),
        DiagCode::InvalidValue,
    );
}

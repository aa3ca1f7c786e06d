//! The validation rules one by one, through `scenario::load_str`: each code
//! where it belongs, none for the valid files, and the near misses that must pass.
//! The rules of the desk's area and jurisdiction are in `scenario_rules_area.rs`.

use motcua::scenario::{self, DiagCode, builtin};

use crate::support::rules::{
    EVERY_KEY, MINIMAL, SCRIPTED, codes, diags, event, only, plus, scripted, valid, with,
};

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

#[test]
fn shares_and_probabilities() {
    only(
        &with("count = 2", "count = 2\nflaw_rate = -0.5"),
        DiagCode::Probability,
    );
    let d = codes(&with(
        "count = 2",
        "count = 2\nchannels = { online = 1.2, counter = -0.2 }",
    ));
    assert_eq!(d, vec![DiagCode::Probability, DiagCode::Probability]);
    only(
        &with("count = 2", "count = 2\nchannels = { online = 0.9 }"),
        DiagCode::ChannelSum,
    );
    // 0.7 + 0.2 + 0.1 is not exactly 1 in binary; the tolerance accepts it.
    valid(&with(
        "count = 2",
        "count = 2\nchannels = { online = 0.7, counter = 0.2, post = 0.1 }",
    ));
    only(
        &with("count = 2", "count = 2\nmix = { \"1.001193\" = 0 }"),
        DiagCode::MixShares,
    );
    only(&with("count = 2", "count = 0"), DiagCode::NoDossiers);
    valid(&with(
        "count = 2",
        &format!("count = 0\n\n{SCRIPTED}at = \"day1 08:00\""),
    ));
    only(
        &with("count = 2", "count = 2\nresult_by_post = 1.5"),
        DiagCode::Probability,
    );
}

#[test]
fn format_start_translations_and_lists() {
    only(&with("format = 2", "format = 0"), DiagCode::FormatVersion);
    only(&with("format = 2", "format = 3"), DiagCode::FormatVersion);
    // Format 1 still loads: W005 is a warning, not an error.
    let v1 = scenario::check_str("t.toml", &with("format = 2", "format = 1")).expect("loads");
    let found: Vec<DiagCode> = v1.warnings.iter().map(|d| d.code).collect();
    assert_eq!(found, [DiagCode::FormatOne]);
    only(
        &with("2026-03-02T07:30:00+07:00", "07:30:00"),
        DiagCode::StartNeedsTime,
    );
    only(
        &with(
            "working_days = 2",
            "working_days = 2\nobjectives_en = [\"One\"]",
        ),
        DiagCode::TranslationCount,
    );
    only(
        &with(
            "legal_basis = [\"Luật Hộ tịch 2014, Điều 16\"]",
            "legal_basis = []",
        ),
        DiagCode::EmptyList,
    );
    let no_components = MINIMAL.replace(
        "[[procedure.component]]\nid = \"giay-chung-sinh\"\nname = \"Giấy chứng sinh\"\nfields = { \"Họ tên mẹ\" = \"mother.name\", \"Ngày sinh\" = \"child.birth_date\" }\n",
        "",
    );
    assert!(codes(&no_components).contains(&DiagCode::EmptyList));
    let no_procedures = MINIMAL
        .split("[[procedure]]")
        .next()
        .unwrap_or_default()
        .to_string()
        + "[dossiers]\ncount = 1\n";
    only(&no_procedures, DiagCode::EmptyList);
}

#[test]
fn syntax_errors_stop_before_meaning_checks() {
    let d = diags(&with(
        "title = \"Kịch bản tối thiểu\"",
        "title = \"Kịch bản tối thiểu",
    ));
    assert!(!d.is_empty());
    assert!(d.iter().all(|d| d.code == DiagCode::Syntax), "{d:#?}");
}

#[test]
fn non_utf8_bytes_are_reported_where_they_are() {
    let mut bytes = b"format = 1\n[scenario]\nid = \"".to_vec();
    bytes.extend_from_slice(&[b'K', 0xC3, b'"']);
    let err = scenario::load_bytes("t.toml", &bytes).expect_err("not UTF-8");
    assert_eq!(err.len(), 1);
    assert_eq!(
        (err[0].code, err[0].line, err[0].col),
        (DiagCode::Encoding, 3, 8)
    );
    assert_eq!(err[0].arg("byte"), Some("0xC3"));
}

#[test]
fn unreadable_files_are_e001() {
    let err =
        scenario::load_file(std::path::Path::new("/no/such/dir/x.toml")).expect_err("missing");
    assert_eq!(err[0].code, DiagCode::Io);
    assert_eq!(err[0].arg("reason"), Some("@diag.io.not_found"));
}

#[test]
fn a_misspelt_list_name_is_one_mistake() {
    let d = diags(
        &MINIMAL
            .replacen("[[procedure]]", "[[procedur]]", 1)
            .replace("[[procedure.", "[[procedur."),
    );
    assert!(d.iter().all(|d| d.code == DiagCode::UnknownKey), "{d:#?}");
    let text = plus(&format!("{SCRIPTED}at = \"day1 08:00\"\n"))
        .replace("[[dossiers.scripted]]", "[[dossiers.scriptd]]");
    let text = format!(
        "{text}\n[[event]]\nat = \"day1 09:00\"\nkind = \"withdraw\"\ndossier = \"hs-1\"\n"
    );
    only(&text, DiagCode::UnknownKey);
}

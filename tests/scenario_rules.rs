//! The validation rules one by one, through `scenario::load_str`: each code
//! where it belongs, none for the valid files, and the near misses that must pass.

use motcua::scenario::{self, DiagCode, Diagnostic, builtin};

const MINIMAL: &str = include_str!("fixtures/valid/minimal.toml");
const EVERY_KEY: &str = include_str!("fixtures/valid/every-key.toml");

/// `MINIMAL` with `old` replaced by `new` (which must be there).
fn with(old: &str, new: &str) -> String {
    assert!(MINIMAL.contains(old), "fixture lacks {old:?}");
    MINIMAL.replacen(old, new, 1)
}

fn plus(extra: &str) -> String {
    format!("{MINIMAL}\n{extra}")
}

fn diags(text: &str) -> Vec<Diagnostic> {
    match scenario::load_str("t.toml", text) {
        Ok(_) => Vec::new(),
        Err(d) => d,
    }
}

fn codes(text: &str) -> Vec<DiagCode> {
    diags(text).iter().map(|d| d.code).collect()
}

#[track_caller]
fn only(text: &str, code: DiagCode) -> Diagnostic {
    let d = diags(text);
    assert_eq!(d.len(), 1, "expected only {code:?}, got {d:#?}");
    assert_eq!(d[0].code, code, "{d:#?}");
    d[0].clone()
}

#[track_caller]
fn valid(text: &str) {
    let d = diags(text);
    assert!(d.is_empty(), "expected valid, got {d:#?}");
}

const SCRIPTED: &str = "[[dossiers.scripted]]\nid = \"hs-1\"\nprocedure = \"1.001193\"\n";

fn scripted(at: &str, channel: &str) -> String {
    plus(&format!(
        "{SCRIPTED}at = \"{at}\"\nchannel = \"{channel}\"\n"
    ))
}

fn event(body: &str) -> String {
    plus(&format!(
        "{SCRIPTED}at = \"day1 08:00\"\n\n[[event]]\n{body}\n"
    ))
}

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
fn a_scripted_result_channel_must_be_open_to_the_filing() {
    // The minimal procedure is toàn trình: filed online, the result goes online or by post.
    let dossier = |channel: &str, result: &str| {
        scripted("day1 08:00", channel) + &format!("result_channel = \"{result}\"\n")
    };
    valid(&dossier("online", "post"));
    valid(&dossier("online", "online"));
    let d = only(&dossier("online", "counter"), DiagCode::InvalidValue);
    assert_eq!(d.arg("key"), Some("result_channel"));
    assert_eq!(d.arg("expected"), Some("online | post"));
    // Filed at the counter: collected there or posted, never online.
    let d = only(&dossier("counter", "online"), DiagCode::InvalidValue);
    assert_eq!(d.arg("expected"), Some("counter | post"));
    valid(&dossier("post", "counter"));
    let d = only(&dossier("online", "bưu điện"), DiagCode::InvalidValue);
    assert_eq!(d.arg("key"), Some("result_channel"));
}

#[test]
fn moments_period_and_office_hours() {
    only(&scripted("day0 08:00", "online"), DiagCode::OutsidePeriod);
    only(&scripted("day3 08:00", "online"), DiagCode::OutsidePeriod);
    only(&scripted("day1 8h", "online"), DiagCode::BadTime);
    only(&scripted("day1 24:00", "online"), DiagCode::BadTime);
    let d = only(
        &scripted("day1 12:15", "counter"),
        DiagCode::OutsideOfficeHours,
    );
    assert_eq!(d.arg("hours"), Some("07:30-11:30, 13:30-17:00"));
    only(
        &scripted("day1 17:00", "post"),
        DiagCode::OutsideOfficeHours,
    );
    // Online filings arrive at any hour.
    valid(&scripted("day1 23:30", "online"));
    valid(&scripted("day1 07:30", "counter"));
    only(
        &event("at = \"day1 18:00\"\nkind = \"citizen-call\""),
        DiagCode::OutsideOfficeHours,
    );
    valid(&event(
        "at = \"day1 18:00\"\nkind = \"outage\"\nminutes = 30",
    ));
}

#[test]
fn events_take_the_keys_of_their_kind() {
    only(
        &event("at = \"day1 09:00\"\nkind = \"outage\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"rule-change\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"withdraw\""),
        DiagCode::KindNeedsKey,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"withdraw\"\ndossier = \"hs-1\"\nminutes = 5"),
        DiagCode::KeyNotForKind,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"outage\"\nminutes = 0"),
        DiagCode::InvalidValue,
    );
    only(
        &event("at = \"day1 09:00\"\nkind = \"rule-change\"\nrules = \"2019\""),
        DiagCode::InvalidValue,
    );
    only(
        &event("at = \"day1 07:59\"\nkind = \"withdraw\"\ndossier = \"hs-1\""),
        DiagCode::EventBeforeDossier,
    );
    valid(&event(
        "at = \"day1 08:00\"\nkind = \"withdraw\"\ndossier = \"hs-1\"",
    ));
}

#[test]
fn deadlines_scores_hours_weights_calendar() {
    only(
        &with("{ same_day = true }", "{ working_hours = 0 }"),
        DiagCode::ZeroDeadline,
    );
    only(&with("{ same_day = true }", "{ }"), DiagCode::Deadline);
    only(
        &with("working_days = 2", "working_days = 2\npass_score = -1"),
        DiagCode::PassScore,
    );
    valid(&with(
        "working_days = 2",
        "working_days = 2\npass_score = 100",
    ));
    let office = |body: &str| {
        with(
            "[[procedure]]",
            &format!("[office]\n{body}\n\n[[procedure]]"),
        )
    };
    only(&office("hours = []"), DiagCode::EmptyList);
    only(
        &office("hours = [\"13:30-17:00\", \"07:30-11:30\"]"),
        DiagCode::BadHours,
    );
    only(&office("same_day_cutoff = \"3pm\""), DiagCode::BadHours);
    only(&office("same_day_cutoff = \"12:00\""), DiagCode::BadHours);
    valid(&office(
        "hours = [\"08:00-12:00\"]\nsame_day_cutoff = \"11:00\"",
    ));
    let every_step_zero = "[scoring]\nsteps = { receipt = 0, appraisal = 0, on-time = 0, apology = 0, national-data = 0, digitize = 0, forward = 0, sign = 0, fee-before-result = 0, result-channel = 0 }";
    only(&plus(every_step_zero), DiagCode::Weights);
    only(
        &plus("[scoring]\ndeductions = { out-of-order = -2 }"),
        DiagCode::Weights,
    );
    only(
        &plus("[scoring]\nsteps = { recept = 30 }"),
        DiagCode::UnknownKey,
    );
    only(
        &plus("[scoring]\nweights = { progress = 20 }"),
        DiagCode::ScoringRetired,
    );
    valid(&plus("[scoring]\nsteps = { receipt = 0, sign = 12 }"));
    only(
        &plus("[calendar]\nworkdays = [2026-03-03]"),
        DiagCode::CalendarConflict,
    );
    only(
        &plus("[calendar]\nholidays = [2026-03-07]\nworkdays = [2026-03-07]"),
        DiagCode::CalendarConflict,
    );
    valid(&plus(
        "[calendar]\nholidays = [2026-03-03]\nworkdays = [2026-03-07]",
    ));
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

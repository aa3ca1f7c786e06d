//! Shares and probabilities, format and start, translations and lists; and the file
//! itself: syntax errors, bytes that are not UTF-8, unreadable files.

use super::*;

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
    let err = motcua::scenario_file::load_file(std::path::Path::new("/no/such/dir/x.toml"))
        .expect_err("missing");
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

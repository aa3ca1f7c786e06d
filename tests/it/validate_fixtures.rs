//! `motcua validate` through the real binary, on one invalid fixture per
//! diagnostic code (tests/fixtures/invalid/E0xx-*.toml, whose first line says
//! `# expect: CODE line:col[, CODE line:col ...]`) and on the valid fixtures.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use motcua_core::scenario::{DiagCode, Severity};

const BIN: &str = env!("CARGO_BIN_EXE_motcua");

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn validate(lang: &str, args: &[&Path]) -> Output {
    Command::new(BIN)
        .args(["--lang", lang, "validate"])
        .args(args)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("the motcua binary runs")
}

/// `(code, "line:col")` pairs from the fixture's `# expect:` line (read as bytes:
/// the E002 fixture is not UTF-8 further down).
fn expectations(path: &Path) -> Vec<(String, String)> {
    let bytes = fs::read(path).expect("fixture is readable");
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(first);
    let spec = line.strip_prefix("# expect: ").unwrap_or_else(|| {
        panic!(
            "{}: first line must be `# expect: CODE L:C`",
            path.display()
        )
    });
    spec.split(',')
        .map(|item| {
            let mut parts = item.split_whitespace();
            let code = parts.next().expect("a code").to_string();
            let at = parts.next().expect("a line:col").to_string();
            (code, at)
        })
        .collect()
}

fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(": error[")).collect()
}

#[test]
fn every_invalid_fixture_reports_its_code_at_its_position_in_both_languages() {
    let files = toml_files(&fixtures("invalid"));
    assert!(files.len() > 30, "fixtures not found: {files:?}");
    for file in files {
        let expected = expectations(&file);
        for lang in ["vi", "en"] {
            let out = validate(lang, &[&file]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: exit code", file.display());
            for (code, at) in &expected {
                let wanted = format!("{}:{at}: error[{code}]", file.display());
                assert!(
                    stderr.contains(&wanted),
                    "{lang}: {wanted} not in stderr:\n{stderr}"
                );
            }
            assert_eq!(
                error_lines(&stderr).len(),
                expected.len(),
                "{lang}: {} reports other errors too:\n{stderr}",
                file.display()
            );
        }
    }
}

#[test]
fn every_error_code_has_a_fixture() {
    let present: Vec<String> = toml_files(&fixtures("invalid"))
        .iter()
        .filter_map(|p| p.file_name()?.to_str()?.split('-').next().map(String::from))
        .collect();
    let missing: Vec<&str> = DiagCode::ALL
        .iter()
        .filter(|c| c.severity() == Severity::Error)
        // E001 (unreadable file) is tested with a path that does not exist.
        .filter(|c| **c != DiagCode::Io)
        .map(|c| c.key())
        .filter(|k| !present.iter().any(|p| p == k))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn a_file_with_many_errors_reports_them_all_in_one_run() {
    let file = fixtures("invalid").join("multiple-errors.toml");
    let expected = expectations(&file);
    assert!(expected.len() >= 5, "the fixture should carry many errors");
    let out = validate("en", &[&file]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(error_lines(&stderr).len(), expected.len(), "{stderr}");
}

#[test]
fn an_unreadable_path_is_e001() {
    let missing = fixtures("invalid").join("no-such-scenario.toml");
    for (lang, reason) in [("vi", "không có tệp này"), ("en", "no such file")] {
        let out = validate(lang, &[&missing]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1));
        let wanted = format!("{}:1:1: error[E001]", missing.display());
        assert!(stderr.contains(&wanted), "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
    }
}

#[test]
fn valid_fixtures_and_the_built_in_scenarios_pass() {
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let out = validate("en", &[&fixtures("valid"), &scenarios]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let valid = toml_files(&fixtures("valid")).len() + toml_files(&scenarios).len();
    assert!(
        stdout.contains(&format!("{valid} valid, 0 invalid")),
        "{stdout}"
    );
    assert!(stdout.contains("minimal.toml: ok"), "{stdout}");
}

#[test]
fn vietnamese_is_the_default_language() {
    let file = fixtures("invalid").join("E006-unknown-key.toml");
    let out = Command::new(BIN)
        .arg("validate")
        .arg(&file)
        .env_remove("MOTCUA_LANG")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stderr.contains("không có trong [scenario]"), "{stderr}");
    assert!(stderr.contains("có phải ý bạn là `title_en`?"), "{stderr}");
    assert!(stdout.contains("không hợp lệ (1 lỗi)"), "{stdout}");
}

#[test]
fn one_invalid_file_among_valid_ones_fails_the_run() {
    let good = fixtures("valid").join("minimal.toml");
    let bad = fixtures("invalid").join("E017-probability.toml");
    let out = validate("en", &[&good, &bad]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("Checked 2 file(s): 1 valid, 1 invalid."),
        "{stdout}"
    );
}

#[test]
fn quiet_prints_diagnostics_only() {
    let bad = fixtures("invalid").join("E017-probability.toml");
    let out = Command::new(BIN)
        .args(["--lang", "en", "validate", "--quiet"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[E017]"));
}

#[test]
fn a_folder_without_scenarios_fails() {
    let empty = std::env::temp_dir().join(format!("motcua-empty-{}", std::process::id()));
    fs::create_dir_all(&empty).expect("temp folder");
    let out = validate("en", &[&empty]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = fs::remove_dir(&empty);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no .toml files found"), "{stderr}");
}

#[test]
fn validate_needs_a_path() {
    let out = Command::new(BIN).arg("validate").output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "clap usage error");
}

/// `validate` in each language warns as the fixture's `# expect:` line says, with
/// `words` in its message, and the file stays valid (exit 0, no error); stderr by language.
fn warns_and_loads(file: &Path, words: [(&str, &str); 2]) -> Vec<String> {
    let expected = expectations(file);
    let mut out = Vec::new();
    for (lang, words) in words {
        let run = validate(lang, &[file]);
        let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
        assert_eq!(
            run.status.code(),
            Some(0),
            "{lang}: a warning is not an error\n{stderr}"
        );
        for (code, at) in &expected {
            let wanted = format!("{}:{at}: warning[{code}]", file.display());
            assert!(
                stderr.contains(&wanted),
                "{lang}: {wanted} not in\n{stderr}"
            );
        }
        assert!(stderr.contains(words), "{lang}: {stderr}");
        assert!(error_lines(&stderr).is_empty(), "{stderr}");
        out.push(stderr);
    }
    out
}

#[test]
fn a_format_one_file_loads_with_warning_w005_at_its_format_key() {
    let file = fixtures("warn").join("W005-format-one.toml");
    warns_and_loads(&file, [("vi", "phiên bản 1"), ("en", "format version 1")]);
    // The documented defaults of format 1 (docs/scenario-authoring.md, section 12).
    let s = motcua::scenario_file::load_file(&file).expect("loads");
    assert_eq!(s.office.commune.as_deref(), Some("Phường Linh Chiểu"));
    assert_eq!(s.office.district.as_deref(), Some("Thành phố Thủ Đức"));
    let j = s.procedures[0].jurisdiction.clone().expect("from the flaw");
    assert_eq!(j.level, motcua_core::scenario::Level::Province);
    assert_eq!(j.by.len(), 1);
    assert_eq!(j.by[0].to_string(), "applicant.address");
}

#[test]
fn the_retired_group_weights_are_w006_in_a_format_one_file_and_ignored() {
    let file = fixtures("warn").join("W006-scoring-retired-format-one.toml");
    for stderr in warns_and_loads(&file, [("vi", "không còn dùng"), ("en", "is retired")]) {
        assert!(stderr.contains("steps = {"), "says what to write: {stderr}");
    }
    let s = motcua::scenario_file::load_file(&file).expect("loads");
    assert_eq!(
        s.scoring,
        motcua_core::scenario::Scoring::default(),
        "ignored"
    );
}

#[test]
fn an_event_that_can_never_take_effect_is_w002_at_its_position_in_both_languages() {
    let file = fixtures("warn").join("W002-event-no-effect.toml");
    let expected = expectations(&file);
    assert_eq!(expected.len(), 3, "the fixture names three events");
    for (lang, words) in [
        ("vi", "không bao giờ có tác dụng"),
        ("en", "can never take effect"),
    ] {
        let out = validate(lang, &[&file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // A warning: the file is still valid.
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        for (code, at) in &expected {
            let wanted = format!("{}:{at}: warning[{code}]: ", file.display());
            let line = stderr
                .lines()
                .find(|l| l.starts_with(&wanted))
                .unwrap_or_else(|| panic!("{lang}: {wanted} not in stderr:\n{stderr}"));
            assert!(line.contains(words), "{lang}: {line}");
        }
        assert_eq!(
            stderr.matches("warning[W002]").count(),
            3,
            "{lang}: the events that can take effect are not warned about:\n{stderr}"
        );
        assert!(error_lines(&stderr).is_empty(), "{stderr}");
    }
}

#[test]
fn a_format_one_file_with_an_event_that_never_takes_effect_gets_w005_and_w002_in_file_order() {
    // Both are warnings of the file itself (`Loaded::warnings`): `validate` prints
    // them together, sorted by position, and the file stays valid.
    let file = fixtures("warn").join("W005-W002-format-one-event.toml");
    let expected = expectations(&file);
    assert_eq!(expected.len(), 4, "the fixture names W005 and three W002");
    for lang in ["vi", "en"] {
        let out = validate(lang, &[&file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{lang}: {stderr}");
        let found: Vec<String> = stderr
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("{}:", file.display())))
            .filter_map(|rest| {
                let (at, after) = rest.split_once(": warning[")?;
                let code = after.split(']').next()?;
                Some(format!("{code} {at}"))
            })
            .collect();
        let wanted: Vec<String> = expected.iter().map(|(c, at)| format!("{c} {at}")).collect();
        assert_eq!(found, wanted, "{lang}: {stderr}");
        assert!(error_lines(&stderr).is_empty(), "{stderr}");
    }
}

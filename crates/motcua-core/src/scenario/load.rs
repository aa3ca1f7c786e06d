//! The loading pipeline: bytes → text → TOML tree → structure check → raw structs
//! → meaning check and model. Every stage reports all it finds; a stage whose
//! input is unusable stops the run (invalid UTF-8, TOML syntax errors).

use toml::de::DeTable;

use super::diagnostic::{DiagCode, Diagnostic, Severity};
use super::model::Scenario;
use super::report::Report;
use super::{dates, limits, lint, raw, schema, structure, validate};

/// A scenario that loaded, with the warnings its file gave (W005 for format 1,
/// W002 for a scripted event that can never take effect).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    pub warnings: Vec<Diagnostic>,
}

pub fn load_bytes(path: &str, bytes: &[u8]) -> Result<Scenario, Vec<Diagnostic>> {
    check_bytes(path, bytes).map(|l| l.scenario)
}

pub fn load_str(path: &str, text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    check_str(path, text).map(|l| l.scenario)
}

/// A file that could not be read, as a diagnostic: `reason` is a catalogue key
/// (`@diag.io.…`) or the system's own words. The shell reads files; the core only
/// reports on them.
pub fn unreadable(path: &str, reason: String) -> Vec<Diagnostic> {
    let mut report = Report::new(path, "");
    report.push(0, DiagCode::Io, vec![("reason", reason)]);
    report.finish()
}

/// A file refused before it is read because it is larger than the limit.
pub fn too_large(path: &str, bytes: u64) -> Vec<Diagnostic> {
    let mut report = Report::new(path, "");
    let args = vec![
        ("key", "@diag.unit.file".to_string()),
        ("length", bytes.to_string()),
        ("limit", crate::limits::SCENARIO_BYTES.to_string()),
        ("unit", "@diag.unit.bytes".to_string()),
    ];
    report.push(0, DiagCode::TooLong, args);
    report.finish()
}

pub fn check_bytes(path: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    if limits::file_too_large(bytes.len() as u64) {
        return Err(too_large(path, bytes.len() as u64));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_str(path, text),
        Err(err) => {
            // Positions are counted in the valid prefix, which is all a reader can see as text.
            let valid = &bytes[..err.valid_up_to()];
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let byte = bytes.get(err.valid_up_to()).copied().unwrap_or_default();
            let mut report = Report::new(path, prefix);
            let args = vec![("byte", format!("0x{byte:02X}"))];
            report.push(prefix.len(), DiagCode::Encoding, args);
            Err(report.finish())
        }
    }
}

/// How many syntax errors a file reports before E045 counts the rest: after an
/// unclosed bracket or quote the parser's recovery flags every later line, and
/// hundreds of lines would bury the one mistake that matters.
const SYNTAX_ERRORS_SHOWN: usize = 3;

pub fn check_str(path: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    // A byte-order mark is not part of line 1: columns count from after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut report = Report::new(path, text);
    let (tree, errors) = DeTable::parse_recoverable(text);
    for err in errors.iter().take(SYNTAX_ERRORS_SHOWN) {
        let at = err.span().map_or(0, |s| s.start);
        match dates::reason(err.message()) {
            Some(reason) => {
                let args = vec![("value", dates::written(text, at)), ("reason", reason)];
                report.push(at, DiagCode::BadDate, args);
            }
            None => {
                let args = vec![("detail", err.message().to_string())];
                report.push(at, DiagCode::Syntax, args);
            }
        }
    }
    if let Some(hidden) = errors.get(SYNTAX_ERRORS_SHOWN) {
        let at = hidden.span().map_or(0, |s| s.start);
        let count = errors.len() - SYNTAX_ERRORS_SHOWN;
        report.push(at, DiagCode::MoreSyntax, vec![("count", count.to_string())]);
    }
    if report.has_errors() {
        // What the parser recovered is a guess; checking it would report ghosts.
        return Err(report.finish());
    }
    let mut tree = tree.into_inner();
    structure::check_table(&mut report, &mut tree, 0, &schema::ROOT);
    let file = raw::from_tree(&mut report, tree);
    let scenario = validate::scenario(&mut report, &file);
    if let Some(s) = &scenario
        && !report.has_errors()
    {
        lint::event_warnings(&mut report, &file, s);
    }
    match scenario {
        Some(scenario) if !report.has_errors() => Ok(Loaded {
            scenario,
            warnings: report.finish(),
        }),
        _ => {
            let mut diags = report.finish();
            // Warnings of a file that does not load would only distract.
            diags.retain(|d| d.severity() == Severity::Error);
            if diags.is_empty() {
                // Every `None` above comes with a diagnostic; never answer "invalid" without saying why.
                diags.push(incomplete(path));
            }
            Err(diags)
        }
    }
}

fn incomplete(path: &str) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line: 1,
        col: 1,
        code: DiagCode::Syntax,
        args: vec![("detail", "incomplete scenario".to_string())],
    }
}

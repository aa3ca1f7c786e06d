//! Diagnostics for scenario files: a stable code, a position and named arguments.
//!
//! The core never writes prose; `i18n::diagnostics` turns a `Diagnostic` into
//! `path:line:col: error[CODE]: message` plus a hint, in Vietnamese or English.

use serde::Serialize;

use super::model::keyed_enum;

keyed_enum!(
    /// Every way a scenario file can be wrong. The key is the code users see;
    /// never renumber, only add. Each has `diag.<code>.message` and `.hint` in the catalogue.
    DiagCode {
        Io = "E001",
        Encoding = "E002",
        Syntax = "E003",
        WrongType = "E004",
        MissingKey = "E005",
        UnknownKey = "E006",
        FormatVersion = "E007",
        InvalidValue = "E008",
        DuplicateId = "E009",
        UnknownComponent = "E010",
        UnknownFlaw = "E011",
        UnknownProcedure = "E012",
        FlawNeedsComponent = "E013",
        FlawNeedsField = "E014",
        UnknownParty = "E015",
        UnknownAttribute = "E016",
        Probability = "E017",
        ChannelSum = "E018",
        OutsidePeriod = "E019",
        OutsideOfficeHours = "E020",
        ZeroDeadline = "E021",
        PassScore = "E022",
        BadTime = "E023",
        Deadline = "E024",
        AttributeNotOfParty = "E025",
        FieldNotInComponent = "E026",
        UnknownDossier = "E027",
        EmptyList = "E028",
        BadHours = "E029",
        Weights = "E030",
        KindNeedsKey = "E031",
        WrongFieldForKind = "E032",
        MissingFromNationalDb = "E033",
        StartNeedsTime = "E034",
        KeyNotForKind = "E035",
        MixShares = "E036",
        NoDossiers = "E037",
        CalendarConflict = "E038",
        TranslationCount = "E039",
        EventBeforeDossier = "E040",
        TooLarge = "E041",
        TooLong = "E042",
        BadDate = "E043",
        ScoringRetired = "E044",
        MoreSyntax = "E045",
        OfficeArea = "E050",
        Jurisdiction = "E051",
        RequiredIf = "E052",
        Unwinnable = "W001",
        EventNoEffect = "W002",
        FormatOne = "W005",
        ScoringRetiredFormatOne = "W006",
    }
);

impl DiagCode {
    pub fn severity(self) -> Severity {
        if self.key().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding in one file. `line` and `col` are 1-based; `col` counts characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub code: DiagCode,
    /// Named values for the message template, e.g. `("key", "titel")`.
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = 1\ntên = \"Đăng\" x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_col(text, offset), (2, 14));
    }

    #[test]
    fn warning_codes_are_warnings() {
        assert_eq!(DiagCode::Unwinnable.severity(), Severity::Warning);
        assert_eq!(DiagCode::Syntax.severity(), Severity::Error);
    }
}

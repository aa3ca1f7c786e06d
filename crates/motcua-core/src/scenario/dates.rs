//! Dates and times the TOML parser refuses (`2026-02-30`, `25:00`), said in the
//! user's language (E043) instead of the parser's English: which part is out of range.

/// The catalogue key (`@diag.date.*`) for a date or time the parser refused, from its
/// message (`invalid date, expected day between 01 and 31`); `None` for any other
/// syntax error.
pub(crate) fn reason(message: &str) -> Option<String> {
    let rest = ["invalid date", "invalid time", "invalid datetime"]
        .iter()
        .find_map(|p| message.strip_prefix(p))?;
    let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
    let key = match expected {
        "day between 01 and 28" => "day_28",
        "day between 01 and 29" => "day_29",
        "day between 01 and 30" => "day_30",
        "day between 01 and 31" => "day_31",
        "month between 01 and 12" => "month",
        "hour between 00 and 23" => "hour",
        "minute between 00 and 59" => "minute",
        e if e.starts_with("second") => "second",
        _ => "format",
    };
    Some(format!("@diag.date.{key}"))
}

/// The value as written at byte `at`, up to the next space, comma or bracket
/// (at most 40 characters), for the message.
pub(crate) fn written(text: &str, at: usize) -> String {
    let rest = text.get(at..).unwrap_or_default();
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '#'))
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_become_catalogue_keys() {
        assert_eq!(
            reason("invalid date, expected day between 01 and 31").as_deref(),
            Some("@diag.date.day_31")
        );
        assert_eq!(
            reason("invalid time, expected hour between 00 and 23").as_deref(),
            Some("@diag.date.hour")
        );
        assert_eq!(
            reason("invalid datetime").as_deref(),
            Some("@diag.date.format")
        );
        assert_eq!(reason("expected `=`"), None);
        assert_eq!(written("start = 2026-03-32 # x", 8), "2026-03-32");
    }
}

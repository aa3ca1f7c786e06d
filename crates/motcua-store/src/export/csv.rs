//! CSV as Excel opens it: UTF-8 with a byte-order mark (so Vietnamese shows right),
//! comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
//! a line break (RFC 4180).

/// The byte-order mark Excel looks for.
pub const BOM: &str = "\u{feff}";

/// One field: a leading `'` if a spreadsheet would take it for a formula
/// (`sanitize::csv_cell`), then quoted if it must be.
pub fn field(text: &str) -> String {
    let text = crate::sanitize::csv_cell(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A whole document: the BOM, the header, then the rows.
pub fn document(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_neutralised_before_quoting() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""
        );
        assert_eq!(field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    }

    #[test]
    fn starts_with_the_bom_and_ends_lines_with_crlf() {
        let doc = document(&["a".into(), "b".into()], &[vec!["1".into(), "x,y".into()]]);
        assert_eq!(doc, "\u{feff}a,b\r\n1,\"x,y\"\r\n");
    }
}

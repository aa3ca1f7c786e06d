//! The class list: a CSV of expected names with an optional id column, as Excel writes
//! it (UTF-8 with or without a byte-order mark, comma or semicolon, CRLF or LF, fields
//! in double quotes). A header row naming the columns (`name`/`tên`/`họ và tên`,
//! `id`/`mã`) is recognised; without one the first column is the name and the second,
//! when there is one, the id. Two people with the same name are told apart by the id.

use serde::Serialize;
use thiserror::Error;

use crate::store::attempts::normalize_name;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its line in the file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub entries: Vec<RosterEntry>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum RosterError {
    #[error("line {line}: not UTF-8 text")]
    NotUtf8 { line: usize },
    #[error("line {line}: no name")]
    EmptyName { line: usize },
    #[error("line {line}: id {id} already on line {first}")]
    DuplicateId {
        line: usize,
        id: String,
        first: usize,
    },
    #[error("line {line}: a quoted field is not closed")]
    OpenQuote { line: usize },
    #[error("no names")]
    Empty,
}

/// Header words, compared lower-case (also typed without diacritics).
const NAME_HEADERS: &[&str] = &[
    "name",
    "trainee",
    "tên",
    "họ tên",
    "họ và tên",
    "học viên",
    "ten",
    "ho ten",
    "ho va ten",
    "hoc vien",
];
const ID_HEADERS: &[&str] = &["id", "mã", "mã học viên", "code", "ma", "ma hoc vien"];

impl Roster {
    pub fn parse(bytes: &[u8]) -> Result<Roster, RosterError> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| RosterError::NotUtf8 {
            line: 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count(),
        })?;
        let delimiter = delimiter(text);
        let rows = records(text, delimiter)?;
        let mut rows = rows
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        let Some((first_line, first)) = rows.next() else {
            return Err(RosterError::Empty);
        };
        let (name_col, id_col, first_row) = match columns(&first) {
            Some((n, i)) => (n, i, None),
            None => (0, (first.len() > 1).then_some(1), Some((first_line, first))),
        };
        let mut entries: Vec<RosterEntry> = Vec::new();
        for (line, cells) in first_row.into_iter().chain(rows) {
            let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or_default();
            let name = normalize_name(cell(name_col));
            if name.is_empty() {
                return Err(RosterError::EmptyName { line });
            }
            let id = id_col.map(cell).filter(|s| !s.is_empty()).map(String::from);
            if let Some(id) = &id
                && let Some(first) = entries.iter().find(|e| e.id.as_ref() == Some(id))
            {
                return Err(RosterError::DuplicateId {
                    line,
                    id: id.clone(),
                    first: first.line,
                });
            }
            entries.push(RosterEntry { name, id, line });
        }
        Ok(Roster { entries })
    }
}

/// `;` when the first line has one and no comma (Excel with Vietnamese regional
/// settings), else `,`.
fn delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.contains(';') && !first.contains(',') {
        ';'
    } else {
        ','
    }
}

/// The name and id columns a header row names; `None` when it is not a header.
fn columns(cells: &[String]) -> Option<(usize, Option<usize>)> {
    let find = |names: &[&str]| {
        cells
            .iter()
            .position(|c| names.contains(&normalize_name(c).to_lowercase().as_str()))
    };
    find(NAME_HEADERS).map(|n| (n, find(ID_HEADERS)))
}

/// The rows of an RFC 4180 text, each with the line it starts on.
fn records(text: &str, delimiter: char) -> Result<Vec<(usize, Vec<String>)>, RosterError> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            '\n' if quoted => {
                line += 1;
                cell.push(c);
            }
            c if c == delimiter && !quoted => cells.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' => {
                cells.push(std::mem::take(&mut cell));
                rows.push((start, std::mem::take(&mut cells)));
                line += 1;
                start = line;
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(RosterError::OpenQuote { line: start });
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        rows.push((start, cells));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(r: &Roster) -> Vec<(&str, Option<&str>)> {
        r.entries
            .iter()
            .map(|e| (e.name.as_str(), e.id.as_deref()))
            .collect()
    }

    #[test]
    fn reads_excel_semicolons_with_bom_header_and_quotes() {
        let text =
            "\u{feff}Mã;Họ và tên\r\nHV01;Nguyễn Văn An\r\nHV02;\"Trần; Thị Bình\"\r\n;;\r\n";
        let r = Roster::parse(text.as_bytes()).unwrap();
        assert_eq!(
            names(&r),
            vec![
                ("Nguyễn Văn An", Some("HV01")),
                ("Trần; Thị Bình", Some("HV02"))
            ]
        );
        assert_eq!(r.entries[1].line, 3);
    }

    #[test]
    fn without_a_header_the_first_column_is_the_name() {
        let r = Roster::parse("An,7\nBình\n".as_bytes()).unwrap();
        assert_eq!(names(&r), vec![("An", Some("7")), ("Bình", None)]);
    }

    #[test]
    fn bad_rosters_name_their_line() {
        let e = |t: &str| Roster::parse(t.as_bytes()).unwrap_err();
        assert_eq!(
            e("name,id\nAn,1\n ,2\n"),
            RosterError::EmptyName { line: 3 }
        );
        assert_eq!(
            e("name,id\nAn,1\nBình,1\n"),
            RosterError::DuplicateId {
                line: 3,
                id: "1".into(),
                first: 2
            }
        );
        assert_eq!(e("\u{feff}\r\n"), RosterError::Empty);
        assert_eq!(
            Roster::parse(b"An\n\xff\n").unwrap_err(),
            RosterError::NotUtf8 { line: 2 }
        );
        assert_eq!(e("name\n\"An\n"), RosterError::OpenQuote { line: 2 });
    }
}

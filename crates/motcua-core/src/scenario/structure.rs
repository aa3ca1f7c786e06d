//! The structure check: every key known (E006), every value of the right type (E004),
//! every required key present (E005), in every table at once.
//!
//! Offending entries are removed from the tree, so the serde step after it
//! (`raw.rs`) sees only well-typed values and every remaining problem is reported once.
//! Strings are normalised to NFC on the way, so ids and labels compare equal
//! however the editor composed the Vietnamese letters.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::diagnostic::DiagCode;
use super::report::{Report, with_suggestion};
use super::schema::{Kind, Table};

/// Check `table` (which starts at byte `at`) against `schema`, pruning bad entries.
pub(crate) fn check_table(report: &mut Report, table: &mut DeTable, at: usize, schema: &Table) {
    let mut dropped: Vec<String> = Vec::new();
    for (key, value) in table.iter_mut() {
        let name = key.get_ref().as_ref();
        match schema.key(name) {
            None => {
                let args = vec![("key", name.to_string()), ("table", schema.label.into())];
                let args = with_suggestion(args, name, schema.names());
                report.push(key.span().start, DiagCode::UnknownKey, args);
                dropped.push(name.to_string());
            }
            Some(spec) => {
                if !check_value(report, at, spec.name, value, spec.kind) {
                    dropped.push(name.to_string());
                }
            }
        }
    }
    for spec in schema.keys.iter().filter(|k| k.required) {
        if table.get(spec.name).is_none() && !dropped.iter().any(|d| d == spec.name) {
            // A missing section is named the way it is written: `[dossiers]`.
            let shown = match spec.kind {
                Kind::Table(t) | Kind::TableList(t) if t.label.starts_with('[') => t.label,
                Kind::Str
                | Kind::Int
                | Kind::Number
                | Kind::Bool
                | Kind::Datetime
                | Kind::StrList
                | Kind::DateList
                | Kind::Table(_)
                | Kind::TableList(_)
                | Kind::StrMap
                | Kind::NumMap
                | Kind::IntMapOf(_)
                | Kind::IntOrTable(_) => spec.name,
            };
            let args = vec![("key", shown.into()), ("table", schema.label.into())];
            report.push(at, DiagCode::MissingKey, args);
        }
    }
    for name in &dropped {
        table.remove(name.as_str());
        report.drop_key(at, name);
    }
}

/// Check one value; `false` means it was reported and must be dropped.
/// `parent` is the offset of the table holding the value.
fn check_value(
    report: &mut Report,
    parent: usize,
    key: &str,
    value: &mut Spanned<DeValue>,
    kind: Kind,
) -> bool {
    let at = value.span().start;
    if let Some((length, limit, unit)) = super::limits::oversize(key, value.get_ref()) {
        let args = vec![
            ("key", key.to_string()),
            ("length", length.to_string()),
            ("limit", limit.to_string()),
            ("unit", unit.to_string()),
        ];
        report.push(at, DiagCode::TooLong, args);
        return false;
    }
    match (kind, value.get_mut()) {
        (Kind::Str, DeValue::String(s)) => {
            to_nfc(s);
            true
        }
        (Kind::Int, DeValue::Integer(i)) => integer_fits(report, key, at, i.as_str(), i.radix()),
        (Kind::Number, DeValue::Integer(i)) => integer_fits(report, key, at, i.as_str(), i.radix()),
        (Kind::Number, DeValue::Float(f)) => float_fits(report, key, at, f.as_str()),
        (Kind::Bool, DeValue::Boolean(_)) | (Kind::Datetime, DeValue::Datetime(_)) => true,
        (Kind::StrList, DeValue::Array(items)) => check_items(report, parent, key, items),
        (Kind::DateList, DeValue::Array(items)) => check_dates(report, key, items),
        (Kind::Table(schema), DeValue::Table(t))
        | (Kind::IntOrTable(schema), DeValue::Table(t)) => {
            check_table(report, t, at, schema);
            true
        }
        (Kind::IntOrTable(_), DeValue::Integer(i)) => {
            integer_fits(report, key, at, i.as_str(), i.radix())
        }
        (Kind::TableList(schema), DeValue::Array(items)) => {
            if !check_table_list(report, key, items, schema) {
                // Some elements were dropped: later "empty list" checks must not fire.
                report.drop_key(parent, key);
            }
            true
        }
        (Kind::StrMap, DeValue::Table(t)) => check_map(report, at, t, Kind::Str),
        (Kind::NumMap, DeValue::Table(t)) => check_map(report, at, t, Kind::Number),
        (Kind::IntMapOf(names), DeValue::Table(t)) => check_int_map(report, at, key, t, &names()),
        (_, found) => {
            let found = found_type(found);
            wrong_type(report, key, at, kind.type_key(), found);
            false
        }
    }
}

fn wrong_type(report: &mut Report, key: &str, at: usize, expected: &str, found: &str) {
    let args = vec![
        ("key", key.to_string()),
        ("expected", expected.to_string()),
        ("found", found.to_string()),
    ];
    report.push(at, DiagCode::WrongType, args);
}

/// Catalogue key naming the type of a value as written.
pub(crate) fn found_type(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "@diag.type.string",
        DeValue::Integer(_) => "@diag.type.integer",
        DeValue::Float(_) => "@diag.type.float",
        DeValue::Boolean(_) => "@diag.type.boolean",
        DeValue::Datetime(d) => match (d.date, d.time) {
            (Some(_), None) => "@diag.type.date",
            (None, Some(_)) => "@diag.type.time",
            _ => "@diag.type.datetime",
        },
        DeValue::Array(_) => "@diag.type.array",
        DeValue::Table(_) => "@diag.type.table",
    }
}

fn integer_fits(report: &mut Report, key: &str, at: usize, digits: &str, radix: u32) -> bool {
    if i64::from_str_radix(digits, radix).is_ok() {
        return true;
    }
    let args = vec![
        ("key", key.to_string()),
        ("value", digits.to_string()),
        ("expected", "@diag.expect.integer_range".to_string()),
    ];
    report.push(at, DiagCode::InvalidValue, args);
    false
}

fn float_fits(report: &mut Report, key: &str, at: usize, text: &str) -> bool {
    let ok = text
        .parse::<f64>()
        .is_ok_and(|f| f.is_finite() || text.contains("inf"));
    if !ok {
        let args = vec![
            ("key", key.to_string()),
            ("value", text.to_string()),
            ("expected", "@diag.expect.number_range".to_string()),
        ];
        report.push(at, DiagCode::InvalidValue, args);
    }
    ok
}

/// Every element of a string list must be a string; one bad element drops the list.
fn check_items(report: &mut Report, parent: usize, key: &str, items: &mut DeArray) -> bool {
    let mut ok = true;
    for item in items.iter_mut() {
        ok &= check_value(report, parent, key, item, Kind::Str);
    }
    ok
}

fn check_dates(report: &mut Report, key: &str, items: &mut DeArray) -> bool {
    let mut ok = true;
    for item in items.iter() {
        let is_date =
            matches!(item.get_ref(), DeValue::Datetime(d) if d.date.is_some() && d.time.is_none());
        if !is_date {
            let found = found_type(item.get_ref());
            wrong_type(report, key, item.span().start, "@diag.type.date", found);
            ok = false;
        }
    }
    ok
}

/// `[[name]]` elements: tables are checked, anything else is reported and dropped
/// (`false` when something was dropped).
fn check_table_list(report: &mut Report, key: &str, items: &mut DeArray, schema: &Table) -> bool {
    let mut kept = DeArray::new();
    let mut all_tables = true;
    for mut item in std::mem::replace(items, DeArray::new()) {
        let at = item.span().start;
        match item.get_mut() {
            DeValue::Table(t) => {
                check_table(report, t, at, schema);
                kept.push(item);
            }
            other @ DeValue::String(_)
            | other @ DeValue::Integer(_)
            | other @ DeValue::Float(_)
            | other @ DeValue::Boolean(_)
            | other @ DeValue::Datetime(_)
            | other @ DeValue::Array(_) => {
                let found = found_type(other);
                wrong_type(report, key, at, "@diag.type.table", found);
                all_tables = false;
            }
        }
    }
    *items = kept;
    all_tables
}

/// Free-key tables: keys normalised to NFC, values of `kind` (bad entries dropped).
fn check_map(report: &mut Report, at: usize, table: &mut DeTable, kind: Kind) -> bool {
    let mut rebuilt = DeTable::new();
    for (key, mut value) in std::mem::take(table).into_iter() {
        let span = key.span();
        let mut name = key.into_inner();
        to_nfc(&mut name);
        if check_value(report, at, name.as_ref(), &mut value, kind) {
            rebuilt.insert(Spanned::new(span, name), value);
        } else {
            report.drop_key(at, &name);
        }
    }
    *table = rebuilt;
    true
}

fn check_int_map(
    report: &mut Report,
    at: usize,
    key: &str,
    table: &mut DeTable,
    names: &[&str],
) -> bool {
    let mut dropped: Vec<String> = Vec::new();
    for (k, value) in table.iter_mut() {
        let name = k.get_ref().as_ref();
        if !names.contains(&name) {
            let args = vec![("key", name.to_string()), ("table", format!("[{key}]"))];
            let args = with_suggestion(args, name, names.iter().copied());
            report.push(k.span().start, DiagCode::UnknownKey, args);
            dropped.push(name.to_string());
        } else if !check_value(report, at, name, value, Kind::Int) {
            dropped.push(name.to_string());
        }
    }
    for name in &dropped {
        table.remove(name.as_str());
        report.drop_key(at, name);
    }
    true
}

fn to_nfc(s: &mut Cow<str>) {
    if !is_nfc(s) {
        *s = Cow::Owned(s.nfc().collect());
    }
}

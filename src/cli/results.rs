//! `motcua report [--by trainee|scenario|attempt] [--format table|csv|json]
//! [--trainee NAME]... [--scenario ID]... [--from DATE] [--to DATE] [--output FILE]`:
//! the instructor's view of the results database. (The file is not `report.rs`: that
//! one holds the JSON of `solve` and `replay`.)

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::{CliError, db, exit, output, resolve};
use crate::present::labels;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::export::csv;
use motcua_store::export::summary::{self, Cell, Table, View};
use motcua_store::sanitize;
use motcua_store::store::Filter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Which attempts: by trainee, scenario and the date they were started (Vietnam time).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only this trainee (repeat for several).
    #[arg(long = "trainee", value_name = "NAME")]
    pub trainees: Vec<String>,
    /// Only this scenario id (repeat for several).
    #[arg(long = "scenario", value_name = "ID")]
    pub scenarios: Vec<String>,
    /// Attempts started on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<NaiveDate>,
    /// Attempts started on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<NaiveDate>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        let start_of = |d: NaiveDate| -> Option<DateTime<Utc>> {
            summary::vietnam()
                .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        Filter {
            trainees: self.trainees.clone(),
            scenarios: self.scenarios.clone(),
            from: self.from.and_then(start_of),
            until: self.to.and_then(|d| d.succ_opt()).and_then(start_of),
            finished_only: false,
        }
    }
}

/// `--by`: the command line's names for the store's report views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// One row per trainee and scenario.
    Trainee,
    /// One row per scenario, over all trainees.
    Scenario,
    /// One row per attempt.
    Attempt,
}

impl By {
    pub fn view(self) -> View {
        match self {
            By::Trainee => View::Trainee,
            By::Scenario => View::Scenario,
            By::Attempt => View::Attempt,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rows per trainee and scenario (default), per scenario, or per attempt.
    #[arg(long, value_enum, default_value = "trainee")]
    pub by: By,
    /// table (default), csv (UTF-8 with BOM, for Excel) or json.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args, db_flag: Option<&Path>, lang: Lang) -> Result<ExitCode, CliError> {
    let store = db::open_existing(db_flag)?;
    let attempts = store
        .attempts(&args.filter.filter())
        .map_err(CliError::Store)?;
    let table = summary::table(args.by.view(), &attempts, &resolve::curriculum());
    let text = match args.format {
        Format::Json => summary::json(args.by.view(), &table),
        Format::Csv => csv_text(lang, &table),
        Format::Table => {
            if table.rows.is_empty() {
                eprintln!("{}", t!(lang, "store.report.empty"));
                return Ok(exit::done());
            }
            text_table(lang, &table)
        }
    };
    write_out(args.output.as_deref(), &text)?;
    Ok(exit::done())
}

/// To the file given, or to stdout.
pub fn write_out(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|source| CliError::Write {
            path: p.to_path_buf(),
            source,
        }),
        None => output::print(text),
    }
}

fn header(lang: Lang, table: &Table) -> Vec<String> {
    table
        .columns
        .iter()
        .map(|c| t!(lang, &format!("report.column.{c}")))
        .collect()
}

/// Where a cell is written: on screen, names come with their codes in brackets
/// (`Khá [kha]`, `Quá hạn giải quyết [late]×2`); a spreadsheet keeps the mistake
/// codes alone, short and easy to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Screen,
    Sheet,
}

/// A cell in words; `empty` stands for a missing value.
fn cell_text(lang: Lang, cell: &Cell, target: Target, empty: &str) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Score(Some(x)) => labels::points(lang, *x),
        Cell::Band(Some(b)) => match target {
            Target::Screen => labels::grade_with_code(lang, *b),
            Target::Sheet => labels::grade(lang, *b),
        },
        Cell::Flag(Some(true)) => t!(lang, "report.yes"),
        Cell::Flag(Some(false)) => t!(lang, "report.no"),
        Cell::Time(Some(time)) => time
            .with_timezone(&summary::vietnam())
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Cell::Mistakes(list) => list
            .iter()
            .map(|(code, n)| match target {
                Target::Screen => format!("{}×{n}", labels::mistake_with_code(lang, code)),
                Target::Sheet => format!("{code}×{n}"),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Cell::Score(None) | Cell::Band(None) | Cell::Flag(None) | Cell::Time(None) => {
            empty.to_string()
        }
    }
}

fn csv_text(lang: Lang, table: &Table) -> String {
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| cell_text(lang, c, Target::Sheet, ""))
                .collect()
        })
        .collect();
    csv::document(&header(lang, table), &rows)
}

fn text_table(lang: Lang, table: &Table) -> String {
    let head = header(lang, table);
    // Names come from trainees and bundles: shown escaped, never run by the terminal.
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| sanitize::inline(&cell_text(lang, c, Target::Screen, "—")).into_owned())
                .collect()
        })
        .collect();
    let numeric: Vec<bool> = table
        .rows
        .first()
        .map(|r| {
            r.iter()
                .map(|c| matches!(c, Cell::Count(_) | Cell::Score(_)))
                .collect()
        })
        .unwrap_or_default();
    align(&head, &rows, &numeric)
}

/// Columns padded to their widest cell, numbers (`numeric`) to the right, a rule
/// under the header. Cells must already be safe for a terminal.
pub fn align(head: &[String], rows: &[Vec<String>], numeric: &[bool]) -> String {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            if i > 0 {
                out.push_str("  ");
            }
            if numeric.get(i).copied().unwrap_or(false) {
                out.push_str(&pad);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                out.push_str(&pad);
            }
        }
        out.trim_end().to_string()
    };
    let mut out = line(head);
    out.push('\n');
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

//! `motcua due RECEIVED (--working-days N | --working-hours H | --same-day)`:
//! the due moment, ISO 8601 at +07:00. `--explain` shows the receipt moment
//! and every day counted or skipped with the reason; `--json` prints both.

use std::process::ExitCode;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime};
use serde_json::{Map, Value, json};

use super::calendar::{calendar_for, day_off_json, day_off_name, source_name, weekday_name};
use super::{CliError, exit, output};
use motcua_core::calendar::{DayOffKind, DayStep, Explanation, ReceiptReason, WorkCalendar, YEARS};
use motcua_core::scenario::Deadline;
use motcua_i18n::Lang;
use motcua_i18n::t;

/// Longest period the command accepts: ten years of working days.
const MAX_WORKING_DAYS: u32 = 2_500;
const MAX_WORKING_HOURS: u32 = MAX_WORKING_DAYS * 8;

#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("limit")
        .required(true)
        .args(["working_days", "working_hours", "same_day"])
))]
pub struct Args {
    /// When the dossier was accepted: 2026-03-02T16:20, "2026-03-02 16:20" or
    /// 2026-03-02T16:20:00+07:00 (other offsets are converted to UTC+7).
    #[arg(value_name = "RECEIVED")]
    pub received: String,
    /// Time limit in working days; the day of receipt is not counted.
    #[arg(long, value_name = "N")]
    pub working_days: Option<u32>,
    /// Time limit in working hours of office time.
    #[arg(long, value_name = "H")]
    pub working_hours: Option<u32>,
    /// Same-day procedure (15:00 cutoff, or the scenario's).
    #[arg(long)]
    pub same_day: bool,
    /// Use a scenario's office hours and extra days (path or built-in id).
    #[arg(long, value_name = "F")]
    pub scenario: Option<String>,
    /// Show the receipt moment and every day counted or skipped.
    #[arg(long)]
    pub explain: bool,
    /// Print JSON (always with the explanation).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let received = parse_received(&args.received).ok_or_else(|| CliError::BadArgument {
        name: "RECEIVED",
        value: t!(lang, "calendar.error.received", value = args.received),
    })?;
    if !YEARS.contains(&received.year()) {
        return Err(CliError::BadArgument {
            name: "RECEIVED",
            value: t!(
                lang,
                "calendar.error.year",
                value = received.year(),
                min = YEARS.start(),
                max = YEARS.end()
            ),
        });
    }
    let deadline = deadline(args, lang)?;
    let cal = calendar_for(args.scenario.as_deref())?;
    let e = cal.explain(received, &deadline);
    if args.json {
        output::print(&motcua_store::sanitize::json::pretty(&explanation_json(
            &e, &deadline,
        )))?;
    } else if args.explain {
        for line in explanation_lines(lang, &cal, &e, &deadline) {
            output::line(&line)?;
        }
    } else {
        output::line(&iso(e.due))?;
    }
    Ok(exit::done())
}

fn deadline(args: &Args, lang: Lang) -> Result<Deadline, CliError> {
    let check = |name: &'static str, value: u32, max: u32| {
        if (1..=max).contains(&value) {
            Ok(value)
        } else {
            Err(CliError::BadArgument {
                name,
                value: t!(lang, "calendar.error.amount", value = value, max = max),
            })
        }
    };
    Ok(match (args.working_days, args.working_hours) {
        (Some(n), _) => Deadline::WorkingDays(check("--working-days", n, MAX_WORKING_DAYS)?),
        (None, Some(h)) => Deadline::WorkingHours(check("--working-hours", h, MAX_WORKING_HOURS)?),
        (None, None) => Deadline::SameDay,
    })
}

fn vietnam() -> Option<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
}

/// A local (UTC+7) moment from the forms the command accepts; `None` for anything else.
pub fn parse_received(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let with_offset = DateTime::parse_from_rfc3339(text).ok().or_else(|| {
        ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"]
            .iter()
            .find_map(|f| DateTime::parse_from_str(text, f).ok())
    });
    let local = match with_offset {
        Some(dt) => dt.with_timezone(&vietnam()?).naive_local(),
        None => [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())?,
    };
    Some(local)
}

/// ISO 8601 with the Vietnam offset, e.g. `2026-03-05T17:00:00+07:00`.
pub fn iso(t: NaiveDateTime) -> String {
    format!("{}+07:00", t.format("%Y-%m-%dT%H:%M:%S"))
}

fn deadline_json(d: &Deadline) -> Value {
    match *d {
        Deadline::SameDay => json!({ "same_day": true }),
        Deadline::WorkingDays(n) => json!({ "working_days": n }),
        Deadline::WorkingHours(h) => json!({ "working_hours": h }),
    }
}

fn reason_key(r: &ReceiptReason) -> &'static str {
    match r {
        ReceiptReason::InOfficeHours => "in-office-hours",
        ReceiptReason::OutsideOfficeHours => "outside-office-hours",
        ReceiptReason::AfterCutoff => "after-cutoff",
        ReceiptReason::SaturdayDesk => "saturday-desk",
        ReceiptReason::DayOff { .. } => "day-off",
    }
}

fn steps_json(steps: &[DayStep]) -> Vec<Value> {
    steps
        .iter()
        .map(|step| {
            let mut m = Map::new();
            match *step {
                DayStep::Counted { date, n, make_up } => {
                    m.insert("date".into(), json!(date.to_string()));
                    m.insert("status".into(), json!("counted"));
                    m.insert("n".into(), json!(n));
                    m.insert("make_up".into(), json!(make_up));
                }
                DayStep::Skipped { date, off } => {
                    m.insert("date".into(), json!(date.to_string()));
                    m.insert("status".into(), json!("skipped"));
                    m.extend(day_off_json(off.kind, off.source));
                }
                DayStep::Hours { date, minutes } => {
                    m.insert("date".into(), json!(date.to_string()));
                    m.insert("status".into(), json!("hours"));
                    m.insert("minutes".into(), json!(minutes));
                }
            }
            Value::Object(m)
        })
        .collect()
}

fn explanation_json(e: &Explanation, d: &Deadline) -> Value {
    let mut doc = json!({
        "received": iso(e.accepted_at),
        "deadline": deadline_json(d),
        "receipt": iso(e.receipt),
        "receipt_reason": reason_key(&e.reason),
        "before_receipt": steps_json(&e.before_receipt),
        "due": iso(e.due),
        "days": steps_json(&e.days),
    });
    if let (ReceiptReason::DayOff { off }, Some(obj)) = (e.reason, doc.as_object_mut()) {
        obj.insert(
            "receipt_day_off".into(),
            Value::Object(day_off_json(off.kind, off.source)),
        );
    }
    doc
}

/// A day off with its source, e.g. "Tết Nguyên Đán [lịch chính thức]"; the weekend alone.
fn reason_text(lang: Lang, kind: DayOffKind, source: motcua_core::calendar::Source) -> String {
    let name = day_off_name(lang, kind);
    if kind == DayOffKind::Weekend {
        name
    } else {
        format!("{name} [{}]", source_name(lang, source))
    }
}

fn explanation_lines(lang: Lang, cal: &WorkCalendar, e: &Explanation, d: &Deadline) -> Vec<String> {
    let moment = |t: NaiveDateTime| iso(t);
    let mut lines = vec![t!(
        lang,
        "calendar.due.accepted",
        moment = moment(e.accepted_at),
        weekday = weekday_name(lang, e.accepted_at.date())
    )];
    lines.extend(e.before_receipt.iter().map(|s| step_line(lang, s)));
    let receipt = moment(e.receipt);
    lines.push(match e.reason {
        ReceiptReason::InOfficeHours => {
            t!(
                lang,
                "calendar.due.receipt.in_office_hours",
                moment = receipt
            )
        }
        ReceiptReason::OutsideOfficeHours => {
            t!(
                lang,
                "calendar.due.receipt.outside_office_hours",
                moment = receipt
            )
        }
        ReceiptReason::AfterCutoff => t!(
            lang,
            "calendar.due.receipt.after_cutoff",
            moment = receipt,
            cutoff = cal.hours.same_day_cutoff.format("%H:%M")
        ),
        ReceiptReason::SaturdayDesk => {
            t!(lang, "calendar.due.receipt.saturday_desk", moment = receipt)
        }
        ReceiptReason::DayOff { off } => t!(
            lang,
            "calendar.due.receipt.day_off",
            moment = receipt,
            reason = reason_text(lang, off.kind, off.source)
        ),
    });
    lines.push(match *d {
        Deadline::SameDay => t!(lang, "calendar.due.rule.same_day"),
        Deadline::WorkingDays(n) => t!(lang, "calendar.due.rule.working_days", n = n),
        Deadline::WorkingHours(h) => t!(lang, "calendar.due.rule.working_hours", n = h),
    });
    lines.extend(e.days.iter().map(|s| step_line(lang, s)));
    lines.push(t!(
        lang,
        "calendar.due.result",
        moment = moment(e.due),
        weekday = weekday_name(lang, e.due.date())
    ));
    lines
}

fn step_line(lang: Lang, step: &DayStep) -> String {
    match *step {
        DayStep::Counted { date, n, make_up } => {
            let key = if make_up {
                "calendar.due.counted_make_up"
            } else {
                "calendar.due.counted"
            };
            t!(
                lang,
                key,
                date = date,
                weekday = weekday_name(lang, date),
                n = n
            )
        }
        DayStep::Skipped { date, off } => t!(
            lang,
            "calendar.due.skipped",
            date = date,
            weekday = weekday_name(lang, date),
            reason = reason_text(lang, off.kind, off.source)
        ),
        DayStep::Hours { date, minutes } => t!(
            lang,
            "calendar.due.hours",
            date = date,
            weekday = weekday_name(lang, date),
            minutes = minutes
        ),
    }
}

//! `motcua sync [--json]`: send the learning records waiting in the results database to
//! the LRS (`--lrs-url` or `MOTCUA_LRS_URL`, docs/workshop.md) and say what was sent,
//! what is still queued, and why a send failed. Exit 0 when nothing waits any more,
//! 1 when something is still queued (the reason is printed; nothing is lost).

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::lrs_args::LrsArgs;
use super::{CliError, db, exit, output};
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::lrs::{Client, LrsError, SendReport, send_waiting};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lrs: LrsArgs,
}

pub fn run(
    args: &Args,
    lrs: &LrsArgs,
    db_flag: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let mut store = db::open(db_flag)?;
    let Some(config) = lrs.config()? else {
        let waiting = store.outbox_counts(None).map_err(CliError::Store)?.waiting;
        return Err(CliError::NoLrs { waiting });
    };
    let client = Client::new(config);
    let report = send_waiting(&mut store, &client).map_err(CliError::Store)?;
    if args.json {
        output::line(&report_json(&report).to_string())?;
    } else {
        for line in report_lines(lang, &report, &client.config().endpoint) {
            output::line(&line)?;
        }
    }
    Ok(exit::check(report.waiting == 0))
}

/// The report as JSON (docs/workshop.md, "motcua sync").
pub fn report_json(report: &SendReport) -> serde_json::Value {
    json!({
        "sent": report.sent,
        "already_there": report.already,
        "waiting": report.waiting,
        "rejected": report.rejected.iter().map(|r| json!({
            "statement": r.statement_id,
            "verb": r.verb,
            "status": r.error.status,
            "detail": r.error.detail,
        })).collect::<Vec<_>>(),
        "stopped": report.stopped.as_ref().map(|e| json!({
            "failure": e.failure.key(),
            "status": e.status,
            "detail": e.detail,
        })),
    })
}

/// The report for a person, one line per fact, in `lang`.
pub fn report_lines(lang: Lang, report: &SendReport, url: &str) -> Vec<String> {
    let mut lines = vec![t!(
        lang,
        "lrs.sync.sent",
        sent = report.sent,
        already = report.already,
        url = url
    )];
    for r in &report.rejected {
        lines.push(t!(
            lang,
            "lrs.sync.rejected",
            verb = r.verb,
            id = r.statement_id,
            reason = failure(lang, &r.error, url)
        ));
    }
    if let Some(e) = &report.stopped {
        lines.push(failure(lang, e, url));
    }
    lines.push(if report.waiting == 0 {
        t!(lang, "lrs.sync.nothing_waits")
    } else {
        t!(lang, "lrs.sync.waiting", count = report.waiting)
    });
    lines
}

/// Why a send failed, in plain words, with what to do.
pub fn failure(lang: Lang, e: &LrsError, url: &str) -> String {
    let status = e
        .status
        .map_or_else(String::new, |s| format!(" (HTTP {s})"));
    let key = format!("lrs.failure.{}", e.failure.key());
    t!(
        lang,
        &key,
        url = url,
        status = status,
        detail = motcua_store::sanitize::terminal(&e.detail)
    )
}

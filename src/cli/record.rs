//! `motcua record SCENARIO --trainee NAME [--trainee-id ID] [--seed N] [--mode practice|exam] [--new]`:
//! play an attempt from standard input, one action per line (JSON, with or without
//! `seq`), for scripts and tests. Each allowed action is committed to the store before
//! the session applies it; a refused one is reported and not stored. An unfinished
//! attempt of the same trainee and scenario is resumed where it stopped. When the
//! period ends the attempt is scored and closed.
//!
//! Standard output is JSON Lines (docs/results.md): a first line about the attempt,
//! one line per input line (its events without the hidden truth: no planted flaws),
//! and a last line with the training score or the count so far.
//! Messages for a person go to standard error.
//!
//! With an LRS set (`--lrs-url`, docs/workshop.md) the attempt's learning records are
//! queued with each commit and sent when the input ends; what cannot be sent stays
//! queued for `motcua sync` or the next run, and is said on standard error.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::log_lines::{self, LogLines};
use super::lrs_args::LrsArgs;
use super::{CliError, db, exit, output, resolve};
use crate::present::{labels, trainee_view};
use motcua_core::limits;
use motcua_core::session::action::{Action, LoggedAction};
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::lrs::{Client, send_waiting};
use motcua_store::sanitize;
use motcua_store::store::{Mode, Recorder, Start, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    Practice,
    Exam,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Practice => Mode::Practice,
            ModeArg::Exam => Mode::Exam,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario file, or the id of a built-in scenario.
    pub scenario: String,
    /// The trainee's name.
    #[arg(long)]
    pub trainee: String,
    /// The trainee's id on the class list (the roster's id column), which tells two
    /// trainees of the same name apart.
    #[arg(long)]
    pub trainee_id: Option<String>,
    /// Seed of a new attempt (default: the scenario's own seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// practice (default) or exam.
    #[arg(long, value_enum, default_value = "practice")]
    pub mode: ModeArg,
    /// Abandon an unfinished attempt of this scenario and start a new one.
    #[arg(long)]
    pub new: bool,
    #[command(flatten)]
    pub lrs: LrsArgs,
}

pub fn run(
    args: &Args,
    lrs: &LrsArgs,
    db_flag: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    sanitize::check_name(&args.trainee).map_err(|problem| CliError::BadName {
        name: "--trainee",
        problem,
    })?;
    if let Some(id) = &args.trainee_id {
        sanitize::check_name(id).map_err(|problem| CliError::BadName {
            name: "--trainee-id",
            problem,
        })?;
    }
    let journal = lrs.journal(lang)?;
    let (scenario, source) = resolve::scenario_with_source(&args.scenario)?;
    let mut store = db::open(db_flag)?;
    let id = scenario.meta.id.clone();
    // A namesake's unfinished attempt (another roster id) is not this trainee's.
    let mut unfinished = store
        .unfinished_attempt_of(&args.trainee, args.trainee_id.as_deref(), Some(&id))
        .map_err(CliError::Store)?;
    // An attempt of an older simulation cannot be continued: it is given up like `--new`.
    if let Some(r) = unfinished.take_if(|r| args.new || !r.info.is_current_world()) {
        if !r.info.is_current_world() {
            let (attempt, world) = (r.info.id.0, r.info.world_version);
            let note = t!(
                lang,
                "store.record.other_world",
                attempt = attempt,
                world = world
            );
            eprintln!("{note}");
        }
        store
            .abandon_attempt_queued(r.info.id, |at| journal.abandoned(&r, at))
            .map_err(CliError::Store)?;
    }
    let resumed = unfinished.is_some();
    let mut rec = match unfinished {
        Some(r) => {
            if args.seed.is_some_and(|s| s != r.info.seed) {
                say(t!(lang, "store.record.seed_kept", seed = r.info.seed));
            }
            let rec = Recorder::resume_with(store, r, journal).map_err(CliError::Store)?;
            say(t!(
                lang,
                "store.record.resumed",
                attempt = rec.attempt().0,
                count = rec.session().actions().len(),
                now = labels::moment(rec.session().now())
            ));
            rec
        }
        None => {
            let seed = args.seed.unwrap_or(scenario.meta.seed);
            let mode = args.mode.into();
            let start = Start {
                trainee: &args.trainee,
                scenario: &scenario,
                source: &source,
                seed,
                mode,
                roster_id: args.trainee_id.as_deref(),
            };
            let rec = Recorder::start_with(store, &start, journal).map_err(CliError::Store)?;
            say(t!(
                lang,
                "store.record.started",
                attempt = rec.attempt().0,
                seed = seed
            ));
            rec
        }
    };
    let info = rec
        .store()
        .attempt(rec.attempt())
        .map_err(CliError::Store)?;
    emit(&json!({
        "attempt": rec.attempt().0,
        "trainee": info.trainee,
        "scenario": info.scenario,
        "seed": info.seed,
        "mode": info.mode,
        "resumed": resumed,
        "actions": rec.session().actions().len(),
        "now": rec.session().now(),
    }))?;
    let skipped = if rec.debrief().is_some() {
        0
    } else {
        play_lines(&mut rec, lang)?
    };
    if rec.debrief().is_some() {
        finished(&rec, lang, skipped)?;
    } else {
        let count = rec.session().actions().len();
        emit(&json!({
            "finished": false,
            "actions": count,
            "skipped": skipped,
            "now": rec.session().now(),
        }))?;
        say(t!(lang, "store.record.paused", count = count));
    }
    if skipped > 0 {
        say(t!(lang, "log.skipped", count = skipped));
    }
    send_records(&mut rec.into_store(), lrs, lang)?;
    // A line that was not an action is a bad log, even though the others were kept.
    Ok(exit::check(skipped == 0))
}

/// Standard input, line by line, until the period ends or the input does. Each line
/// that is not an action (not UTF-8, not JSON, a wrong `seq`) is reported and
/// skipped; the count of those is returned. A refused action is the trainee's
/// mistake to learn from, not a bad line.
fn play_lines(rec: &mut Recorder, lang: Lang) -> Result<usize, CliError> {
    let mut skipped = 0;
    for line in LogLines::new(std::io::stdin().lock()) {
        let line = line.map_err(|source| CliError::Read {
            path: "<stdin>".into(),
            source,
        })?;
        let n = line.number;
        if rec.session().actions().len() >= limits::LOG_ACTIONS {
            let path = "<stdin>";
            let limit = limits::LOG_ACTIONS;
            say(t!(lang, "log.too_many", path = path, limit = limit));
            emit(&json!({"line": n, "error": "too-many", "limit": limit}))?;
            return Ok(skipped + 1);
        }
        let next = rec.session().actions().len() as u64 + 1;
        let parsed = match line.text {
            Ok(text) => parse_line(&text),
            Err(bad) => Err(log_lines::describe(lang, &bad)),
        };
        let action = match parsed {
            Ok((Some(seq), _)) if seq != next => {
                skipped += 1;
                let args = (n, seq, next);
                say(t!(
                    lang,
                    "store.record.bad_seq",
                    line = args.0,
                    found = args.1,
                    expected = args.2
                ));
                emit(&json!({"line": n, "error": "seq", "expected": next, "found": seq}))?;
                continue;
            }
            Ok((_, action)) => action,
            Err(message) => {
                skipped += 1;
                say(t!(
                    lang,
                    "store.record.malformed",
                    line = n,
                    message = message
                ));
                emit(&json!({"line": n, "error": "malformed", "message": message}))?;
                continue;
            }
        };
        let name = action.name();
        // The action is committed before it changes anything.
        match rec.apply(action).map_err(CliError::Store)? {
            // Without the hidden truth: the trainee's own command (`present::trainee_view`).
            Ok(events) => emit(&json!({
                "seq": next,
                "action": name,
                "events": trainee_view::events(&events),
                "now": rec.session().now(),
            }))?,
            Err(rejection) => {
                say(t!(
                    lang,
                    "store.record.rejected",
                    line = n,
                    action = labels::action(lang, name),
                    reason = labels::rejection(lang, &rejection)
                ));
                emit(&json!({"line": n, "rejected": rejection.code(), "action": name}))?;
            }
        }
        if rec.debrief().is_some() {
            break;
        }
    }
    Ok(skipped)
}

/// An input line: a logged action (`{"seq":3,"action":...}`) or a bare action.
fn parse_line(line: &str) -> Result<(Option<u64>, Action), String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    if value.get("seq").is_some() {
        let logged: LoggedAction = serde_json::from_value(value).map_err(|e| e.to_string())?;
        return Ok((Some(logged.seq), logged.action));
    }
    let action: Action = serde_json::from_value(value).map_err(|e| e.to_string())?;
    Ok((None, action))
}

fn finished(rec: &Recorder, lang: Lang, skipped: usize) -> Result<(), CliError> {
    let Some(debrief) = rec.debrief() else {
        return Ok(());
    };
    emit(&json!({
        "finished": true,
        "attempt": rec.attempt().0,
        "actions": rec.session().actions().len(),
        "skipped": skipped,
        "total": debrief.total(),
        "grade": debrief.grade(),
        "passed": debrief.passed(),
    }))?;
    say(t!(
        lang,
        "store.record.finished",
        total = labels::points(lang, debrief.total()),
        grade = labels::grade(lang, debrief.grade())
    ));
    Ok(())
}

/// Send what waits for the LRS (this attempt's records, and what earlier runs left),
/// and say how it went. A failed send is not this command's failure: the records stay
/// queued and `motcua sync` says the same.
fn send_records(store: &mut Store, lrs: &LrsArgs, lang: Lang) -> Result<(), CliError> {
    let Some(config) = lrs.config()? else {
        return Ok(());
    };
    let client = Client::new(config);
    let report = send_waiting(store, &client).map_err(CliError::Store)?;
    for line in super::sync::report_lines(lang, &report, &client.config().endpoint) {
        say(line);
    }
    Ok(())
}

/// A message for the person, on stderr; text from the input is shown, never run.
fn say(text: String) {
    eprintln!("{}", sanitize::terminal(&text));
}

/// One JSON line on stdout, flushed at once (a script waits for it). When the reader
/// has gone, the attempt stops here: every action so far is saved.
fn emit(value: &serde_json::Value) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", sanitize::json::line(value))
        .and_then(|()| out.flush())
        .map_err(output::write_error)
}

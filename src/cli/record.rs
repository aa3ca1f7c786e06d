//! `motcua record SCENARIO --trainee NAME [--seed N] [--mode practice|exam] [--new]`:
//! play an attempt from standard input, one action per line (JSON, with or without
//! `seq`), for scripts and tests. Each allowed action is committed to the store before
//! the session applies it; a refused one is reported and not stored. An unfinished
//! attempt of the same trainee and scenario is resumed where it stopped. When the
//! period ends the attempt is scored and closed.
//!
//! Standard output is JSON Lines (docs/results.md): a first line about the attempt,
//! one line per input line, and a last line with the score or the count so far.
//! Messages for a person go to standard error.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::{CliError, db, resolve};
use crate::i18n::Lang;
use crate::present::labels;
use crate::scenario;
use crate::score;
use crate::session::action::{Action, LoggedAction};
use crate::session::{self, Session};
use crate::store::{AttemptId, Mode, Store};
use crate::t;

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
    /// Seed of a new attempt (default: the scenario's own seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// practice (default) or exam.
    #[arg(long, value_enum, default_value = "practice")]
    pub mode: ModeArg,
    /// Abandon an unfinished attempt of this scenario and start a new one.
    #[arg(long)]
    pub new: bool,
}

struct Play {
    store: Store,
    attempt: AttemptId,
    session: Session,
    scenario: scenario::Scenario,
}

pub fn run(args: &Args, db_flag: Option<&Path>, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, source) = resolve::scenario_with_source(&args.scenario)?;
    let mut store = db::open(db_flag)?;
    let id = scenario.meta.id.clone();
    let mut unfinished = store
        .unfinished_attempt(&args.trainee, Some(&id))
        .map_err(CliError::Store)?;
    if args.new
        && let Some(r) = unfinished.take()
    {
        store.abandon_attempt(r.info.id).map_err(CliError::Store)?;
    }
    let resumed = unfinished.is_some();
    let mut play = match unfinished {
        Some(r) => {
            if args.seed.is_some_and(|s| s != r.info.seed) {
                eprintln!("{}", t!(lang, "store.record.seed_kept", seed = r.info.seed));
            }
            let label = format!("{id} (attempt {})", r.info.id.0);
            let scenario =
                scenario::load_bytes(&label, &r.source).map_err(|_| CliError::Resume {
                    attempt: r.info.id.0,
                    detail: "scenario".to_string(),
                })?;
            let session = session::replay(&scenario, r.info.seed, &r.actions).map_err(|e| {
                CliError::Resume {
                    attempt: r.info.id.0,
                    detail: e.to_string(),
                }
            })?;
            eprintln!(
                "{}",
                t!(
                    lang,
                    "store.record.resumed",
                    attempt = r.info.id.0,
                    count = r.actions.len(),
                    now = labels::moment(session.now())
                )
            );
            Play {
                store,
                attempt: r.info.id,
                session,
                scenario,
            }
        }
        None => {
            let seed = args.seed.unwrap_or(scenario.meta.seed);
            let attempt = store
                .open_attempt(&args.trainee, &scenario, &source, seed, args.mode.into())
                .map_err(CliError::Store)?;
            eprintln!(
                "{}",
                t!(
                    lang,
                    "store.record.started",
                    attempt = attempt.0,
                    seed = seed
                )
            );
            Play {
                store,
                attempt,
                session: Session::new(&scenario, seed),
                scenario,
            }
        }
    };
    let info = play.store.attempt(play.attempt).map_err(CliError::Store)?;
    emit(&json!({
        "attempt": play.attempt.0,
        "trainee": info.trainee,
        "scenario": info.scenario,
        "seed": info.seed,
        "mode": info.mode,
        "resumed": resumed,
        "actions": play.session.actions().len(),
        "now": play.session.now(),
    }));
    // Killed after the last action was committed but before the score was: score now.
    if play.session.is_over() {
        return finish(&mut play, lang);
    }
    let stdin = std::io::stdin();
    for (i, line) in stdin.lock().lines().enumerate() {
        let Ok(line) = line else { break };
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let next = play.session.actions().len() as u64 + 1;
        let action = match parse_line(&line) {
            Ok((Some(seq), _)) if seq != next => {
                eprintln!(
                    "{}",
                    t!(
                        lang,
                        "store.record.bad_seq",
                        line = n,
                        found = seq,
                        expected = next
                    )
                );
                emit(&json!({"line": n, "error": "seq", "expected": next, "found": seq}));
                continue;
            }
            Ok((_, action)) => action,
            Err(message) => {
                eprintln!(
                    "{}",
                    t!(lang, "store.record.malformed", line = n, message = message)
                );
                emit(&json!({"line": n, "error": "malformed", "message": message}));
                continue;
            }
        };
        if let Err(rejection) = play.session.check(&action) {
            eprintln!(
                "{}",
                t!(
                    lang,
                    "store.record.rejected",
                    line = n,
                    action = labels::action(lang, action.name()),
                    reason = labels::rejection(lang, &rejection)
                )
            );
            emit(&json!({"line": n, "rejected": rejection.code(), "action": action.name()}));
            continue;
        }
        // The action is durable before it changes anything.
        play.store
            .append_action(play.attempt, next, &action)
            .map_err(CliError::Store)?;
        match play.session.apply(action.clone()) {
            Ok(events) => emit(&json!({
                "seq": next,
                "action": action.name(),
                "events": events,
                "now": play.session.now(),
            })),
            // `check` allowed it, so `apply` does too; were it not so, the committed
            // action would still replay on the next start.
            Err(rejection) => {
                emit(&json!({"line": n, "rejected": rejection.code(), "action": action.name()}))
            }
        }
        if play.session.is_over() {
            return finish(&mut play, lang);
        }
    }
    emit(&json!({
        "finished": false,
        "actions": play.session.actions().len(),
        "now": play.session.now(),
    }));
    eprintln!(
        "{}",
        t!(
            lang,
            "store.record.paused",
            count = play.session.actions().len()
        )
    );
    Ok(ExitCode::SUCCESS)
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

fn finish(play: &mut Play, lang: Lang) -> Result<ExitCode, CliError> {
    let debrief = score::score(&play.scenario, play.session.events());
    play.store
        .finish_attempt(play.attempt, &debrief)
        .map_err(CliError::Store)?;
    emit(&json!({
        "finished": true,
        "attempt": play.attempt.0,
        "actions": play.session.actions().len(),
        "total": debrief.total,
        "band": debrief.band,
        "passed": debrief.passed,
    }));
    eprintln!(
        "{}",
        t!(
            lang,
            "store.record.finished",
            total = labels::points(lang, debrief.total),
            band = labels::band(lang, debrief.band)
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// One JSON line on stdout, flushed at once (a script waits for it).
fn emit(value: &serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{value}");
    let _ = out.flush();
}

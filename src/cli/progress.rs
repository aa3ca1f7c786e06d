//! `motcua progress --trainee NAME [--json]`: a trainee's best and latest score per
//! scenario, attempts, the mistakes made most often, and what to practise next.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{CliError, db, exit, output, resolve};
use crate::present::labels;
use motcua_core::session::WORLD_VERSION;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::sanitize;
use motcua_store::store::progress::Score;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The trainee's name.
    #[arg(long)]
    pub trainee: String,
    /// Print the progress as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, db_flag: Option<&Path>, lang: Lang) -> Result<ExitCode, CliError> {
    let store = db::open_existing(db_flag)?;
    let progress = store
        .progress(&args.trainee, &resolve::curriculum())
        .map_err(CliError::Store)?;
    if args.json {
        output::print(&motcua_store::sanitize::json::pretty(&progress))?;
        return Ok(exit::done());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "store.progress.heading",
            trainee = sanitize::inline(&progress.trainee)
        )
    );
    if progress.scenarios.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "store.progress.none"));
    }
    let score = |s: &Option<Score>| match s {
        Some(s) if s.world_version != WORLD_VERSION => format!(
            "{} {} {}",
            labels::points(lang, s.total),
            labels::grade_with_code(lang, s.band),
            t!(lang, "store.progress.other_world", world = s.world_version)
        ),
        Some(s) => format!(
            "{} {}",
            labels::points(lang, s.total),
            labels::grade_with_code(lang, s.band)
        ),
        None => "—".to_string(),
    };
    for s in &progress.scenarios {
        let line = t!(
            lang,
            "store.progress.line",
            scenario = sanitize::inline(&s.scenario),
            attempts = s.attempts,
            finished = s.finished,
            best = score(&s.best),
            latest = score(&s.latest)
        );
        let mut line = format!("  {line}");
        if s.passed_ever {
            line.push_str(&format!(" · {}", t!(lang, "store.progress.passed")));
        }
        if s.unfinished {
            line.push_str(&format!(" · {}", t!(lang, "store.progress.unfinished")));
        }
        if s.unfinished_other_world {
            let text = t!(lang, "store.progress.unfinished_other_world");
            line.push_str(&format!(" · {text}"));
        }
        let _ = writeln!(out, "{line}");
    }
    if !progress.mistakes.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "store.progress.mistakes"));
        for (code, n) in &progress.mistakes {
            let _ = writeln!(out, "  {n}× {}", labels::mistake_with_code(lang, code));
        }
    }
    if let Some(s) = &progress.suggestion {
        let reason = labels::suggestion_reason(lang, s.reason);
        let _ = writeln!(
            out,
            "\n{}",
            t!(
                lang,
                "store.progress.next",
                scenario = s.scenario,
                reason = reason
            )
        );
    }
    output::print(&out)?;
    Ok(exit::done())
}

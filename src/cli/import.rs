//! `motcua import FILE... [--scenario PATH]... [--json]`: bring results bundles into
//! this machine's database. Every attempt of this motcua's world version is replayed
//! with this machine's scenario and re-scored; it is refused, with the reason, when its
//! scenario differs (SHA-256), an action is malformed or refused by the rules, the log
//! stops before the period's end, or its recorded score is not the replay's. One of an
//! older world is kept with its recorded score, as of that world; a newer one is refused. Exit 0: all kept (or already there);
//! 3: some refused; 1: a file could not be read or is not a bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::exit::Exit;
use super::{CliError, db, output, resolve};
use crate::present::labels;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::export::bundle;
use motcua_store::export::import::{self, Library, Line, Outcome, Refusal};
use motcua_store::export::stream::{self, Stop};
use motcua_store::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Results bundles written by `motcua export`.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A scenario file the attempts may have used, besides the built-in ones (repeat).
    #[arg(long = "scenario", value_name = "PATH")]
    pub scenarios: Vec<String>,
    /// Print the outcome of every attempt as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Add the scenario texts `path` carries to `library`, each only when its own SHA-256
/// is the hash it is filed under and it loads; any other is said and left out (its
/// attempts are then refused as of an unknown scenario, unless `--scenario` gives it).
fn carried_scenarios(path: &Path, library: &mut Library, lang: Lang) -> Result<(), CliError> {
    let texts = stream::scenarios(open(path)?).map_err(|error| CliError::Bundle {
        path: path.to_path_buf(),
        error,
    })?;
    for (sha, text) in texts {
        if library.by_sha(&sha).is_some() {
            continue;
        }
        let label = format!("{}#{}", path.display(), &sha[..sha.len().min(12)]);
        let loaded = (motcua_store::store::sha256_hex(text.as_bytes()) == sha)
            .then(|| motcua_core::scenario::load_str(&label, &text).ok())
            .flatten();
        match loaded {
            Some(scenario) => library.add(scenario, text.into_bytes()),
            None => eprintln!(
                "{}",
                t!(
                    lang,
                    "store.import.carried_mismatch",
                    path = path.display(),
                    sha = sha
                )
            ),
        }
    }
    Ok(())
}

pub fn run(args: &Args, db_flag: Option<&Path>, lang: Lang) -> Result<ExitCode, CliError> {
    let mut library = Library::builtin();
    for name in &args.scenarios {
        let (scenario, source) = resolve::scenario_with_source(name)?;
        library.add(scenario, source);
    }
    let mut store = db::open(db_flag)?;
    let mut unreadable = false;
    let mut files = Vec::new();
    let mut text = String::new();
    let (mut kept, mut dups, mut refused) = (0usize, 0usize, 0usize);
    for path in &args.files {
        // Pass 1 refuses a file that is not a bundle before anything of it is kept.
        let checked = open(path).and_then(|f| {
            stream::header(f).map_err(|error| CliError::Bundle {
                path: path.clone(),
                error,
            })
        });
        let checked = checked.and_then(|header| {
            carried_scenarios(path, &mut library, lang)?;
            Ok(header)
        });
        let streamed = match checked.and_then(|header| Ok((header, open(path)?))) {
            Ok((header, file)) => import::import_stream(&mut store, file, &library, header),
            Err(e) => {
                eprintln!("{}", e.render(lang));
                unreadable = true;
                continue;
            }
        };
        let lines = streamed.lines;
        for line in &lines {
            match line.outcome {
                Outcome::Imported { .. } => kept += 1,
                Outcome::Duplicate { .. } => dups += 1,
                Outcome::Refused(_) => refused += 1,
            }
            text.push_str(&describe(lang, path, line));
            text.push('\n');
        }
        files.push(json!({ "path": path, "attempts": lines }));
        match streamed.stopped {
            None => {}
            Some(Stop::Store(e)) => return Err(CliError::Store(e)),
            Some(Stop::Malformed(detail)) => {
                let error = bundle::BundleError::Malformed(detail);
                let e = CliError::Bundle {
                    path: path.clone(),
                    error,
                };
                eprintln!("{}", e.render(lang));
                unreadable = true;
            }
        }
    }
    let summary = t!(
        lang,
        "store.import.summary",
        imported = kept,
        duplicates = dups,
        refused = refused
    );
    if args.json {
        let doc = json!({
            "files": files,
            "imported": kept,
            "duplicates": dups,
            "refused": refused,
        });
        output::print(&sanitize::json::pretty(&doc))?;
    } else {
        text.push_str(&summary);
        text.push('\n');
        output::print(&text)?;
    }
    Ok(if unreadable {
        Exit::Failed
    } else if refused > 0 {
        Exit::Refused
    } else {
        Exit::Done
    }
    .into())
}

fn open(path: &Path) -> Result<std::fs::File, CliError> {
    std::fs::File::open(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn describe(lang: Lang, path: &Path, line: &Line) -> String {
    let what = t!(
        lang,
        "store.import.attempt",
        path = path.display(),
        index = line.index,
        trainee = sanitize::inline(&line.trainee),
        scenario = sanitize::inline(&line.scenario),
        seed = line.seed,
        total = labels::points(lang, line.total)
    );
    let verdict = match &line.outcome {
        Outcome::Imported {
            attempt,
            unfinished: true,
            ..
        } => t!(lang, "store.import.imported_unfinished", attempt = attempt),
        Outcome::Imported {
            attempt,
            replayed: true,
            ..
        } => t!(lang, "store.import.imported", attempt = attempt),
        Outcome::Imported {
            attempt,
            world_version,
            replayed: false,
            ..
        } => t!(
            lang,
            "store.import.kept_other_world",
            attempt = attempt,
            world = world_version
        ),
        Outcome::Duplicate { attempt } => t!(lang, "store.import.duplicate", attempt = attempt),
        Outcome::Refused(r) => t!(lang, "store.import.refused", reason = refusal(lang, r)),
    };
    // The bundle is someone else's file: its values are shown, never run.
    sanitize::terminal(&format!("{what}: {verdict}")).into_owned()
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// Why an attempt was refused, in words.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let key = format!("store.refusal.{}", r.code());
    match r {
        Refusal::UnknownScenario { scenario } => t!(lang, &key, scenario = scenario),
        Refusal::ScenarioDiffers {
            scenario,
            recorded,
            local,
        } => {
            let local: Vec<&str> = local.iter().map(|s| short(s)).collect();
            t!(
                lang,
                &key,
                scenario = scenario,
                recorded = short(recorded),
                local = local.join(", ")
            )
        }
        Refusal::BadField { field, value } => t!(lang, &key, field = field, value = value),
        Refusal::BadAction { seq, detail } => t!(lang, &key, seq = seq, detail = detail),
        Refusal::Rejected {
            seq,
            action,
            rejection,
        } => labels::refused_action(lang, &key, *seq, action, rejection.code()),
        Refusal::NotFinished => t!(lang, &key),
        Refusal::WorldTooNew { found, supported } => {
            t!(lang, &key, found = found, supported = supported)
        }
        Refusal::WorldAfterBundle { found, bundle } => {
            t!(lang, &key, found = found, bundle = bundle)
        }
        Refusal::ScoreDiffers {
            recorded_total,
            recorded_band,
            recorded_passed,
            replay_total,
            replay_band,
            replay_passed,
        } => {
            let verdict = |p: &bool| {
                if *p {
                    t!(lang, "store.import.pass")
                } else {
                    t!(lang, "store.import.fail")
                }
            };
            t!(
                lang,
                &key,
                recorded = labels::points(lang, *recorded_total),
                recorded_band = recorded_band,
                recorded_passed = verdict(recorded_passed),
                replay = labels::points(lang, *replay_total),
                replay_band = replay_band,
                replay_passed = verdict(replay_passed)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_core::session::Rejection;

    #[test]
    fn a_refused_action_names_the_action_and_the_rule() {
        let r = Refusal::Rejected {
            seq: 3,
            action: "accept",
            rejection: Rejection::PeriodOver,
        };
        // store.refusal.rejected with action.accept and rejection.period-over.
        assert_eq!(
            refusal(Lang::En, &r),
            "action 3 (“Accept (form 01)”) is not allowed on replay: The scenario's time is over. The log was edited."
        );
    }
}

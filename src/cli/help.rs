//! `--help` in the user's language. The derive gives the shape of the command line;
//! before parsing, every description, argument help and heading is replaced from the
//! catalogue (`help.*` in `locales/*/cli_help.toml`). The language must be known
//! before the arguments are parsed, so `--lang` and `MOTCUA_LANG` are pre-scanned.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use motcua_i18n::t;
use motcua_i18n::{self as i18n, Lang};

/// `--lang X` / `--lang=X` among `args` (the last wins, as clap takes it), else `env`.
pub fn prescan_lang(args: &[OsString], env: Option<&str>) -> Lang {
    let mut flag = None;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            flag = it.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    Lang::resolve(flag.as_deref(), env)
}

/// Parse the process's command line with help in the chosen language; on a usage
/// error or `--help`, print and exit as clap does.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = std::env::var("MOTCUA_LANG").ok();
    let lang = prescan_lang(&args, env.as_deref());
    let matches = command(lang).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The whole command tree with its help text in `lang`.
pub fn command(lang: Lang) -> Command {
    let root = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!(lang, "help.flag.version"))
                .help_heading(t!(lang, "help.heading.options")),
        );
    localize(root, lang, "")
}

/// Keys an argument's help may come from: the command's own, then the shared one.
fn arg_keys(path: &str, id: &str) -> [String; 2] {
    [format!("help.{path}.{id}"), format!("help.arg.{id}")]
}

fn about_key(path: &str) -> String {
    if path.is_empty() {
        "help.about".to_string()
    } else {
        format!("help.{path}.about")
    }
}

/// The first of `keys` the catalogue has, in `lang`.
fn lookup(lang: Lang, keys: &[String]) -> Option<String> {
    keys.iter()
        .find(|k| i18n::has_key(lang, k))
        .map(|k| t!(lang, k))
}

fn localize(cmd: Command, lang: Lang, path: &str) -> Command {
    let usage = t!(lang, "help.heading.usage");
    let mut cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(t!(lang, "help.heading.commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!(lang, "help.flag.help")),
        );
    if let Some(about) = lookup(lang, &[about_key(path)]) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = lookup(lang, &arg_keys(path, &id));
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "help.heading.arguments"
            } else {
                "help.heading.options"
            };
            let a = a.help_heading(t!(lang, heading));
            match help {
                // The catalogue's text names the values, the default and the variable
                // itself; clap's own "[default: …]" notes would be in English.
                Some(h) if a.get_action().takes_values() => a
                    .help(h)
                    .hide_possible_values(true)
                    .hide_default_value(true)
                    .hide_env(true),
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, lang, &sub));
    }
    cmd
}

/// Every description and argument of the tree without a catalogue entry in `lang`
/// (the test keeps this empty, so a new argument cannot go untranslated).
pub fn missing(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    collect_missing(&Cli::command(), lang, "", &mut out);
    out
}

fn collect_missing(cmd: &Command, lang: Lang, path: &str, out: &mut Vec<String>) {
    if lookup(lang, &[about_key(path)]).is_none() {
        out.push(about_key(path));
    }
    for a in cmd.get_arguments() {
        let keys = arg_keys(path, a.get_id().as_str());
        if lookup(lang, &keys).is_none() {
            out.push(keys[0].clone());
        }
    }
    for s in cmd.get_subcommands() {
        let sub = if path.is_empty() {
            s.get_name().to_string()
        } else {
            format!("{path}.{}", s.get_name())
        };
        collect_missing(s, lang, &sub, out);
    }
}

//! `motcua` without a terminal (a pipe, a script): a short welcome, the built-in
//! scenarios and the commands to try them.

use std::process::ExitCode;

use super::{CliError, exit, help, output};
use motcua_core::scenario::{self, builtin};
use motcua_i18n::Lang;
use motcua_i18n::t;

pub fn run(lang: Lang) -> Result<ExitCode, CliError> {
    let mut out = format!("{} — {}\n\n", t!(lang, "app.name"), t!(lang, "app.tagline"));
    out.push_str(&t!(lang, "home.builtins"));
    out.push('\n');
    let loaded: Vec<_> = builtin::FILES
        .iter()
        .filter_map(|(file, text)| scenario::load_str(file, text).ok())
        .collect();
    let width = loaded.iter().map(|s| s.meta.id.len()).max().unwrap_or(0);
    for s in &loaded {
        let title = match (lang, &s.meta.title_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => s.meta.title.clone(),
        };
        out.push_str(&format!("  {:<width$} {title}\n", s.meta.id));
    }
    out.push('\n');
    out.push_str(&t!(lang, "home.try", id = "khai-sinh-co-ban"));
    out.push_str("\n\n");
    out.push_str(&help::command(lang).render_help().to_string());
    output::print(&out)?;
    Ok(exit::done())
}

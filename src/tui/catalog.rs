//! The scenario library: the built-in scenarios and any folder given with
//! `--scenarios DIR`. A file that does not load is listed with its first error.

use std::path::Path;

use crate::i18n::{Lang, diagnostics};
use crate::scenario::{self, Scenario, builtin};

#[derive(Debug, Clone)]
pub struct Entry {
    /// Where it came from: `scenarios/x.toml` or the file path.
    pub source: String,
    pub loaded: Result<Scenario, String>,
}

impl Entry {
    pub fn title(&self, lang: Lang) -> String {
        match &self.loaded {
            Ok(s) => match (lang, &s.meta.title_en) {
                (Lang::En, Some(en)) => en.clone(),
                _ => s.meta.title.clone(),
            },
            Err(_) => self.source.clone(),
        }
    }
}

/// Built-ins first, in curriculum order, then the folder's files by name.
pub fn load(extra: Option<&Path>, lang: Lang) -> Vec<Entry> {
    let mut out: Vec<Entry> = builtin::FILES
        .iter()
        .map(|(file, text)| {
            let source = format!("scenarios/{file}");
            let loaded = scenario::load_str(&source, text).map_err(|d| first_error(lang, &d));
            Entry { source, loaded }
        })
        .collect();
    if let Some(dir) = extra {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for path in files {
            let loaded = scenario::load_file(&path).map_err(|d| first_error(lang, &d));
            out.push(Entry {
                source: path.display().to_string(),
                loaded,
            });
        }
    }
    out
}

fn first_error(lang: Lang, diags: &[scenario::Diagnostic]) -> String {
    diags
        .first()
        .map(|d| diagnostics::render(lang, d))
        .and_then(|text| text.lines().next().map(str::to_string))
        .unwrap_or_default()
}

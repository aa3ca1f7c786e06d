//! The scenario library: the built-in scenarios and any folder given with
//! `--scenarios DIR`. A file that does not load is listed with its first error; one
//! written in format version 1 is marked, with the hint of warning W005.

use std::path::Path;

use motcua_core::scenario::{self, DiagCode, Loaded, Scenario, builtin};
use motcua_i18n::{Lang, diagnostics};

#[derive(Debug, Clone)]
pub struct Entry {
    /// Where it came from: `scenarios/x.toml` or the file path.
    pub source: String,
    /// The file's exact bytes: the store keeps them with each attempt.
    pub bytes: Vec<u8>,
    pub loaded: Result<Scenario, String>,
    /// The file is written in format version 1: what W005 says and how to fix it.
    pub format_one: Option<String>,
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
            let checked = scenario::check_str(&source, text);
            entry(source, text.as_bytes().to_vec(), checked, lang)
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
            out.push(from_file(&path, lang));
        }
    }
    out
}

/// An entry from what loading its bytes gave.
fn entry(
    source: String,
    bytes: Vec<u8>,
    checked: Result<Loaded, Vec<scenario::Diagnostic>>,
    lang: Lang,
) -> Entry {
    let format_one = checked.as_ref().ok().and_then(|l| {
        l.warnings
            .iter()
            .find(|d| d.code == DiagCode::FormatOne)
            .map(|d| {
                let (message, hint) = (diagnostics::message(lang, d), diagnostics::hint(lang, d));
                format!("{message}. {hint}")
            })
    });
    Entry {
        source,
        bytes,
        loaded: checked
            .map(|l| l.scenario)
            .map_err(|d| first_error(lang, &d)),
        format_one,
    }
}

fn first_error(lang: Lang, diags: &[scenario::Diagnostic]) -> String {
    diags
        .first()
        .map(|d| diagnostics::render(lang, d))
        .and_then(|text| text.lines().next().map(str::to_string))
        .unwrap_or_default()
}

/// A scenario file given by path.
pub fn from_file(path: &Path, lang: Lang) -> Entry {
    let source = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let checked = scenario::check_bytes(&source, &bytes);
            entry(source, bytes, checked, lang)
        }
        Err(e) => Entry {
            source: source.clone(),
            bytes: Vec::new(),
            loaded: Err(format!("{source}: {e}")),
            format_one: None,
        },
    }
}

//! The scenario library: the built-in scenarios and any folder given with
//! `--scenarios DIR`. A file that does not load is listed with its first error.

use std::path::Path;

use crate::i18n::{Lang, diagnostics};
use crate::scenario::{self, Scenario, builtin};

#[derive(Debug, Clone)]
pub struct Entry {
    /// Where it came from: `scenarios/x.toml` or the file path.
    pub source: String,
    /// The file's exact bytes: the store keeps them with each attempt.
    pub bytes: Vec<u8>,
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
            let bytes = text.as_bytes().to_vec();
            Entry {
                source,
                bytes,
                loaded,
            }
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
            let loaded = scenario::load_bytes(&source, &bytes).map_err(|d| first_error(lang, &d));
            Entry {
                source,
                bytes,
                loaded,
            }
        }
        Err(e) => Entry {
            source: source.clone(),
            bytes: Vec::new(),
            loaded: Err(format!("{source}: {e}")),
        },
    }
}

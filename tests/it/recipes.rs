//! The recipes hold (CONTRIBUTING.md): every variant of every enum that names a
//! scenario key, an action, a rejection, a mistake code or a diagnostic has its
//! catalogue keys in both languages and its entry in the document that lists such
//! names, and every action costs in docs/engine.md what `ActionKind` says. The
//! variants come from the enums themselves (`ALL`), so a new variant is checked
//! the moment it exists; what is listed by hand here is only which enum is named
//! where.

use std::collections::BTreeMap;

use motcua_core::scenario::{
    ActionKind, Attr, Channel, Condition, CopyKind, Deduction, DiagCode, Difficulty, EventKind,
    FlawKind, FlawResponse, LegalForm, Level, Party, ResultChannel, Role, RuleSet, ServiceLevel,
    Stage, StepKind,
};
use motcua_core::score::MistakeCode;
use motcua_core::score::references::Citation;
use motcua_core::session::RejectionCode;
use motcua_i18n::{self as i18n, Lang};

const AUTHORING: &str = include_str!("../../docs/scenario-authoring.md");
const ENGINE: &str = include_str!("../../docs/engine.md");

/// `(variant, key)` of every variant of a `keyed_enum!`, in declaration order.
macro_rules! variants {
    ($t:ty) => {
        <$t>::ALL
            .iter()
            .map(|v| (format!("{}::{v:?}", stringify!($t)), v.key()))
            .collect::<Vec<(String, &'static str)>>()
    };
}

/// Problems found, each naming the variant, so a failure says what to add where.
#[derive(Default)]
struct Missing(Vec<String>);

impl Missing {
    /// `pattern` with `{}` for the key, e.g. `mistake.{}.title`: in both catalogues.
    fn catalogue(&mut self, variants: &[(String, &str)], pattern: &str) {
        for (variant, key) in variants {
            let entry = pattern.replace("{}", key);
            for lang in [Lang::Vi, Lang::En] {
                if !i18n::has_key(lang, &entry) {
                    self.0.push(format!(
                        "{variant}: no `{entry}` in locales/{}/*.toml",
                        lang.code()
                    ));
                }
            }
        }
    }

    /// The key written as code (`` `key` `` or, a string that reads as a number,
    /// `` `"key"` ``) in both halves (Vietnamese, English) of `doc`.
    fn named_in(&mut self, variants: &[(String, &str)], doc: &Doc) {
        for (variant, key) in variants {
            for (half, text) in [("Vietnamese", doc.vi), ("English", doc.en)] {
                let written = |form: String| text.contains(&form);
                if !written(format!("`{key}`")) && !written(format!("`\"{key}\"`")) {
                    self.0.push(format!(
                        "{variant}: `{key}` not in the {half} half of {}",
                        doc.path
                    ));
                }
            }
        }
    }

    /// A row `| \`key\` | ...` in the table under `heading` of docs/engine.md.
    fn row_in(
        &mut self,
        variants: &[(String, &str)],
        heading: &str,
    ) -> BTreeMap<String, Vec<String>> {
        let rows = table(ENGINE, heading);
        for (variant, key) in variants {
            if !rows.contains_key(*key) {
                self.0.push(format!(
                    "{variant}: no row `{key}` in docs/engine.md, \"{heading}\""
                ));
            }
        }
        rows
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "{} recipe step(s) missing:\n  {}",
            self.0.len(),
            self.0.join("\n  ")
        );
    }
}

/// A bilingual document: its Vietnamese half, then its English half.
struct Doc {
    path: &'static str,
    vi: &'static str,
    en: &'static str,
}

/// docs/scenario-authoring.md up to the annotated example, in its two halves.
fn authoring() -> Doc {
    let en_at = AUTHORING
        .find("\n## English")
        .expect("the guide has an English half");
    let end = AUTHORING[en_at..]
        .find("\n## Ví dụ")
        .map_or(AUTHORING.len(), |i| en_at + i);
    Doc {
        path: "docs/scenario-authoring.md",
        vi: &AUTHORING[..en_at],
        en: &AUTHORING[en_at..end],
    }
}

/// The rows of the table under `heading` (up to the next heading): the first cell's
/// backticked key → the cells. `\|` inside a cell does not split it.
fn table(doc: &str, heading: &str) -> BTreeMap<String, Vec<String>> {
    let start = doc
        .find(heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let body = &doc[start + heading.len()..];
    let body = &body[..body.find("\n#").unwrap_or(body.len())];
    body.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .replace("\\|", "\u{1}")
                .split('|')
                .map(|c| c.trim().replace('\u{1}', "|"))
                .collect();
            (cells[1].trim_matches('`').to_string(), cells)
        })
        .collect()
}

#[test]
fn every_scenario_key_has_its_labels_and_its_place_in_the_authoring_guide() {
    let guide = authoring();
    let mut missing = Missing::default();
    // Named in the guide, with labels the screens show.
    missing.named_in(&variants!(FlawKind), &guide);
    missing.catalogue(&variants!(FlawKind), "tui.problem.{}");
    missing.named_in(&variants!(Party), &guide);
    missing.catalogue(&variants!(Party), "tui.party.{}");
    missing.named_in(&variants!(Attr), &guide);
    missing.catalogue(&variants!(Attr), "tui.attr.{}");
    missing.named_in(&variants!(Channel), &guide);
    missing.catalogue(&variants!(Channel), "tui.channel.{}");
    missing.catalogue(&variants!(Channel), "tui.channel_short.{}");
    missing.named_in(&variants!(ResultChannel), &guide);
    missing.catalogue(&variants!(ResultChannel), "tui.result.{}");
    missing.named_in(&variants!(EventKind), &guide);
    missing.catalogue(&variants!(EventKind), "tui.event.scripted.{}");
    missing.named_in(&variants!(Role), &guide);
    missing.catalogue(&variants!(Role), "tui.role.{}");
    missing.named_in(&variants!(Difficulty), &guide);
    missing.catalogue(&variants!(Difficulty), "tui.level.{}");
    missing.named_in(&variants!(StepKind), &guide);
    missing.catalogue(&variants!(StepKind), "step.{}");
    missing.named_in(&variants!(Deduction), &guide);
    missing.catalogue(&variants!(Deduction), "mistake.{}.title");
    // Named in the guide; the screens do not show them by name.
    for keys in [
        variants!(Stage),
        variants!(Level),
        variants!(Condition),
        variants!(LegalForm),
        variants!(RuleSet),
        variants!(ServiceLevel),
        variants!(CopyKind),
        variants!(FlawResponse),
    ] {
        missing.named_in(&keys, &guide);
    }
    // `[costs]` takes every action that has a default cost.
    let costed: Vec<(String, &str)> = variants!(ActionKind)
        .into_iter()
        .filter(|(_, key)| ActionKind::cost_keys().contains(key))
        .collect();
    missing.named_in(&costed, &guide);
    missing.assert_none();
}

#[test]
fn every_action_has_its_label_and_its_documented_cost() {
    let mut missing = Missing::default();
    let actions = variants!(ActionKind);
    missing.catalogue(&actions, "action.{}");
    let rows = missing.row_in(&actions, "### Thao tác / Actions");
    for kind in ActionKind::ALL {
        let Some(cells) = rows.get(kind.key()) else {
            continue;
        };
        // | `action` | Keys | Minutes | Meaning (vi) | Meaning (en) |
        let documented = cells.get(3).map_or("", String::as_str);
        let built_in = kind
            .default_minutes()
            .map_or("—".to_string(), |m| m.to_string());
        if documented != built_in {
            missing.0.push(format!(
                "ActionKind::{kind:?}: docs/engine.md says {documented:?} minutes, \
                 ActionKind::default_minutes says {built_in:?}"
            ));
        }
    }
    missing.assert_none();
}

#[test]
fn every_mistake_code_has_its_words_and_its_row_in_the_engine_doc() {
    let mut missing = Missing::default();
    let codes = variants!(MistakeCode);
    for part in ["title", "right", "why"] {
        missing.catalogue(&codes, &format!("mistake.{{}}.{part}"));
    }
    missing.row_in(&codes, "### Mã lỗi / Mistake codes");
    missing.assert_none();
}

#[test]
fn every_rejection_has_its_words_and_its_row_in_the_engine_doc() {
    let mut missing = Missing::default();
    let codes = variants!(RejectionCode);
    missing.catalogue(&codes, "rejection.{}");
    missing.row_in(&codes, "### Mã từ chối thao tác / Rejection codes");
    missing.assert_none();
}

#[test]
fn every_citation_and_diagnostic_has_its_words() {
    let mut missing = Missing::default();
    missing.catalogue(&variants!(Citation), "reference.{}");
    let diags = variants!(DiagCode);
    missing.catalogue(&diags, "diag.{}.message");
    missing.catalogue(&diags, "diag.{}.hint");
    // The guide's table of diagnostic codes: `| E001 | ...`.
    for (variant, key) in &diags {
        if !AUTHORING.contains(&format!("| {key} |")) {
            missing.0.push(format!(
                "{variant}: no row `| {key} |` in docs/scenario-authoring.md, \"Diagnostic codes\""
            ));
        }
    }
    missing.assert_none();
}

/// The recipe test is only as good as its power to fail: a key that is nowhere, a
/// row that is not there and a wrong cost are each reported with the variant.
#[test]
fn the_checks_name_what_is_missing() {
    let ghost = vec![("Ghost::Variant".to_string(), "no-such-key")];
    let mut missing = Missing::default();
    missing.catalogue(&ghost, "mistake.{}.title");
    missing.named_in(&ghost, &authoring());
    missing.row_in(&ghost, "### Mã lỗi / Mistake codes");
    assert_eq!(missing.0.len(), 5, "{:?}", missing.0);
    assert!(missing.0.iter().all(|m| m.starts_with("Ghost::Variant: ")));
    let rows = table(ENGINE, "### Thao tác / Actions");
    assert_eq!(
        rows["appraise"][3], "20",
        "the minutes column is the fourth cell"
    );
    assert_eq!(rows["wait"][3], "—");
}

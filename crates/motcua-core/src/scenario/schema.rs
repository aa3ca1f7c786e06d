//! Which keys each table of a scenario file may hold, of which type, and which are required.
//!
//! The structure check (`structure.rs`) walks the parsed file against these tables;
//! `raw.rs` has one serde struct per table with the same keys (a test keeps them equal).
//! docs/scenario-authoring.md documents every key listed here.

/// The type a key's value must have.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Str,
    Int,
    /// Integer or float.
    Number,
    Bool,
    /// Any TOML date-time; what kind of date-time is checked later.
    Datetime,
    StrList,
    /// Array of dates without time (`2026-04-27`).
    DateList,
    Table(&'static Table),
    /// `[[name]]` tables (or an array of inline tables).
    TableList(&'static Table),
    /// Free keys (labels), string values.
    StrMap,
    /// Free keys, number values.
    NumMap,
    /// Keys from a fixed list, integer values.
    IntMapOf(fn() -> Vec<&'static str>),
    /// An integer, or a table of the given shape.
    IntOrTable(&'static Table),
}

impl Kind {
    /// Catalogue key naming this type, for "expected ..." in E004.
    pub(crate) fn type_key(self) -> &'static str {
        match self {
            Kind::Str => "@diag.type.string",
            Kind::Int => "@diag.type.integer",
            Kind::Number => "@diag.type.number",
            Kind::Bool => "@diag.type.boolean",
            Kind::Datetime => "@diag.type.datetime",
            Kind::StrList => "@diag.type.string_list",
            Kind::DateList => "@diag.type.date_list",
            Kind::Table(_) => "@diag.type.table",
            Kind::TableList(_) => "@diag.type.table_list",
            Kind::StrMap => "@diag.type.string_map",
            Kind::NumMap => "@diag.type.number_map",
            Kind::IntMapOf(_) => "@diag.type.integer_map",
            Kind::IntOrTable(_) => "@diag.type.integer_or_table",
        }
    }
}

#[derive(Debug)]
pub(crate) struct Key {
    pub name: &'static str,
    pub kind: Kind,
    /// Missing → E005. Lists that must be non-empty are checked later (E028).
    pub required: bool,
}

/// One table of the format. `label` is how diagnostics name it.
#[derive(Debug)]
pub(crate) struct Table {
    pub label: &'static str,
    pub keys: &'static [Key],
}

impl Table {
    pub(crate) fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> {
        self.keys.iter().map(|k| k.name)
    }
}

const fn req(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: false,
    }
}

use super::model::{ActionKind, Deduction, StepKind};

pub(crate) static ROOT: Table = Table {
    label: "@diag.table.root",
    keys: &[
        req("format", Kind::Int),
        req("scenario", Kind::Table(&SCENARIO)),
        opt("office", Kind::Table(&OFFICE)),
        opt("calendar", Kind::Table(&CALENDAR)),
        opt("costs", Kind::IntMapOf(ActionKind::cost_keys)),
        opt("procedure", Kind::TableList(&PROCEDURE)),
        req("dossiers", Kind::Table(&DOSSIERS)),
        opt("event", Kind::TableList(&EVENT)),
        opt("scoring", Kind::Table(&SCORING)),
    ],
};

pub(crate) static SCENARIO: Table = Table {
    label: "[scenario]",
    keys: &[
        req("id", Kind::Str),
        req("title", Kind::Str),
        opt("title_en", Kind::Str),
        req("difficulty", Kind::Str),
        req("role", Kind::Str),
        req("rules", Kind::Str),
        req("start", Kind::Datetime),
        req("working_days", Kind::Int),
        opt("seed", Kind::Int),
        opt("pass_score", Kind::Int),
        req("briefing", Kind::Str),
        opt("briefing_en", Kind::Str),
        opt("objectives", Kind::StrList),
        opt("objectives_en", Kind::StrList),
    ],
};

pub(crate) static OFFICE: Table = Table {
    label: "[office]",
    keys: &[
        opt("name", Kind::Str),
        opt("unit_code", Kind::Str),
        opt("province", Kind::Str),
        opt("district", Kind::Str),
        opt("commune", Kind::Str),
        opt("after_merger", Kind::Table(&AFTER_MERGER)),
        opt("hours", Kind::StrList),
        opt("same_day_cutoff", Kind::Str),
        opt("saturday_morning", Kind::Bool),
    ],
};

pub(crate) static AFTER_MERGER: Table = Table {
    label: "office.after_merger",
    keys: &[opt("commune", Kind::Str), req("province", Kind::Str)],
};

pub(crate) static CALENDAR: Table = Table {
    label: "[calendar]",
    keys: &[
        opt("holidays", Kind::DateList),
        opt("workdays", Kind::DateList),
    ],
};

pub(crate) static PROCEDURE: Table = Table {
    label: "[[procedure]]",
    keys: &[
        req("code", Kind::Str),
        req("name", Kind::Str),
        opt("name_en", Kind::Str),
        req("agency", Kind::Str),
        req("service", Kind::Str),
        req("deadline", Kind::Table(&DEADLINE)),
        opt("fee", Kind::Int),
        opt("fee_online", Kind::Int),
        opt("fee_per_page", Kind::Table(&PAGE_FEE)),
        opt("site_check", Kind::Table(&SITE_CHECK)),
        req("legal_basis", Kind::StrList),
        req("result", Kind::Str),
        opt("jurisdiction", Kind::Table(&JURISDICTION)),
        opt("party_labels", Kind::StrMap),
        opt("party_labels_en", Kind::StrMap),
        opt("legal_form", Kind::Str),
        opt("component", Kind::TableList(&COMPONENT)),
        opt("flaw", Kind::TableList(&FLAW)),
    ],
};

pub(crate) static JURISDICTION: Table = Table {
    label: "procedure.jurisdiction",
    keys: &[
        req("by", Kind::StrList),
        opt("level", Kind::Str),
        opt("boundary_free", Kind::Bool),
    ],
};

pub(crate) static SITE_CHECK: Table = Table {
    label: "procedure.site_check",
    keys: &[req("min_days", Kind::Int), req("max_days", Kind::Int)],
};

pub(crate) static PAGE_FEE: Table = Table {
    label: "procedure.fee_per_page",
    keys: &[
        req("component", Kind::Str),
        opt("first_pages", Kind::Int),
        opt("first", Kind::Int),
        req("rest", Kind::Int),
        opt("max", Kind::Int),
    ],
};

pub(crate) static DEADLINE: Table = Table {
    label: "procedure.deadline",
    keys: &[
        opt("same_day", Kind::Bool),
        opt("working_days", Kind::Int),
        opt("working_hours", Kind::Int),
    ],
};

pub(crate) static COMPONENT: Table = Table {
    label: "[[procedure.component]]",
    keys: &[
        req("id", Kind::Str),
        req("name", Kind::Str),
        opt("copy", Kind::Str),
        opt("required", Kind::Bool),
        opt("required_if", Kind::Table(&REQUIRED_IF)),
        opt("in_national_db", Kind::Bool),
        opt("fields", Kind::StrMap),
    ],
};

pub(crate) static REQUIRED_IF: Table = Table {
    label: "procedure.component.required_if",
    keys: &[req("party", Kind::Str), req("condition", Kind::Str)],
};

pub(crate) static FLAW: Table = Table {
    label: "[[procedure.flaw]]",
    keys: &[
        req("id", Kind::Str),
        req("kind", Kind::Str),
        opt("component", Kind::Str),
        opt("field", Kind::Str),
        req("response", Kind::Str),
        opt("stage", Kind::Str),
        opt("min_age", Kind::IntOrTable(&MIN_AGE)),
        req("reference", Kind::Str),
        req("explain", Kind::Str),
        opt("explain_en", Kind::Str),
        opt("weight", Kind::Int),
    ],
};

pub(crate) static MIN_AGE: Table = Table {
    label: "procedure.flaw.min_age",
    keys: &[req("male", Kind::Int), req("female", Kind::Int)],
};

pub(crate) static DOSSIERS: Table = Table {
    label: "[dossiers]",
    keys: &[
        req("count", Kind::Int),
        opt("flaw_rate", Kind::Number),
        opt("channels", Kind::Table(&CHANNELS)),
        opt("result_by_post", Kind::Number),
        opt("mix", Kind::NumMap),
        opt("scripted", Kind::TableList(&SCRIPTED)),
    ],
};

pub(crate) static CHANNELS: Table = Table {
    label: "dossiers.channels",
    keys: &[
        opt("online", Kind::Number),
        opt("counter", Kind::Number),
        opt("post", Kind::Number),
    ],
};

pub(crate) static SCRIPTED: Table = Table {
    label: "[[dossiers.scripted]]",
    keys: &[
        opt("id", Kind::Str),
        req("at", Kind::Str),
        req("procedure", Kind::Str),
        opt("channel", Kind::Str),
        opt("flaws", Kind::StrList),
        opt("other_commune", Kind::Bool),
        opt("result_channel", Kind::Str),
        opt("deadline", Kind::Table(&DEADLINE)),
        opt("verification_days", Kind::Int),
    ],
};

pub(crate) static EVENT: Table = Table {
    label: "[[event]]",
    keys: &[
        req("at", Kind::Str),
        req("kind", Kind::Str),
        opt("minutes", Kind::Int),
        opt("dossier", Kind::Str),
        opt("rules", Kind::Str),
        opt("message", Kind::Str),
        opt("message_en", Kind::Str),
    ],
};

pub(crate) static SCORING: Table = Table {
    label: "[scoring]",
    keys: &[
        opt("steps", Kind::IntMapOf(StepKind::keys)),
        opt("deductions", Kind::IntMapOf(Deduction::keys)),
        opt("weights", Kind::Table(&WEIGHTS)),
    ],
};

/// The retired group weights: still known, so E044 can say what to write instead.
pub(crate) static WEIGHTS: Table = Table {
    label: "scoring.weights",
    keys: &[
        opt("transparency", Kind::Number),
        opt("progress", Kind::Number),
        opt("digitization", Kind::Number),
        opt("online", Kind::Number),
        opt("satisfaction", Kind::Number),
    ],
};

#[cfg(test)]
mod tests {
    //! Every key of the format is documented: docs/scenario-authoring.md names
    //! each one (in backticks). The enum-valued keys, `[costs]`, `[scoring]` and the
    //! diagnostic codes are checked by tests/it/recipes.rs.

    use super::*;

    const GUIDE: &str = include_str!("../../../../docs/scenario-authoring.md");

    fn tables() -> Vec<&'static Table> {
        let mut out = Vec::new();
        let mut todo = vec![&ROOT];
        while let Some(t) = todo.pop() {
            out.push(t);
            for key in t.keys {
                match key.kind {
                    Kind::Table(s) | Kind::TableList(s) | Kind::IntOrTable(s) => todo.push(s),
                    Kind::Str
                    | Kind::Int
                    | Kind::Number
                    | Kind::Bool
                    | Kind::Datetime
                    | Kind::StrList
                    | Kind::DateList
                    | Kind::StrMap
                    | Kind::NumMap
                    | Kind::IntMapOf(_) => {}
                }
            }
        }
        out
    }

    /// Written as code in the guide: `name`, `[name]`, `[[parent.name]]`, or `{ name = ... }`.
    fn documented(name: &str) -> bool {
        [
            format!("`{name}`"),
            format!("`[{name}]`"),
            format!("`[[{name}]]`"),
            format!(".{name}]]`"),
            format!("{{ {name} = "),
            format!(", {name} = "),
        ]
        .iter()
        .any(|form| GUIDE.contains(form.as_str()))
    }

    #[test]
    fn the_authoring_guide_names_every_key() {
        let mut missing = Vec::new();
        for table in tables() {
            for key in table.keys {
                if !documented(key.name) {
                    missing.push(format!("{}.{}", table.label, key.name));
                }
            }
        }
        assert!(missing.is_empty(), "undocumented keys: {missing:?}");
    }
}

//! Raw serde structs with spans: the file as written, after the structure check.
//!
//! Every field is optional here; `structure.rs` has already reported missing
//! required keys (E005) and wrong types (E004) and removed them, so each section
//! and each `[[...]]` element deserializes on its own and a gap is just `None`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::value::Datetime;

use super::diagnostic::DiagCode;
use super::report::Report;

pub(crate) type S<T> = Spanned<T>;
pub(crate) type Str = Option<S<String>>;
pub(crate) type Int = Option<S<i64>>;
pub(crate) type Num = Option<S<f64>>;
pub(crate) type StrList = Option<S<Vec<S<String>>>>;

/// The whole file. `*_at` are byte offsets used when a table or list is absent.
#[derive(Debug, Default)]
pub(crate) struct RawFile {
    pub format: Int,
    pub scenario: Option<S<RawMeta>>,
    pub office: Option<S<RawOffice>>,
    pub calendar: Option<S<RawCalendar>>,
    pub costs: Option<S<BTreeMap<S<String>, S<i64>>>>,
    pub procedures: Vec<S<RawProcedure>>,
    /// Where `[[procedure]]` starts, if written at all.
    pub procedures_at: Option<usize>,
    pub dossiers: Option<S<RawDossiers>>,
    pub events: Vec<S<RawEvent>>,
    pub scoring: Option<S<RawScoring>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub id: Str,
    pub title: Str,
    pub title_en: Str,
    pub difficulty: Str,
    pub role: Str,
    pub rules: Str,
    pub start: Option<S<Datetime>>,
    pub working_days: Int,
    pub seed: Int,
    pub pass_score: Int,
    pub briefing: Str,
    pub briefing_en: Str,
    pub objectives: StrList,
    pub objectives_en: StrList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOffice {
    pub name: Str,
    pub unit_code: Str,
    pub province: Str,
    pub district: Str,
    pub commune: Str,
    pub after_merger: Option<S<RawArea>>,
    pub hours: StrList,
    pub same_day_cutoff: Str,
    pub saturday_morning: Option<S<bool>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArea {
    pub commune: Str,
    pub province: Str,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendar {
    pub holidays: Option<S<Vec<S<Datetime>>>>,
    pub workdays: Option<S<Vec<S<Datetime>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProcedure {
    pub code: Str,
    pub name: Str,
    pub name_en: Str,
    pub agency: Str,
    pub service: Str,
    pub deadline: Option<S<RawDeadline>>,
    pub fee: Int,
    pub fee_online: Int,
    pub fee_per_page: Option<S<RawPageFee>>,
    pub site_check: Option<S<RawSiteCheck>>,
    pub legal_basis: StrList,
    pub result: Str,
    pub jurisdiction: Option<S<RawJurisdiction>>,
    pub party_labels: Option<S<BTreeMap<S<String>, S<String>>>>,
    pub party_labels_en: Option<S<BTreeMap<S<String>, S<String>>>>,
    pub legal_form: Str,
    pub component: Option<S<Vec<S<RawComponent>>>>,
    pub flaw: Option<S<Vec<S<RawFlaw>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawJurisdiction {
    pub by: StrList,
    pub level: Str,
    pub boundary_free: Option<S<bool>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSiteCheck {
    pub min_days: Int,
    pub max_days: Int,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPageFee {
    pub component: Str,
    pub first_pages: Int,
    pub first: Int,
    pub rest: Int,
    pub max: Int,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeadline {
    pub same_day: Option<S<bool>>,
    pub working_days: Int,
    pub working_hours: Int,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawComponent {
    pub id: Str,
    pub name: Str,
    pub copy: Str,
    pub required: Option<S<bool>>,
    pub required_if: Option<S<RawRequiredIf>>,
    pub in_national_db: Option<S<bool>>,
    /// Label → `party.attribute`; file order is recovered from the key spans.
    pub fields: Option<S<BTreeMap<S<String>, S<String>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRequiredIf {
    pub party: Str,
    pub condition: Str,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFlaw {
    pub id: Str,
    pub kind: Str,
    pub component: Str,
    pub field: Str,
    pub response: Str,
    pub stage: Str,
    /// An integer (both sexes) or `{ male = .., female = .. }`.
    pub min_age: Option<S<RawMinAge>>,
    pub reference: Str,
    pub explain: Str,
    pub explain_en: Str,
    pub weight: Int,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawMinAge {
    Both(i64),
    /// Either sex may be missing here; E005 was reported for it.
    Split {
        male: Option<i64>,
        female: Option<i64>,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDossiers {
    pub count: Int,
    pub flaw_rate: Num,
    pub channels: Option<S<RawChannels>>,
    pub result_by_post: Num,
    pub mix: Option<S<BTreeMap<S<String>, S<f64>>>>,
    pub scripted: Option<S<Vec<S<RawScripted>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChannels {
    pub online: Num,
    pub counter: Num,
    pub post: Num,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScripted {
    pub id: Str,
    pub at: Str,
    pub procedure: Str,
    pub channel: Str,
    pub flaws: StrList,
    pub other_commune: Option<S<bool>>,
    pub result_channel: Str,
    pub deadline: Option<S<RawDeadline>>,
    pub verification_days: Int,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub at: Str,
    pub kind: Str,
    pub minutes: Int,
    pub dossier: Str,
    pub rules: Str,
    pub message: Str,
    pub message_en: Str,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScoring {
    pub steps: Option<S<BTreeMap<S<String>, S<i64>>>>,
    pub deductions: Option<S<BTreeMap<S<String>, S<i64>>>>,
    /// Retired: the five QĐ 766 groups are no rubric of a trainee (E044).
    pub weights: Option<S<RawWeights>>,
}

/// The retired `[scoring] weights`, read only to name it in E044.
#[allow(dead_code)]
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWeights {
    pub transparency: Num,
    pub progress: Num,
    pub digitization: Num,
    pub online: Num,
    pub satisfaction: Num,
}

/// Deserialize each section, and each `[[procedure]]` / `[[event]]` element, on its own.
pub(crate) fn from_tree(report: &mut Report, root: DeTable) -> RawFile {
    let mut file = RawFile::default();
    for (key, value) in root {
        let at = value.span().start;
        match key.get_ref().as_ref() {
            "format" => file.format = section(report, "format", value),
            "scenario" => file.scenario = section(report, "scenario", value),
            "office" => file.office = section(report, "office", value),
            "calendar" => file.calendar = section(report, "calendar", value),
            "costs" => file.costs = section(report, "costs", value),
            "dossiers" => file.dossiers = section(report, "dossiers", value),
            "scoring" => file.scoring = section(report, "scoring", value),
            "procedure" => {
                file.procedures_at = Some(at);
                file.procedures = elements(report, "procedure", value);
            }
            "event" => file.events = elements(report, "event", value),
            // Unknown keys were reported and removed by the structure check.
            _ => {}
        }
    }
    file
}

fn section<'de, T: Deserialize<'de>>(
    report: &mut Report,
    name: &str,
    value: Spanned<DeValue<'de>>,
) -> Option<S<T>> {
    let span = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(Spanned::new(span, v)),
        Err(err) => {
            // Unreachable while schema.rs and these structs agree (a test checks it);
            // still a diagnostic rather than a panic.
            let at = err.span().map_or(span.start, |s| s.start);
            let args = vec![
                ("key", name.to_string()),
                ("expected", "@diag.type.table".to_string()),
                ("found", err.message().to_string()),
            ];
            report.push(at, DiagCode::WrongType, args);
            None
        }
    }
}

fn elements<'de, T: Deserialize<'de>>(
    report: &mut Report,
    name: &str,
    value: Spanned<DeValue<'de>>,
) -> Vec<S<T>> {
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter_map(|item| section(report, name, item))
            .collect(),
        DeValue::String(_)
        | DeValue::Integer(_)
        | DeValue::Float(_)
        | DeValue::Boolean(_)
        | DeValue::Datetime(_)
        | DeValue::Table(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    //! The serde structs and `schema.rs` must list the same keys: a key in the
    //! schema but not in a struct would be accepted and then silently lost.

    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};

    use super::*;
    use crate::scenario::schema::{self, Table};

    #[derive(Debug)]
    struct Stop;

    impl fmt::Display for Stop {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("stop")
        }
    }

    impl std::error::Error for Stop {}

    impl de::Error for Stop {
        fn custom<T: fmt::Display>(_: T) -> Self {
            Stop
        }
    }

    /// A deserializer that only records the field names a struct asks for.
    struct Capture<'a>(&'a mut Vec<&'static str>);

    impl<'de> Deserializer<'de> for Capture<'_> {
        type Error = Stop;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0.extend_from_slice(fields);
            Err(Stop)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    fn fields<T: Deserialize<'static>>() -> Vec<&'static str> {
        let mut names = Vec::new();
        let _ = T::deserialize(Capture(&mut names));
        names.sort_unstable();
        names
    }

    fn keys(table: &Table) -> Vec<&'static str> {
        let mut names: Vec<_> = table.names().collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_schema_table_matches_its_struct() {
        let pairs = [
            (&schema::SCENARIO, fields::<RawMeta>()),
            (&schema::OFFICE, fields::<RawOffice>()),
            (&schema::AFTER_MERGER, fields::<RawArea>()),
            (&schema::JURISDICTION, fields::<RawJurisdiction>()),
            (&schema::REQUIRED_IF, fields::<RawRequiredIf>()),
            (&schema::CALENDAR, fields::<RawCalendar>()),
            (&schema::PROCEDURE, fields::<RawProcedure>()),
            (&schema::DEADLINE, fields::<RawDeadline>()),
            (&schema::PAGE_FEE, fields::<RawPageFee>()),
            (&schema::COMPONENT, fields::<RawComponent>()),
            (&schema::FLAW, fields::<RawFlaw>()),
            (&schema::DOSSIERS, fields::<RawDossiers>()),
            (&schema::CHANNELS, fields::<RawChannels>()),
            (&schema::SCRIPTED, fields::<RawScripted>()),
            (&schema::EVENT, fields::<RawEvent>()),
            (&schema::SCORING, fields::<RawScoring>()),
            (&schema::WEIGHTS, fields::<RawWeights>()),
        ];
        for (table, struct_fields) in pairs {
            assert!(
                !struct_fields.is_empty(),
                "{}: no fields captured",
                table.label
            );
            assert_eq!(keys(table), struct_fields, "{}", table.label);
        }
    }
}

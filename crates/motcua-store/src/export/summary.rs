//! The instructor's report as a table of typed cells: per trainee and scenario, per
//! scenario, or per attempt. The CLI renders it as text or CSV in the user's language;
//! [`json`] gives the stable JSON.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Value, json};

use crate::store::progress::summarize;
use crate::store::{AttemptInfo, Status};
use motcua_core::score::Grade;

/// How many mistake codes the per-trainee and per-scenario rows list.
pub const ROW_MISTAKES: usize = 3;

/// What one row of the report stands for (`motcua report --by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One row per trainee and scenario.
    Trainee,
    /// One row per scenario, over all trainees.
    Scenario,
    /// One row per attempt.
    Attempt,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    Score(Option<f64>),
    Band(Option<Grade>),
    Flag(Option<bool>),
    Time(Option<DateTime<Utc>>),
    /// Mistake codes with their counts, most frequent first.
    Mistakes(Vec<(String, u32)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable column keys (JSON keys; `report.column.<key>` in the catalogue).
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Vietnam time, in which the report shows moments.
pub fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"))
}

pub fn table(view: View, attempts: &[AttemptInfo], curriculum: &[&str]) -> Table {
    match view {
        View::Trainee => by_trainee(attempts, curriculum),
        View::Scenario => by_scenario(attempts, curriculum),
        View::Attempt => by_attempt(attempts),
    }
}

fn top(mistakes: BTreeMap<String, u32>, n: usize) -> Vec<(String, u32)> {
    let mut list: Vec<(String, u32)> = mistakes.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(n);
    list
}

fn add_mistakes(into: &mut BTreeMap<String, u32>, a: &AttemptInfo) {
    if a.status == Status::Finished {
        for (code, n) in &a.mistakes {
            *into.entry(code.clone()).or_default() += n;
        }
    }
}

fn by_trainee(attempts: &[AttemptInfo], curriculum: &[&str]) -> Table {
    let mut per: BTreeMap<&str, Vec<AttemptInfo>> = BTreeMap::new();
    for a in attempts {
        per.entry(a.trainee.as_str()).or_default().push(a.clone());
    }
    let mut rows = Vec::new();
    for (trainee, list) in per {
        let progress = summarize(trainee, &list, curriculum);
        for s in progress.scenarios {
            let mut mistakes = BTreeMap::new();
            for a in list.iter().filter(|a| a.scenario == s.scenario) {
                add_mistakes(&mut mistakes, a);
            }
            rows.push(vec![
                Cell::Text(trainee.to_string()),
                Cell::Text(s.scenario.clone()),
                Cell::Count(s.attempts as u64),
                Cell::Count(s.finished as u64),
                Cell::Score(s.best.as_ref().map(|b| b.total)),
                Cell::Band(s.best.as_ref().map(|b| b.band)),
                Cell::Score(s.latest.as_ref().map(|b| b.total)),
                Cell::Band(s.latest.as_ref().map(|b| b.band)),
                Cell::Flag((s.finished > 0).then_some(s.passed_ever)),
                Cell::Time(Some(s.last_played)),
                Cell::Mistakes(top(mistakes, ROW_MISTAKES)),
            ]);
        }
    }
    Table {
        columns: vec![
            "trainee",
            "scenario",
            "attempts",
            "finished",
            "best",
            "best_band",
            "latest",
            "latest_band",
            "passed",
            "last_played",
            "mistakes",
        ],
        rows,
    }
}

fn by_scenario(attempts: &[AttemptInfo], curriculum: &[&str]) -> Table {
    let mut per: BTreeMap<&str, Vec<&AttemptInfo>> = BTreeMap::new();
    for a in attempts {
        per.entry(a.scenario.as_str()).or_default().push(a);
    }
    let rank = |id: &str| {
        curriculum
            .iter()
            .position(|c| *c == id)
            .unwrap_or(usize::MAX)
    };
    let mut ids: Vec<&str> = per.keys().copied().collect();
    ids.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    let mut rows = Vec::new();
    for id in ids {
        let list = &per[id];
        let trainees: BTreeSet<&str> = list.iter().map(|a| a.trainee.as_str()).collect();
        let finished: Vec<&&AttemptInfo> = list
            .iter()
            .filter(|a| a.status == Status::Finished && a.total.is_some())
            .collect();
        let mut best: BTreeMap<&str, f64> = BTreeMap::new();
        let mut passed: BTreeSet<&str> = BTreeSet::new();
        let mut mistakes = BTreeMap::new();
        for a in &finished {
            let total = a.total.unwrap_or_default();
            let e = best.entry(a.trainee.as_str()).or_insert(total);
            *e = e.max(total);
            if a.passed == Some(true) {
                passed.insert(a.trainee.as_str());
            }
            add_mistakes(&mut mistakes, a);
        }
        let average = (!best.is_empty()).then(|| {
            motcua_core::score::grade::round1(best.values().sum::<f64>() / best.len() as f64)
        });
        let top_score = best.values().copied().reduce(f64::max);
        rows.push(vec![
            Cell::Text(id.to_string()),
            Cell::Count(trainees.len() as u64),
            Cell::Count(list.len() as u64),
            Cell::Count(finished.len() as u64),
            Cell::Count(passed.len() as u64),
            Cell::Score(average),
            Cell::Score(top_score),
            Cell::Mistakes(top(mistakes, ROW_MISTAKES)),
        ]);
    }
    Table {
        columns: vec![
            "scenario",
            "trainees",
            "attempts",
            "finished",
            "passed_trainees",
            "average_best",
            "top_score",
            "mistakes",
        ],
        rows,
    }
}

fn by_attempt(attempts: &[AttemptInfo]) -> Table {
    let rows = attempts
        .iter()
        .map(|a| {
            vec![
                Cell::Count(a.id.0 as u64),
                Cell::Text(a.trainee.clone()),
                Cell::Text(a.scenario.clone()),
                Cell::Text(a.seed.to_string()),
                Cell::Text(a.mode.key().to_string()),
                Cell::Text(a.status.key().to_string()),
                Cell::Time(Some(a.started_at)),
                Cell::Time(a.ended_at),
                Cell::Count(a.actions),
                Cell::Score(a.total),
                Cell::Band(a.band),
                Cell::Flag(a.passed),
                Cell::Flag(Some(a.imported)),
                Cell::Text(a.engine_version.clone()),
                Cell::Count(u64::from(a.world_version)),
                Cell::Mistakes(top(a.mistakes.clone(), usize::MAX)),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "attempt",
            "trainee",
            "scenario",
            "seed",
            "mode",
            "status",
            "started_at",
            "ended_at",
            "actions",
            "total",
            "band",
            "passed",
            "imported",
            "engine_version",
            "world_version",
            "mistakes",
        ],
        rows,
    }
}

/// A moment as the report writes it in JSON: Vietnam time with its offset.
pub fn iso(t: DateTime<Utc>) -> String {
    t.with_timezone(&vietnam())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) => json!(s),
        Cell::Count(n) => json!(n),
        Cell::Score(s) => json!(s),
        Cell::Band(b) => json!(b.map(Grade::key)),
        Cell::Flag(f) => json!(f),
        Cell::Time(t) => json!(t.map(iso)),
        Cell::Mistakes(list) => Value::Array(
            list.iter()
                .map(|(code, count)| json!({ "code": code, "count": count }))
                .collect(),
        ),
    }
}

/// One row as a JSON object, keys in column order.
struct Row<'a>(&'a [&'static str], &'a [Cell]);

impl serde::Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, cell) in self.0.iter().zip(self.1) {
            map.serialize_entry(key, &value(cell))?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Doc<'a> {
    view: &'static str,
    rows: Vec<Row<'a>>,
}

/// `{"view": ..., "rows": [{column: value, ...}, ...]}`, keys in column order.
pub fn json(view: View, table: &Table) -> String {
    let doc = Doc {
        view: match view {
            View::Trainee => "trainee",
            View::Scenario => "scenario",
            View::Attempt => "attempt",
        },
        rows: table
            .rows
            .iter()
            .map(|row| Row(&table.columns, row))
            .collect(),
    };
    crate::sanitize::json::pretty(&doc)
}

//! `motcua class` as text tables or as one CSV for Excel: the same sections in the
//! same order (per trainee, per scenario, misconceptions, suspect, refused, roster).
//! On screen names come with their codes in brackets; the CSV keeps the codes.

use chrono::{DateTime, Utc};

use super::class_words::{flag, refusal};
use super::results::align;
use crate::present::labels;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::class::RosterEntry;
use motcua_store::class::attend::Ambiguous;
use motcua_store::class::tally::{ClassReport, MissKind};
use motcua_store::export::{csv as sheet, summary};
use motcua_store::sanitize;
use motcua_store::store::Mode;

/// How many dossiers a misconception lists on screen (the CSV and JSON list all).
const SHOWN_DOSSIERS: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Screen,
    Sheet,
}

struct Section {
    title: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric: Vec<bool>,
}

pub fn table(lang: Lang, report: &ClassReport) -> String {
    let mut out = String::new();
    for s in sections(lang, report, Target::Screen) {
        out.push_str(&format!("{}\n", s.title));
        if s.rows.is_empty() {
            out.push_str(&format!("  {}\n\n", t!(lang, "class.none")));
            continue;
        }
        let rows: Vec<Vec<String>> = s
            .rows
            .iter()
            .map(|r| r.iter().map(|c| sanitize::inline(c).into_owned()).collect())
            .collect();
        out.push_str(&align(&s.head, &rows, &s.numeric));
        out.push('\n');
    }
    out
}

/// One document: each section's title on a line of its own, its header, its rows,
/// then an empty line (Excel shows them one under the other).
pub fn csv(lang: Lang, report: &ClassReport) -> String {
    let mut out = String::from(sheet::BOM);
    for s in sections(lang, report, Target::Sheet) {
        for row in std::iter::once(vec![s.title]).chain([s.head]).chain(s.rows) {
            let line: Vec<String> = row.iter().map(|f| sheet::field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
    }
    out
}

fn head(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter()
        .map(|k| t!(lang, &format!("class.column.{k}")))
        .collect()
}

fn score(lang: Lang, x: Option<f64>) -> String {
    x.map_or_else(String::new, |x| labels::points(lang, x))
}

fn yes_no(lang: Lang, f: Option<bool>) -> String {
    match f {
        Some(true) => t!(lang, "report.yes"),
        Some(false) => t!(lang, "report.no"),
        None => String::new(),
    }
}

fn mode(lang: Lang, m: Mode) -> String {
    t!(lang, &format!("class.mode.{}", m.key()))
}

fn moment(t: DateTime<Utc>) -> String {
    t.with_timezone(&summary::vietnam())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn sections(lang: Lang, r: &ClassReport, target: Target) -> Vec<Section> {
    let mut out = vec![
        trainees(lang, r),
        scenarios(lang, r),
        misconceptions(lang, r, target),
    ];
    out.push(Section {
        title: t!(lang, "class.heading.suspects"),
        head: head(
            lang,
            &[
                "trainee",
                "scenario",
                "mode",
                "started_at",
                "flags",
                "origin",
            ],
        ),
        rows: r
            .suspects
            .iter()
            .map(|s| {
                let flags: Vec<String> = s.flags.iter().map(|f| flag(lang, f)).collect();
                let when = moment(s.started_at);
                vec![
                    label(&s.trainee, s.trainee_id.as_deref()),
                    s.scenario.clone(),
                    mode(lang, s.mode),
                    when,
                    flags.join("; "),
                    s.origin.clone(),
                ]
            })
            .collect(),
        numeric: vec![],
    });
    out.push(Section {
        title: t!(lang, "class.heading.refused"),
        head: head(
            lang,
            &[
                "trainee",
                "scenario",
                "mode",
                "started_at",
                "reason",
                "origin",
            ],
        ),
        rows: r
            .refused
            .iter()
            .map(|x| {
                let when = moment(x.started_at);
                vec![
                    label(&x.trainee, x.trainee_id.as_deref()),
                    x.scenario.clone(),
                    mode(lang, x.mode),
                    when,
                    refusal(lang, &x.refusal),
                    x.origin.clone(),
                ]
            })
            .collect(),
        numeric: vec![],
    });
    if let Some(missing) = &r.missing {
        out.push(Section {
            title: t!(lang, "class.heading.missing"),
            head: head(lang, &["name", "id", "line"]),
            rows: missing.iter().map(entry).collect(),
            numeric: vec![false, false, true],
        });
    }
    if let Some(extra) = &r.not_on_roster {
        out.push(Section {
            title: t!(lang, "class.heading.not_on_roster"),
            head: head(lang, &["name", "id"]),
            rows: extra
                .iter()
                .map(|w| vec![w.trainee.clone(), w.id.clone().unwrap_or_default()])
                .collect(),
            numeric: vec![],
        });
    }
    if let Some(ambiguous) = r.ambiguous.as_ref().filter(|a| !a.is_empty()) {
        out.push(Section {
            title: t!(lang, "class.heading.ambiguous"),
            head: head(lang, &["name", "attempts", "reason"]),
            rows: ambiguous.iter().map(|a| which(lang, a)).collect(),
            numeric: vec![false, true, false],
        });
    }
    out
}

/// `Nguyễn Văn An (HV02)`, or the name alone.
fn label(name: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{name} ({id})"),
        None => name.to_string(),
    }
}

/// An ambiguous attempt's row: who it may be, by their ids (or roster lines).
fn which(lang: Lang, a: &Ambiguous) -> Vec<String> {
    let ids: Vec<String> = a
        .candidates
        .iter()
        .map(|e| match &e.id {
            Some(id) => id.clone(),
            None => t!(lang, "class.roster_line", line = e.line),
        })
        .collect();
    vec![
        a.trainee.clone(),
        a.attempts.to_string(),
        t!(lang, "class.ambiguous", ids = ids.join(", ")),
    ]
}

fn entry(e: &RosterEntry) -> Vec<String> {
    vec![
        e.name.clone(),
        e.id.clone().unwrap_or_default(),
        e.line.to_string(),
    ]
}

/// The id column shows when any row has an id (a roster with ids, or attempts that
/// carry one).
fn trainees(lang: Lang, r: &ClassReport) -> Section {
    let ids = r.trainees.iter().any(|x| x.trainee_id.is_some());
    let keys = [
        "trainee",
        "id",
        "scenario",
        "mode",
        "attempts",
        "finished",
        "unfinished",
        "best",
        "latest",
        "submitted",
        "passed",
        "suspect",
        "refused",
    ];
    let mut section = Section {
        title: t!(lang, "class.heading.trainees"),
        head: head(lang, &keys),
        rows: r
            .trainees
            .iter()
            .map(|x| {
                vec![
                    x.trainee.clone(),
                    x.trainee_id.clone().unwrap_or_default(),
                    x.scenario.clone(),
                    mode(lang, x.mode),
                    x.attempts.to_string(),
                    x.finished.to_string(),
                    x.unfinished.to_string(),
                    score(lang, x.best),
                    score(lang, x.latest),
                    score(lang, x.submitted),
                    yes_no(lang, x.passed),
                    x.suspect.to_string(),
                    x.refused.to_string(),
                ]
            })
            .collect(),
        numeric: [false, false, false, false]
            .into_iter()
            .chain([true; 6])
            .chain([false, true, true])
            .collect(),
    };
    if !ids {
        // Column 1, the id: none to show.
        section.head.remove(1);
        section.numeric.remove(1);
        for row in &mut section.rows {
            row.remove(1);
        }
    }
    section
}

fn scenarios(lang: Lang, r: &ClassReport) -> Section {
    let keys = [
        "scenario",
        "mode",
        "trainees",
        "mean",
        "spread",
        "passed_count",
        "pass_rate",
    ];
    Section {
        title: t!(lang, "class.heading.scenarios"),
        head: head(lang, &keys),
        rows: r
            .scenarios
            .iter()
            .map(|x| {
                vec![
                    x.scenario.clone(),
                    mode(lang, x.mode),
                    x.trainees.to_string(),
                    score(lang, x.mean),
                    score(lang, x.spread),
                    x.passed.to_string(),
                    x.pass_rate
                        .map_or_else(String::new, |p| labels::percent(lang, p)),
                ]
            })
            .collect(),
        numeric: vec![false, false, true, true, true, true, true],
    }
}

fn misconceptions(lang: Lang, r: &ClassReport, target: Target) -> Section {
    Section {
        title: t!(lang, "class.heading.misconceptions"),
        head: head(
            lang,
            &["kind", "code", "trainee_count", "times", "dossiers"],
        ),
        rows: r
            .misconceptions
            .iter()
            .map(|m| {
                let name = match (m.kind, target) {
                    (MissKind::Mistake, Target::Screen) => labels::mistake_with_code(lang, &m.code),
                    _ => m.code.clone(),
                };
                let mut dossiers = m.dossiers.clone();
                if target == Target::Screen && dossiers.len() > SHOWN_DOSSIERS {
                    let more = dossiers.len() - SHOWN_DOSSIERS;
                    dossiers.truncate(SHOWN_DOSSIERS);
                    dossiers.push(t!(lang, "class.more", count = more));
                }
                let kind = t!(lang, &format!("class.kind.{}", kind_key(m.kind)));
                vec![
                    kind,
                    name,
                    m.trainees.to_string(),
                    m.times.to_string(),
                    dossiers.join(" "),
                ]
            })
            .collect(),
        numeric: vec![false, false, true, true, false],
    }
}

fn kind_key(k: MissKind) -> &'static str {
    match k {
        MissKind::Mistake => "mistake",
        MissKind::Flaw => "flaw",
    }
}

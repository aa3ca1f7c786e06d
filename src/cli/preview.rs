//! `motcua preview SCENARIO [--seed N] [--json]`: the dossiers a seed generates.
//!
//! The text listing is for an instructor, in the user's language. `--json` is the
//! stable shape documented in docs/generator.md: `{"scenario", "seed", "dossiers"}`,
//! object keys in a fixed order, byte-identical for the same scenario and seed.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{CliError, exit, resolve};
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::{Dossier, Gender, Origin, Plan, Value, generate};
use motcua_core::scenario::{Attr, CopyKind, FieldRef, Party, Scenario};
use motcua_i18n::Lang;
use motcua_i18n::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub target: resolve::Target,
    /// Print JSON instead of the listing.
    #[arg(long)]
    pub json: bool,
    /// Only this dossier (its code), drawn alone: it reads the same as in the full preview.
    #[arg(long, value_name = "CODE")]
    pub dossier: Option<String>,
}

pub fn run(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (scenario, seed) = args.target.load(lang)?;
    let calendar = WorkCalendar::for_scenario(&scenario);
    let dossiers = match &args.dossier {
        None => generate(&scenario, &calendar, seed),
        Some(code) => {
            let plan = Plan::new(&scenario, &calendar, seed);
            let one = plan.position(code).and_then(|i| plan.draw(&scenario, i));
            let Some(d) = one else {
                let value = code.clone();
                return Err(CliError::BadArgument {
                    name: "--dossier",
                    value,
                });
            };
            vec![d]
        }
    };
    let out = if args.json {
        render_json(&scenario, seed, &dossiers)
    } else {
        render_text(&scenario, seed, &dossiers, lang)
    };
    super::output::print(&out)?;
    Ok(exit::done())
}

/// The instructor's listing: code, time, channel, procedure, applicant, the result
/// channel asked for, planted flaws.
pub fn render_text(scenario: &Scenario, seed: u64, dossiers: &[Dossier], lang: Lang) -> String {
    let mut out = t!(
        lang,
        "preview.header",
        scenario = scenario.meta.id,
        seed = seed,
        count = dossiers.len()
    );
    out.push('\n');
    for d in dossiers {
        let procedure = scenario.procedure(&d.procedure);
        let name = procedure.map_or(d.procedure.to_string(), |p| match (lang, &p.name_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => p.name.clone(),
        });
        out.push('\n');
        out.push_str(&format!(
            "{}  {}  {}  {} ({})\n",
            d.code,
            d.submitted_at.format("%d/%m/%Y %H:%M"),
            t!(lang, &format!("preview.channel.{}", d.channel.key())),
            name,
            d.procedure
        ));
        let applicant = FieldRef {
            party: Party::Applicant,
            attr: Attr::Name,
        };
        if let Some(applicant) = d.declared(applicant) {
            out.push_str("    ");
            out.push_str(&t!(lang, "preview.applicant", name = applicant));
            out.push('\n');
        }
        let result = t!(
            lang,
            &format!("preview.result_channel.{}", d.result_channel.key())
        );
        out.push_str("    ");
        out.push_str(&t!(lang, "preview.result", channel = result));
        out.push('\n');
        if let Some(id) = &d.scripted_id {
            out.push_str("    ");
            out.push_str(&t!(lang, "preview.scripted", id = id));
            out.push('\n');
        }
        out.push_str("    ");
        if d.truth.flaws.is_empty() {
            out.push_str(&t!(lang, "preview.no_flaws"));
        } else {
            out.push_str(&t!(lang, "preview.flaws", flaws = d.truth.flaws.join(", ")));
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct PreviewJson<'a> {
    scenario: &'a str,
    seed: u64,
    dossiers: Vec<DossierJson>,
}

#[derive(Serialize)]
struct DossierJson {
    code: String,
    procedure: String,
    channel: &'static str,
    result_channel: &'static str,
    submitted_at: String,
    scripted_id: Option<String>,
    parties: BTreeMap<&'static str, BTreeMap<&'static str, Json>>,
    components: Vec<ComponentJson>,
    truth: TruthJson,
}

#[derive(Serialize)]
struct ComponentJson {
    id: String,
    copy: &'static str,
    origin: &'static str,
    pages: u32,
    legible: bool,
    signed: bool,
    fields: Vec<FieldJson>,
}

#[derive(Serialize)]
struct FieldJson {
    label: String,
    source: String,
    value: Json,
}

#[derive(Serialize)]
struct TruthJson {
    flaws: Vec<String>,
    citizen_reply_minutes: Option<u32>,
    specialist_minutes: u32,
}

/// `{"scenario": id, "seed": n, "dossiers": [...]}` followed by a newline.
pub fn render_json(scenario: &Scenario, seed: u64, dossiers: &[Dossier]) -> String {
    let doc = PreviewJson {
        scenario: &scenario.meta.id,
        seed,
        dossiers: dossiers.iter().map(dossier_json).collect(),
    };
    motcua_store::sanitize::json::pretty(&doc)
}

fn dossier_json(d: &Dossier) -> DossierJson {
    DossierJson {
        code: d.code.clone(),
        procedure: d.procedure.to_string(),
        channel: d.channel.key(),
        result_channel: d.result_channel.key(),
        submitted_at: d.submitted_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        scripted_id: d.scripted_id.clone(),
        parties: d
            .parties
            .iter()
            .map(|(party, data)| {
                let values = data
                    .values
                    .iter()
                    .map(|(attr, v)| (attr.key(), value_json(v)))
                    .collect();
                (party.key(), values)
            })
            .collect(),
        components: d
            .components
            .iter()
            .map(|c| ComponentJson {
                id: c.id.to_string(),
                copy: copy_key(c.copy),
                origin: match c.origin {
                    Origin::Upload => "upload",
                    Origin::Paper => "paper",
                    Origin::NationalDb => "national-db",
                },
                pages: c.pages,
                legible: c.legible,
                signed: c.signed,
                fields: c
                    .fields
                    .iter()
                    .map(|f| FieldJson {
                        label: f.label.to_string(),
                        source: f.source.to_string(),
                        value: value_json(&f.value),
                    })
                    .collect(),
            })
            .collect(),
        truth: TruthJson {
            flaws: d.truth.flaws.clone(),
            citizen_reply_minutes: d.truth.citizen_reply_minutes,
            specialist_minutes: d.truth.specialist_minutes,
        },
    }
}

fn copy_key(c: CopyKind) -> &'static str {
    match c {
        CopyKind::BanChinh => "ban-chinh",
        CopyKind::BanSao => "ban-sao",
        CopyKind::BanDienTu => "ban-dien-tu",
    }
}

/// Text as a string, dates `YYYY-MM-DD`, money in đồng as a number, gender
/// `male`/`female`, addresses as an object with their parts and the written form.
fn value_json(v: &Value) -> Json {
    match v {
        Value::Text(s) => json!(s),
        Value::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
        Value::Money(m) => json!(m),
        Value::Gender(g) => json!(match g {
            Gender::Male => "male",
            Gender::Female => "female",
        }),
        Value::Address(a) => json!({
            "house": a.house,
            "street": a.street,
            "commune": a.commune,
            "district": a.district,
            "province": a.province,
            "text": a.to_string(),
        }),
    }
}

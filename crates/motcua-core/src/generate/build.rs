//! One dossier from its plan: cast, declared data, submitted components, truth.

use chrono::NaiveDateTime;

use crate::scenario::{
    Channel, Component, CopyKind, Flaw, FlawKind, Procedure, ResultChannel, Stage,
};

use super::address::Atlas;
use super::area::needed_in;
use super::cast::Cast;
use super::dossier::{Dossier, FieldValue, Origin, Parties, SubmittedComponent, Truth, Value};
use super::flaws;
use super::people::World;
use super::placement::{self, Route};
use super::render;
use super::rng::SimRng;

/// Share of optional components a citizen hands in unasked.
const OPTIONAL_SHARE: f64 = 0.5;
/// Share of supplement requests the citizen never answers (provisional NPC behaviour).
const NEVER_REPLIES: f64 = 0.1;

/// Decided before the dossier is drawn (by the plan, or by the scenario file).
pub(crate) struct Brief<'s> {
    pub procedure: &'s Procedure,
    pub channel: Channel,
    pub submitted_at: NaiveDateTime,
    pub flaws: Vec<&'s Flaw>,
    pub scripted_id: Option<String>,
    /// A boundary-free dossier from another commune of the province.
    pub route: Route,
}

/// Draw the dossier of `plan`: its documents from `rng` (its documents stream), the
/// simulated people's timings from `choices`. The caller sets its code.
pub(crate) fn dossier(
    rng: &mut SimRng,
    choices: &mut SimRng,
    atlas: &Atlas,
    plan: Brief,
) -> Dossier {
    let world = World {
        atlas,
        today: plan.submitted_at.date(),
    };
    // Appraisal-stage flaws leave the documents sound: only verification finds them.
    let seen = Brief {
        flaws: plan
            .flaws
            .iter()
            .copied()
            .filter(|f| f.stage == Stage::Receipt)
            .collect(),
        scripted_id: None,
        ..plan
    };
    let needs = placement::needs(
        rng,
        seen.procedure,
        &seen.flaws,
        seen.route,
        atlas.geography(),
    );
    let mut cast = Cast::build(rng, &world, &needs, seen.procedure.legal_form);
    flaws::apply_to_people(rng, &world, &mut cast, &needs, seen.procedure, &seen.flaws);
    let parties = render::parties(&cast);
    let mut components = submitted(rng, &seen, &parties, atlas);
    flaws::apply_to_components(rng, &world, &mut components, &seen.flaws);
    let truth = truth(choices, &plan);
    Dossier {
        code: String::new(),
        procedure: plan.procedure.code.clone(),
        channel: plan.channel,
        // The applicant's own choice is drawn by `generate` (its own stream).
        result_channel: ResultChannel::open_to(plan.procedure.service, plan.channel)[0],
        submitted_at: plan.submitted_at,
        scripted_id: plan.scripted_id,
        parties,
        components,
        truth,
    }
}

fn targets(plan: &Brief, component: &str, kind: Option<FlawKind>) -> bool {
    plan.flaws
        .iter()
        .any(|f| f.component.as_deref() == Some(component) && kind.is_none_or(|k| f.kind == k))
}

/// The procedure's components as handed in, each carrying its fields' declared values:
/// every one needed (required, or its condition holds), about half of the plain optional
/// ones, and whichever a planted flaw is about.
fn submitted(
    rng: &mut SimRng,
    plan: &Brief,
    parties: &Parties,
    atlas: &Atlas,
) -> Vec<SubmittedComponent> {
    let mut out = Vec::with_capacity(plan.procedure.components.len());
    for component in &plan.procedure.components {
        if targets(plan, &component.id, Some(FlawKind::Missing)) {
            continue;
        }
        let origin = if component.in_national_db {
            Origin::NationalDb
        } else if plan.channel == Channel::Online {
            Origin::Upload
        } else {
            Origin::Paper
        };
        let needed = needed_in(component, parties, plan.procedure, atlas.area());
        let handed_in = needed
            || component.in_national_db
            || targets(plan, &component.id, None)
            || (component.required_if.is_none() && rng.chance(OPTIONAL_SHARE));
        if !handed_in {
            continue;
        }
        let pages = match (origin, component.copy) {
            (Origin::NationalDb, _) => 0,
            (_, CopyKind::BanChinh) => rng.range(1, 3),
            (_, CopyKind::BanSao) => rng.range(1, 5),
            (_, CopyKind::BanDienTu) => rng.range(1, 2),
        };
        let fields = fields_of(component, parties);
        out.push(SubmittedComponent {
            id: component.id.clone(),
            copy: component.copy,
            origin,
            fields,
            legible: true,
            signed: true,
            pages,
        });
    }
    out
}

/// Planted flaw ids and the provisional NPC draws, from the choices stream so that
/// changing the NPC model later leaves the documents of every seed unchanged.
fn truth(rng: &mut SimRng, plan: &Brief) -> Truth {
    let never = rng.chance(NEVER_REPLIES);
    let reply = match plan.channel {
        Channel::Online => rng.range(30, 2 * 24 * 60),
        Channel::Counter | Channel::Post => rng.range(120, 3 * 24 * 60),
    };
    let specialist = rng.range(15, 180);
    Truth {
        flaws: plan.flaws.iter().map(|f| f.id.clone()).collect(),
        citizen_reply_minutes: (!never).then_some(reply),
        specialist_minutes: specialist,
    }
}

/// A component's fields with the declared values of its parties (empty when a party
/// lacks the attribute): how a sound paper reads.
pub fn fields_of(component: &Component, parties: &Parties) -> Vec<FieldValue> {
    component
        .fields
        .iter()
        .map(|spec| FieldValue {
            label: spec.label.clone(),
            source: spec.source,
            value: parties
                .get(&spec.source.party)
                .and_then(|p| p.values.get(&spec.source.attr))
                .cloned()
                .unwrap_or_else(Value::blank),
        })
        .collect()
}

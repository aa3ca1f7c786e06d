//! The learning records an attempt queues (docs/workshop.md, "The statements"), read
//! back from the outbox without an LRS: which statements, in which order, with ids
//! derived from the attempt, the score as the debrief has it, and nothing at all when
//! no LRS is set.

use motcua_core::scenario::{self, Scenario, builtin};
use motcua_core::score;
use motcua_core::session::{self, Action};
use motcua_i18n::Lang;
use motcua_store::export::xapi::{Journal, Profile, ids};
use motcua_store::store::{AttemptId, Mode, Recorder, Start, Store};
use serde_json::Value;

fn birth() -> (Scenario, Vec<u8>) {
    let (file, text) = builtin::FILES
        .iter()
        .find(|(f, _)| *f == "khai-sinh-co-ban.toml")
        .expect("built-in");
    (
        scenario::load_str(file, text).expect("loads"),
        text.as_bytes().to_vec(),
    )
}

fn statements(store: &Store) -> Vec<(String, String, Value)> {
    store
        .waiting(usize::MAX)
        .expect("outbox")
        .into_iter()
        .map(|w| {
            let body = serde_json::from_str(&w.body).expect("JSON");
            (w.statement_id, w.verb, body)
        })
        .collect()
}

fn ext<'a>(v: &'a Value, name: &str) -> &'a Value {
    &v[format!("urn:motcua:xapi:ext:{name}")]
}

/// Play `actions` as `trainee` through a recorder whose journal is `profile`.
fn play(
    dir: &std::path::Path,
    mode: Mode,
    profile: Option<Profile>,
    actions: &[Action],
) -> Recorder {
    let (s, source) = birth();
    let store = Store::open(&dir.join("m.db")).expect("opens");
    let start = Start {
        trainee: "Ngô Thị Bản Ghi",
        scenario: &s,
        source: &source,
        seed: s.meta.seed,
        mode,
        roster_id: None,
    };
    let mut rec = Recorder::start_with(store, &start, Journal::new(profile)).expect("starts");
    for a in actions {
        rec.apply(a.clone()).expect("stored").expect("allowed");
    }
    rec
}

fn solver_actions() -> Vec<Action> {
    let (s, _) = birth();
    session::solver::solve(&s, s.meta.seed).actions().to_vec()
}

#[test]
fn an_exam_queues_initialized_each_action_then_completed_and_passed_with_derived_ids() {
    let dir = tempfile::tempdir().expect("temp");
    let actions = solver_actions();
    let rec = play(
        dir.path(),
        Mode::Exam,
        Some(Profile::plain(Lang::Vi)),
        &actions,
    );
    let debrief = rec.debrief().expect("the solver plays the period out");
    let queued = statements(rec.store());
    let verbs: Vec<&str> = queued.iter().map(|(_, v, _)| v.as_str()).collect();
    let n = actions.len();
    assert_eq!(verbs.len(), n + 3);
    assert_eq!(verbs[0], "initialized");
    assert!(verbs[1..=n].iter().all(|v| *v == "interacted"));
    assert_eq!(&verbs[n + 1..], ["completed", "passed"]);

    // Each id is the one derived from the attempt: sending twice is recognised.
    let info = rec.store().attempt(AttemptId(1)).expect("attempt");
    let started = motcua_store::store::timestamp(info.started_at);
    let reg = ids::registration(
        &info.trainee,
        info.roster_id.as_deref(),
        &info.scenario_sha256,
        info.seed,
        info.mode,
        &started,
    );
    let (id, _, completed) = &queued[n + 1];
    assert_eq!(*id, ids::statement(reg, "completed", n as u64).to_string());
    assert_eq!(completed["context"]["registration"], reg.to_string());
    let (id3, _, third) = &queued[3];
    assert_eq!(*id3, ids::statement(reg, "interacted", 3).to_string());
    assert_eq!(ext(&third["result"]["extensions"], "action")["seq"], 3);

    // The score as the debrief has it: raw = the training score, scaled = raw / 100.
    let result = &completed["result"];
    assert_eq!(result["score"]["raw"], debrief.total());
    assert_eq!(result["score"]["scaled"], debrief.total() / 100.0);
    assert_eq!(
        (
            result["score"]["min"].clone(),
            result["score"]["max"].clone()
        ),
        (0.into(), 100.into())
    );
    assert_eq!(result["success"], debrief.passed());
    assert_eq!(result["completion"], true);
    assert_eq!(*ext(&result["extensions"], "final"), true);
    assert_eq!(
        *ext(&result["extensions"], "panel-766"),
        serde_json::to_value(&debrief.panel_766).expect("panel")
    );
    assert_eq!(
        ext(&result["extensions"], "actions")
            .as_array()
            .map(Vec::len),
        Some(n)
    );
    let cx = &completed["context"];
    assert_eq!(cx["language"], "vi-VN");
    assert_eq!(*ext(&cx["extensions"], "mode"), "exam");
    assert_eq!(*ext(&cx["extensions"], "played-via"), "stdin");
    assert_eq!(
        *ext(&cx["extensions"], "engine-version"),
        env!("CARGO_PKG_VERSION")
    );
    let object = &completed["object"];
    assert_eq!(object["id"], "urn:motcua:xapi:scenario:khai-sinh-co-ban");
    assert_eq!(
        *ext(&object["definition"]["extensions"], "scenario-sha256"),
        info.scenario_sha256
    );
    assert_eq!(*ext(&object["definition"]["extensions"], "seed"), info.seed);
    assert_eq!(completed["actor"]["account"]["name"], "Ngô Thị Bản Ghi");
}

#[test]
fn an_unfinished_practice_attempt_given_up_is_terminated_with_its_score_as_it_stands_only() {
    let dir = tempfile::tempdir().expect("temp");
    let actions = solver_actions();
    let half = &actions[..actions.len() / 2];
    let rec = play(
        dir.path(),
        Mode::Practice,
        Some(Profile::plain(Lang::En)),
        half,
    );
    // Practice sends no action by default: only `initialized` so far.
    let verbs: Vec<String> = statements(rec.store())
        .into_iter()
        .map(|(_, v, _)| v)
        .collect();
    assert_eq!(verbs, ["initialized"]);

    let mut store = rec.into_store();
    let resume = store
        .unfinished_attempt("Ngô Thị Bản Ghi", None)
        .expect("reads")
        .expect("open");
    let journal = Journal::new(Some(Profile::plain(Lang::En)));
    store
        .abandon_attempt_queued(resume.info.id, |at| journal.abandoned(&resume, at))
        .expect("abandons");
    let queued = statements(&store);
    let (_, verb, end) = queued.last().expect("terminated");
    assert_eq!(verb, "terminated");
    let result = &end["result"];
    assert_eq!(result["completion"], false);
    // Not a final score: never in `result.score`, never a success.
    assert!(result.get("score").is_none() && result.get("success").is_none());
    assert_eq!(*ext(&result["extensions"], "final"), false);
    let (s, _) = birth();
    let as_it_stands = score::score(&session::replay(&s, s.meta.seed, half).expect("replays"));
    assert_eq!(
        *ext(&result["extensions"], "score-as-it-stands"),
        as_it_stands.total()
    );
    assert_eq!(
        ext(&result["extensions"], "actions")
            .as_array()
            .map(Vec::len),
        Some(half.len())
    );
}

#[test]
fn without_an_lrs_nothing_is_queued() {
    let dir = tempfile::tempdir().expect("temp");
    let rec = play(dir.path(), Mode::Exam, None, &solver_actions());
    assert!(rec.debrief().is_some());
    assert!(statements(rec.store()).is_empty());
}

#[test]
fn a_workshop_groups_every_statement_of_its_attempts_even_resumed_without_it() {
    let dir = tempfile::tempdir().expect("temp");
    let actions = solver_actions();
    let (first, rest) = actions.split_at(5);
    let mut workshop = Profile::plain(Lang::Vi);
    workshop.workshop = Some("Lớp sáng 02/03".into());
    let rec = play(dir.path(), Mode::Exam, Some(workshop), first);
    // The rest played by a run given no workshop file.
    let store = rec.into_store();
    let resume = store
        .unfinished_attempt("Ngô Thị Bản Ghi", None)
        .expect("reads")
        .expect("open");
    let journal = Journal::new(Some(Profile::plain(Lang::Vi)));
    let mut rec = Recorder::resume_with(store, resume, journal).expect("resumes");
    for a in rest {
        rec.apply(a.clone()).expect("stored").expect("allowed");
    }
    let queued = statements(rec.store());
    assert_eq!(queued.len(), actions.len() + 3);
    let iri = motcua_store::export::xapi::profile::workshop_iri("Lớp sáng 02/03");
    assert!(iri.starts_with("urn:motcua:xapi:workshop:"), "{iri}");
    // The grouping does not enter the ids: the same derivation as without a workshop.
    let info = rec.store().attempt(AttemptId(1)).expect("attempt");
    let reg = ids::of_attempt(&info);
    for (i, (id, verb, body)) in queued.iter().enumerate() {
        let grouping = &body["context"]["contextActivities"]["grouping"];
        assert_eq!(grouping[0]["id"], iri, "{verb}");
        assert_eq!(grouping[0]["definition"]["name"]["en-US"], "Lớp sáng 02/03");
        let seq = match verb.as_str() {
            "initialized" => 0,
            "interacted" => i as u64,
            _ => actions.len() as u64,
        };
        assert_eq!(*id, ids::statement(reg, verb, seq).to_string(), "{verb}");
    }
}

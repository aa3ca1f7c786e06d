//! A results bundle read from a file without holding it (`export::stream`): the header
//! checked first (nothing kept from a file that is not a bundle), then attempt by
//! attempt, each malformed one refused alone; `bundle::write` streams the other way.

use motcua_store::export::bundle::{self, BundleError};
use motcua_store::export::import::{self, Library, Outcome, Refusal};
use motcua_store::export::stream;
use motcua_store::store::{Filter, Store};
use serde_json::{Value, json};

use crate::support::store::*;

const ID: &str = "khai-sinh-co-ban";

/// The text `motcua export` writes for three finished attempts (two trainees).
fn exported(tmp: &Temp) -> String {
    let mut store = Store::open(&tmp.path("trainee.db")).unwrap();
    let (s, _) = builtin_source(ID);
    play(&mut store, "Lý Văn Phúc", ID, 4, &solver_log(&s, 4));
    play(&mut store, "Lý Văn Phúc", ID, 6, &sloppy_log(&s, 6, 8));
    play(&mut store, "Mai Thu", ID, 9, &solver_log(&s, 9));
    let mut out = Vec::new();
    let count = bundle::write(&store, &Filter::default(), &mut out).unwrap();
    assert_eq!(count, 3);
    String::from_utf8(out).unwrap()
}

/// Import `text` streamed into a fresh database: each attempt's outcome.
fn import_text(tmp: &Temp, name: &str, text: &str) -> Vec<Outcome> {
    let header = stream::header(text.as_bytes()).expect("a bundle");
    let mut store = Store::open(&tmp.path(name)).unwrap();
    let streamed = import::import_stream(&mut store, text.as_bytes(), &Library::builtin(), header);
    assert!(streamed.stopped.is_none(), "{:?}", streamed.stopped);
    let indexes: Vec<usize> = streamed.lines.iter().map(|l| l.index).collect();
    assert_eq!(indexes, (1..=indexes.len()).collect::<Vec<_>>());
    streamed.lines.into_iter().map(|l| l.outcome).collect()
}

#[test]
fn a_streamed_export_reads_back_as_the_in_memory_bundle_and_imports_whole() {
    let tmp = Temp::new();
    let text = exported(&tmp);
    // The same attempts as the in-memory build (the export time aside).
    let store = Store::open(&tmp.path("trainee.db")).unwrap();
    let mut built = bundle::build(&store, &Filter::default()).unwrap();
    let mut parsed = bundle::parse(&text).unwrap();
    parsed.exported_at.clear();
    built.exported_at.clear();
    assert_eq!(parsed, built);
    assert_eq!(stream::header(text.as_bytes()).map(|h| h.attempts), Ok(3));

    let got = import_text(&tmp, "a.db", &text);
    assert!(
        got.iter().all(|o| matches!(o, Outcome::Imported { .. })),
        "{got:?}"
    );
    // With a byte-order mark and the keys in another order (attempts first): the same.
    let doc: Value = serde_json::from_str(&text).unwrap();
    let reordered = format!(
        "\u{feff}{{\"attempts\":{},\"world_version\":{},\"version\":2,\"format\":\"motcua-results\"}}",
        doc["attempts"], doc["world_version"]
    );
    let again = import_text(&tmp, "b.db", &reordered);
    assert!(
        again.iter().all(|o| matches!(o, Outcome::Imported { .. })),
        "{again:?}"
    );
}

#[test]
fn each_malformed_attempt_is_refused_alone_naming_what_is_wrong() {
    let tmp = Temp::new();
    let mut doc: Value = serde_json::from_str(&exported(&tmp)).unwrap();
    let good = doc["attempts"][2].clone();
    let mut bad_action = good.clone();
    bad_action["actions"][4] = json!({"seq": 5, "action": "teleport"});
    let mut out_of_order = good.clone();
    out_of_order["actions"][1]["seq"] = 7.into();
    let mut no_actions = good.clone();
    no_actions["actions"] = "none".into();
    let mut null_seed = good.clone();
    null_seed["seed"] = Value::Null;
    doc["attempts"] = json!([
        42,
        [1, 2],
        bad_action,
        out_of_order,
        no_actions,
        null_seed,
        good,
    ]);
    let got = import_text(&tmp, "i.db", &doc.to_string());
    let refusals: Vec<Option<&Refusal>> = got
        .iter()
        .map(|o| match o {
            Outcome::Refused(r) => Some(r),
            _ => None,
        })
        .collect();
    let field = |r: Option<&Refusal>| match r {
        Some(Refusal::BadField { field, .. }) => Some(*field),
        _ => None,
    };
    assert_eq!(field(refusals[0]), Some("attempt"));
    assert_eq!(field(refusals[1]), Some("attempt"));
    assert!(matches!(
        refusals[2],
        Some(Refusal::BadAction { seq: 5, .. })
    ));
    match refusals[3] {
        Some(Refusal::BadAction { seq: 2, detail }) => {
            assert_eq!(detail, "seq 7, expected 2");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(field(refusals[4]), Some("actions"));
    assert_eq!(field(refusals[5]), Some("seed"));
    assert!(
        matches!(got[6], Outcome::Imported { .. }),
        "the good one is kept"
    );
}

#[test]
fn a_file_that_is_not_a_whole_bundle_is_refused_before_anything_is_kept() {
    let tmp = Temp::new();
    let text = exported(&tmp);
    // Cut anywhere inside: the header pass fails, so no attempt is imported.
    for cut in [text.len() / 3, text.len() - 3] {
        assert!(matches!(
            stream::header(&text.as_bytes()[..cut]),
            Err(BundleError::Malformed(_))
        ));
    }
    let header = |t: &str| stream::header(t.as_bytes());
    assert_eq!(
        header(r#"{"format":"x","attempts":[]}"#),
        Err(BundleError::NotABundle)
    );
    assert_eq!(
        header("[]"),
        Err(BundleError::Malformed(
            "invalid type: sequence, expected a results bundle (a JSON object) at line 1 column 1"
                .into()
        ))
    );
    assert!(matches!(
        header(r#"{"format":"motcua-results","version":1,"attempts":{}}"#),
        Err(BundleError::Malformed(m)) if m.contains("not a list")
    ));
    assert!(matches!(
        header(r#"{"format":"motcua-results","version":1,"attempts":[],"attempts":[]}"#),
        Err(BundleError::Malformed(m)) if m.contains("duplicate field")
    ));
    assert_eq!(
        header(r#"{"format":"motcua-results","version":"1","attempts":[]}"#),
        Err(BundleError::BadVersion {
            found: "\"1\"".into()
        })
    );
    // Trailing text after the bundle is not a bundle either.
    assert!(matches!(
        header(r#"{"format":"motcua-results","version":1,"attempts":[]} x"#),
        Err(BundleError::Malformed(_))
    ));
}

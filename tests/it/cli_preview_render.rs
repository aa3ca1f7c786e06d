//! The preview listing and JSON, rendered from hand-built scenarios (no loader needed).

use motcua::cli::preview::{render_json, render_text};
use motcua_i18n::Lang;
use serde_json::Value;

use crate::support::handmade;

#[test]
fn listing_names_code_time_channel_procedure_applicant_and_flaws() {
    let s = handmade::birth_2025();
    let ds = handmade::run(&s, 7);
    let text = render_text(&s, 7, &ds, Lang::Vi);
    assert!(text.starts_with(&format!(
        "Kịch bản «khai-sinh-thu», seed 7: {} hồ sơ\n",
        ds.len()
    )));
    for d in &ds {
        let line = text
            .lines()
            .find(|l| l.starts_with(&d.code))
            .expect("a line per dossier");
        assert!(line.contains(&d.submitted_at.format("%d/%m/%Y %H:%M").to_string()));
        assert!(line.contains("Đăng ký khai sinh (1.001193)"));
    }
    assert!(text.contains("Trực tuyến") && text.contains("Trực tiếp"));
    assert!(text.contains("Người nộp: "));
    assert!(text.contains("Lỗi cài sẵn: thieu-giay-chung-sinh, sai-ngay-sinh"));
    assert!(text.contains("Hồ sơ theo kịch bản: chi-lan"));
    assert!(text.contains("Không có lỗi cài sẵn"));
}

#[test]
fn listing_speaks_english_on_request() {
    let s = handmade::birth_2025();
    let ds = handmade::run(&s, 7);
    let text = render_text(&s, 7, &ds, Lang::En);
    assert!(text.starts_with("Scenario «khai-sinh-thu», seed 7:"));
    assert!(text.contains("Applicant: ") && text.contains("Planted flaws: "));
    assert!(text.contains("Online") && !text.contains("Trực tuyến"));
}

#[test]
fn json_has_the_documented_shape() {
    let s = handmade::business_2025();
    let ds = handmade::run(&s, 11);
    let doc: Value = serde_json::from_str(&render_json(&s, 11, &ds)).expect("valid JSON");
    let top: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["dossiers", "scenario", "seed"]);
    assert_eq!(doc["scenario"], "doanh-nghiep-thu");
    assert_eq!(doc["seed"], 11);
    let dossiers = doc["dossiers"].as_array().unwrap();
    assert_eq!(dossiers.len(), ds.len());
    for (j, d) in dossiers.iter().zip(&ds) {
        assert_eq!(j["code"], d.code.as_str());
        assert_eq!(
            j["submitted_at"],
            d.submitted_at.format("%Y-%m-%dT%H:%M:%S").to_string()
        );
        assert!(["online", "counter", "post"].contains(&j["channel"].as_str().unwrap()));
        let applicant = &j["parties"]["applicant"];
        assert!(applicant["name"].is_string());
        assert!(
            applicant["address"]["text"]
                .as_str()
                .unwrap()
                .contains(", ")
        );
        assert!(applicant["birth_date"].as_str().unwrap().len() == 10);
        for c in j["components"].as_array().unwrap() {
            assert!(["upload", "paper", "national-db"].contains(&c["origin"].as_str().unwrap()));
            for f in c["fields"].as_array().unwrap() {
                assert!(
                    f["source"].as_str().unwrap().contains('.'),
                    "party.attribute"
                );
            }
        }
        assert!(j["truth"]["flaws"].is_array());
        if let Some(b) = j["parties"].get("business") {
            assert!(b["capital"].is_u64());
        }
    }
}

#[test]
fn json_is_byte_identical_for_a_seed_and_differs_for_another() {
    let s = handmade::marriage_2018();
    let once = render_json(&s, 3, &handmade::run(&s, 3));
    let again = render_json(&s, 3, &handmade::run(&s, 3));
    assert_eq!(once, again);
    assert_ne!(once, render_json(&s, 4, &handmade::run(&s, 4)));
}

#[test]
fn listing_is_pinned_across_machines() {
    let mut s = handmade::birth_2025();
    s.dossiers.count = 3;
    let ds = handmade::run(&s, 20260302);
    insta::assert_snapshot!(render_text(&s, 20260302, &ds, Lang::Vi));
}

#[test]
fn a_whole_dossier_is_pinned_across_machines() {
    let mut s = handmade::marriage_2018();
    s.dossiers.count = 1;
    let ds = handmade::run(&s, 20191007);
    insta::assert_snapshot!(render_json(&s, 20191007, &ds));
}

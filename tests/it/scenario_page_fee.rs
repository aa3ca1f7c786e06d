//! `fee_per_page`: how it is read, checked, and charged by the page.

use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::generate;
use motcua_core::scenario::{self, DiagCode, PageFee};
use motcua_core::session::policy::fee_of;

use crate::support;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.toml");
const PAGE_FEE: &str = r#"fee_per_page = { component = "giay-chung-sinh", first_pages = 2, first = 2000, rest = 1000, max = 200000 }"#;

fn with_page_fee(line: &str) -> String {
    let anchor = "result = \"Giấy khai sinh\"\n";
    assert!(MINIMAL.contains(anchor));
    MINIMAL.replacen(anchor, &format!("{anchor}{line}\n"), 1)
}

fn codes(text: &str) -> Vec<DiagCode> {
    match scenario::load_str("t.toml", text) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.code).collect(),
    }
}

#[test]
fn the_amount_follows_the_certified_copy_rule() {
    let f = PageFee {
        component: "ban-sao".into(),
        first_pages: 2,
        first: 2000,
        rest: 1000,
        max: Some(200_000),
    };
    assert_eq!(f.amount(0), 0);
    assert_eq!(f.amount(1), 2000);
    assert_eq!(f.amount(2), 4000);
    assert_eq!(f.amount(3), 5000);
    assert_eq!(f.amount(10), 12_000);
    assert_eq!(f.amount(500), 200_000);
    let flat = PageFee {
        first_pages: 0,
        first: 0,
        max: None,
        ..f
    };
    assert_eq!(flat.amount(7), 7000);
}

#[test]
fn it_is_read_with_its_defaults() {
    let s = scenario::load_str("t.toml", &with_page_fee(PAGE_FEE)).expect("valid");
    let f = s.procedures[0].fee_per_page.clone().expect("read");
    assert_eq!(
        (f.component.as_str(), f.first_pages, f.first, f.rest, f.max),
        ("giay-chung-sinh", 2, 2000, 1000, Some(200_000))
    );
    let s = scenario::load_str(
        "t.toml",
        &with_page_fee(r#"fee_per_page = { component = "giay-chung-sinh", rest = 500 }"#),
    )
    .expect("valid");
    let f = s.procedures[0].fee_per_page.clone().expect("read");
    assert_eq!((f.first_pages, f.first, f.rest, f.max), (0, 500, 500, None));
}

#[test]
fn it_is_checked() {
    assert_eq!(
        codes(&with_page_fee(
            r#"fee_per_page = { component = "ban-sao", rest = 1000 }"#
        )),
        vec![DiagCode::UnknownComponent]
    );
    assert_eq!(
        codes(&with_page_fee(
            r#"fee_per_page = { component = "giay-chung-sinh" }"#
        )),
        vec![DiagCode::MissingKey]
    );
    assert_eq!(
        codes(&with_page_fee(
            r#"fee_per_page = { component = "giay-chung-sinh", rest = -1 }"#
        )),
        vec![DiagCode::InvalidValue]
    );
    assert_eq!(
        codes(&with_page_fee(
            r#"fee_per_page = { component = "giay-chung-sinh", rest = 1, each = 2 }"#
        )),
        vec![DiagCode::UnknownKey]
    );
}

#[test]
fn every_dossier_pays_by_the_pages_it_handed_in() {
    let s = support::builtin("chung-thuc-ban-sao");
    let p = &s.procedures[0];
    let f = p.fee_per_page.as_ref().expect("per page");
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..=20 {
        for d in generate(&s, &WorkCalendar::for_scenario(&s), seed) {
            let pages: u32 = d
                .components
                .iter()
                .filter(|c| *c.id == *f.component)
                .map(|c| c.pages)
                .sum();
            assert!(pages >= 1, "the copy is always handed in");
            let fee = fee_of(p, &d);
            assert_eq!(fee, p.fee + f.amount(pages));
            seen.insert(fee);
        }
    }
    assert!(
        seen.len() > 1,
        "different page counts, different fees: {seen:?}"
    );
}

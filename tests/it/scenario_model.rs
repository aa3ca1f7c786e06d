//! What the loader builds: defaults, conversions, file order, NFC text, and
//! the built-in scenarios as the rest of the program will read them.

use chrono::{NaiveDate, NaiveTime};
use motcua_core::scenario::{
    self, Attr, Channel, Condition, CopyKind, Deadline, Deduction, Difficulty, EventKind, FieldRef,
    FlawKind, FlawResponse, LegalForm, Level, MinAge, Party, RequiredIf, ResultChannel, Role,
    RuleSet, Scenario, Scoring, ServiceLevel, StepKind, builtin,
};
use unicode_normalization::UnicodeNormalization;

fn load(text: &str) -> Scenario {
    match scenario::load_str("t.toml", text) {
        Ok(s) => s,
        Err(d) => panic!("expected a valid scenario: {d:#?}"),
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

#[test]
fn defaults_fill_what_the_file_leaves_out() {
    let s = load(include_str!("../fixtures/valid/minimal.toml"));
    assert_eq!(s.meta.seed, 1);
    assert_eq!(s.meta.pass_score, 70);
    assert!(s.meta.objectives.is_empty() && s.meta.title_en.is_none());
    assert_eq!(s.office.name, "Bộ phận Một cửa");
    assert_eq!(s.office.unit_code, "000.00.12.H12");
    assert_eq!(s.office.province, "Thành phố Hà Nội");
    let hours: Vec<_> = s.office.hours.iter().map(|h| (h.from, h.to)).collect();
    assert_eq!(
        hours,
        vec![(hm(7, 30), hm(11, 30)), (hm(13, 30), hm(17, 0))]
    );
    assert_eq!(s.office.same_day_cutoff, hm(15, 0));
    assert!(!s.office.saturday_morning);
    assert!(s.calendar.holidays.is_empty() && s.costs.minutes.is_empty());
    // No `[scoring]`: every step and deduction keeps the default of `score::weights`.
    assert_eq!(s.scoring, Scoring::default());
    let c = &s.procedures[0].components[0];
    assert_eq!(
        (c.copy, c.required, c.in_national_db),
        (CopyKind::BanChinh, true, false)
    );
    assert_eq!(s.procedures[0].fee, 0);
    assert_eq!(s.procedures[0].flaws[0].weight, 1);
    let d = &s.dossiers;
    assert_eq!((d.count, d.flaw_rate, d.result_by_post), (2, 0.5, 0.15));
    assert_eq!(
        (d.channels.online, d.channels.counter, d.channels.post),
        (1.0, 0.0, 0.0)
    );
    assert!(d.mix.is_empty() && d.scripted.is_empty() && s.events.is_empty());
}

#[test]
fn every_key_reaches_the_model() {
    let s = load(include_str!("../fixtures/valid/every-key.toml"));
    // 00:30 UTC is 07:30 in Vietnam.
    let start = NaiveDate::from_ymd_opt(2024, 10, 14)
        .expect("date")
        .and_time(hm(7, 30));
    assert_eq!(s.meta.start, start);
    assert_eq!(
        (s.meta.difficulty, s.meta.role, s.meta.rules),
        (Difficulty::NangCao, Role::ToanBo, RuleSet::R2018)
    );
    assert_eq!(
        (s.meta.seed, s.meta.pass_score, s.meta.working_days),
        (42, 0, 3)
    );
    assert_eq!(s.meta.objectives_en, vec!["One", "Two"]);
    assert!(s.office.saturday_morning);
    assert_eq!(s.office.commune.as_deref(), Some("Phường Linh Chiểu"));
    assert_eq!(s.office.district.as_deref(), Some("Thành phố Thủ Đức"));
    let after = s.office.after_merger.clone().expect("after_merger");
    assert_eq!(after.commune.as_deref(), Some("Phường Thủ Đức"));
    assert_eq!(
        s.calendar.workdays,
        vec![NaiveDate::from_ymd_opt(2024, 10, 19).expect("date")]
    );
    assert_eq!(s.costs.minutes.len(), 16);
    assert_eq!(s.costs.minutes.get("request-supplement"), Some(&6));
    let p = s.procedure("1.000894").expect("marriage");
    assert_eq!(
        (p.service, p.deadline),
        (ServiceLevel::MotPhan, Deadline::WorkingHours(8))
    );
    assert_eq!(p.fee_online, Some(0));
    assert_eq!(
        s.procedure("1.001193").expect("birth").deadline,
        Deadline::WorkingDays(1)
    );
    let underage = p.flaw("chua-du-tuoi").expect("flaw");
    assert_eq!(
        underage.min_age,
        Some(MinAge {
            male: 20,
            female: 18
        })
    );
    assert_eq!(
        (underage.kind, underage.response, underage.weight),
        (FlawKind::Underage, FlawResponse::Refuse, 3)
    );
    assert_eq!(
        underage.field,
        Some(FieldRef {
            party: Party::Applicant,
            attr: Attr::BirthDate
        })
    );
    assert!(
        p.component("du-lieu-dan-cu")
            .expect("component")
            .in_national_db
    );
    assert_eq!(s.dossiers.mix.get("1.001193"), Some(&0.5));
    let first = &s.dossiers.scripted[0];
    assert_eq!(
        (first.at.day, first.at.time, first.channel),
        (1, hm(8, 0), Channel::Counter)
    );
    assert_eq!(
        (first.deadline, first.verification_days),
        (Some(Deadline::WorkingDays(2)), Some(4))
    );
    assert_eq!(s.dossiers.scripted[1].channel, Channel::Online);
    assert_eq!(
        (
            s.dossiers.scripted[1].deadline,
            s.dossiers.scripted[1].verification_days
        ),
        (None, None)
    );
    assert!(s.dossiers.scripted[1].other_commune);
    let j = p.jurisdiction.clone().expect("jurisdiction");
    assert_eq!(
        (j.by.len(), j.level, j.boundary_free),
        (2, Level::Commune, false)
    );
    assert_eq!(
        p.party_labels.get(&Party::Spouse).map(String::as_str),
        Some("Bên kia")
    );
    assert_eq!(p.legal_form, Some(LegalForm::HoKinhDoanh));
    let certificate = p.component("xac-nhan-hon-nhan").expect("component");
    assert!(!certificate.required);
    assert_eq!(
        certificate.required_if,
        Some(RequiredIf {
            party: Party::Spouse,
            condition: Condition::NonResident
        })
    );
    let birth = s.procedure("1.001193").expect("birth");
    assert!(birth.jurisdiction.as_ref().is_some_and(|j| j.boundary_free));
    assert_eq!(s.dossiers.result_by_post, 0.3);
    assert_eq!(first.result_channel, Some(ResultChannel::Post));
    assert_eq!(s.dossiers.scripted[1].result_channel, None);
    let kinds: Vec<_> = s.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            EventKind::Outage,
            EventKind::CitizenCall,
            EventKind::SupplementArrives,
            EventKind::RuleChange,
            EventKind::Withdraw
        ]
    );
    assert_eq!(s.events[0].minutes, Some(30));
    assert_eq!(s.events[3].rules, Some(RuleSet::R2025));
    assert_eq!(s.scoring.steps.get(&StepKind::Digitize), Some(&10.0));
    assert_eq!(s.scoring.steps.get(&StepKind::OnTime), Some(&25.0));
    assert_eq!(s.scoring.deductions.get(&Deduction::OutOfOrder), Some(&5.0));
    assert_eq!(
        s.scoring.steps.get(&StepKind::Receipt),
        None,
        "not set: the default"
    );
}

#[test]
fn a_local_start_is_vietnam_time_and_an_offset_is_converted() {
    let base = include_str!("../fixtures/valid/minimal.toml");
    let at = |start: &str| {
        load(&base.replace("2026-03-02T07:30:00+07:00", start))
            .meta
            .start
    };
    let expected = NaiveDate::from_ymd_opt(2026, 3, 2)
        .expect("date")
        .and_time(hm(7, 30));
    assert_eq!(at("2026-03-02T07:30:00"), expected);
    assert_eq!(at("2026-03-02T01:30:00+01:00"), expected);
    assert_eq!(at("2026-03-01T23:30:00-01:00"), expected);
}

#[test]
fn component_fields_keep_the_order_of_the_file() {
    let s = load(include_str!("../../scenarios/khai-sinh-co-ban.toml"));
    let form = s.procedures[0].component("to-khai").expect("form");
    let labels: Vec<&str> = form.fields.iter().map(|f| &*f.label).collect();
    assert_eq!(
        labels,
        vec![
            "Họ tên trẻ",
            "Ngày sinh",
            "Nơi sinh",
            "Họ tên mẹ",
            "Họ tên cha",
            "Người đi khai sinh",
            "Quan hệ với người được khai sinh"
        ]
    );
}

#[test]
fn text_is_normalised_to_nfc_and_ids_match_across_forms() {
    let base = include_str!("../fixtures/valid/minimal.toml");
    // Decompose the whole file (as some editors save it) but keep the flaw's
    // reference to its component in composed form.
    let nfd: String = base.nfd().collect();
    let text = nfd
        .replace(
            "id = \"giay-chung-sinh\"",
            "id = \"giấy-chứng-sinh\""
                .nfd()
                .collect::<String>()
                .as_str(),
        )
        .replace(
            "component = \"giay-chung-sinh\"",
            "component = \"giấy-chứng-sinh\"",
        );
    assert_ne!(
        text,
        text.nfc().collect::<String>(),
        "the input really is decomposed"
    );
    let s = load(&text);
    assert_eq!(s.meta.title, "Kịch bản tối thiểu".nfc().collect::<String>());
    assert!(unicode_normalization::is_nfc(&s.meta.title));
    let c = &s.procedures[0].components[0];
    assert_eq!(&*c.id, "giấy-chứng-sinh");
    assert!(unicode_normalization::is_nfc(&c.fields[0].label));
    assert_eq!(
        s.procedures[0].flaws[0].component.as_deref(),
        Some("giấy-chứng-sinh")
    );
}

#[test]
fn built_in_scenarios_are_registered_in_curriculum_order() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("scenarios/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut registered: Vec<String> = builtin::FILES.iter().map(|(n, _)| n.to_string()).collect();
    registered.sort();
    assert_eq!(
        on_disk, registered,
        "every scenarios/*.toml is compiled in, and only those"
    );
    let mut last = Difficulty::CoBan;
    for (file, text) in builtin::FILES {
        let s = load(text);
        assert_eq!(
            format!("{}.toml", s.meta.id),
            *file,
            "the id is the file name"
        );
        assert!(s.meta.difficulty >= last, "{file} comes too early");
        last = s.meta.difficulty;
        assert!(
            s.meta.title_en.is_some() && s.meta.briefing_en.is_some(),
            "{file}: English"
        );
        assert_eq!(s.meta.objectives.len(), s.meta.objectives_en.len());
        for p in &s.procedures {
            assert!(!p.legal_basis.is_empty(), "{file}: legal basis");
            assert!(
                p.flaws
                    .iter()
                    .all(|f| !f.reference.is_empty() && f.explain_en.is_some())
            );
        }
    }
}

#[test]
fn the_built_in_scenarios_carry_the_procedures_the_curriculum_needs() {
    let by_id = |id: &str| {
        let (_, text) = builtin::FILES
            .iter()
            .find(|(f, _)| f.trim_end_matches(".toml") == id)
            .expect("built in");
        load(text)
    };
    let birth = by_id("khai-sinh-co-ban");
    let p = birth.procedure("1.001193").expect("birth registration");
    assert_eq!(
        (p.deadline, p.service, birth.meta.rules),
        (Deadline::SameDay, ServiceLevel::ToanTrinh, RuleSet::R2025)
    );
    assert_eq!(birth.office.same_day_cutoff, hm(15, 0));
    let kinds: Vec<_> = p.flaws.iter().map(|f| (f.kind, f.response)).collect();
    assert_eq!(
        kinds,
        vec![
            (FlawKind::Missing, FlawResponse::Supplement),
            (FlawKind::Mismatch, FlawResponse::Supplement)
        ]
    );
    assert_eq!(
        p.flaw("sai-ten-me").and_then(|f| f.field),
        Some(FieldRef {
            party: Party::Mother,
            attr: Attr::Name
        })
    );

    let record = by_id("ly-lich-tu-phap");
    let p = &record.procedures[0];
    assert_eq!(
        (p.deadline, record.meta.rules),
        (Deadline::WorkingDays(10), RuleSet::R2025)
    );
    // From 1/3/2025 the provincial police issue criminal-record certificates.
    assert!(p.agency.starts_with("Công an tỉnh"));
    let kinds: Vec<_> = p.flaws.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![
            FlawKind::Missing,
            FlawKind::Mismatch,
            FlawKind::OutOfJurisdiction
        ]
    );

    let marriage = by_id("ket-hon-2018");
    let p = marriage
        .procedure("1.000894")
        .expect("marriage registration");
    assert_eq!(
        (p.service, marriage.meta.rules),
        (ServiceLevel::MotPhan, RuleSet::R2018)
    );
    let underage = p
        .flaws
        .iter()
        .find(|f| f.kind == FlawKind::Underage)
        .expect("underage flaw");
    assert_eq!(
        (underage.min_age, underage.response),
        (
            Some(MinAge {
                male: 20,
                female: 18
            }),
            FlawResponse::Refuse
        )
    );
    assert!(
        p.flaws
            .iter()
            .any(|f| f.kind == FlawKind::OutOfJurisdiction && f.response == FlawResponse::Refuse)
    );
}

//! Same scenario and seed, same dossiers on every run; scripted dossiers exactly as written;
//! times and codes as an office would see them.

use chrono::{NaiveTime, Timelike};
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::generate;
use motcua_core::scenario::{Channel, DayTime, ScriptedDossier};

use crate::support::handmade;

#[test]
fn same_seed_gives_identical_dossiers_and_json() {
    for s in handmade::all() {
        let a = handmade::run(&s, 42);
        let b = handmade::run(&s, 42);
        assert_eq!(a, b, "{}", s.meta.id);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }
}

#[test]
fn another_seed_gives_other_dossiers() {
    for s in handmade::all() {
        let a = handmade::run(&s, 1);
        let b = handmade::run(&s, 2);
        assert_ne!(a, b, "{}", s.meta.id);
        let names = |ds: &[motcua_core::generate::Dossier]| {
            ds.iter()
                .map(|d| format!("{:?}", d.parties))
                .collect::<Vec<_>>()
        };
        assert_ne!(names(&a), names(&b));
    }
}

#[test]
fn the_result_channel_choice_leaves_every_document_as_it_was() {
    // The choice comes from a stream of its own: whatever the share of post, the
    // documents, times and codes of a seed are the same; only the choice differs.
    for mut s in handmade::all() {
        s.dossiers.result_by_post = 0.0;
        let none = handmade::run(&s, 9);
        s.dossiers.result_by_post = 1.0;
        let all = handmade::run(&s, 9);
        assert_eq!(none.len(), all.len());
        let mut changed = 0;
        for (a, b) in none.iter().zip(&all) {
            let mut b = b.clone();
            changed += usize::from(a.result_channel != b.result_channel);
            b.result_channel = a.result_channel;
            assert_eq!(*a, b, "{}", s.meta.id);
        }
        let not_by_post = none.iter().filter(|d| d.channel != Channel::Post).count();
        assert_eq!(
            changed, not_by_post,
            "{}: every other filing now asks for post",
            s.meta.id
        );
    }
}

#[test]
fn count_plus_scripted_sorted_and_numbered_per_day() {
    let s = handmade::birth_2025();
    let ds = handmade::run(&s, 99);
    assert_eq!(
        ds.len(),
        s.dossiers.count as usize + s.dossiers.scripted.len()
    );
    assert!(
        ds.windows(2)
            .all(|w| w[0].submitted_at <= w[1].submitted_at)
    );
    let mut last: Option<(chrono::NaiveDate, u32)> = None;
    for d in &ds {
        let date = d.submitted_at.date();
        let expected_seq = match last {
            Some((day, n)) if day == date => n + 1,
            _ => 1,
        };
        let expected = format!(
            "000.00.12.H12-{}-{:04}",
            date.format("%y%m%d"),
            expected_seq
        );
        assert_eq!(d.code, expected);
        last = Some((date, expected_seq));
    }
}

#[test]
fn scripted_dossiers_are_exactly_as_written() {
    let s = handmade::birth_2025();
    let calendar = WorkCalendar::for_scenario(&s);
    let ds = generate(&s, &calendar, 5);
    let scripted: Vec<_> = ds.iter().filter(|d| d.scripted_id.is_some()).collect();
    assert_eq!(scripted.len(), 1);
    let d = scripted[0];
    assert_eq!(d.scripted_id.as_deref(), Some("chi-lan"));
    assert_eq!(&*d.procedure, "1.001193");
    assert_eq!(d.channel, Channel::Counter);
    // Working day 2 of a period starting Monday 2 March 2026.
    assert_eq!(d.submitted_at, handmade::at(2026, 3, 3, 8, 10));
    assert_eq!(d.truth.flaws, ["thieu-giay-chung-sinh", "sai-ngay-sinh"]);
    assert!(d.component("giay-chung-sinh").is_none());
}

#[test]
fn a_scripted_flaw_on_a_component_left_out_is_not_planted() {
    let mut s = handmade::birth_2025();
    s.dossiers.count = 0;
    s.dossiers.scripted = vec![ScriptedDossier {
        id: None,
        at: DayTime {
            day: 1,
            time: handmade::t(9, 0),
        },
        procedure: "1.001193".into(),
        channel: Channel::Online,
        flaws: vec![
            "sai-ten-me".into(),
            "thieu-giay-chung-sinh".into(),
            "khong-co".into(),
        ],
        other_commune: false,
        result_channel: None,
        deadline: None,
        verification_days: None,
    }];
    let ds = handmade::run(&s, 3);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].truth.flaws, ["thieu-giay-chung-sinh"]);
}

#[test]
fn generated_times_respect_channel_hours_and_the_start() {
    for s in handmade::all() {
        let calendar = WorkCalendar::for_scenario(&s);
        for seed in 0..20 {
            for d in generate(&s, &calendar, seed)
                .iter()
                .filter(|d| d.scripted_id.is_none())
            {
                assert!(d.submitted_at >= s.meta.start, "{} before start", d.code);
                assert_eq!(d.submitted_at.second(), 0);
                match d.channel {
                    Channel::Counter | Channel::Post => {
                        assert!(
                            calendar.is_office_time(d.submitted_at),
                            "{} {}",
                            d.code,
                            d.submitted_at
                        )
                    }
                    Channel::Online => {
                        let t = d.submitted_at.time();
                        let (open, close) = (
                            NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
                            NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
                        );
                        assert!(open <= t && t < close, "{} {}", d.code, t);
                    }
                }
                let last = calendar.period_day(s.meta.start.date(), s.meta.working_days);
                assert!(d.submitted_at.date() <= last);
            }
        }
    }
}

#[test]
fn some_online_filings_arrive_outside_office_hours() {
    let s = handmade::birth_2025();
    let calendar = WorkCalendar::for_scenario(&s);
    let outside = (0..30)
        .flat_map(|seed| generate(&s, &calendar, seed))
        .filter(|d| d.channel == Channel::Online && !calendar.is_office_time(d.submitted_at))
        .count();
    assert!(outside > 20, "only {outside} evening or weekend filings");
}

#[test]
fn a_scenario_without_procedures_gives_only_nothing() {
    let mut s = handmade::birth_2025();
    s.procedures.clear();
    assert!(handmade::run(&s, 1).is_empty());
}

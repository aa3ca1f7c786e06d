//! The random stream and the layout of docs/generator.md, checked from outside the
//! generator: a ChaCha20 block function written here from RFC 8439 and checked
//! against its test vectors, the crate's stream checked against it, and the plan and
//! the choices of the first dossiers of a seed worked out here from the
//! documentation alone (no generator code called) and compared with `Plan`. The
//! documents of those dossiers: tests/it/generate_documents_layout.rs.

use chacha20::ChaCha20Rng;
use chacha20::rand_core::{Rng, SeedableRng};
use chrono::{Duration, NaiveDateTime, NaiveTime};
use motcua_core::calendar::WorkCalendar;
use motcua_core::generate::{Plan, SimRng};
use motcua_core::scenario::{Channel, FlawResponse, Geography, ResultChannel, Scenario, TimeSpan};

use crate::support::handmade;
use crate::support::layout::stream::{Draw, Words, block, key};

// ---- ChaCha20 (RFC 8439 §2.1–2.3), written in tests/it/support/layout/stream.rs ----

/// RFC 8439 §2.3.2: key 00 01 … 1f, nonce 00:00:00:09:00:00:00:4a:00:00:00:00, block
/// count 1; the state after the block function (the same words appear in several
/// independent implementations' tests).
const RFC_2_3_2: [u32; 16] = [
    0xe4e7_f110,
    0x1559_3bd1,
    0x1fdd_0f50,
    0xc471_20a3,
    0xc7f4_d1c7,
    0x0368_c033,
    0x9aaa_2204,
    0x4e6c_d4c3,
    0x4664_82d2,
    0x09aa_9f07,
    0x05d7_c214,
    0xa202_8bd9,
    0xd19c_12b5,
    0xb94e_16de,
    0xe883_d0cb,
    0x4e3c_50a2,
];
/// RFC 8439 Appendix A.1, test vector #1: all-zero key and nonce, block count 0.
const RFC_A1_1: [u32; 16] = [
    0xade0_b876,
    0x903d_f1a0,
    0xe56a_5d40,
    0x28bd_8653,
    0xb819_d2bd,
    0x1aed_8da0,
    0xccef_36a8,
    0xc70d_778b,
    0x7c59_41da,
    0x8d48_5751,
    0x3fe0_2477,
    0x374a_d8b8,
    0xf4b8_436a,
    0x1ca1_1815,
    0x69b6_87c3,
    0x8665_eeb2,
];
/// RFC 8439 Appendix A.1, test vector #2: all-zero key and nonce, block count 1.
const RFC_A1_2: [u32; 16] = [
    0xbee7_079f,
    0x7a38_5155,
    0x7c97_ba98,
    0x0d08_2d73,
    0xa029_0fcb,
    0x6965_e348,
    0x3e53_c612,
    0xed7a_ee32,
    0x7621_b729,
    0x434e_e69c,
    0xb033_71d5,
    0xd539_d874,
    0x281f_ed31,
    0x45fb_0a51,
    0x1f0a_e1ac,
    0x6f4d_794b,
];

fn counting_key() -> [u8; 32] {
    std::array::from_fn(|i| i as u8)
}

#[test]
fn the_block_function_written_here_gives_the_rfc_8439_vectors() {
    // IETF words 12–15 are (counter, nonce0, nonce1, nonce2), little-endian.
    assert_eq!(
        block(&counting_key(), [1, 0x0900_0000, 0x4a00_0000, 0]),
        RFC_2_3_2
    );
    assert_eq!(block(&[0; 32], [0, 0, 0, 0]), RFC_A1_1);
    assert_eq!(block(&[0; 32], [1, 0, 0, 0]), RFC_A1_2);
}

#[test]
fn the_crates_stream_gives_the_rfc_8439_vectors() {
    // Its words 12–13 are a 64-bit block counter and 14–15 the stream: the §2.3.2
    // state is block 0x0900_0000_0000_0001 of stream 0x4a00_0000.
    let mut rng = ChaCha20Rng::from_seed(counting_key());
    rng.set_stream(0x4a00_0000);
    rng.set_word_pos(u128::from(0x0900_0000_0000_0001u64) * 16);
    let words: Vec<u32> = (0..16).map(|_| rng.next_u32()).collect();
    assert_eq!(words, RFC_2_3_2);
    let mut zero = ChaCha20Rng::from_seed([0; 32]);
    let words: Vec<u32> = (0..32).map(|_| zero.next_u32()).collect();
    assert_eq!(words[..16], RFC_A1_1);
    assert_eq!(words[16..], RFC_A1_2);
}

// ---- the layout, from docs/generator.md ----

#[test]
fn simrng_is_the_documented_key_and_stream() {
    for seed in [0, 1, 42, 20_260_302, u64::MAX] {
        for stream in [0, 1, 2, 7, 19_999] {
            let mut ours = Words::new(key(seed), stream);
            let mut sim = SimRng::stream(seed, stream);
            for n in 0..100 {
                assert_eq!(
                    sim.word(),
                    ours.next(),
                    "seed {seed} stream {stream} word {n}"
                );
            }
        }
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a time")
}

type Window = (NaiveDateTime, NaiveDateTime);

/// Office windows: the office spans of each of the period's working days; online
/// windows: 06:00–23:00 of every day up to the last working day; none before the start.
fn windows(s: &Scenario, calendar: &WorkCalendar) -> (Vec<Window>, Vec<Window>) {
    let start = s.meta.start;
    let first = start.date();
    let last = calendar.period_day(first, s.meta.working_days);
    let mut office = Vec::new();
    let mut online = Vec::new();
    let mut day = first;
    while day <= last {
        if calendar.is_working_day(day) {
            for TimeSpan { from, to } in &s.office.hours {
                let (a, b) = (day.and_time(*from).max(start), day.and_time(*to));
                let open =
                    calendar.is_office_time(a) && calendar.is_office_time(b - Duration::minutes(1));
                if a < b && open {
                    office.push((a, b));
                }
            }
        }
        let (a, b) = (day.and_time(hm(6, 0)).max(start), day.and_time(hm(23, 0)));
        if a < b {
            online.push((a, b));
        }
        day = day.succ_opt().expect("a next day");
    }
    (office, online)
}

fn minute(windows: &[Window], mut offset: u64) -> NaiveDateTime {
    for (a, b) in windows {
        let len = (*b - *a).num_minutes() as u64;
        if offset < len {
            return *a + Duration::minutes(offset as i64);
        }
        offset -= len;
    }
    panic!("offset past the windows")
}

#[derive(Debug, PartialEq)]
struct Planned {
    channel: Channel,
    at: NaiveDateTime,
    flaws: Vec<usize>,
}

#[test]
fn the_first_dossiers_plan_and_choices_follow_the_documentation() {
    let s = handmade::birth_2025_layout();
    let calendar = WorkCalendar::for_scenario(&s);
    let seed = 20_260_302;
    assert_eq!(s.procedures.len(), 1);
    let p = &s.procedures[0];
    assert!(p.jurisdiction.as_ref().is_none_or(|j| !j.boundary_free));
    let (office, online) = windows(&s, &calendar);
    let total = |w: &[Window]| {
        w.iter()
            .map(|(a, b)| (*b - *a).num_minutes() as u32)
            .sum::<u32>()
    };
    let shares = s.dossiers.channels;
    let mut plan = Draw(Words::new(key(seed), 0));
    let mut expected = Vec::new();
    for _ in 0..s.dossiers.count {
        plan.weighted(&[1.0]); // the mix: one procedure
        let channel = match plan.weighted(&[shares.online, shares.counter, shares.post]) {
            1 => Channel::Counter,
            2 => Channel::Post,
            _ => Channel::Online,
        };
        let outside = channel == Channel::Online && !plan.chance(0.6);
        let w = if outside { &online } else { &office };
        let at = minute(w, u64::from(plan.below(total(w))));
        let mut flaws = Vec::new();
        if plan.chance(s.dossiers.flaw_rate) {
            let weights: Vec<u32> = p.flaws.iter().map(|f| f.weight).collect();
            let first = plan.weighted_u32(&weights);
            flaws.push(first);
            let a = &p.flaws[first];
            if a.response == FlawResponse::Supplement && plan.chance(0.4) {
                // Another supplement flaw of the same stage on another component.
                let seconds: Vec<usize> = (0..p.flaws.len())
                    .filter(|&i| {
                        let b = &p.flaws[i];
                        i != first
                            && b.response == FlawResponse::Supplement
                            && b.stage == a.stage
                            && b.component != a.component
                    })
                    .collect();
                if !seconds.is_empty() {
                    let w: Vec<u32> = seconds.iter().map(|&i| p.flaws[i].weight).collect();
                    flaws.push(seconds[plan.weighted_u32(&w)]);
                }
            }
            flaws.sort_unstable();
        }
        expected.push(Planned { channel, at, flaws });
    }
    let actual = Plan::new(&s, &calendar, seed);
    assert_eq!(actual.len(), expected.len());
    let mut flawed = 0;
    for d in actual.dossiers() {
        let want = &expected[d.k as usize];
        let got = Planned {
            channel: d.channel,
            at: d.submitted_at,
            flaws: d.flaws.clone(),
        };
        assert_eq!(got, *want, "dossier k = {}", d.k);
        flawed += usize::from(!d.flaws.is_empty());
    }
    assert!(flawed > 5 && flawed < 35, "{flawed} flawed of 40");

    // The choices stream of dossier k (2k + 2): the result channel, then the
    // citizen's reply (never with chance 0.1) and the specialist's minutes.
    for i in 0..10 {
        let d = actual.draw(&s, i).expect("a dossier");
        let k = actual.dossiers()[i].k;
        let mut c = Draw(Words::new(key(seed), 2 * u64::from(k) + 2));
        let post = c.chance(s.dossiers.result_by_post);
        let open = ResultChannel::open_to(p.service, d.channel);
        let result = if post && open.contains(&ResultChannel::Post) {
            ResultChannel::Post
        } else {
            open[0]
        };
        assert_eq!(d.result_channel, result, "dossier {i}");
        let never = c.chance(0.1);
        let reply = match d.channel {
            Channel::Online => c.range(30, 2 * 24 * 60),
            Channel::Counter | Channel::Post => c.range(120, 3 * 24 * 60),
        };
        let specialist = c.range(15, 180);
        assert_eq!(d.truth.citizen_reply_minutes, (!never).then_some(reply));
        assert_eq!(d.truth.specialist_minutes, specialist);
    }
    assert_eq!(Geography::on(s.meta.start.date()), Geography::TwoLevels);
}

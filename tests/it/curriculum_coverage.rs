//! The curriculum as a whole: enough built-in scenarios, every flaw kind and
//! every mistake code reachable in one of them, and every legal reference naming
//! a real instrument.

use motcua_core::scenario::{
    Channel, EventKind, FlawKind, FlawResponse, Role, RuleSet, Scenario, Stage,
};
use motcua_core::score::MistakeCode;

use crate::support;

#[test]
fn there_are_at_least_nine_builtin_scenarios_and_one_under_the_2018_rules() {
    let all = support::builtins();
    assert!(all.len() >= 9, "only {} built-in scenarios", all.len());
    assert!(
        all.iter().any(|s| s.meta.rules == RuleSet::R2018),
        "no built-in scenario uses the 2018 rules"
    );
    assert!(
        all.iter()
            .filter(|s| s.meta.rules == RuleSet::R2025)
            .count()
            >= all.len() / 2,
        "most scenarios use the current (2025) rules"
    );
}

#[test]
fn every_flaw_kind_appears_in_some_builtin_scenario() {
    let all = support::builtins();
    let uncovered: Vec<&str> = FlawKind::ALL
        .iter()
        .filter(|k| {
            !all.iter()
                .flat_map(|s| &s.procedures)
                .flat_map(|p| &p.flaws)
                .any(|f| f.kind == **k)
        })
        .map(|k| k.key())
        .collect();
    assert!(
        uncovered.is_empty(),
        "flaw kinds in no built-in scenario: {uncovered:?}"
    );
}

#[test]
fn every_role_event_kind_and_channel_appears_in_some_builtin_scenario() {
    let all = support::builtins();
    let roles: Vec<Role> = [Role::MotCua, Role::ChuyenVien, Role::ToanBo]
        .into_iter()
        .filter(|r| !all.iter().any(|s| s.meta.role == *r))
        .collect();
    assert!(roles.is_empty(), "roles in no built-in scenario: {roles:?}");
    let events: Vec<&str> = EventKind::ALL
        .iter()
        .filter(|k| !all.iter().flat_map(|s| &s.events).any(|e| e.kind == **k))
        .map(|k| k.key())
        .collect();
    assert!(
        events.is_empty(),
        "event kinds in no built-in scenario: {events:?}"
    );
    let channels: Vec<&str> = Channel::ALL
        .iter()
        .filter(|c| !all.iter().any(|s| has_channel(s, **c)))
        .map(|c| c.key())
        .collect();
    assert!(
        channels.is_empty(),
        "channels in no built-in scenario: {channels:?}"
    );
    assert!(
        all.iter().any(|s| !s.calendar.holidays.is_empty()),
        "no built-in scenario declares an extra day off"
    );
    assert!(
        all.iter().any(|s| s
            .procedures
            .iter()
            .any(|p| p.fee_online.is_some_and(|f| f < p.fee))),
        "no built-in scenario charges less online"
    );
}

/// Whether a dossier of the scenario can come in by this channel.
fn has_channel(s: &Scenario, c: Channel) -> bool {
    let share = match c {
        Channel::Online => s.dossiers.channels.online,
        Channel::Counter => s.dossiers.channels.counter,
        Channel::Post => s.dossiers.channels.post,
    };
    (s.dossiers.count > 0 && share > 0.0) || s.dossiers.scripted.iter().any(|d| d.channel == c)
}

/// The trainee takes the desk's steps (receipt, digitising, fees, results).
fn at_desk(s: &Scenario) -> bool {
    matches!(s.meta.role, Role::MotCua | Role::ToanBo)
}

/// The trainee appraises.
fn appraises(s: &Scenario) -> bool {
    matches!(s.meta.role, Role::ChuyenVien | Role::ToanBo)
}

fn flaw_where(s: &Scenario, stage: Stage, response: FlawResponse) -> bool {
    s.procedures
        .iter()
        .flat_map(|p| &p.flaws)
        .any(|f| f.stage == stage && f.response == response)
}

fn national_db(s: &Scenario) -> bool {
    s.procedures
        .iter()
        .flat_map(|p| &p.components)
        .any(|c| c.in_national_db)
}

fn paper(s: &Scenario) -> bool {
    has_channel(s, Channel::Counter) || has_channel(s, Channel::Post)
}

/// What a built-in scenario must offer for the trainee to be able to commit a
/// mistake with this code (tests/it/score_mistakes.rs commits each one for real).
fn precondition(code: MistakeCode) -> (&'static str, fn(&Scenario) -> bool) {
    use MistakeCode::*;
    match code {
        AcceptedIncomplete | SupplementIncomplete => (
            "the trainee receives, with a receipt-stage supplement flaw",
            |s| at_desk(s) && flaw_where(s, Stage::Receipt, FlawResponse::Supplement),
        ),
        FailedToRefuse => (
            "the trainee receives, with a receipt-stage refuse flaw",
            |s| at_desk(s) && flaw_where(s, Stage::Receipt, FlawResponse::Refuse),
        ),
        SupplementNotNeeded | OutOfOrder | RefusedWithoutGround => {
            ("the trainee receives dossiers", at_desk)
        }
        SupplementTwice => ("the trainee asks for supplements", |s| {
            at_desk(s) && flaw_where(s, Stage::Receipt, FlawResponse::Supplement)
                || appraises(s) && flaw_where(s, Stage::Appraisal, FlawResponse::Supplement)
        }),
        AskedNationalDb | NotReused => (
            "the trainee receives, with a component held in a national database",
            |s| at_desk(s) && national_db(s),
        ),
        NotDigitized => (
            "the trainee forwards paper (counter or post) dossiers",
            |s| at_desk(s) && paper(s),
        ),
        ApprovedFlawed => (
            "the trainee appraises (chuyen-vien or toan-bo), with an appraisal-stage flaw",
            |s| {
                appraises(s)
                    && s.procedures
                        .iter()
                        .flat_map(|p| &p.flaws)
                        .any(|f| f.stage == Stage::Appraisal)
            },
        ),
        ResultBeforePayment => (
            "the trainee returns results of a procedure with a fee",
            |s| {
                at_desk(s)
                    && s.procedures.iter().any(|p| {
                        p.fee > 0 || p.fee_online.unwrap_or(0) > 0 || p.fee_per_page.is_some()
                    })
            },
        ),
        WrongResultChannel => ("the trainee returns results", at_desk),
        Late | LateWithoutApology | ApologyNotNeeded | Unfinished => ("any scenario", |_| true),
        NotTransferred | TransferredWrongly => (
            "the trainee receives a procedure received regardless of administrative boundary",
            |s| {
                at_desk(s)
                    && s.procedures
                        .iter()
                        .any(|p| p.jurisdiction.as_ref().is_some_and(|j| j.boundary_free))
            },
        ),
    }
}

#[test]
fn every_mistake_code_can_be_committed_in_some_builtin_scenario() {
    let all = support::builtins();
    let missing: Vec<String> = MistakeCode::ALL
        .iter()
        .filter_map(|code| {
            let (what, holds) = precondition(*code);
            (!all.iter().any(holds)).then(|| format!("{}: needs {what}", code.key()))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "mistake codes no built-in scenario allows: {missing:#?}"
    );
}

/// Instruments of the one-stop desk's framework (the mechanism, its forms, the
/// indicator set, counting periods, holidays) and of the built-ins' procedures, as
/// document numbers. Each was checked by hand against a public source; the
/// scenario headers name the sources of the procedures' instruments, and
/// docs/engine.md, docs/calendar.md and docs/scenario-authoring.md those of the
/// framework.
const FRAMEWORK_NUMBERS: &[&str] = &[
    "43/2011/NĐ-CP",    // online public services, levels 1–4
    "32/2017/TT-BTTTT", // online public services
    "61/2018/NĐ-CP",    // one-stop mechanism (2018 rules)
    "107/2021/NĐ-CP",   // amends NĐ 61/2018
    "01/2018/TT-VPCP",  // forms 01–06 (2018 rules)
    "45/2020/NĐ-CP",    // administrative procedures done electronically
    "42/2022/NĐ-CP",    // toàn trình / một phần
    "766/QĐ-TTg",       // the indicator set of the score
    "01/2023/TT-VPCP",  // digitising dossiers
    "118/2025/NĐ-CP",   // one-stop mechanism (2025 rules)
    "367/2025/NĐ-CP",   // amends NĐ 118/2025
    "03/2025/TT-VPCP",  // forms 01–07 (2025 rules)
    "87/2021/TT-BTC",   // payments through the State Treasury
    "2988/QĐ-TCHQ",     // payments to Customs
    "188/1999/QĐ-TTg",  // the weekly rest (working days)
    "63/2010/NĐ-CP",    // control of administrative procedures
    "123/2015/NĐ-CP",   // civil status, with Luật Hộ tịch (birth, marriage)
    "16/2025/TT-BTC",   // criminal-record fee
    "244/2016/TT-BTC",  // old criminal-record fee
    "23/2015/NĐ-CP",    // certified copies
    "01/2021/TT-BKHĐT", // company registration forms (before 1/7/2025)
    "01/2021/NĐ-CP",    // company and household business registration (before 1/7/2025)
    "47/2019/TT-BTC",   // publication charge
    "85/2019/TT-BTC",   // fees set by the provincial council
    "105/2017/NĐ-CP",   // liquor licence
    "168/2016/TT-BTC",  // liquor appraisal fee
    "07/2016/TT-BCA",   // personal identification numbers
    "10/2016/TT-BTTTT", // unit codes of offices
];

/// Laws and codes of the framework.
const FRAMEWORK_LAWS: &[&str] = &[
    "Luật Hộ tịch 2014",     // civil status (fee exemption, Art 11)
    "Bộ luật Dân sự 2015",   // counting periods (docs/calendar.md)
    "Bộ luật Lao động 2019", // holidays (docs/calendar.md)
    "Luật Chuyển đổi số",    // data instead of papers, from 1/7/2026 (docs/engine.md)
];

/// Real instruments of the built-ins' own procedures, each reviewed by hand with
/// the source its scenario header names.
const REVIEWED_PROCEDURE_LAWS: &[&str] = &[
    // ket-hon-2018, ngay-thi-tong-hop: the marriage-age rule.
    "Luật Hôn nhân và gia đình 2014",
    // ly-lich-tu-phap: the procedure's own law and forms.
    "Luật Lý lịch tư pháp 2009",
    "06/2024/TT-BTP",
    // giay-phep-xay-dung: building permits.
    "Luật Xây dựng 2014",
    // tam-tru: residence registration.
    "Luật Cư trú 2020",
    // Instruments in force on the scenarios' dates:
    // not asking for data the population database holds (thuvienphapluat.vn; baothanhhoa.vn).
    "104/2022/NĐ-CP",
    "66.7/2025/NQ-CP",
    // fees: temporary residence (15,000 / 7,000 đ), certified copies (a "phí").
    "75/2022/TT-BTC",
    "226/2016/TT-BTC",
    // business and household business registration from 1/7/2025, with its forms and law.
    "168/2025/NĐ-CP",
    "68/2025/TT-BTC",
    "Luật Doanh nghiệp 2020",
    "Luật 76/2025/QH15",
    // criminal records: the Law's implementing decree.
    "111/2010/NĐ-CP",
    // building permits: the decree that replaced NĐ 15/2021, and the 2020 amending law.
    "175/2024/NĐ-CP",
    "Luật 62/2020/QH14",
];

/// The instruments a reference names: document numbers (`123/2015/NĐ-CP`,
/// `766/QĐ-TTg`; form numbers like `03/2024/LLTP` have no issuer and are skipped)
/// and law titles (`Luật Hộ tịch 2014`, up to the year or the end of the clause).
fn instruments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || ",;()".contains(c)) {
        let token = token.trim_end_matches(['.', ':']);
        if token.starts_with(|c: char| c.is_ascii_digit())
            && token.contains('/')
            && token.contains('-')
        {
            found.push(token.to_string());
        }
    }
    // "Bộ luật" titles have a lower-case l, so the two searches never meet.
    found.extend(titles(text, "Luật ", true));
    found.extend(titles(text, "Bộ luật ", false));
    found
}

/// Law titles starting with `prefix`: up to the year, the end of the clause, and (when
/// `stop_at_article`) before "Điều".
fn titles(text: &str, prefix: &str, stop_at_article: bool) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let clause: String = rest[at..]
            .chars()
            .take_while(|c| !",;()".contains(*c))
            .collect();
        let words: Vec<&str> = clause.split_whitespace().collect();
        let mut end = words
            .iter()
            .position(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            .map_or(words.len(), |i| i + 1);
        if stop_at_article {
            end = words
                .iter()
                .position(|w| *w == "Điều")
                .map_or(end, |d| end.min(d));
        }
        found.push(words[..end].join(" "));
        rest = &rest[at + prefix.len()..];
    }
    found
}

fn known(instrument: &str) -> bool {
    FRAMEWORK_NUMBERS
        .iter()
        .chain(FRAMEWORK_LAWS)
        .chain(REVIEWED_PROCEDURE_LAWS)
        .any(|k| *k == instrument)
}

#[test]
fn the_instrument_parser_reads_numbers_and_law_titles() {
    assert_eq!(
        instruments("Luật Hộ tịch 2014, Điều 16 khoản 1"),
        vec!["Luật Hộ tịch 2014"]
    );
    assert_eq!(
        instruments("Thông tư 06/2024/TT-BTP (Mẫu số 03/2024/LLTP, 04/2024/LLTP)"),
        vec!["06/2024/TT-BTP"]
    );
    assert_eq!(
        instruments(
            "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP (hồ sơ tiếp nhận đến 30/6/2025)"
        ),
        vec!["61/2018/NĐ-CP", "01/2018/TT-VPCP"]
    );
    assert_eq!(
        instruments("Luật Xây dựng 2014 (sửa đổi 2020)"),
        vec!["Luật Xây dựng 2014"]
    );
    assert_eq!(instruments("QĐ 766/QĐ-TTg, chỉ số 2.1"), vec!["766/QĐ-TTg"]);
    assert!(!known("Luật Đất đai 2024"));
}

#[test]
fn every_legal_reference_names_a_real_instrument() {
    let mut offending = Vec::new();
    for s in support::builtins() {
        for p in &s.procedures {
            let texts = p
                .legal_basis
                .iter()
                .map(|t| ("legal_basis", t))
                .chain(p.flaws.iter().map(|f| ("reference", &f.reference)));
            for (key, text) in texts {
                let named = instruments(text);
                let unknown: Vec<&String> = named.iter().filter(|i| !known(i)).collect();
                if named.is_empty() || !unknown.is_empty() {
                    offending.push(format!(
                        "{} / {} / {key}: {text:?} (unknown: {unknown:?})",
                        s.meta.id, p.code
                    ));
                }
            }
        }
    }
    assert!(
        offending.is_empty(),
        "legal references that name no reviewed instrument: {offending:#?}"
    );
}

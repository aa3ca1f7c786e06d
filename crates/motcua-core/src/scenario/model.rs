//! The validated scenario: what the generator, the session and the score read.
//!
//! Built only by `scenario::load` after every check passed, so the rest of the
//! core can trust it (ids resolve, probabilities are in range, times parse).
//! Text values are NFC-normalised. No spans here: diagnostics are the loader's job.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// The scenario format version this build writes and reads.
pub const FORMAT_VERSION: i64 = 2;
/// The earlier version still read, with documented defaults and warning W005.
pub const FORMAT_VERSION_1: i64 = 1;

mod action_kind;
mod area;
mod fields;
mod keyed;
mod result;
mod scoring;
mod scripted;

pub use action_kind::ActionKind;
pub use area::{
    Area, CLOSE_RELATIVES, Condition, Geography, Jurisdiction, LegalForm, Level, RequiredIf,
    is_close_relative, merger_date,
};
pub use fields::{Attr, FieldRef, Party, Stage};
pub use keyed::keyed_enum;
pub use result::ResultChannel;
pub use scoring::{Deduction, Scoring, StepKind};
pub use scripted::{EventKind, ScriptedDossier, ScriptedEvent};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub meta: Meta,
    pub office: Office,
    pub calendar: CalendarExtras,
    pub costs: Costs,
    pub procedures: Vec<Procedure>,
    pub dossiers: DossierPlan,
    pub events: Vec<ScriptedEvent>,
    pub scoring: Scoring,
}

impl Scenario {
    pub fn procedure(&self, code: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| &*p.code == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub difficulty: Difficulty,
    pub role: Role,
    pub rules: RuleSet,
    /// Start of the simulated period, Vietnam local time (UTC+7).
    pub start: NaiveDateTime,
    pub working_days: u32,
    pub seed: u64,
    pub pass_score: u32,
    pub briefing: String,
    pub briefing_en: Option<String>,
    pub objectives: Vec<String>,
    pub objectives_en: Vec<String>,
}

keyed_enum!(
    Difficulty {
        CoBan = "co-ban",
        TrungBinh = "trung-binh",
        NangCao = "nang-cao",
    }
);

keyed_enum!(
    Role {
        /// Desk officer at the one-stop desk.
        MotCua = "mot-cua",
        /// Specialist who appraises.
        ChuyenVien = "chuyen-vien",
        /// The whole chain, desk to result.
        ToanBo = "toan-bo",
    }
);

keyed_enum!(
    /// Which body of rules and forms applies.
    RuleSet {
        /// NĐ 61/2018, TT 01/2018 forms 01–06, three administrative levels, 63 provinces.
        R2018 = "2018",
        /// NĐ 118/2025, TT 03/2025 forms 01–07, two levels, 34 provinces.
        R2025 = "2025",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Office {
    pub name: String,
    /// Unit code per QCVN 102:2016, the first part of every dossier code.
    pub unit_code: String,
    /// The desk's area on the scenario's start date: province (tỉnh / thành phố), its
    /// commune (xã, phường, đặc khu) when the desk is a commune's, and before
    /// 1/7/2025 the district (quận, huyện, thị xã, thành phố thuộc tỉnh) of that commune.
    pub province: String,
    pub commune: Option<String>,
    pub district: Option<String>,
    /// The same desk's area from 1/7/2025, for a period that starts before that date.
    pub after_merger: Option<Area>,
    pub hours: Vec<TimeSpan>,
    pub same_day_cutoff: NaiveTime,
    pub saturday_morning: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimeSpan {
    pub from: NaiveTime,
    pub to: NaiveTime,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CalendarExtras {
    pub holidays: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
}

/// Minutes of simulated time each action costs. Keys are action names of the
/// action log (`inspect`, `accept`, ...); actions not listed use the built-in default.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Costs {
    pub minutes: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Procedure {
    pub code: std::sync::Arc<str>,
    pub name: String,
    pub name_en: Option<String>,
    pub agency: String,
    pub service: ServiceLevel,
    pub deadline: Deadline,
    /// Fee (phí / lệ phí) in VND at the desk.
    pub fee: u64,
    /// Fee when filed online; `None` means the same as `fee`.
    pub fee_online: Option<u64>,
    /// A charge per page of one component, added to `fee` / `fee_online`.
    pub fee_per_page: Option<PageFee>,
    /// How long the specialist's verification (a site check) takes, in working days.
    /// Without it, verification takes 15–180 office minutes.
    pub site_check: Option<SiteCheck>,
    pub legal_basis: Vec<String>,
    pub result: String,
    /// Which residence or place decides competence; `None`: any desk of its kind.
    pub jurisdiction: Option<Jurisdiction>,
    /// How this procedure names its parties ("Chủ sở hữu chỗ ở"), overriding the general labels.
    pub party_labels: BTreeMap<Party, String>,
    pub party_labels_en: BTreeMap<Party, String>,
    /// The legal form of the business party; `None`: any company form.
    pub legal_form: Option<LegalForm>,
    pub components: Vec<Component>,
    pub flaws: Vec<Flaw>,
}

/// A charge by the page, like the certified-copy fee: `first` VND for each of
/// Working days a site check takes: each dossier's length lies between the two,
/// spread by its drawn specialist time, so the seed decides which run long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SiteCheck {
    pub min_days: u32,
    pub max_days: u32,
}

impl SiteCheck {
    /// Working days for a dossier whose drawn specialist time is `minutes` (15–180).
    pub fn days(&self, minutes: u32) -> u32 {
        let span = self.max_days.saturating_sub(self.min_days);
        let share = minutes.saturating_sub(15).min(165);
        self.min_days + span * share / 165
    }
}

/// the first `first_pages` pages, `rest` for each page after, at most `max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageFee {
    /// The component whose pages are counted.
    pub component: String,
    pub first_pages: u32,
    pub first: u64,
    pub rest: u64,
    pub max: Option<u64>,
}

impl PageFee {
    /// The charge for `pages` pages.
    pub fn amount(&self, pages: u32) -> u64 {
        let first = u64::from(pages.min(self.first_pages));
        let rest = u64::from(pages.saturating_sub(self.first_pages));
        let sum = first
            .saturating_mul(self.first)
            .saturating_add(rest.saturating_mul(self.rest));
        self.max.map_or(sum, |max| sum.min(max))
    }
}

impl Procedure {
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| &*c.id == id)
    }
    pub fn flaw(&self, id: &str) -> Option<&Flaw> {
        self.flaws.iter().find(|f| f.id == id)
    }
}

keyed_enum!(
    ServiceLevel {
        /// ≈ level 4: online payment, result online or by public post (NĐ 42/2022 Art 11.1a).
        ToanTrinh = "toan-trinh",
        /// ≈ level 3: fee and result at the desk (NĐ 42/2022 Art 11.1b).
        MotPhan = "mot-phan",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    SameDay,
    WorkingDays(u32),
    WorkingHours(u32),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub id: std::sync::Arc<str>,
    pub name: String,
    pub copy: CopyKind,
    pub required: bool,
    /// Needed only when a party meets a condition (not with `required`).
    pub required_if: Option<RequiredIf>,
    pub in_national_db: bool,
    /// Labelled fields in file order: what the officer reads on the document.
    pub fields: Vec<FieldSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldSpec {
    /// Shared with every dossier's copy of the field.
    pub label: std::sync::Arc<str>,
    pub source: FieldRef,
}

keyed_enum!(
    CopyKind {
        BanChinh = "ban-chinh",
        BanSao = "ban-sao",
        BanDienTu = "ban-dien-tu",
    }
);

keyed_enum!(
    /// What is wrong with a dossier, as an officer sees it.
    FlawKind {
        Missing = "missing",
        Mismatch = "mismatch",
        Expired = "expired",
        Illegible = "illegible",
        Unsigned = "unsigned",
        Underage = "underage",
        OutOfJurisdiction = "out-of-jurisdiction",
    }
);

impl FlawKind {
    /// Whether a flaw of this kind must name a component.
    pub fn needs_component(self) -> bool {
        use FlawKind::*;
        match self {
            Missing | Mismatch | Expired | Illegible | Unsigned => true,
            Underage | OutOfJurisdiction => false,
        }
    }
    /// Whether a flaw of this kind must name a field (`party.attribute`).
    pub fn needs_field(self) -> bool {
        use FlawKind::*;
        match self {
            Mismatch | Expired | Underage | OutOfJurisdiction => true,
            Missing | Illegible | Unsigned => false,
        }
    }
}

keyed_enum!(
    FlawResponse {
        /// Ask, in writing and once, for everything missing (form 02).
        Supplement = "supplement",
        /// Refuse in writing with the reason (form 03).
        Refuse = "refuse",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flaw {
    pub id: String,
    pub kind: FlawKind,
    pub component: Option<String>,
    pub field: Option<FieldRef>,
    pub response: FlawResponse,
    /// `receipt` (default): visible in the documents. `appraisal`: the documents look
    /// sound; the specialist's verification after acceptance finds it.
    pub stage: Stage,
    /// Minimum age for `underage` flaws.
    pub min_age: Option<MinAge>,
    pub reference: String,
    pub explain: String,
    pub explain_en: Option<String>,
    /// Relative chance of this flaw among the procedure's flaws (default 1).
    pub weight: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MinAge {
    pub male: u32,
    pub female: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierPlan {
    /// Number of generated dossiers, besides the scripted ones.
    pub count: u32,
    pub flaw_rate: f64,
    pub channels: ChannelShares,
    /// Share of applicants who ask for the result by public post where they may
    /// choose (`result_by_post`); the others take the usual way (`ResultChannel::open_to`).
    pub result_by_post: f64,
    /// Relative share of each procedure among generated dossiers; empty means equal shares.
    pub mix: BTreeMap<String, f64>,
    pub scripted: Vec<ScriptedDossier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChannelShares {
    pub online: f64,
    pub counter: f64,
    pub post: f64,
}

keyed_enum!(
    /// How a dossier reached the office (`KenhThucHien`: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích).
    Channel {
        Online = "online",
        Counter = "counter",
        Post = "post",
    }
);

/// A moment inside the simulated period: the n-th working day (1-based) and a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DayTime {
    pub day: u32,
    pub time: NaiveTime,
}

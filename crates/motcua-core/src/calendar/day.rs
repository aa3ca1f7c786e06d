//! What a date is, as codes: the core never writes prose (the CLI names them).

use chrono::NaiveDate;
use serde::Serialize;

use crate::scenario::model::keyed_enum;

keyed_enum!(
    /// The public holidays of Bộ luật Lao động 2019, Điều 112. The key is used
    /// in data/holidays.toml and in JSON output.
    HolidayName {
        TetDuongLich = "tet-duong-lich",
        TetNguyenDan = "tet-nguyen-dan",
        GioToHungVuong = "gio-to-hung-vuong",
        GiaiPhong = "giai-phong",
        QuocTeLaoDong = "quoc-te-lao-dong",
        QuocKhanh = "quoc-khanh",
    }
);

/// Where a day's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The year's official schedule (data/holidays.toml).
    Official,
    /// Derived by rule: the weekly rest, the Labour Code, the lunar calendar.
    Rule,
    /// The scenario's `[calendar]` lists.
    Scenario,
}

/// Why a date is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum DayOffKind {
    /// Saturday or Sunday (the weekly rest of state agencies).
    Weekend,
    /// A statutory holiday day (Điều 112).
    Holiday { holiday: HolidayName },
    /// A day in lieu of a holiday that fell on a weekly rest day (nghỉ bù, Điều 111 khoản 3).
    Compensatory { holiday: HolidayName },
    /// A working day given off around a holiday and worked back on `workday` (hoán đổi).
    Swapped {
        holiday: HolidayName,
        workday: NaiveDate,
    },
    /// An extra day off listed by the scenario.
    ScenarioHoliday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DayOff {
    pub kind: DayOffKind,
    pub source: Source,
}

/// A day that differs from an ordinary week: off on a weekday, or worked on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum EntryKind {
    /// Not a working day.
    Off { off: DayOffKind },
    /// A make-up working day (làm bù): a full working day even on a Saturday.
    /// `holiday` and `instead_of` are set when it pays back a swapped day.
    MakeUp {
        holiday: Option<HolidayName>,
        instead_of: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CalendarEntry {
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub source: Source,
}

impl CalendarEntry {
    /// The day off this entry describes, if it is one.
    pub fn day_off(&self) -> Option<DayOff> {
        match self.kind {
            EntryKind::Off { off } => Some(DayOff {
                kind: off,
                source: self.source,
            }),
            EntryKind::MakeUp { .. } => None,
        }
    }
}

//! The built-in public holidays: the statutory days of each holiday (from the
//! official schedule when data/holidays.toml has the year, else by rule), the
//! days in lieu, and the swapped days with their make-up Saturdays.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::day::{CalendarEntry, DayOffKind, EntryKind, HolidayName, Source};
use super::{lunar, official};

/// Years with built-in holidays. Outside them only the weekly rest applies.
pub const YEARS: RangeInclusive<i32> = 1900..=2199;

/// Bộ luật Lao động 2019 (in force 1/1/2021) added a day next to 2/9.
const SECOND_NATIONAL_DAY_FROM: i32 = 2021;

pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The statutory days of `holiday` in `year` by rule, when no official schedule says otherwise.
///
/// - Tết Nguyên Đán: the last day of lunar month 12 and mùng 1 to mùng 4.
/// - Giỗ Tổ Hùng Vương: 10/3 âm lịch.
/// - Quốc khánh: 2/9 and, from 2021, the neighbour (1/9 or 3/9) that is a
///   weekday and joins the break to a weekend; if neither does, the weekday
///   neighbour, 1/9 first. This matches the sourced schedules of 2024–2026.
pub fn rule_days(year: i32, holiday: HolidayName) -> Vec<NaiveDate> {
    let days: Vec<Option<NaiveDate>> = match holiday {
        HolidayName::TetDuongLich => vec![ymd(year, 1, 1)],
        HolidayName::TetNguyenDan => match lunar::tet(year) {
            Some(m1) => (0..5u64)
                .map(|i| {
                    m1.checked_sub_days(Days::new(1))?
                        .checked_add_days(Days::new(i))
                })
                .collect(),
            None => vec![],
        },
        HolidayName::GioToHungVuong => vec![lunar::to_solar(lunar::LunarDate {
            year,
            month: 3,
            day: 10,
            leap: false,
        })],
        HolidayName::GiaiPhong => vec![ymd(year, 4, 30)],
        HolidayName::QuocTeLaoDong => vec![ymd(year, 5, 1)],
        HolidayName::QuocKhanh => {
            let mut v = vec![ymd(year, 9, 2)];
            if year >= SECOND_NATIONAL_DAY_FROM {
                v.push(national_day_neighbour(year));
            }
            v
        }
    };
    days.into_iter().flatten().collect()
}

fn national_day_neighbour(year: i32) -> Option<NaiveDate> {
    let before = ymd(year, 9, 1)?;
    let after = ymd(year, 9, 3)?;
    let joins_weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Mon | Weekday::Fri);
    [before, after]
        .into_iter()
        .find(|&d| !is_weekend(d) && joins_weekend(d))
        .or_else(|| [before, after].into_iter().find(|&d| !is_weekend(d)))
}

/// Every built-in day of one year's holidays, keyed by date. A swapped day of
/// a January holiday may fall in the December before.
#[derive(Debug, Default)]
pub(crate) struct YearTable {
    entries: BTreeMap<NaiveDate, (EntryKind, Source)>,
}

impl YearTable {
    fn build(year: i32) -> Self {
        let mut table = YearTable::default();
        if !YEARS.contains(&year) {
            return table;
        }
        // Statutory days whose days in lieu must be derived, with their source.
        let mut derive: Vec<(NaiveDate, HolidayName, Source)> = Vec::new();
        for &holiday in HolidayName::ALL {
            match official::find(year, holiday) {
                Some(s) => {
                    for &d in &s.days {
                        table.put(d, off(DayOffKind::Holiday { holiday }), Source::Official);
                    }
                    match &s.compensatory {
                        Some(days) => {
                            for &d in days {
                                let kind = off(DayOffKind::Compensatory { holiday });
                                table.put(d, kind, Source::Official);
                            }
                        }
                        None => {
                            derive.extend(s.days.iter().map(|&d| (d, holiday, Source::Official)))
                        }
                    }
                    for w in &s.swaps {
                        let kind = DayOffKind::Swapped {
                            holiday,
                            workday: w.work,
                        };
                        table.put(w.off, off(kind), Source::Official);
                        let make_up = EntryKind::MakeUp {
                            holiday: Some(holiday),
                            instead_of: Some(w.off),
                        };
                        table.put(w.work, make_up, Source::Official);
                    }
                }
                None => {
                    for d in rule_days(year, holiday) {
                        table.put(d, off(DayOffKind::Holiday { holiday }), Source::Rule);
                        derive.push((d, holiday, Source::Rule));
                    }
                }
            }
        }
        derive.sort();
        for (d, holiday, source) in derive {
            if is_weekend(d) {
                table.add_day_in_lieu(d, holiday, source);
            }
        }
        table
    }

    fn put(&mut self, date: NaiveDate, kind: EntryKind, source: Source) {
        self.entries.entry(date).or_insert((kind, source));
    }

    /// Điều 111 khoản 3: a holiday on a weekly rest day gives the next working day off.
    fn add_day_in_lieu(&mut self, from: NaiveDate, holiday: HolidayName, source: Source) {
        let mut d = from;
        for _ in 0..366 {
            let Some(next) = d.succ_opt() else { return };
            d = next;
            if !is_weekend(d) && !self.entries.contains_key(&d) {
                self.put(d, off(DayOffKind::Compensatory { holiday }), source);
                return;
            }
        }
    }

    fn get(&self, date: NaiveDate) -> Option<CalendarEntry> {
        self.entries
            .get(&date)
            .map(|&(kind, source)| CalendarEntry { date, kind, source })
    }
}

fn off(kind: DayOffKind) -> EntryKind {
    EntryKind::Off { off: kind }
}

/// Number of years with built-in holidays.
const YEAR_COUNT: usize = (*YEARS.end() - *YEARS.start() + 1) as usize;

/// The table of `year`, built once per process (it depends on nothing but the year).
/// One slot per year, filled once: look-ups after that take no lock.
fn year_table(year: i32) -> &'static YearTable {
    static EMPTY: YearTable = YearTable {
        entries: BTreeMap::new(),
    };
    static TABLES: [OnceLock<YearTable>; YEAR_COUNT] = [const { OnceLock::new() }; YEAR_COUNT];
    let slot = usize::try_from(year - *YEARS.start())
        .ok()
        .and_then(|i| TABLES.get(i));
    match slot {
        Some(cell) => cell.get_or_init(|| YearTable::build(year)),
        None => &EMPTY,
    }
}

/// The built-in status of `date` (holiday, day in lieu, swapped day, make-up
/// Saturday), or `None` for an ordinary day.
pub(crate) fn built_in(date: NaiveDate) -> Option<CalendarEntry> {
    if marks(date.year()).is_some_and(|m| !m.has(date)) {
        return None;
    }
    let y = date.year();
    [y, y.saturating_add(1), y.saturating_sub(1)]
        .into_iter()
        .find_map(|year| year_table(year).get(date))
}

/// The days of one year that some table names: most days are ordinary, and a bit
/// says so without searching three tables.
struct Marks([u64; 6]);

impl Marks {
    fn has(&self, date: NaiveDate) -> bool {
        let n = date.ordinal0() as usize;
        self.0[n / 64] & (1 << (n % 64)) != 0
    }
}

/// The marks of `year` (from the tables of the year and both neighbours, as
/// `built_in` reads them), built once per process; `None` outside `YEARS`.
fn marks(year: i32) -> Option<&'static Marks> {
    static MARKS: [OnceLock<Marks>; YEAR_COUNT] = [const { OnceLock::new() }; YEAR_COUNT];
    let cell = MARKS.get(usize::try_from(year - *YEARS.start()).ok()?)?;
    Some(cell.get_or_init(|| {
        let mut bits = [0u64; 6];
        for table in [year - 1, year, year + 1].map(year_table) {
            for date in table.entries.keys().filter(|d| d.year() == year) {
                let n = date.ordinal0() as usize;
                bits[n / 64] |= 1 << (n % 64);
            }
        }
        Marks(bits)
    }))
}

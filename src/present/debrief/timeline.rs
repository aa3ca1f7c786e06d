//! The debrief's timeline: one row per dossier across the working days of the
//! period (arrival, acceptance, the wait for a supplement, the due moment, the end),
//! so a trainee sees where the time went. Built once from the event log and the
//! score; `Row::marks` lays a row out on any number of columns.
//!
//! The axis counts working days: a moment is its working day's index plus the share
//! of that day's office time already gone (a Saturday desk or holiday moment sits at
//! the start of the next working day, where its time starts to count). A short period
//! gives each day several cells (morning and afternoon apart); a long one, up to
//! 10,000 working days, gives each cell several days (`Scale::fit`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::present::labels::office_day_minutes;
use motcua_core::calendar::WorkCalendar;
use motcua_core::score::Debrief;
use motcua_core::score::timeliness::Clock;
use motcua_core::session::{Event, Happened};

/// At most this many cells for one working day (about 20 office minutes each).
pub const MAX_CELLS_PER_DAY: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The working days of the period, in order: the axis.
    pub days: Vec<NaiveDate>,
    pub rows: Vec<Row>,
    /// Office minutes of one working day: what a day of overrun is.
    pub day_minutes: u64,
}

/// A dossier's moments as positions on the axis (see the module comment).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub code: String,
    pub arrived: f64,
    pub accepted: Option<f64>,
    /// Waits for the citizen's supplement: asked, then received (or the bar's end).
    pub waits: Vec<(f64, f64)>,
    /// `None` without a clock; beyond the last day when due after the period.
    pub due: Option<f64>,
    pub ended: Option<f64>,
    /// Where the bar stops: the end, or where the log stops for an open dossier.
    pub last: f64,
    pub verdict: Verdict,
}

/// What the row says at its right, as the score judged it (QĐ 766, 2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    OnTime,
    /// Office minutes past the due moment: to the end, to the supplement request
    /// that stopped the clock, or to where the log stops for one never finished.
    Late {
        minutes: u64,
        open: bool,
    },
    /// Accepted, not due yet where the log stops.
    Running,
    /// Never accepted: no time limit ran.
    NoClock,
}

/// What one cell shows; a later variant wins a cell several things fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Blank,
    /// Arrived, not decided yet.
    Queued,
    /// Accepted, the clock running.
    Running,
    /// Waiting for the citizen's supplement.
    Waiting,
    /// Past the due moment, not finished.
    Overdue,
    Arrival,
    Acceptance,
    /// Due after the period: shown at its last cell.
    DueLater,
    Due,
    /// Ended with no clock (returned or refused at the desk).
    Closed,
    EndOnTime,
    EndLate,
}

impl Mark {
    /// The symbol, readable without colour.
    pub fn symbol(self) -> char {
        match self {
            Mark::Blank => ' ',
            Mark::Queued => '·',
            Mark::Running => '─',
            Mark::Waiting => '┄',
            Mark::Overdue => '━',
            Mark::Arrival => '○',
            Mark::Acceptance => '●',
            Mark::DueLater => '»',
            Mark::Due => '◆',
            Mark::Closed => '■',
            Mark::EndOnTime => '✔',
            Mark::EndLate => '✖',
        }
    }

    /// Every mark but the blank, in the legend's order.
    pub const LEGEND: [Mark; 11] = [
        Mark::Arrival,
        Mark::Queued,
        Mark::Acceptance,
        Mark::Running,
        Mark::Waiting,
        Mark::Due,
        Mark::DueLater,
        Mark::Overdue,
        Mark::EndOnTime,
        Mark::EndLate,
        Mark::Closed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Mark::Blank => "blank",
            Mark::Queued => "queued",
            Mark::Running => "running",
            Mark::Waiting => "waiting",
            Mark::Overdue => "overdue",
            Mark::Arrival => "arrival",
            Mark::Acceptance => "acceptance",
            Mark::DueLater => "due_later",
            Mark::Due => "due",
            Mark::Closed => "closed",
            Mark::EndOnTime => "end_on_time",
            Mark::EndLate => "end_late",
        }
    }
}

/// How days map to cells: `cells_per_day` cells a day, or one cell for
/// `days_per_cell` days (one of the two is 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub cells_per_day: usize,
    pub days_per_cell: usize,
}

impl Scale {
    /// The finest scale that shows `days` working days in `width` cells.
    pub fn fit(days: usize, width: usize) -> Scale {
        let (days, width) = (days.max(1), width.max(1));
        if days <= width {
            Scale {
                cells_per_day: (width / days).min(MAX_CELLS_PER_DAY),
                days_per_cell: 1,
            }
        } else {
            Scale {
                cells_per_day: 1,
                days_per_cell: days.div_ceil(width),
            }
        }
    }

    /// Cells for `days` working days.
    pub fn columns(self, days: usize) -> usize {
        (days.max(1) * self.cells_per_day).div_ceil(self.days_per_cell)
    }

    /// The cell of a position (unclamped).
    pub fn column(self, pos: f64) -> usize {
        let cell = pos.max(0.0) * self.cells_per_day as f64 / self.days_per_cell as f64;
        cell.floor() as usize
    }
}

impl Row {
    /// The row on `scale`: the spans first, then the moments over them.
    pub fn marks(&self, scale: Scale, days: usize) -> Vec<Mark> {
        let columns = scale.columns(days);
        let mut cells = vec![Mark::Blank; columns];
        let last_cell = columns.saturating_sub(1);
        let col = |pos: f64| scale.column(pos).min(last_cell);
        let mut paint = |from: f64, to: f64, mark: Mark| {
            for c in &mut cells[col(from)..=col(to.max(from))] {
                *c = (*c).max(mark);
            }
        };
        paint(
            self.arrived,
            self.accepted.unwrap_or(self.last),
            Mark::Queued,
        );
        if let Some(accepted) = self.accepted {
            paint(accepted, self.last, Mark::Running);
        }
        for &(from, to) in &self.waits {
            paint(from, to, Mark::Waiting);
        }
        if let (Verdict::Late { .. }, Some(due)) = (self.verdict, self.due) {
            paint(due, self.late_until(), Mark::Overdue);
        }
        let mut point = |pos: f64, mark: Mark| {
            let c = col(pos);
            cells[c] = cells[c].max(mark);
        };
        point(self.arrived, Mark::Arrival);
        if let Some(a) = self.accepted {
            point(a, Mark::Acceptance);
        }
        match self.due {
            Some(due) if due < days as f64 => point(due, Mark::Due),
            Some(_) => point(f64::MAX, Mark::DueLater),
            None => {}
        }
        if let Some(end) = self.ended {
            point(end, self.end_mark());
        }
        cells
    }

    /// Where the overdue stretch stops: the end, or the bar's end while open.
    fn late_until(&self) -> f64 {
        self.ended.unwrap_or(self.last)
    }

    fn end_mark(&self) -> Mark {
        match self.verdict {
            Verdict::OnTime => Mark::EndOnTime,
            Verdict::Late { .. } => Mark::EndLate,
            Verdict::Running | Verdict::NoClock => Mark::Closed,
        }
    }
}

/// The timeline of an attempt: its log, its calendar, the first day of its period
/// and the debrief (due moments, on time or not, where the log stops).
pub fn build(
    events: &[Event],
    calendar: &WorkCalendar,
    first_day: NaiveDate,
    d: &Debrief,
) -> Timeline {
    let days = working_days(calendar, first_day, d.period_end.date());
    let axis = Axis { calendar, days };
    let clock = Clock::read(events);
    let mut rows: Vec<Row> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for e in events {
        let Some(code) = e.what.dossier() else {
            continue;
        };
        if let Happened::Arrived { .. } = e.what {
            index.insert(code, rows.len());
            rows.push(Row {
                code: code.to_string(),
                arrived: axis.pos(e.at),
                accepted: None,
                waits: Vec::new(),
                due: None,
                ended: None,
                last: 0.0,
                verdict: Verdict::NoClock,
            });
            continue;
        }
        let Some(row) = index.get(code).map(|&i| &mut rows[i]) else {
            continue;
        };
        match &e.what {
            Happened::SupplementRequested { .. } => row.waits.push((axis.pos(e.at), f64::NAN)),
            Happened::SupplementReceived { .. } => close_wait(row, axis.pos(e.at)),
            _ => {}
        }
    }
    let on_time: HashMap<&str, Option<bool>> = d
        .dossiers
        .iter()
        .map(|r| (r.code.as_str(), r.on_time))
        .collect();
    for row in &mut rows {
        let Some(t) = clock.dossiers.get(row.code.as_str()) else {
            continue;
        };
        row.accepted = t.accepted_at.map(|at| axis.pos(at));
        row.due = t.due.map(|at| axis.pos(at));
        row.ended = t.ended_at.map(|at| axis.pos(at));
        row.last = row.ended.unwrap_or_else(|| axis.pos(d.as_of));
        close_wait(row, row.last);
        row.verdict = match (on_time.get(row.code.as_str()).copied().flatten(), t.due) {
            (Some(true), _) => Verdict::OnTime,
            (Some(false), Some(due)) => {
                let end = t.ended_at.or(t.waiting_since).unwrap_or(d.as_of);
                Verdict::Late {
                    // Late means after the due moment: never shown as no time at all.
                    minutes: calendar.office_minutes_between(due, end).max(1),
                    open: t.ended_at.is_none(),
                }
            }
            (_, Some(_)) => Verdict::Running,
            (_, None) => Verdict::NoClock,
        };
    }
    Timeline {
        day_minutes: office_day_minutes(calendar),
        days: axis.days,
        rows,
    }
}

/// An open wait ends at `at`.
fn close_wait(row: &mut Row, at: f64) {
    if let Some(w) = row.waits.last_mut().filter(|w| w.1.is_nan()) {
        w.1 = at;
    }
}

fn working_days(calendar: &WorkCalendar, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| calendar.is_working_day(*d))
        .collect()
}

struct Axis<'a> {
    calendar: &'a WorkCalendar,
    days: Vec<NaiveDate>,
}

impl Axis<'_> {
    /// Working days since the first of the period, with the share of office time
    /// gone on its own day (kept below 1, so the close stays on its day).
    fn pos(&self, t: NaiveDateTime) -> f64 {
        let date = t.date();
        let i = self.days.partition_point(|d| *d < date);
        if self.days.get(i) != Some(&date) {
            return i as f64;
        }
        let opening = date.and_time(self.calendar.hours.opening());
        let gone = self.calendar.office_minutes_between(opening, t) as f64;
        let share = gone / office_day_minutes(self.calendar) as f64;
        i as f64 + share.min(0.999)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(verdict: Verdict) -> Row {
        Row {
            code: "X".into(),
            arrived: 0.1,
            accepted: Some(0.2),
            waits: Vec::new(),
            due: Some(1.999),
            ended: Some(3.5),
            last: 3.5,
            verdict,
        }
    }

    fn symbols(marks: &[Mark]) -> String {
        marks.iter().map(|m| m.symbol()).collect()
    }

    #[test]
    fn a_short_period_gives_each_day_several_cells_a_long_one_several_days_a_cell() {
        assert_eq!(
            Scale::fit(5, 50),
            Scale {
                cells_per_day: 10,
                days_per_cell: 1
            }
        );
        assert_eq!(Scale::fit(5, 12).cells_per_day, 2);
        assert_eq!(Scale::fit(2, 100).cells_per_day, MAX_CELLS_PER_DAY);
        // 10,000 working days in 50 cells: 200 a cell, 50 cells.
        let long = Scale::fit(10_000, 50);
        assert_eq!(long.days_per_cell, 200);
        assert_eq!(long.columns(10_000), 50);
        // 101 days in 50 cells: 3 a cell, 34 cells.
        assert_eq!(Scale::fit(101, 50).columns(101), 34);
    }

    #[test]
    fn a_late_dossier_shows_its_overrun_from_the_due_cell_to_the_cross() {
        // Five days, two cells a day: arrived and accepted on the morning of day 1
        // (cell 0), due at the close of day 2 (cell 3), ended on day 4 at midday
        // (cell 7): overdue from cell 4 to 6.
        let scale = Scale::fit(5, 10);
        let late = row(Verdict::Late {
            minutes: 600,
            open: false,
        });
        assert_eq!(symbols(&late.marks(scale, 5)), "●──◆━━━✖  ");
        let on_time = Row {
            ended: Some(1.5),
            last: 1.5,
            ..row(Verdict::OnTime)
        };
        assert_eq!(symbols(&on_time.marks(scale, 5)), "●──✔      ");
    }

    #[test]
    fn a_wait_for_the_citizen_shows_and_a_due_moment_after_the_period_points_right() {
        let scale = Scale::fit(5, 10);
        let waiting = Row {
            waits: vec![(0.6, 1.4)],
            due: Some(7.0),
            ended: None,
            last: 4.999,
            ..row(Verdict::Running)
        };
        assert_eq!(symbols(&waiting.marks(scale, 5)), "●┄┄──────»");
    }
}
